//! `/api/v1/scorecards` and `/api/v1/watchlist`: the rows of the scorecard pages and the units on the watch list,
//! for a signed-in session; a unit head receives the units in their scope only.

use axum::Json;
use axum::extract::Query;
use domain::people::Permission;
use domain::scorecards::period::ScorePeriod;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::{ApiProblem, WebError};
use crate::i18n::Lang;
use crate::scorecards::{Scope, ScorecardRow, load};
use crate::staff::Staff;

#[derive(Deserialize, IntoParams)]
pub struct CardsQuery {
    /// `2026-11`, `2026-T4`, `2026-S2` or `2026`; this month when absent (the watch list: this quarter).
    period: Option<String>,
    /// The figures as they stood at the end of this day, `YYYY-MM-DD`, not after today; today when absent.
    as_of: Option<String>,
    /// `unit` (the unit alone, default) or `tree` (with its subunits).
    scope: Option<String>,
}

/// A unit on the watch list.
#[derive(Serialize, ToSchema)]
pub struct WatchOut {
    /// The unit's row for the period.
    #[serde(flatten)]
    pub row: ScorecardRow,
    /// Each rule that fires with the figure that made it fire (a share, a count, an IKM or a drop in points).
    pub fired: Vec<FiredOut>,
}

/// A rule that fired.
#[derive(Serialize, ToSchema)]
pub struct FiredOut {
    /// The rule's code.
    pub rule: String,
    /// The figure measured.
    pub value: f64,
}

fn invalid(lang: Lang, field: &str, given: &str) -> WebError {
    let message = lang.tf("errors.field.malformed", &[("given", given)]);
    WebError::Invalid(vec![ApiProblem { field: field.to_owned(), code: "malformed".to_owned(), message }])
}

fn asked(
    staff: &Staff,
    query: &CardsQuery,
    default: fn(Date) -> ScorePeriod,
) -> Result<(ScorePeriod, Date, Scope), WebError> {
    let today = staff.tenant.0.zone.local_date(staff.app.now());
    let period = match query.period.as_deref() {
        None => default(today),
        Some(raw) => ScorePeriod::parse(raw).ok_or_else(|| invalid(staff.lang, "period", raw))?,
    };
    let as_of = match query.as_of.as_deref() {
        None => today,
        Some(raw) => {
            raw.trim().parse().ok().filter(|it| *it <= today).ok_or_else(|| invalid(staff.lang, "as_of", raw))?
        }
    };
    let scope = match query.scope.as_deref() {
        None | Some("unit") => Scope::Unit,
        Some("tree") => Scope::Tree,
        Some(raw) => return Err(invalid(staff.lang, "scope", raw)),
    };
    Ok((period, as_of, scope))
}

/// Every unit's figures for a period (the units in the reader's scope).
#[utoipa::path(get, path = "/api/v1/scorecards", params(CardsQuery),
    responses((status = 200, body = [ScorecardRow]), (status = 401, body = crate::error::ProblemDocument<'_>),
        (status = 403, body = crate::error::ProblemDocument<'_>), (status = 422, body = crate::error::ProblemDocument<'_>)))]
pub async fn list(staff: Staff, Query(query): Query<CardsQuery>) -> Result<Json<Vec<ScorecardRow>>, WebError> {
    staff.user.require_any(Permission::ViewScorecards)?;
    let (period, as_of, scope) = asked(&staff, &query, ScorePeriod::month_of)?;
    let visible =
        crate::view::TenantView::of(&staff).await?.visible_units(&staff.user.access, Permission::ViewScorecards);
    let cards = load(staff.app.db(), &staff.tenant.0.id, (period, as_of), scope, visible.as_deref()).await?;
    Ok(Json(cards.rows))
}

/// The units on the watch list for a period (this quarter unless asked), with the rules that fire.
#[utoipa::path(get, path = "/api/v1/watchlist", params(CardsQuery),
    responses((status = 200, body = [WatchOut]), (status = 401, body = crate::error::ProblemDocument<'_>),
        (status = 403, body = crate::error::ProblemDocument<'_>), (status = 422, body = crate::error::ProblemDocument<'_>)))]
pub async fn watchlist(staff: Staff, Query(query): Query<CardsQuery>) -> Result<Json<Vec<WatchOut>>, WebError> {
    staff.user.require_any(Permission::ViewScorecards)?;
    let quarter =
        |day| ScorePeriod::Span(domain::surveys::Period::containing(domain::surveys::PeriodKind::Quarter, day));
    let (period, as_of, scope) = asked(&staff, &query, quarter)?;
    let visible =
        crate::view::TenantView::of(&staff).await?.visible_units(&staff.user.access, Permission::ViewScorecards);
    let cards = load(staff.app.db(), &staff.tenant.0.id, (period, as_of), scope, visible.as_deref()).await?;
    let out = cards
        .rows
        .into_iter()
        .filter(|row| row.watch)
        .map(|row| {
            let fired = cards.listed.get(&domain::ids::UnitId::new(row.unit_id.clone())).cloned().unwrap_or_default();
            let fired = fired.into_iter().map(|it| FiredOut { rule: it.code, value: it.value }).collect();
            WatchOut { row, fired }
        })
        .collect();
    Ok(Json(out))
}
