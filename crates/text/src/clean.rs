//! Cleaning: normalises the text, drops page-furniture lines (comment prompts, ad slots, share and follow bars,
//! "Baca juga" links, copyright and editor lines, bullet date lines of related-post lists, labels in another script)
//! and paragraphs repeated word for word. What is left is one paragraph per line.

use std::collections::HashSet;

use crate::fold;

/// A cleaned article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// One paragraph per line, normalised.
    pub text: String,
    /// Lines dropped as page furniture.
    pub furniture: usize,
    /// Paragraphs dropped as repeats.
    pub repeats: usize,
}

/// Lines that are page furniture when they start with these (compared lower case, after bullets).
// Choice: prompts and widgets seen on Indonesian WordPress/Blogger news themes; a line that merely mentions
// "komentar" in a sentence is longer than these prefixes allow (see `is_furniture`).
const PREFIXES: [&str; 44] = [
    "tinggalkan komentar",
    "tinggalkan balasan",
    "tulis komentar",
    "komentar",
    "post a comment",
    "previous post",
    "next post",
    "older post",
    "newer post",
    "baca juga",
    "baca selengkapnya",
    "simak juga",
    "lihat juga",
    "berita terkait",
    "artikel terkait",
    "bagikan",
    "share",
    "ikuti kami",
    "ikuti berita",
    "follow us",
    "advertisement",
    "iklan",
    "scroll to continue",
    "gulir untuk",
    "masukkan script iklan",
    "copyright",
    "hak cipta",
    "all rights reserved",
    "editor:",
    "editor :",
    "penulis:",
    "penulis :",
    "reporter:",
    "reporter :",
    "pewarta:",
    "pewarta :",
    "redaktur:",
    "tags:",
    "tag:",
    "sumber foto",
    "foto:",
    "dapatkan update",
    "klik di sini",
    "loading",
];

/// Cleans raw article text (already extracted from HTML when it was a page).
pub fn clean(raw: &str) -> Cleaned {
    let normalized = fold::normalize(raw);
    let mut out = Cleaned { text: String::with_capacity(normalized.len()), ..Cleaned::default() };
    let mut seen: HashSet<u64> = HashSet::new();
    for line in normalized.lines() {
        let line = collapse(line);
        if line.is_empty() {
            continue;
        }
        if is_furniture(&line) {
            out.furniture += 1;
            continue;
        }
        if !seen.insert(paragraph_key(&line)) {
            out.repeats += 1;
            continue;
        }
        out.text.push_str(&line);
        out.text.push('\n');
    }
    out
}

fn collapse(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for word in line.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Hash of a paragraph folded to letters and digits, so spacing and case do not hide a repeat.
fn paragraph_key(line: &str) -> u64 {
    // FNV-1a: stable and fast; collisions only merge two paragraphs in one article.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for ch in line.chars().filter(|it| it.is_alphanumeric()).flat_map(char::to_lowercase) {
        let mut buf = [0u8; 4];
        for byte in ch.encode_utf8(&mut buf).bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// True for a line that is not part of the article.
pub fn is_furniture(line: &str) -> bool {
    let bulleted = line.starts_with(['•', '·', '▪', '►', '»']);
    let body = line.trim_start_matches(['•', '·', '▪', '►', '»', '-', '*', ' ']);
    let lower = body.to_lowercase();
    let short = body.chars().count() <= 80;
    if short && PREFIXES.iter().any(|prefix| lower.starts_with(prefix)) {
        return true;
    }
    if lower.contains('©') || lower.starts_with("(c) ") {
        return true;
    }
    // A bulleted line that is only a date (and a dash) belongs to a related-post list or a page header.
    if bulleted && body.chars().count() <= 40 && body.chars().any(|it| it.is_ascii_digit()) {
        return true;
    }
    other_script(body) || menu_line(body)
}

/// Mostly letters outside the Latin script, such as an Arabic contact-form label on an Indonesian page.
fn other_script(line: &str) -> bool {
    let letters = line.chars().filter(|it| it.is_alphabetic());
    let (mut latin, mut other) = (0usize, 0usize);
    for ch in letters {
        if ch.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&ch) {
            latin += 1;
        } else {
            other += 1;
        }
    }
    other > 0 && other >= latin
}

/// "Beranda | Daerah | Nasional" and similar menu bars.
fn menu_line(line: &str) -> bool {
    let parts: Vec<&str> = line.split(['|', '»']).map(str::trim).collect();
    parts.len() >= 3 && parts.iter().all(|part| part.split_whitespace().count() <= 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_furniture_and_repeats() {
        let raw = "•   29 April 2024 -\nJudul Berita\n\nParagraf pertama.\nTINGGALKAN KOMENTAR\nParagraf  pertama.\n\
                   Post a Comment\nBaca juga: Camat dilantik\nBeranda | Daerah | Nasional\nنموذج الاتصال\n\
                   COPYRIGHT © Warta 2017\nWarga berkomentar bahwa komentar tidak dibaca oleh dinas sejak lama sekali.\n";
        let cleaned = clean(raw);
        assert_eq!(
            cleaned.text,
            "Judul Berita\nParagraf pertama.\nWarga berkomentar bahwa komentar tidak dibaca oleh dinas sejak lama sekali.\n"
        );
        assert_eq!(cleaned.repeats, 1);
        assert_eq!(cleaned.furniture, 7);
    }
}
