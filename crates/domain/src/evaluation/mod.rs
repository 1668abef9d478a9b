//! The evaluations a unit is judged by. KemenPANRB's yearly PEKPPP scores a service unit's indicators on 0–5
//! ladders, weighs them inside six aspects and the aspects into the Indeks Pelayanan Publik (IPP), with categories A
//! to F. The instrument changes from year to year, so it is data (`data/pekppp/<year>.toml`), read and checked here;
//! [`Instrument::project`] gives the IPP a set of levels reaches, and `measured` the levels of the indicators Pantau
//! measures itself.
// Source: PermenPANRB 29/2022 jo. 4/2023 and Pedoman MenPANRB 5/2023, as summarised with their confidence in
// ../shared/reference/evaluation.md §1; every value carries its status in the data file.

pub mod measured;

use std::collections::BTreeMap;

use serde::Deserialize;

/// Face to face (A, luring) or electronic (B, daring) service: some indicators belong to one only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Variant {
    /// Luring.
    A,
    /// Daring.
    B,
}

impl Variant {
    /// `A` or `B`.
    pub fn code(self) -> &'static str {
        match self {
            Variant::A => "A",
            Variant::B => "B",
        }
    }

    /// From its code.
    pub fn parse(code: &str) -> Option<Variant> {
        [Variant::A, Variant::B].into_iter().find(|it| it.code() == code.trim())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    instrument: RawHeader,
    combine: RawCombine,
    category: Vec<RawCategory>,
    aspect: Vec<RawAspect>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHeader {
    year: i16,
    name: String,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCombine {
    evaluator: f64,
    users: f64,
    status: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCategory {
    code: String,
    above: f64,
    meaning: String,
}

/// The instrument's year, name and source.
#[derive(Clone, Debug, PartialEq)]
pub struct Header {
    /// Evaluation year.
    pub year: i16,
    /// Name as shown.
    pub name: String,
    /// Where it comes from.
    pub source: String,
}

/// How the evaluator's (F-02) and the users' (F-03) scores combine.
#[derive(Clone, Debug, PartialEq)]
pub struct Combine {
    /// Weight of the evaluator's score.
    pub evaluator: f64,
    /// Weight of the users' score.
    pub users: f64,
    /// OK, PART or UNCONF.
    pub status: String,
}

/// An IPP category: a value above `above` (and not above a higher category's bound) takes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Category {
    /// `A`, `A-`, … `F`.
    pub code: String,
    /// Lower bound, exclusive.
    pub above: f64,
    /// What it means ("Pelayanan Prima").
    pub meaning: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAspect {
    code: String,
    name: String,
    weight: f64,
    status: String,
    indicator: Vec<RawIndicator>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIndicator {
    code: String,
    name: String,
    weight: f64,
    status: String,
    #[serde(default)]
    variants: Vec<String>,
    measure: Option<String>,
    ladder: Vec<String>,
}

/// One indicator.
#[derive(Clone, Debug, PartialEq)]
pub struct Indicator {
    /// `1.a.Ak`.
    pub code: String,
    /// Name.
    pub name: String,
    /// Weight inside its aspect (0–1).
    pub weight: f64,
    /// OK, PART or UNCONF.
    pub status: String,
    /// The variants it belongs to.
    pub variants: Vec<Variant>,
    /// What Pantau measures for it, when it does.
    pub measure: Option<measured::Measure>,
    /// Level 0 to 5 in words.
    pub ladder: [String; 6],
}

/// One aspect.
#[derive(Clone, Debug, PartialEq)]
pub struct Aspect {
    /// `a` … `f`.
    pub code: String,
    /// Name.
    pub name: String,
    /// Weight in the IPP (0–1).
    pub weight: f64,
    /// OK, PART or UNCONF.
    pub status: String,
    /// Its indicators, both variants.
    pub indicators: Vec<Indicator>,
}

/// A year's instrument.
#[derive(Clone, Debug, PartialEq)]
pub struct Instrument {
    /// Year, name, source.
    pub header: Header,
    /// F-02 and F-03 weights.
    pub combine: Combine,
    /// Highest first.
    pub categories: Vec<Category>,
    /// The aspects in order.
    pub aspects: Vec<Aspect>,
}

/// An instrument file that cannot be used, as data: the web layer words it.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum InstrumentError {
    /// Not TOML, or a field of the wrong type.
    #[error("instrument: {0}")]
    Syntax(String),
    /// Something is wrong at `at` (an aspect or indicator code, or `combine`/`category`).
    #[error("instrument: {at}: {problem}")]
    At {
        /// Where.
        at: String,
        /// What.
        problem: &'static str,
    },
}

const STATUSES: [&str; 3] = ["OK", "PART", "UNCONF"];

fn near(a: f64, b: f64) -> bool {
    (a - b).abs() < 0.001
}

fn bad(at: &str, problem: &'static str) -> InstrumentError {
    InstrumentError::At { at: at.to_owned(), problem }
}

/// The shipped 2025 instrument.
pub const SHIPPED_2025: &str = include_str!("../../data/pekppp/2025.toml");

impl Instrument {
    /// Reads and checks an instrument file: weights add up to 1 overall and inside each aspect for each variant,
    /// every ladder has six levels, codes are unique, categories descend.
    pub fn parse(text: &str) -> Result<Instrument, InstrumentError> {
        let file: File = toml::from_str(text).map_err(|err| InstrumentError::Syntax(err.to_string()))?;
        let combine =
            Combine { evaluator: file.combine.evaluator, users: file.combine.users, status: file.combine.status };
        let categories: Vec<Category> = file
            .category
            .into_iter()
            .map(|it| Category { code: it.code, above: it.above, meaning: it.meaning })
            .collect();
        let header = Header { year: file.instrument.year, name: file.instrument.name, source: file.instrument.source };
        check_combine(&combine)?;
        check_categories(&categories)?;
        let mut aspects = Vec::new();
        let mut codes = Vec::new();
        for raw in file.aspect {
            let aspect = aspect_of(raw, &mut codes)?;
            aspects.push(aspect);
        }
        if !near(aspects.iter().map(|it| it.weight).sum(), 1.0) {
            return Err(bad("aspect", "aspect weights must add up to 1"));
        }
        Ok(Instrument { header, combine, categories, aspects })
    }

    /// Checks a Pemda's edited copy against the shipped instrument of its year: the year and every aspect and
    /// indicator code stay (a unit's stored answers name them); weights, ladders, categories and texts may change.
    pub fn check_copy_of(&self, shipped: &Instrument) -> Result<(), InstrumentError> {
        if self.header.year != shipped.header.year {
            return Err(bad("instrument", "the year must stay that of the shipped instrument"));
        }
        let codes = |it: &Instrument| -> Vec<(String, Vec<String>)> {
            it.aspects
                .iter()
                .map(|aspect| (aspect.code.clone(), aspect.indicators.iter().map(|i| i.code.clone()).collect()))
                .collect()
        };
        let (mine, theirs) = (codes(self), codes(shipped));
        for (aspect, indicators) in &theirs {
            let Some((_, kept)) = mine.iter().find(|(code, _)| code == aspect) else {
                return Err(bad(aspect, "an edited copy keeps every aspect of the shipped instrument"));
            };
            if let Some(missing) = indicators.iter().find(|it| !kept.contains(it)) {
                return Err(bad(missing, "an edited copy keeps every indicator of the shipped instrument"));
            }
        }
        if let Some((extra, _)) = mine.iter().find(|(code, _)| !theirs.iter().any(|(it, _)| it == code)) {
            return Err(bad(extra, "an edited copy adds no aspect"));
        }
        let count = |it: &[(String, Vec<String>)]| it.iter().map(|(_, list)| list.len()).sum::<usize>();
        if count(&mine) != count(&theirs) {
            return Err(bad("indicator", "an edited copy adds no indicator"));
        }
        Ok(())
    }

    /// The indicators of a variant, with their aspect.
    pub fn indicators(&self, variant: Variant) -> Vec<(&Aspect, &Indicator)> {
        self.aspects
            .iter()
            .flat_map(|aspect| aspect.indicators.iter().map(move |it| (aspect, it)))
            .filter(|(_, it)| it.variants.contains(&variant))
            .collect()
    }

    /// The category of an IPP on the 0–5 scale.
    pub fn category(&self, ipp: f64) -> Option<&Category> {
        self.categories.iter().find(|it| ipp > it.above + 1e-9)
    }

    /// The F-02 score the given levels reach, and what is missing: indicators without a level count 0 in the
    /// lower bound and are left out of the estimate (which spreads the scored weight to 1).
    pub fn project(&self, variant: Variant, levels: &BTreeMap<String, u8>) -> Projection {
        let (mut reached, mut scored) = (0.0, 0.0);
        let mut unscored = Vec::new();
        for (aspect, indicator) in self.indicators(variant) {
            let weight = aspect.weight * indicator.weight;
            match levels.get(&indicator.code) {
                Some(level) => {
                    reached += weight * f64::from((*level).min(5));
                    scored += weight;
                }
                None => unscored.push(indicator.code.clone()),
            }
        }
        let estimate = (scored > 0.0).then(|| reached / scored);
        Projection { lower_bound: reached, estimate, scored_weight: scored, unscored }
    }

    /// The IPP from the evaluator's and the users' scores, as the file combines them.
    pub fn combine_ipp(&self, evaluator: f64, users: Option<f64>) -> f64 {
        match users {
            Some(users) => self.combine.evaluator * evaluator + self.combine.users * users,
            None => evaluator,
        }
    }
}

/// What a set of levels reaches on the 0–5 scale.
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    /// Counting every indicator without a level as 0.
    pub lower_bound: f64,
    /// Over the scored indicators only; `None` when none is scored.
    pub estimate: Option<f64>,
    /// The share of the total weight that has a level (0–1).
    pub scored_weight: f64,
    /// The indicators without a level, in instrument order.
    pub unscored: Vec<String>,
}

fn check_combine(combine: &Combine) -> Result<(), InstrumentError> {
    let ok = (0.0..=1.0).contains(&combine.evaluator)
        && (0.0..=1.0).contains(&combine.users)
        && near(combine.evaluator + combine.users, 1.0);
    if !ok {
        return Err(bad("combine", "evaluator and users are shares that add up to 1"));
    }
    if !STATUSES.contains(&combine.status.as_str()) {
        return Err(bad("combine", "status is OK, PART or UNCONF"));
    }
    Ok(())
}

fn check_categories(categories: &[Category]) -> Result<(), InstrumentError> {
    if categories.is_empty() || categories.last().is_some_and(|it| it.above >= 0.0) {
        return Err(bad("category", "the last category starts below 0, so every score has one"));
    }
    for pair in categories.windows(2) {
        if pair[0].above <= pair[1].above {
            return Err(bad(&pair[1].code, "categories are listed highest first"));
        }
    }
    Ok(())
}

fn aspect_of(raw: RawAspect, codes: &mut Vec<String>) -> Result<Aspect, InstrumentError> {
    if !(0.0..=1.0).contains(&raw.weight) || !STATUSES.contains(&raw.status.as_str()) {
        return Err(bad(&raw.code, "weight is a share and status is OK, PART or UNCONF"));
    }
    let mut indicators = Vec::new();
    for it in raw.indicator {
        if codes.contains(&it.code) {
            return Err(bad(&it.code, "the code is used twice"));
        }
        codes.push(it.code.clone());
        indicators.push(indicator_of(it)?);
    }
    for variant in [Variant::A, Variant::B] {
        let sum: f64 = indicators.iter().filter(|it| it.variants.contains(&variant)).map(|it| it.weight).sum();
        if !near(sum, 1.0) {
            return Err(bad(&raw.code, "indicator weights of each variant must add up to 1"));
        }
    }
    Ok(Aspect { code: raw.code, name: raw.name, weight: raw.weight, status: raw.status, indicators })
}

fn indicator_of(raw: RawIndicator) -> Result<Indicator, InstrumentError> {
    if !(0.0..=1.0).contains(&raw.weight) || !STATUSES.contains(&raw.status.as_str()) {
        return Err(bad(&raw.code, "weight is a share and status is OK, PART or UNCONF"));
    }
    let ladder: [String; 6] = raw.ladder.try_into().map_err(|_| bad(&raw.code, "the ladder has six levels, 0 to 5"))?;
    let variants = if raw.variants.is_empty() {
        vec![Variant::A, Variant::B]
    } else {
        raw.variants
            .iter()
            .map(|it| Variant::parse(it))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| bad(&raw.code, "variants are A and B"))?
    };
    let measure = match raw.measure.as_deref() {
        None => None,
        Some(code) => Some(measured::Measure::parse(code).ok_or_else(|| bad(&raw.code, "unknown measure"))?),
    };
    Ok(Indicator { code: raw.code, name: raw.name, weight: raw.weight, status: raw.status, variants, measure, ladder })
}

#[cfg(test)]
mod tests;
