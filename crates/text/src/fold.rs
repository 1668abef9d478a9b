//! Text normalisation shared by every extractor: NFKC (so full-width letters, ligatures and non-breaking spaces match
//! like plain ones), typographic quotes and dashes folded to ASCII, and a word iterator with byte offsets.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::{IsNormalized, is_nfkc_quick};

/// NFKC-normalises a text, mapping curly quotes and dashes to their ASCII forms and every Unicode space to a plain
/// space. Cheap on text that is already plain.
pub fn normalize(raw: &str) -> String {
    let plain = raw.bytes().all(|it| it.is_ascii() && it != b'\r' && it != b'\t');
    if plain {
        return raw.to_owned();
    }
    let mut out = String::with_capacity(raw.len());
    let nfkc_already = matches!(is_nfkc_quick(raw.chars()), IsNormalized::Yes);
    let mut push = |ch: char| out.push(fold_char(ch));
    if nfkc_already {
        raw.chars().for_each(&mut push);
    } else {
        raw.nfkc().for_each(&mut push);
    }
    out
}

fn fold_char(ch: char) -> char {
    match ch {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2032}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\r' | '\t' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        '\u{200B}' | '\u{FEFF}' => ' ',
        other => other,
    }
}

/// Lower-case letters and digits only: the key under which names, abbreviations and aliases are compared, the same
/// as the unit register's alias key.
pub fn key(raw: &str) -> String {
    domain::org::alias_key(raw)
}

/// A word of a text: its byte span and the text itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset after the last character.
    pub end: usize,
    /// The word as written.
    pub text: &'a str,
}

impl Word<'_> {
    /// Starts with an upper-case letter (or is an abbreviation such as "BKD").
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// Words of a text: runs of letters and digits, with inner hyphens, dots and apostrophes kept when a letter or digit
/// follows ("DPM-PTSP", "Jum'at", "S.Sos"), so abbreviations stay whole.
pub fn words(text: &str) -> impl Iterator<Item = Word<'_>> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let start = next_word_start(text, pos)?;
        let mut end = start;
        let mut chars = text[start..].char_indices().peekable();
        while let Some((offset, ch)) = chars.next() {
            if ch.is_alphanumeric() {
                end = start + offset + ch.len_utf8();
                continue;
            }
            let joins = matches!(ch, '-' | '.' | '\'') && chars.peek().is_some_and(|(_, next)| next.is_alphanumeric());
            if !joins {
                break;
            }
        }
        pos = end.max(start + 1);
        Some(Word { start, end, text: &text[start..end] })
    })
}

fn next_word_start(text: &str, from: usize) -> Option<usize> {
    text.get(from..)?.char_indices().find(|(_, ch)| ch.is_alphanumeric()).map(|(offset, _)| from + offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_abbreviations_whole() {
        let found: Vec<&str> = words("Kepala DPM-PTSP, I Ketut S.Sos. (Jum'at) 1/3/2024").map(|it| it.text).collect();
        assert_eq!(found, ["Kepala", "DPM-PTSP", "I", "Ketut", "S.Sos", "Jum'at", "1", "3", "2024"]);
    }

    #[test]
    fn normalize_folds_quotes_dashes_and_spaces() {
        assert_eq!(normalize("\u{201C}Betul\u{201D} \u{2013} kata\u{00A0}dia\u{FF0C}"), "\"Betul\" - kata dia,");
        assert_eq!(key("DPM-PTSP"), "dpmptsp");
    }
}
