//! The weekly digest's storage: who receives it (active leaders and unit heads with an e-mail address who did not
//! switch it off), the switch itself, and the claim of a week per person, taken in the same transaction that queues
//! the e-mail, so a restart or a second server never sends one week twice. The words are written by the web layer.

use domain::ids::TenantId;

use crate::complaints::deliveries::{Delivery, insert_delivery};
use crate::{ActionCx, Conn, StoreError};

/// A person the digest goes to.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Reader {
    /// Account id.
    pub user_id: String,
    /// Name.
    pub display_name: String,
    /// Address.
    pub email: String,
}

/// The leaders and unit heads of a tenant who receive the digest and were not yet sent the one of `week`, so the
/// minute job writes nothing for those already served.
pub async fn list_readers(conn: &mut Conn, tenant: &TenantId, week: &str) -> Result<Vec<Reader>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT DISTINCT u.id AS user_id, u.display_name, u.email FROM user_account u
         JOIN role_grant g ON g.tenant_id = u.tenant_id AND g.user_id = u.id
         WHERE u.tenant_id = $1 AND u.is_active = 1 AND u.email IS NOT NULL AND u.email <> ''
           AND g.role IN ('leader', 'unit_head')
           AND NOT EXISTS (SELECT 1 FROM digest_optout o WHERE o.tenant_id = u.tenant_id AND o.user_id = u.id)
           AND NOT EXISTS (SELECT 1 FROM digest_sent s WHERE s.tenant_id = u.tenant_id AND s.user_id = u.id
             AND s.week = $2)
         ORDER BY u.id",
    )
    .bind(tenant.as_str())
    .bind(week)
    .fetch_all(conn)
    .await?)
}

/// Whether a person switched the digest off.
pub async fn find_optout(conn: &mut Conn, tenant: &TenantId, user: &str) -> Result<bool, StoreError> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT user_id FROM digest_optout WHERE tenant_id = $1 AND user_id = $2")
            .bind(tenant.as_str())
            .bind(user)
            .fetch_optional(conn)
            .await?;
    Ok(row.is_some())
}

/// Switches the signed-in person's digest on or off.
pub async fn save_choice(cx: &ActionCx<'_>, user: &str, wanted: bool) -> Result<(), StoreError> {
    let mut tx = cx.db.begin_write().await?;
    sqlx::query("DELETE FROM digest_optout WHERE tenant_id = $1 AND user_id = $2")
        .bind(cx.tenant.as_str())
        .bind(user)
        .execute(&mut *tx)
        .await?;
    if !wanted {
        sqlx::query("INSERT INTO digest_optout (tenant_id, user_id, updated_at_ms) VALUES ($1, $2, $3)")
            .bind(cx.tenant.as_str())
            .bind(user)
            .bind(cx.now_ms())
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Claims `week` for the reader and queues the e-mail in one transaction; `false` when the week was already sent.
pub async fn queue_digest(
    cx: &ActionCx<'_>,
    reader: &Reader,
    week: &str,
    (subject, text): (&str, &str),
) -> Result<bool, StoreError> {
    let mut tx = cx.db.begin_write().await?;
    let claimed = sqlx::query(
        "INSERT INTO digest_sent (tenant_id, user_id, week, sent_at_ms) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id, user_id, week) DO NOTHING",
    )
    .bind(cx.tenant.as_str())
    .bind(&reader.user_id)
    .bind(week)
    .bind(cx.now_ms())
    .execute(&mut *tx)
    .await?;
    if claimed.rows_affected() != 1 {
        return Ok(false);
    }
    let delivery = Delivery {
        tenant: cx.tenant.clone(),
        id: cx.ids.new_id(),
        complaint_id: None,
        channel: "email".to_owned(),
        recipient: reader.email.clone(),
        subject: subject.to_owned(),
        // The outbox sends a digest's text as it is; other e-mails are written from their data at sending time.
        payload: serde_json::json!({ "kind": "digest", "text": text }).to_string(),
        status: "pending".to_owned(),
        attempts: 0,
        next_attempt_at_ms: cx.now_ms(),
        last_error: None,
        created_at_ms: cx.now_ms(),
    };
    insert_delivery(&mut tx, &delivery).await?;
    tx.commit().await?;
    Ok(true)
}
