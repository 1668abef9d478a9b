//! Staff accounts, their role grants, login sessions and the lock-out after failed logins.

pub mod actions;
pub mod passwords;
pub mod queries;

pub use actions::{LoginOutcome, SessionInfo};
