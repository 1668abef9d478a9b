//! A unit's card for a period as it stood at the end of a day: its complaints, letters, satisfaction index, news
//! and discipline figures, for the unit alone and with its subunits.

use std::collections::BTreeMap;

use domain::ids::{TenantId, UnitId};
use domain::org::UnitTree;
use domain::scorecards::facts::{Measure, Stream};
use domain::scorecards::figures::{ItemFigures, Sums};
use domain::scorecards::period::ScorePeriod;
use domain::surveys::report::Summary;
use jiff::civil::Date;

use super::reader::Reader;
use super::sums::{OPEN_MEASURES, UnitSums, history_start};
use crate::surveys::catalog::{self, Filter};
use crate::surveys::reports::{self, merge, summarize};
use crate::{Conn, StoreError};

/// The figures of one unit (alone, or with its subunits).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Card {
    /// Complaints, aspirations and information requests.
    pub complaints: ItemFigures,
    /// Incoming letters.
    pub letters: ItemFigures,
    /// The satisfaction index of the surveys read for the period; `None` without surveys.
    pub skm: Option<Summary>,
    /// Surveys counted.
    pub surveys: usize,
    /// Negative articles about the unit published in the period.
    pub negative_news: i64,
    /// Preliminary reviews opened in the period.
    pub reviews_opened: i64,
    /// Discipline cases opened in the period.
    pub cases_opened: i64,
}

/// The cards of every unit for a period.
#[derive(Clone, Debug, PartialEq)]
pub struct Cards {
    /// The period.
    pub period: ScorePeriod,
    /// The day the figures stand at the end of.
    pub as_of: Date,
    /// Each unit alone.
    pub own: BTreeMap<UnitId, Card>,
    /// Each unit with its subunits.
    pub rolled: BTreeMap<UnitId, Card>,
}

/// The cards of the units of a tree (all of the tenant's) for a period, as they stood at the end of `as_of`.
pub async fn load_cards(
    reader: &mut Reader<'_>,
    tenant: &TenantId,
    tree: &UnitTree,
    period: ScorePeriod,
    as_of: Date,
) -> Result<Cards, StoreError> {
    load_cards_of(reader, tenant, (tree, None), period, as_of).await
}

/// The cards of one unit (alone and with its subunits) for a period: the sums of its subtree only, for a unit's
/// page and its trend.
pub async fn load_unit_card(
    reader: &mut Reader<'_>,
    tenant: &TenantId,
    (tree, unit): (&UnitTree, &UnitId),
    period: ScorePeriod,
    as_of: Date,
) -> Result<Cards, StoreError> {
    load_cards_of(reader, tenant, (tree, Some(unit)), period, as_of).await
}

async fn load_cards_of(
    reader: &mut Reader<'_>,
    tenant: &TenantId,
    (tree, only): (&UnitTree, Option<&UnitId>),
    period: ScorePeriod,
    as_of: Date,
) -> Result<Cards, StoreError> {
    let units: Vec<UnitId> = match only {
        Some(unit) => tree.subtree(unit),
        None => tree.ordered().into_iter().map(|(id, _)| id).collect(),
    };
    let filter = only.map(|_| units.as_slice());
    let end = period.last_day().min(as_of);
    let (within, through) = if end < period.first_day() {
        (UnitSums::new(), UnitSums::new())
    } else {
        (
            reader.sums(tenant, filter, (period.first_day(), end), None).await?,
            reader.sums(tenant, filter, (history_start(), end), Some(&OPEN_MEASURES)).await?,
        )
    };
    let skm = reader.skm(tenant, period, filter).await?;
    let mut own = BTreeMap::new();
    let mut rolled = BTreeMap::new();
    // With one unit asked for, only its own card and its subtree's are whole.
    let shown: Vec<UnitId> = only.map_or_else(|| units.clone(), |unit| vec![unit.clone()]);
    for unit in &shown {
        own.insert(unit.clone(), card(&within, &through, std::slice::from_ref(unit), &skm));
        rolled.insert(unit.clone(), card(&within, &through, &tree.subtree(unit), &skm));
    }
    Ok(Cards { period, as_of, own, rolled })
}

/// The converted IKM (hundredths) of each unit alone for a period, where it ran surveys.
pub async fn load_skm_index(
    reader: &mut Reader<'_>,
    tenant: &TenantId,
    period: ScorePeriod,
) -> Result<BTreeMap<UnitId, u32>, StoreError> {
    let skm = reader.skm(tenant, period, None).await?;
    let mut out = BTreeMap::new();
    for (unit, (surveys, totals)) in &skm {
        if let Some(ikm) = summarize(&merge(surveys.iter(), totals)).ikm {
            out.insert(unit.clone(), ikm.hundredths);
        }
    }
    Ok(out)
}

/// The surveys of a period per unit, with their totals.
pub type SkmByUnit = BTreeMap<UnitId, (Vec<crate::surveys::Survey>, BTreeMap<String, reports::Totals>)>;

/// The surveys of the period per unit (of these units, or all), with their totals; per service the shortest
/// surveys only.
pub(crate) async fn load_skm(
    conn: &mut Conn,
    tenant: &TenantId,
    period: ScorePeriod,
    units: Option<&[UnitId]>,
) -> Result<SkmByUnit, StoreError> {
    let periods: Vec<String> = period.survey_periods().into_iter().map(|it| it.code()).collect();
    let unit_ids = units.map(|it| it.iter().map(|unit| unit.as_str().to_owned()).collect());
    let surveys = catalog::list(conn, tenant, &Filter { periods, unit_ids, ..Filter::default() }).await?;
    let mut shortest: BTreeMap<&str, domain::surveys::PeriodKind> = BTreeMap::new();
    for survey in &surveys {
        let kind = shortest.entry(&survey.service_id).or_insert(survey.period.kind);
        *kind = (*kind).min(survey.period.kind);
    }
    let kept: Vec<crate::surveys::Survey> =
        surveys.iter().filter(|it| shortest.get(it.service_id.as_str()) == Some(&it.period.kind)).cloned().collect();
    let ids: Vec<String> = kept.iter().map(|it| it.id.clone()).collect();
    let totals = reports::list_totals(conn, tenant, &ids, false).await?;
    let mut out = SkmByUnit::new();
    for survey in kept {
        let slot = out.entry(survey.unit_id.clone()).or_default();
        if let Some(total) = totals.get(&survey.id) {
            slot.1.insert(survey.id.clone(), total.clone());
        }
        slot.0.push(survey);
    }
    Ok(out)
}

fn card(within: &UnitSums, through: &UnitSums, units: &[UnitId], skm: &SkmByUnit) -> Card {
    let sum = |sums: &UnitSums, stream: Stream| {
        let mut out = Sums::new();
        for unit in units {
            for (measure, n) in sums.get(&(unit.clone(), stream)).into_iter().flatten() {
                *out.entry(*measure).or_default() += n;
            }
        }
        out
    };
    let figures = |stream| ItemFigures::from_sums(&sum(within, stream), &sum(through, stream));
    let news = sum(within, Stream::News);
    let discipline = sum(within, Stream::Discipline);
    let surveys: Vec<&crate::surveys::Survey> = units.iter().flat_map(|it| skm.get(it)).flat_map(|it| &it.0).collect();
    let totals: BTreeMap<String, reports::Totals> =
        units.iter().flat_map(|it| skm.get(it)).flat_map(|it| it.1.clone()).collect();
    let summary = (!surveys.is_empty()).then(|| summarize(&merge(surveys.iter().copied(), &totals)));
    Card {
        complaints: figures(Stream::Complaints),
        letters: figures(Stream::Letters),
        skm: summary,
        surveys: surveys.len(),
        negative_news: news.get(&Measure::NegativeNews).copied().unwrap_or(0),
        reviews_opened: news.get(&Measure::ReviewOpened).copied().unwrap_or(0),
        cases_opened: discipline.get(&Measure::CaseOpened).copied().unwrap_or(0),
    }
}
