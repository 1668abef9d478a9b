//! Attendance rows refused with their row numbers, and yearly totals with their proposals.

use std::collections::HashSet;

use jiff::civil::date;

use super::attendance::*;
use super::shipped;
use crate::calendar::{Calendar, CalendarRules, WorkWeek, shipped as national};

fn row(nip: &str, day: &str, status: &str) -> [String; 3] {
    [nip.to_owned(), day.to_owned(), status.to_owned()]
}

#[test]
fn bad_rows_are_refused_with_their_numbers_and_nothing_is_kept() {
    let known: HashSet<String> = ["198503142010012004".to_owned()].into();
    let rows = [
        row("198503142010012004", "2026-03-02", "hadir"),
        row("199999999999999999", "2026-03-02", "hadir"),
        row("198503142010012004", "2025-12-31", "sakit"),
        row("198503142010012004", "2026-03-02", "izin"),
        row("198503142010012004", "2026-03-03", "bolos"),
        row("198503142010012004", "3/3/2026", "hadir"),
    ];
    let problems = check_rows(&rows, 2026, &known).expect_err("refused");
    let found: Vec<(usize, &str)> = problems.iter().map(|it| (it.row, it.problem)).collect();
    assert_eq!(
        found,
        [(3, "unknown_nip"), (4, "outside_year"), (5, "duplicate_day"), (6, "unknown_status"), (7, "bad_date")]
    );
}

#[test]
fn unexcused_working_days_add_up_to_the_tables_proposal() {
    let calendar = Calendar::new(
        national(),
        &[],
        CalendarRules { work_week: WorkWeek::MONDAY_TO_FRIDAY, observes_cuti_bersama: true },
    );
    let nip = "198503142010012004";
    let known: HashSet<String> = [nip.to_owned()].into();
    // Every day from Mon 2 Mar to Fri 13 Mar 2026 unexcused, weekend rows included: 10 working days in a row.
    let mut rows = Vec::new();
    let mut day = date(2026, 3, 2);
    while day <= date(2026, 3, 13) {
        rows.push(row(nip, &day.to_string(), "tanpa keterangan"));
        day = day.tomorrow().expect("in range");
    }
    rows.push(row(nip, "2026-04-01", "sakit"));
    let checked = check_rows(&rows, 2026, &known).expect("valid");
    let totals = totals(shipped(), &checked, |_| &calendar);
    assert_eq!(totals.len(), 1);
    assert_eq!((totals[0].days, totals[0].longest_run), (10, 10), "weekend rows do not count");
    assert_eq!(totals[0].proposal.as_ref().map(|it| it.sanction.as_str()), Some("pdhtaps"));
}
