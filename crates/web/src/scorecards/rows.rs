//! The one public form of a scorecard row: the CLI, the JSON API, the CSV and XLSX exports and the pages all read
//! these, so the same numbers appear everywhere.

use domain::ids::{TenantId, UnitId};
use domain::scorecards::figures::{ItemFigures, ranks};
use domain::scorecards::period::ScorePeriod;
use jiff::civil::Date;
use serde::Serialize;
use store::scorecards::cards::{self, Card, Cards};
use store::scorecards::reader::Reader;
use store::scorecards::watch::{self, Listed};
use store::{Db, StoreError};
use utoipa::ToSchema;

/// One unit's figures for a period, as they stood at the end of `as_of`.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ScorecardRow {
    /// The unit's id.
    pub unit_id: String,
    /// The unit's code in the register.
    pub unit_code: String,
    /// The unit's name.
    pub unit_name: String,
    /// The unit's kind (dinas, badan, kecamatan, upt, …); ranks compare units of one kind.
    pub unit_kind: String,
    /// The parent unit's id.
    pub parent_id: Option<String>,
    /// Period code: `2026-11`, `2026-T4`, `2026-S2`, `2026`.
    pub period: String,
    /// The day the figures stand at the end of.
    pub as_of: String,
    /// `unit` for the unit alone, `tree` for the unit with its subunits.
    pub scope: &'static str,
    /// Complaints, aspirations and information requests received in the period.
    pub complaints_received: i64,
    /// Closed in the period.
    pub complaints_closed: i64,
    /// First-answer deadlines that fell in the period and passed by `as_of`.
    pub complaints_due: i64,
    /// Of those, answered (or closed) by the deadline.
    pub complaints_on_time: i64,
    /// `complaints_on_time / complaints_due`, 0–1; null when nothing was due.
    pub on_time_rate: Option<f64>,
    /// Items without a first answer past their deadline at the end of `as_of`, whenever received.
    pub overdue_open: i64,
    /// Median working days from distribution to first answer.
    pub median_days_to_answer: Option<f64>,
    /// Median working days from receipt to closing.
    pub median_days_to_close: Option<f64>,
    /// Reopened by reporters in the period.
    pub complaints_reopened: i64,
    /// Closings contested in the period.
    pub complaints_contested: i64,
    /// Mean rating 1–5 of items closed in the period.
    pub mean_rating: Option<f64>,
    /// Incoming letters received in the period.
    pub letters_received: i64,
    /// Letters closed in the period.
    pub letters_closed: i64,
    /// Letters' first-answer deadlines passed in the period.
    pub letters_due: i64,
    /// Of those, met.
    pub letters_on_time: i64,
    /// `letters_on_time / letters_due`.
    pub letters_on_time_rate: Option<f64>,
    /// Letters past their deadline without an answer at the end of `as_of`.
    pub letters_overdue_open: i64,
    /// Converted IKM (25–100) of the surveys read for the period.
    pub ikm: Option<f64>,
    /// IKM category A–D.
    pub ikm_category: Option<&'static str>,
    /// Respondents of those surveys.
    pub skm_respondents: u64,
    /// Surveys read.
    pub skm_surveys: usize,
    /// Whether the respondents reach the minimum sample of the declared population (null when none declared).
    pub skm_sample_adequate: Option<bool>,
    /// Negative articles about the unit published in the period.
    pub negative_news: i64,
    /// Preliminary reviews opened in the period.
    pub reviews_opened: i64,
    /// Discipline cases opened in the period.
    pub discipline_cases: i64,
    /// Place by on-time rate among units of the same kind (1 = best).
    pub rank_on_time: Option<u32>,
    /// Place by IKM among units of the same kind.
    pub rank_ikm: Option<u32>,
    /// Units of the same kind.
    pub kind_count: u32,
    /// Whether the watch-list rules fire for the unit in this period.
    pub watch: bool,
    /// The codes of the rules that fire.
    pub reasons: Vec<String>,
}

/// Which figures a row carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The unit alone.
    Unit,
    /// The unit with its subunits.
    Tree,
}

/// The cards, watch list and rows of a period, for the units a reader may see (`None`: all).
#[derive(Clone)]
pub struct Scorecards {
    /// The cards.
    pub cards: Cards,
    /// Units on the watch list with the rules that fire.
    pub listed: Listed,
    /// The rows, in register order.
    pub rows: Vec<ScorecardRow>,
}

/// Reads the scorecards of a period. Every unit's rows are computed once for as long as no unit's figures change
/// (`store::scorecards::cache`), then narrowed to the units the reader may see.
pub async fn load(
    db: &Db,
    tenant: &TenantId,
    (period, as_of): (ScorePeriod, Date),
    scope: Scope,
    visible: Option<&[String]>,
) -> Result<Scorecards, StoreError> {
    let data = db.tenant_data(tenant).await?;
    let mut conn = db.conn().await?;
    let mut reader = Reader::cached(&mut conn, db, tenant).await?;
    let what = format!("rows {} {as_of} {scope:?}", period.code());
    let mut out = match reader.find_whole::<Scorecards>(tenant, &what) {
        Some(kept) => kept,
        None => {
            let cards = cards::load_cards(&mut reader, tenant, &data.tree, period, as_of).await?;
            let (rules, _) = watch::load_rules(reader.conn(), tenant).await?;
            let listed = watch::list_watched(&mut reader, &data.calendar, tenant, &rules, &cards).await?;
            let rows = rows_of(&data, (&cards, &listed), (period, as_of), scope);
            let computed = Scorecards { cards, listed, rows };
            reader.keep_whole(tenant, &what, computed.clone());
            computed
        }
    };
    if let Some(visible) = visible {
        out.rows.retain(|it| visible.contains(&it.unit_id));
    }
    Ok(out)
}

/// Every unit's row, in register order, ranked among units of its kind.
fn rows_of(
    data: &store::cache::TenantData,
    (cards, listed): (&Cards, &Listed),
    (period, as_of): (ScorePeriod, Date),
    scope: Scope,
) -> Vec<ScorecardRow> {
    let chosen = if scope == Scope::Unit { &cards.own } else { &cards.rolled };
    let units: std::collections::BTreeMap<&UnitId, &domain::org::Unit> =
        data.units.iter().map(|it| (&it.id, it)).collect();
    let mut rows = Vec::new();
    for (unit_id, _) in data.tree.ordered() {
        let (Some(unit), Some(card)) = (units.get(&unit_id), chosen.get(&unit_id)) else { continue };
        let mut row = row_of(unit, card, (period, as_of), scope);
        if let Some(fired) = listed.get(&unit_id) {
            row.watch = true;
            row.reasons = fired.iter().map(|it| it.code.clone()).collect();
        }
        rows.push(row);
    }
    rank(&mut rows);
    rows
}

fn rank(rows: &mut [ScorecardRow]) {
    let by_rate: Vec<_> = rows.iter().map(|it| (it.unit_kind.clone(), it.on_time_rate)).collect();
    let by_ikm: Vec<_> = rows.iter().map(|it| (it.unit_kind.clone(), it.ikm)).collect();
    for ((row, rate), ikm) in rows.iter_mut().zip(ranks(&by_rate)).zip(ranks(&by_ikm)) {
        row.rank_on_time = rate.map(|it| it.0);
        row.rank_ikm = ikm.map(|it| it.0);
    }
    let kinds: Vec<String> = rows.iter().map(|it| it.unit_kind.clone()).collect();
    for row in rows.iter_mut() {
        row.kind_count = u32::try_from(kinds.iter().filter(|it| **it == row.unit_kind).count()).unwrap_or(0);
    }
}

fn row_of(unit: &domain::org::Unit, card: &Card, (period, as_of): (ScorePeriod, Date), scope: Scope) -> ScorecardRow {
    let (c, l): (&ItemFigures, &ItemFigures) = (&card.complaints, &card.letters);
    let ikm = card.skm.as_ref().and_then(|it| it.ikm);
    ScorecardRow {
        unit_id: unit.id.as_str().to_owned(),
        unit_code: unit.draft.code.clone(),
        unit_name: unit.draft.name.clone(),
        unit_kind: unit.draft.kind.code().to_owned(),
        parent_id: unit.parent_id.as_ref().map(|it: &UnitId| it.as_str().to_owned()),
        period: period.code(),
        as_of: as_of.to_string(),
        scope: if scope == Scope::Unit { "unit" } else { "tree" },
        complaints_received: c.received,
        complaints_closed: c.closed,
        complaints_due: c.due,
        complaints_on_time: c.on_time,
        on_time_rate: c.on_time_rate,
        overdue_open: c.overdue_open,
        median_days_to_answer: c.median_answer_days,
        median_days_to_close: c.median_close_days,
        complaints_reopened: c.reopened,
        complaints_contested: c.contested,
        mean_rating: c.mean_rating,
        letters_received: l.received,
        letters_closed: l.closed,
        letters_due: l.due,
        letters_on_time: l.on_time,
        letters_on_time_rate: l.on_time_rate,
        letters_overdue_open: l.overdue_open,
        ikm: ikm.map(|it| f64::from(it.hundredths) / 100.0),
        ikm_category: ikm.map(|it| it.category.letter()),
        skm_respondents: card.skm.as_ref().map_or(0, |it| it.respondents),
        skm_surveys: card.surveys,
        skm_sample_adequate: card.skm.as_ref().and_then(|it| it.sample).map(|it| it.reached),
        negative_news: card.negative_news,
        reviews_opened: card.reviews_opened,
        discipline_cases: card.cases_opened,
        rank_on_time: None,
        rank_ikm: None,
        kind_count: 0,
        watch: false,
        reasons: Vec::new(),
    }
}

/// The CSV columns, in the order of the JSON fields.
pub const COLUMNS: [&str; 38] = [
    "unit_id",
    "unit_code",
    "unit_name",
    "unit_kind",
    "parent_id",
    "period",
    "as_of",
    "scope",
    "complaints_received",
    "complaints_closed",
    "complaints_due",
    "complaints_on_time",
    "on_time_rate",
    "overdue_open",
    "median_days_to_answer",
    "median_days_to_close",
    "complaints_reopened",
    "complaints_contested",
    "mean_rating",
    "letters_received",
    "letters_closed",
    "letters_due",
    "letters_on_time",
    "letters_on_time_rate",
    "letters_overdue_open",
    "ikm",
    "ikm_category",
    "skm_respondents",
    "skm_surveys",
    "skm_sample_adequate",
    "negative_news",
    "reviews_opened",
    "discipline_cases",
    "rank_on_time",
    "rank_ikm",
    "kind_count",
    "watch",
    "reasons",
];

/// The rows as CSV (UTF-8 with a byte-order mark, formulas neutralised): the same fields as the JSON.
pub fn csv(rows: &[ScorecardRow]) -> Result<Vec<u8>, csv::Error> {
    let cells = rows.iter().map(|row| {
        let value = serde_json::to_value(row).unwrap_or_default();
        COLUMNS.iter().map(|column| cell(&value[*column])).collect::<Vec<String>>()
    });
    crate::sheets::write_csv(&COLUMNS, cells)
}

fn cell(value: &serde_json::Value) -> String {
    use serde_json::Value;
    match value {
        Value::Null => String::new(),
        Value::String(text) => text.clone(),
        Value::Array(items) => items.iter().map(cell).collect::<Vec<_>>().join(";"),
        other => other.to_string(),
    }
}

/// One unit's rows for several periods (oldest first), as they stood at the end of `as_of`, without the watch list.
pub async fn trend(
    db: &Db,
    tenant: &TenantId,
    unit: &UnitId,
    (periods, as_of): (&[ScorePeriod], Date),
    scope: Scope,
) -> Result<Vec<ScorecardRow>, StoreError> {
    let data = db.tenant_data(tenant).await?;
    let Some(found) = data.units.iter().find(|it| it.id == *unit) else { return Err(StoreError::NotFound) };
    let mut conn = db.conn().await?;
    let mut reader = Reader::cached(&mut conn, db, tenant).await?;
    let mut out = Vec::new();
    for period in periods {
        let cards = cards::load_unit_card(&mut reader, tenant, (&data.tree, unit), *period, as_of).await?;
        let chosen = if scope == Scope::Unit { &cards.own } else { &cards.rolled };
        let card = chosen.get(unit).cloned().unwrap_or_default();
        out.push(row_of(found, &card, (*period, as_of), scope));
    }
    Ok(out)
}
