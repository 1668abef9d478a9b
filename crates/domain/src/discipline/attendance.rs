//! Attendance files and what they add up to: rows of (NIP, date, status) checked together (known NIP, date in the
//! year being imported, one row per employee and day, a known status), then per employee the unexcused working days
//! of the year and their longest run, and the proposal the absence table gives.

use std::collections::{BTreeMap, HashSet};

use jiff::civil::Date;

use super::absence::{AbsenceProposal, longest_run, propose};
use super::rules::Rules;
use crate::calendar::Calendar;

/// Attendance status codes; only `tanpa_keterangan` counts as unexcused.
pub const STATUSES: [&str; 6] = ["hadir", "izin", "sakit", "cuti", "dinas_luar", "tanpa_keterangan"];

/// A checked row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attendance {
    /// NIP.
    pub nip: String,
    /// Day.
    pub date: Date,
    /// Status code.
    pub status: &'static str,
}

/// What is wrong with one row (1-based, the header being row 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    /// Row number.
    pub row: usize,
    /// Column.
    pub column: &'static str,
    /// What is wrong: `unknown_nip`, `bad_date`, `outside_year`, `duplicate_day`, `unknown_status`.
    pub problem: &'static str,
    /// The value given.
    pub given: String,
}

/// Checks the rows of a file for `year` against the NIPs of the register: all rows or the problems of every bad one.
pub fn check_rows(
    rows: &[[String; 3]],
    year: i16,
    known: &HashSet<String>,
) -> Result<Vec<Attendance>, Vec<RowProblem>> {
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(rows.len());
    for (index, [nip, date, status]) in rows.iter().enumerate() {
        let row = index + 2;
        let mut fail = |column, problem, given: &str| {
            problems.push(RowProblem { row, column, problem, given: given.trim().to_owned() })
        };
        let nip_clean: String = nip.chars().filter(|it| !it.is_whitespace()).collect();
        if !known.contains(&nip_clean) {
            fail("nip", "unknown_nip", nip);
        }
        let day = date.trim().parse::<Date>();
        match &day {
            Err(_) => fail("date", "bad_date", date),
            Ok(day) if day.year() != year => fail("date", "outside_year", date),
            Ok(day) if !seen.insert((nip_clean.clone(), *day)) => fail("date", "duplicate_day", date),
            Ok(_) => {}
        }
        let code = status.trim().to_lowercase().replace([' ', '-'], "_");
        let status = STATUSES.iter().find(|it| **it == code);
        if status.is_none() {
            fail("status", "unknown_status", status.copied().unwrap_or(code.as_str()));
        }
        if let (Ok(day), Some(status)) = (day, status) {
            out.push(Attendance { nip: nip_clean, date: day, status });
        }
    }
    if problems.is_empty() { Ok(out) } else { Err(problems) }
}

/// An employee's year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearTotal {
    /// NIP.
    pub nip: String,
    /// Unexcused working days.
    pub days: u32,
    /// Longest run of consecutive unexcused working days.
    pub longest_run: u32,
    /// What the table proposes, if anything.
    pub proposal: Option<AbsenceProposal>,
}

/// Adds up each employee's unexcused working days (days that are not working days on their unit's calendar do not
/// count) and proposes what the table gives. `calendar_of` gives the calendar of an employee's unit.
// Source: PP 94/2021 Pasal 4 huruf f (masuk kerja) with the absence table of data/discipline.toml.
pub fn totals<'a>(rules: &Rules, rows: &[Attendance], calendar_of: impl Fn(&str) -> &'a Calendar) -> Vec<YearTotal> {
    let mut absent: BTreeMap<&str, Vec<Date>> = BTreeMap::new();
    for row in rows.iter().filter(|it| it.status == "tanpa_keterangan") {
        let calendar = calendar_of(&row.nip);
        if calendar.is_workday(row.date) {
            absent.entry(row.nip.as_str()).or_default().push(row.date);
        }
    }
    absent
        .into_iter()
        .map(|(nip, mut days)| {
            days.sort_unstable();
            let calendar = calendar_of(nip);
            let run = longest_run(&days, |it| calendar.is_workday(it));
            let count = u32::try_from(days.len()).unwrap_or(u32::MAX);
            YearTotal { nip: nip.to_owned(), days: count, longest_run: run, proposal: propose(rules, count, run) }
        })
        .collect()
}
