//! One survey for staff: its figures, the short link with its QR code and poster, the elements that do not apply,
//! the population, closing and reopening, held responses to review, the suggestions, and the paper import.

use axum::Form;
use axum::extract::{Multipart, Path};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use domain::people::Permission;
use domain::surveys::ELEMENTS;
use serde::{Deserialize, Serialize};
use store::StoreError;
use store::surveys::catalog::{self, RawSettings};
use store::surveys::{Survey, responses, review, services};

use super::report_model::{ReportModel, ReportQuery, build};
use super::respond::period_name;
use crate::error::WebError;
use crate::forms::{FieldErrors, field_errors, message};
use crate::render::render_status;
use crate::staff::Staff;
use crate::view::format::local_time;
use crate::view::public_base;

#[derive(Serialize)]
struct HeldRow {
    id: String,
    at: String,
    channel: String,
    answers: String,
}

#[derive(Serialize)]
struct NaRow {
    code: &'static str,
    name: &'static str,
    reason: String,
}

#[derive(Serialize)]
struct SurveyPage {
    #[serde(flatten)]
    layout: crate::layout::Layout,
    id: String,
    service: String,
    period: String,
    open: bool,
    link: String,
    qr_svg: String,
    code: String,
    report: ReportModel,
    manage: bool,
    collect: bool,
    population: String,
    na: Vec<NaRow>,
    held: Vec<HeldRow>,
    suggestions: Vec<(String, String)>,
    errors: FieldErrors,
    import_errors: Vec<String>,
    imported: Option<usize>,
}

async fn load_for(staff: &Staff, id: &str, permission: Permission) -> Result<Survey, WebError> {
    let data = staff.app.db().tenant_data(&staff.tenant.0.id).await?;
    let mut conn = staff.app.db().conn().await?;
    let survey = catalog::load(&mut conn, &staff.tenant.0.id, id).await?;
    staff.user.require_unit(permission, &survey.unit_id, &data.tree)?;
    Ok(survey)
}

#[derive(Default)]
struct Extra {
    status: Option<StatusCode>,
    settings: Option<RawSettings>,
    errors: FieldErrors,
    import_errors: Vec<String>,
    imported: Option<usize>,
}

async fn page(staff: Staff, headers: &HeaderMap, survey: Survey, extra: Extra) -> Result<Response, WebError> {
    let data = staff.app.db().tenant_data(&staff.tenant.0.id).await?;
    let tree = &data.tree;
    let access = &staff.user.access;
    let mut conn = staff.app.db().conn().await?;
    let service = services::load(&mut conn, &staff.tenant.0.id, &survey.service_id).await?;
    let query = ReportQuery { period: survey.period.code(), unit: String::new(), service: service.id.clone() };
    let report = build(&staff.app, &staff.tenant, staff.lang, &query).await?;
    let link = format!("{}/s/{}", public_base(&staff.app, headers), survey.code);
    let (held, suggestions) = held_and_suggestions(&staff, &survey).await?;
    let settings = extra.settings.unwrap_or_else(|| RawSettings {
        population: survey.population.map(|it| it.to_string()).unwrap_or_default(),
        not_applicable: std::array::from_fn(|n| {
            survey.not_applicable.get(ELEMENTS[n].code).cloned().unwrap_or_default()
        }),
    });
    let na = (0..9)
        .map(|n| NaRow {
            code: ELEMENTS[n].code,
            name: super::report_parts::element_name(staff.lang, n),
            reason: settings.not_applicable[n].clone(),
        })
        .collect();
    let page = SurveyPage {
        id: survey.id.clone(),
        service: format!("{} — {}", service.name, super::report_model::unit_name(&data.units, &service.unit_id)),
        period: period_name(staff.lang, survey.period),
        open: survey.open,
        qr_svg: crate::view::qr_svg(&link).unwrap_or_default(),
        link,
        code: survey.code.clone(),
        report,
        manage: access.can_unit(Permission::ManageSurveys, &survey.unit_id, tree),
        collect: access.can_unit(Permission::CollectSurveys, &survey.unit_id, tree),
        population: settings.population,
        na,
        held,
        suggestions,
        errors: extra.errors,
        import_errors: extra.import_errors,
        imported: extra.imported,
        layout: staff.layout,
    };
    render_status(extra.status.unwrap_or(StatusCode::OK), "surveys/survey.html", &page)
}

async fn held_and_suggestions(
    staff: &Staff,
    survey: &Survey,
) -> Result<(Vec<HeldRow>, Vec<(String, String)>), WebError> {
    let mut conn = staff.app.db().conn().await?;
    let zone = staff.tenant.0.zone;
    let held = review::list(&mut conn, &staff.tenant.0.id, &survey.id, true, 200).await?;
    let held = held
        .into_iter()
        .map(|it| HeldRow {
            id: it.id,
            at: local_time(it.submitted_at_ms, zone),
            channel: it.channel,
            answers: it
                .response
                .answers
                .iter()
                .map(|a| a.map_or("–".to_owned(), |v| v.to_string()))
                .collect::<Vec<_>>()
                .join(" "),
        })
        .collect();
    let suggestions = review::list(&mut conn, &staff.tenant.0.id, &survey.id, false, 50).await?;
    let suggestions: Vec<(String, String)> = suggestions
        .into_iter()
        .filter_map(|it| it.response.suggestion.map(|text| (local_time(it.submitted_at_ms, zone), text)))
        .collect();
    Ok((held, suggestions))
}

/// `GET /skm/survei/{id}`.
pub async fn show(staff: Staff, headers: HeaderMap, Path(id): Path<String>) -> Result<Response, WebError> {
    let survey = load_for(&staff, &id, Permission::ViewSurveys).await?;
    page(staff, &headers, survey, Extra::default()).await
}

#[derive(Deserialize)]
pub struct SettingsForm {
    #[serde(default)]
    population: String,
    #[serde(flatten)]
    reasons: std::collections::HashMap<String, String>,
}

/// `POST /skm/survei/{id}/pengaturan`: population and elements that do not apply.
pub async fn save_settings(
    staff: Staff,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(form): Form<SettingsForm>,
) -> Result<Response, WebError> {
    let survey = load_for(&staff, &id, Permission::ManageSurveys).await?;
    let raw = RawSettings {
        population: form.population,
        not_applicable: std::array::from_fn(|n| {
            form.reasons.get(&format!("na_{}", ELEMENTS[n].code)).cloned().unwrap_or_default()
        }),
    };
    match catalog::update_settings(&staff.action_cx(), &id, &raw).await {
        Ok(_) => Ok(Redirect::to(&format!("/skm/survei/{id}?notice=saved")).into_response()),
        Err(StoreError::Invalid(problems)) => {
            let errors = field_errors(staff.lang, &problems);
            let extra = Extra {
                status: Some(StatusCode::UNPROCESSABLE_ENTITY),
                settings: Some(raw),
                errors,
                ..Extra::default()
            };
            page(staff, &headers, survey, extra).await
        }
        Err(err) => Err(err.into()),
    }
}

#[derive(Deserialize)]
pub struct StateForm {
    open: String,
}

/// `POST /skm/survei/{id}/status`: close or reopen.
pub async fn set_state(
    staff: Staff,
    Path(id): Path<String>,
    Form(form): Form<StateForm>,
) -> Result<Response, WebError> {
    load_for(&staff, &id, Permission::ManageSurveys).await?;
    catalog::set_open(&staff.action_cx(), &id, form.open == "1").await?;
    Ok(Redirect::to(&format!("/skm/survei/{id}?notice=saved")).into_response())
}

#[derive(Deserialize)]
pub struct ReviewForm {
    response_id: String,
    decision: String,
}

/// `POST /skm/survei/{id}/tinjau`: counts a held response in, or sets it aside.
pub async fn decide(staff: Staff, Path(id): Path<String>, Form(form): Form<ReviewForm>) -> Result<Response, WebError> {
    let survey = load_for(&staff, &id, Permission::ManageSurveys).await?;
    let accept = match form.decision.as_str() {
        "terima" => true,
        "tolak" => false,
        _ => return Err(WebError::BadRequest("decision".into())),
    };
    review::decide(&staff.action_cx(), &survey, &form.response_id, accept).await?;
    Ok(Redirect::to(&format!("/skm/survei/{id}?notice=saved")).into_response())
}

/// `POST /skm/survei/{id}/impor`: paper forms from CSV or XLSX, all rows or none.
pub async fn import(
    staff: Staff,
    headers: HeaderMap,
    Path(id): Path<String>,
    mut multipart: Multipart,
) -> Result<Response, WebError> {
    let survey = load_for(&staff, &id, Permission::CollectSurveys).await?;
    let bad = |err: axum::extract::multipart::MultipartError| WebError::BadRequest(err.to_string());
    let mut file: Option<(String, Vec<u8>)> = None;
    while let Some(field) = multipart.next_field().await.map_err(bad)? {
        if field.name() == Some("file") {
            let name = field.file_name().unwrap_or_default().to_owned();
            file = Some((name, field.bytes().await.map_err(bad)?.to_vec()));
        }
    }
    let lang = staff.lang;
    let refused = |messages: Vec<String>| Extra {
        status: Some(StatusCode::UNPROCESSABLE_ENTITY),
        import_errors: messages,
        ..Extra::default()
    };
    let Some((name, bytes)) = file.filter(|(_, bytes)| !bytes.is_empty()) else {
        return page(staff, &headers, survey, refused(vec![lang.t("surveys.import.no_file").to_owned()])).await;
    };
    let (applicable, file_name) = (survey.applicable(), name.clone());
    let read = crate::sheets::off_thread(move || super::import::read(lang, &file_name, &bytes, &applicable)).await?;
    let rows = match read {
        Ok(rows) => rows,
        Err(messages) => return page(staff, &headers, survey, refused(messages)).await,
    };
    match responses::import(&staff.action_cx(), &survey, &name, &rows).await {
        Ok(done) => {
            // The page builds its figures afresh; the survey's own fields did not change.
            let extra = Extra { imported: Some(done.count), ..Extra::default() };
            page(staff, &headers, survey, extra).await
        }
        Err(StoreError::Invalid(problems)) => {
            let messages = problems.iter().map(|it| format!("responden: {}", message(lang, &it.problem))).collect();
            page(staff, &headers, survey, refused(messages)).await
        }
        Err(err) => Err(err.into()),
    }
}
