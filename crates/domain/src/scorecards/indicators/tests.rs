//! Achievement and period standings worked by hand, and figures typed the Indonesian and the English way.

use jiff::civil::date;

use super::*;

fn month(m: i8, target: Option<f64>, actual: Option<f64>) -> Month {
    Month { month: (2026, m), target, actual }
}

#[test]
fn achievement_for_both_polarities() {
    assert_eq!(achievement(Polarity::Higher, 200.0, 150.0), Some(0.75));
    // Licence in 6 days against a target of 5: (10 − 6) / 5 = 80 %.
    assert_eq!(achievement(Polarity::Lower, 5.0, 6.0), Some(0.8));
    assert_eq!(achievement(Polarity::Lower, 5.0, 4.0), Some(1.2));
    assert_eq!(achievement(Polarity::Lower, 5.0, 12.0), Some(0.0));
    assert_eq!(achievement(Polarity::Higher, 0.0, 3.0), None);
}

#[test]
fn a_quarter_sums_the_months_entered_and_counts_the_missing() {
    let period = ScorePeriod::parse("2026-T4").expect("period");
    // October and November entered; December has a target and the figures stand in December.
    let months =
        [month(10, Some(1_000.0), Some(700.0)), month(11, Some(1_000.0), Some(900.0)), month(12, Some(1_200.0), None)];
    let got = standing(Polarity::Higher, Aggregation::Sum, period, date(2026, 12, 7), &months);
    assert_eq!(got.target, Some(2_000.0));
    assert_eq!(got.actual, Some(1_600.0));
    assert_eq!(got.achievement, Some(0.8));
    assert_eq!((got.missing, got.months), (1, 2));
    // On 30 November December has not begun: nothing is missing.
    let before = standing(Polarity::Higher, Aggregation::Sum, period, date(2026, 11, 30), &months);
    assert_eq!(before.missing, 0);
}

#[test]
fn mean_and_last_read_the_same_months_differently() {
    let period = ScorePeriod::parse("2026-T4").expect("period");
    let months = [month(10, Some(90.0), Some(80.0)), month(11, Some(90.0), Some(85.0))];
    let mean = standing(Polarity::Higher, Aggregation::Mean, period, date(2026, 12, 31), &months);
    assert_eq!((mean.target, mean.actual), (Some(90.0), Some(82.5)));
    let last = standing(Polarity::Higher, Aggregation::Last, period, date(2026, 12, 31), &months);
    assert_eq!((last.target, last.actual), (Some(90.0), Some(85.0)));
    let none = standing(Polarity::Higher, Aggregation::Sum, period, date(2026, 12, 31), &[]);
    assert_eq!(none, Standing::default());
}

#[test]
fn figures_typed_both_ways() {
    let cases = [
        ("1.250.000", Some(1_250_000.0)),
        ("1.250.000,5", Some(1_250_000.5)),
        ("1,250,000.5", Some(1_250_000.5)),
        ("87,5", Some(87.5)),
        ("87.5 %", Some(87.5)),
        ("1.250", Some(1_250.0)),
        ("0.750", Some(0.75)),
        ("12", Some(12.0)),
        ("-3", None),
        ("abc", None),
        ("", None),
        ("1e9", None),
    ];
    for (text, want) in cases {
        assert_eq!(parse_figure(text), want, "{text}");
    }
}

#[test]
fn definitions_are_checked() {
    assert_eq!(check_definition("pkb", "Penerimaan PKB", "rupiah"), []);
    assert_eq!(check_definition("PKB", "x", "rupiah"), [DefinitionProblem::Code]);
    assert_eq!(check_definition("pkb", "", "rupiah"), [DefinitionProblem::Name]);
    let all = [DefinitionProblem::Code, DefinitionProblem::Name, DefinitionProblem::MeasureUnit];
    assert_eq!(check_definition("a b", "", ""), all);
}
