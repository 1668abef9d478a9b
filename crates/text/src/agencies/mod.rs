//! Agencies named in an article: long names ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"), their
//! abbreviations in brackets, short forms ("DPM-PTSP Bontang", "Dinkop UKM Tangsel"), place-bound offices ("UPT
//! Samsat Kota Serang", "Puskesmas Pamulang") and region qualifiers. Mentions of the same agency are merged through
//! the abbreviation a long name defines in brackets and the shared key of the usual short forms.

mod lexicon;
mod parse;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

use crate::regions::RegionMention;

pub use parse::find_mentions;

/// One place an agency is named.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgencyMention {
    /// Byte span in the cleaned text.
    pub start: usize,
    /// End of the span.
    pub end: usize,
    /// The name as written, without a bracketed abbreviation.
    pub text: String,
    /// Folded name without prefixes and region, mapped to the shared abbreviation key where one is known.
    pub key: String,
    /// Other keys of the same agency: the folded long name, the bracketed abbreviation.
    pub other_keys: Vec<String>,
    /// Region codes of a qualifier written with the name.
    pub region: Vec<&'static str>,
}

/// An agency, with every mention of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agency {
    /// The fullest form the article uses.
    pub name: String,
    /// Keys under which it may be found in a unit register.
    pub keys: Vec<String>,
    /// Region codes written with it, if any.
    pub region: Vec<&'static str>,
    /// Spans of its mentions.
    pub spans: Vec<(usize, usize)>,
}

/// The shared key of a folded name: "dinaskesehatan" and "dinkes" both give "dinkes".
pub fn canonical(key: &str) -> String {
    let stripped = ["kantorbersama", "kantor", "unitpelaksanateknisdaerah", "unitpelaksanateknis", "uptd", "upt"]
        .iter()
        .find_map(|prefix| key.strip_prefix(prefix).filter(|rest| rest.len() >= 3))
        .unwrap_or(key);
    // "Ombudsman RI", "BPK RI": the country's mark adds nothing to the key.
    let stripped = stripped.strip_suffix("ri").filter(|rest| lexicon::ABBREVIATIONS.contains(rest)).unwrap_or(stripped);
    lexicon::CANONICAL
        .iter()
        .find(|(long, _)| *long == stripped)
        .map_or_else(|| stripped.to_owned(), |(_, short)| (*short).to_owned())
}

/// Finds and merges the agencies of a cleaned text.
pub fn find(text: &str, regions: &[RegionMention]) -> Vec<Agency> {
    merge(find_mentions(text, regions))
}

/// The agency a mention belongs to: one sharing a key, else one whose key extends the mention's ("Bagian
/// Organisasi" after "Bagian Organisasi Setda Tangsel"); never one of another region.
fn same_agency(
    agencies: &[Agency],
    by_key: &HashMap<String, Vec<usize>>,
    mention: &AgencyMention,
    keys: &[String],
) -> Option<usize> {
    let compatible = |index: usize| {
        let other = &agencies[index].region;
        mention.region.is_empty() || other.is_empty() || other.iter().any(|code| mention.region.contains(code))
    };
    let shared =
        keys.iter().flat_map(|key| by_key.get(key).into_iter().flatten()).copied().find(|&index| compatible(index));
    shared.or_else(|| {
        (0..agencies.len()).find(|&index| {
            compatible(index)
                && agencies[index].keys.iter().any(|other| {
                    let (short, long) =
                        if other.len() <= mention.key.len() { (other, &mention.key) } else { (&mention.key, other) };
                    short.len() >= 8 && long.starts_with(short.as_str())
                })
        })
    })
}

/// Merges mentions that share a key and do not name different regions.
pub fn merge(mentions: Vec<AgencyMention>) -> Vec<Agency> {
    let mut agencies: Vec<Agency> = Vec::new();
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for mention in mentions {
        let keys: Vec<String> = std::iter::once(mention.key.clone()).chain(mention.other_keys.clone()).collect();
        let same = same_agency(&agencies, &by_key, &mention, &keys);
        let index = match same {
            Some(index) => {
                let agency = &mut agencies[index];
                agency.spans.push((mention.start, mention.end));
                if agency.region.is_empty() {
                    agency.region.clone_from(&mention.region);
                }
                if mention.text.chars().count() > agency.name.chars().count() {
                    agency.name.clone_from(&mention.text);
                }
                for key in &keys {
                    if !agency.keys.contains(key) {
                        agency.keys.push(key.clone());
                    }
                }
                index
            }
            None => {
                agencies.push(Agency {
                    name: mention.text.clone(),
                    keys: keys.clone(),
                    region: mention.region.clone(),
                    spans: vec![(mention.start, mention.end)],
                });
                agencies.len() - 1
            }
        };
        for key in keys {
            let slot = by_key.entry(key).or_default();
            if !slot.contains(&index) {
                slot.push(index);
            }
        }
    }
    agencies
}

/// A word that may be part of an agency's name ("Pelayanan", "Umum"): people's roles skip these to reach the name.
pub(crate) fn is_name_word(lower: &str) -> bool {
    lexicon::NAME_WORDS.contains(&lower)
        || lexicon::ABBREVIATIONS.contains(&lower)
        || lexicon::GENERIC.contains(&lower)
        || lexicon::NAME_OPENERS.contains(&lower)
        || lexicon::PLACE_OPENERS.contains(&lower)
}
