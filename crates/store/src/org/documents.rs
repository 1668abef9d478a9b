//! A Pemda's document settings and logo in storage: one row per tenant, the settings as a versioned JSON document
//! (`document_settings.doc`), the logo as the cleaned bytes of its upload. Each change is audited; the audit entry
//! names the logo by its type, size and SHA-256, never its bytes.

use domain::ids::TenantId;
use domain::org::{DocumentSettingsDraft, RawDocumentSettings, Signer, check_logo};
use domain::problems::FieldProblem;
use serde::{Deserialize, Serialize};
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::audit::{self, Change};
use crate::{ActionCx, Conn, StoreError};

/// The settings a document reads.
pub type DocumentSettings = DocumentSettingsDraft;

/// The settings of a Pemda that has set nothing: the tenant's name alone in the letterhead, and signature blocks
/// as an official letter has them, the name underlined over the NIP.
// Source: Permendagri 1/2023 (tata naskah dinas), signature block with name and NIP.
pub fn defaults() -> DocumentSettings {
    DocumentSettings { underline_name: true, show_nip: true, ..DocumentSettings::default() }
}

/// The logo's format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogoKind {
    /// PNG.
    Png,
    /// JPEG.
    Jpeg,
}

impl LogoKind {
    fn code(self) -> &'static str {
        match self {
            LogoKind::Png => "png",
            LogoKind::Jpeg => "jpeg",
        }
    }
}

const TABLE: &str = "document_settings";
const VERSION: u32 = 1;

/// Version 1 of `document_settings.doc`.
#[derive(Serialize, Deserialize)]
struct DocV1 {
    government: Option<String>,
    lines: Vec<String>,
    place: Option<String>,
    underline_name: bool,
    show_nip: bool,
    report_signer: Option<SignerV1>,
}

#[derive(Serialize, Deserialize)]
struct SignerV1 {
    office: String,
    name: String,
    nip: Option<String>,
}

fn to_doc(it: &DocumentSettings) -> DocV1 {
    DocV1 {
        government: it.government.clone(),
        lines: it.lines.clone(),
        place: it.place.clone(),
        underline_name: it.underline_name,
        show_nip: it.show_nip,
        report_signer: it.report_signer.as_ref().map(|it| SignerV1 {
            office: it.office.clone(),
            name: it.name.clone(),
            nip: it.nip.clone(),
        }),
    }
}

fn from_doc(doc: DocV1) -> DocumentSettings {
    DocumentSettings {
        government: doc.government,
        lines: doc.lines,
        place: doc.place,
        underline_name: doc.underline_name,
        show_nip: doc.show_nip,
        report_signer: doc.report_signer.map(|it| Signer { office: it.office, name: it.name, nip: it.nip }),
    }
}

/// The tenant's settings, when it has saved any.
pub async fn find_settings(conn: &mut Conn, tenant: &TenantId) -> Result<Option<DocumentSettings>, StoreError> {
    let doc: Option<(String,)> = sqlx::query_as("SELECT doc FROM document_settings WHERE tenant_id = $1")
        .bind(tenant.as_str())
        .fetch_optional(conn)
        .await?;
    let Some((text,)) = doc else { return Ok(None) };
    let (version, doc) = crate::docs::read::<DocV1>(&text, TABLE)?;
    crate::docs::known(version, VERSION, TABLE)?;
    Ok(Some(from_doc(doc)))
}

/// The tenant's logo, when it has one.
pub async fn find_logo(conn: &mut Conn, tenant: &TenantId) -> Result<Option<(LogoKind, Vec<u8>)>, StoreError> {
    let row: Option<(Option<String>, Option<Vec<u8>>)> =
        sqlx::query_as("SELECT logo_type, logo FROM document_settings WHERE tenant_id = $1")
            .bind(tenant.as_str())
            .fetch_optional(conn)
            .await?;
    match row {
        Some((Some(kind), Some(bytes))) => {
            let kind = match kind.as_str() {
                "png" => LogoKind::Png,
                "jpeg" => LogoKind::Jpeg,
                other => return Err(StoreError::corrupt(TABLE, format!("logo type {other}"))),
            };
            Ok(Some((kind, bytes)))
        }
        _ => Ok(None),
    }
}

/// Writes the settings, keeping the logo; a first save makes the row.
async fn update_doc(conn: &mut Conn, cx: &ActionCx<'_>, doc: &str) -> Result<(), StoreError> {
    let updated = sqlx::query("UPDATE document_settings SET doc = $2, updated_at_ms = $3 WHERE tenant_id = $1")
        .bind(cx.tenant.as_str())
        .bind(doc)
        .bind(cx.now_ms())
        .execute(&mut *conn)
        .await?;
    if updated.rows_affected() == 0 {
        sqlx::query("INSERT INTO document_settings (tenant_id, doc, updated_at_ms) VALUES ($1, $2, $3)")
            .bind(cx.tenant.as_str())
            .bind(doc)
            .bind(cx.now_ms())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

fn audit_doc(it: &DocumentSettings) -> serde_json::Value {
    serde_json::to_value(to_doc(it)).unwrap_or_default()
}

/// Saves the settings after checking them field by field; the logo stays.
pub async fn save_settings(cx: &ActionCx<'_>, raw: &RawDocumentSettings) -> Result<DocumentSettings, StoreError> {
    let after = raw.check().map_err(StoreError::Invalid)?;
    let mut tx = cx.db.begin_write().await?;
    let before = find_settings(&mut tx, cx.tenant).await?;
    update_doc(&mut tx, cx, &crate::docs::write(VERSION, &to_doc(&after))).await?;
    let change = Change {
        action: "document_settings.update",
        entity_type: TABLE,
        entity_id: cx.tenant.as_str().to_owned(),
        before: before.as_ref().map(audit_doc),
        after: Some(audit_doc(&after)),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(after)
}

/// Stores a new logo, checked and cleaned, or removes it (`None`).
pub async fn save_logo(cx: &ActionCx<'_>, upload: Option<(&str, Vec<u8>)>) -> Result<(), StoreError> {
    let logo = match upload {
        Some((file_name, bytes)) => {
            let (kind, bytes) = check_logo(file_name, bytes)
                .map_err(|problem| StoreError::Invalid(vec![FieldProblem { field: "logo", problem }]))?;
            let kind =
                if kind == domain::complaints::attachments::FileType::Png { LogoKind::Png } else { LogoKind::Jpeg };
            Some((kind, bytes))
        }
        None => None,
    };
    let mut tx = cx.db.begin_write().await?;
    let before = find_logo(&mut tx, cx.tenant).await?;
    if find_settings(&mut tx, cx.tenant).await?.is_none() {
        update_doc(&mut tx, cx, &crate::docs::write(VERSION, &to_doc(&defaults()))).await?;
    }
    sqlx::query("UPDATE document_settings SET logo_type = $2, logo = $3, updated_at_ms = $4 WHERE tenant_id = $1")
        .bind(cx.tenant.as_str())
        .bind(logo.as_ref().map(|(kind, _)| kind.code()))
        .bind(logo.as_ref().map(|(_, bytes)| bytes.clone()))
        .bind(cx.now_ms())
        .execute(&mut *tx)
        .await?;
    let describe = |it: &Option<(LogoKind, Vec<u8>)>| {
        it.as_ref().map(|(kind, bytes)| {
            json!({ "type": kind.code(), "bytes": bytes.len(), "sha256": hex::encode(Sha256::digest(bytes)) })
        })
    };
    let change = Change {
        action: if logo.is_some() { "document_logo.update" } else { "document_logo.remove" },
        entity_type: TABLE,
        entity_id: cx.tenant.as_str().to_owned(),
        before: describe(&before),
        after: describe(&logo),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(())
}
