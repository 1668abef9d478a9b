//! The national holidays and cuti bersama shipped with Pantau (`data/holidays.toml`), each with its legal source.

use std::sync::LazyLock;

use jiff::civil::Date;
use serde::Deserialize;

use crate::calendar::{Holiday, HolidayKind};

/// How far a source of the shipped calendar has been checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceStatus {
    /// The instrument's number and full list seen in the instrument, an official page, or several published pages
    /// that agree on every date.
    Confirmed,
    /// Only partly seen; the entries are believed right but should be checked.
    Partial,
    /// Not yet decreed; the entries follow the standing Keppres and may move.
    Provisional,
}

/// A legal instrument that the shipped calendar cites.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// Short id referenced by the days.
    pub id: String,
    /// Full title of the instrument.
    pub title: String,
    /// Date of signature, when known.
    pub signed: Option<Date>,
    /// A public page where it can be read.
    pub reference: Option<String>,
    /// How far it was checked.
    pub status: SourceStatus,
}

/// The national calendar: every shipped holiday and cuti bersama with their sources.
#[derive(Clone, Debug)]
pub struct NationalCalendar {
    sources: Vec<Source>,
    days: Vec<Holiday>,
}

/// A problem in a holidays file.
#[derive(Debug, thiserror::Error)]
pub enum HolidaysFileError {
    /// The TOML could not be read.
    #[error("holidays file is not valid TOML: {0}")]
    Toml(#[from] toml::de::Error),
    /// A field holds a bad value.
    #[error("holidays file, {what}: {detail}")]
    Invalid {
        /// Which entry.
        what: String,
        /// What is wrong.
        detail: String,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileRaw {
    source: Vec<SourceRaw>,
    day: Vec<DayRaw>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceRaw {
    id: String,
    title: String,
    signed: Option<String>,
    reference: Option<String>,
    status: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DayRaw {
    date: String,
    kind: String,
    name_id: String,
    name_en: String,
    source: String,
    #[allow(dead_code)] // Read for completeness of the file format; only people read notes.
    note: Option<String>,
    revoked_by: Option<String>,
}

static SHIPPED: LazyLock<NationalCalendar> = LazyLock::new(|| {
    NationalCalendar::parse(include_str!("../../data/holidays.toml"))
        .expect("the shipped holidays.toml is valid: calendar::tests::shipped_file_parses checks it")
});

/// The national calendar shipped in this build.
pub fn shipped() -> &'static NationalCalendar {
    &SHIPPED
}

impl NationalCalendar {
    /// Parses a holidays file in the shape of `data/holidays.toml`; revoked days are dropped.
    pub fn parse(text: &str) -> Result<NationalCalendar, HolidaysFileError> {
        let raw: FileRaw = toml::from_str(text)?;
        let mut sources = Vec::new();
        for source in raw.source {
            sources.push(parse_source(source)?);
        }
        let mut days = Vec::new();
        for day in raw.day {
            let what = format!("day {}", day.date);
            let invalid = |detail: String| HolidaysFileError::Invalid { what: what.clone(), detail };
            let date: Date = day.date.parse().map_err(|err| invalid(format!("bad date: {err}")))?;
            let kind = match HolidayKind::parse(&day.kind) {
                Some(kind @ (HolidayKind::NationalHoliday | HolidayKind::CutiBersama)) => kind,
                _ => return Err(invalid(format!("kind must be libur_nasional or cuti_bersama, got {:?}", day.kind))),
            };
            let known = |id: &str| sources.iter().any(|it: &Source| it.id == id);
            if !known(&day.source) {
                return Err(invalid(format!("unknown source {:?}", day.source)));
            }
            if let Some(revoker) = &day.revoked_by {
                if !known(revoker) {
                    return Err(invalid(format!("unknown revoked_by source {revoker:?}")));
                }
                continue;
            }
            days.push(Holiday { date, kind, name_id: day.name_id, name_en: day.name_en, source: day.source });
        }
        days.sort_by_key(|it| (it.date, it.kind));
        Ok(NationalCalendar { sources, days })
    }

    /// Every day in force, in date order.
    pub fn days(&self) -> &[Holiday] {
        &self.days
    }

    /// Every cited source.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|it| it.id == id)
    }

    /// The first and last year that have any entry.
    pub fn covered_years(&self) -> Option<(i16, i16)> {
        let first = self.days.first()?.date.year();
        let last = self.days.last()?.date.year();
        Some((first, last))
    }
}

fn parse_source(raw: SourceRaw) -> Result<Source, HolidaysFileError> {
    let invalid = |detail: String| HolidaysFileError::Invalid { what: format!("source {}", raw.id), detail };
    let status = match raw.status.as_str() {
        "confirmed" => SourceStatus::Confirmed,
        "partial" => SourceStatus::Partial,
        "provisional" => SourceStatus::Provisional,
        other => return Err(invalid(format!("unknown status {other:?}"))),
    };
    let signed = match &raw.signed {
        Some(text) => Some(text.parse().map_err(|err| invalid(format!("bad signed date: {err}")))?),
        None => None,
    };
    Ok(Source { id: raw.id, title: raw.title, signed, reference: raw.reference, status })
}
