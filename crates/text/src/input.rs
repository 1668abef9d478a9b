//! What an import accepts, before any cleaning: UTF-8 text, HTML or JSON lines under a size limit. Anything else is
//! refused with a reason that names the file's problem, never guessed at.

use serde::Deserialize;
use thiserror::Error;

/// Largest single file or record accepted (news pages are far smaller; bigger files are dumps or binaries).
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

/// Why an input was skipped.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum Skip {
    /// Over [`MAX_BYTES`].
    #[error("file too large ({0} bytes; the limit is {MAX_BYTES})")]
    TooLarge(usize),
    /// NUL bytes or many control characters.
    #[error("binary file, not text")]
    Binary,
    /// Not valid UTF-8; `windows1252` when the bytes look like a Windows code page.
    #[error("not UTF-8 (byte {offset}){}", if *.windows1252 { "; looks like Windows-1252: save it as UTF-8" } else { "" })]
    NotUtf8 {
        /// First invalid byte.
        offset: usize,
        /// The bytes look like Windows-1252 (Latin letters with accents, curly quotes).
        windows1252: bool,
    },
    /// No text left.
    #[error("empty")]
    Empty,
    /// A JSON line that does not parse or lacks text.
    #[error("line {line}: {message}")]
    BadRecord {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// The shape of an input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    Text,
    /// An HTML page.
    Html,
    /// One JSON object per line.
    JsonLines,
}

impl Format {
    /// Chooses by file name first, then by content.
    pub fn detect(name: &str, text: &str) -> Self {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
            return Self::JsonLines;
        }
        if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
            return Self::Html;
        }
        let head: String = text.trim_start().chars().take(200).collect::<String>().to_ascii_lowercase();
        if head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body") {
            Self::Html
        } else {
            Self::Text
        }
    }
}

/// Checks bytes and returns them as text.
pub fn decode(bytes: &[u8]) -> Result<&str, Skip> {
    if bytes.len() > MAX_BYTES {
        return Err(Skip::TooLarge(bytes.len()));
    }
    let sample = &bytes[..bytes.len().min(8192)];
    let controls = sample.iter().filter(|&&it| it < 0x09 || (0x0E..0x20).contains(&it)).count();
    if sample.contains(&0) || controls * 100 > sample.len().max(1) {
        return Err(Skip::Binary);
    }
    let text = std::str::from_utf8(bytes).map_err(|err| {
        let offset = err.valid_up_to();
        Skip::NotUtf8 { offset, windows1252: looks_windows1252(&bytes[offset..]) }
    })?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() { Err(Skip::Empty) } else { Ok(text) }
}

/// Single high bytes between ASCII, as Windows-1252 writes é, curly quotes and dashes.
fn looks_windows1252(rest: &[u8]) -> bool {
    let high: Vec<usize> = rest.iter().take(4096).enumerate().filter(|(_, b)| **b >= 0x80).map(|(i, _)| i).collect();
    !high.is_empty() && high.iter().all(|&i| rest.get(i + 1).is_none_or(|next| *next < 0x80))
}

/// One article of a JSON-lines file.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Record {
    /// Where it was published.
    #[serde(default)]
    pub url: Option<String>,
    /// Headline.
    #[serde(default)]
    pub title: Option<String>,
    /// Body as text (or HTML when `html` is absent and the text starts with a tag).
    #[serde(default)]
    pub text: Option<String>,
    /// Body as HTML.
    #[serde(default)]
    pub html: Option<String>,
    /// Publication date or time as the source gives it (`2024-03-28`, RFC 3339).
    #[serde(default)]
    pub published: Option<String>,
}

impl Record {
    /// The body and whether it is HTML.
    pub fn body(&self) -> Option<(&str, Format)> {
        if let Some(html) = self.html.as_deref().filter(|it| !it.trim().is_empty()) {
            return Some((html, Format::Html));
        }
        let text = self.text.as_deref().filter(|it| !it.trim().is_empty())?;
        Some((text, Format::detect("", text)))
    }

    /// The date part of `published`, when it is one.
    pub fn published_date(&self) -> Option<jiff::civil::Date> {
        let raw = self.published.as_deref()?.trim();
        raw.get(..10).and_then(|it| it.parse().ok())
    }
}

/// Parses JSON lines; blank lines are ignored, a bad line is reported with its number and the rest still parse.
pub fn records(text: &str) -> Vec<Result<Record, Skip>> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| {
            let line_no = index + 1;
            let record: Record = serde_json::from_str(line)
                .map_err(|err| Skip::BadRecord { line: line_no, message: err.to_string() })?;
            if record.body().is_none() {
                return Err(Skip::BadRecord { line: line_no, message: "no text or html field".to_owned() });
            }
            if record.body().is_some_and(|(body, _)| body.len() > MAX_BYTES) {
                return Err(Skip::BadRecord { line: line_no, message: "article too large".to_owned() });
            }
            Ok(record)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_binary_large_and_windows_1252() {
        assert_eq!(decode(b"\x00\x01PNG"), Err(Skip::Binary));
        assert!(matches!(decode(&vec![b'a'; MAX_BYTES + 1]), Err(Skip::TooLarge(_))));
        assert_eq!(decode(b"Caf\xe9 \x93kata\x94"), Err(Skip::NotUtf8 { offset: 3, windows1252: true }));
        assert_eq!(decode("\u{FEFF}Kota Serang".as_bytes()), Ok("Kota Serang"));
        assert_eq!(decode(b"  \n "), Err(Skip::Empty));
    }

    #[test]
    fn json_lines_report_bad_lines_and_keep_the_rest() {
        let parsed = records("{\"title\":\"A\",\"text\":\"isi\"}\n\nnot json\n{\"title\":\"B\"}\n");
        assert!(parsed[0].is_ok());
        assert!(matches!(&parsed[1], Err(Skip::BadRecord { line: 3, .. })));
        assert!(matches!(&parsed[2], Err(Skip::BadRecord { line: 4, .. })));
    }
}
