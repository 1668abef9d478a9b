//! Staff accounts and what their roles let them do, scoped to a unit and its subtree.
//!
//! Citizens need no account; every role here is a member of the Pemda's staff.

mod access;
mod credentials;
mod records;

pub use access::{Access, Grant, Permission, Role, Scope};
pub use credentials::{CredentialError, LockoutPolicy, check_password_policy, check_username, throttle_address};
pub use records::{RawUser, User, UserDraft, check_new_password};

#[cfg(test)]
mod tests;
