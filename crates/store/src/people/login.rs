//! Logging in: the password check, the lock-out after failed attempts, and the session it opens.
//!
//! Failures are counted per account name and client address (`login_throttle`), so a guesser locks only their own
//! address out: nobody can keep `admin` locked for its owner by failing on purpose from elsewhere. Every refusal
//! (unknown name, wrong password, locked, deactivated) verifies one Argon2 hash and writes one throttle row, so
//! the time an answer takes does not tell a locked account from an unknown name.

use domain::ids::UserId;
use domain::people::LockoutPolicy;
use serde_json::json;

use super::actions::{hex_encode, token_hash, verify_blocking};
use super::{passwords, queries, throttle};
use crate::audit::{self, Change};
use crate::secrets::PersonalDigest;
use crate::{ActionCx, Actor, Conn, StoreError};

/// One login attempt.
#[derive(Clone, Debug)]
pub struct LoginAttempt<'a> {
    /// As typed; compared trimmed and in lower case.
    pub username: &'a str,
    /// As typed.
    pub password: String,
    /// The client's address as the throttle counts it (`domain::people::throttle_address`); empty when unknown.
    pub address: &'a str,
    /// The session token the browser still holds, ended by a successful login so no old token outlives it.
    pub previous_token: Option<&'a str>,
}

impl<'a> From<(&'a str, String)> for LoginAttempt<'a> {
    /// A name and password from an unknown address, with no earlier session.
    fn from((username, password): (&'a str, String)) -> LoginAttempt<'a> {
        LoginAttempt { username, password, address: "", previous_token: None }
    }
}

/// The outcome of a login attempt.
#[derive(Debug)]
pub enum LoginOutcome {
    /// Logged in: the cookie token and the session's cross-site token.
    Success {
        /// The secret for the session cookie.
        token: String,
        /// The account.
        user: UserId,
    },
    /// Wrong username or password (the two are not told apart).
    Invalid,
    /// Too many failures from this address: locked until this instant.
    Locked {
        /// Epoch ms.
        until_ms: i64,
    },
}

/// Settings of sessions.
#[derive(Clone, Copy, Debug)]
pub struct SessionPolicy {
    /// Absolute lifetime, ms.
    pub lifetime_ms: i64,
    /// Idle timeout, ms.
    pub idle_ms: i64,
}

/// Checks a username and password; on success opens a session, ends the browser's previous one and clears
/// sessions that have expired. The context's actor is ignored: entries are written as the account that tried.
pub async fn login<'a>(
    cx: &ActionCx<'_>,
    attempt: impl Into<LoginAttempt<'a>>,
    policy: SessionPolicy,
) -> Result<LoginOutcome, StoreError> {
    let attempt = attempt.into();
    let now_ms = cx.now_ms();
    let username = attempt.username.trim().to_lowercase();
    let (found, throttled) = {
        let mut conn = cx.db.conn().await?;
        let keyed = read_key(&mut conn, cx).await?;
        let address_key = keyed.of(attempt.address);
        let found = queries::find_login(&mut conn, cx.tenant, &username).await?;
        let throttled = throttle::find(&mut conn, cx.tenant, &username, &address_key).await?;
        (found, (throttled, address_key))
    };
    let (throttle_row, address_key) = throttled;
    let locked_until = throttle_row.as_ref().map_or(0, |it| it.locked_until_ms);
    let account = found.filter(|_| locked_until <= now_ms);
    let stored = account.as_ref().map_or_else(|| passwords::decoy_hash().to_owned(), |it| it.password_hash.clone());
    let matches = verify_blocking(attempt.password, stored).await;
    let mut tx = cx.db.begin_write().await?;
    let Some(account) = account.filter(|it| matches && it.is_active != 0) else {
        let failures = throttle_row.map_or(0, |it| it.failures) + 1;
        let new_lock = (locked_until <= now_ms)
            .then(|| LockoutPolicy::STANDARD.locked_until(u32::try_from(failures).unwrap_or(u32::MAX), now_ms))
            .flatten();
        let until = new_lock.unwrap_or(locked_until);
        throttle::record_failure(&mut tx, cx.tenant, (&username, &address_key), (failures, until), now_ms).await?;
        if let Some(until_ms) = new_lock
            && let Some(id) = queries::find_login(&mut tx, cx.tenant, &username).await?.map(|it| it.id)
        {
            let cx = ActionCx { actor: Actor::User(UserId::new(&id)), ..*cx };
            let after = json!({"failed_logins": failures, "locked_until_ms": until_ms, "address_hmac": address_key});
            let change =
                Change { action: "user.locked", entity_type: "user", entity_id: id, before: None, after: Some(after) };
            audit::append(&mut tx, &cx, change).await?;
        }
        tx.commit().await?;
        return Ok(if locked_until > now_ms {
            LoginOutcome::Locked { until_ms: locked_until }
        } else {
            LoginOutcome::Invalid
        });
    };
    let cx = ActionCx { actor: Actor::User(UserId::new(&account.id)), ..*cx };
    throttle::clear(&mut tx, cx.tenant, (&username, &address_key), now_ms).await?;
    queries::update_login_succeeded(&mut tx, cx.tenant, &account.id, now_ms).await?;
    if let Some(previous) = attempt.previous_token {
        queries::delete_session(&mut tx, cx.tenant, &token_hash(previous)).await?;
    }
    let token = open_session(&mut tx, &cx, &account.id, policy).await?;
    // Housekeeping at the moment sessions are made keeps the table small without a scheduled job.
    queries::delete_expired_sessions(&mut tx, now_ms, now_ms - policy.idle_ms).await?;
    let change = Change {
        action: "session.login",
        entity_type: "user",
        entity_id: account.id.clone(),
        before: None,
        after: None,
    };
    audit::append(&mut tx, &cx, change).await?;
    tx.commit().await?;
    Ok(LoginOutcome::Success { token, user: UserId::new(account.id) })
}

/// The throttle's key, read without a write lock when it exists (the first login of a tenant creates it).
async fn read_key(conn: &mut Conn, cx: &ActionCx<'_>) -> Result<PersonalDigest, StoreError> {
    PersonalDigest::load(conn, cx).await
}

/// Opens a session for the account and returns its cookie token.
pub(super) async fn open_session(
    conn: &mut Conn,
    cx: &ActionCx<'_>,
    user_id: &str,
    policy: SessionPolicy,
) -> Result<String, StoreError> {
    let token = hex_encode(&cx.ids.secret());
    let now_ms = cx.now_ms();
    let session = queries::NewSession {
        token_hash: token_hash(&token),
        user_id: user_id.to_owned(),
        csrf_token: hex_encode(&cx.ids.secret()),
        created_at_ms: now_ms,
        expires_at_ms: now_ms + policy.lifetime_ms,
    };
    queries::insert_session(conn, cx.tenant, &session).await?;
    Ok(token)
}
