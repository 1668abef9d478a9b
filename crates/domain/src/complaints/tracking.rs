//! Tracking numbers and the secret that goes with them: the number can be read out on the phone or printed in the
//! public list; the secret proves that the holder is the reporter.

use sha2::{Digest, Sha256};

use super::Kind;

/// Characters of a secret: no 0/O, 1/I/L, so a secret copied from paper is read back right.
const SECRET_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/// Length of a secret: 10 characters of 31 give about 49 bits, ample behind the public form's rate limit.
pub const SECRET_LEN: usize = 10;

/// The prefix of a tracking number, so staff see the kind at a glance.
pub fn prefix(kind: Kind) -> &'static str {
    match kind {
        Kind::Pengaduan => "ADU",
        Kind::Aspirasi => "ASP",
        Kind::PermintaanInformasi => "INF",
        Kind::SuratMasuk => "SRT",
    }
}

/// The tracking number of the `seq`-th item of a year: `ADU-2026-000042`.
pub fn number(kind: Kind, year: i16, seq: i64) -> String {
    format!("{}-{year}-{seq:06}", prefix(kind))
}

/// A number as typed by a person, normalised (case and surrounding spaces do not matter); `None` when it cannot be one.
pub fn normalise_number(raw: &str) -> Option<String> {
    let text = raw.trim().to_ascii_uppercase();
    let mut parts = text.split('-');
    let (Some(head), Some(year), Some(seq), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
        return None;
    };
    let fits = head.len() == 3
        && head.bytes().all(|it| it.is_ascii_uppercase())
        && year.len() == 4
        && year.bytes().all(|it| it.is_ascii_digit())
        && (6..=9).contains(&seq.len())
        && seq.bytes().all(|it| it.is_ascii_digit());
    fits.then_some(text)
}

/// A new secret from random bytes.
pub fn secret_from(random: [u8; 32]) -> String {
    // 256 is not a multiple of 31; taking bytes below 248 keeps every character equally likely.
    // The unfiltered bytes follow only in the (astronomically rare) case that too few bytes were below 248.
    random
        .iter()
        .filter(|it| **it < 248)
        .chain(random.iter())
        .take(SECRET_LEN)
        .map(|it| char::from(SECRET_ALPHABET[usize::from(*it) % SECRET_ALPHABET.len()]))
        .collect()
}

/// A secret as typed: dashes, spaces and case do not matter.
pub fn normalise_secret(raw: &str) -> String {
    raw.chars().filter(char::is_ascii_alphanumeric).map(|it| it.to_ascii_uppercase()).collect()
}

/// The secret as shown: `ABCDE-FGHJK`.
pub fn display_secret(secret: &str) -> String {
    let (head, tail) = secret.split_at(secret.len().min(5));
    if tail.is_empty() { head.to_owned() } else { format!("{head}-{tail}") }
}

/// The stored digest of a secret; tied to the tenant and number so a digest cannot be replayed elsewhere.
pub fn secret_digest(tenant: &str, number: &str, secret: &str) -> String {
    let mut hasher = Sha256::new();
    for part in ["pantau-tracking-v1", tenant, number, &normalise_secret(secret)] {
        hasher.update((part.len() as u64).to_be_bytes());
        hasher.update(part.as_bytes());
    }
    hex::encode(hasher.finalize())
}

/// Whether a typed secret matches the stored digest, in time independent of where they differ.
pub fn secret_matches(tenant: &str, number: &str, typed: &str, stored_digest: &str) -> bool {
    let typed = secret_digest(tenant, number, typed);
    typed.len() == stored_digest.len()
        && typed.bytes().zip(stored_digest.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_carry_the_kind_year_and_sequence_and_read_back() {
        assert_eq!(number(Kind::Pengaduan, 2026, 42), "ADU-2026-000042");
        assert_eq!(number(Kind::SuratMasuk, 2026, 1_234_567), "SRT-2026-1234567");
        assert_eq!(normalise_number(" adu-2026-000042 ").as_deref(), Some("ADU-2026-000042"));
        for bad in ["", "ADU-2026", "ADU-26-000042", "AD-2026-000042", "ADU-2026-42", "ADU-2026-00004x", "A-B-C-D"] {
            assert_eq!(normalise_number(bad), None, "{bad}");
        }
    }

    #[test]
    fn secrets_use_the_unambiguous_alphabet_and_survive_retyping() {
        let secret = secret_from([7; 32]);
        assert_eq!(secret.len(), SECRET_LEN);
        assert!(secret.bytes().all(|it| SECRET_ALPHABET.contains(&it)));
        let shown = display_secret(&secret);
        assert_eq!(shown.len(), SECRET_LEN + 1);
        let digest = secret_digest("tangsel", "ADU-2026-000001", &secret);
        assert!(secret_matches("tangsel", "ADU-2026-000001", &shown.to_lowercase(), &digest));
        assert!(!secret_matches("tangsel", "ADU-2026-000002", &secret, &digest));
        assert!(!secret_matches("bogor", "ADU-2026-000001", &secret, &digest));
        assert!(!secret_matches("tangsel", "ADU-2026-000001", "", &digest));
    }

    #[test]
    fn every_character_of_the_alphabet_can_appear() {
        let mut seen = std::collections::BTreeSet::new();
        for seed in 0..=255u8 {
            let mut bytes = [0u8; 32];
            for (i, byte) in bytes.iter_mut().enumerate() {
                *byte = seed.wrapping_mul(31).wrapping_add(u8::try_from(i).unwrap_or(0).wrapping_mul(17));
            }
            seen.extend(secret_from(bytes).bytes());
        }
        assert_eq!(seen.len(), SECRET_ALPHABET.len());
    }
}
