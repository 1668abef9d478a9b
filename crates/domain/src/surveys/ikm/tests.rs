//! The index against hand calculations, the category boundaries of the regulation's table, the weight trap
//! (0.11 instead of 1/9), not-applicable elements, and two properties: the result stays in 25–100 and never falls
//! when any answer rises.

use proptest::prelude::*;

use super::{Answers, Category, Tally};

const ALL: [bool; 9] = [true; 9];

fn tally(rows: &[[u8; 9]]) -> Tally {
    let mut tally = Tally::default();
    for row in rows {
        let answers: Answers = row.map(Some);
        tally.add(&answers).expect("answers 1-4");
    }
    tally
}

#[test]
fn three_respondents_computed_by_hand() {
    // Sums per element: 11 10 8 12 10 10 12 9 8 = 90 over 3 respondents, so ΣNRR = 30 and IKM = 30/9 = 3.3333…,
    // converted 83.3333… → 83.33, category B.
    let result = tally(&[[4, 3, 3, 4, 3, 3, 4, 3, 3], [3, 3, 2, 4, 3, 4, 4, 3, 3], [4, 4, 3, 4, 4, 3, 4, 3, 2]])
        .ikm(&ALL)
        .expect("answered");
    assert_eq!(result.nrr[0].map(|it| (it * 1e4).round()), Some(36_667.0));
    assert_eq!(result.nrr[3], Some(4.0));
    assert!((result.ikm - 10.0 / 3.0).abs() < 1e-12);
    assert_eq!((result.hundredths, result.display(), result.category), (8333, "83.33".to_owned(), Category::B));
    // The common mistake: weight 0.11 gives 30 × 0.11 × 25 = 82.50, almost a point lower.
    assert!((30.0_f64 * 0.11 * 25.0 - 82.5).abs() < 1e-9);
}

#[test]
fn categories_follow_the_table_after_rounding() {
    for (hundredths, category) in [
        (2500, Category::D),
        (6499, Category::D),
        (6500, Category::C),
        (7660, Category::C),
        (7661, Category::B),
        (8830, Category::B),
        (8831, Category::A),
        (10_000, Category::A),
    ] {
        assert_eq!(Category::of(hundredths), category, "{hundredths}");
    }
}

/// One applicable element with this sum and count: converted = 25 × sum / count.
fn single(sum: u64, count: u64) -> super::Ikm {
    let mut applicable = [false; 9];
    applicable[0] = true;
    let mut totals = Tally::default();
    totals.sum[0] = sum;
    totals.count[0] = count;
    totals.ikm(&applicable).expect("answered")
}

#[test]
fn a_value_exactly_halfway_rounds_up_into_the_higher_category() {
    // 25 × 15 321 / 5 000 = 76.605 exactly: rounds to 76.61, category B; 76.6049 stays C.
    let tie = single(15_321, 5_000);
    assert_eq!((tie.hundredths, tie.category), (7661, Category::B));
    let below = single(1_532_098, 500_000);
    assert_eq!((below.hundredths, below.category), (7660, Category::C));
    // 25 × 2.6 = 65.00 exactly: C; 25 × 12 999 / 5 000 = 64.995 → 65.00, also C.
    assert_eq!(single(13, 5).category, Category::C);
    assert_eq!(single(12_999, 5_000).hundredths, 6500);
}

#[test]
fn not_applicable_and_unanswered_elements_leave_the_mean() {
    let mut rows = tally(&[[4, 4, 4, 1, 4, 4, 4, 4, 4], [4, 4, 4, 1, 4, 4, 4, 4, 4]]);
    // Tariff marked not applicable (a free service): the mean is over eight elements, all 4.
    let mut applicable = ALL;
    applicable[3] = false;
    let result = rows.ikm(&applicable).expect("answered");
    assert_eq!((result.elements_used, result.hundredths, result.nrr[3]), (8, 10_000, None));
    // An element nobody answered is left out as well.
    rows.sum[8] = 0;
    rows.count[8] = 0;
    assert_eq!(rows.ikm(&applicable).expect("answered").elements_used, 7);
    assert!(Tally::default().ikm(&ALL).is_none());
}

#[test]
fn answers_outside_one_to_four_are_refused_and_nothing_is_counted() {
    let mut totals = Tally::default();
    let mut answers: Answers = [Some(3); 9];
    answers[6] = Some(5);
    assert_eq!(totals.add(&answers).map_err(|it| it.element), Err(7));
    assert_eq!(totals, Tally::default());
}

fn answers() -> impl Strategy<Value = Vec<[u8; 9]>> {
    prop::collection::vec(prop::array::uniform9(1u8..=4), 1..40)
}

proptest! {
    #[test]
    fn the_converted_index_stays_between_25_and_100(rows in answers()) {
        let result = tally(&rows).ikm(&ALL).expect("answered");
        prop_assert!((2500..=10_000).contains(&result.hundredths));
        prop_assert!((1.0..=4.0).contains(&result.ikm));
    }

    #[test]
    fn raising_any_answer_never_lowers_the_index(rows in answers(), row in 0usize..40, element in 0usize..9) {
        let before = tally(&rows).ikm(&ALL).expect("answered");
        let mut raised = rows.clone();
        let row = row % raised.len();
        raised[row][element] = (raised[row][element] + 1).min(4);
        let after = tally(&raised).ikm(&ALL).expect("answered");
        prop_assert!(after.hundredths >= before.hundredths);
        prop_assert!(after.ikm >= before.ikm - 1e-12);
    }

    #[test]
    fn exact_rounding_agrees_with_floating_point_away_from_ties(rows in answers()) {
        let result = tally(&rows).ikm(&ALL).expect("answered");
        let float = (result.converted * 100.0).round() as i64;
        prop_assert!((i64::from(result.hundredths) - float).abs() <= 1);
    }
}
