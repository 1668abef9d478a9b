//! A unit's own performance indicators (indikator kinerja unit): what the unit head defines (a name, the unit of
//! measure, whether higher or lower is better, how months add up to a longer period) and the monthly target and
//! realisation entered or imported. This module holds the arithmetic: a period's target and realisation from its
//! months, and the achievement (capaian) the watch list compares with its threshold.
// Source: achievement = realisation / target for an indicator where higher is better and (2 × target − realisation)
// / target where lower is better, the two formulas performance reports (LAKIP/SAKIP) of Pemda commonly use; the
// choice of formula and the month-by-month reading are Pantau's (issue 17), not a regulation's.

use jiff::civil::Date;

use super::period::ScorePeriod;

/// Whether a higher or a lower realisation is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Polarity {
    /// Higher is better (tax collected, documents issued).
    Higher,
    /// Lower is better (days to issue a licence, queue minutes).
    Lower,
}

/// How the months of a longer period add up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Aggregation {
    /// Summed (rupiah collected, documents issued).
    Sum,
    /// Averaged (a percentage, a waiting time).
    Mean,
    /// The latest month's (a stock: licences in force at the month's end).
    Last,
}

impl Polarity {
    /// Stable code, stored and used in files.
    pub fn code(self) -> &'static str {
        match self {
            Polarity::Higher => "naik",
            Polarity::Lower => "turun",
        }
    }

    /// From its code.
    pub fn parse(code: &str) -> Option<Polarity> {
        [Polarity::Higher, Polarity::Lower].into_iter().find(|it| it.code() == code.trim())
    }
}

impl Aggregation {
    /// Stable code, stored and used in files.
    pub fn code(self) -> &'static str {
        match self {
            Aggregation::Sum => "jumlah",
            Aggregation::Mean => "rata_rata",
            Aggregation::Last => "terakhir",
        }
    }

    /// From its code.
    pub fn parse(code: &str) -> Option<Aggregation> {
        [Aggregation::Sum, Aggregation::Mean, Aggregation::Last].into_iter().find(|it| it.code() == code.trim())
    }
}

/// One month of an indicator.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Month {
    /// Year and month (1–12).
    pub month: (i16, i8),
    /// The target set for the month.
    pub target: Option<f64>,
    /// The realisation entered for the month.
    pub actual: Option<f64>,
}

/// An indicator's standing for a period.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Standing {
    /// The target of the months that have both a target and a realisation, added up by the indicator's rule.
    pub target: Option<f64>,
    /// Their realisation, added up the same way.
    pub actual: Option<f64>,
    /// Achievement (1.0 = 100 %); `None` without a comparable month or with a target of zero.
    pub achievement: Option<f64>,
    /// Months of the period (up to the day the figures stand at) that have a target and no realisation yet.
    pub missing: u32,
    /// Months compared.
    pub months: u32,
}

/// The achievement of a realisation against its target; `None` when the target is not above zero.
pub fn achievement(polarity: Polarity, target: f64, actual: f64) -> Option<f64> {
    if target.is_nan() || actual.is_nan() || target <= 0.0 {
        return None;
    }
    Some(match polarity {
        Polarity::Higher => actual / target,
        // Twice the target or worse is no achievement at all; it does not go below zero.
        Polarity::Lower => ((2.0 * target - actual) / target).max(0.0),
    })
}

/// An indicator's standing for a period as it stood at the end of `as_of`: only the months that have begun count,
/// and of those only the ones with both a target and a realisation are compared, so that a month not entered yet
/// shows as missing instead of as a shortfall.
pub fn standing(
    polarity: Polarity,
    aggregation: Aggregation,
    period: ScorePeriod,
    as_of: Date,
    months: &[Month],
) -> Standing {
    let begun = |(year, month): (i16, i8)| (year, month) <= (as_of.year(), as_of.month());
    let mut compared: Vec<(f64, f64)> = Vec::new();
    let mut missing = 0;
    for month in period.months() {
        if !begun(month) {
            continue;
        }
        let found = months.iter().find(|it| it.month == month);
        match found.map(|it| (it.target, it.actual)) {
            Some((Some(target), Some(actual))) => compared.push((target, actual)),
            Some((Some(_), None)) => missing += 1,
            _ => {}
        }
    }
    let months = u32::try_from(compared.len()).unwrap_or(u32::MAX);
    if compared.is_empty() {
        return Standing { missing, ..Standing::default() };
    }
    let (target, actual) = match aggregation {
        Aggregation::Sum => (compared.iter().map(|it| it.0).sum(), compared.iter().map(|it| it.1).sum()),
        Aggregation::Mean => {
            let n = compared.len() as f64;
            (compared.iter().map(|it| it.0).sum::<f64>() / n, compared.iter().map(|it| it.1).sum::<f64>() / n)
        }
        Aggregation::Last => compared[compared.len() - 1],
    };
    Standing {
        target: Some(target),
        actual: Some(actual),
        achievement: achievement(polarity, target, actual),
        missing,
        months,
    }
}

/// What is wrong with an indicator's definition, as data: the web layer words it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DefinitionProblem {
    /// The code is not 1–20 of a–z, 0–9, `_` and `-`.
    #[error("the code is 1–20 of a–z, 0–9, _ and -")]
    Code,
    /// The name is empty or longer than 200 characters.
    #[error("the name has 1–200 characters")]
    Name,
    /// The unit of measure is empty or longer than 30 characters.
    #[error("the unit of measure has 1–30 characters")]
    MeasureUnit,
}

/// Every problem of an indicator's code, name and unit of measure (trimmed by the caller); empty when fine.
pub fn check_definition(code: &str, name: &str, measure_unit: &str) -> Vec<DefinitionProblem> {
    let mut out = Vec::new();
    let code_ok = !code.is_empty()
        && code.len() <= 20
        && code.bytes().all(|it| it.is_ascii_lowercase() || it.is_ascii_digit() || it == b'_' || it == b'-');
    if !code_ok {
        out.push(DefinitionProblem::Code);
    }
    if name.is_empty() || name.chars().count() > 200 {
        out.push(DefinitionProblem::Name);
    }
    if measure_unit.is_empty() || measure_unit.chars().count() > 30 {
        out.push(DefinitionProblem::MeasureUnit);
    }
    out
}

/// Reads a figure as an Indonesian or English writer types it: `1.250.000`, `1.250.000,5`, `1250000.5`, `87,5`,
/// `87.5 %`. `None` for anything else, for a negative figure and for one beyond a thousand trillion.
pub fn parse_figure(text: &str) -> Option<f64> {
    let cleaned: String = text.trim().trim_end_matches('%').trim().chars().filter(|it| *it != ' ').collect();
    if cleaned.is_empty() || !cleaned.bytes().all(|it| it.is_ascii_digit() || it == b'.' || it == b',') {
        return None;
    }
    let dots = cleaned.matches('.').count();
    let commas = cleaned.matches(',').count();
    let normal = match (dots, commas) {
        (0, 0) => cleaned,
        // One comma: the Indonesian decimal comma; dots before it group thousands.
        (_, 1) if cleaned.rfind(',') > cleaned.rfind('.') => cleaned.replace('.', "").replace(',', "."),
        // Commas group thousands before one decimal point (English).
        (0 | 1, _) if commas > 0 => cleaned.replace(',', ""),
        // Several dots and no comma: thousands grouped the Indonesian way.
        (d, 0) if d > 1 => cleaned.replace('.', ""),
        // One dot and no comma: a decimal point unless it groups exactly three digits after a leading group.
        (1, 0) => {
            let (head, tail) = cleaned.split_once('.').unwrap_or((&cleaned, ""));
            if tail.len() == 3 && !head.is_empty() && head.len() <= 3 && head != "0" {
                format!("{head}{tail}")
            } else {
                cleaned.clone()
            }
        }
        _ => return None,
    };
    let value: f64 = normal.parse().ok()?;
    (value.is_finite() && (0.0..=1e15).contains(&value)).then_some(value)
}

#[cfg(test)]
mod tests;
