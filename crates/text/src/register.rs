//! A Pemda's unit register as the linker sees it: every unit under the keys of its name, abbreviation and aliases
//! (folded, with the Pemda's own region taken out of names such as "RSUD Kota Tangerang Selatan"), and the region
//! whose agencies may link to it: a "Dinas Kesehatan Kota Bogor" never links to a unit of Tangerang Selatan.

use std::collections::HashMap;

use crate::agencies::{Agency, canonical};
use crate::fold;
use crate::regions::{self, Place};

/// A unit to link to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegisterUnit {
    /// Unit id.
    pub id: String,
    /// Unit code.
    pub code: String,
    /// Official name.
    pub name: String,
    /// Abbreviation.
    pub short_name: Option<String>,
    /// Other names, including those staff mapped from articles.
    pub aliases: Vec<String>,
}

/// The register of one Pemda.
#[derive(Clone, Debug, Default)]
pub struct Register {
    region: Option<String>,
    units: Vec<RegisterUnit>,
    by_key: HashMap<String, usize>,
}

/// How an agency relates to the register.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Link {
    /// Linked to this unit (index into [`Register::units`]).
    Unit(usize),
    /// Of this Pemda's region but not in the register: staff may map it.
    Unlinked,
    /// Of another region, or of no known region.
    Elsewhere,
}

impl Register {
    /// A register for the Pemda of `region_code` (Kemendagri code) with these units.
    pub fn new(region_code: Option<&str>, units: Vec<RegisterUnit>) -> Self {
        // Stored codes may carry Kemendagri's dots ("36.74"); the gazetteer's have none.
        let region = region_code.map(|it| it.chars().filter(char::is_ascii_digit).collect::<String>());
        let mut register = Self { region, units, by_key: HashMap::new() };
        for index in 0..register.units.len() {
            let unit = &register.units[index];
            let names: Vec<String> =
                std::iter::once(unit.name.clone()).chain(unit.short_name.clone()).chain(unit.aliases.clone()).collect();
            for name in names {
                for key in keys_of_name(&name) {
                    register.by_key.entry(key).or_insert(index);
                }
            }
        }
        register
    }

    /// The units.
    pub fn units(&self) -> &[RegisterUnit] {
        &self.units
    }

    /// The Pemda's region code.
    pub fn region(&self) -> Option<&str> {
        self.region.as_deref()
    }

    /// Links an agency of an article whose place is `place`.
    pub fn link(&self, agency: &Agency, place: &Place) -> Link {
        let Some(own) = self.region.as_deref() else { return Link::Elsewhere };
        let ours = |code: &str| code == own || (own.len() == 2 && code.starts_with(own));
        let local = if agency.region.is_empty() {
            place.city_or_regency.is_some_and(ours) || (own.len() == 2 && place.province.is_some_and(ours))
        } else {
            agency.region.iter().any(|code| ours(code))
        };
        if !local {
            return Link::Elsewhere;
        }
        let found = agency
            .keys
            .iter()
            .find_map(|key| self.by_key.get(key).or_else(|| self.by_key.get(&canonical(key))).copied());
        found.map_or(Link::Unlinked, Link::Unit)
    }
}

/// Keys of a unit name: folded, in its shared short form, and without the Pemda's region ("… Kota Tangerang Selatan").
fn keys_of_name(name: &str) -> Vec<String> {
    let bare = regions::without_region(name);
    let mut keys = Vec::new();
    for key in [fold::key(name), fold::key(bare)] {
        for it in [canonical(&key), key] {
            if !it.is_empty() && !keys.contains(&it) {
                keys.push(it);
            }
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{agencies, regions};

    fn unit(code: &str, name: &str, short: &str, aliases: &[&str]) -> RegisterUnit {
        RegisterUnit {
            id: code.to_lowercase(),
            code: code.to_owned(),
            name: name.to_owned(),
            short_name: Some(short.to_owned()),
            aliases: aliases.iter().map(|it| (*it).to_owned()).collect(),
        }
    }

    #[test]
    fn links_local_agencies_only() {
        let register = Register::new(
            Some("3674"),
            vec![
                unit("DINKOP-UKM", "Dinas Koperasi dan Usaha Kecil Menengah", "Dinkop UKM", &["Diskop UKM"]),
                unit("DINKES", "Dinas Kesehatan", "Dinkes", &[]),
                unit("RSUD", "Rumah Sakit Umum Daerah Kota Tangerang Selatan", "RSUD", &[]),
            ],
        );
        let text =
            "Dinkop UKM Tangsel dikritik. Dinas Kesehatan Kota Bogor dan RSUD Tangsel juga. Dinas Sosial Tangsel.";
        let found = regions::find(text);
        let place = regions::place(&found, 20);
        let links: Vec<Link> = agencies::find(text, &found).iter().map(|it| register.link(it, &place)).collect();
        assert_eq!(links, [Link::Unit(0), Link::Elsewhere, Link::Unit(2), Link::Unlinked]);
    }
}
