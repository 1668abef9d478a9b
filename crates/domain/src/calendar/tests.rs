//! Tests of the working-day calendar against hand-counted months of the shipped SKB calendars.

use jiff::civil::{Date, date};
use proptest::prelude::*;

use super::*;

fn government() -> Calendar {
    Calendar::new(shipped(), &[], CalendarRules { work_week: WorkWeek::MONDAY_TO_FRIDAY, observes_cuti_bersama: true })
}

#[test]
fn shipped_file_parses_and_covers_2024_to_2027() {
    let national = NationalCalendar::parse(include_str!("../../data/holidays.toml")).unwrap();
    let (first, last) = national.covered_years().unwrap();
    assert!(first <= 2024 && 2027 <= last, "covers {first}..{last}");
    for day in national.days() {
        assert!(national.source(&day.source).is_some(), "{:?} cites a known source", day.date);
    }
}

#[test]
fn add_workdays_skips_weekends_holidays_and_cuti_bersama() {
    // Hand-counted on the SKB 2026 calendar: 18, 20, 23, 24 March are cuti bersama, 19 March Nyepi, 3 April Good Friday.
    check(date(2026, 3, 16), 15, date(2026, 4, 14));
    check(date(2026, 3, 16), 1, date(2026, 3, 17));
    check(date(2026, 3, 17), 1, date(2026, 3, 25));
    check(date(2026, 3, 16), 0, date(2026, 3, 16));
    // Friday to Monday.
    check(date(2026, 2, 6), 1, date(2026, 2, 9));
    // Imlek 17 Feb 2026 and cuti bersama 16 Feb: Friday 13 Feb + 1 is Wednesday 18 Feb.
    check(date(2026, 2, 13), 1, date(2026, 2, 18));
    // A start on a holiday counts from the next working day.
    check(date(2026, 12, 25), 1, date(2026, 12, 28));
    // 2025: the amendment made 18 Aug 2025 cuti bersama, so Friday 15 Aug + 1 is Tuesday 19 Aug.
    check(date(2025, 8, 15), 1, date(2025, 8, 19));
    // 2024: Pilkada voting day 27 Nov 2024 (Keppres 33/2024).
    check(date(2024, 11, 26), 1, date(2024, 11, 28));

    #[track_caller]
    fn check(start: Date, n: u32, expected: Date) {
        assert_eq!(government().add_workdays(start, n), expected, "{start} + {n} working days");
    }
}

#[test]
fn workdays_between_counts_both_ends() {
    // March 2026: 22 weekdays minus Nyepi and four cuti bersama days.
    check(date(2026, 3, 1), date(2026, 3, 31), 17);
    check(date(2026, 3, 2), date(2026, 3, 2), 1);
    check(date(2026, 3, 1), date(2026, 3, 1), 0);
    check(date(2026, 3, 31), date(2026, 3, 1), 0);
    // August 2025: 21 weekdays minus 18 Aug (cuti bersama, amendment).
    check(date(2025, 8, 1), date(2025, 8, 31), 20);

    #[track_caller]
    fn check(from: Date, to: Date, expected: u32) {
        assert_eq!(government().workdays_between(from, to), expected, "{from}..={to}");
    }
}

#[test]
fn frontline_units_work_on_cuti_bersama() {
    let frontline = Calendar::new(
        shipped(),
        &[],
        CalendarRules { work_week: WorkWeek::MONDAY_TO_FRIDAY, observes_cuti_bersama: false },
    );
    assert!(frontline.is_workday(date(2026, 3, 18)), "cuti bersama");
    assert!(!frontline.is_workday(date(2026, 3, 19)), "Nyepi stays a holiday");
}

#[test]
fn adjustments_add_regional_holidays_and_remove_moved_dates() {
    let regional = Holiday {
        date: date(2026, 4, 8),
        kind: HolidayKind::RegionalHoliday,
        name_id: "Hari Jadi Kota Contoh".to_owned(),
        name_en: "Founding day of Kota Contoh".to_owned(),
        source: "Perwali Kota Contoh 3/2026".to_owned(),
    };
    let adjustments =
        [Adjustment::Add(regional), Adjustment::Remove { date: date(2026, 3, 24), kind: HolidayKind::CutiBersama }];
    let calendar = Calendar::new(
        shipped(),
        &adjustments,
        CalendarRules { work_week: WorkWeek::MONDAY_TO_FRIDAY, observes_cuti_bersama: true },
    );
    assert!(!calendar.is_workday(date(2026, 4, 8)));
    assert!(calendar.is_workday(date(2026, 3, 24)));
    assert_eq!(calendar.holidays_on(date(2026, 4, 8))[0].name_id, "Hari Jadi Kota Contoh");
}

#[test]
fn six_day_work_week_counts_saturdays() {
    use jiff::civil::Weekday::*;
    let week = WorkWeek::from_days(&[Monday, Tuesday, Wednesday, Thursday, Friday, Saturday]).unwrap();
    let calendar = Calendar::new(shipped(), &[], CalendarRules { work_week: week, observes_cuti_bersama: true });
    assert_eq!(calendar.add_workdays(date(2026, 2, 6), 1), date(2026, 2, 7));
    assert!(WorkWeek::from_days(&[]).is_none());
}

#[test]
fn parse_rejects_unknown_sources_and_kinds() {
    let bad_source = r#"
        [[source]]
        id = "a"
        title = "t"
        status = "confirmed"
        [[day]]
        date = "2026-01-01"
        kind = "libur_nasional"
        name_id = "x"
        name_en = "x"
        source = "b"
    "#;
    assert!(NationalCalendar::parse(bad_source).is_err());
    let bad_kind = bad_source.replace("source = \"b\"", "source = \"a\"").replace("libur_nasional", "libur_daerah");
    assert!(NationalCalendar::parse(&bad_kind).is_err());
    let good = bad_source.replace("source = \"b\"", "source = \"a\"");
    assert_eq!(NationalCalendar::parse(&good).unwrap().days().len(), 1);
}

#[test]
fn zones_parse_names_and_abbreviations() {
    assert_eq!(Zone::parse("Asia/Jakarta"), Ok(Zone::Wib));
    assert_eq!(Zone::parse("wita"), Ok(Zone::Wita));
    assert_eq!(Zone::parse("Asia/Jayapura"), Ok(Zone::Wit));
    assert!(Zone::parse("Europe/Berlin").is_err());
    // 17:30 UTC is 00:30 WIB the next day; 15:30 UTC is 22:30 WIB, 23:30 WITA and 00:30 WIT the next day.
    let at: jiff::Timestamp = "2026-03-16T17:30:00Z".parse().unwrap();
    assert_eq!(Zone::Wib.local_date(at), date(2026, 3, 17));
    let earlier: jiff::Timestamp = "2026-03-16T15:30:00Z".parse().unwrap();
    assert_eq!(Zone::Wib.local_date(earlier), date(2026, 3, 16));
    assert_eq!(Zone::Wita.local_date(earlier), date(2026, 3, 16));
    assert_eq!(Zone::Wit.local_date(earlier), date(2026, 3, 17));
}

fn any_date() -> impl Strategy<Value = Date> {
    (0i32..(4 * 365)).prop_map(|offset| date(2024, 1, 1).checked_add(jiff::Span::new().days(offset)).unwrap())
}

proptest! {
    #[test]
    fn add_workdays_lands_on_a_workday_exactly_n_workdays_later(start in any_date(), n in 1u32..80) {
        let calendar = government();
        let end = calendar.add_workdays(start, n);
        prop_assert!(calendar.is_workday(end));
        prop_assert!(end > start);
        let day_after = start.checked_add(jiff::Span::new().days(1)).unwrap();
        prop_assert_eq!(calendar.workdays_between(day_after, end), n);
    }

    #[test]
    fn workdays_between_is_additive(from in any_date(), len_a in 0i32..60, len_b in 1i32..60) {
        let calendar = government();
        let mid = from.checked_add(jiff::Span::new().days(len_a)).unwrap();
        let mid_next = mid.checked_add(jiff::Span::new().days(1)).unwrap();
        let to = mid.checked_add(jiff::Span::new().days(len_b)).unwrap();
        prop_assert_eq!(
            calendar.workdays_between(from, to),
            calendar.workdays_between(from, mid) + calendar.workdays_between(mid_next, to)
        );
    }

    #[test]
    fn add_workdays_is_monotone(start in any_date(), n in 0u32..60) {
        let calendar = government();
        prop_assert!(calendar.add_workdays(start, n) < calendar.add_workdays(start, n + 1));
    }
}
