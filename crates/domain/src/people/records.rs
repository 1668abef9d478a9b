//! Staff account records and the parsing of account forms and API bodies.

use crate::ids::{UnitId, UserId};
use crate::people::{CredentialError, Grant, Role, Scope, check_password_policy, check_username};
use crate::problems::{FieldProblem, Problem, Problems, optional_text, required_text};

/// A staff account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    /// Id.
    pub id: UserId,
    /// Login name, lower case.
    pub username: String,
    /// Name shown in the interface and the audit trail.
    pub display_name: String,
    /// E-mail for notifications.
    pub email: Option<String>,
    /// Whether the account may log in.
    pub is_active: bool,
    /// Roles and their scopes.
    pub grants: Vec<Grant>,
}

/// Raw account fields as typed.
#[derive(Clone, Debug, Default)]
pub struct RawUser {
    /// Login name.
    pub username: String,
    /// Display name.
    pub display_name: String,
    /// E-mail.
    pub email: String,
    /// New password; empty keeps the current one when editing.
    pub password: String,
    /// "ya"/"tidak".
    pub is_active: String,
    /// Role codes with a unit id (empty for the whole tenant), one pair per grant.
    pub grants: Vec<(String, String)>,
}

/// Valid account fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserDraft {
    /// Login name.
    pub username: String,
    /// Display name.
    pub display_name: String,
    /// E-mail.
    pub email: Option<String>,
    /// New password, if one was given.
    pub password: Option<String>,
    /// Active.
    pub is_active: bool,
    /// Grants.
    pub grants: Vec<Grant>,
}

impl RawUser {
    /// Validates the fields; a password is required when `password_required` (new accounts).
    pub fn parse(&self, password_required: bool) -> Result<UserDraft, Vec<FieldProblem>> {
        let mut problems = Problems::default();
        let username = match check_username(&self.username) {
            Ok(name) => name,
            Err(err) => {
                problems.add("username", Problem::Credential(err));
                String::new()
            }
        };
        let display_name = required_text(&mut problems, "display_name", &self.display_name, 120);
        let email = optional_text(&mut problems, "email", &self.email, 200);
        if email.as_deref().is_some_and(|it| !looks_like_email(it)) {
            problems.add("email", Problem::Malformed { given: self.email.clone() });
        }
        let password = match (self.password.is_empty(), password_required) {
            (true, true) => {
                problems.add("password", Problem::Required);
                None
            }
            (true, false) => None,
            (false, _) => {
                if let Err(err) = check_password_policy(&self.password, &username) {
                    problems.add("password", Problem::Credential(err));
                }
                Some(self.password.clone())
            }
        };
        let is_active = crate::org::parse_flag(&mut problems, "is_active", &self.is_active, true);
        let grants = parse_grants(&mut problems, &self.grants);
        problems.finish(|| UserDraft { username, display_name, email, password, is_active, grants })
    }
}

fn parse_grants(problems: &mut Problems, raw: &[(String, String)]) -> Vec<Grant> {
    let mut grants = Vec::new();
    for (role, unit) in raw.iter().filter(|(role, _)| !role.trim().is_empty()) {
        let Some(role) = Role::parse(role) else {
            problems.add("grants", Problem::UnknownCode { given: role.clone() });
            continue;
        };
        let scope = match unit.trim() {
            "" => Scope::Tenant,
            id => Scope::Unit(UnitId::new(id)),
        };
        let grant = Grant { role, scope };
        if !grants.contains(&grant) {
            grants.push(grant);
        }
    }
    if grants.is_empty() {
        problems.add("grants", Problem::Required);
    }
    grants
}

fn looks_like_email(text: &str) -> bool {
    crate::problems::is_email(text)
}

/// Checks a password change: the policy, and that the confirmation matches.
pub fn check_new_password(password: &str, confirmation: &str, username: &str) -> Result<(), Vec<FieldProblem>> {
    let mut problems = Problems::default();
    if let Err(err) = check_password_policy(password, username) {
        problems.add("password", Problem::Credential(err));
    }
    if password != confirmation {
        problems.add("password_confirmation", Problem::Credential(CredentialError::ConfirmationMismatch));
    }
    problems.finish(|| ())
}
