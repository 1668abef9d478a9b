//! Evidence files of a self-assessment: JPEG, PNG or PDF only, checked by their bytes and stripped of metadata as
//! complaint attachments are, at most ten per indicator, each audited by its digest.

use domain::complaints::attachments;
use domain::evaluation::Instrument;
use domain::ids::{TenantId, UnitId};
use domain::problems::Problem;
use serde_json::json;

use super::{Evidence, entity, find_variant, invalid, known, sha256_hex};
use crate::audit::{self, Change};
use crate::{ActionCx, Conn, StoreError};

/// Most files per indicator.
pub const MAX_PER_INDICATOR: i64 = 10;

/// Attaches a file to an indicator of the unit's year.
pub async fn add_evidence(
    cx: &ActionCx<'_>,
    instrument: &Instrument,
    (unit, year): (&UnitId, i16),
    code: &str,
    (file_name, bytes): (&str, Vec<u8>),
) -> Result<Evidence, StoreError> {
    let (kind, bytes) = attachments::accept(file_name, bytes).map_err(|it| invalid("file", Problem::File(it)))?;
    let mut tx = cx.db.begin_write().await?;
    let variant = find_variant(&mut tx, cx.tenant, unit, year).await?;
    known(instrument, variant, code)?;
    let (count,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM pekppp_evidence WHERE tenant_id = $1 AND unit_id = $2 AND year = $3
            AND indicator_code = $4",
    )
    .bind(cx.tenant.as_str())
    .bind(unit.as_str())
    .bind(i64::from(year))
    .bind(code)
    .fetch_one(&mut *tx)
    .await?;
    if count >= MAX_PER_INDICATOR {
        return Err(invalid("file", Problem::OutOfRange { min: 0, max: MAX_PER_INDICATOR }));
    }
    let name: String = file_name.chars().filter(|it| !it.is_control()).take(200).collect();
    let evidence = Evidence {
        id: cx.ids.new_id(),
        indicator_code: code.to_owned(),
        file_name: name,
        media_type: kind.media_type().to_owned(),
        size_bytes: i64::try_from(bytes.len()).unwrap_or(i64::MAX),
    };
    let sha = sha256_hex(&bytes);
    sqlx::query(
        "INSERT INTO pekppp_evidence (tenant_id, id, unit_id, year, indicator_code, file_name, media_type, size_bytes,
            sha256, content, created_by, created_at_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(cx.tenant.as_str())
    .bind(&evidence.id)
    .bind(unit.as_str())
    .bind(i64::from(year))
    .bind(code)
    .bind(&evidence.file_name)
    .bind(&evidence.media_type)
    .bind(evidence.size_bytes)
    .bind(&sha)
    .bind(bytes)
    .bind(cx.actor.user_id())
    .bind(cx.now_ms())
    .execute(&mut *tx)
    .await?;
    let after =
        json!({ "indicator": code, "evidence_id": evidence.id, "file_name": evidence.file_name, "sha256": sha });
    let change = Change {
        action: "pekppp.evidence",
        entity_type: "pekppp_assessment",
        entity_id: entity(unit, year),
        before: None,
        after: Some(after),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(evidence)
}

/// The evidence files of a unit's year, without content.
pub async fn list_evidence(
    conn: &mut Conn,
    tenant: &TenantId,
    unit: &UnitId,
    year: i16,
) -> Result<Vec<Evidence>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, indicator_code, file_name, media_type, size_bytes FROM pekppp_evidence
         WHERE tenant_id = $1 AND unit_id = $2 AND year = $3 ORDER BY indicator_code, created_at_ms",
    )
    .bind(tenant.as_str())
    .bind(unit.as_str())
    .bind(i64::from(year))
    .fetch_all(conn)
    .await?)
}

/// One file's name, media type and content, when it belongs to the unit.
pub async fn find_evidence_content(
    conn: &mut Conn,
    tenant: &TenantId,
    unit: &UnitId,
    id: &str,
) -> Result<(String, String, Vec<u8>), StoreError> {
    let row: Option<(String, String, Vec<u8>)> = sqlx::query_as(
        "SELECT file_name, media_type, content FROM pekppp_evidence WHERE tenant_id = $1 AND unit_id = $2 AND id = $3",
    )
    .bind(tenant.as_str())
    .bind(unit.as_str())
    .bind(id)
    .fetch_optional(conn)
    .await?;
    row.ok_or(StoreError::NotFound)
}
