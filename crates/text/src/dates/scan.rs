//! Matches date patterns on the tokens of one line. Every pattern starts at a weekday word or at a number, so most
//! tokens are rejected after one comparison.

use std::ops::Range;

use jiff::civil::{Date, Weekday};

use super::lexer::{Kind, Token};
use super::names;
use super::{DateForm, DateMention};

/// Source: Indonesian news usage: a letter or regulation number ("Nomor 5/2/2020") is not a date.
const NUMBER_WORDS: [&str; 5] = ["nomor", "no", "nomer", "nmr", "nope"];
/// Words after which a capitalised weekday is a street or place name, or a recurring day, rather than a date.
const NOT_BEFORE_BARE: [&str; 9] = ["jalan", "jl", "jln", "gang", "gg", "pasar", "kampung", "setiap", "tiap"];
/// Capitalised words that may precede a bare weekday at the start of a sentence.
const BARE_OPENERS: [&str; 6] = ["pada", "hari", "sejak", "hingga", "sampai", "sebelumnya"];
/// "Minggu" followed by these means "week" ("Minggu lalu" = last week) unless "pada"/"hari" precedes it.
const WEEK_WORDS: [&str; 4] = ["lalu", "depan", "ini", "ke"];
/// How far after the reference a completed day/month may lie before it is read as last year's.
const FUTURE_DAYS: i64 = 60;
/// Words joining weekdays into a schedule.
const LIST_WORDS: [&str; 4] = ["dan", "atau", "hingga", "sampai"];
/// Words allowed next to a date on a dateline ("Kamis, 28 Maret 2024 10:30 WIB").
const DATELINE_WORDS: [&str; 5] = ["wib", "wita", "wit", "pukul", "hari"];

/// One line's tokens with the text they index into.
pub(super) struct Line<'a> {
    pub(super) text: &'a str,
    pub(super) tokens: &'a [Token],
    /// Byte offset of the line in the whole text.
    pub(super) offset: usize,
}

impl Line<'_> {
    fn word(&self, i: usize) -> Option<&str> {
        let t = self.tokens.get(i)?;
        (t.kind == Kind::Word).then(|| &self.text[t.start..t.end])
    }

    fn num(&self, i: usize) -> Option<&str> {
        let t = self.tokens.get(i)?;
        (t.kind == Kind::Num).then(|| &self.text[t.start..t.end])
    }

    fn punct(&self, i: usize, c: u8) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == Kind::Punct(c))
    }

    /// Lines whose dates are page furniture: copyright notes, "Baca juga" links and bulleted lists.
    pub(super) fn is_furniture(&self) -> bool {
        let Some(first) = self.tokens.first() else { return true };
        let bullet = match first.kind {
            Kind::Bullet => true,
            Kind::Punct(b'-' | b'*') => self.text[first.end..].starts_with(char::is_whitespace),
            _ => false,
        };
        let related = self.word(1).is_some_and(|w| w.eq_ignore_ascii_case("juga"))
            && self.word(0).is_some_and(|w| names::is_any(w, &["baca", "simak", "lihat"]));
        let copyright = self.tokens.iter().any(|t| {
            t.kind == Kind::Copyright
                || (t.kind == Kind::Word && self.text[t.start..t.end].eq_ignore_ascii_case("copyright"))
        });
        bullet || related || copyright
    }

    /// All mentions on the line, in order.
    pub(super) fn mentions(&self, reference: Option<Date>, out: &mut Vec<DateMention>) {
        let mut i = 0;
        while i < self.tokens.len() {
            match self.mention_at(i, reference) {
                Some((mention, next)) => {
                    let own_line = self.only_furniture_outside(i, next);
                    out.push(DateMention { own_line, ..mention });
                    i = next;
                }
                None => i += 1,
            }
        }
    }

    /// A mention starting at token `i` and the index of the first token after it.
    fn mention_at(&self, i: usize, reference: Option<Date>) -> Option<(DateMention, usize)> {
        if let Some(day) = self.word(i).and_then(names::weekday) {
            return self.after_weekday(i, day, reference).or_else(|| self.bare_weekday(i, day, reference));
        }
        let (date, form, next) = self.date_at(i, None)?;
        Some((self.mention(i..next, date, form, None), next))
    }

    /// "Kamis, 28 Maret 2024", "Kamis (1/3/2024)", "Senin tanggal 7 Oktober 2024", "Senin (7/10)".
    fn after_weekday(&self, i: usize, day: Weekday, reference: Option<Date>) -> Option<(DateMention, usize)> {
        let mut j = i + 1;
        if self.punct(j, b',') {
            j += 1;
        }
        let paren = self.punct(j, b'(');
        if paren {
            j += 1;
        }
        if self.word(j).is_some_and(|w| names::is_any(w, &["tanggal", "tgl"])) {
            j += 1;
            if self.punct(j, b'.') {
                j += 1;
            }
        }
        let (mut date, form, mut next) = self.date_at(j, reference.map(Date::year))?;
        if let Some(reference) =
            reference.filter(|_| self.num(j).is_some_and(|s| s.bytes().filter(|&b| b == b'/').count() == 1))
        {
            date = previous_year_if_far_ahead(date, reference);
        }
        if paren && self.punct(next, b')') {
            next += 1;
        }
        Some((self.mention(i..next, date, form, Some(date.weekday() == day)), next))
    }

    /// A weekday standing for a date near the reference: "…, Rabu." or "pada Rabu (kemarin)" or "Rabu lalu".
    fn bare_weekday(&self, i: usize, day: Weekday, reference: Option<Date>) -> Option<(DateMention, usize)> {
        let reference = reference?;
        let word = self.word(i)?;
        let capitalised = word.as_bytes()[0].is_ascii_uppercase() && word.as_bytes()[1].is_ascii_lowercase();
        let prev = i.checked_sub(1).and_then(|p| self.word(p));
        let before_dot = i.checked_sub(2).filter(|&p| self.punct(p + 1, b'.')).and_then(|p| self.word(p));
        let after_name = [prev, before_dot].into_iter().flatten().any(|w| names::is_any(w, &NOT_BEFORE_BARE));
        let inside_name = prev
            .is_some_and(|w| w.as_bytes()[0].is_ascii_uppercase() && !names::is_any(w, &BARE_OPENERS))
            || self.word(i + 1).is_some_and(|w| w.as_bytes()[0].is_ascii_uppercase());
        let week = day == Weekday::Sunday
            && self.word(i + 1).is_some_and(|w| names::is_any(w, &WEEK_WORDS))
            && !prev.is_some_and(|w| names::is_any(w, &["pada", "hari"]));
        if !capitalised || after_name || inside_name || week || self.in_day_list(i) {
            return None;
        }
        let date = if reference.weekday() == day { reference } else { reference.nth_weekday(-1, day).ok()? };
        Some((self.mention(i..i + 1, date, DateForm::WeekdayOnly, None), i + 1))
    }

    /// "Senin dan Kamis", "Senin-Jumat", "Senin hingga Jumat": schedules name days without meaning a date.
    fn in_day_list(&self, i: usize) -> bool {
        let connector = |k: usize| {
            self.punct(k, b'-') || self.punct(k, b',') || self.word(k).is_some_and(|w| names::is_any(w, &LIST_WORDS))
        };
        let day = |k: usize| self.word(k).and_then(names::weekday).is_some();
        (i >= 2 && connector(i - 1) && day(i - 2)) || (connector(i + 1) && day(i + 2))
    }

    /// A long or numeric date starting at token `i`; `year` completes a day/month pair such as "7/10".
    fn date_at(&self, i: usize, year: Option<i16>) -> Option<(Date, DateForm, usize)> {
        let first = self.num(i)?;
        if let Some(month) = self.word(i + 1).and_then(names::month) {
            let mut j = i + 2;
            if self.punct(j, b'.') {
                j += 1;
            }
            let year = parse(self.num(j)?, 4)?;
            return Some((valid(year, month, parse(first, 2)?)?, DateForm::Long, j + 1));
        }
        let prev_word = |back: usize| i.checked_sub(back).and_then(|p| self.word(p));
        let numbered =
            prev_word(1).or_else(|| prev_word(2).filter(|_| self.punct(i - 1, b'.') || self.punct(i - 1, b':')));
        if numbered.is_some_and(|w| names::is_any(w, &NUMBER_WORDS)) {
            return None;
        }
        Some((numeric(first, year)?, DateForm::Numeric, i + 1))
    }

    fn mention(&self, tokens: Range<usize>, date: Date, form: DateForm, agrees: Option<bool>) -> DateMention {
        DateMention {
            start: self.offset + self.tokens[tokens.start].start,
            end: self.offset + self.tokens[tokens.end - 1].end,
            date,
            form,
            weekday_agrees: agrees,
            own_line: false,
        }
    }

    /// True when everything on the line outside tokens `first..next` is punctuation or a time of day.
    fn only_furniture_outside(&self, first: usize, next: usize) -> bool {
        self.tokens.iter().enumerate().filter(|&(k, _)| k < first || k >= next).all(|(_, t)| {
            let s = &self.text[t.start..t.end];
            match t.kind {
                Kind::Punct(_) => true,
                Kind::Word => names::is_any(s, &DATELINE_WORDS),
                Kind::Num => s.len() <= 5 && s.split('.').all(|p| p.len() <= 2),
                Kind::Copyright | Kind::Bullet => false,
            }
        })
    }
}

/// "7/9/2023", "07-09-2023", "1.3.2024"; with `year`, also "7/10". One separator kind per date, so "12/2020" (a
/// regulation number) and "1.500.000" (an amount) are not dates.
fn numeric(s: &str, year: Option<i16>) -> Option<Date> {
    let sep = s.bytes().find(|b| !b.is_ascii_digit())?;
    let mut parts = s.split(char::from(sep));
    let day = parse(parts.next()?, 2)?;
    let month = parse(parts.next()?, 2)?;
    let year = match (parts.next(), year) {
        (Some(y), _) => parse(y, 4).filter(|y| *y >= 1000)?,
        (None, Some(y)) if sep == b'/' => y,
        (None, _) => return None,
    };
    if parts.next().is_some() {
        return None;
    }
    valid(year, i8::try_from(month).ok()?, day)
}

/// A day/month pair completed with the reference year that lands well after the reference ("Senin (30/12)" read on 2
/// January) refers to the previous year; near-future dates stay, since articles announce events days ahead.
fn previous_year_if_far_ahead(date: Date, reference: Date) -> Date {
    let far_ahead = reference.checked_add(jiff::Span::new().days(FUTURE_DAYS)).is_ok_and(|limit| date > limit);
    if far_ahead { date.with().year(date.year() - 1).build().unwrap_or(date) } else { date }
}

/// Digits of exactly `max` (year) or at most `max` (day, month) characters.
fn parse(s: &str, max: usize) -> Option<i16> {
    let ok = if max == 4 { s.len() == 4 } else { (1..=max).contains(&s.len()) };
    if !ok || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Online Indonesian news starts in the 1990s; years outside 1990-2100 are typos or citations, not publication dates.
fn valid(year: i16, month: i8, day: i16) -> Option<Date> {
    if !(1990..=2100).contains(&year) {
        return None;
    }
    Date::new(year, month, i8::try_from(day).ok()?).ok()
}
