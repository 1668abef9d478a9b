//! `pantau rules`: the absence table and the effective date as other tools read them.

use super::{pantau, stdout};

#[test]
fn absence_prints_the_level_and_sanction_of_the_table() {
    let json = |args: &[&str]| -> serde_json::Value {
        let output = pantau(args);
        assert!(output.status.success(), "{}", super::stderr(&output));
        serde_json::from_str(stdout(&output).trim()).expect("JSON")
    };
    let light = json(&["rules", "absence", "--days", "5"]);
    assert_eq!((light["level"].as_str(), light["sanction"].as_str()), (Some("ringan"), Some("teguran_tertulis")));
    let medium = json(&["rules", "absence", "--days", "15"]);
    assert_eq!(medium["sanction"], "potong_tukin_9");
    let run = json(&["rules", "absence", "--days", "10", "--longest-run", "10"]);
    assert_eq!((run["level"].as_str(), run["sanction"].as_str()), (Some("berat"), Some("pdhtaps")));
    let none = json(&["rules", "absence", "--days", "2"]);
    assert!(none["level"].is_null());
}

#[test]
fn effective_date_counts_fifteen_working_days_after_receipt() {
    let output = pantau(&["rules", "effective-date", "2026-07-14"]);
    assert!(output.status.success());
    assert_eq!(stdout(&output).trim(), "2026-08-04");
    let bad = pantau(&["rules", "effective-date", "14/07/2026"]);
    assert_eq!(bad.status.code(), Some(2));
}
