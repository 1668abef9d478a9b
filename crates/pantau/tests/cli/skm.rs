//! `pantau skm compute`: the index of a CSV of answers as JSON, matching a hand calculation; a not-applicable
//! element leaves the mean; a file with bad rows is refused with every row named.

use crate::{pantau, stderr, stdout};

const ANSWERS: &str =
    "id,u1,u2,u3,u4,u5,u6,u7,u8,u9\nR1,4,3,3,4,3,3,4,3,3\nR2,3,3,2,4,3,4,4,3,3\nR3,4,4,3,4,4,3,4,3,2\n";

#[test]
fn the_index_matches_a_hand_calculation() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jawaban.csv");
    std::fs::write(&path, ANSWERS).unwrap();
    let output = pantau(&["skm", "compute", path.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let result: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    // Element sums 11 10 8 12 10 10 12 9 8 over 3 respondents: ΣNRR = 30, IKM = 30/9, converted 83.33, B.
    assert_eq!(result["respondents"], 3);
    assert_eq!(result["elements"][0]["nrr_display"], "3.67");
    assert_eq!(result["ikm_converted_display"], "83.33");
    assert_eq!((result["category"].as_str(), result["weight"].as_str()), (Some("B"), Some("1/9")));

    // Without the tariff element (all 4s): ΣNRR = 26 over 8 elements, converted 81.25.
    let output = pantau(&["skm", "compute", path.to_str().unwrap(), "--not-applicable", "u4"]);
    let result: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!((result["ikm_converted_display"].as_str(), result["weight"].as_str()), (Some("81.25"), Some("1/8")));
}

#[test]
fn bad_rows_are_listed_and_nothing_is_computed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("salah.csv");
    std::fs::write(&path, "R1,4,3,3,4,3,3,4,3,3\nR2,4,3,5,4,3,3,4,3,3\nR3,4,3\n").unwrap();
    let output = pantau(&["skm", "compute", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2), "{}", stdout(&output));
    assert!(stderr(&output).contains("line 2") && stderr(&output).contains("line 3"), "{}", stderr(&output));
    assert!(stdout(&output).is_empty());
}

#[test]
fn rebuild_recomputes_the_totals_of_the_demo_surveys() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("skm.db").display());
    let demo = pantau(&["demo", "--without-history", "--database-url", &url]);
    assert!(demo.status.success(), "{}", stderr(&demo));
    let output = pantau(&["skm", "rebuild", "--database-url", &url]);
    assert!(output.status.success(), "{}", stderr(&output));
    // The demo holds four services with four quarterly surveys each.
    assert!(stdout(&output).contains("totals of 16 surveys recomputed"), "{}", stdout(&output));
}
