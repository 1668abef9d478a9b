//! Notifications waiting to be delivered. They are written in the same transaction as the step they announce, so a
//! crash can delay a notification but never lose it; the sender retries with back-off and records every failure.

use domain::ids::TenantId;

use crate::sql::Sql;
use crate::{Conn, StoreError};

/// Channel of a delivery.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    /// E-mail over SMTP.
    Email,
    /// Signed JSON POST to the tenant's webhook.
    Webhook,
}

impl Channel {
    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Webhook => "webhook",
        }
    }
}

/// A notification to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Delivery {
    /// Tenant.
    pub tenant: TenantId,
    /// Id.
    pub id: String,
    /// The item it is about.
    pub complaint_id: Option<String>,
    /// `email` or `webhook`.
    pub channel: String,
    /// E-mail address or URL.
    pub recipient: String,
    /// Subject (e-mail) or event type (webhook).
    pub subject: String,
    /// Body text (e-mail) or JSON document (webhook).
    pub payload: String,
    /// `pending`, `sent` or `failed`.
    pub status: String,
    /// Attempts so far.
    pub attempts: i64,
    /// Next attempt, epoch ms.
    pub next_attempt_at_ms: i64,
    /// Reason of the last failure.
    pub last_error: Option<String>,
    /// Created, epoch ms.
    pub created_at_ms: i64,
}

/// Attempts before a delivery is given up as failed.
pub const MAX_ATTEMPTS: i64 = 8;

/// Wait before the next attempt: 1 minute, doubling, at most 6 hours.
pub fn backoff_ms(attempts: i64) -> i64 {
    let minutes = 1i64 << attempts.clamp(1, 12).saturating_sub(1);
    (minutes * 60_000).min(6 * 3_600_000)
}

/// Queues a delivery (inside the step's transaction).
pub async fn insert_delivery(conn: &mut Conn, delivery: &Delivery) -> Result<(), StoreError> {
    insert_deliveries(conn, std::slice::from_ref(delivery)).await
}

/// Queues deliveries with one statement (a batch of filings).
pub async fn insert_deliveries(conn: &mut Conn, deliveries: &[Delivery]) -> Result<(), StoreError> {
    if deliveries.is_empty() {
        return Ok(());
    }
    let mut sql = Sql::new(
        "INSERT INTO delivery (tenant_id, id, complaint_id, channel, recipient, subject, payload, status, attempts,
            next_attempt_at_ms, created_at_ms) VALUES ",
    );
    sql.values(deliveries, |row, delivery| {
        row.bind(delivery.tenant.as_str())
            .bind(&delivery.id)
            .bind(delivery.complaint_id.as_deref())
            .bind(&delivery.channel)
            .bind(&delivery.recipient)
            .bind(&delivery.subject)
            .bind(&delivery.payload)
            .bind("pending")
            .bind(0i64)
            .bind(delivery.created_at_ms)
            .bind(delivery.created_at_ms);
    });
    sql.execute(conn).await?;
    Ok(())
}

const COLUMNS: &str = "tenant_id, id, complaint_id, channel, recipient, subject, payload, status, attempts,
    next_attempt_at_ms, last_error, created_at_ms";

type Row = (String, String, Option<String>, String, String, String, String, String, i64, i64, Option<String>, i64);

fn decode(row: Row) -> Delivery {
    let (tenant, id, complaint_id, channel, recipient, subject, payload, status, attempts, next, last_error, created) =
        row;
    Delivery {
        tenant: TenantId::new(tenant),
        id,
        complaint_id,
        channel,
        recipient,
        subject,
        payload,
        status,
        attempts,
        next_attempt_at_ms: next,
        last_error,
        created_at_ms: created,
    }
}

/// Pending deliveries of every tenant whose time has come.
pub async fn list_due(conn: &mut Conn, now_ms: i64, limit: i64) -> Result<Vec<Delivery>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM delivery WHERE status = 'pending' AND next_attempt_at_ms <= $1
         ORDER BY next_attempt_at_ms LIMIT $2"
    );
    let rows: Vec<Row> = sqlx::query_as(&sql).bind(now_ms).bind(limit).fetch_all(conn).await?;
    Ok(rows.into_iter().map(decode).collect())
}

/// A tenant's deliveries that failed or are still retrying, newest first, for the administrators' page.
pub async fn list_troubled(conn: &mut Conn, tenant: &TenantId, limit: i64) -> Result<Vec<Delivery>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM delivery WHERE tenant_id = $1 AND (status = 'failed' OR last_error IS NOT NULL)
         ORDER BY created_at_ms DESC LIMIT $2"
    );
    let rows: Vec<Row> = sqlx::query_as(&sql).bind(tenant.as_str()).bind(limit).fetch_all(conn).await?;
    Ok(rows.into_iter().map(decode).collect())
}

/// Counts of a tenant's deliveries by status.
pub async fn count_by_status(conn: &mut Conn, tenant: &TenantId) -> Result<Vec<(String, i64)>, StoreError> {
    Ok(sqlx::query_as("SELECT status, COUNT(*) FROM delivery WHERE tenant_id = $1 GROUP BY status ORDER BY status")
        .bind(tenant.as_str())
        .fetch_all(conn)
        .await?)
}

/// Records a successful send.
pub async fn update_sent(conn: &mut Conn, delivery: &Delivery, now_ms: i64) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE delivery SET status = 'sent', attempts = attempts + 1, sent_at_ms = $3 WHERE tenant_id = $1 AND id = $2",
    )
    .bind(delivery.tenant.as_str())
    .bind(&delivery.id)
    .bind(now_ms)
    .execute(conn)
    .await?;
    Ok(())
}

/// Records a failed attempt: retried later, or given up after [`MAX_ATTEMPTS`] or when retrying cannot help.
pub async fn update_failed(
    conn: &mut Conn,
    delivery: &Delivery,
    now_ms: i64,
    error: &str,
    permanent: bool,
) -> Result<(), StoreError> {
    let attempts = delivery.attempts + 1;
    let give_up = permanent || attempts >= MAX_ATTEMPTS;
    let status = if give_up { "failed" } else { "pending" };
    sqlx::query(
        "UPDATE delivery SET status = $3, attempts = $4, next_attempt_at_ms = $5, last_error = $6
         WHERE tenant_id = $1 AND id = $2",
    )
    .bind(delivery.tenant.as_str())
    .bind(&delivery.id)
    .bind(status)
    .bind(attempts)
    .bind(now_ms + backoff_ms(attempts))
    .bind(error.chars().take(500).collect::<String>())
    .execute(conn)
    .await?;
    Ok(())
}

/// Puts a failed delivery back in the queue (an administrator fixed the cause).
pub async fn update_retry(conn: &mut Conn, tenant: &TenantId, id: &str, now_ms: i64) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE delivery SET status = 'pending', attempts = 0, next_attempt_at_ms = $3
         WHERE tenant_id = $1 AND id = $2 AND status = 'failed'",
    )
    .bind(tenant.as_str())
    .bind(id)
    .bind(now_ms)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

#[cfg(test)]
mod tests {
    #[test]
    fn backoff_doubles_from_one_minute_up_to_six_hours() {
        assert_eq!(super::backoff_ms(1), 60_000);
        assert_eq!(super::backoff_ms(2), 120_000);
        assert_eq!(super::backoff_ms(5), 16 * 60_000);
        assert_eq!(super::backoff_ms(40), 6 * 3_600_000);
    }
}
