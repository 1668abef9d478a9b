//! Service points (*titik layanan*): the weekly opening hours of a counter and the staff it needs on duty.

use jiff::civil::{Time, Weekday};

/// The hours a service point is open on one weekday.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpeningHours {
    /// Weekday.
    pub weekday: Weekday,
    /// Opening time, local to the unit's zone.
    pub opens: Time,
    /// Closing time, after `opens`.
    pub closes: Time,
}

impl OpeningHours {
    /// Opening hours, or `None` when closing is not after opening.
    pub fn new(weekday: Weekday, opens: Time, closes: Time) -> Option<OpeningHours> {
        (opens < closes).then_some(OpeningHours { weekday, opens, closes })
    }
}

/// Rules on a service point's settings.
#[derive(Clone, Copy, Debug)]
pub struct ServicePointRules;

impl ServicePointRules {
    /// Whether a weekly schedule has at most one range per weekday.
    // Choice: one opening range per weekday; a midday break is served by the 60/90 minute break of Perpres 21/2023.
    pub fn schedule_is_valid(hours: &[OpeningHours]) -> bool {
        let mut seen = [false; 7];
        for it in hours {
            let idx = usize::from(it.weekday.to_monday_zero_offset().unsigned_abs());
            if seen[idx] {
                return false;
            }
            seen[idx] = true;
        }
        true
    }
}

/// The accepted range of the minimum number of staff on duty at a service point.
// Source: PermenPANRB 15/2014, Lampiran (komponen standar pelayanan: kompetensi dan jumlah pelaksana).
// Choice: at least one person, at most 99 (docs/REGULATIONS.md#standar-pelayanan).
pub fn min_staff_range() -> std::ops::RangeInclusive<u32> {
    1..=99
}
