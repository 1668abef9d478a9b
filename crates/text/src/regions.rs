//! Where an article is: provinces and kabupaten/kota from the shipped Kemendagri register, written as "Kota Serang",
//! "Kabupaten Pandeglang", "Kab. Bogor", "Pemkot Bekasi", "Provinsi Banten", a bare name in a dateline ("Tabanan"),
//! or a common short form ("Tangsel"). A bare name shared by a kota and a kabupaten ("Serang") counts for both and is
//! settled by the other mentions.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use domain::org::{Region, RegionLevel, regions};

/// A region named in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegionMention {
    /// Byte span in the cleaned text.
    pub start: usize,
    /// End of the span.
    pub end: usize,
    /// Kemendagri codes it may mean (two when a bare name is shared by a kota and a kabupaten).
    pub codes: Vec<&'static str>,
    /// Written with its level ("Kota …", "Kabupaten …", "Provinsi …") or as a short form.
    pub explicit: bool,
}

/// Short forms in common use, with the code they stand for.
// Choice: the forms local media use in headlines; extend here, with the official name's code.
const SHORT_FORMS: [(&str, &str); 30] = [
    ("Tangsel", "3674"),
    ("Jaksel", "3174"),
    ("Jakpus", "3171"),
    ("Jakbar", "3173"),
    ("Jaktim", "3175"),
    ("Jakut", "3172"),
    ("Jabar", "32"),
    ("Jateng", "33"),
    ("Jatim", "35"),
    ("DIY", "34"),
    ("DKI Jakarta", "31"),
    ("DKI", "31"),
    ("Jakarta", "31"),
    ("Kaltim", "64"),
    ("Kalsel", "63"),
    ("Kalbar", "61"),
    ("Kalteng", "62"),
    ("Kaltara", "65"),
    ("Sulsel", "73"),
    ("Sulut", "71"),
    ("Sulteng", "72"),
    ("Sultra", "74"),
    ("Sulbar", "76"),
    ("Sumut", "12"),
    ("Sumbar", "13"),
    ("Sumsel", "16"),
    ("NTB", "52"),
    ("NTT", "53"),
    ("Babel", "19"),
    ("Kepri", "21"),
];

struct Gazetteer {
    matcher: AhoCorasick,
    /// Per pattern: codes and whether the form is explicit.
    entries: Vec<(Vec<&'static str>, bool)>,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(build);

fn bare_name(region: &Region) -> &str {
    let name = region.name.as_str();
    let name = name.strip_prefix("Kabupaten ").or_else(|| name.strip_prefix("Kota ")).unwrap_or(name);
    name.strip_prefix("Administrasi ").unwrap_or(name)
}

fn forms(region: &'static Region) -> Vec<(String, bool)> {
    let bare = bare_name(region);
    let mut out = vec![(region.name.clone(), true), (bare.to_owned(), false)];
    let explicit: &[&str] = match region.level {
        RegionLevel::Kota => &["Kota", "Pemkot", "Pemerintah Kota", "Kotamadya"],
        RegionLevel::Kabupaten => &["Kabupaten", "Kab.", "Kab", "Pemkab", "Pemerintah Kabupaten"],
        RegionLevel::Provinsi => &["Provinsi", "Prov.", "Pemprov", "Pemerintah Provinsi"],
    };
    out.extend(explicit.iter().map(|prefix| (format!("{prefix} {bare}"), true)));
    if region.code == "34" {
        out.push(("Yogyakarta".to_owned(), false));
    }
    out
}

fn build() -> Gazetteer {
    let mut by_form: HashMap<String, (Vec<&'static str>, bool)> = HashMap::new();
    for region in regions() {
        for (form, explicit) in forms(region) {
            let entry = by_form.entry(form.to_lowercase()).or_insert_with(|| (Vec::new(), explicit));
            entry.0.push(region.code.as_str());
        }
    }
    for (form, code) in SHORT_FORMS {
        let code = regions().iter().find(|it| it.code == code).map_or(code, |it| it.code.as_str());
        by_form.insert(form.to_lowercase(), (vec![code], true));
    }
    let mut forms: Vec<(String, (Vec<&'static str>, bool))> = by_form.into_iter().collect();
    forms.sort_by(|a, b| a.0.cmp(&b.0));
    let matcher = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        // A DFA: larger in memory (a few MB), several times faster per byte than the default NFA.
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(forms.iter().map(|(form, _)| form.as_str()))
        .expect("region patterns build: a few thousand plain strings");
    Gazetteer { matcher, entries: forms.into_iter().map(|(_, entry)| entry).collect() }
}

/// Regions named in a text. A bare name counts only when it starts with a capital letter and stands as a word.
pub fn find(text: &str) -> Vec<RegionMention> {
    let gazetteer = &*GAZETTEER;
    let bytes = text.as_bytes();
    gazetteer
        .matcher
        .find_iter(text)
        .filter(|found| is_word(bytes, found.start(), found.end()))
        .filter_map(|found| {
            let (codes, explicit) = &gazetteer.entries[found.pattern().as_usize()];
            let written = &text[found.start()..found.end()];
            // The name itself must be capitalised: "batu" in a sentence is a stone, "Batu" a kota.
            let last = written.rsplit(' ').next().unwrap_or(written);
            last.chars().next().is_some_and(char::is_uppercase).then(|| RegionMention {
                start: found.start(),
                end: found.end(),
                codes: codes.clone(),
                explicit: *explicit,
            })
        })
        .collect()
}

fn is_word(bytes: &[u8], start: usize, end: usize) -> bool {
    let before = start.checked_sub(1).and_then(|at| bytes.get(at));
    let after = bytes.get(end);
    let boundary = |byte: Option<&u8>| byte.is_none_or(|it| !(it.is_ascii_alphanumeric() || *it >= 0x80));
    boundary(before) && boundary(after)
}

/// A name without the region written after it ("Dinkop UKM Tangsel" → "Dinkop UKM", "Rumah Sakit Umum Daerah Kota
/// Tangerang Selatan" → "Rumah Sakit Umum Daerah"); the name itself when nothing is left.
pub fn without_region(name: &str) -> &str {
    let cut = find(name).into_iter().find(|it| it.start > 0).map_or(name.len(), |it| it.start);
    let mut bare = name[..cut].trim_end();
    for level in [" Kota", " Kabupaten", " Kab.", " Provinsi", " Prov."] {
        bare = bare.strip_suffix(level).unwrap_or(bare);
    }
    let bare = bare.trim();
    if bare.is_empty() { name } else { bare }
}

/// The region with this code.
pub fn region(code: &str) -> Option<&'static Region> {
    domain::org::find_region(code)
}

/// The article's province and kabupaten/kota, with the mentions that decided them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Place {
    /// Province code.
    pub province: Option<&'static str>,
    /// Kabupaten/kota code.
    pub city_or_regency: Option<&'static str>,
}

/// Chooses the article's place: the kabupaten/kota named most (a dateline and an explicit form count more), then its
/// province; without one, the province named most.
pub fn place(mentions: &[RegionMention], dateline_end: usize) -> Place {
    let mut scores: HashMap<&'static str, u32> = HashMap::new();
    for mention in mentions {
        let weight = 2 + u32::from(mention.explicit) * 2 + u32::from(mention.start < dateline_end) * 3;
        let share = if mention.codes.len() > 1 { 1 } else { weight };
        for code in &mention.codes {
            *scores.entry(code).or_default() += share;
            // A province gains from its kabupaten/kota.
            if code.len() == 4 {
                *scores.entry(&code[..2]).or_default() += 1;
            }
        }
    }
    let best = |level_len: usize| {
        let mut ranked: Vec<(&'static str, u32)> =
            scores.iter().filter(|(code, _)| code.len() == level_len).map(|(c, s)| (*c, *s)).collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        ranked.first().map(|it| it.0)
    };
    let city = best(4);
    let province = city.and_then(region).and_then(|it| it.parent_code.as_deref()).or_else(|| best(2));
    let province = province.and_then(region).map(|it| it.code.as_str());
    Place { province, city_or_regency: city.and_then(region).map(|it| it.code.as_str()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> (Option<String>, Option<String>) {
        let found = place(&find(text), 60);
        let name = |code: Option<&str>| code.and_then(region).map(|it| it.name.clone());
        (name(found.province), name(found.city_or_regency))
    }

    #[test]
    fn finds_explicit_bare_and_short_forms() {
        assert_eq!(
            names("Banten | Warta - Kepala Samsat Kota Serang dan Bapenda Provinsi Banten."),
            (Some("Banten".into()), Some("Kota Serang".into()))
        );
        assert_eq!(
            names("Dinkop UKM Tangsel dikritik warga Kota Tangerang Selatan."),
            (Some("Banten".into()), Some("Kota Tangerang Selatan".into()))
        );
        assert_eq!(
            names("Media - Bali | Kepala Samsat Tabanan menekankan netralitas."),
            (Some("Bali".into()), Some("Kabupaten Tabanan".into()))
        );
        assert_eq!(names("Pemkab Bogor dan warga Bogor."), (Some("Jawa Barat".into()), Some("Kabupaten Bogor".into())));
        assert_eq!(names("harga batu bara naik"), (None, None));
        assert_eq!(without_region("Dinkop UKM Tangsel"), "Dinkop UKM");
        assert_eq!(without_region("Rumah Sakit Umum Daerah Kota Tangerang Selatan"), "Rumah Sakit Umum Daerah");
        assert_eq!(without_region("Inspektorat"), "Inspektorat");
    }
}
