//! The staff side of the survey API, for a signed-in session (with the `X-CSRF-Token` header on writes): the
//! surveys in the user's scope with their index, defining services, opening surveys, importing paper forms as CSV,
//! and recording follow-up plans. The same rules and permissions as the pages.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use domain::ids::UnitId;
use domain::people::Permission;
use serde::{Deserialize, Serialize};
use store::surveys::catalog::{self, Filter, RawSurvey};
use store::surveys::followups::{self, RawFollowup};
use store::surveys::services::{self, RawService};
use store::surveys::{reports, responses};
use utoipa::ToSchema;

use crate::App;
use crate::error::{ApiProblem, WebError};
use crate::staff::Staff;
use crate::surveys::report_model::{merge, summarize};

/// The routes.
pub fn routes() -> Router<App> {
    Router::new()
        .route("/api/v1/skm/surveys", get(list).post(open))
        .route("/api/v1/skm/services", post(create_service))
        .route("/api/v1/skm/surveys/{id}/paper", post(import_paper))
        .route("/api/v1/skm/followups", post(create_followup))
}

/// A survey with its figures.
#[derive(Serialize, ToSchema)]
pub struct SurveySummaryOut {
    id: String,
    /// Short-link code: `/s/{code}`.
    code: String,
    service_id: String,
    service: String,
    unit_id: String,
    period: String,
    open: bool,
    respondents: u64,
    held: u64,
    /// Converted IKM, two decimals, when any answer.
    converted: Option<String>,
    category: Option<&'static str>,
}

/// The surveys of the units the user reads, newest period first.
#[utoipa::path(get, path = "/api/v1/skm/surveys",
    responses((status = 200, body = [SurveySummaryOut]), (status = 401, body = crate::error::ProblemDocument<'_>),
        (status = 403, body = crate::error::ProblemDocument<'_>)))]
pub async fn list(staff: Staff) -> Result<Json<Vec<SurveySummaryOut>>, WebError> {
    staff.user.require_any(Permission::ViewSurveys)?;
    let data = staff.app.db().tenant_data(&staff.tenant.0.id).await?;
    let tree = &data.tree;
    let mut conn = staff.app.db().conn().await?;
    let tenant = &staff.tenant.0.id;
    let all = services::list(&mut conn, tenant).await?;
    let surveys = catalog::list(&mut conn, tenant, &Filter::default()).await?;
    let surveys: Vec<_> = surveys
        .into_iter()
        .filter(|it| staff.user.access.can_unit(Permission::ViewSurveys, &it.unit_id, tree))
        .collect();
    let ids: Vec<String> = surveys.iter().map(|it| it.id.clone()).collect();
    let totals = reports::list_totals(&mut conn, tenant, &ids, false).await?;
    let out = surveys
        .iter()
        .map(|it| {
            let ikm = summarize(&merge(std::iter::once(it), &totals)).ikm;
            SurveySummaryOut {
                id: it.id.clone(),
                code: it.code.clone(),
                service_id: it.service_id.clone(),
                service: all.iter().find(|s| s.id == it.service_id).map(|s| s.name.clone()).unwrap_or_default(),
                unit_id: it.unit_id.as_str().to_owned(),
                period: it.period.code(),
                open: it.open,
                respondents: it.respondents,
                held: it.held,
                converted: ikm.map(|i| i.display()),
                category: ikm.map(|i| i.category.letter()),
            }
        })
        .collect();
    Ok(Json(out))
}

fn require_unit(
    staff: &Staff,
    unit: &str,
    permission: Permission,
    units: &[domain::org::Unit],
) -> Result<(), WebError> {
    staff.user.require_unit(permission, &UnitId::new(unit.to_owned()), &domain::org::UnitTree::of_units(units))
}

/// A new service.
#[derive(Deserialize, ToSchema)]
pub struct ServiceIn {
    unit_id: String,
    name: String,
    #[serde(default)]
    description: String,
    /// Service users per year.
    #[serde(default)]
    population: Option<u64>,
}

/// What was created.
#[derive(Serialize, ToSchema)]
pub struct CreatedOut {
    id: String,
    /// The short-link code, for a survey.
    code: Option<String>,
}

/// Defines a service of a unit.
#[utoipa::path(post, path = "/api/v1/skm/services", request_body = ServiceIn,
    responses((status = 201, body = CreatedOut), (status = 422, body = crate::error::ProblemDocument<'_>)))]
pub async fn create_service(staff: Staff, Json(body): Json<ServiceIn>) -> Result<Response, WebError> {
    let data = staff.app.db().tenant_data(&staff.tenant.0.id).await?;
    require_unit(&staff, &body.unit_id, Permission::ManageSurveys, &data.units)?;
    let raw = RawService {
        unit_id: body.unit_id,
        name: body.name,
        description: body.description,
        population: body.population.map(|it| it.to_string()).unwrap_or_default(),
        active: true,
    };
    let service = services::create(&staff.action_cx(), &raw).await?;
    Ok((StatusCode::CREATED, Json(CreatedOut { id: service.id, code: None })).into_response())
}

/// A survey to open.
#[derive(Deserialize, ToSchema)]
pub struct SurveyIn {
    service_id: String,
    /// `2026-T4`, `2026-S2` or `2026`.
    period: String,
    #[serde(default)]
    population: Option<u64>,
}

/// Opens a survey of a service for a period.
#[utoipa::path(post, path = "/api/v1/skm/surveys", request_body = SurveyIn,
    responses((status = 201, body = CreatedOut), (status = 422, body = crate::error::ProblemDocument<'_>)))]
pub async fn open(staff: Staff, Json(body): Json<SurveyIn>) -> Result<Response, WebError> {
    let data = staff.app.db().tenant_data(&staff.tenant.0.id).await?;
    let service = services::load(&mut *staff.app.db().conn().await?, &staff.tenant.0.id, &body.service_id).await?;
    require_unit(&staff, service.unit_id.as_str(), Permission::ManageSurveys, &data.units)?;
    let raw = RawSurvey {
        service_id: body.service_id,
        period: body.period,
        population: body.population.map(|it| it.to_string()).unwrap_or_default(),
    };
    let survey = catalog::open(&staff.action_cx(), &raw).await?;
    Ok((StatusCode::CREATED, Json(CreatedOut { id: survey.id, code: Some(survey.code) })).into_response())
}

/// What an import stored.
#[derive(Serialize, ToSchema)]
pub struct ImportedOut {
    count: usize,
}

/// Paper forms as a CSV body (the template's columns): all rows or none; every bad row in `problems`.
#[utoipa::path(post, path = "/api/v1/skm/surveys/{id}/paper", params(("id" = String, Path)),
    request_body(content = String, content_type = "text/csv"),
    responses((status = 201, body = ImportedOut), (status = 422, body = crate::error::ProblemDocument<'_>)))]
pub async fn import_paper(staff: Staff, Path(id): Path<String>, body: axum::body::Bytes) -> Result<Response, WebError> {
    let data = staff.app.db().tenant_data(&staff.tenant.0.id).await?;
    let survey = catalog::load(&mut *staff.app.db().conn().await?, &staff.tenant.0.id, &id).await?;
    require_unit(&staff, survey.unit_id.as_str(), Permission::CollectSurveys, &data.units)?;
    let (lang, applicable) = (staff.lang, survey.applicable());
    let read = crate::sheets::off_thread(move || crate::surveys::import::read(lang, "api.csv", &body, &applicable));
    let rows = read.await?.map_err(|messages| {
        WebError::Invalid(
            messages
                .into_iter()
                .map(|message| ApiProblem { field: "file".into(), code: "row".into(), message })
                .collect(),
        )
    })?;
    let done = responses::import(&staff.action_cx(), &survey, "api.csv", &rows).await?;
    Ok((StatusCode::CREATED, Json(ImportedOut { count: done.count })).into_response())
}

/// A follow-up plan.
#[derive(Deserialize, ToSchema)]
pub struct FollowupIn {
    unit_id: String,
    period: String,
    /// `u1` … `u9`.
    element: String,
    action: String,
    owner: String,
    /// `2027-03-31`.
    due_on: String,
}

/// Records a follow-up plan of a unit for a period.
#[utoipa::path(post, path = "/api/v1/skm/followups", request_body = FollowupIn,
    responses((status = 201, body = CreatedOut), (status = 422, body = crate::error::ProblemDocument<'_>)))]
pub async fn create_followup(staff: Staff, Json(body): Json<FollowupIn>) -> Result<Response, WebError> {
    let data = staff.app.db().tenant_data(&staff.tenant.0.id).await?;
    require_unit(&staff, &body.unit_id, Permission::ManageSurveys, &data.units)?;
    let raw = RawFollowup {
        unit_id: body.unit_id,
        period: body.period,
        element: body.element,
        action: body.action,
        owner: body.owner,
        due_on: body.due_on,
        ..RawFollowup::default()
    };
    let plan = followups::create(&staff.action_cx(), &raw).await?;
    Ok((StatusCode::CREATED, Json(CreatedOut { id: plan.id, code: None })).into_response())
}
