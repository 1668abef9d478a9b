//! The shipped watch-list rules, each firing on its own hand-made case, and broken rules files refused by name.

use super::*;

fn codes(firings: &[Firing]) -> Vec<&str> {
    firings.iter().map(|it| it.code.as_str()).collect()
}

#[test]
fn the_shipped_rules_parse_and_cite_their_source() {
    let rules = shipped();
    assert_eq!(rules.rules.len(), 6);
    assert!(rules.rules.iter().all(|it| !it.source.is_empty()));
}

#[test]
fn a_quiet_unit_fires_nothing() {
    let signals = Signals { due: 20, on_time: 19, ikm: Some(8500), previous_ikm: Some(8600), ..Signals::default() };
    assert!(shipped().check(&signals).is_empty());
}

#[test]
fn each_shipped_rule_fires_on_its_own_hand_made_case() {
    // 15 of 20 met: 75 % < 80 %.
    let late = Signals { due: 20, on_time: 15, ..Signals::default() };
    assert_eq!(codes(&shipped().check(&late)), ["tepat_waktu_rendah"]);
    assert_eq!(shipped().check(&late)[0].value, 0.75);
    // Three open items more than 10 working days past their deadline.
    let backlog = Signals { overdue_beyond: [(10, 3)].into(), ..Signals::default() };
    assert_eq!(codes(&shipped().check(&backlog)), ["tunggakan_lama"]);
    // 76.60 is C (PermenPANRB 14/2017); 76.61 is B.
    let weak = Signals { ikm: Some(7660), ..Signals::default() };
    assert_eq!(codes(&shipped().check(&weak)), ["ikm_kurang"]);
    assert!(shipped().check(&Signals { ikm: Some(7661), ..Signals::default() }).is_empty());
    // 88.00 → 83.00 is a drop of exactly 5 points.
    let drop = Signals { ikm: Some(8300), previous_ikm: Some(8800), ..Signals::default() };
    assert_eq!(codes(&shipped().check(&drop)), ["ikm_turun"]);
    // Two negative articles in the last 30 days.
    let news = Signals { negative_news_within: [(30, 2)].into(), ..Signals::default() };
    assert_eq!(codes(&shipped().check(&news)), ["berita_negatif"]);
    assert!(shipped().check(&Signals { negative_news_within: [(30, 1)].into(), ..Signals::default() }).is_empty());
    assert!(shipped().check(&Signals { overdue_beyond: [(10, 2)].into(), ..Signals::default() }).is_empty());
    // An own indicator at 79 % of its target fires; 80 % does not.
    let indicator = Signals { indicators: vec![1.1, 0.79], ..Signals::default() };
    assert_eq!(codes(&shipped().check(&indicator)), ["indikator_rendah"]);
    assert!(shipped().check(&Signals { indicators: vec![0.8], ..Signals::default() }).is_empty());
    assert_eq!(shipped().overdue_spans(), [10]);
    assert_eq!(shipped().news_windows(), [30]);
}

#[test]
fn too_few_deadlines_say_nothing_about_the_rate() {
    let signals = Signals { due: 4, on_time: 0, ..Signals::default() };
    assert!(shipped().check(&signals).is_empty());
}

#[test]
fn broken_files_are_refused_with_the_rule_named() {
    let cases = [
        ("[[rule]]\ncode = \"a\"\nkind = \"sunspots\"\nsource = \"ours\"\n", "kind"),
        ("[[rule]]\ncode = \"a\"\nkind = \"ikm_drop\"\npoints = -1.0\nsource = \"ours\"\n", "points"),
        ("[[rule]]\ncode = \"a\"\nkind = \"ikm_category\"\ncategories = [\"E\"]\nsource = \"ours\"\n", "categories"),
        ("[[rule]]\ncode = \"A B\"\nkind = \"ikm_drop\"\npoints = 1.0\nsource = \"ours\"\n", "code"),
        ("[[rule]]\ncode = \"a\"\nkind = \"ikm_drop\"\npoints = 1.0\nsource = \" \"\n", "source"),
        ("[[rule]]\ncode = \"a\"\nkind = \"on_time_rate_below\"\nthreshold = 80.0\nsource = \"ours\"\n", "threshold"),
        ("[[rule]]\ncode = \"a\"\nkind = \"overdue_beyond\"\ndays = 0\ncount = 1\nsource = \"ours\"\n", "days"),
    ];
    for (text, word) in cases {
        match WatchRules::parse(text) {
            Err(WatchRulesError::Rule { code, problem }) => {
                assert_eq!(problem.code(), word, "{problem}");
                assert!(!code.is_empty());
            }
            other => panic!("{text}: {other:?}"),
        }
    }
    let twice = "[[rule]]\ncode = \"a\"\nkind = \"ikm_drop\"\npoints = 1.0\nsource = \"ours\"\n";
    assert!(matches!(WatchRules::parse(&format!("{twice}{twice}")), Err(WatchRulesError::Rule { .. })));
    assert!(matches!(WatchRules::parse("rule = 3"), Err(WatchRulesError::Syntax(_))));
    assert!(matches!(
        WatchRules::parse("[[rule]]\ncode = \"a\"\nkind = \"ikm_drop\"\npoints = 1.0\nsource = \"x\"\nextra = 1\n"),
        Err(WatchRulesError::Syntax(_))
    ));
}

#[test]
fn the_overdue_cutoff_counts_working_days_as_the_escalation_job_does() {
    use jiff::civil::date;
    let calendar = crate::calendar::office_calendar();
    // On Wednesday 11 Feb 2026 an item due Thursday 5 Feb is 3 working days late, one due Wednesday 4 Feb is 4.
    assert_eq!(overdue_cutoff(&calendar, date(2026, 2, 11), 3), date(2026, 2, 4));
    assert_eq!(overdue_cutoff(&calendar, date(2026, 2, 11), 2), date(2026, 2, 5));
}
