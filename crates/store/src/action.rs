//! The context every action runs in: database, tenant, actor, the current instant and an id source.

use domain::ids::{TenantId, UserId};
use jiff::Timestamp;

use crate::Db;

/// Source of new ids and secrets; the web layer provides a random one, tests a predictable one.
pub trait IdSource: Send + Sync {
    /// A new unique id.
    fn new_id(&self) -> String;
    /// 32 fresh secret bytes (session tokens, salts).
    fn secret(&self) -> [u8; 32];
}

/// Who performs an action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Actor {
    /// A signed-in user.
    User(UserId),
    /// A command or background job, named.
    System(&'static str),
}

impl Actor {
    /// The user's id, for a signed-in user.
    pub fn user_id(&self) -> Option<String> {
        match self {
            Actor::User(id) => Some(id.as_str().to_owned()),
            Actor::System(_) => None,
        }
    }

    /// The text stored in the audit trail.
    pub fn audit_label(&self) -> String {
        match self {
            Actor::User(id) => format!("user:{id}"),
            Actor::System(what) => format!("system:{what}"),
        }
    }
}

/// Everything an action threads through.
pub struct ActionCx<'a> {
    /// Database.
    pub db: &'a Db,
    /// Tenant acted on.
    pub tenant: &'a TenantId,
    /// Who acts.
    pub actor: Actor,
    /// The current instant.
    pub now: Timestamp,
    /// Id source.
    pub ids: &'a dyn IdSource,
}

impl ActionCx<'_> {
    /// The current instant in epoch milliseconds.
    pub fn now_ms(&self) -> i64 {
        self.now.as_millisecond()
    }
}
