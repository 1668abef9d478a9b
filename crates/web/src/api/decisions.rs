//! `/api/v1/decisions` for a signed-in session (with the `X-CSRF-Token` header on writes): the leaders' decisions
//! about units on the watch list that the reader may see, recording one (a leader), and the unit's plan (a head of
//! the unit). Same permissions, checks, notices and audit entries as the pages.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use domain::ids::UnitId;
use domain::people::Permission;
use domain::scorecards::decisions::RawDecision;
use domain::scorecards::period::ScorePeriod;
use serde::{Deserialize, Serialize};
use store::scorecards::decisions::{self as stored, Decision, NewDecision};
use utoipa::ToSchema;

use crate::App;
use crate::error::WebError;
use crate::scorecards::decision_reasons;
use crate::staff::Staff;
use crate::view::TenantView;

/// The routes.
pub fn routes() -> Router<App> {
    Router::new().route("/api/v1/decisions", get(list).post(create)).route("/api/v1/decisions/{id}/plan", post(plan))
}

/// A decision.
#[derive(Serialize, ToSchema)]
pub struct DecisionOut {
    id: String,
    /// `KP-2026-0001`.
    number: String,
    unit_id: String,
    /// The scorecard period looked at.
    period: String,
    /// Rule codes that fired when it was decided.
    reasons: Vec<String>,
    /// `pembinaan`, `teguran`, `evaluasi_kinerja`, `pemeriksaan`, `usul_sanksi` or `tanpa_tindakan`.
    kind: String,
    note: String,
    owner_id: Option<String>,
    /// The unit's local day, `YYYY-MM-DD`.
    decided_on: String,
    decided_by: String,
    /// Last day of the plan, when one is asked.
    due_on: Option<String>,
    /// `nothing_asked`, `awaited`, `overdue` or `answered`, today.
    standing: String,
    plan: Option<String>,
    answered_by: Option<String>,
    /// Epoch milliseconds.
    answered_at_ms: Option<i64>,
    /// The preliminary review an examination request opened.
    review_id: Option<String>,
    /// Whether the lapse was reported to the leader.
    escalated: bool,
}

fn out(staff: &Staff, tenant: &TenantView, it: Decision) -> DecisionOut {
    let today = staff.tenant.0.zone.local_date(staff.app.now());
    let (standing, _) = crate::scorecards::standing_of(&it, tenant.calendar(), today);
    DecisionOut {
        reasons: it.reason_codes().into_iter().map(str::to_owned).collect(),
        standing: standing.to_owned(),
        escalated: it.escalated_at_ms.is_some(),
        id: it.id,
        number: it.number,
        unit_id: it.unit_id,
        period: it.period,
        kind: it.kind,
        note: it.note,
        owner_id: it.owner_id,
        decided_on: it.decided_on,
        decided_by: it.decided_by,
        due_on: it.due_on,
        plan: it.plan,
        answered_by: it.answered_by,
        answered_at_ms: it.answered_at_ms,
        review_id: it.review_id,
    }
}

/// The decisions about the units the reader may see, those awaiting a plan first.
#[utoipa::path(get, path = "/api/v1/decisions",
    responses((status = 200, body = Vec<DecisionOut>), (status = 401, body = crate::error::ProblemDocument<'_>),
        (status = 403, body = crate::error::ProblemDocument<'_>)))]
pub async fn list(staff: Staff) -> Result<Json<Vec<DecisionOut>>, WebError> {
    staff.user.require_any(Permission::ViewScorecards)?;
    let tenant = TenantView::of(&staff).await?;
    let visible = tenant.visible_units(&staff.user.access, Permission::ViewScorecards);
    let mut conn = staff.app.db().conn().await?;
    let rows = stored::list_recent(&mut conn, &staff.tenant.0.id, visible.as_deref(), 1000).await?;
    Ok(Json(rows.into_iter().map(|it| out(&staff, &tenant, it)).collect()))
}

/// A decision to record.
#[derive(Deserialize, ToSchema)]
pub struct DecisionIn {
    unit_id: String,
    /// The period looked at; this quarter when absent.
    period: Option<String>,
    kind: String,
    note: String,
    /// A head of the unit who answers; every head when absent.
    owner_id: Option<String>,
    /// The office printed under the leader's name on a letter.
    signer_office: Option<String>,
}

/// Records a decision about a unit (a leader); the rules that fire are taken from the figures.
#[utoipa::path(post, path = "/api/v1/decisions", request_body = DecisionIn,
    responses((status = 201, body = DecisionOut), (status = 403, body = crate::error::ProblemDocument<'_>),
        (status = 404, body = crate::error::ProblemDocument<'_>), (status = 422, body = crate::error::ProblemDocument<'_>)))]
pub async fn create(staff: Staff, Json(body): Json<DecisionIn>) -> Result<Response, WebError> {
    staff.user.require_tenant(Permission::DecideOnWatchList)?;
    let tenant = TenantView::of(&staff).await?;
    tenant.unit(&body.unit_id).ok_or(WebError::NotFound)?;
    let today = staff.tenant.0.zone.local_date(staff.app.now());
    let period = match body.period.as_deref() {
        None => ScorePeriod::Span(domain::surveys::Period::containing(domain::surveys::PeriodKind::Quarter, today)),
        Some(raw) => ScorePeriod::parse(raw).ok_or_else(|| {
            let message = staff.lang.tf("errors.field.malformed", &[("given", raw)]);
            WebError::Invalid(vec![crate::error::ApiProblem {
                field: "period".to_owned(),
                code: "malformed".to_owned(),
                message,
            }])
        })?,
    };
    let new = NewDecision {
        reasons: decision_reasons(&staff, &body.unit_id, period).await?,
        unit_id: body.unit_id,
        period: period.code(),
        raw: RawDecision { kind: body.kind, note: body.note },
        owner_id: body.owner_id.filter(|it| !it.trim().is_empty()),
        signer_office: body.signer_office.filter(|it| !it.trim().is_empty()),
    };
    let kinds = crate::scorecards::decision_kinds(&staff).await?;
    let decision = stored::record(&staff.action_cx(), &kinds, &new).await?;
    Ok((StatusCode::CREATED, Json(out(&staff, &tenant, decision))).into_response())
}

/// The unit's plan.
#[derive(Deserialize, ToSchema)]
pub struct PlanIn {
    plan: String,
}

/// Answers a decision with the unit's plan (a head of the unit).
#[utoipa::path(post, path = "/api/v1/decisions/{id}/plan", request_body = PlanIn,
    responses((status = 200, body = DecisionOut), (status = 403, body = crate::error::ProblemDocument<'_>),
        (status = 404, body = crate::error::ProblemDocument<'_>), (status = 422, body = crate::error::ProblemDocument<'_>)))]
pub async fn plan(
    staff: Staff,
    Path(id): Path<String>,
    Json(body): Json<PlanIn>,
) -> Result<Json<DecisionOut>, WebError> {
    staff.user.require_any(Permission::ViewScorecards)?;
    let tenant = TenantView::of(&staff).await?;
    let mut conn = staff.app.db().conn().await?;
    let decision = stored::load(&mut conn, &staff.tenant.0.id, &id).await?;
    drop(conn);
    let unit = UnitId::new(decision.unit_id.clone());
    staff.user.require_unit(Permission::ViewScorecards, &unit, tenant.tree())?;
    if !staff.user.access.can_unit(Permission::AnswerWatchDecisions, &unit, tenant.tree()) {
        return Err(WebError::Forbidden);
    }
    let answered = stored::answer(&staff.action_cx(), &id, &body.plan).await?;
    Ok(Json(out(&staff, &tenant, answered)))
}
