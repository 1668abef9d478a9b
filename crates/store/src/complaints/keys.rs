//! Keys: the Ed25519 key that signs a tenant's receipts, and the API keys of Open311 clients.

use domain::complaints::receipt;
use domain::ids::TenantId;
use ed25519_dalek::SigningKey;
use serde_json::json;

use crate::audit::{self, Change};
use crate::{ActionCx, Conn, StoreError};

/// The tenant's signing key, created on first use (inside the caller's transaction).
pub async fn load_signing_key(conn: &mut Conn, cx: &ActionCx<'_>) -> Result<SigningKey, StoreError> {
    if let Some(key) = find_signing_key(conn, cx.tenant).await? {
        return Ok(key);
    }
    let key = receipt::signing_key(&cx.ids.secret());
    sqlx::query("INSERT INTO receipt_key (tenant_id, secret_key, public_key, created_at_ms) VALUES ($1, $2, $3, $4)")
        .bind(cx.tenant.as_str())
        .bind(hex::encode(key.to_bytes()))
        .bind(receipt::public_key_hex(&key))
        .bind(cx.now_ms())
        .execute(&mut *conn)
        .await?;
    Ok(key)
}

/// The tenant's signing key, when one was made.
pub async fn find_signing_key(conn: &mut Conn, tenant: &TenantId) -> Result<Option<SigningKey>, StoreError> {
    let row: Option<(String,)> = sqlx::query_as("SELECT secret_key FROM receipt_key WHERE tenant_id = $1")
        .bind(tenant.as_str())
        .fetch_optional(&mut *conn)
        .await?;
    let Some((secret,)) = row else { return Ok(None) };
    let bytes: [u8; 32] = hex::decode(&secret)
        .ok()
        .and_then(|it| it.try_into().ok())
        .ok_or_else(|| StoreError::corrupt("receipt_key", "secret key"))?;
    Ok(Some(receipt::signing_key(&bytes)))
}

/// The tenant's public key (hex), once a receipt has been issued.
pub async fn find_public_key(conn: &mut Conn, tenant: &TenantId) -> Result<Option<String>, StoreError> {
    let row: Option<(String,)> = sqlx::query_as("SELECT public_key FROM receipt_key WHERE tenant_id = $1")
        .bind(tenant.as_str())
        .fetch_optional(conn)
        .await?;
    Ok(row.map(|it| it.0))
}

/// The public key, creating the key pair if no receipt was issued yet (so it can be published before the first).
pub async fn ensure_public_key(cx: &ActionCx<'_>) -> Result<String, StoreError> {
    let mut tx = cx.db.begin_write().await?;
    let key = load_signing_key(&mut tx, cx).await?;
    tx.commit().await?;
    Ok(receipt::public_key_hex(&key))
}

fn digest(key: &str) -> String {
    super::intake::sha256_hex(key.trim().as_bytes())
}

/// A new Open311 key with the default quota; the returned text is shown once and stored only as a digest.
pub async fn create_open311_key(cx: &ActionCx<'_>, name: &str) -> Result<String, StoreError> {
    create_api_key(cx, name, 600).await
}

/// A new API key allowed `rate_per_minute` requests a minute (an integrator relaying many citizens needs more than
/// one citizen's 30); the returned text is shown once and stored only as a digest.
pub async fn create_api_key(cx: &ActionCx<'_>, name: &str, rate_per_minute: i64) -> Result<String, StoreError> {
    if !(1..=MAX_RATE_PER_MINUTE).contains(&rate_per_minute) {
        let problem = domain::problems::Problem::OutOfRange { min: 1, max: MAX_RATE_PER_MINUTE };
        return Err(StoreError::Invalid(vec![domain::problems::FieldProblem { field: "rate_per_minute", problem }]));
    }
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        let problem = if name.is_empty() {
            domain::problems::Problem::Required
        } else {
            domain::problems::Problem::TooLong { max: 100 }
        };
        return Err(StoreError::Invalid(vec![domain::problems::FieldProblem { field: "name", problem }]));
    }
    let key = format!("p311_{}", hex::encode(cx.ids.secret()));
    let id = cx.ids.new_id();
    let mut tx = cx.db.begin_write().await?;
    sqlx::query(
        "INSERT INTO open311_key (tenant_id, id, name, key_digest, created_at_ms, rate_per_minute)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(cx.tenant.as_str())
    .bind(&id)
    .bind(name)
    .bind(digest(&key))
    .bind(cx.now_ms())
    .bind(rate_per_minute)
    .execute(&mut *tx)
    .await?;
    let change = Change {
        action: "open311_key.create",
        entity_type: "open311_key",
        entity_id: id,
        before: None,
        after: Some(json!({ "name": name, "rate_per_minute": rate_per_minute })),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(key)
}

/// The name of the client whose key this is, when the key is valid for the tenant.
pub async fn find_open311_client(conn: &mut Conn, tenant: &TenantId, key: &str) -> Result<Option<String>, StoreError> {
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT name FROM open311_key WHERE tenant_id = $1 AND key_digest = $2 AND revoked_at_ms IS NULL",
    )
    .bind(tenant.as_str())
    .bind(digest(key))
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|it| it.0))
}

/// An API client known by its key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiClient {
    /// Key id (not the key).
    pub id: String,
    /// The client's name.
    pub name: String,
    /// Requests per minute the client may send with this key.
    pub rate_per_minute: i64,
}

const SELECT_API_CLIENT: &str = "SELECT id, name, rate_per_minute FROM open311_key
    WHERE tenant_id = $1 AND key_digest = $2 AND revoked_at_ms IS NULL";

/// The client whose key this is, when the key is valid for the tenant.
pub async fn find_api_client(conn: &mut Conn, tenant: &TenantId, key: &str) -> Result<Option<ApiClient>, StoreError> {
    let row: Option<(String, String, i64)> =
        sqlx::query_as(SELECT_API_CLIENT).bind(tenant.as_str()).bind(digest(key)).fetch_optional(conn).await?;
    Ok(row.map(|(id, name, rate_per_minute)| ApiClient { id, name, rate_per_minute }))
}

/// Most requests per minute a key may be given.
pub const MAX_RATE_PER_MINUTE: i64 = 100_000;
