//! Who handles a case, which steps are offered as it moves, what a step's record needs, and which breaches open it.

use jiff::civil::date;

use super::*;
use crate::calendar::{Calendar, CalendarRules, WorkWeek, shipped as national};
use crate::discipline::employee::PositionType;
use crate::ids::UnitId;
use crate::org::{UnitNode, UnitTree};
use crate::people::{Access, Grant, Role, Scope};

fn tree() -> UnitTree {
    let node = |id: &str, parent: Option<&str>| UnitNode {
        id: UnitId::new(id),
        parent: parent.map(UnitId::new),
        sort_key: id.to_owned(),
    };
    UnitTree::new(vec![node("setda", None), node("dinas", None), node("upt", Some("dinas"))])
}

fn access(role: Role, unit: Option<&str>) -> Access {
    let scope = unit.map_or(Scope::Tenant, |it| Scope::Unit(UnitId::new(it)));
    Access::new(vec![Grant { role, scope }])
}

#[test]
fn handlers_in_scope_members_and_the_employee_reach_a_case_and_nobody_else() {
    let (tree, upt) = (tree(), UnitId::new("upt"));
    let on = |access: &Access, is_employee, membership| reach(access, (&upt, &tree), is_employee, membership);
    let officer = access(Role::PersonnelOfficer, None);
    assert_eq!(on(&officer, false, Membership::None), Some(Reach::Handler));
    assert_eq!(on(&officer, true, Membership::None), Some(Reach::Own), "nobody handles their own case");
    let elsewhere = access(Role::Inspector, Some("setda"));
    assert_eq!(on(&elsewhere, false, Membership::None), None, "outside the inspector's scope");
    assert_eq!(on(&elsewhere, false, Membership::Team), Some(Reach::Team));
    let leader = access(Role::Leader, None);
    assert_eq!(on(&leader, false, Membership::None), None, "a leader reads a case only when added to it");
    assert_eq!(on(&leader, false, Membership::Official), Some(Reach::Official));
    assert!(Reach::Official.acts() && !Reach::Team.acts() && !Reach::Own.acts());
    assert_eq!(Membership::parse("official"), Membership::Official);
    assert_eq!(Membership::parse("lain"), Membership::None);
}

#[test]
fn the_steps_offered_follow_the_case() -> Result<(), Refusal> {
    let rules = shipped();
    let cal = Calendar::new(
        national(),
        &[],
        CalendarRules { work_week: WorkWeek::MONDAY_TO_FRIDAY, observes_cuti_bersama: true },
    );
    let case = Case::new(Level::Berat);
    assert_eq!(case.offered_steps(), ["summons", "team_formed", "dropped", "islah"]);
    let case = case.apply(rules, &cal, &Step::Summons { sent: date(2026, 7, 6), examination: date(2026, 7, 15) })?;
    assert!(case.offered_steps().contains(&"examined") && case.offered_steps().contains(&"relieved"));
    assert!(!case.offered_steps().contains(&"decided"), "no decision before a hearing");
    let case = case.apply(rules, &cal, &Step::Dropped { on: date(2026, 7, 16) })?;
    assert!(case.offered_steps().is_empty(), "a dropped case offers nothing");
    Ok(())
}

#[test]
fn an_examination_needs_a_signed_record_and_a_team_named_members() {
    assert_eq!(check_examination_record("singkat", true), Err(RecordProblem::RecordMissing));
    assert_eq!(check_examination_record("Pegawai mengakui meninggalkan loket.", false), Err(RecordProblem::Unsigned));
    assert_eq!(check_examination_record("Pegawai mengakui meninggalkan loket.", true), Ok(()));
    assert_eq!(check_team("  "), Err(RecordProblem::TeamUnnamed));
    assert_eq!(check_team("Kepala BKPSDM; Inspektur Pembantu II"), Ok(()));
}

#[test]
fn breaches_take_their_level_from_the_catalogue_or_the_absence_table() {
    let rules = shipped();
    let from_table = breaches(rules, (&[], PositionType::Pelaksana), (Some(Level::Sedang), true)).expect("a proposal");
    assert_eq!((from_table[0].code.as_str(), from_table[0].level), ("4f", Level::Sedang));
    let asked = [("3d".to_owned(), "instansi".to_owned())];
    let found = breaches(rules, (&asked, PositionType::Pelaksana), (None, false)).expect("known item");
    assert_eq!(found[0].level, Level::Sedang);
    assert!(
        breaches(rules, (&[], PositionType::Pelaksana), (None, false)).is_err(),
        "a case names at least one breach"
    );
    assert!(
        breaches(rules, (&[], PositionType::Pelaksana), (None, true)).is_ok(),
        "attendance without a proposal is refused for its reference"
    );
    let unknown = breaches(rules, (&[("9z".to_owned(), "unit".to_owned())], PositionType::Pelaksana), (None, false))
        .expect_err("unknown");
    assert_eq!(unknown[0].field, "breaches");
}

#[test]
fn some_breaches_are_levelled_by_position_and_absence_only_by_its_table() {
    let rules = shipped();
    // Wealth report (4e): sedang for an administrator, berat for a JPT; a register without the rung gives no level.
    let target = [("4e".to_owned(), "unit".to_owned())];
    let level = |position| breaches(rules, (&target, position), (None, false)).map(|it| it[0].level);
    assert_eq!(level(PositionType::Administrator), Ok(Level::Sedang));
    assert_eq!(level(PositionType::JptPratama), Ok(Level::Berat));
    assert!(level(PositionType::Struktural).is_err());
    let absence = [("4f".to_owned(), "unit".to_owned())];
    let refused = breaches(rules, (&absence, PositionType::Pelaksana), (None, false)).expect_err("by the table only");
    assert_eq!(refused[0].field, "breaches");
}
