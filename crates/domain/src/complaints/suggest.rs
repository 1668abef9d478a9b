//! Suggesting the unit an item concerns from its text, with the words that matched, for an administrator to accept
//! or change. Abbreviations and aliases count most; a full name counts as much; part of a name counts less.

use crate::ids::UnitId;
use crate::org::alias_key;

/// The names a unit is known by.
#[derive(Clone, Debug)]
pub struct UnitNames {
    /// Unit.
    pub id: UnitId,
    /// Official name.
    pub name: String,
    /// Abbreviation and aliases.
    pub aliases: Vec<String>,
}

/// A suggested unit.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// Unit.
    pub unit: UnitId,
    /// Between 0 and 1.
    pub score: f64,
    /// The words of the text that matched, as written.
    pub matched: Vec<String>,
}

/// Words of unit names that say nothing about which unit is meant.
// Choice: the generic parts of Perangkat Daerah names (regulations.md §8.1) and common Indonesian function words.
const GENERIC: &[&str] = &[
    "dinas",
    "badan",
    "kantor",
    "unit",
    "upt",
    "uptd",
    "bagian",
    "bidang",
    "seksi",
    "sekretariat",
    "daerah",
    "kota",
    "kabupaten",
    "provinsi",
    "kecamatan",
    "kelurahan",
    "desa",
    "dan",
    "serta",
    "pelaksana",
    "teknis",
    "pelayanan",
    "umum",
    "urusan",
    "satuan",
    "kepala",
    "di",
    "ke",
    "dari",
    "yang",
    "untuk",
    "pada",
    "rumah",
    "sakit",
];

struct Word<'a> {
    written: &'a str,
    key: String,
}

fn words(text: &str) -> Vec<Word<'_>> {
    text.split(|it: char| !it.is_alphanumeric())
        .filter(|it| !it.is_empty())
        .map(|written| Word { written, key: alias_key(written) })
        .collect()
}

fn name_keys(name: &str) -> Vec<String> {
    name.split(|it: char| !it.is_alphanumeric()).filter(|it| !it.is_empty()).map(alias_key).collect()
}

/// Where the words `phrase` occur in a row in `text`, as indices.
fn find_phrase(text: &[Word<'_>], phrase: &[String]) -> Option<std::ops::Range<usize>> {
    if phrase.is_empty() || phrase.len() > text.len() {
        return None;
    }
    (0..=text.len() - phrase.len())
        .find(|start| phrase.iter().enumerate().all(|(i, key)| text[start + i].key == *key))
        .map(|start| start..start + phrase.len())
}

fn score_unit(text: &[Word<'_>], unit: &UnitNames) -> Option<Suggestion> {
    let mut best: Option<(f64, Vec<String>)> = None;
    let mut consider = |score: f64, matched: Vec<String>| {
        if best.as_ref().is_none_or(|(it, _)| score > *it) {
            best = Some((score, matched));
        }
    };
    for alias in &unit.aliases {
        // An abbreviation written with spaces or dashes ("DPM-PTSP") is one folded word in the register.
        let folded = alias_key(alias);
        if let Some(word) = text.iter().find(|it| it.key == folded && folded.len() >= 3) {
            consider(1.0, vec![word.written.to_owned()]);
        }
        if let Some(range) = find_phrase(text, &name_keys(alias)).filter(|it| it.len() > 1) {
            consider(1.0, text[range].iter().map(|it| it.written.to_owned()).collect());
        }
    }
    let keys = name_keys(&unit.name);
    if let Some(range) = find_phrase(text, &keys) {
        consider(1.0, text[range].iter().map(|it| it.written.to_owned()).collect());
    }
    let distinctive: Vec<&String> = keys.iter().filter(|it| it.len() >= 4 && !GENERIC.contains(&it.as_str())).collect();
    if !distinctive.is_empty() {
        let mut matched: Vec<String> = Vec::new();
        for key in &distinctive {
            if let Some(word) = text.iter().find(|it| it.key == **key) {
                matched.push(word.written.to_owned());
            }
        }
        #[allow(clippy::cast_precision_loss)]
        let ratio = matched.len() as f64 / distinctive.len() as f64;
        if ratio >= 0.5 {
            consider(0.8 * ratio, matched);
        }
    }
    best.map(|(score, matched)| Suggestion { unit: unit.id.clone(), score, matched })
}

/// The units the text most likely concerns, best first (at most three).
pub fn suggest(text: &str, units: &[UnitNames]) -> Vec<Suggestion> {
    let text = words(text);
    let mut found: Vec<Suggestion> = units.iter().filter_map(|unit| score_unit(&text, unit)).collect();
    // Ties go to the unit with more matched words, then to the register order.
    found.sort_by(|a, b| b.score.total_cmp(&a.score).then(b.matched.len().cmp(&a.matched.len())));
    found.truncate(3);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(id: &str, name: &str, aliases: &[&str]) -> UnitNames {
        UnitNames {
            id: UnitId::new(id),
            name: name.into(),
            aliases: aliases.iter().map(|it| (*it).to_owned()).collect(),
        }
    }

    fn register() -> Vec<UnitNames> {
        vec![
            unit("dpmptsp", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", &["DPMPTSP", "DPM-PTSP"]),
            unit("disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil", &["Disdukcapil"]),
            unit("samsat", "UPT Samsat Serpong", &["Samsat Serpong"]),
            unit("dinkes", "Dinas Kesehatan", &["Dinkes"]),
        ]
    }

    #[test]
    fn an_abbreviation_in_any_spelling_names_the_unit_with_the_word_that_matched() {
        let found = suggest("Saya sudah tiga kali ke DPM PTSP tetapi loket izin tutup.", &register());
        assert_eq!(found[0].unit.as_str(), "dpmptsp");
        assert_eq!(found[0].matched, ["DPM", "PTSP"]);
        let found = suggest("Pelayanan di dpm-ptsp lambat sekali, mohon ditindaklanjuti.", &register());
        assert_eq!(found[0].unit.as_str(), "dpmptsp");
    }

    #[test]
    fn part_of_a_long_name_is_enough_but_scores_lower_than_an_alias() {
        let found = suggest("Antrean di kantor kependudukan dan catatan sipil mengular sejak pagi.", &register());
        assert_eq!(found[0].unit.as_str(), "disdukcapil");
        assert!(found[0].score < 1.0);
        assert_eq!(found[0].matched, ["kependudukan", "sipil"]);
    }

    #[test]
    fn generic_words_alone_suggest_nothing() {
        assert!(suggest("Dinas dan badan di kota ini pelayanannya kurang ramah.", &register()).is_empty());
        assert!(suggest("", &register()).is_empty());
    }

    #[test]
    fn the_best_match_comes_first_among_several() {
        let found = suggest("Petugas Samsat Serpong menyarankan saya ke Dinkes dahulu.", &register());
        let ids: Vec<_> = found.iter().map(|it| it.unit.as_str()).collect();
        assert!(ids.contains(&"samsat") && ids.contains(&"dinkes"), "{ids:?}");
        assert_eq!(found[0].matched, ["Samsat", "Serpong"]);
    }
}
