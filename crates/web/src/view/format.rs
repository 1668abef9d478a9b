//! How pages, the API, letters and exports write instants, dates and numbers: instants in the zone of the unit
//! (WIB, WITA, WIT), civil dates as people write them in Indonesia, long dates with the month's name in the reader's
//! language, numbers with the decimal comma where Indonesian uses it.

use domain::calendar::Zone;
use jiff::civil::Date;

use crate::i18n::Lang;

/// A local time with the zone's abbreviation: `16-03-2026 09:00 WIB`.
pub fn local_time(ms: i64, zone: Zone) -> String {
    let at = jiff::Timestamp::from_millisecond(ms).unwrap_or_default().to_zoned(zone.time_zone());
    format!("{} {}", at.strftime("%d-%m-%Y %H:%M"), zone.abbreviation())
}

/// An instant as RFC 3339 with the zone's offset: `2026-03-16T09:00:00+07:00`.
pub fn rfc3339(ms: i64, zone: Zone) -> String {
    let at = jiff::Timestamp::from_millisecond(ms).unwrap_or_default().to_zoned(zone.time_zone());
    at.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

/// A date as `26-03-2026`.
pub fn local_date(date: jiff::civil::Date) -> String {
    date.strftime("%d-%m-%Y").to_string()
}

/// `14 Juli 2026`.
pub fn long_date(lang: Lang, date: Date) -> String {
    format!("{} {} {}", date.day(), lang.t(&format!("common.months.m{}", date.month())), date.year())
}

pub fn weekday_date(lang: Lang, date: Date) -> String {
    let day = date.weekday().to_monday_one_offset();
    format!("{}, {}", lang.t(&format!("discipline.letters.weekday.w{day}")), long_date(lang, date))
}

/// A number as the language writes it: `86,11` or `86.11`.
pub fn decimal(lang: Lang, value: f64, places: usize) -> String {
    with_decimal_comma(lang, &format!("{value:.places$}"))
}

/// A figure with its thousands grouped as the language writes them (`1.250.000,5`, `1,250,000.5`); whole numbers
/// without decimals, others with `places`.
pub fn grouped(lang: Lang, value: f64, places: usize) -> String {
    let places = if value.fract().abs() < 1e-9 { 0 } else { places };
    let text = format!("{:.places$}", value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let (group, point) = if lang == Lang::Id { ('.', ',') } else { (',', '.') };
    let mut out = String::new();
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            out.push(group);
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        out.push(point);
        out.push_str(fraction);
    }
    if value < 0.0 { format!("-{out}") } else { out }
}

/// A number already written with a decimal point, as the language writes it.
pub fn with_decimal_comma(lang: Lang, text: &str) -> String {
    if lang == Lang::Id { text.replace('.', ",") } else { text.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_times_are_written_as_indonesians_write_them() {
        assert_eq!(decimal(Lang::Id, 77.777, 2), "77,78");
        assert_eq!(decimal(Lang::En, 77.777, 2), "77.78");
        assert_eq!(grouped(Lang::Id, 1_250_000.5, 2), "1.250.000,50");
        assert_eq!(grouped(Lang::En, 1_250_000.0, 2), "1,250,000");
        assert_eq!(grouped(Lang::Id, 87.0, 1), "87");
        assert_eq!(local_time(0, Zone::Wita), "01-01-1970 08:00 WITA");
    }
}
