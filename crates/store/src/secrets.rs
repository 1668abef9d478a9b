//! Secrets of a tenant that never leave the server, created on first use: the key of the digests that stand for
//! personal data where the data itself must not be (audit documents, login throttles).
//!
//! A plain SHA-256 of a phone number is found again by trying every number in seconds; a digest keyed with a secret
//! only the server holds can be compared by the server and by nobody who reads the audit trail.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::{ActionCx, Conn, StoreError};

/// The key of personal-data digests.
const PERSONAL: &str = "personal-digest";

/// Keyed digests of personal data (HMAC-SHA256 with the tenant's secret).
#[derive(Clone)]
pub struct PersonalDigest([u8; 32]);

impl std::fmt::Debug for PersonalDigest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PersonalDigest(…)")
    }
}

impl PersonalDigest {
    /// The tenant's key, created at the first call (inside the caller's write transaction, so two first calls at
    /// once keep the one that was stored first).
    pub async fn load(conn: &mut Conn, cx: &ActionCx<'_>) -> Result<PersonalDigest, StoreError> {
        Ok(PersonalDigest(secret(conn, cx, PERSONAL).await?))
    }

    /// The digest of a text, hex.
    pub fn of(&self, text: &str) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes a key of any length");
        mac.update(text.as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }

    /// The digest of bytes, hex.
    pub fn of_bytes(&self, bytes: &[u8]) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes a key of any length");
        mac.update(bytes);
        hex::encode(mac.finalize().into_bytes())
    }
}

const SELECT_SECRET: &str = "SELECT secret FROM tenant_secret WHERE tenant_id = $1 AND purpose = $2";

const INSERT_SECRET: &str =
    "INSERT INTO tenant_secret (tenant_id, purpose, secret, created_at_ms) VALUES ($1, $2, $3, $4)
    ON CONFLICT (tenant_id, purpose) DO NOTHING";

async fn secret(conn: &mut Conn, cx: &ActionCx<'_>, purpose: &str) -> Result<[u8; 32], StoreError> {
    let find = async |conn: &mut Conn| -> Result<Option<String>, StoreError> {
        let row: Option<(String,)> =
            sqlx::query_as(SELECT_SECRET).bind(cx.tenant.as_str()).bind(purpose).fetch_optional(&mut *conn).await?;
        Ok(row.map(|it| it.0))
    };
    let text = match find(conn).await? {
        Some(text) => text,
        None => {
            let fresh = hex::encode(cx.ids.secret());
            sqlx::query(INSERT_SECRET)
                .bind(cx.tenant.as_str())
                .bind(purpose)
                .bind(&fresh)
                .bind(cx.now_ms())
                .execute(&mut *conn)
                .await?;
            find(conn).await?.ok_or_else(|| StoreError::corrupt("tenant_secret", "missing after insert"))?
        }
    };
    let bytes = hex::decode(&text).ok().and_then(|it| <[u8; 32]>::try_from(it).ok());
    bytes.ok_or_else(|| StoreError::corrupt("tenant_secret", "not 32 bytes of hex"))
}
