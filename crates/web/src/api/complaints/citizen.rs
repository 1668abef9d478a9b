//! The citizen's side of the complaints API: file an item and get its receipt, follow it with number and secret,
//! and take the reporter's steps. No account; the same checks, storage and receipt as the web form.

use axum::Json;
use axum::extract::{FromRequest, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use domain::complaints::Party;
use domain::complaints::intake::{RawItem, Source};
use domain::problems::{FieldProblem, Problem};
use store::complaints::actions::{Step, take};
use store::complaints::intake::Submission;
use store::complaints::{Item, NewFile, queries, reporter};
use store::{Actor, StoreError};

use super::wire::{ComplaintIn, ComplaintOut, ReceiptOut, ReporterStepIn, TrackIn, complaint_out};
use crate::App;
use crate::complaints::views::{ViewCx, Viewer};
use crate::error::WebError;
use crate::forms::api_problems;
use crate::i18n::Lang;
use crate::tenant::Tenant;

fn raw_item(body: &ComplaintIn) -> RawItem {
    let number = |it: Option<f64>| it.map(|value| value.to_string()).unwrap_or_default();
    RawItem {
        kind: body.kind.clone(),
        category: body.category.clone(),
        unit: body.unit.clone().unwrap_or_default(),
        title: body.title.clone(),
        body: body.body.clone(),
        location: body.location.clone().unwrap_or_default(),
        latitude: number(body.latitude),
        longitude: number(body.longitude),
        confidentiality: body.confidentiality.clone(),
        name: body.name.clone().unwrap_or_default(),
        contact: body.contact.clone().unwrap_or_default(),
        ..RawItem::default()
    }
}

fn decode_files(body: &ComplaintIn) -> Result<Vec<NewFile>, Vec<FieldProblem>> {
    let engine = base64::engine::general_purpose::STANDARD;
    let mut files = Vec::new();
    for attachment in &body.attachments {
        let bytes = engine.decode(attachment.content_base64.trim()).map_err(|_| {
            vec![FieldProblem {
                field: "attachments",
                problem: Problem::Malformed { given: attachment.file_name.clone() },
            }]
        })?;
        files.push(NewFile { file_name: attachment.file_name.clone(), bytes });
    }
    Ok(files)
}

/// File an item (no account). The receipt comes back only after the item is durably stored.
#[utoipa::path(post, path = "/api/v1/complaints", request_body = ComplaintIn,
    responses(
        (status = 201, body = ReceiptOut),
        (status = 400, description = "not JSON, or not this shape", body = crate::error::ProblemDocument<'_>),
        (status = 422, description = "invalid fields, each in `problems`", body = crate::error::ProblemDocument<'_>),
        (status = 429, description = "too many submissions from this address", body = crate::error::ProblemDocument<'_>)))]
pub async fn create(State(app): State<App>, tenant: Tenant, request: Request) -> Result<Response, WebError> {
    let lang = Lang::from_headers(request.headers());
    let ip = crate::security::client_ip(&app, &request).to_string();
    let headers = request.headers().clone();
    let Json(body) = Json::<ComplaintIn>::from_request(request, &app)
        .await
        .map_err(|rejection| WebError::BadRequest(rejection.body_text()))?;
    let files = decode_files(&body).map_err(|problems| WebError::Invalid(api_problems(lang, &problems)))?;
    let submission = Submission {
        raw: raw_item(&body),
        source: Source::Citizen,
        channel: domain::complaints::Channel::Api,
        ip: Some(ip),
        files,
        registered_by: None,
    };
    let filed = match crate::complaints::file_detached(&app, &tenant, Actor::System("api"), submission).await? {
        Ok(filed) => filed,
        Err(StoreError::Invalid(problems)) => return Err(WebError::Invalid(api_problems(lang, &problems))),
        Err(err) => return Err(err.into()),
    };
    let out = ReceiptOut {
        number: filed.item.number.clone(),
        secret: domain::complaints::tracking::display_secret(&filed.secret),
        verify_url: crate::complaints::public::verify_url(&app, &headers, &filed.receipt),
        receipt: filed.receipt,
        received_at: crate::view::format::rfc3339(filed.item.received_at_ms, tenant.0.zone),
        due_date: filed.item.deadline.map(|it| it.due.to_string()),
        possible_duplicate_of: filed.item.possible_duplicate_of,
    };
    Ok((StatusCode::CREATED, Json(out)).into_response())
}

async fn reporter_view(app: &App, tenant: &Tenant, lang: Lang, item: &Item) -> Result<ComplaintOut, WebError> {
    let mut conn = app.db().conn().await?;
    let events = queries::list_events(&mut conn, &tenant.0.id, &item.id).await?;
    let units = store::org::queries::list_units(&mut conn, &tenant.0.id).await?;
    let viewer = Viewer::Reporter;
    let cx = ViewCx { lang, zone: tenant.0.zone, units: &units, viewer, now_ms: app.now().as_millisecond() };
    Ok(complaint_out(item, cx.item(item, &events, &[]), &events, (viewer, tenant.0.zone)))
}

async fn open(app: &App, tenant: &Tenant, number: &str, secret: &str) -> Result<Item, WebError> {
    let mut conn = app.db().conn().await?;
    reporter::find_with_secret(&mut conn, &tenant.0.id, number, secret).await?.ok_or(WebError::NotFound)
}

/// Follow an item with its number and secret (a POST keeps the secret out of logs and addresses).
#[utoipa::path(post, path = "/api/v1/complaints/track", request_body = TrackIn,
    responses(
        (status = 200, body = ComplaintOut),
        (status = 404, description = "no item with this number and secret", body = crate::error::ProblemDocument<'_>)))]
pub async fn track(
    State(app): State<App>,
    tenant: Tenant,
    lang: Lang,
    Json(body): Json<TrackIn>,
) -> Result<Json<ComplaintOut>, WebError> {
    let item = open(&app, &tenant, &body.number, &body.secret).await?;
    Ok(Json(reporter_view(&app, &tenant, lang, &item).await?))
}

/// A step by the reporter: reply, rate, reopen, confirm, withdraw, contest a closing, ask for a correction.
#[utoipa::path(post, path = "/api/v1/complaints/track/steps", request_body = ReporterStepIn,
    responses(
        (status = 200, description = "the item after the step", body = ComplaintOut),
        (status = 404, description = "no item with this number and secret", body = crate::error::ProblemDocument<'_>),
        (status = 409, description = "the step is not open in the item's state", body = crate::error::ProblemDocument<'_>),
        (status = 422, description = "a missing message or a rating outside 1–5", body = crate::error::ProblemDocument<'_>)))]
pub async fn step(
    State(app): State<App>,
    tenant: Tenant,
    lang: Lang,
    Json(body): Json<ReporterStepIn>,
) -> Result<Json<ComplaintOut>, WebError> {
    let item = open(&app, &tenant, &body.number, &body.secret).await?;
    let action = crate::complaints::public::reporter_action(&body.action).ok_or_else(|| {
        let problem = FieldProblem { field: "action", problem: Problem::UnknownCode { given: body.action.clone() } };
        WebError::Invalid(api_problems(lang, &[problem]))
    })?;
    let mut step = Step::new(action, Party::Reporter);
    step.body = body.message.clone();
    step.rating = body.rating;
    let cx = app.system_cx(&tenant, "reporter");
    match take(&cx, &item.id, step).await {
        Ok(_) => {}
        Err(StoreError::Invalid(problems)) => return Err(WebError::Invalid(api_problems(lang, &problems))),
        Err(err) => return Err(err.into()),
    }
    let item = open(&app, &tenant, &body.number, &body.secret).await?;
    Ok(Json(reporter_view(&app, &tenant, lang, &item).await?))
}
