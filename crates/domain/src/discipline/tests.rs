//! The absence table at every boundary, the consecutive rule, the effective date of the worked example, and a rules
//! file with mistakes refused.

use jiff::civil::date;

use super::*;
use crate::calendar::{Calendar, CalendarRules, WorkWeek, shipped as national};

fn sanction(days: u32, run: u32) -> Option<String> {
    propose(shipped(), days, run).map(|it| it.sanction)
}

#[test]
fn the_absence_table_at_its_boundaries() {
    // Source: PP 94/2021 absence table as in docs/REGULATIONS.md §3.4.
    let cases = [
        (0, None),
        (2, None),
        (3, Some("teguran_lisan")),
        (4, Some("teguran_tertulis")),
        (6, Some("teguran_tertulis")),
        (7, Some("pernyataan_tidak_puas")),
        (10, Some("pernyataan_tidak_puas")),
        (11, Some("potong_tukin_6")),
        (13, Some("potong_tukin_6")),
        (14, Some("potong_tukin_9")),
        (16, Some("potong_tukin_9")),
        (17, Some("potong_tukin_12")),
        (20, Some("potong_tukin_12")),
        (21, Some("turun_jabatan_12")),
        (24, Some("turun_jabatan_12")),
        (25, Some("bebas_jabatan_12")),
        (27, Some("bebas_jabatan_12")),
        (28, Some("pdhtaps")),
        (200, Some("pdhtaps")),
    ];
    for (days, expected) in cases {
        assert_eq!(sanction(days, 1).as_deref(), expected, "{days} days");
    }
    assert_eq!(propose(shipped(), 12, 1).map(|it| it.level), Some(Level::Sedang));
}

#[test]
fn ten_consecutive_working_days_are_berat_whatever_the_total() {
    assert_eq!(sanction(10, 10).as_deref(), Some("pdhtaps"));
    assert_eq!(sanction(10, 9).as_deref(), Some("pernyataan_tidak_puas"));
    assert_eq!(sanction(2, 10).as_deref(), Some("pdhtaps"), "the run alone decides");
    // A weekend between absences does not break a run: Thu 2 Jul 2026 … Wed 15 Jul 2026 is 10 working days.
    let calendar = Calendar::new(
        national(),
        &[],
        CalendarRules { work_week: WorkWeek::MONDAY_TO_FRIDAY, observes_cuti_bersama: true },
    );
    let mut days = Vec::new();
    let mut day = date(2026, 7, 2);
    while day <= date(2026, 7, 15) {
        if calendar.is_workday(day) {
            days.push(day);
        }
        day = day.tomorrow().expect("in range");
    }
    assert_eq!(longest_run(&days, |it| calendar.is_workday(it)), 10);
    days.remove(4);
    assert_eq!(longest_run(&days, |it| calendar.is_workday(it)), 5);
}

#[test]
fn a_decision_received_takes_effect_on_the_fifteenth_working_day() {
    let calendar = Calendar::new(
        national(),
        &[],
        CalendarRules { work_week: WorkWeek::MONDAY_TO_FRIDAY, observes_cuti_bersama: true },
    );
    // Worked example of docs/REGULATIONS.md §3.5: received Tue 14 Jul 2026 → in force Tue 4 Aug 2026.
    let effective = due(shipped(), &calendar, "effective", date(2026, 7, 14)).expect("rule exists");
    assert_eq!(effective.date, date(2026, 8, 4));
    assert_eq!(effective.workdays, 15);
    assert!(due(shipped(), &calendar, "nothing", date(2026, 7, 14)).is_none());
}

#[test]
fn a_rules_file_with_mistakes_is_refused() {
    let shipped_text = include_str!("../../data/discipline.toml");
    let unknown = shipped_text.replace("sanction = \"potong_tukin_9\"", "sanction = \"potong_gaji\"");
    assert_eq!(Rules::parse(&unknown).err(), Some(RulesError::UnknownSanction("potong_gaji".into())));
    let gap = shipped_text.replace("from = 14\nto = 16", "from = 15\nto = 16");
    assert!(matches!(Rules::parse(&gap), Err(RulesError::AbsenceRows(_))));
    let missing = shipped_text.replace("code = \"effective\"", "code = \"berlaku\"");
    assert_eq!(Rules::parse(&missing).err(), Some(RulesError::MissingDeadline("effective".into())));
}
