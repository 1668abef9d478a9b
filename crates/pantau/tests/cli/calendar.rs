//! `pantau calendar`: the examples of the issue, hand-counted against the shipped SKB calendars.

use crate::{pantau, stderr, stdout};

#[track_caller]
fn check(args: &[&str], expected: &str) {
    let output = pantau(args);
    assert!(output.status.success(), "{args:?}: {}", stderr(&output));
    assert_eq!(stdout(&output), expected, "{args:?}");
}

#[test]
fn add_workdays_prints_the_bare_date() {
    // 16 Mar 2026 (Mon) + 15 working days skips 18, 19, 20, 23, 24 Mar (Nyepi, cuti bersama and Idul Fitri).
    check(&["calendar", "add-workdays", "2026-03-16", "15", "--zone", "Asia/Jakarta"], "2026-04-14");
    check(&["calendar", "add-workdays", "2026-03-16", "0"], "2026-03-16");
    // Friday 15 Aug 2025 + 1: Monday 18 Aug 2025 became cuti bersama by the August 2025 amendment.
    check(&["calendar", "add-workdays", "2025-08-15", "1", "--zone", "WITA"], "2025-08-19");
}

#[test]
fn workdays_counts_both_ends() {
    // March 2026: 22 weekdays minus 18, 19, 20, 23, 24 March.
    check(&["calendar", "workdays", "2026-03-01", "2026-03-31"], "17");
    check(&["calendar", "workdays", "2026-03-02", "2026-03-02"], "1");
    check(&["calendar", "workdays", "2026-03-31", "2026-03-01"], "0");
}

#[test]
fn bad_dates_and_zones_are_usage_errors() {
    let output = pantau(&["calendar", "add-workdays", "16-03-2026", "3"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("DATE must be a date YYYY-MM-DD"), "{}", stderr(&output));
    let output = pantau(&["calendar", "workdays", "2026-03-01", "2026-03-31", "--zone", "Europe/Paris"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--zone"), "{}", stderr(&output));
}

#[test]
fn tenant_holidays_count_when_a_tenant_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("cal.db").display());
    assert!(pantau(&["demo", "--without-history", "--database-url", &url]).status.success());
    // The demo Pemda adds 26 Nov 2026 as a regional holiday: Wed 25 Nov + 1 is then Fri 27 Nov.
    check(&["calendar", "add-workdays", "2026-11-25", "1"], "2026-11-26");
    check(
        &["calendar", "add-workdays", "2026-11-25", "1", "--tenant", "demo-tangsel", "--database-url", &url],
        "2026-11-27",
    );
    let output =
        pantau(&["calendar", "workdays", "2026-11-01", "2026-11-30", "--tenant", "nope", "--database-url", &url]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("no such tenant"), "{}", stderr(&output));
}
