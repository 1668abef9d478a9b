//! The case guards: summons notice, second summons, no decision without a record except after a second no-show,
//! the team for heavy sanctions, one sanction within level and authority, delivery window and effective date.

use jiff::civil::date;

use super::*;
use crate::calendar::{Calendar, CalendarRules, WorkWeek, shipped as national};

fn calendar() -> Calendar {
    Calendar::new(national(), &[], CalendarRules { work_week: WorkWeek::MONDAY_TO_FRIDAY, observes_cuti_bersama: true })
}

fn decided(sanction: &str, authority: Level) -> Step {
    Step::Decided { on: date(2026, 8, 3), sanctions: vec![sanction.to_owned()], authority }
}

#[test]
fn a_light_case_from_summons_to_effective_date() -> Result<(), Refusal> {
    let (rules, cal) = (shipped(), calendar());
    let case = Case::new(Level::Ringan);
    // Mon 6 Jul 2026 + 7 working days = Wed 15 Jul 2026.
    let early = case.apply(rules, &cal, &Step::Summons { sent: date(2026, 7, 6), examination: date(2026, 7, 14) });
    assert_eq!(early, Err(Refusal::SummonsTooShort { earliest: date(2026, 7, 15) }));
    let case = case.apply(rules, &cal, &Step::Summons { sent: date(2026, 7, 6), examination: date(2026, 7, 15) })?;
    assert_eq!(case.apply(rules, &cal, &decided("teguran_lisan", Level::Ringan)), Err(Refusal::NoRecord));
    let case = case.apply(rules, &cal, &Step::Examined { on: date(2026, 7, 15) })?;
    let case = case.apply(rules, &cal, &Step::Islah { on: date(2026, 7, 20) })?;
    assert!(case.decision.is_none(), "an islah does not close the case");
    let two = Step::Decided {
        on: date(2026, 8, 3),
        sanctions: vec!["teguran_lisan".into(), "teguran_tertulis".into()],
        authority: Level::Berat,
    };
    assert_eq!(case.apply(rules, &cal, &two), Err(Refusal::OneSanction));
    assert_eq!(case.apply(rules, &cal, &decided("potong_tukin_6", Level::Berat)), Err(Refusal::AboveLevel("ringan")));
    let case = case.apply(rules, &cal, &decided("teguran_tertulis", Level::Ringan))?;
    assert_eq!(case.apply(rules, &cal, &decided("teguran_lisan", Level::Ringan)), Err(Refusal::AlreadyDecided));
    // Mon 3 Aug 2026 + 14 working days; 17 Aug (Independence Day) is not a working day.
    let late = case.apply(rules, &cal, &Step::Delivered { on: date(2026, 8, 25) });
    assert_eq!(late, Err(Refusal::DeliveryOutOfTime { latest: date(2026, 8, 24) }));
    let case = case.apply(rules, &cal, &Step::Delivered { on: date(2026, 8, 4) })?;
    assert_eq!(case.delivered.map(|it| it.1), Some(cal.add_workdays(date(2026, 8, 4), 15)));
    Ok(())
}

#[test]
fn a_heavy_case_needs_the_team_and_the_authority_and_a_second_no_show_allows_a_decision() -> Result<(), Refusal> {
    let (rules, cal) = (shipped(), calendar());
    let case = Case::new(Level::Berat);
    let case = case.apply(rules, &cal, &Step::Summons { sent: date(2026, 7, 1), examination: date(2026, 7, 13) })?;
    let second = Step::Summons { sent: date(2026, 7, 14), examination: date(2026, 7, 24) };
    assert_eq!(case.apply(rules, &cal, &second), Err(Refusal::SummonsOutOfOrder), "no second summons before a no-show");
    let case = case.apply(rules, &cal, &Step::Absent)?;
    let too_late = Step::Summons { sent: date(2026, 7, 23), examination: date(2026, 8, 4) };
    assert_eq!(case.apply(rules, &cal, &too_late), Err(Refusal::SecondSummonsLate { latest: date(2026, 7, 22) }));
    let case = case.apply(rules, &cal, &second)?;
    assert_eq!(case.apply(rules, &cal, &decided("pdhtaps", Level::Berat)), Err(Refusal::NoRecord));
    let case = case.apply(rules, &cal, &Step::Absent)?;
    assert_eq!(case.apply(rules, &cal, &decided("pdhtaps", Level::Berat)), Err(Refusal::TeamRequired));
    let case = case.apply(rules, &cal, &Step::TeamFormed)?;
    assert_eq!(case.apply(rules, &cal, &decided("pdhtaps", Level::Sedang)), Err(Refusal::OutsideAuthority("sedang")));
    let case = case.apply(rules, &cal, &decided("pdhtaps", Level::Berat))?;
    assert_eq!(case.decision.map(|it| it.1).as_deref(), Some("pdhtaps"));
    assert_eq!(
        heaviest(rules, &["teguran_lisan", "potong_tukin_9", "teguran_tertulis"]).map(|it| it.code.as_str()),
        Some("potong_tukin_9")
    );
    Ok(())
}
