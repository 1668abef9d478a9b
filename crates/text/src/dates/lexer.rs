//! Splits one line into words, numbers and punctuation in a single pass without allocating per character, so that date
//! patterns can be matched on a handful of tokens instead of re-reading bytes. Numbers keep their inner separators
//! ("7/9/2023", "1.500.000") because a date is recognised by the shape of the whole number run.

/// What a token is; positions are byte offsets into the line.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Kind {
    /// Letters, with apostrophes between letters kept ("Jum'at").
    Word,
    /// Digits, with '.', '/' or '-' between digit groups kept.
    Num,
    /// One punctuation character; typographic dashes become '-' and quotes '"'.
    Punct(u8),
    /// The © sign.
    Copyright,
    /// A list bullet (• or ·).
    Bullet,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) struct Token {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: Kind,
}

/// What a non-ASCII sequence at a position means to the tokenizer.
enum Special {
    Space(usize),
    Token(Kind, usize),
    Apostrophe(usize),
    None,
}

fn special(bytes: &[u8], i: usize) -> Special {
    match (bytes.get(i), bytes.get(i + 1), bytes.get(i + 2)) {
        (Some(0xC2), Some(0xA0), _) => Special::Space(2),
        (Some(0xC2), Some(0xA9), _) => Special::Token(Kind::Copyright, 2),
        (Some(0xC2), Some(0xB7), _) => Special::Token(Kind::Bullet, 2),
        (Some(0xC2), Some(0x80..=0xBF), _) => Special::Token(Kind::Punct(b'"'), 2),
        (Some(0xE2), Some(0x80), Some(0x99)) => Special::Apostrophe(3),
        (Some(0xE2), Some(0x80), Some(0xA2)) => Special::Token(Kind::Bullet, 3),
        (Some(0xE2), Some(0x80), Some(0x80..=0x8F | 0xAF)) => Special::Space(3),
        (Some(0xE2), Some(0x80), Some(0x90..=0x95)) => Special::Token(Kind::Punct(b'-'), 3),
        (Some(0xE2), Some(0x80), Some(0x96..=0xBF)) => Special::Token(Kind::Punct(b'"'), 3),
        _ => Special::None,
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphabetic() || b >= 0x80
}

/// Clears `out` and fills it with the tokens of `line`.
pub(super) fn tokenize(line: &str, out: &mut Vec<Token>) {
    out.clear();
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (kind, len) = match special(bytes, i) {
            Special::Space(len) => {
                i += len;
                continue;
            }
            Special::Token(kind, len) => (kind, len),
            Special::Apostrophe(len) => (Kind::Punct(b'\''), len),
            Special::None if b.is_ascii_whitespace() => {
                i += 1;
                continue;
            }
            Special::None if b.is_ascii_digit() => (Kind::Num, number_len(bytes, i)),
            Special::None if is_word_byte(b) => (Kind::Word, word_len(bytes, i)),
            Special::None => (Kind::Punct(b), 1),
        };
        out.push(Token { start: i, end: i + len, kind });
        i += len;
    }
}

fn number_len(bytes: &[u8], start: usize) -> usize {
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let mut i = start;
    loop {
        while digit(i) {
            i += 1;
        }
        let joins = matches!(bytes.get(i), Some(b'.' | b'/' | b'-')) && digit(i + 1);
        if !joins {
            return i - start;
        }
        i += 1;
    }
}

fn word_len(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    while i < bytes.len() {
        match special(bytes, i) {
            Special::Apostrophe(len) if bytes.get(i + len).is_some_and(|&b| b.is_ascii_alphabetic()) => i += len,
            Special::None if is_word_byte(bytes[i]) => i += 1,
            Special::None if bytes[i] == b'\'' && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) => i += 1,
            _ => break,
        }
    }
    i - start
}
