//! What a case leaves behind: every view of the file logged, the record exported with the audit entries that
//! concern it and their chain digest (for an appeal), and the sanction register.

use domain::ids::TenantId;
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::{Conn, StoreError};

/// Logs that the acting user opened the case file (or one of its letters: `what`).
pub async fn log_view(cx: &crate::ActionCx<'_>, case_id: &str, what: &str) -> Result<(), StoreError> {
    let mut tx = cx.db.begin_write().await?;
    sqlx::query("INSERT INTO discipline_view (tenant_id, case_id, user_id, what, at_ms) VALUES ($1, $2, $3, $4, $5)")
        .bind(cx.tenant.as_str())
        .bind(case_id)
        .bind(cx.actor.user_id().unwrap_or_else(|| cx.actor.audit_label()))
        .bind(what)
        .bind(cx.now_ms())
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// A logged view.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow, serde::Serialize)]
pub struct View {
    /// Account.
    pub user_id: String,
    /// Display name.
    pub display_name: String,
    /// What was opened.
    pub what: String,
    /// When.
    pub at_ms: i64,
}

/// The views of a case, newest first.
pub async fn list_views(conn: &mut Conn, tenant: &TenantId, case_id: &str) -> Result<Vec<View>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT v.user_id, COALESCE(u.display_name, v.user_id) AS display_name, v.what, v.at_ms
         FROM discipline_view v LEFT JOIN user_account u ON u.tenant_id = v.tenant_id AND u.id = v.user_id
         WHERE v.tenant_id = $1 AND v.case_id = $2 ORDER BY v.at_ms DESC, v.what",
    )
    .bind(tenant.as_str())
    .bind(case_id)
    .fetch_all(&mut *conn)
    .await?)
}

#[derive(sqlx::FromRow)]
struct AuditRow {
    seq: i64,
    at_ms: i64,
    actor: String,
    action: String,
    after_doc: Option<String>,
    prev_hash: String,
    hash: String,
}

/// The audit entries about a case, in chain order, with a digest over their hashes and the chain head, so the
/// record can be checked against a verified audit trail.
pub async fn load_audit_trail(
    conn: &mut Conn,
    tenant: &TenantId,
    case_id: &str,
) -> Result<serde_json::Value, StoreError> {
    let rows: Vec<AuditRow> = sqlx::query_as(
        "SELECT seq, at_ms, actor, action, after_doc, prev_hash, hash FROM audit_log
         WHERE tenant_id = $1 AND entity_type = 'discipline_case' AND entity_id = $2 ORDER BY seq",
    )
    .bind(tenant.as_str())
    .bind(case_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut digest = Sha256::new();
    let entries: Vec<_> = rows
        .into_iter()
        .map(|AuditRow { seq, at_ms, actor, action, after_doc: after, prev_hash, hash }| {
            digest.update(hash.as_bytes());
            let after: serde_json::Value = after.and_then(|it| serde_json::from_str(&it).ok()).unwrap_or_default();
            json!({ "seq": seq, "at_ms": at_ms, "actor": actor, "action": action, "after": after,
                "prev_hash": prev_hash, "hash": hash })
        })
        .collect();
    let head = crate::audit::queries::find_head(conn, tenant).await?;
    Ok(json!({
        "entries": entries,
        "chain_digest": hex::encode(digest.finalize()),
        "chain_head": head.map(|(seq, hash)| json!({ "seq": seq, "hash": hash })),
    }))
}

/// A row of the sanction register.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow, serde::Serialize)]
pub struct RegisterRow {
    /// Case.
    pub case_id: String,
    /// Case number.
    pub number: String,
    /// NIP.
    pub nip: String,
    /// Name.
    pub name: String,
    /// Unit.
    pub unit_id: String,
    /// Sanction.
    pub sanction: String,
    /// Effective date.
    pub effective_on: String,
    /// End date, for a sanction that runs for months.
    pub ends_on: Option<String>,
    /// Case state.
    pub state: String,
}

/// Sanctions in force or served (decisions delivered and not annulled), newest first.
pub async fn list_register(conn: &mut Conn, tenant: &TenantId) -> Result<Vec<RegisterRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT c.id AS case_id, c.number, e.nip, e.name, e.unit_id, c.sanction, c.effective_on, c.ends_on, c.state
         FROM discipline_case c JOIN employee e ON e.tenant_id = c.tenant_id AND e.id = c.employee_id
         WHERE c.tenant_id = $1 AND c.sanction IS NOT NULL AND c.effective_on IS NOT NULL
         ORDER BY c.effective_on DESC, c.number",
    )
    .bind(tenant.as_str())
    .fetch_all(&mut *conn)
    .await?)
}
