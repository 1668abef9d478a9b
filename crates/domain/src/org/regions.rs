//! Indonesia's provinces and kabupaten/kota with their Kemendagri codes (`data/regions.csv`, see its NOTICE).

use std::sync::LazyLock;

use crate::calendar::Zone;

/// Level of a region.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RegionLevel {
    /// Provinsi (two-digit code).
    Provinsi,
    /// Kabupaten (four digits, 01–69 after the province).
    Kabupaten,
    /// Kota (four digits, 71–99 after the province).
    Kota,
}

/// A province or kabupaten/kota.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Region {
    /// Kemendagri code, digits only: `36` or `3674`.
    pub code: String,
    /// Official name.
    pub name: String,
    /// Level.
    pub level: RegionLevel,
    /// Code of the province, for a kabupaten/kota.
    pub parent_code: Option<String>,
    /// Time zone of the region.
    pub zone: Zone,
}

impl Region {
    /// The code with dots between levels, as Kemendagri writes it (`36.74`).
    pub fn dotted_code(&self) -> String {
        match self.code.len() {
            4 => format!("{}.{}", &self.code[..2], &self.code[2..]),
            _ => self.code.clone(),
        }
    }
}

static REGIONS: LazyLock<Vec<Region>> = LazyLock::new(|| {
    parse(include_str!("../../data/regions.csv")).expect("the shipped regions.csv is valid: org::tests checks it")
});

/// Every shipped region, sorted by code.
pub fn regions() -> &'static [Region] {
    &REGIONS
}

/// The region with this code; dots and spaces in the code are ignored.
pub fn find_region(code: &str) -> Option<&'static Region> {
    let digits: String = code.chars().filter(char::is_ascii_digit).collect();
    REGIONS.binary_search_by(|it| it.code.as_str().cmp(&digits)).ok().map(|idx| &REGIONS[idx])
}

/// Level implied by a code's shape.
// Source: Permendagri 58/2021 (kode wilayah): kabupaten 01–69, kota 71–99 in digits 3–4.
pub fn level_of_code(code: &str) -> Option<RegionLevel> {
    let all_digits = code.chars().all(|it| it.is_ascii_digit());
    match (all_digits, code.len()) {
        (true, 2) => Some(RegionLevel::Provinsi),
        (true, 4) => match code[2..].parse::<u8>().ok()? {
            1..=69 => Some(RegionLevel::Kabupaten),
            71..=99 => Some(RegionLevel::Kota),
            _ => None,
        },
        _ => None,
    }
}

pub(crate) fn parse(text: &str) -> Result<Vec<Region>, String> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut out = Vec::new();
    for (idx, record) in reader.records().enumerate() {
        let line = idx + 2;
        let record = record.map_err(|err| format!("line {line}: {err}"))?;
        let field = |n: usize| record.get(n).unwrap_or("").trim().to_owned();
        let code = field(0);
        let level = match field(2).as_str() {
            "provinsi" => RegionLevel::Provinsi,
            "kabupaten" => RegionLevel::Kabupaten,
            "kota" => RegionLevel::Kota,
            other => return Err(format!("line {line}: unknown level {other:?}")),
        };
        if level_of_code(&code) != Some(level) {
            return Err(format!("line {line}: code {code} does not fit level {:?}", level));
        }
        let parent_code = Some(field(3)).filter(|it| !it.is_empty());
        let zone = Zone::parse(&field(4)).map_err(|err| format!("line {line}: {err}"))?;
        out.push(Region { code, name: field(1), level, parent_code, zone });
    }
    out.sort_by(|a, b| a.code.cmp(&b.code));
    Ok(out)
}
