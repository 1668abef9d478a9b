//! Indonesia's three time zones (WIB, WITA, WIT) and the local date of an instant in them.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// One of Indonesia's three time zones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Zone {
    /// Waktu Indonesia Barat, UTC+7.
    Wib,
    /// Waktu Indonesia Tengah, UTC+8.
    Wita,
    /// Waktu Indonesia Timur, UTC+9.
    Wit,
}

/// A time-zone name that is not one of Indonesia's.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("unknown time zone {0:?}: use Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)")]
pub struct ZoneError(pub String);

impl Zone {
    /// Every zone, west to east.
    pub const ALL: [Zone; 3] = [Zone::Wib, Zone::Wita, Zone::Wit];

    /// Parses an IANA name or an Indonesian abbreviation (WIB, WITA, WIT), case-insensitively.
    // Source: Keppres 41/1987 tentang Pembagian Wilayah Republik Indonesia menjadi 3 (tiga) Wilayah Waktu.
    pub fn parse(raw: &str) -> Result<Zone, ZoneError> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "asia/jakarta" | "asia/pontianak" | "wib" => Ok(Zone::Wib),
            "asia/makassar" | "wita" => Ok(Zone::Wita),
            "asia/jayapura" | "wit" => Ok(Zone::Wit),
            _ => Err(ZoneError(raw.to_owned())),
        }
    }

    /// The canonical IANA name.
    pub fn iana(self) -> &'static str {
        match self {
            Zone::Wib => "Asia/Jakarta",
            Zone::Wita => "Asia/Makassar",
            Zone::Wit => "Asia/Jayapura",
        }
    }

    /// The Indonesian abbreviation shown next to times.
    pub fn abbreviation(self) -> &'static str {
        match self {
            Zone::Wib => "WIB",
            Zone::Wita => "WITA",
            Zone::Wit => "WIT",
        }
    }

    /// The fixed offset in hours; Indonesia keeps no daylight-saving time.
    pub fn utc_offset_hours(self) -> i8 {
        match self {
            Zone::Wib => 7,
            Zone::Wita => 8,
            Zone::Wit => 9,
        }
    }

    /// The jiff time zone.
    pub fn time_zone(self) -> TimeZone {
        TimeZone::fixed(jiff::tz::offset(self.utc_offset_hours()))
    }

    /// The local civil date of an instant in this zone.
    pub fn local_date(self, at: Timestamp) -> Date {
        at.to_zoned(self.time_zone()).date()
    }
}
