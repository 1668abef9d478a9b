//! Rules for usernames, passwords and the lock-out after repeated failed logins.

/// Why a username or password is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CredentialError {
    /// Username length outside 3–40.
    #[error("username must be 3 to 40 characters")]
    UsernameLength,
    /// Username with characters other than a–z, 0–9, dot, dash, underscore.
    #[error("username may hold only a-z, 0-9, dot, dash and underscore")]
    UsernameCharacters,
    /// Password shorter than the minimum.
    #[error("password is too short")]
    PasswordTooShort,
    /// Password longer than the maximum.
    #[error("password is too long")]
    PasswordTooLong,
    /// Password that repeats the username or is a well-known password.
    #[error("password is too easy to guess")]
    PasswordGuessable,
    /// The confirmation differs from the new password.
    #[error("password confirmation does not match")]
    ConfirmationMismatch,
    /// The current password given is wrong.
    #[error("current password is wrong")]
    WrongPassword,
}

/// Shortest password accepted.
// Source: NIST SP 800-63B §5.1.1.2 (at least 8; we ask 10 because staff accounts reach personal data).
pub const PASSWORD_MIN: usize = 10;
/// Longest password accepted (Argon2 input stays bounded).
pub const PASSWORD_MAX: usize = 128;

/// Checks a username and returns it in canonical (lower-case, trimmed) form.
pub fn check_username(raw: &str) -> Result<String, CredentialError> {
    let name = raw.trim().to_lowercase();
    if !(3..=40).contains(&name.chars().count()) {
        return Err(CredentialError::UsernameLength);
    }
    let allowed = |it: char| it.is_ascii_lowercase() || it.is_ascii_digit() || matches!(it, '.' | '-' | '_');
    if !name.chars().all(allowed) {
        return Err(CredentialError::UsernameCharacters);
    }
    Ok(name)
}

/// Checks a new password against the policy.
// Source: NIST SP 800-63B §5.1.1.2 (length over composition rules; refuse known and context-specific passwords).
pub fn check_password_policy(password: &str, username: &str) -> Result<(), CredentialError> {
    let length = password.chars().count();
    if length < PASSWORD_MIN {
        return Err(CredentialError::PasswordTooShort);
    }
    if length > PASSWORD_MAX {
        return Err(CredentialError::PasswordTooLong);
    }
    let lowered = password.to_lowercase();
    let first = lowered.chars().next();
    let one_char = lowered.chars().all(|it| Some(it) == first);
    let common = ["password123", "1234567890", "qwertyuiop", "passw0rd123", "pantau12345", "indonesia1945"];
    if one_char || lowered.contains(&username.to_lowercase()) || common.contains(&lowered.as_str()) {
        return Err(CredentialError::PasswordGuessable);
    }
    Ok(())
}

/// When an account is locked after failed logins.
#[derive(Clone, Copy, Debug)]
pub struct LockoutPolicy {
    /// Failures allowed before the first lock.
    pub free_attempts: u32,
    /// Length of the first lock, in milliseconds; each further failure doubles it.
    pub base_lock_ms: i64,
    /// Longest lock, in milliseconds.
    pub max_lock_ms: i64,
}

impl LockoutPolicy {
    /// Five free attempts, then 1 minute, doubling up to 1 hour.
    // Source: OWASP Authentication Cheat Sheet (account lockout with increasing delay, not permanent lock).
    pub const STANDARD: LockoutPolicy =
        LockoutPolicy { free_attempts: 5, base_lock_ms: 60_000, max_lock_ms: 3_600_000 };

    /// The instant (epoch ms) until which the account stays locked after `failures` consecutive failures at `now_ms`,
    /// or `None` while the failures are within the free attempts.
    pub fn locked_until(&self, failures: u32, now_ms: i64) -> Option<i64> {
        let over = failures.checked_sub(self.free_attempts)?;
        let factor = 1i64.checked_shl(over.min(30)).unwrap_or(i64::MAX);
        let lock = self.base_lock_ms.saturating_mul(factor).min(self.max_lock_ms);
        Some(now_ms.saturating_add(lock))
    }
}

/// The address under which failed logins are counted: an IPv4 address itself, an IPv6 address by its /64 network,
/// since one subscriber line gets a whole /64 and could otherwise change address at every attempt.
// Source: RFC 6177 (IPv6 address assignment to end sites: a /64 or larger per subscriber).
pub fn throttle_address(ip: core::net::IpAddr) -> String {
    match ip {
        core::net::IpAddr::V4(v4) => v4.to_string(),
        core::net::IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let [a, b, c, d, ..] = v6.segments();
                format!("{a:x}:{b:x}:{c:x}:{d:x}::/64")
            }
        },
    }
}
