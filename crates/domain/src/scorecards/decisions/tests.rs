//! Decision kinds from the shipped file, deadlines in working days, refusals by field, and standing on a day.

use jiff::civil::date;

use super::*;

fn calendar() -> Calendar {
    crate::calendar::office_calendar()
}

#[test]
fn the_shipped_kinds_parse_with_their_sources() {
    let kinds = shipped();
    assert_eq!(kinds.all().len(), REQUIRED.len());
    assert!(kinds.all().iter().all(|it| !it.source.is_empty()));
    assert!(kinds.find("teguran").is_some_and(|it| it.letter && it.days == 5));
}

#[test]
fn a_teguran_on_a_friday_is_due_five_working_days_later() {
    // Friday 4 December 2026 + 5 working days = Friday 11 December.
    let raw = RawDecision { kind: "teguran".into(), note: "Tunggakan pengaduan lebih dari dua minggu.".into() };
    let decided = raw.check(shipped(), &calendar(), date(2026, 12, 4)).expect("valid");
    assert_eq!(decided.due, Some(date(2026, 12, 11)));
    let none = RawDecision { kind: "tanpa_tindakan".into(), note: "Sudah ditangani kepala dinas.".into() };
    assert_eq!(none.check(shipped(), &calendar(), date(2026, 12, 4)).expect("valid").due, None);
}

#[test]
fn an_unknown_kind_and_an_empty_note_are_named_together() {
    let raw = RawDecision { kind: "pecat".into(), note: "  ".into() };
    let problems = raw.check(shipped(), &calendar(), date(2026, 12, 4)).expect_err("refused");
    let fields: Vec<&str> = problems.iter().map(|it| it.field).collect();
    assert_eq!(fields, ["kind", "note"]);
}

#[test]
fn standing_counts_working_days_past_the_deadline() {
    let due = Some(date(2026, 12, 11));
    assert_eq!(standing(&calendar(), due, false, date(2026, 12, 11)), Standing::Awaited);
    // Saturday and Sunday do not count; Monday 14 is the first working day late.
    assert_eq!(standing(&calendar(), due, false, date(2026, 12, 13)), Standing::Overdue(0));
    assert_eq!(standing(&calendar(), due, false, date(2026, 12, 15)), Standing::Overdue(2));
    assert_eq!(standing(&calendar(), due, true, date(2026, 12, 15)), Standing::Answered);
    assert_eq!(standing(&calendar(), None, false, date(2026, 12, 15)), Standing::NothingAsked);
}

#[test]
fn a_kinds_file_missing_a_kind_or_asking_nothing_of_a_teguran_is_refused() {
    let text = include_str!("../../../data/watch_decisions.toml");
    assert!(matches!(Kinds::parse(&text.replace("\"pembinaan\"", "\"lain\"")), Err(KindsError::Kind(_))));
    let lazy = text.replacen("days = 5", "days = 0", 1);
    assert_eq!(Kinds::parse(&lazy), Err(KindsError::Kind("teguran".into())));
    assert!(matches!(Kinds::parse("kind = 1"), Err(KindsError::Syntax(_))));
}
