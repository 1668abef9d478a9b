//! Argon2id password hashing. Callers run these in a blocking task: one hash takes tens of milliseconds.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

use crate::StoreError;

/// Hashes a password with Argon2id and the crate's default cost (19 MiB, 2 passes, 1 lane), with a salt made from
/// the given random bytes.
// Source: OWASP Password Storage Cheat Sheet (Argon2id, m=19 MiB, t=2, p=1).
pub fn hash(password: &str, salt_bytes: &[u8; 32]) -> Result<String, StoreError> {
    let salt =
        SaltString::encode_b64(&salt_bytes[..16]).map_err(|err| StoreError::Config(format!("password salt: {err}")))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|it| it.to_string())
        .map_err(|err| StoreError::Config(format!("password hashing: {err}")))
}

/// Whether the password matches the stored hash. A malformed stored hash never matches.
pub fn verify(password: &str, stored: &str) -> bool {
    // A stored value that does not parse is treated as "no match" so that a corrupt row cannot log anyone in.
    PasswordHash::new(stored)
        .is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
}

static DECOY: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    hash("pantau-decoy-password", &[7; 32]).expect("Argon2 with default parameters hashes any short input")
});

/// A real hash of a fixed password, verified against when a username is unknown so that the answer takes as long
/// as for a known one and does not reveal which usernames exist.
pub fn decoy_hash() -> &'static str {
    &DECOY
}
