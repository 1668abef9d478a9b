//! The failed-login counters per account name and address key (see `people::login`).

use domain::ids::TenantId;

use crate::{Conn, StoreError};

/// A counter.
#[derive(Debug, sqlx::FromRow)]
pub(super) struct Throttle {
    /// Consecutive failures.
    pub failures: i64,
    /// Locked until (epoch ms, 0 when not).
    pub locked_until_ms: i64,
}

const SELECT_THROTTLE: &str = "SELECT failures, locked_until_ms FROM login_throttle
    WHERE tenant_id = $1 AND username = $2 AND address_key = $3";

/// The counter of a name at an address.
pub(super) async fn find(
    conn: &mut Conn,
    tenant: &TenantId,
    username: &str,
    address_key: &str,
) -> Result<Option<Throttle>, StoreError> {
    Ok(sqlx::query_as(SELECT_THROTTLE)
        .bind(tenant.as_str())
        .bind(username)
        .bind(address_key)
        .fetch_optional(conn)
        .await?)
}

const UPSERT_THROTTLE: &str = "INSERT INTO login_throttle (tenant_id, username, address_key, failures,
    locked_until_ms, updated_at_ms) VALUES ($1, $2, $3, $4, $5, $6)
    ON CONFLICT (tenant_id, username, address_key)
    DO UPDATE SET failures = excluded.failures, locked_until_ms = excluded.locked_until_ms,
        updated_at_ms = excluded.updated_at_ms";

/// Records a failure and the lock it leads to.
pub(super) async fn record_failure(
    conn: &mut Conn,
    tenant: &TenantId,
    (username, address_key): (&str, &str),
    (failures, locked_until_ms): (i64, i64),
    now_ms: i64,
) -> Result<(), StoreError> {
    sqlx::query(UPSERT_THROTTLE)
        .bind(tenant.as_str())
        .bind(username)
        .bind(address_key)
        .bind(failures)
        .bind(locked_until_ms)
        .bind(now_ms)
        .execute(conn)
        .await?;
    Ok(())
}

const DELETE_THROTTLE: &str = "DELETE FROM login_throttle WHERE tenant_id = $1 AND username = $2 AND address_key = $3";

const DELETE_STALE_THROTTLES: &str =
    "DELETE FROM login_throttle WHERE tenant_id = $1 AND updated_at_ms < $2 AND locked_until_ms < $3";

/// Clears the counter after a successful login, and forgets counters untouched for a day whose lock has ended.
pub(super) async fn clear(
    conn: &mut Conn,
    tenant: &TenantId,
    (username, address_key): (&str, &str),
    now_ms: i64,
) -> Result<(), StoreError> {
    sqlx::query(DELETE_THROTTLE).bind(tenant.as_str()).bind(username).bind(address_key).execute(&mut *conn).await?;
    sqlx::query(DELETE_STALE_THROTTLES)
        .bind(tenant.as_str())
        .bind(now_ms - 24 * 3_600_000)
        .bind(now_ms)
        .execute(conn)
        .await?;
    Ok(())
}
