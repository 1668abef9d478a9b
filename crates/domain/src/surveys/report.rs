//! The figures of a survey report, from answer counts: the tally, the index, the weakest elements and the sample
//! check. Several surveys (the services of a unit) are reported together by adding their counts first, so a unit's
//! index weighs every respondent equally, as one survey of the whole unit would.

use super::ikm::{Ikm, Tally};
use super::sample::min_sample;

/// Answer counts: per element, how many answered 1, 2, 3 and 4.
pub type Counts = [[u64; 4]; 9];

/// How many elements a report names as the weakest.
pub const WEAKEST: usize = 3;

/// The tally of some counts.
pub fn tally_of(counts: &Counts) -> Tally {
    let mut tally = Tally::default();
    for (n, values) in counts.iter().enumerate() {
        tally.count[n] = values.iter().sum();
        tally.sum[n] = values.iter().zip(1u64..).map(|(count, value)| count * value).sum();
    }
    tally
}

/// Adds counts together.
pub fn add(into: &mut Counts, more: &Counts) {
    for (row, other) in into.iter_mut().zip(more) {
        for (slot, n) in row.iter_mut().zip(other) {
            *slot += n;
        }
    }
}

/// Whether the respondents reach the Krejcie–Morgan minimum of the declared population.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SampleCheck {
    /// The declared population.
    pub population: u64,
    /// Its minimum sample.
    pub minimum: u64,
    /// Whether the respondents reach it.
    pub reached: bool,
}

/// A report's figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// Respondents counted.
    pub respondents: u64,
    /// The tally.
    pub tally: Tally,
    /// The index, when any applicable element is answered.
    pub ikm: Option<Ikm>,
    /// Element positions (0-based) below the index: the [`WEAKEST`] lowest, lowest first, and any tied with the last.
    pub weakest: Vec<usize>,
    /// The sample check, when a population is declared.
    pub sample: Option<SampleCheck>,
}

/// The figures of some counts.
pub fn summarize(counts: &Counts, respondents: u64, applicable: &[bool; 9], population: Option<u64>) -> Summary {
    let tally = tally_of(counts);
    let ikm = tally.ikm(applicable);
    // Only elements below the mean are weak: when all score alike, none is singled out.
    let mean = ikm.map_or(0.0, |it| it.ikm);
    let mut ranked: Vec<(usize, f64)> = ikm
        .iter()
        .flat_map(|it| it.nrr.iter().enumerate().filter_map(|(n, nrr)| nrr.map(|v| (n, v))))
        .filter(|(_, nrr)| *nrr < mean - 1e-12)
        .collect();
    // A stable sort keeps questionnaire order among equal NRRs.
    ranked.sort_by(|a, b| a.1.total_cmp(&b.1));
    // Elements tied with the last of the three are weak alike; naming only those earlier in the questionnaire would
    // hide the others.
    let cut = ranked.get(WEAKEST - 1).map(|it| it.1);
    let weakest = ranked
        .iter()
        .enumerate()
        .take_while(|(at, (_, nrr))| *at < WEAKEST || cut.is_some_and(|cut| (nrr - cut).abs() < 1e-12))
        .map(|(_, (n, _))| *n)
        .collect();
    let sample = population.map(|population| {
        let minimum = min_sample(population);
        SampleCheck { population, minimum, reached: respondents >= minimum }
    });
    Summary { respondents, tally, ikm, weakest, sample }
}

#[cfg(test)]
mod tests {
    use super::{Counts, add, summarize, tally_of};
    use crate::surveys::Category;

    #[test]
    fn counts_become_the_tally_of_the_answers() {
        let mut counts: Counts = [[0; 4]; 9];
        counts[0] = [1, 0, 2, 1]; // answers 1, 3, 3, 4
        let tally = tally_of(&counts);
        assert_eq!((tally.sum[0], tally.count[0]), (11, 4));
    }

    #[test]
    fn a_hand_computed_unit_of_two_services() {
        // Service A: 2 respondents answering 4 everywhere; service B: 2 respondents answering 3, but u9 = 2 for
        // both. Together: NRR u1..u8 = 3.5, u9 = 3.0; IKM = (8 × 3.5 + 3.0) / 9 = 31/9 = 3.4444…; × 25 = 86.11 → B.
        let a: Counts = [[0, 0, 0, 2]; 9];
        let mut b: Counts = [[0, 0, 2, 0]; 9];
        b[8] = [0, 2, 0, 0];
        let mut unit = a;
        add(&mut unit, &b);
        let summary = summarize(&unit, 4, &[true; 9], Some(30));
        let ikm = summary.ikm.expect("answered");
        assert_eq!(ikm.display(), "86.11");
        assert_eq!(ikm.category, Category::B);
        // Only u9 lies below the mean; u1–u8 (3.5) are above it.
        assert_eq!(summary.weakest, [8]);
        let sample = summary.sample.expect("declared");
        assert_eq!((sample.minimum, sample.reached), (28, false));
    }

    #[test]
    fn the_three_lowest_below_the_mean_and_their_ties_are_weakest() {
        let mut counts: Counts = [[0, 0, 0, 1]; 9];
        for n in [2, 5, 6, 7] {
            counts[n] = [0, 0, 1, 0];
        }
        counts[4] = [0, 1, 0, 0];
        let summary = summarize(&counts, 1, &[true; 9], None);
        assert_eq!(summary.weakest, [4, 2, 5, 6, 7]);
        let even = summarize(&[[0, 0, 1, 0]; 9], 1, &[true; 9], None);
        assert!(even.weakest.is_empty(), "nothing is singled out when all score alike");
    }

    #[test]
    fn not_applicable_elements_are_not_weakest() {
        let mut counts: Counts = [[0, 0, 0, 1]; 9];
        counts[4] = [1, 0, 0, 0];
        let mut applicable = [true; 9];
        applicable[4] = false;
        let summary = summarize(&counts, 1, &applicable, None);
        assert!(!summary.weakest.contains(&4));
        assert_eq!(summary.ikm.expect("answered").display(), "100.00");
    }
}
