//! The mention parser: walks the words of each line and grows a name from an opener while the next word belongs
//! to it, then takes a bracketed abbreviation and a region qualifier.

use std::collections::HashMap;

use super::lexicon::{
    ABBREVIATION_TAILS, ABBREVIATIONS, CONNECTORS, GENERIC, NAME_OPENERS, NAME_WORDS, PLACE_OPENERS, PREFIXES,
    STANDALONE_PLACE,
};
use super::{AgencyMention, canonical};
use crate::fold::{self, Word};
use crate::regions::RegionMention;

/// Words that with a region name are the Pemda itself ("Pemkot Bekasi", "Pemerintah Kabupaten Tabanan").
const GOVERNMENTS: &[&str] = &["pemerintah", "pemkot", "pemkab", "pemprov"];
/// Place openers that take only a region, never a free place name ("Kejari Tangerang Selatan").
const REGION_ONLY: &[&str] =
    &["kejari", "kejati", "polres", "polresta", "polsek", "setda", "dprd", "bapenda", "inspektorat"];

/// Directions and the like that continue a place name ("Pamulang Barat").
const PLACE_TAILS: &[&str] = &[
    "barat", "timur", "utara", "selatan", "tengah", "raya", "baru", "lama", "hilir", "hulu", "indah", "jaya", "kota",
    "i", "ii", "iii", "iv",
];
/// Capitalised words that end a name: titles and sentence words that follow an agency in the news.
const STOPS: &[&str] = &[
    "kepala",
    "plt",
    "sekretaris",
    "kasi",
    "kabid",
    "kasubag",
    "camat",
    "lurah",
    "wali",
    "walikota",
    "bupati",
    "gubernur",
    "di",
    "ke",
    "pada",
    "yang",
    "itu",
    "ini",
    "saat",
    "untuk",
    "dalam",
    "bahwa",
];

struct Ctx<'a> {
    text: &'a str,
    words: Vec<Word<'a>>,
    regions: HashMap<usize, &'a RegionMention>,
}

fn lower(word: &Word<'_>) -> String {
    word.text.to_lowercase()
}

/// Lower-case form of a short word without allocating (words longer than the buffer never match a list).
fn lower_buf<'b>(word: &Word<'_>, buf: &'b mut [u8; 48]) -> Option<&'b str> {
    let bytes = word.text.as_bytes();
    if bytes.len() > buf.len() || !word.text.is_ascii() {
        return None;
    }
    for (slot, byte) in buf.iter_mut().zip(bytes) {
        *slot = byte.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..bytes.len()]).ok()
}

fn is_in(list: &[&str], word: &Word<'_>) -> bool {
    let mut buf = [0u8; 48];
    lower_buf(word, &mut buf).is_some_and(|lower| list.contains(&lower))
}

fn is_abbreviation(word: &Word<'_>) -> bool {
    if !word.is_capitalized() {
        return false;
    }
    let mut buf = [0u8; 48];
    match lower_buf(word, &mut buf) {
        Some(lower) if !lower.contains(['-', '.', '\'']) => ABBREVIATIONS.contains(&lower),
        _ => ABBREVIATIONS.contains(&fold::key(word.text).as_str()),
    }
}

impl Ctx<'_> {
    /// Only spaces (not a line break) between word `i - 1` and word `i`.
    fn joined(&self, i: usize) -> bool {
        i > 0
            && i < self.words.len()
            && self.text[self.words[i - 1].end..self.words[i].start].bytes().all(|it| it == b' ')
    }

    fn opener(&self, i: usize) -> bool {
        let word = &self.words[i];
        word.is_capitalized() && (is_in(NAME_OPENERS, word) || is_in(PLACE_OPENERS, word) || is_abbreviation(word))
    }

    /// A comma between them (lists inside long names).
    fn comma(&self, i: usize) -> bool {
        i > 0 && i < self.words.len() && self.text[self.words[i - 1].end..self.words[i].start].trim() == ","
    }

    fn name_word(&self, i: usize) -> bool {
        let word = &self.words[i];
        (word.is_capitalized() && (is_in(NAME_WORDS, word) || is_in(NAME_OPENERS, word) || is_in(PLACE_OPENERS, word)))
            || is_abbreviation(word)
    }

    fn region_at(&self, i: usize) -> Option<&RegionMention> {
        self.words.get(i).and_then(|word| self.regions.get(&word.start)).copied()
    }

    /// Index of the first word after byte offset `end`.
    fn word_after(&self, end: usize) -> usize {
        self.words.partition_point(|word| word.start < end)
    }
}

/// Where a growing name stands: its last word, and its region once a qualifier is taken.
struct Grown {
    last: usize,
    end: usize,
    region: Vec<&'static str>,
}

/// Finds every agency mention of a cleaned text.
pub fn find_mentions(text: &str, regions: &[RegionMention]) -> Vec<AgencyMention> {
    let ctx =
        Ctx { text, words: fold::words(text).collect(), regions: regions.iter().map(|it| (it.start, it)).collect() };
    let mut out = Vec::new();
    let mut i = 0;
    while i < ctx.words.len() {
        match mention_at(&ctx, i) {
            Some((mention, next)) => {
                out.push(mention);
                i = next;
            }
            None => i += 1,
        }
    }
    out
}

fn mention_at(ctx: &Ctx<'_>, i: usize) -> Option<(AgencyMention, usize)> {
    let word = &ctx.words[i];
    if !(word.is_capitalized() || word.text.eq_ignore_ascii_case("inspektorat")) {
        return None;
    }
    let lowered = lower(word);
    if GOVERNMENTS.contains(&lowered.as_str()) {
        if let Some(region) = ctx.region_at(i).filter(|it| it.explicit && it.end > word.end) {
            let last = ctx.word_after(region.end).saturating_sub(1);
            let grown = Grown { last, end: region.end, region: region.codes.clone() };
            return Some(finish(ctx, i, grown));
        }
        if lowered == "pemerintah" {
            return None;
        }
    }
    if lowered == "rumah" && ctx.words.get(i + 1).is_none_or(|next| lower(next) != "sakit") {
        return None;
    }
    let grown = if PREFIXES.contains(&lowered.as_str()) && ctx.joined(i + 1) && ctx.name_word(i + 1) {
        let (inner, _) = mention_at(ctx, i + 1)?;
        let last = ctx.word_after(inner.end).saturating_sub(1);
        Grown { last, end: inner.end, region: inner.region }
    } else if is_abbreviation(word) {
        abbreviation(ctx, i)
    } else if PLACE_OPENERS.contains(&lowered.as_str()) {
        place(ctx, i)?
    } else if NAME_OPENERS.contains(&lowered.as_str()) {
        long_name(ctx, i)?
    } else {
        return None;
    };
    Some(finish(ctx, i, grown))
}

fn abbreviation(ctx: &Ctx<'_>, i: usize) -> Grown {
    let mut last = i;
    while ctx.joined(last + 1) && {
        let next = &ctx.words[last + 1];
        is_in(ABBREVIATION_TAILS, next) && next.text.chars().all(|it| it.is_uppercase() || it.is_ascii_digit())
    } {
        last += 1;
    }
    Grown { last, end: ctx.words[last].end, region: Vec::new() }
}

fn place(ctx: &Ctx<'_>, i: usize) -> Option<Grown> {
    let lowered = lower(&ctx.words[i]);
    if ctx.joined(i + 1)
        && let Some(region) = ctx.region_at(i + 1)
    {
        let last = ctx.word_after(region.end).saturating_sub(1);
        return Some(Grown { last, end: region.end, region: region.codes.clone() });
    }
    if STANDALONE_PLACE.contains(&lowered.as_str())
        && ctx.joined(i + 1)
        && ctx.name_word(i + 1)
        && let Some(grown) = long_name(ctx, i)
    {
        return Some(grown);
    }
    let after_role = i > 0 && is_in(STOPS, &ctx.words[i - 1]);
    let free_words = if REGION_ONLY.contains(&lowered.as_str()) {
        0
    } else if after_role {
        1
    } else {
        3
    };
    let mut last = i;
    while last - i < 4 && ctx.joined(last + 1) {
        let next = &ctx.words[last + 1];
        let tail = last > i && is_in(PLACE_TAILS, next);
        let fresh = next.is_capitalized()
            && next.text.chars().all(char::is_alphabetic)
            && !is_in(STOPS, next)
            && !ctx.name_word(last + 1)
            && last - i < free_words;
        if !(tail || fresh) || ctx.region_at(last + 1).is_some() {
            break;
        }
        last += 1;
    }
    if last == i && !STANDALONE_PLACE.contains(&lowered.as_str()) {
        return None;
    }
    Some(Grown { last, end: ctx.words[last].end, region: Vec::new() })
}

fn long_name(ctx: &Ctx<'_>, i: usize) -> Option<Grown> {
    let mut last = i;
    let mut j = i + 1;
    while j < ctx.words.len() && (ctx.joined(j) || ctx.comma(j)) && ctx.region_at(j).is_none() {
        let word = &ctx.words[j];
        if is_in(GENERIC, word) {
            return None;
        }
        if ctx.comma(j) && (ctx.opener(j) || !ctx.name_word(j)) {
            break;
        }
        if ctx.name_word(j) {
            last = j;
        } else if is_in(CONNECTORS, word) {
            // A connector continues only into another name word, not into the next agency ("Dinas A dan Dinas B").
            let next_ok = j + 1 < ctx.words.len() && ctx.joined(j + 1) && ctx.name_word(j + 1) && !ctx.opener(j + 1);
            if !next_ok {
                break;
            }
        } else if word.is_capitalized()
            && !is_in(STOPS, word)
            && ctx.joined(j + 1)
            && j + 1 < ctx.words.len()
            && ctx.name_word(j + 1)
        {
            // An unknown capitalised word inside a name (a misspelling such as "Penanamam").
        } else {
            break;
        }
        j += 1;
    }
    (last > i).then(|| Grown { last, end: ctx.words[last].end, region: Vec::new() })
}

/// Takes a bracketed abbreviation and a region qualifier after the name, and builds the mention.
fn finish(ctx: &Ctx<'_>, i: usize, mut grown: Grown) -> (AgencyMention, usize) {
    let start = ctx.words[i].start;
    let mut text = ctx.text[start..grown.end].to_owned();
    let mut other_keys = vec![fold::key(&text)];
    let rest = &ctx.text[grown.end..];
    let mut bracket_end = None;
    if let Some(inner) = bracketed(rest) {
        let key = fold::key(inner.1);
        other_keys.push(canonical(&key));
        grown.end += inner.0;
        grown.last = ctx.word_after(grown.end).saturating_sub(1);
        bracket_end = Some(grown.last + 1);
    }
    let key_so_far = fold::key(&text);
    let next = grown.last + 1;
    let unit_prefix = key_so_far == "unitpelaksanateknis" || key_so_far == "unitpelaksanateknisdaerah";
    if unit_prefix && next < ctx.words.len() && (ctx.joined(next) || Some(next) == bracket_end) && ctx.opener(next) {
        // "Unit Pelaksana Teknis (UPT) Samsat Kota Cilegon": the unit is the office that follows.
        if let Some((inner, after)) = mention_at(ctx, next) {
            text.push(' ');
            text.push_str(&inner.text);
            grown = Grown { last: after - 1, end: inner.end, region: inner.region };
        }
    }
    if grown.region.is_empty() {
        take_region(ctx, &mut grown, &mut text, bracket_end);
    }
    let first = lower(&ctx.words[i]);
    let key = match grown.region.first() {
        Some(code) if GOVERNMENTS.contains(&first.as_str()) => government_key(code).to_owned(),
        _ => canonical(&fold::key(&strip_region(&text, ctx, start))),
    };
    other_keys.retain(|it| *it != key && !it.is_empty());
    let mention = AgencyMention { start, end: grown.end, text, key, other_keys, region: grown.region };
    (mention, grown.last + 1)
}

/// A region qualifier after the name ("Kota Serang", "Provinsi Banten", "Tangsel"), also right after a bracket.
fn take_region(ctx: &Ctx<'_>, grown: &mut Grown, text: &mut String, bracket_end: Option<usize>) {
    let first = grown.last + 1;
    let adjacent = |n: usize| ctx.joined(n) || Some(n) == bracket_end;
    if !adjacent(first) {
        return;
    }
    let mut next = first;
    let level = ctx.words.get(next).is_some_and(|w| {
        ["kota", "kabupaten", "kab", "provinsi", "prov", "perwakilan"].contains(&lower(w).as_str())
            && ctx.region_at(next).is_none()
    });
    if level && ctx.joined(next + 1) {
        next += 1;
    }
    if let Some(region) = ctx.region_at(next) {
        text.push(' ');
        text.push_str(&ctx.text[ctx.words[first].start..region.end]);
        grown.region.clone_from(&region.codes);
        grown.end = region.end;
        grown.last = ctx.word_after(region.end).saturating_sub(1);
    }
}

/// The key of a Pemda as an agency: its level, since the region is kept apart.
fn government_key(code: &str) -> &'static str {
    match domain::org::level_of_code(code) {
        Some(domain::org::RegionLevel::Provinsi) => "pemprov",
        Some(domain::org::RegionLevel::Kota) => "pemkot",
        _ => "pemkab",
    }
}

/// "(Bapenda)" right after a name: its byte length and content.
fn bracketed(rest: &str) -> Option<(usize, &str)> {
    let open = rest.find('(')?;
    if !rest[..open].trim().is_empty() {
        return None;
    }
    let close = rest[open..].find(')')? + open;
    let inner = rest[open + 1..close].trim();
    let fits = !inner.is_empty()
        && inner.len() <= 30
        && inner.split_whitespace().count() <= 4
        && inner.chars().any(char::is_uppercase)
        && !inner.chars().any(|it| it.is_ascii_digit() && inner.contains('/'));
    fits.then_some((close + 1, inner))
}

/// The name without the region qualifier the parser found in it.
fn strip_region(text: &str, ctx: &Ctx<'_>, start: usize) -> String {
    let end = start + text.len();
    let mut out = text.to_owned();
    for region in ctx.regions.values() {
        if region.start > start && region.end <= end {
            let cut = region.start - start;
            out.truncate(cut);
            for level in [" Kota", " Kabupaten", " Kab.", " Kab", " Provinsi", " Prov."] {
                if let Some(shorter) = out.trim_end().strip_suffix(level) {
                    out = shorter.to_owned();
                }
            }
            break;
        }
    }
    out
}
