//! A unit's own performance indicators in storage: defined (and retired) by the unit's head, with a target and a
//! realisation per month entered on a form or imported from a sheet. A save touches all its months or none and is
//! audited per indicator with the months before and after. A period's standing is read from the months
//! (`domain::scorecards::indicators`); the rows per unit are few, so nothing is summed ahead.

use std::collections::BTreeMap;

use domain::ids::{TenantId, UnitId};
use domain::problems::{FieldProblem, Problem};
use domain::scorecards::indicators::{self, Aggregation, Month, Polarity, Standing};
use domain::scorecards::period::ScorePeriod;
use jiff::civil::Date;
use serde_json::json;

use crate::audit::{self, Change};
use crate::{ActionCx, Conn, StoreError};

/// An indicator as stored.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Indicator {
    /// Id.
    pub id: String,
    /// The unit it measures.
    pub unit_id: String,
    /// The unit's short code for it.
    pub code: String,
    /// Name.
    pub name: String,
    /// Unit of measure as written.
    pub measure_unit: String,
    /// `naik` or `turun`.
    pub polarity: String,
    /// `jumlah`, `rata_rata` or `terakhir`.
    pub aggregation: String,
    /// When it was defined.
    pub created_at_ms: i64,
    /// When it was retired.
    pub retired_at_ms: Option<i64>,
}

impl Indicator {
    /// Higher or lower is better (a stored code Pantau wrote, so an unknown one reads as higher).
    pub fn polarity(&self) -> Polarity {
        Polarity::parse(&self.polarity).unwrap_or(Polarity::Higher)
    }

    /// How months add up.
    pub fn aggregation(&self) -> Aggregation {
        Aggregation::parse(&self.aggregation).unwrap_or(Aggregation::Sum)
    }
}

const COLUMNS: &str = "id, unit_id, code, name, measure_unit, polarity, aggregation, created_at_ms, retired_at_ms";

/// An indicator as asked for.
#[derive(Clone, Debug, Default)]
pub struct NewIndicator {
    /// The unit.
    pub unit_id: String,
    /// Short code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Unit of measure.
    pub measure_unit: String,
    /// Polarity code.
    pub polarity: String,
    /// Aggregation code.
    pub aggregation: String,
}

/// One month's figures to save, for the indicator of the unit with `code`.
#[derive(Clone, Debug, PartialEq)]
pub struct MonthEntry {
    /// The indicator's code.
    pub code: String,
    /// Year and month.
    pub month: (i16, i8),
    /// Target; `None` keeps (or, with `blank_clears`, clears) the stored one.
    pub target: Option<f64>,
    /// Realisation, likewise.
    pub actual: Option<f64>,
}

fn invalid(field: &'static str, problem: Problem) -> StoreError {
    StoreError::Invalid(vec![FieldProblem { field, problem }])
}

/// Every problem of a definition, each on its field.
fn definition_problems(new: &NewIndicator, (code, name, measure_unit): (&str, &str, &str)) -> Vec<FieldProblem> {
    let mut problems: Vec<FieldProblem> = indicators::check_definition(code, name, measure_unit)
        .into_iter()
        .map(|problem| match problem {
            indicators::DefinitionProblem::Code if code.is_empty() => ("code", Problem::Required),
            indicators::DefinitionProblem::Code => ("code", Problem::Malformed { given: code.to_owned() }),
            indicators::DefinitionProblem::Name if name.is_empty() => ("name", Problem::Required),
            indicators::DefinitionProblem::Name => ("name", Problem::TooLong { max: 200 }),
            indicators::DefinitionProblem::MeasureUnit if measure_unit.is_empty() => {
                ("measure_unit", Problem::Required)
            }
            indicators::DefinitionProblem::MeasureUnit => ("measure_unit", Problem::TooLong { max: 30 }),
        })
        .map(|(field, problem)| FieldProblem { field, problem })
        .collect();
    if Polarity::parse(&new.polarity).is_none() {
        problems
            .push(FieldProblem { field: "polarity", problem: Problem::UnknownCode { given: new.polarity.clone() } });
    }
    if Aggregation::parse(&new.aggregation).is_none() {
        let given = new.aggregation.clone();
        problems.push(FieldProblem { field: "aggregation", problem: Problem::UnknownCode { given } });
    }
    problems
}

/// Defines an indicator for a unit; its code is unique within the unit (retired ones included).
pub async fn define(cx: &ActionCx<'_>, new: &NewIndicator) -> Result<Indicator, StoreError> {
    let (code, name, measure_unit) = (new.code.trim(), new.name.trim(), new.measure_unit.trim());
    let problems = definition_problems(new, (code, name, measure_unit));
    if !problems.is_empty() {
        return Err(StoreError::Invalid(problems));
    }
    for (field, text) in [("name", name), ("measure_unit", measure_unit)] {
        if let Some(problem) = domain::problems::unsafe_text(text) {
            return Err(invalid(field, problem));
        }
    }
    let polarity = Polarity::parse(&new.polarity)
        .ok_or_else(|| invalid("polarity", Problem::UnknownCode { given: new.polarity.clone() }))?;
    let aggregation = Aggregation::parse(&new.aggregation)
        .ok_or_else(|| invalid("aggregation", Problem::UnknownCode { given: new.aggregation.clone() }))?;
    let data = cx.db.tenant_data(cx.tenant).await?;
    if !data.units.iter().any(|it| it.id.as_str() == new.unit_id) {
        return Err(invalid("unit_id", Problem::NotFound { given: new.unit_id.clone() }));
    }
    let mut tx = cx.db.begin_write().await?;
    let unit = UnitId::new(new.unit_id.clone());
    if list_indicators(&mut tx, cx.tenant, Some(&unit), true).await?.iter().any(|it| it.code == code) {
        return Err(invalid("code", Problem::Taken { given: code.to_owned() }));
    }
    let indicator = Indicator {
        id: cx.ids.new_id(),
        unit_id: new.unit_id.clone(),
        code: code.to_owned(),
        name: name.to_owned(),
        measure_unit: measure_unit.to_owned(),
        polarity: polarity.code().to_owned(),
        aggregation: aggregation.code().to_owned(),
        created_at_ms: cx.now_ms(),
        retired_at_ms: None,
    };
    insert_indicator(&mut tx, cx, &indicator).await?;
    let after = json!({ "unit_id": indicator.unit_id, "code": indicator.code, "name": indicator.name,
        "measure_unit": indicator.measure_unit, "polarity": indicator.polarity, "aggregation": indicator.aggregation });
    let change = Change {
        action: "unit_indicator.define",
        entity_type: "unit_indicator",
        entity_id: indicator.id.clone(),
        before: None,
        after: Some(after),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(indicator)
}

async fn insert_indicator(conn: &mut Conn, cx: &ActionCx<'_>, indicator: &Indicator) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO unit_indicator (tenant_id, id, unit_id, code, name, measure_unit, polarity, aggregation,
            created_by, created_at_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(cx.tenant.as_str())
    .bind(&indicator.id)
    .bind(&indicator.unit_id)
    .bind(&indicator.code)
    .bind(&indicator.name)
    .bind(&indicator.measure_unit)
    .bind(&indicator.polarity)
    .bind(&indicator.aggregation)
    .bind(cx.actor.user_id())
    .bind(indicator.created_at_ms)
    .execute(conn)
    .await?;
    Ok(())
}

/// Retires an indicator: it leaves the unit's card and the watch list from now on; its months stay.
pub async fn retire(cx: &ActionCx<'_>, id: &str) -> Result<(), StoreError> {
    let mut tx = cx.db.begin_write().await?;
    let done = sqlx::query(
        "UPDATE unit_indicator SET retired_at_ms = $3 WHERE tenant_id = $1 AND id = $2 AND retired_at_ms IS NULL",
    )
    .bind(cx.tenant.as_str())
    .bind(id)
    .bind(cx.now_ms())
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    let change = Change {
        action: "unit_indicator.retire",
        entity_type: "unit_indicator",
        entity_id: id.to_owned(),
        before: None,
        after: Some(json!({ "retired": true })),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(())
}

/// The indicators of one unit (or all), in code order; retired ones only when asked.
pub async fn list_indicators(
    conn: &mut Conn,
    tenant: &TenantId,
    unit: Option<&UnitId>,
    with_retired: bool,
) -> Result<Vec<Indicator>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM unit_indicator WHERE tenant_id = $1 AND ($2 IS NULL OR unit_id = $2)
            AND ($3 = 1 OR retired_at_ms IS NULL) ORDER BY unit_id, code"
    );
    Ok(sqlx::query_as(&sql)
        .bind(tenant.as_str())
        .bind(unit.map(UnitId::as_str))
        .bind(i32::from(with_retired))
        .fetch_all(conn)
        .await?)
}

/// The months of every indicator between two months (`YYYY-MM`, both included), per indicator id.
pub async fn list_months(
    conn: &mut Conn,
    tenant: &TenantId,
    (from, to): (&str, &str),
) -> Result<BTreeMap<String, Vec<Month>>, StoreError> {
    let rows: Vec<(String, String, Option<f64>, Option<f64>)> = sqlx::query_as(
        "SELECT indicator_id, month, target, actual FROM unit_indicator_month
         WHERE tenant_id = $1 AND month >= $2 AND month <= $3 ORDER BY indicator_id, month",
    )
    .bind(tenant.as_str())
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await?;
    let mut out: BTreeMap<String, Vec<Month>> = BTreeMap::new();
    for (id, month, target, actual) in rows {
        let Some(month) = parse_month(&month) else {
            return Err(StoreError::corrupt("unit_indicator_month", format!("month {month:?}")));
        };
        out.entry(id).or_default().push(Month { month, target, actual });
    }
    Ok(out)
}

/// Reads `YYYY-MM` (2000–2100).
pub fn parse_month(text: &str) -> Option<(i16, i8)> {
    let (year, month) = text.trim().split_once('-')?;
    let (year, month): (i16, i8) = (year.parse().ok()?, month.parse().ok()?);
    ((2000..=2100).contains(&year) && (1..=12).contains(&month) && text.trim().len() == 7).then_some((year, month))
}

/// Writes `YYYY-MM`.
pub fn month_code((year, month): (i16, i8)) -> String {
    format!("{year:04}-{month:02}")
}

/// The standing of each live indicator for a period, per unit, as it stood at the end of `as_of`.
pub async fn load_standings(
    conn: &mut Conn,
    tenant: &TenantId,
    period: ScorePeriod,
    as_of: Date,
) -> Result<BTreeMap<UnitId, Vec<(Indicator, Standing)>>, StoreError> {
    let all = list_indicators(conn, tenant, None, false).await?;
    if all.is_empty() {
        return Ok(BTreeMap::new());
    }
    let months = period.months();
    let (first, last) = (months.first().copied().unwrap_or((2000, 1)), months.last().copied().unwrap_or((2000, 1)));
    let values = list_months(conn, tenant, (&month_code(first), &month_code(last))).await?;
    let mut out: BTreeMap<UnitId, Vec<(Indicator, Standing)>> = BTreeMap::new();
    for indicator in all {
        let own = values.get(&indicator.id).map(Vec::as_slice).unwrap_or_default();
        let standing = indicators::standing(indicator.polarity(), indicator.aggregation(), period, as_of, own);
        out.entry(UnitId::new(indicator.unit_id.clone())).or_default().push((indicator, standing));
    }
    Ok(out)
}

mod months;
pub use months::save_months;
