//! Actions on accounts and sessions. Password hashing runs on the blocking pool.

use domain::ids::{TenantId, UserId};
use domain::people::{CredentialError, Grant, Scope, User, UserDraft};
use domain::problems::{FieldProblem, Problem};
use jiff::Timestamp;
use serde_json::json;

use crate::audit::{self, Change};
pub use crate::people::login::{LoginAttempt, LoginOutcome, SessionPolicy, login};
use crate::people::{passwords, queries};
use crate::{ActionCx, Actor, Conn, Db, StoreError};

/// The audit document of an account (never its password hash).
fn user_doc(user: &User) -> serde_json::Value {
    let grants: Vec<_> = user
        .grants
        .iter()
        .map(|grant| match &grant.scope {
            Scope::Tenant => json!([grant.role.code(), null]),
            Scope::Unit(unit) => json!([grant.role.code(), unit.as_str()]),
        })
        .collect();
    json!({
        "username": user.username,
        "display_name": user.display_name,
        "email": user.email,
        "is_active": user.is_active,
        "grants": grants,
    })
}

async fn hash_blocking(password: String, salt: [u8; 32]) -> Result<String, StoreError> {
    tokio::task::spawn_blocking(move || passwords::hash(&password, &salt))
        .await
        .map_err(|err| StoreError::Config(format!("password hashing task failed: {err}")))?
}

pub(super) async fn verify_blocking(password: String, stored: String) -> bool {
    // A panicked verification task counts as a failed login: never as a success.
    tokio::task::spawn_blocking(move || passwords::verify(&password, &stored)).await.unwrap_or(false)
}

async fn check_grant_units(conn: &mut crate::Conn, tenant: &TenantId, grants: &[Grant]) -> Result<(), StoreError> {
    let units = crate::org::queries::list_units(conn, tenant).await?;
    for grant in grants {
        if let Scope::Unit(unit) = &grant.scope
            && !units.iter().any(|it| &it.id == unit)
        {
            let problem = FieldProblem { field: "grants", problem: Problem::NotFound { given: unit.to_string() } };
            return Err(StoreError::Invalid(vec![problem]));
        }
    }
    Ok(())
}

/// Creates an account; the draft must carry a password.
pub async fn create_user(cx: &ActionCx<'_>, draft: UserDraft) -> Result<User, StoreError> {
    let (user, hash) = prepare_user(cx, draft).await?;
    let mut tx = cx.db.begin_write().await?;
    let user = insert_new_user(&mut tx, cx, user, &hash).await?;
    tx.commit().await?;
    Ok(user)
}

/// The account a draft describes, with a new id, and the Argon2id hash of its password (computed off the async
/// threads); the draft must carry a password.
pub async fn prepare_user(cx: &ActionCx<'_>, draft: UserDraft) -> Result<(User, String), StoreError> {
    let Some(password) = draft.password.clone() else {
        return Err(StoreError::Invalid(vec![FieldProblem { field: "password", problem: Problem::Required }]));
    };
    let hash = hash_blocking(password, cx.ids.secret()).await?;
    let user = User {
        id: UserId::new(cx.ids.new_id()),
        username: draft.username,
        display_name: draft.display_name,
        email: draft.email,
        is_active: draft.is_active,
        grants: draft.grants,
    };
    Ok((user, hash))
}

/// Writes a prepared account, its grants and its audit entry inside the caller's transaction.
pub async fn insert_new_user(conn: &mut Conn, cx: &ActionCx<'_>, user: User, hash: &str) -> Result<User, StoreError> {
    check_grant_units(conn, cx.tenant, &user.grants).await?;
    match queries::insert_user(conn, cx.tenant, &user, hash, cx.now_ms()).await {
        Err(StoreError::Duplicate) => return Err(taken_username(&user.username)),
        other => other?,
    }
    let grant_ids: Vec<String> = user.grants.iter().map(|_| cx.ids.new_id()).collect();
    queries::update_grants(conn, cx.tenant, &user, &grant_ids).await?;
    let change = Change {
        action: "user.create",
        entity_type: "user",
        entity_id: user.id.to_string(),
        before: None,
        after: Some(user_doc(&user)),
    };
    audit::append(conn, cx, change).await?;
    Ok(user)
}

fn taken_username(username: &str) -> StoreError {
    StoreError::Invalid(vec![FieldProblem {
        field: "username",
        problem: Problem::Taken { given: username.to_owned() },
    }])
}

/// Updates an account; a password in the draft replaces the current one and ends the account's sessions, as does
/// deactivation.
pub async fn update_user(cx: &ActionCx<'_>, id: &UserId, draft: UserDraft) -> Result<User, StoreError> {
    let new_hash = match draft.password.clone() {
        Some(password) => Some(hash_blocking(password, cx.ids.secret()).await?),
        None => None,
    };
    let mut tx = cx.db.begin_write().await?;
    let before = queries::load_user(&mut tx, cx.tenant, id).await?;
    check_grant_units(&mut tx, cx.tenant, &draft.grants).await?;
    let user = User {
        id: id.clone(),
        username: draft.username,
        display_name: draft.display_name,
        email: draft.email,
        is_active: draft.is_active,
        grants: draft.grants,
    };
    match queries::update_user(&mut tx, cx.tenant, &user, cx.now_ms()).await {
        Err(StoreError::Duplicate) => return Err(taken_username(&user.username)),
        other => other?,
    }
    let grant_ids: Vec<String> = user.grants.iter().map(|_| cx.ids.new_id()).collect();
    queries::update_grants(&mut tx, cx.tenant, &user, &grant_ids).await?;
    if let Some(hash) = &new_hash {
        queries::update_password(&mut tx, cx.tenant, id, hash, cx.now_ms()).await?;
    }
    if new_hash.is_some() || !user.is_active {
        queries::delete_user_sessions(&mut tx, cx.tenant, id).await?;
    }
    let mut after = user_doc(&user);
    after["password_changed"] = json!(new_hash.is_some());
    let change = Change {
        action: "user.update",
        entity_type: "user",
        entity_id: id.to_string(),
        before: Some(user_doc(&before)),
        after: Some(after),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(user)
}

/// Changes the acting user's own password after checking the current one, ends every session of the account
/// (someone else may know the old password, and may hold this very token) and opens a fresh one for this browser;
/// returns its token.
pub async fn change_own_password(
    cx: &ActionCx<'_>,
    user: &UserId,
    passwords: (String, String),
    policy: SessionPolicy,
) -> Result<String, StoreError> {
    let (current, new_password) = passwords;
    let stored = {
        let mut conn = cx.db.conn().await?;
        queries::load_password_hash(&mut conn, cx.tenant, user).await?
    };
    if !verify_blocking(current, stored).await {
        let problem =
            FieldProblem { field: "current_password", problem: Problem::Credential(CredentialError::WrongPassword) };
        return Err(StoreError::Invalid(vec![problem]));
    }
    let hash = hash_blocking(new_password, cx.ids.secret()).await?;
    let mut tx = cx.db.begin_write().await?;
    queries::update_password(&mut tx, cx.tenant, user, &hash, cx.now_ms()).await?;
    queries::delete_other_sessions(&mut tx, cx.tenant, user, "").await?;
    let token = super::login::open_session(&mut tx, cx, user.as_str(), policy).await?;
    let change = Change {
        action: "user.change_password",
        entity_type: "user",
        entity_id: user.to_string(),
        before: None,
        after: Some(json!({"password_changed": true})),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(token)
}

/// A live session.
#[derive(Debug)]
pub struct SessionInfo {
    /// The account.
    pub user: User,
    /// The session's cross-site token.
    pub csrf_token: String,
}

/// The session behind a cookie token, if it is live; marks it used (at most once a minute, to spare writes).
pub async fn resume_session(
    db: &Db,
    tenant: &TenantId,
    token: &str,
    now: Timestamp,
    policy: SessionPolicy,
) -> Result<Option<SessionInfo>, StoreError> {
    let now_ms = now.as_millisecond();
    let hash = token_hash(token);
    let mut conn = db.conn().await?;
    let Some(row) = queries::find_session(&mut conn, tenant, &hash, now_ms, now_ms - policy.idle_ms).await? else {
        return Ok(None);
    };
    if now_ms - row.last_seen_at_ms > 60_000 {
        queries::update_session_seen(&mut conn, tenant, &hash, now_ms).await?;
    }
    let user = queries::load_user(&mut conn, tenant, &UserId::new(row.user_id)).await?;
    Ok(Some(SessionInfo { user, csrf_token: row.csrf_token }))
}

/// Ends the session behind a cookie token.
pub async fn logout(cx: &ActionCx<'_>, token: &str) -> Result<(), StoreError> {
    let mut tx = cx.db.begin_write().await?;
    queries::delete_session(&mut tx, cx.tenant, &token_hash(token)).await?;
    let entity_id = match &cx.actor {
        Actor::User(id) => id.to_string(),
        Actor::System(what) => (*what).to_owned(),
    };
    let change = Change { action: "session.logout", entity_type: "user", entity_id, before: None, after: None };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(())
}

pub(super) fn hex_encode(bytes: &[u8]) -> String {
    bytes.iter().map(|it| format!("{it:02x}")).collect()
}

/// The session id stored: a digest of the cookie token, so that a leaked table cannot be replayed.
pub(super) fn token_hash(token: &str) -> String {
    domain::audit::digest(Some(token))
}
