//! After the decision: a failed handover and the 3-day sending rule, the objection window and its outcome, relief
//! from duty only in heavy cases, a dropped case; the agenda of each state with its late flags; the catalogue and
//! authority matrix checks of the rules file.

use jiff::civil::date;

use super::*;
use crate::calendar::{Calendar, CalendarRules, WorkWeek, shipped as national};

fn calendar() -> Calendar {
    Calendar::new(national(), &[], CalendarRules { work_week: WorkWeek::MONDAY_TO_FRIDAY, observes_cuti_bersama: true })
}

fn codes(due: &[Due]) -> Vec<&str> {
    due.iter().map(|it| it.code).collect()
}

#[test]
fn the_agenda_follows_the_case_and_flags_what_is_late() -> Result<(), Refusal> {
    let (rules, cal) = (shipped(), calendar());
    let case = Case::new(Level::Sedang);
    assert_eq!(codes(&case.agenda(rules, &cal, date(2026, 7, 1))), ["summons"]);
    let case = case.apply(rules, &cal, &Step::Summons { sent: date(2026, 7, 1), examination: date(2026, 7, 13) })?;
    let due = case.agenda(rules, &cal, date(2026, 7, 14));
    assert_eq!((due[0].code, due[0].late), ("examination", true));
    let case = case.apply(rules, &cal, &Step::Absent)?;
    let due = case.agenda(rules, &cal, date(2026, 7, 14));
    // Mon 13 Jul + 7 working days = Wed 22 Jul.
    assert_eq!((due[0].code, due[0].date, due[0].late), ("second_summons", Some(date(2026, 7, 22)), false));
    let case = case.apply(rules, &cal, &Step::Summons { sent: date(2026, 7, 14), examination: date(2026, 7, 24) })?;
    let case = case.apply(rules, &cal, &Step::Examined { on: date(2026, 7, 24) })?;
    assert_eq!(codes(&case.agenda(rules, &cal, date(2026, 7, 24))), ["decision"]);
    let decided =
        Step::Decided { on: date(2026, 8, 3), sanctions: vec!["potong_tukin_6".into()], authority: Level::Sedang };
    let case = case.apply(rules, &cal, &decided)?;
    let due = case.agenda(rules, &cal, date(2026, 8, 25));
    assert_eq!((due[0].code, due[0].date, due[0].late), ("delivery", Some(date(2026, 8, 24)), true));
    // A failed handover on Tue 4 Aug: sent within 3 working days (by Fri 7 Aug).
    let case = case.apply(rules, &cal, &Step::AbsentAtDelivery { on: date(2026, 8, 4) })?;
    let late = case.apply(rules, &cal, &Step::Delivered { on: date(2026, 8, 10) });
    assert_eq!(late, Err(Refusal::DeliveryOutOfTime { latest: date(2026, 8, 7) }));
    let case = case.apply(rules, &cal, &Step::Delivered { on: date(2026, 8, 6) })?;
    let due = case.agenda(rules, &cal, date(2026, 8, 6));
    assert_eq!(codes(&due), ["effective", "objection"]);
    // The objection window: 14 working days after Thu 6 Aug; 17 Aug and Maulid (25 Aug 2026) are holidays → Fri 28 Aug.
    assert_eq!(due[1].date, Some(date(2026, 8, 28)));
    let late = case.apply(rules, &cal, &Step::Objection { on: date(2026, 8, 31) });
    assert_eq!(late, Err(Refusal::ObjectionOutOfTime { latest: date(2026, 8, 28) }));
    let case = case.apply(rules, &cal, &Step::Objection { on: date(2026, 8, 20) })?;
    assert_eq!(codes(&case.agenda(rules, &cal, date(2026, 8, 21))), ["effective", "review"]);
    let changed = Outcome::Changed { sanction: "teguran_tertulis".into() };
    let case = case.apply(rules, &cal, &Step::Reviewed { on: date(2026, 9, 1), outcome: changed })?;
    assert_eq!(case.sanction(), Some("teguran_tertulis"));
    assert_eq!(case.apply(rules, &cal, &Step::Objection { on: date(2026, 9, 2) }), Err(Refusal::Closed));
    Ok(())
}

#[test]
fn relief_only_in_heavy_cases_and_a_dropped_case_takes_no_more_steps() -> Result<(), Refusal> {
    let (rules, cal) = (shipped(), calendar());
    let summons = Step::Summons { sent: date(2026, 7, 1), examination: date(2026, 7, 13) };
    let light = Case::new(Level::Ringan).apply(rules, &cal, &summons)?;
    assert_eq!(light.apply(rules, &cal, &Step::Relieved { on: date(2026, 7, 2) }), Err(Refusal::ReliefNotAllowed));
    let heavy = Case::new(Level::Berat);
    assert_eq!(heavy.apply(rules, &cal, &Step::Relieved { on: date(2026, 7, 2) }), Err(Refusal::ReliefNotAllowed));
    let heavy = heavy.apply(rules, &cal, &summons)?.apply(rules, &cal, &Step::Relieved { on: date(2026, 7, 2) })?;
    assert_eq!(heavy.relieved, Some(date(2026, 7, 2)));
    let dropped = heavy.apply(rules, &cal, &Step::Dropped { on: date(2026, 7, 20) })?;
    assert!(dropped.agenda(rules, &cal, date(2026, 7, 21)).is_empty());
    assert_eq!(dropped.apply(rules, &cal, &Step::Examined { on: date(2026, 7, 21) }), Err(Refusal::Closed));
    Ok(())
}

#[test]
fn the_catalogue_and_the_authority_matrix_are_checked() {
    let rules = shipped();
    assert_eq!(rules.item("5g").and_then(|it| it.level(Impact::Negara)), Some(Level::Berat));
    let foreign = rules.item("5c").and_then(|it| it.level(Impact::Unit));
    assert_eq!(foreign, Some(Level::Berat), "working for another state is berat whatever its impact");
    assert_eq!(rules.item("3b").and_then(|it| it.level(Impact::Unit)), Some(Level::Sedang), "no ringan for unity");
    let head = rules.authority("pengawas").expect("seeded");
    assert!(!head.covers(employee::PositionType::Struktural));
    assert_eq!(rules.sanction("pdhtaps").map(Sanction::appeal_kind), Some("banding"));
    assert_eq!(rules.sanction("teguran_lisan").map(Sanction::appeal_kind), Some("keberatan"));
    let text = include_str!("../../data/discipline.toml");
    let duplicate = format!(
        "{text}\n[[authority]]\ncode = \"ppk\"\nname = \"x\"\nsource = \"x\"\nover = [{{ positions = [\"pelaksana\"], levels = [\"berat\"] }}]\n"
    );
    assert!(matches!(Rules::parse(&duplicate), Err(RulesError::Entry(_))));
    let bad_position = text.replace(
        "positions = [\"pelaksana\"], levels = [\"ringan\"]",
        "positions = [\"honorer\"], levels = [\"ringan\"]",
    );
    assert!(matches!(Rules::parse(&bad_position), Err(RulesError::Entry(_))));
    let no_level =
        text.replacen("levels = { unit = \"berat\", instansi = \"berat\", negara = \"berat\" }", "levels = {}", 1);
    assert!(matches!(Rules::parse(&no_level), Err(RulesError::Entry(_))));
}

#[test]
fn one_examination_one_team_and_no_date_before_the_step_it_follows() -> Result<(), Refusal> {
    let (rules, cal) = (shipped(), calendar());
    let case = Case::new(Level::Sedang);
    let case = case.apply(rules, &cal, &Step::Summons { sent: date(2026, 7, 1), examination: date(2026, 7, 13) })?;
    assert_eq!(case.apply(rules, &cal, &Step::Examined { on: date(2026, 6, 30) }), Err(Refusal::BeforePrevious));
    let missed = case.apply(rules, &cal, &Step::Absent)?;
    assert_eq!(missed.apply(rules, &cal, &Step::Examined { on: date(2026, 7, 13) }), Err(Refusal::NothingDue));
    let case = case.apply(rules, &cal, &Step::Examined { on: date(2026, 7, 13) })?;
    assert_eq!(case.apply(rules, &cal, &Step::Examined { on: date(2026, 7, 14) }), Err(Refusal::NothingDue));
    let case = case.apply(rules, &cal, &Step::TeamFormed)?;
    assert_eq!(case.apply(rules, &cal, &Step::TeamFormed), Err(Refusal::NothingDue));
    let early =
        Step::Decided { on: date(2026, 7, 10), sanctions: vec!["potong_tukin_6".into()], authority: Level::Sedang };
    assert_eq!(case.apply(rules, &cal, &early), Err(Refusal::BeforePrevious));
    let text = include_str!("../../data/discipline.toml");
    let swapped = text.replacen("level = \"ringan\"", "level = \"berat\"", 1);
    assert!(matches!(Rules::parse(&swapped), Err(RulesError::Entry(_))), "sanctions lightest first");
    let bad_appeal = text.replace("appeal = \"banding\"", "appeal = \"kasasi\"");
    assert!(matches!(Rules::parse(&bad_appeal), Err(RulesError::Entry(_))));
    Ok(())
}
