//! A unit's figures for a period from the sums of its facts: the sums within the period (up to the day the figures
//! are taken) and the sums of everything up to that day, for what is still open.

use std::collections::BTreeMap;

use super::facts::{DAYS_CAP, Measure};

/// Sums per measure.
pub type Sums = BTreeMap<Measure, i64>;

/// The figures of complaints, or of letters, of one unit in one period.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ItemFigures {
    /// Received in the period.
    pub received: i64,
    /// Closed in the period.
    pub closed: i64,
    /// First-answer deadlines that fell in the period and have passed.
    pub due: i64,
    /// Of those, answered or closed by the deadline.
    pub on_time: i64,
    /// `on_time / due`; `None` when nothing was due.
    pub on_time_rate: Option<f64>,
    /// Items past their first-answer deadline without an answer on the day the figures are taken (whenever received).
    pub overdue_open: i64,
    /// Median working days from distribution to first answer, of first answers in the period.
    pub median_answer_days: Option<f64>,
    /// Median working days from receipt to closing, of closings in the period.
    pub median_close_days: Option<f64>,
    /// Reopenings by reporters in the period.
    pub reopened: i64,
    /// Closings contested in the period.
    pub contested: i64,
    /// Mean rating (1–5) of items closed in the period; `None` when none was rated.
    pub mean_rating: Option<f64>,
    /// How many ratings the mean is of.
    pub rated: i64,
}

impl ItemFigures {
    /// The figures from the sums within the period and the sums of everything up to its last day counted.
    pub fn from_sums(period: &Sums, through: &Sums) -> ItemFigures {
        let get = |sums: &Sums, measure| sums.get(&measure).copied().unwrap_or(0);
        let due = get(period, Measure::Due);
        let on_time = get(period, Measure::OnTime);
        let rated = get(period, Measure::Rated);
        ItemFigures {
            received: get(period, Measure::Received),
            closed: get(period, Measure::Closed),
            due,
            on_time,
            on_time_rate: ratio(on_time, due),
            overdue_open: (get(through, Measure::Due) - get(through, Measure::OnTime) - get(through, Measure::Late))
                .max(0),
            median_answer_days: median(&histogram(period, |it| match it {
                Measure::AnswerDays(n) => Some(n),
                _ => None,
            })),
            median_close_days: median(&histogram(period, |it| match it {
                Measure::CloseDays(n) => Some(n),
                _ => None,
            })),
            reopened: get(period, Measure::Reopened),
            contested: get(period, Measure::Contested),
            mean_rating: ratio(get(period, Measure::RatingSum), rated),
            rated,
        }
    }
}

/// `part / whole`, or `None` when the whole is zero.
pub fn ratio(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

fn histogram(sums: &Sums, bucket: impl Fn(Measure) -> Option<u16>) -> BTreeMap<u16, i64> {
    let mut out = BTreeMap::new();
    for (measure, n) in sums {
        if let Some(days) = bucket(*measure)
            && *n > 0
        {
            *out.entry(days).or_default() += *n;
        }
    }
    out
}

/// The median of counted values: the middle one, or the mean of the two middle ones; `None` when empty.
pub fn median(counts: &BTreeMap<u16, i64>) -> Option<f64> {
    let total: i64 = counts.values().sum();
    if total <= 0 {
        return None;
    }
    // The values at 1-based positions (total+1)/2 and (total+2)/2 are the middle ones.
    let at = |position: i64| {
        let mut seen = 0;
        for (value, n) in counts {
            seen += n;
            if seen >= position {
                return f64::from(*value);
            }
        }
        f64::from(DAYS_CAP)
    };
    Some((at((total + 1) / 2) + at((total + 2) / 2)) / 2.0)
}

/// Ranks within groups, highest value first: for each entry its place and how many of its group have a value;
/// entries without a value are not ranked. Equal values share a place and the next place is skipped (1, 2, 2, 4).
pub fn ranks<G: Ord>(entries: &[(G, Option<f64>)]) -> Vec<Option<(u32, u32)>> {
    entries
        .iter()
        .map(|(group, value)| {
            let value = (*value)?;
            let peers = entries.iter().filter(|(g, v)| g == group && v.is_some());
            let (mut above, mut of) = (0, 0);
            for (_, other) in peers {
                of += 1;
                if other.is_some_and(|it| it > value + 1e-12) {
                    above += 1;
                }
            }
            Some((above + 1, of))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sums(pairs: &[(Measure, i64)]) -> Sums {
        pairs.iter().copied().collect()
    }

    #[test]
    fn on_time_rate_overdue_and_rating_from_hand_counted_sums() {
        // In November: 10 received, 8 deadlines passed of which 6 met; 2 late answers; 3 closings, two rated 4 and 5.
        let period = sums(&[
            (Measure::Received, 10),
            (Measure::Due, 8),
            (Measure::OnTime, 6),
            (Measure::Late, 2),
            (Measure::Closed, 3),
            (Measure::RatingSum, 9),
            (Measure::Rated, 2),
        ]);
        // Since the start: 30 deadlines passed, 24 met, 3 answered late: 3 still open past their deadline.
        let through = sums(&[(Measure::Due, 30), (Measure::OnTime, 24), (Measure::Late, 3)]);
        let figures = ItemFigures::from_sums(&period, &through);
        assert_eq!(figures.on_time_rate, Some(0.75));
        assert_eq!(figures.overdue_open, 3);
        assert_eq!(figures.mean_rating, Some(4.5));
        assert_eq!((figures.received, figures.closed, figures.due, figures.on_time), (10, 3, 8, 6));
    }

    #[test]
    fn nothing_due_is_no_rate_rather_than_a_perfect_one() {
        let figures = ItemFigures::from_sums(&sums(&[(Measure::Received, 4)]), &Sums::new());
        assert_eq!(figures.on_time_rate, None);
        assert_eq!(figures.mean_rating, None);
        assert_eq!(figures.median_answer_days, None);
    }

    #[test]
    fn ranks_share_places_within_their_group_only() {
        let entries = [
            ("dinas", Some(0.9)),
            ("dinas", Some(0.7)),
            ("kecamatan", Some(0.5)),
            ("dinas", Some(0.9)),
            ("dinas", None),
        ];
        assert_eq!(ranks(&entries), [Some((1, 3)), Some((3, 3)), Some((1, 1)), Some((1, 3)), None]);
    }

    #[test]
    fn medians_of_odd_and_even_counts() {
        // 1, 2, 2, 7 → (2 + 2) / 2; adding 9 → 2.
        let even = sums(&[(Measure::AnswerDays(1), 1), (Measure::AnswerDays(2), 2), (Measure::AnswerDays(7), 1)]);
        assert_eq!(ItemFigures::from_sums(&even, &Sums::new()).median_answer_days, Some(2.0));
        let mut odd = even.clone();
        odd.insert(Measure::AnswerDays(9), 1);
        assert_eq!(ItemFigures::from_sums(&odd, &Sums::new()).median_answer_days, Some(2.0));
        // 3 and 6 → 4.5.
        let two = sums(&[(Measure::CloseDays(3), 1), (Measure::CloseDays(6), 1)]);
        assert_eq!(ItemFigures::from_sums(&two, &Sums::new()).median_close_days, Some(4.5));
    }
}
