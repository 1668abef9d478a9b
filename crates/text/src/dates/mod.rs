//! Finds Indonesian date expressions in cleaned article text and picks the article's publication date. Scraped news
//! pages carry many dates (events, deadlines, related links, footers), and the date that matters is usually the
//! dateline, so mentions remember whether they stand on a line of their own and whether a written weekday agrees.
//!
//! Recognised forms (day, month, year order; names in any case; an optional weekday such as "Kamis", "Jum'at" or
//! "Ahad" before the date, optionally followed by ",", "(", "tanggal" or "tgl"):
//! * long: "28 Maret 2024", "28 Mar. 2024", "Kamis, 28 Maret 2024", "Senin tanggal 7 Oktober 2024";
//! * numeric: "7/9/2023", "07-09-2023", "1.3.2024" (one separator kind throughout, four-digit year), "Kamis (1/3/2024)";
//!   "Senin (7/10)" without a year only after a weekday and only with a reference date, whose year completes it
//!   (the year before when that lands over 60 days after the reference, as with "Senin (30/12)" read on 2 January);
//! * a bare capitalised weekday ("…, Rabu.", "pada Rabu (kemarin)", "Rabu lalu"), resolved to the latest such day on
//!   or before the reference; skipped without a reference, after street words ("Jalan Rabu"), next to other
//!   capitalised words (names), after "setiap", in day lists ("Senin-Jumat", "Selasa dan Kamis"), and "Minggu
//!   lalu/depan/ini" (meaning "week") unless "pada" precedes.
//!
//! Not dates: bare years ("tahun 2024"), law citations ("UU No 5 Tahun 2014", "Perpres 12/2020"), numbers after
//! "Nomor"/"No.", times ("10:30", "10.30"), amounts ("1.500.000"), impossible days (31/2, 29/2/2023) and years outside
//! 1990-2100. Lines that hold "©" or "copyright", start with "Baca/Simak/Lihat juga", or start with a bullet ("•", "·",
//! or "-"/"*" plus a space) are page furniture and yield nothing.
//!
//! `article_date` rules, first match wins:
//! 1. the dateline: a long or numeric date standing on a line by itself (allowing punctuation, "hari", and a time such
//!    as "10:30 WIB") within the first six non-blank lines, unless its written weekday disagrees; a byline such as
//!    "Jakarta - Andi Saputra" above it is simply another line;
//! 2. the first long or numeric date whose written weekday does not disagree, else the first long or numeric date;
//! 3. the first resolved bare weekday;
//! 4. none.
//!
//! The scan is one pass per line into a reused token buffer, so cost is linear in the text and allocation-free apart
//! from the result vector.

mod lexer;
mod names;
mod scan;
#[cfg(test)]
mod tests;

use jiff::civil::Date;

/// Non-blank lines at the top of an article in which a dateline is looked for.
const DATELINE_LINES: usize = 6;

/// A date found in the text, with its byte span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateMention {
    /// Byte offset of the first byte (the weekday when one is written).
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
    /// The calendar date meant.
    pub date: Date,
    /// How it was written.
    pub form: DateForm,
    /// Some(false) when a written weekday disagrees with the date; None when no weekday was written next to a date
    /// (and for bare weekdays, which are resolved from the weekday itself).
    pub weekday_agrees: Option<bool>,
    /// The mention is a line by itself (dateline).
    pub own_line: bool,
}

/// How the date was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateForm {
    /// "28 Maret 2024".
    Long,
    /// "1/3/2024", "01-03-2024", "1.3.2024", or "7/10" completed with the reference year.
    Numeric,
    /// "Rabu", resolved against the reference date.
    WeekdayOnly,
}

/// Every date mention in `text`, in order. `reference` (usually the crawl date) resolves bare weekdays and completes
/// day/month pairs; without it those are skipped.
#[must_use]
pub fn find_dates(text: &str, reference: Option<Date>) -> Vec<DateMention> {
    let mut out = Vec::new();
    scan(text, reference, |mention, _| out.push(mention));
    out
}

/// The article's date: see the rules in the module documentation.
#[must_use]
pub fn article_date(text: &str, reference: Option<Date>) -> Option<DateMention> {
    let mut dateline = None;
    let mut agreeing = None;
    let mut any_dated = None;
    let mut weekday_only = None;
    scan(text, reference, |m, line| {
        let disagrees = m.weekday_agrees == Some(false);
        match m.form {
            DateForm::WeekdayOnly => _ = weekday_only.get_or_insert(m),
            DateForm::Long | DateForm::Numeric => {
                if m.own_line && line < DATELINE_LINES && !disagrees {
                    dateline.get_or_insert(m);
                }
                if !disagrees {
                    agreeing.get_or_insert(m);
                }
                any_dated.get_or_insert(m);
            }
        }
    });
    dateline.or(agreeing).or(any_dated).or(weekday_only)
}

/// Calls `sink` with each mention and the index of its line among non-blank lines.
fn scan(text: &str, reference: Option<Date>, mut sink: impl FnMut(DateMention, usize)) {
    let mut tokens = Vec::new();
    let mut mentions = Vec::new();
    let mut offset = 0;
    let mut line_no = 0;
    for text_line in text.split('\n') {
        lexer::tokenize(text_line, &mut tokens);
        let line = scan::Line { text: text_line, tokens: &tokens, offset };
        if !line.is_furniture() {
            mentions.clear();
            line.mentions(reference, &mut mentions);
            for &m in &mentions {
                sink(m, line_no);
            }
        }
        if !tokens.is_empty() {
            line_no += 1;
        }
        offset += text_line.len() + 1;
    }
}
