//! The period, day and scope a scorecard page is asked for, with the defaults a leader expects: this month, as of
//! today, each unit alone.

use domain::scorecards::period::ScorePeriod;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::rows::Scope;

/// `?periode=2026-11&per=2026-12-07&cakupan=unit|tree`.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct CardQuery {
    /// Period code; this month when empty.
    #[serde(default)]
    pub periode: String,
    /// The day the figures stand at the end of; today when empty.
    #[serde(default)]
    pub per: String,
    /// `unit` or `tree`.
    #[serde(default)]
    pub cakupan: String,
}

/// What was asked, checked.
pub struct Asked {
    /// The period.
    pub period: ScorePeriod,
    /// The day.
    pub as_of: Date,
    /// The scope.
    pub scope: Scope,
    /// Whether something given was not understood and a default took its place.
    pub corrected: bool,
}

impl CardQuery {
    /// The period, day and scope; what cannot be read falls back to the default and is flagged.
    pub fn asked(&self, today: Date, default: fn(Date) -> ScorePeriod) -> Asked {
        let period = ScorePeriod::parse(&self.periode);
        let as_of = self.per.trim().parse::<Date>().ok().filter(|it| *it <= today);
        let corrected =
            (!self.periode.trim().is_empty() && period.is_none()) || (!self.per.trim().is_empty() && as_of.is_none());
        Asked {
            period: period.unwrap_or_else(|| default(today)),
            as_of: as_of.unwrap_or(today),
            scope: if self.cakupan == "tree" { Scope::Tree } else { Scope::Unit },
            corrected,
        }
    }

    /// The query string that asks for the same again.
    pub fn of(asked: &Asked) -> String {
        let scope = if asked.scope == Scope::Tree { "tree" } else { "unit" };
        format!("periode={}&per={}&cakupan={scope}", asked.period.code(), asked.as_of)
    }
}

/// The periods a picker offers around a day: the last twelve months, the quarters and halves of this year and the
/// last, and the two years, newest first.
pub fn choices(today: Date) -> Vec<ScorePeriod> {
    let month = ScorePeriod::month_of(today);
    let mut out = month.trail(12);
    out.reverse();
    for code in ["T", "S"] {
        for year in [today.year(), today.year() - 1] {
            let n = if code == "T" { 4 } else { 2 };
            for index in (1..=n).rev() {
                if let Some(period) = ScorePeriod::parse(&format!("{year}-{code}{index}"))
                    && period.first_day() <= today
                {
                    out.push(period);
                }
            }
        }
    }
    out.extend([today.year(), today.year() - 1].iter().filter_map(|y| ScorePeriod::parse(&y.to_string())));
    out
}
