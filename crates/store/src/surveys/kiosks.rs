//! Kiosks: a tablet at a counter, switched on by staff of a unit, answering for any open survey of that unit. The
//! tablet holds a random token in a cookie; only its digest is stored.

use domain::ids::{TenantId, UnitId};
use domain::problems::{Problems, required_text};
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::audit::{self, Change};
use crate::{ActionCx, Conn, StoreError};

/// A kiosk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kiosk {
    /// Id.
    pub id: String,
    /// Its unit.
    pub unit_id: UnitId,
    /// Where it stands, "Loket 2".
    pub label: String,
    /// When it was switched on.
    pub created_at_ms: i64,
    /// Its latest response.
    pub last_response_at_ms: Option<i64>,
}

/// The stored digest of a kiosk token.
pub fn token_digest(token: &str) -> String {
    hex::encode(Sha256::digest(format!("pantau-kiosk:{token}").as_bytes()))
}

/// Switches a kiosk on; returns it with the token for the tablet's cookie.
pub async fn create(cx: &ActionCx<'_>, unit_id: &UnitId, label: &str) -> Result<(Kiosk, String), StoreError> {
    let mut problems = Problems::default();
    let label = required_text(&mut problems, "label", label, 80);
    problems.finish(|| ()).map_err(StoreError::Invalid)?;
    let token = hex::encode(cx.ids.secret());
    let kiosk = Kiosk {
        id: cx.ids.new_id(),
        unit_id: unit_id.clone(),
        label,
        created_at_ms: cx.now_ms(),
        last_response_at_ms: None,
    };
    let mut tx = cx.db.begin_write().await?;
    super::services::check_unit(&mut tx, cx.tenant, unit_id).await?;
    sqlx::query(
        "INSERT INTO survey_kiosk (tenant_id, id, unit_id, label, token_digest, created_by, created_at_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(cx.tenant.as_str())
    .bind(&kiosk.id)
    .bind(unit_id.as_str())
    .bind(&kiosk.label)
    .bind(token_digest(&token))
    .bind(cx.actor.user_id())
    .bind(kiosk.created_at_ms)
    .execute(&mut *tx)
    .await?;
    let change = Change {
        action: "survey_kiosk.create",
        entity_type: "survey_kiosk",
        entity_id: kiosk.id.clone(),
        before: None,
        after: Some(json!({ "unit_id": unit_id.as_str(), "label": kiosk.label })),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok((kiosk, token))
}

type KioskRow = (String, String, String, i64, Option<i64>);

fn kiosk(row: KioskRow) -> Kiosk {
    let (id, unit_id, label, created_at_ms, last_response_at_ms) = row;
    Kiosk { id, unit_id: UnitId::new(unit_id), label, created_at_ms, last_response_at_ms }
}

/// The kiosk holding a token, unless switched off.
pub async fn find_by_token(conn: &mut Conn, tenant: &TenantId, token: &str) -> Result<Option<Kiosk>, StoreError> {
    let row: Option<KioskRow> = sqlx::query_as(
        "SELECT id, unit_id, label, created_at_ms, last_response_at_ms FROM survey_kiosk
         WHERE tenant_id = $1 AND token_digest = $2 AND revoked_at_ms IS NULL",
    )
    .bind(tenant.as_str())
    .bind(token_digest(token))
    .fetch_optional(conn)
    .await?;
    Ok(row.map(kiosk))
}

/// The kiosks switched on, by unit.
pub async fn list(conn: &mut Conn, tenant: &TenantId) -> Result<Vec<Kiosk>, StoreError> {
    let rows: Vec<KioskRow> = sqlx::query_as(
        "SELECT id, unit_id, label, created_at_ms, last_response_at_ms FROM survey_kiosk
         WHERE tenant_id = $1 AND revoked_at_ms IS NULL ORDER BY unit_id, label",
    )
    .bind(tenant.as_str())
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(kiosk).collect())
}

/// Switches a kiosk off; its tablet shows the staff sign-in again.
pub async fn revoke(cx: &ActionCx<'_>, id: &str) -> Result<(), StoreError> {
    let mut tx = cx.db.begin_write().await?;
    let done = sqlx::query(
        "UPDATE survey_kiosk SET revoked_at_ms = $1 WHERE tenant_id = $2 AND id = $3 AND revoked_at_ms IS NULL",
    )
    .bind(cx.now_ms())
    .bind(cx.tenant.as_str())
    .bind(id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    let change = Change {
        action: "survey_kiosk.revoke",
        entity_type: "survey_kiosk",
        entity_id: id.to_owned(),
        before: None,
        after: Some(json!({ "revoked": true })),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(())
}
