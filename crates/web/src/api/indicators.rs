//! `/api/v1/indicators` and `/api/v1/units/{id}/indicator-months`: the units' own indicators with their standing
//! for a period (the units in the reader's scope), and a unit head's months saved all or none — the same checks,
//! audit entries and figures as `/kinerja/unit/{id}/indikator`.

use axum::extract::{Path, Query};
use axum::routing::{get, post};
use axum::{Json, Router};
use domain::ids::UnitId;
use domain::people::Permission;
use domain::scorecards::period::ScorePeriod;
use serde::{Deserialize, Serialize};
use store::scorecards::indicators::{self as stored, MonthEntry};
use utoipa::{IntoParams, ToSchema};

use crate::App;
use crate::error::{ApiProblem, WebError};
use crate::staff::Staff;
use crate::view::TenantView;

/// The routes.
pub fn routes() -> Router<App> {
    Router::new().route("/api/v1/indicators", get(list)).route("/api/v1/units/{id}/indicator-months", post(save))
}

#[derive(Deserialize, IntoParams)]
pub struct IndicatorsQuery {
    /// `2026-11`, `2026-T4`, `2026-S2` or `2026`; this month when absent.
    period: Option<String>,
    /// The figures as they stood at the end of this day, `YYYY-MM-DD`, not after today; today when absent.
    as_of: Option<String>,
}

/// An indicator with its standing for the period.
#[derive(Serialize, ToSchema)]
pub struct IndicatorOut {
    id: String,
    unit_id: String,
    /// The unit's short code for it.
    code: String,
    name: String,
    measure_unit: String,
    /// `naik` (higher is better) or `turun`.
    polarity: String,
    /// `jumlah`, `rata_rata` or `terakhir`.
    aggregation: String,
    /// Of the months with both figures, added up by `aggregation`.
    target: Option<f64>,
    actual: Option<f64>,
    /// 0–∞ (1.0 = 100 %); null without a comparable month.
    achievement: Option<f64>,
    /// Months begun that have a target and no realisation yet.
    missing_months: u32,
}

/// One month to save; a null figure keeps the stored one.
#[derive(Deserialize, ToSchema)]
pub struct MonthIn {
    /// The indicator's code in the unit.
    code: String,
    /// `YYYY-MM`.
    month: String,
    target: Option<f64>,
    actual: Option<f64>,
}

/// Months saved.
#[derive(Serialize, ToSchema)]
pub struct SavedOut {
    saved: usize,
}

/// The live indicators of the units in scope with their standing for a period.
#[utoipa::path(get, path = "/api/v1/indicators", params(IndicatorsQuery),
    responses((status = 200, body = Vec<IndicatorOut>), (status = 401, body = crate::error::ProblemDocument<'_>),
        (status = 403, body = crate::error::ProblemDocument<'_>), (status = 422, body = crate::error::ProblemDocument<'_>)))]
pub async fn list(staff: Staff, Query(query): Query<IndicatorsQuery>) -> Result<Json<Vec<IndicatorOut>>, WebError> {
    staff.user.require_any(Permission::ViewScorecards)?;
    let today = staff.tenant.0.zone.local_date(staff.app.now());
    let period = match query.period.as_deref() {
        None => ScorePeriod::month_of(today),
        Some(raw) => ScorePeriod::parse(raw).ok_or_else(|| malformed(&staff, "period", raw))?,
    };
    let as_of = match query.as_of.as_deref() {
        None => today,
        Some(raw) => {
            raw.trim().parse().ok().filter(|it| *it <= today).ok_or_else(|| malformed(&staff, "as_of", raw))?
        }
    };
    let tenant = TenantView::of(&staff).await?;
    let mut conn = staff.app.db().conn().await?;
    let all = stored::load_standings(&mut conn, &staff.tenant.0.id, period, as_of).await?;
    let mut out = Vec::new();
    for (unit, list) in all {
        if !staff.user.access.can_unit(Permission::ViewScorecards, &unit, tenant.tree()) {
            continue;
        }
        for (indicator, standing) in list {
            out.push(IndicatorOut {
                id: indicator.id,
                unit_id: indicator.unit_id,
                code: indicator.code,
                name: indicator.name,
                measure_unit: indicator.measure_unit,
                polarity: indicator.polarity,
                aggregation: indicator.aggregation,
                target: standing.target,
                actual: standing.actual,
                achievement: standing.achievement,
                missing_months: standing.missing,
            });
        }
    }
    Ok(Json(out))
}

/// Saves months of the unit's indicators, all or none (a head of the unit).
#[utoipa::path(post, path = "/api/v1/units/{id}/indicator-months", request_body = Vec<MonthIn>,
    params(("id" = String, Path, description = "The unit")),
    responses((status = 200, body = SavedOut), (status = 403, body = crate::error::ProblemDocument<'_>),
        (status = 404, body = crate::error::ProblemDocument<'_>), (status = 422, body = crate::error::ProblemDocument<'_>)))]
pub async fn save(
    staff: Staff,
    Path(id): Path<String>,
    Json(body): Json<Vec<MonthIn>>,
) -> Result<Json<SavedOut>, WebError> {
    staff.user.require_any(Permission::ViewScorecards)?;
    let tenant = TenantView::of(&staff).await?;
    let unit = tenant.unit(&id).ok_or(WebError::NotFound)?.id.clone();
    staff.user.require_unit(Permission::ViewScorecards, &unit, tenant.tree())?;
    if !staff.user.access.can_unit(Permission::ManageUnitIndicators, &unit, tenant.tree()) {
        return Err(WebError::Forbidden);
    }
    if body.len() > 10_000 {
        return Err(malformed(&staff, "body", &body.len().to_string()));
    }
    let mut entries = Vec::new();
    for month in body {
        let parsed = stored::parse_month(&month.month).ok_or_else(|| malformed(&staff, "month", &month.month))?;
        entries.push(MonthEntry { code: month.code, month: parsed, target: month.target, actual: month.actual });
    }
    let saved = stored::save_months(&staff.action_cx(), &UnitId::new(id), &entries, false).await?;
    Ok(Json(SavedOut { saved }))
}

fn malformed(staff: &Staff, field: &str, given: &str) -> WebError {
    let message = staff.lang.tf("errors.field.malformed", &[("given", given)]);
    WebError::Invalid(vec![ApiProblem { field: field.to_owned(), code: "malformed".to_owned(), message }])
}
