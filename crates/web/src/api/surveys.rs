//! `/api/v1/skm`: a survey's questions, answering it without an account (one response per device per service per
//! day, like the phone form), and the report of a Pemda, unit or service in a period.

use std::collections::BTreeMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use domain::surveys::ELEMENTS;
use domain::surveys::profile::PROFILE;
use domain::surveys::response::{Completeness, RawResponse, check};
use serde::{Deserialize, Serialize};
use store::surveys::responses::{Stored, submit};
use store::surveys::{catalog, services};
use utoipa::ToSchema;

use crate::App;
use crate::error::WebError;
use crate::forms::api_problems;
use crate::i18n::Lang;
use crate::surveys::report_model::{ReportModel, ReportQuery, build};
use crate::tenant::Tenant;

/// The routes.
pub fn routes() -> Router<App> {
    Router::new()
        .route("/api/v1/skm/report", get(report))
        .route("/api/v1/skm/surveys/{code}", get(survey))
        .route("/api/v1/skm/surveys/{code}/responses", axum::routing::post(respond))
}

/// One question.
#[derive(Serialize, ToSchema)]
pub struct QuestionOut {
    /// `u1` … `u9`.
    code: &'static str,
    /// Name in the request's language.
    name: &'static str,
    /// The official answer labels for 1, 2, 3 and 4.
    answers: [&'static str; 4],
    /// Whether it is asked in this survey; when not, why.
    applicable: bool,
    not_applicable_reason: Option<String>,
}

/// A profile question and its answer codes.
#[derive(Serialize, ToSchema)]
pub struct ProfileOut {
    code: &'static str,
    values: Vec<&'static str>,
}

/// A survey as a client needs it to ask the questions.
#[derive(Serialize, ToSchema)]
pub struct SurveyOut {
    code: String,
    service: String,
    unit_id: String,
    /// Period code, `2026-T4`.
    period: String,
    open: bool,
    questions: Vec<QuestionOut>,
    profile: Vec<ProfileOut>,
}

/// The questions of a survey, by its short-link code.
#[utoipa::path(get, path = "/api/v1/skm/surveys/{code}", params(("code" = String, Path)),
    responses((status = 200, body = SurveyOut), (status = 404, body = crate::error::ProblemDocument<'_>)))]
pub async fn survey(
    State(app): State<App>,
    tenant: Tenant,
    lang: Lang,
    Path(code): Path<String>,
) -> Result<Json<SurveyOut>, WebError> {
    let mut conn = app.db().conn().await?;
    let survey = catalog::find_by_code(&mut conn, &tenant.0.id, &code).await?.ok_or(WebError::NotFound)?;
    let service = services::load(&mut conn, &tenant.0.id, &survey.service_id).await?;
    let questions = (0..9)
        .map(|n| QuestionOut {
            code: ELEMENTS[n].code,
            name: crate::surveys::report_parts::element_name(lang, n),
            answers: ELEMENTS[n].answers_id,
            applicable: survey.applicable()[n],
            not_applicable_reason: survey.not_applicable.get(ELEMENTS[n].code).cloned(),
        })
        .collect();
    Ok(Json(SurveyOut {
        code: survey.code.clone(),
        service: service.name,
        unit_id: survey.unit_id.as_str().to_owned(),
        period: survey.period.code(),
        open: survey.open,
        questions,
        profile: PROFILE.iter().map(|it| ProfileOut { code: it.code, values: it.values.to_vec() }).collect(),
    }))
}

/// One response.
#[derive(Deserialize, ToSchema)]
pub struct ResponseIn {
    /// Answers by element code, 1–4; every applicable element is required.
    answers: BTreeMap<String, u8>,
    /// Profile answers by field code (all optional).
    #[serde(default)]
    profile: BTreeMap<String, String>,
    #[serde(default)]
    suggestion: Option<String>,
    /// A stable id of the answering device (kept only as a salted digest), for one response per service per day.
    device_id: String,
}

/// What became of a response.
#[derive(Serialize, ToSchema)]
pub struct ResponseOut {
    /// `counted`, `held` (kept for staff review), `already_today` or `closed`.
    status: &'static str,
    message: String,
}

/// Answers a survey (no account).
#[utoipa::path(post, path = "/api/v1/skm/surveys/{code}/responses", params(("code" = String, Path)), request_body = ResponseIn,
    responses(
        (status = 201, body = ResponseOut),
        (status = 404, body = crate::error::ProblemDocument<'_>),
        (status = 409, description = "already answered today from this device, or the survey is closed", body = ResponseOut),
        (status = 422, description = "invalid answers, each in `problems`", body = crate::error::ProblemDocument<'_>),
        (status = 429, body = crate::error::ProblemDocument<'_>)))]
pub async fn respond(
    visitor: crate::surveys::visitor::Visitor,
    Path(code): Path<String>,
    Json(body): Json<ResponseIn>,
) -> Result<Response, WebError> {
    let crate::surveys::visitor::Visitor { app, tenant, lang, ip, .. } = visitor;
    let mut conn = app.db().conn().await?;
    let survey = catalog::find_by_code(&mut conn, &tenant.0.id, &code).await?.ok_or(WebError::NotFound)?;
    drop(conn);
    let mut raw = RawResponse::default();
    for (n, element) in ELEMENTS.iter().enumerate() {
        raw.answers[n] = body.answers.get(element.code).map(u8::to_string).unwrap_or_default();
    }
    for (n, field) in PROFILE.iter().enumerate() {
        raw.profile[n] = body.profile.get(field.code).cloned().unwrap_or_default();
    }
    raw.suggestion = body.suggestion.clone().unwrap_or_default();
    let response = check(&raw, &survey.applicable(), Completeness::All)
        .map_err(|it| WebError::Invalid(api_problems(lang, &it)))?;
    let device = body.device_id.trim();
    if device.len() < 8 || device.len() > 200 {
        let problem = domain::problems::FieldProblem {
            field: "device_id",
            problem: domain::problems::Problem::TooShort { min: 8 },
        };
        return Err(WebError::Invalid(api_problems(lang, &[problem])));
    }
    let source = crate::surveys::respond::web_source(&app, &tenant, &survey, device, ip).await?;
    let stored = submit(&app.system_cx(&tenant, "skm-api"), &survey, &source, &response).await?;
    let (status, code, key) = match stored {
        Stored::Counted => (StatusCode::CREATED, "counted", "surveys.respond.thanks"),
        Stored::Held => (StatusCode::CREATED, "held", "surveys.respond.thanks"),
        Stored::AlreadyToday => (StatusCode::CONFLICT, "already_today", "surveys.respond.already_today"),
        Stored::Closed => (StatusCode::CONFLICT, "closed", "surveys.respond.closed"),
    };
    Ok((status, Json(ResponseOut { status: code, message: lang.t(key).to_owned() })).into_response())
}

/// The report of the whole Pemda, a unit (with its subunits) or a service, in a period (default: the newest with a
/// survey): respondents, NRR per element, IKM, converted IKM, category, weakest elements, trend, profile, parts,
/// follow-up plans. Public: it holds no personal data.
#[utoipa::path(get, path = "/api/v1/skm/report",
    params(("period" = Option<String>, Query), ("unit" = Option<String>, Query), ("service" = Option<String>, Query)),
    responses((status = 200, description = "the report model, the same figures as the page, PDF and XLSX"),
        (status = 404, body = crate::error::ProblemDocument<'_>)))]
pub async fn report(
    State(app): State<App>,
    tenant: Tenant,
    lang: Lang,
    Query(query): Query<ReportQuery>,
) -> Result<Json<ReportModel>, WebError> {
    Ok(Json(build(&app, &tenant, lang, &query).await?))
}
