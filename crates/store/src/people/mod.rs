//! Staff accounts, their role grants, login sessions and the lock-out after failed logins.

pub mod actions;
pub mod login;
pub mod passwords;
pub mod queries;
mod throttle;

pub use actions::SessionInfo;
pub use login::{LoginAttempt, LoginOutcome, SessionPolicy};
