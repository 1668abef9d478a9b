//! When a clock that starts now runs out, on a unit's calendar and in its time zone.

use jiff::Timestamp;
use jiff::civil::Date;

use super::{DeadlineKind, Tiers};
use crate::calendar::{Calendar, Zone};

/// A running deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deadline {
    /// Its kind.
    pub kind: DeadlineKind,
    /// The last working day, local to the unit.
    pub due: Date,
    /// The instant it has passed: the end of the due date in the unit's zone.
    pub ends_at: Timestamp,
}

/// The deadline of a clock started at `now`; the day it starts is not counted.
// Source: working-day counting as in docs/REGULATIONS.md#hari-kerja (the day of the event is not counted).
pub fn start(kind: DeadlineKind, tiers: Tiers, calendar: &Calendar, zone: Zone, now: Timestamp) -> Deadline {
    let due = calendar.add_workdays(zone.local_date(now), kind.workdays(tiers));
    Deadline { kind, due, ends_at: end_of_day(due, zone) }
}

/// The first instant after a local date.
pub fn end_of_day(date: Date, zone: Zone) -> Timestamp {
    let next = date.tomorrow().unwrap_or(date);
    next.to_zoned(zone.time_zone()).map(|it| it.timestamp()).unwrap_or(Timestamp::MAX)
}

/// Working days by which a deadline has been missed on `today` (0 on the first day after the due date).
pub fn workdays_overdue(calendar: &Calendar, due: Date, today: Date) -> u32 {
    match due.tomorrow() {
        Ok(first) if first < today => calendar.workdays_between(first, today).saturating_sub(1),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::calendar::{CalendarRules, WorkWeek};
    use crate::complaints::Tier;

    fn calendar() -> Calendar {
        Calendar::new(
            crate::calendar::shipped(),
            &[],
            CalendarRules { work_week: WorkWeek::MONDAY_TO_FRIDAY, observes_cuti_bersama: true },
        )
    }

    #[test]
    fn verification_filed_on_a_monday_morning_ends_after_thursday_local_time() {
        // Monday 2 February 2026, 09:00 WIB.
        let now: Timestamp = "2026-02-02T02:00:00Z".parse().unwrap_or_default();
        let deadline = start(DeadlineKind::Verify, Tiers::default(), &calendar(), Zone::Wib, now);
        assert_eq!(deadline.due, date(2026, 2, 5));
        assert_eq!(deadline.ends_at.to_string(), "2026-02-05T17:00:00Z");
        let in_papua = start(DeadlineKind::Verify, Tiers::default(), &calendar(), Zone::Wit, now);
        assert_eq!(in_papua.ends_at.to_string(), "2026-02-05T15:00:00Z");
    }

    #[test]
    fn the_simple_tier_skips_nyepi_and_the_idul_fitri_holidays() {
        // Friday 13 March 2026; Nyepi (19 March) and Idul Fitri with cuti bersama (20–24 March) are not counted.
        let now: Timestamp = "2026-03-13T03:00:00Z".parse().unwrap_or_default();
        let deadline = start(DeadlineKind::Resolve(Tier::Simple), Tiers::default(), &calendar(), Zone::Wib, now);
        assert_eq!(deadline.due, calendar().add_workdays(date(2026, 3, 13), 5));
        // Monday 16, Tuesday 17, Wednesday 25, Thursday 26, Friday 27 March.
        assert_eq!(deadline.due, date(2026, 3, 27));
    }

    #[test]
    fn overdue_days_count_working_days_after_the_due_date() {
        let cal = calendar();
        // Due Thursday 5 Feb 2026: Friday is the first day overdue (0), Monday 1, Tuesday 2, Wednesday 3.
        assert_eq!(workdays_overdue(&cal, date(2026, 2, 5), date(2026, 2, 5)), 0);
        assert_eq!(workdays_overdue(&cal, date(2026, 2, 5), date(2026, 2, 6)), 0);
        assert_eq!(workdays_overdue(&cal, date(2026, 2, 5), date(2026, 2, 9)), 1);
        assert_eq!(workdays_overdue(&cal, date(2026, 2, 5), date(2026, 2, 11)), 3);
    }
}
