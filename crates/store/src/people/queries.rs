//! SQL of accounts, grants and sessions.

use domain::ids::{TenantId, UnitId, UserId};
use domain::people::{Grant, Role, Scope, User};

use crate::{Conn, StoreError};

#[derive(sqlx::FromRow)]
struct UserRow {
    id: String,
    username: String,
    display_name: String,
    email: Option<String>,
    is_active: i64,
}

#[derive(sqlx::FromRow)]
struct GrantRow {
    user_id: String,
    role: String,
    unit_id: Option<String>,
}

fn grants_of(rows: &[GrantRow], user: &str) -> Result<Vec<Grant>, StoreError> {
    rows.iter()
        .filter(|it| it.user_id == user)
        .map(|row| {
            let role = Role::parse(&row.role).ok_or_else(|| StoreError::corrupt("role_grant", row.role.clone()))?;
            let scope = row.unit_id.as_ref().map_or(Scope::Tenant, |it| Scope::Unit(UnitId::new(it)));
            Ok(Grant { role, scope })
        })
        .collect()
}

fn user_from(row: UserRow, grants: &[GrantRow]) -> Result<User, StoreError> {
    Ok(User {
        grants: grants_of(grants, &row.id)?,
        id: UserId::new(row.id),
        username: row.username,
        display_name: row.display_name,
        email: row.email,
        is_active: row.is_active != 0,
    })
}

const SELECT_USERS: &str =
    "SELECT id, username, display_name, email, is_active FROM user_account WHERE tenant_id = $1 ORDER BY display_name";
const SELECT_GRANTS: &str = "SELECT user_id, role, unit_id FROM role_grant WHERE tenant_id = $1 ORDER BY role";

/// Every account of the tenant with its grants.
pub async fn list_users(conn: &mut Conn, tenant: &TenantId) -> Result<Vec<User>, StoreError> {
    let rows: Vec<UserRow> = sqlx::query_as(SELECT_USERS).bind(tenant.as_str()).fetch_all(&mut *conn).await?;
    let grants: Vec<GrantRow> = sqlx::query_as(SELECT_GRANTS).bind(tenant.as_str()).fetch_all(conn).await?;
    rows.into_iter().map(|row| user_from(row, &grants)).collect()
}

const SELECT_USER: &str =
    "SELECT id, username, display_name, email, is_active FROM user_account WHERE tenant_id = $1 AND id = $2";
const SELECT_USER_GRANTS: &str = "SELECT user_id, role, unit_id FROM role_grant WHERE tenant_id = $1 AND user_id = $2";

/// One account with its grants.
pub async fn load_user(conn: &mut Conn, tenant: &TenantId, id: &UserId) -> Result<User, StoreError> {
    let row: UserRow = sqlx::query_as(SELECT_USER)
        .bind(tenant.as_str())
        .bind(id.as_str())
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound)?;
    let grants: Vec<GrantRow> =
        sqlx::query_as(SELECT_USER_GRANTS).bind(tenant.as_str()).bind(id.as_str()).fetch_all(conn).await?;
    user_from(row, &grants)
}

/// What a login attempt needs to know about an account.
#[derive(sqlx::FromRow, Debug)]
pub struct LoginRow {
    /// Id.
    pub id: String,
    /// Argon2id hash.
    pub password_hash: String,
    /// Active flag.
    pub is_active: i64,
    /// Consecutive failures.
    pub failed_logins: i64,
    /// Locked until (epoch ms).
    pub locked_until_ms: i64,
}

const SELECT_LOGIN: &str = "
    SELECT id, password_hash, is_active, failed_logins, locked_until_ms
    FROM user_account WHERE tenant_id = $1 AND username = $2";

/// The login facts of an account by username.
pub async fn find_login(conn: &mut Conn, tenant: &TenantId, username: &str) -> Result<Option<LoginRow>, StoreError> {
    Ok(sqlx::query_as(SELECT_LOGIN).bind(tenant.as_str()).bind(username).fetch_optional(conn).await?)
}

const SELECT_PASSWORD_HASH: &str = "SELECT password_hash FROM user_account WHERE tenant_id = $1 AND id = $2";

/// The stored hash of an account.
pub async fn load_password_hash(conn: &mut Conn, tenant: &TenantId, id: &UserId) -> Result<String, StoreError> {
    let row: (String,) =
        sqlx::query_as(SELECT_PASSWORD_HASH).bind(tenant.as_str()).bind(id.as_str()).fetch_one(conn).await?;
    Ok(row.0)
}

const UPDATE_LOGIN_FAILED: &str =
    "UPDATE user_account SET failed_logins = $3, locked_until_ms = $4 WHERE tenant_id = $1 AND id = $2";

/// Records a failed login and the lock it causes.
pub async fn update_login_failed(
    conn: &mut Conn,
    tenant: &TenantId,
    id: &str,
    failures: i64,
    locked_until_ms: i64,
) -> Result<(), StoreError> {
    sqlx::query(UPDATE_LOGIN_FAILED)
        .bind(tenant.as_str())
        .bind(id)
        .bind(failures)
        .bind(locked_until_ms)
        .execute(conn)
        .await?;
    Ok(())
}

const UPDATE_LOGIN_SUCCEEDED: &str = "
    UPDATE user_account SET failed_logins = 0, locked_until_ms = 0, last_login_at_ms = $3 WHERE tenant_id = $1 AND id = $2";

/// Records a successful login.
pub async fn update_login_succeeded(
    conn: &mut Conn,
    tenant: &TenantId,
    id: &str,
    now_ms: i64,
) -> Result<(), StoreError> {
    sqlx::query(UPDATE_LOGIN_SUCCEEDED).bind(tenant.as_str()).bind(id).bind(now_ms).execute(conn).await?;
    Ok(())
}

const INSERT_USER: &str = "
    INSERT INTO user_account (tenant_id, id, username, display_name, email, password_hash, is_active,
        failed_logins, locked_until_ms, last_login_at_ms, created_at_ms, updated_at_ms)
    VALUES ($1, $2, $3, $4, $5, $6, $7, 0, 0, NULL, $8, $8)";

/// Inserts an account (grants separately).
pub async fn insert_user(
    conn: &mut Conn,
    tenant: &TenantId,
    user: &User,
    password_hash: &str,
    now_ms: i64,
) -> Result<(), StoreError> {
    sqlx::query(INSERT_USER)
        .bind(tenant.as_str())
        .bind(user.id.as_str())
        .bind(&user.username)
        .bind(&user.display_name)
        .bind(user.email.as_deref())
        .bind(password_hash)
        .bind(i64::from(user.is_active))
        .bind(now_ms)
        .execute(conn)
        .await?;
    Ok(())
}

const UPDATE_USER: &str = "
    UPDATE user_account SET username = $3, display_name = $4, email = $5, is_active = $6, updated_at_ms = $7
    WHERE tenant_id = $1 AND id = $2";

/// Updates an account's profile fields.
pub async fn update_user(conn: &mut Conn, tenant: &TenantId, user: &User, now_ms: i64) -> Result<(), StoreError> {
    sqlx::query(UPDATE_USER)
        .bind(tenant.as_str())
        .bind(user.id.as_str())
        .bind(&user.username)
        .bind(&user.display_name)
        .bind(user.email.as_deref())
        .bind(i64::from(user.is_active))
        .bind(now_ms)
        .execute(conn)
        .await?;
    Ok(())
}

const UPDATE_PASSWORD: &str = "
    UPDATE user_account SET password_hash = $3, failed_logins = 0, locked_until_ms = 0, updated_at_ms = $4
    WHERE tenant_id = $1 AND id = $2";

/// Sets a new password hash and clears any lock.
pub async fn update_password(
    conn: &mut Conn,
    tenant: &TenantId,
    id: &UserId,
    hash: &str,
    now_ms: i64,
) -> Result<(), StoreError> {
    sqlx::query(UPDATE_PASSWORD).bind(tenant.as_str()).bind(id.as_str()).bind(hash).bind(now_ms).execute(conn).await?;
    Ok(())
}

const DELETE_GRANTS: &str = "DELETE FROM role_grant WHERE tenant_id = $1 AND user_id = $2";
const INSERT_GRANT: &str = "INSERT INTO role_grant (tenant_id, id, user_id, role, unit_id) VALUES ($1, $2, $3, $4, $5)";

/// Replaces an account's grants; `ids` gives one new id per grant.
pub async fn update_grants(conn: &mut Conn, tenant: &TenantId, user: &User, ids: &[String]) -> Result<(), StoreError> {
    sqlx::query(DELETE_GRANTS).bind(tenant.as_str()).bind(user.id.as_str()).execute(&mut *conn).await?;
    for (grant, id) in user.grants.iter().zip(ids) {
        let unit = match &grant.scope {
            Scope::Tenant => None,
            Scope::Unit(unit) => Some(unit.as_str()),
        };
        sqlx::query(INSERT_GRANT)
            .bind(tenant.as_str())
            .bind(id)
            .bind(user.id.as_str())
            .bind(grant.role.code())
            .bind(unit)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

const INSERT_SESSION: &str = "
    INSERT INTO login_session (tenant_id, id, user_id, csrf_token, created_at_ms, last_seen_at_ms, expires_at_ms)
    VALUES ($1, $2, $3, $4, $5, $5, $6)";

/// A session to store; the token itself is never stored, only its hash.
#[derive(Debug)]
pub struct NewSession {
    /// SHA-256 of the cookie token, hex.
    pub token_hash: String,
    /// Account id.
    pub user_id: String,
    /// The session's cross-site token.
    pub csrf_token: String,
    /// When it was opened, epoch ms.
    pub created_at_ms: i64,
    /// When it ends at the latest, epoch ms.
    pub expires_at_ms: i64,
}

/// Inserts a session keyed by the hash of its token.
pub async fn insert_session(conn: &mut Conn, tenant: &TenantId, session: &NewSession) -> Result<(), StoreError> {
    sqlx::query(INSERT_SESSION)
        .bind(tenant.as_str())
        .bind(&session.token_hash)
        .bind(&session.user_id)
        .bind(&session.csrf_token)
        .bind(session.created_at_ms)
        .bind(session.expires_at_ms)
        .execute(conn)
        .await?;
    Ok(())
}

/// A live session's facts.
#[derive(sqlx::FromRow, Debug)]
pub struct SessionRow {
    /// Account id.
    pub user_id: String,
    /// Cross-site request token.
    pub csrf_token: String,
    /// Last request (epoch ms).
    pub last_seen_at_ms: i64,
}

const SELECT_SESSION: &str = "
    SELECT s.user_id, s.csrf_token, s.last_seen_at_ms FROM login_session s
    JOIN user_account u ON u.tenant_id = s.tenant_id AND u.id = s.user_id
    WHERE s.tenant_id = $1 AND s.id = $2 AND s.expires_at_ms > $3 AND s.last_seen_at_ms > $4 AND u.is_active = 1";

/// The session with this token hash, if it is neither expired nor idle too long and its account is active.
pub async fn find_session(
    conn: &mut Conn,
    tenant: &TenantId,
    token_hash: &str,
    now_ms: i64,
    idle_since_ms: i64,
) -> Result<Option<SessionRow>, StoreError> {
    Ok(sqlx::query_as(SELECT_SESSION)
        .bind(tenant.as_str())
        .bind(token_hash)
        .bind(now_ms)
        .bind(idle_since_ms)
        .fetch_optional(conn)
        .await?)
}

const UPDATE_SESSION_SEEN: &str = "UPDATE login_session SET last_seen_at_ms = $3 WHERE tenant_id = $1 AND id = $2";

/// Marks a session as used now.
pub async fn update_session_seen(
    conn: &mut Conn,
    tenant: &TenantId,
    token_hash: &str,
    now_ms: i64,
) -> Result<(), StoreError> {
    sqlx::query(UPDATE_SESSION_SEEN).bind(tenant.as_str()).bind(token_hash).bind(now_ms).execute(conn).await?;
    Ok(())
}

const DELETE_SESSION: &str = "DELETE FROM login_session WHERE tenant_id = $1 AND id = $2";

/// Ends a session.
pub async fn delete_session(conn: &mut Conn, tenant: &TenantId, token_hash: &str) -> Result<(), StoreError> {
    sqlx::query(DELETE_SESSION).bind(tenant.as_str()).bind(token_hash).execute(conn).await?;
    Ok(())
}

const DELETE_USER_SESSIONS: &str = "DELETE FROM login_session WHERE tenant_id = $1 AND user_id = $2";

/// Ends every session of an account.
pub async fn delete_user_sessions(conn: &mut Conn, tenant: &TenantId, user: &UserId) -> Result<(), StoreError> {
    sqlx::query(DELETE_USER_SESSIONS).bind(tenant.as_str()).bind(user.as_str()).execute(conn).await?;
    Ok(())
}

const DELETE_OTHER_SESSIONS: &str = "DELETE FROM login_session WHERE tenant_id = $1 AND user_id = $2 AND id <> $3";

/// Ends every session of an account except the one with this token hash.
pub async fn delete_other_sessions(
    conn: &mut Conn,
    tenant: &TenantId,
    user: &UserId,
    keep_hash: &str,
) -> Result<(), StoreError> {
    sqlx::query(DELETE_OTHER_SESSIONS).bind(tenant.as_str()).bind(user.as_str()).bind(keep_hash).execute(conn).await?;
    Ok(())
}

const DELETE_EXPIRED_SESSIONS: &str = "DELETE FROM login_session WHERE expires_at_ms <= $1 OR last_seen_at_ms <= $2";

/// Removes expired and idle sessions of every tenant; returns how many.
pub async fn delete_expired_sessions(conn: &mut Conn, now_ms: i64, idle_since_ms: i64) -> Result<u64, StoreError> {
    let done = sqlx::query(DELETE_EXPIRED_SESSIONS).bind(now_ms).bind(idle_since_ms).execute(conn).await?;
    Ok(done.rows_affected())
}

const COUNT_USERS: &str = "SELECT CAST(COUNT(*) AS BIGINT) FROM user_account WHERE tenant_id = $1";

/// Number of accounts of the tenant.
pub async fn count_users(conn: &mut Conn, tenant: &TenantId) -> Result<i64, StoreError> {
    let row: (i64,) = sqlx::query_as(COUNT_USERS).bind(tenant.as_str()).fetch_one(conn).await?;
    Ok(row.0)
}
