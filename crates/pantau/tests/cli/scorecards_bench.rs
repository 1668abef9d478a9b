//! `pantau bench scorecards` at a small size: every generated complaint is read back by the rebuild and both pages
//! are measured (the targets are the release build's; a debug test checks the figures, not the times).

use super::{pantau, stderr, stdout};

#[test]
fn the_scorecard_benchmark_reads_back_what_it_wrote() {
    let args = ["bench", "scorecards", "--complaints", "3000", "--responses", "2000", "--units", "6", "--months", "6"];
    let output = pantau(&[&args[..], &["--samples", "5"]].concat());
    let out = stdout(&output);
    assert!(out.contains("3000 items"), "{out}\n{}", stderr(&output));
    assert!(out.contains("survey responses written"), "{out}");
    assert!(
        out.contains("leader's desk") && out.contains("unit scorecard page") && out.contains("peak memory"),
        "{out}"
    );
}
