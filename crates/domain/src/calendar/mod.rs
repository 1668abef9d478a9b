//! The working-day calendar that every deadline in Pantau counts on.
//!
//! A working day is a day of the unit's work week that is neither a national holiday, nor a cuti bersama day
//! (unless the unit serves on cuti bersama), nor a regional holiday of the tenant.
//! Governing rules: Perpres 21/2023 (five-day work week), Keppres 8/2024 (national holidays), the yearly SKB of the
//! Menteri Agama, Menteri Ketenagakerjaan and Menteri PANRB (cuti bersama).

mod national;
mod zone;

use std::collections::BTreeMap;

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

pub use national::{NationalCalendar, Source, SourceStatus, shipped};
pub use zone::{Zone, ZoneError};

/// Why a date is not a working day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum HolidayKind {
    /// *Hari libur nasional*, set by Keppres and the yearly SKB.
    NationalHoliday,
    /// *Cuti bersama*, collective leave set by the yearly SKB.
    CutiBersama,
    /// A holiday of the region, added by the tenant's administrator.
    RegionalHoliday,
}

impl HolidayKind {
    /// The stable text code used in files and storage.
    pub fn code(self) -> &'static str {
        match self {
            HolidayKind::NationalHoliday => "libur_nasional",
            HolidayKind::CutiBersama => "cuti_bersama",
            HolidayKind::RegionalHoliday => "libur_daerah",
        }
    }

    /// Parses a code written by [`HolidayKind::code`].
    pub fn parse(code: &str) -> Option<HolidayKind> {
        match code {
            "libur_nasional" => Some(HolidayKind::NationalHoliday),
            "cuti_bersama" => Some(HolidayKind::CutiBersama),
            "libur_daerah" => Some(HolidayKind::RegionalHoliday),
            _ => None,
        }
    }
}

/// One non-working date with its name and legal basis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holiday {
    /// The civil date.
    pub date: Date,
    /// National holiday, cuti bersama or regional holiday.
    pub kind: HolidayKind,
    /// Indonesian name.
    pub name_id: String,
    /// English name.
    pub name_en: String,
    /// Legal basis (an instrument's title or a source id of the shipped file).
    pub source: String,
}

/// A tenant's change to the shipped national calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Adjustment {
    /// Adds a non-working date: a regional holiday, or a national one decreed after the file shipped.
    Add(Holiday),
    /// Removes a shipped date of this kind, for example when the Minister of Religion moves Idul Fitri.
    Remove {
        /// The shipped date that is a working day after all.
        date: Date,
        /// Which shipped entry is removed.
        kind: HolidayKind,
    },
}

/// The days of the week on which a unit works.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WorkWeek {
    days: [bool; 7],
}

impl WorkWeek {
    /// Monday to Friday.
    // Source: Perpres 21/2023 tentang Hari Kerja dan Jam Kerja Instansi Pemerintah dan Pegawai ASN (5 hari kerja, Senin–Jumat).
    pub const MONDAY_TO_FRIDAY: WorkWeek = WorkWeek { days: [true, true, true, true, true, false, false] };

    /// A work week from the given weekdays; `None` when no day is given.
    pub fn from_days(days: &[Weekday]) -> Option<WorkWeek> {
        let mut set = [false; 7];
        for day in days {
            set[weekday_idx(*day)] = true;
        }
        set.iter().any(|it| *it).then_some(WorkWeek { days: set })
    }

    /// Whether the unit works on this weekday.
    pub fn includes(&self, day: Weekday) -> bool {
        self.days[weekday_idx(day)]
    }
}

fn weekday_idx(day: Weekday) -> usize {
    usize::from(day.to_monday_zero_offset().unsigned_abs())
}

/// The working-day calendar of one unit: its work week and every non-working date.
#[derive(Clone, Debug)]
pub struct Calendar {
    work_week: WorkWeek,
    holidays: BTreeMap<Date, Vec<Holiday>>,
    covered_years: Option<(i16, i16)>,
}

/// How a calendar is put together for one unit.
#[derive(Clone, Copy, Debug)]
pub struct CalendarRules {
    /// The unit's work week.
    pub work_week: WorkWeek,
    /// False for frontline units that serve on cuti bersama days on a roster.
    // Source: Perpres 21/2023, Pasal 7 (units serving the public set their own days); SKB cuti bersama (each year): duty rosters.
    pub observes_cuti_bersama: bool,
}

impl Calendar {
    /// Builds the calendar from the shipped national dates and the tenant's adjustments, in that order.
    pub fn new(national: &NationalCalendar, adjustments: &[Adjustment], rules: CalendarRules) -> Calendar {
        let mut holidays: BTreeMap<Date, Vec<Holiday>> = BTreeMap::new();
        for holiday in national.days() {
            if holiday.kind == HolidayKind::CutiBersama && !rules.observes_cuti_bersama {
                continue;
            }
            holidays.entry(holiday.date).or_default().push(holiday.clone());
        }
        for adjustment in adjustments {
            match adjustment {
                Adjustment::Add(holiday) => holidays.entry(holiday.date).or_default().push(holiday.clone()),
                Adjustment::Remove { date, kind } => {
                    if let Some(list) = holidays.get_mut(date) {
                        list.retain(|it| it.kind != *kind);
                        if list.is_empty() {
                            holidays.remove(date);
                        }
                    }
                }
            }
        }
        Calendar { work_week: rules.work_week, holidays, covered_years: national.covered_years() }
    }

    /// Whether the date is a working day.
    pub fn is_workday(&self, date: Date) -> bool {
        self.work_week.includes(date.weekday()) && !self.holidays.contains_key(&date)
    }

    /// The holidays that fall on this date (empty on an ordinary day or a plain weekend).
    pub fn holidays_on(&self, date: Date) -> &[Holiday] {
        self.holidays.get(&date).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Every holiday from `from` to `to`, both included, in date order.
    pub fn holidays_between(&self, from: Date, to: Date) -> impl Iterator<Item = &Holiday> {
        self.holidays.range(from..=to).flat_map(|(_, list)| list.iter())
    }

    /// The `n`-th working day after `start`; `start` itself is not counted. `n = 0` gives `start`.
    // Source: PermenPANRB 62/2018 and PP 94/2021 count their periods in hari kerja.
    // Choice: the day of the event is not counted (docs/REGULATIONS.md#hari-kerja).
    pub fn add_workdays(&self, start: Date, n: u32) -> Date {
        let mut date = start;
        let mut remaining = n;
        while remaining > 0 {
            date = next_day(date);
            if self.is_workday(date) {
                remaining -= 1;
            }
        }
        date
    }

    /// The number of working days from `from` to `to`, both included; zero when `to` is before `from`.
    pub fn workdays_between(&self, from: Date, to: Date) -> u32 {
        let mut count = 0;
        let mut date = from;
        while date <= to {
            if self.is_workday(date) {
                count += 1;
            }
            if date == to {
                break;
            }
            date = next_day(date);
        }
        count
    }

    /// Whether the shipped national data covers the year of this date; outside it only weekends and the tenant's
    /// own entries count, so callers warn.
    pub fn covers(&self, date: Date) -> bool {
        self.covered_years.is_some_and(|(first, last)| first <= date.year() && date.year() <= last)
    }

    /// The first and last year the shipped national data covers.
    pub fn covered_years(&self) -> Option<(i16, i16)> {
        self.covered_years
    }
}

fn next_day(date: Date) -> Date {
    // Civil dates end at 9999-12-31; a deadline that far away is a caller's bug, so saturate rather than panic.
    date.checked_add(1.day()).unwrap_or(date)
}

/// The usual Pemda office calendar for tests: Monday to Friday, national holidays and cuti bersama off.
#[cfg(test)]
pub(crate) fn office_calendar() -> Calendar {
    Calendar::new(shipped(), &[], CalendarRules { work_week: WorkWeek::MONDAY_TO_FRIDAY, observes_cuti_bersama: true })
}

#[cfg(test)]
mod tests;
