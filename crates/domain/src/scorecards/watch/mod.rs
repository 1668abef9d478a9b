//! The watch list's rules: when a unit goes on the leaders' list. The rules are a Pemda's data (a TOML file, the
//! shipped one in `data/watch_rules.toml`); this module reads and checks them and says which fire for a unit.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use jiff::civil::Date;
use serde::Deserialize;

use crate::calendar::Calendar;
use crate::complaints::deadline::workdays_overdue;
use crate::surveys::ikm::Category;

/// One rule as the file writes it.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct RawRule {
    code: String,
    kind: String,
    threshold: Option<f64>,
    min_items: Option<i64>,
    days: Option<i64>,
    count: Option<i64>,
    categories: Option<Vec<String>>,
    points: Option<f64>,
    source: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    rule: Vec<RawRule>,
}

/// What a rule tests.
#[derive(Clone, Debug, PartialEq)]
pub enum Test {
    /// On-time rate below `threshold` with at least `min_items` deadlines passed.
    OnTimeRateBelow {
        /// 0–1.
        threshold: f64,
        /// Fewer deadlines than this say nothing.
        min_items: i64,
    },
    /// At least `count` items open past their deadline by more than `days` working days.
    OverdueBeyond {
        /// Working days.
        days: u32,
        /// Items.
        count: i64,
    },
    /// The unit's IKM falls in one of these categories.
    IkmCategory(Vec<Category>),
    /// The converted IKM fell by at least this many points against the previous period.
    IkmDrop(f64),
    /// At least `count` negative articles in the last `days` calendar days.
    NegativeNews {
        /// Articles.
        count: i64,
        /// Calendar days.
        days: u32,
    },
    /// One of the unit's own indicators reaches less than `threshold` of its target.
    IndicatorBelow(f64),
}

/// One rule.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    /// Stable code, shown with the unit.
    pub code: String,
    /// What it tests.
    pub test: Test,
    /// Where the threshold comes from ("pilihan Pantau" or "pilihan Pemda" when no regulation sets it).
    pub source: String,
}

/// A rules file that cannot be used.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum WatchRulesError {
    /// Not TOML, or a field of the wrong type.
    #[error("watch rules: {0}")]
    Syntax(String),
    /// A rule's kind, setting or code is wrong.
    #[error("watch rules: rule {code:?}: {problem}")]
    Rule {
        /// The rule.
        code: String,
        /// What is wrong.
        problem: RuleProblem,
    },
}

/// What is wrong with one rule, as data: the web layer words it in the reader's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RuleProblem {
    /// The code is not 1–40 of a–z, 0–9 and `_`.
    #[error("the code is 1–40 of a–z, 0–9 and _")]
    Code,
    /// Two rules share a code.
    #[error("the code is used twice")]
    Duplicate,
    /// No source named.
    #[error("every rule names its source")]
    Source,
    /// An unknown kind.
    #[error(
        "kind is one of on_time_rate_below, overdue_beyond, ikm_category, ikm_drop, negative_news, indicator_below"
    )]
    Kind,
    /// The threshold is not a share.
    #[error("threshold is a share above 0 and at most 1 (0.80 for 80 %)")]
    Threshold,
    /// A count (`count` or `min_items`) out of 1–100000.
    #[error("{0} is a whole number from 1 to 100000")]
    Count(&'static str),
    /// Days out of 1–365.
    #[error("days is a whole number from 1 to 365")]
    Days,
    /// Categories not among A–D.
    #[error("categories lists one or more of A, B, C, D")]
    Categories,
    /// Points out of range.
    #[error("points is above 0 and at most 75")]
    Points,
}

impl RuleProblem {
    /// Stable code, for translations.
    pub fn code(self) -> &'static str {
        match self {
            RuleProblem::Code => "code",
            RuleProblem::Duplicate => "duplicate",
            RuleProblem::Source => "source",
            RuleProblem::Kind => "kind",
            RuleProblem::Threshold => "threshold",
            RuleProblem::Count(_) => "count",
            RuleProblem::Days => "days",
            RuleProblem::Categories => "categories",
            RuleProblem::Points => "points",
        }
    }
}

/// The rules of a Pemda.
#[derive(Clone, Debug, PartialEq)]
pub struct WatchRules {
    /// The rules in file order.
    pub rules: Vec<Rule>,
}

static SHIPPED: LazyLock<WatchRules> =
    LazyLock::new(|| WatchRules::parse(SHIPPED_TEXT).expect("the shipped watch rules are valid: tested"));

/// The shipped rules file.
pub const SHIPPED_TEXT: &str = include_str!("../../../data/watch_rules.toml");

/// The rules shipped with Pantau.
pub fn shipped() -> &'static WatchRules {
    &SHIPPED
}

impl WatchRules {
    /// Parses and checks a rules file.
    pub fn parse(text: &str) -> Result<WatchRules, WatchRulesError> {
        let file: File = toml::from_str(text).map_err(|err| WatchRulesError::Syntax(err.to_string()))?;
        let mut rules: Vec<Rule> = Vec::new();
        for raw in file.rule {
            let bad = |problem| WatchRulesError::Rule { code: raw.code.clone(), problem };
            let code_ok = !raw.code.is_empty()
                && raw.code.len() <= 40
                && raw.code.bytes().all(|it| it.is_ascii_lowercase() || it.is_ascii_digit() || it == b'_');
            if !code_ok {
                return Err(bad(RuleProblem::Code));
            }
            if rules.iter().any(|it| it.code == raw.code) {
                return Err(bad(RuleProblem::Duplicate));
            }
            if raw.source.trim().is_empty() {
                return Err(bad(RuleProblem::Source));
            }
            let test = test_of(&raw).map_err(bad)?;
            rules.push(Rule { code: raw.code.clone(), test, source: raw.source.clone() });
        }
        Ok(WatchRules { rules })
    }
}

fn test_of(raw: &RawRule) -> Result<Test, RuleProblem> {
    let need_count = |value: Option<i64>, name: &'static str| match value {
        Some(n) if (1..=100_000).contains(&n) => Ok(n),
        _ => Err(RuleProblem::Count(name)),
    };
    let need_days = |value: Option<i64>| match value {
        Some(n) if (1..=365).contains(&n) => Ok(u32::try_from(n).unwrap_or(1)),
        _ => Err(RuleProblem::Days),
    };
    match raw.kind.as_str() {
        "on_time_rate_below" => match raw.threshold {
            Some(threshold) if threshold > 0.0 && threshold <= 1.0 => {
                Ok(Test::OnTimeRateBelow { threshold, min_items: need_count(raw.min_items.or(Some(1)), "min_items")? })
            }
            _ => Err(RuleProblem::Threshold),
        },
        "overdue_beyond" => {
            Ok(Test::OverdueBeyond { days: need_days(raw.days)?, count: need_count(raw.count, "count")? })
        }
        "ikm_category" => {
            let letters = raw.categories.as_deref().unwrap_or_default();
            let categories: Option<Vec<Category>> = letters.iter().map(|it| category(it)).collect();
            match categories {
                Some(list) if !list.is_empty() => Ok(Test::IkmCategory(list)),
                _ => Err(RuleProblem::Categories),
            }
        }
        "ikm_drop" => match raw.points {
            Some(points) if points > 0.0 && points <= 75.0 => Ok(Test::IkmDrop(points)),
            _ => Err(RuleProblem::Points),
        },
        "negative_news" => {
            Ok(Test::NegativeNews { count: need_count(raw.count, "count")?, days: need_days(raw.days)? })
        }
        "indicator_below" => match raw.threshold {
            Some(threshold) if threshold > 0.0 && threshold <= 1.0 => Ok(Test::IndicatorBelow(threshold)),
            _ => Err(RuleProblem::Threshold),
        },
        _ => Err(RuleProblem::Kind),
    }
}

fn category(letter: &str) -> Option<Category> {
    [Category::A, Category::B, Category::C, Category::D].into_iter().find(|it| it.letter() == letter.trim())
}

/// What the rules look at for one unit.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Signals {
    /// Deadlines passed in the period, and how many of them were met.
    pub due: i64,
    /// Met by the deadline.
    pub on_time: i64,
    /// Per number of working days a rule asks about, the open items past their deadline by more than that.
    pub overdue_beyond: BTreeMap<u32, i64>,
    /// The converted IKM of the period (hundredths: 8333 = 83.33) and of the period before.
    pub ikm: Option<u32>,
    /// The previous period's converted IKM, in hundredths.
    pub previous_ikm: Option<u32>,
    /// Per number of calendar days a rule asks about, the negative articles of the last that many days.
    pub negative_news_within: BTreeMap<u32, i64>,
    /// The achievement (1.0 = 100 %) of each of the unit's own indicators that has one for the period.
    pub indicators: Vec<f64>,
}

/// A rule that fired, with the figure that made it fire.
#[derive(Clone, Debug, PartialEq)]
pub struct Firing {
    /// The rule's code.
    pub code: String,
    /// The figure measured (a share, a count, an IKM or a drop in points).
    pub value: f64,
}

impl WatchRules {
    /// The working-day spans the overdue rules ask about.
    pub fn overdue_spans(&self) -> Vec<u32> {
        let mut out: Vec<u32> = self
            .rules
            .iter()
            .filter_map(|it| match it.test {
                Test::OverdueBeyond { days, .. } => Some(days),
                _ => None,
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The calendar-day windows the news rules ask about.
    pub fn news_windows(&self) -> Vec<u32> {
        let mut out: Vec<u32> = self
            .rules
            .iter()
            .filter_map(|it| match it.test {
                Test::NegativeNews { days, .. } => Some(days),
                _ => None,
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The rules that fire for a unit, in file order.
    pub fn check(&self, signals: &Signals) -> Vec<Firing> {
        self.rules
            .iter()
            .filter_map(|rule| fire(rule, signals).map(|value| Firing { code: rule.code.clone(), value }))
            .collect()
    }
}

/// The latest deadline day of an item that, still unanswered at the end of `today`, is late by more than `days`
/// working days, counted as the escalation job counts them (`complaints::deadline::workdays_overdue`).
pub fn overdue_cutoff(calendar: &Calendar, today: Date, days: u32) -> Date {
    let mut day = today;
    // Three years back is further than any span a rule may name (365 working days).
    for _ in 0..1100 {
        if workdays_overdue(calendar, day, today) > days {
            return day;
        }
        day = day.yesterday().unwrap_or(day);
    }
    day
}

fn fire(rule: &Rule, s: &Signals) -> Option<f64> {
    match &rule.test {
        Test::OnTimeRateBelow { threshold, min_items } => {
            let rate = super::figures::ratio(s.on_time, s.due)?;
            (s.due >= *min_items && rate < *threshold).then_some(rate)
        }
        Test::OverdueBeyond { days, count } => {
            let n = s.overdue_beyond.get(days).copied().unwrap_or(0);
            (n >= *count).then_some(n as f64)
        }
        Test::IkmCategory(categories) => {
            let ikm = s.ikm?;
            categories.contains(&Category::of(ikm)).then_some(f64::from(ikm) / 100.0)
        }
        Test::IkmDrop(points) => {
            let drop = (f64::from(s.previous_ikm?) - f64::from(s.ikm?)) / 100.0;
            (drop >= *points - 1e-9).then_some(drop)
        }
        Test::NegativeNews { count, days } => {
            let n = s.negative_news_within.get(days).copied().unwrap_or(0);
            (n >= *count).then_some(n as f64)
        }
        Test::IndicatorBelow(threshold) => {
            let lowest =
                s.indicators.iter().copied().fold(None, |low: Option<f64>, it| Some(low.map_or(it, |l| l.min(it))))?;
            (lowest < *threshold).then_some(lowest)
        }
    }
}

#[cfg(test)]
mod tests;
