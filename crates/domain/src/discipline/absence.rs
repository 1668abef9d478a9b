//! Unexcused absence: the sanction the table gives for the working days missed in a year, and the 10-consecutive-day
//! rule, which applies whatever the yearly total.

use super::rules::{Level, Rules};

/// What the table proposes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AbsenceProposal {
    /// Level.
    pub level: Level,
    /// Sanction code.
    pub sanction: String,
    /// Sanction name.
    pub name: String,
    /// Why: the table row or the consecutive rule, with its source.
    pub reason: String,
}

/// The proposal for `days` unexcused working days in a calendar year whose longest run is `longest_run` days;
/// `None` below the table's first row. The heavier of the yearly total and the consecutive rule wins.
// Source: PP 94/2021 Pasal 9–11 (absence table), Pasal 11/12 (10 consecutive working days) — see data/discipline.toml.
pub fn propose(rules: &Rules, days: u32, longest_run: u32) -> Option<AbsenceProposal> {
    let by_total =
        rules.absence_rows().iter().find(|row| days >= row.from && row.to.is_none_or(|to| days <= to)).map(|row| {
            (
                row.sanction.as_str(),
                format!("{days} hari kerja tanpa alasan yang sah dalam setahun; {}", rules.absence_source().0),
            )
        });
    let (run_days, run_sanction, run_source) = rules.consecutive();
    let by_run = (longest_run >= run_days).then(|| {
        (run_sanction, format!("{longest_run} hari kerja berturut-turut tanpa alasan yang sah; {run_source}"))
    });
    let rank = |code: &str| rules.sanctions().iter().position(|it| it.code == code).unwrap_or(0);
    let chosen = match (by_total, by_run) {
        (Some(a), Some(b)) => Some(if rank(b.0) > rank(a.0) { b } else { a }),
        (a, b) => a.or(b),
    }?;
    let sanction = rules.sanction(chosen.0)?;
    Some(AbsenceProposal {
        level: sanction.level,
        sanction: sanction.code.clone(),
        name: sanction.name.clone(),
        reason: chosen.1,
    })
}

/// The longest run of consecutive unexcused working days: `absent` lists the employee's unexcused days in order, and
/// `is_workday` says which dates count (a weekend or holiday between two absences does not break the run).
pub fn longest_run(absent: &[jiff::civil::Date], is_workday: impl Fn(jiff::civil::Date) -> bool) -> u32 {
    let mut best = 0;
    let mut run = 0;
    let mut previous: Option<jiff::civil::Date> = None;
    for &day in absent {
        let continues = previous.is_some_and(|prev| {
            let mut next = prev.tomorrow().unwrap_or(prev);
            while next < day && !is_workday(next) {
                next = next.tomorrow().unwrap_or(day);
            }
            next == day
        });
        run = if continues { run + 1 } else { 1 };
        best = best.max(run);
        previous = Some(day);
    }
    best
}
