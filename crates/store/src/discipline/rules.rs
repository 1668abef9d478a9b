//! The tenant's discipline rules: the shipped file until an administrator saves an edited copy, which is checked by
//! `domain::discipline::Rules::parse` before it is stored and audited with the digests of both texts.

use domain::discipline::{Rules, RulesError};
use domain::ids::TenantId;
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::audit::{self, Change};
use crate::{ActionCx, Conn, Refusal, StoreError};

/// The shipped rules file.
pub const SHIPPED: &str = include_str!("../../../domain/data/discipline.toml");

/// The tenant's rules text and whether it is an edited copy.
pub async fn load_text(conn: &mut Conn, tenant: &TenantId) -> Result<(String, bool), StoreError> {
    let row: Option<(String,)> = sqlx::query_as("SELECT body FROM discipline_rules WHERE tenant_id = $1")
        .bind(tenant.as_str())
        .fetch_optional(&mut *conn)
        .await?;
    Ok(match row {
        Some((body,)) => (body, true),
        None => (SHIPPED.to_owned(), false),
    })
}

/// The tenant's rules.
pub async fn load(conn: &mut Conn, tenant: &TenantId) -> Result<Rules, StoreError> {
    let (body, edited) = load_text(conn, tenant).await?;
    if !edited {
        return Ok(domain::discipline::shipped().clone());
    }
    Rules::parse(&body).map_err(|err| StoreError::Corrupt { table: "discipline_rules", detail: err.to_string() })
}

fn digest(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// Saves an edited rules file after checking it (refused with [`Refusal::Rules`]); `None` goes back to the shipped
/// file.
pub async fn save(cx: &ActionCx<'_>, body: Option<&str>) -> Result<(), StoreError> {
    let rules = match body.map(Rules::parse) {
        Some(Err(err)) => return Err(Refusal::Rules(err).into()),
        Some(Ok(rules)) => rules,
        None => domain::discipline::shipped().clone(),
    };
    let mut tx = cx.db.begin_write().await?;
    // Every case must still replay under the new rules, or its file could no longer be read.
    for case in super::cases::list(&mut tx, cx.tenant).await? {
        if let Err(err) = super::cases::load(&mut tx, cx.tenant, &rules, &case.id).await {
            // Returning drops the transaction before anything is written.
            let err = RulesError::Entry(format!("case {} no longer fits these rules: {err}", case.number));
            return Err(Refusal::Rules(err).into());
        }
    }
    let (before, _) = load_text(&mut tx, cx.tenant).await?;
    sqlx::query("DELETE FROM discipline_rules WHERE tenant_id = $1").bind(cx.tenant.as_str()).execute(&mut *tx).await?;
    if let Some(body) = body {
        sqlx::query(
            "INSERT INTO discipline_rules (tenant_id, body, updated_by, updated_at_ms) VALUES ($1, $2, $3, $4)",
        )
        .bind(cx.tenant.as_str())
        .bind(body)
        .bind(cx.actor.user_id())
        .bind(cx.now_ms())
        .execute(&mut *tx)
        .await?;
    }
    let after = body.unwrap_or(SHIPPED);
    let change = Change {
        action: "discipline_rules.update",
        entity_type: "discipline_rules",
        entity_id: cx.tenant.as_str().to_owned(),
        before: Some(json!({ "sha256": digest(&before) })),
        after: Some(json!({ "sha256": digest(after), "shipped": body.is_none() })),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(())
}
