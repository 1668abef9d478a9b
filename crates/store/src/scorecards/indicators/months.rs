//! Saving indicators' months: every row of a form or a sheet in one transaction, with one audit entry per indicator
//! holding its months before and after.

use std::collections::{BTreeMap, BTreeSet};

use domain::ids::UnitId;
use domain::problems::{FieldProblem, Problem};
use serde_json::json;

use super::{MonthEntry, list_indicators, month_code};
use crate::audit::{self, Change};
use crate::{ActionCx, Conn, StoreError};

fn invalid(field: &'static str, problem: Problem) -> StoreError {
    StoreError::Invalid(vec![FieldProblem { field, problem }])
}

/// Saves months of the unit's live indicators. A `None` keeps the stored figure, or clears it when `blank_clears`
/// (the form, which shows every figure); a sheet keeps what it leaves blank. Returns the months written.
pub async fn save_months(
    cx: &ActionCx<'_>,
    unit: &UnitId,
    entries: &[MonthEntry],
    blank_clears: bool,
) -> Result<usize, StoreError> {
    let mut seen = BTreeSet::new();
    for entry in entries {
        if !(2000..=2100).contains(&entry.month.0) || !(1..=12).contains(&entry.month.1) {
            return Err(invalid("month", Problem::Malformed { given: month_code(entry.month) }));
        }
        let bad = |it: Option<f64>| it.is_some_and(|v| !v.is_finite() || !(0.0..=1e15).contains(&v));
        if bad(entry.target) || bad(entry.actual) {
            return Err(invalid("value", Problem::OutOfRange { min: 0, max: 1_000_000_000_000_000 }));
        }
        if !seen.insert((entry.code.clone(), entry.month)) {
            return Err(invalid(
                "month",
                Problem::Taken { given: format!("{} {}", entry.code, month_code(entry.month)) },
            ));
        }
    }
    let mut tx = cx.db.begin_write().await?;
    let live = list_indicators(&mut tx, cx.tenant, Some(unit), false).await?;
    let mut by_indicator: BTreeMap<String, Vec<&MonthEntry>> = BTreeMap::new();
    for entry in entries {
        let Some(found) = live.iter().find(|it| it.code == entry.code) else {
            return Err(invalid("code", Problem::NotFound { given: entry.code.clone() }));
        };
        by_indicator.entry(found.id.clone()).or_default().push(entry);
    }
    for (id, rows) in &by_indicator {
        let before = list_rows(&mut tx, cx, id).await?;
        for entry in rows {
            upsert(&mut tx, cx, id, entry, blank_clears).await?;
        }
        let after = list_rows(&mut tx, cx, id).await?;
        let touched: BTreeSet<String> = rows.iter().map(|it| month_code(it.month)).collect();
        let pick = |all: &BTreeMap<String, (Option<f64>, Option<f64>)>| {
            let kept: BTreeMap<&String, serde_json::Value> = all
                .iter()
                .filter(|(month, _)| touched.contains(*month))
                .map(|(month, (target, actual))| (month, json!({ "target": target, "actual": actual })))
                .collect();
            json!({ "months": kept })
        };
        let change = Change {
            action: "unit_indicator.months",
            entity_type: "unit_indicator",
            entity_id: id.clone(),
            before: Some(pick(&before)),
            after: Some(pick(&after)),
        };
        audit::append(&mut tx, cx, change).await?;
    }
    tx.commit().await?;
    Ok(entries.len())
}

async fn upsert(
    conn: &mut Conn,
    cx: &ActionCx<'_>,
    id: &str,
    entry: &MonthEntry,
    blank_clears: bool,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO unit_indicator_month (tenant_id, indicator_id, month, target, actual, updated_by, updated_at_ms)
         VALUES ($1, $2, $3, CAST($4 AS DOUBLE PRECISION), CAST($5 AS DOUBLE PRECISION), $6, $7)
         ON CONFLICT (tenant_id, indicator_id, month) DO UPDATE SET
            target = CASE WHEN $8 = 1 THEN excluded.target ELSE COALESCE(excluded.target, unit_indicator_month.target) END,
            actual = CASE WHEN $8 = 1 THEN excluded.actual ELSE COALESCE(excluded.actual, unit_indicator_month.actual) END,
            updated_by = excluded.updated_by, updated_at_ms = excluded.updated_at_ms",
    )
    .bind(cx.tenant.as_str())
    .bind(id)
    .bind(month_code(entry.month))
    .bind(crate::sql::real(entry.target))
    .bind(crate::sql::real(entry.actual))
    .bind(cx.actor.user_id())
    .bind(cx.now_ms())
    .bind(i32::from(blank_clears))
    .execute(conn)
    .await?;
    Ok(())
}

async fn list_rows(
    conn: &mut Conn,
    cx: &ActionCx<'_>,
    id: &str,
) -> Result<BTreeMap<String, (Option<f64>, Option<f64>)>, StoreError> {
    let rows: Vec<(String, Option<f64>, Option<f64>)> = sqlx::query_as(
        "SELECT month, target, actual FROM unit_indicator_month WHERE tenant_id = $1 AND indicator_id = $2",
    )
    .bind(cx.tenant.as_str())
    .bind(id)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|(month, target, actual)| (month, (target, actual))).collect())
}
