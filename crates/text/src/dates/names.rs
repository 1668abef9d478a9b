//! Indonesian month and weekday names, matched case-insensitively on raw bytes so no lower-cased copy is made.

use jiff::civil::Weekday;

/// Source: KBBI month names plus the abbreviations used by Indonesian newsrooms (incl. "Agt", "Agus", "Sept", "Nop").
const MONTHS: [(&str, i8); 30] = [
    ("januari", 1),
    ("jan", 1),
    ("februari", 2),
    ("pebruari", 2),
    ("feb", 2),
    ("peb", 2),
    ("maret", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("mei", 5),
    ("juni", 6),
    ("jun", 6),
    ("juli", 7),
    ("jul", 7),
    ("agustus", 8),
    ("agu", 8),
    ("agt", 8),
    ("agus", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("oktober", 10),
    ("okt", 10),
    ("november", 11),
    ("nopember", 11),
    ("nov", 11),
    ("nop", 11),
    ("desember", 12),
    ("des", 12),
];

const WEEKDAYS: [(&str, Weekday); 8] = [
    ("senin", Weekday::Monday),
    ("selasa", Weekday::Tuesday),
    ("rabu", Weekday::Wednesday),
    ("kamis", Weekday::Thursday),
    ("jumat", Weekday::Friday),
    ("sabtu", Weekday::Saturday),
    ("minggu", Weekday::Sunday),
    ("ahad", Weekday::Sunday),
];

/// Month number for a month name or abbreviation in any case.
pub(super) fn month(word: &str) -> Option<i8> {
    if word.len() > 9 {
        return None;
    }
    MONTHS.iter().find(|(name, _)| word.eq_ignore_ascii_case(name)).map(|&(_, m)| m)
}

/// Weekday for a day name in any case; "Jum'at" and "Jum’at" are accepted with their apostrophes.
pub(super) fn weekday(word: &str) -> Option<Weekday> {
    if word.len() > 8 || word.len() < 4 {
        return None;
    }
    let mut buf = [0u8; 8];
    let mut len = 0;
    for b in word.bytes() {
        if b.is_ascii_alphabetic() {
            buf[len] = b.to_ascii_lowercase();
            len += 1;
        } else if b != b'\'' && !matches!(b, 0xE2 | 0x80 | 0x99) {
            return None;
        }
    }
    let folded = &buf[..len];
    WEEKDAYS.iter().find(|(name, _)| name.as_bytes() == folded).map(|&(_, w)| w)
}

/// True when `word` equals one of `list` ignoring ASCII case.
pub(super) fn is_any(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| word.eq_ignore_ascii_case(w))
}
