//! Answering a survey: the phone form behind the short link and the QR poster, and the same form in kiosk mode on
//! a counter's tablet (large buttons, back to the start after each response, labelled as kiosk in the data).

use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use domain::surveys::profile::PROFILE;
use domain::surveys::response::{Completeness, RawResponse, check};
use domain::surveys::{ELEMENTS, Period};
use serde::Serialize;
use store::surveys::responses::{Source, Stored, submit};
use store::surveys::{Survey, catalog, kiosks, services};

use crate::App;
use crate::auth::{build_cookie, cookie_value_from, set_cookie_header};
use crate::error::WebError;
use crate::forms::{FieldErrors, field_errors};
use crate::i18n::Lang;
use crate::layout::Layout;
use crate::render::render_status;
use crate::tenant::Tenant;

/// The device cookie of the one-response-per-day rule.
const DEVICE_COOKIE: &str = "pantau_skm";
/// The kiosk cookie.
pub(super) const KIOSK_COOKIE: &str = "pantau_kiosk";
const YEAR_SECS: i64 = 365 * 24 * 3600;

#[derive(Serialize)]
pub(super) struct Question {
    code: &'static str,
    name: &'static str,
    answers: [&'static str; 4],
    value: String,
}

#[derive(Serialize)]
pub(super) struct ProfileQuestion {
    code: &'static str,
    values: &'static [&'static str],
    value: String,
}

#[derive(Serialize)]
struct FormPage {
    #[serde(flatten)]
    layout: Layout,
    kiosk: bool,
    action: String,
    service: String,
    unit: String,
    period: String,
    questions: Vec<Question>,
    count: usize,
    profile: Vec<ProfileQuestion>,
    suggestion: String,
    errors: FieldErrors,
    refusal: Option<&'static str>,
}

/// The questions of a survey with what was typed.
pub(super) fn questions(lang: Lang, survey: &Survey, raw: &RawResponse) -> Vec<Question> {
    let applicable = survey.applicable();
    ELEMENTS
        .iter()
        .enumerate()
        .filter(|(n, _)| applicable[*n])
        .map(|(n, it)| Question {
            code: it.code,
            name: super::report_parts::element_name(lang, n),
            answers: it.answers_id,
            value: raw.answers[n].clone(),
        })
        .collect()
}

pub(super) fn profile_questions(raw: &RawResponse) -> Vec<ProfileQuestion> {
    PROFILE
        .iter()
        .enumerate()
        .map(|(n, it)| ProfileQuestion { code: it.code, values: it.values, value: raw.profile[n].clone() })
        .collect()
}

/// Reads the posted fields into a raw response.
pub(super) fn raw_from(fields: &[(String, String)]) -> RawResponse {
    let mut raw = RawResponse::default();
    for (name, value) in fields {
        if let Some(n) = ELEMENTS.iter().position(|it| it.code == name) {
            raw.answers[n].clone_from(value);
        } else if let Some(n) = PROFILE.iter().position(|it| it.code == name) {
            raw.profile[n].clone_from(value);
        } else if name == "suggestion" {
            raw.suggestion.clone_from(value);
        }
    }
    raw
}

struct Shown<'a> {
    survey: &'a Survey,
    raw: RawResponse,
    errors: FieldErrors,
    refusal: Option<&'static str>,
    kiosk: bool,
}

async fn form_page(app: &App, tenant: &Tenant, layout: Layout, shown: Shown<'_>) -> Result<Response, WebError> {
    let lang = Lang::parse(layout.lang).unwrap_or(Lang::Id);
    let data = app.db().tenant_data(&tenant.0.id).await?;
    let mut conn = app.db().conn().await?;
    let service = services::load(&mut conn, &tenant.0.id, &shown.survey.service_id).await?;
    let period = shown.survey.period;
    let status = match (shown.refusal, shown.errors.is_empty()) {
        (Some(_), _) => StatusCode::CONFLICT,
        (None, false) => StatusCode::UNPROCESSABLE_ENTITY,
        (None, true) => StatusCode::OK,
    };
    let prefix = if shown.kiosk { "/kiosk/" } else { "/s/" };
    let page = FormPage {
        layout,
        kiosk: shown.kiosk,
        action: format!("{prefix}{}", shown.survey.code),
        service: service.name,
        unit: super::report_model::unit_name(&data.units, &shown.survey.unit_id),
        period: period_name(lang, period),
        count: shown.survey.applicable().iter().filter(|it| **it).count(),
        questions: questions(lang, shown.survey, &shown.raw),
        profile: profile_questions(&shown.raw),
        suggestion: shown.raw.suggestion.clone(),
        errors: shown.errors,
        refusal: shown.refusal,
    };
    render_status(status, "surveys/respond.html", &page)
}

pub(super) fn period_name(lang: Lang, period: Period) -> String {
    if lang == Lang::Id { period.name_id() } else { period.name_en() }
}

async fn survey_by_code(app: &App, tenant: &Tenant, code: &str) -> Result<Survey, WebError> {
    let mut conn = app.db().conn().await?;
    catalog::find_by_code(&mut conn, &tenant.0.id, code).await?.ok_or(WebError::NotFound)
}

/// The device id of the request, and the cookie to set when it has none yet.
fn device_of(app: &App, headers: &HeaderMap) -> (String, Option<HeaderValue>) {
    match cookie_value_from(headers, DEVICE_COOKIE).filter(|it| it.len() == 64) {
        Some(device) => (device, None),
        None => {
            let device = hex::encode(app.ids().secret());
            let cookie = build_cookie(app, DEVICE_COOKIE, device.clone(), YEAR_SECS);
            (device, Some(set_cookie_header(&cookie)))
        }
    }
}

fn with_cookie(mut response: Response, cookie: Option<HeaderValue>) -> Response {
    if let Some(cookie) = cookie {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}

/// `GET /s/{code}`: the phone form.
pub async fn form(
    State(app): State<App>,
    tenant: Tenant,
    layout: Layout,
    headers: HeaderMap,
    Path(code): Path<String>,
) -> Result<Response, WebError> {
    let survey = survey_by_code(&app, &tenant, &code).await?;
    let refusal = (!survey.open).then_some("surveys.respond.closed");
    let shown =
        Shown { survey: &survey, raw: RawResponse::default(), errors: FieldErrors::new(), refusal, kiosk: false };
    let page = form_page(&app, &tenant, layout, shown).await?;
    Ok(with_cookie(page, device_of(&app, &headers).1))
}

/// Salted digest of a device or address, so the abuse rules never store either.
async fn digest(app: &App, tenant: &Tenant, what: &str, value: &str) -> Result<String, WebError> {
    use hmac::{Hmac, Mac};
    let data = app.db().tenant_data(&tenant.0.id).await?;
    // The tenant's secret receipt key, created now if no receipt was issued yet: a public key (the tenant id) would
    // let anyone reverse an IPv4 digest by trying every address.
    let key = match data.key.as_ref() {
        Some(key) => key.to_bytes().to_vec(),
        None => {
            store::complaints::keys::ensure_public_key(&app.system_cx(tenant, "skm")).await?;
            let mut conn = app.db().conn().await?;
            let key = store::complaints::keys::find_signing_key(&mut conn, &tenant.0.id).await?;
            key.ok_or_else(|| WebError::Internal("no receipt key after creating it".into()))?.to_bytes().to_vec()
        }
    };
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(&key).map_err(|err| WebError::Internal(err.to_string()))?;
    mac.update(format!("skm-{what}:{value}").as_bytes());
    Ok(hex::encode(mac.finalize().into_bytes()))
}

/// The source of a phone or API answer: digests of its device and address, and the day in the unit's zone (the
/// one-answer-per-day rule counts the unit's days).
pub(crate) async fn web_source(
    app: &App,
    tenant: &Tenant,
    survey: &Survey,
    device: &str,
    ip: std::net::IpAddr,
) -> Result<Source, WebError> {
    let data = app.db().tenant_data(&tenant.0.id).await?;
    let zone = data.units.iter().find(|it| it.id == survey.unit_id).map_or(tenant.0.zone, |it| it.draft.zone);
    Ok(Source::Web {
        device: digest(app, tenant, "device", device).await?,
        address: digest(app, tenant, "address", &ip.to_string()).await?,
        day: zone.local_date(app.now()).to_string(),
    })
}

/// `POST /s/{code}`.
pub async fn submit_web(
    visitor: super::visitor::Visitor,
    Path(code): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let super::visitor::Visitor { app, tenant, layout, headers, ip, .. } = visitor;
    let survey = survey_by_code(&app, &tenant, &code).await?;
    let raw = raw_from(&fields);
    let lang = Lang::parse(layout.lang).unwrap_or(Lang::Id);
    let response = match check(&raw, &survey.applicable(), Completeness::All) {
        Ok(response) => response,
        Err(problems) => {
            let shown =
                Shown { survey: &survey, raw, errors: field_errors(lang, &problems), refusal: None, kiosk: false };
            return form_page(&app, &tenant, layout, shown).await;
        }
    };
    let (device, cookie) = device_of(&app, &headers);
    let source = web_source(&app, &tenant, &survey, &device, ip).await?;
    let cx = app.system_cx(&tenant, "skm");
    match submit(&cx, &survey, &source, &response).await? {
        stored @ (Stored::Counted | Stored::Held) => {
            let held = if stored == Stored::Held { "?ditahan=1" } else { "" };
            let thanks = Redirect::to(&format!("/s/{}/terima-kasih{held}", survey.code)).into_response();
            Ok(with_cookie(thanks, cookie))
        }
        refused => {
            let key =
                if refused == Stored::Closed { "surveys.respond.closed" } else { "surveys.respond.already_today" };
            let shown = Shown { survey: &survey, raw, errors: FieldErrors::new(), refusal: Some(key), kiosk: false };
            Ok(with_cookie(form_page(&app, &tenant, layout, shown).await?, cookie))
        }
    }
}

#[derive(Serialize)]
struct ThanksPage {
    #[serde(flatten)]
    layout: Layout,
    kiosk: bool,
    held: bool,
    report_href: String,
}

#[derive(serde::Deserialize, Default)]
pub struct ThanksQuery {
    #[serde(default)]
    ditahan: Option<String>,
}

/// `GET /s/{code}/terima-kasih`.
pub async fn thanks(
    State(app): State<App>,
    tenant: Tenant,
    layout: Layout,
    Path(code): Path<String>,
    axum::extract::Query(query): axum::extract::Query<ThanksQuery>,
) -> Result<Response, WebError> {
    let survey = survey_by_code(&app, &tenant, &code).await?;
    let held = query.ditahan.is_some();
    let report_href = format!("/skm/laporan?service={}&period={}", survey.service_id, survey.period.code());
    render_status(StatusCode::OK, "surveys/thanks.html", &ThanksPage { layout, kiosk: false, held, report_href })
}

/// The kiosk a request comes from, if its cookie holds a live token.
pub(super) async fn kiosk_of(
    app: &App,
    tenant: &Tenant,
    headers: &HeaderMap,
) -> Result<Option<kiosks::Kiosk>, WebError> {
    let Some(token) = cookie_value_from(headers, KIOSK_COOKIE) else { return Ok(None) };
    let mut conn = app.db().conn().await?;
    Ok(kiosks::find_by_token(&mut conn, &tenant.0.id, &token).await?)
}

/// `GET /kiosk/{code}`: the form in kiosk mode.
pub async fn kiosk_form(
    State(app): State<App>,
    tenant: Tenant,
    layout: Layout,
    headers: HeaderMap,
    Path(code): Path<String>,
) -> Result<Response, WebError> {
    let kiosk = kiosk_of(&app, &tenant, &headers).await?.ok_or(WebError::NotFound)?;
    let survey = survey_by_code(&app, &tenant, &code).await?;
    if survey.unit_id != kiosk.unit_id {
        return Err(WebError::NotFound);
    }
    let refusal = (!survey.open).then_some("surveys.respond.closed");
    let shown =
        Shown { survey: &survey, raw: RawResponse::default(), errors: FieldErrors::new(), refusal, kiosk: true };
    form_page(&app, &tenant, layout, shown).await
}

/// `POST /kiosk/{code}`.
pub async fn kiosk_submit(
    visitor: super::visitor::Visitor,
    Path(code): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let super::visitor::Visitor { app, tenant, layout, headers, .. } = visitor;
    let kiosk = kiosk_of(&app, &tenant, &headers).await?.ok_or(WebError::NotFound)?;
    let survey = survey_by_code(&app, &tenant, &code).await?;
    if survey.unit_id != kiosk.unit_id {
        return Err(WebError::NotFound);
    }
    let lang = Lang::parse(layout.lang).unwrap_or(Lang::Id);
    let raw = raw_from(&fields);
    let response = match check(&raw, &survey.applicable(), Completeness::All) {
        Ok(response) => response,
        Err(problems) => {
            let shown =
                Shown { survey: &survey, raw, errors: field_errors(lang, &problems), refusal: None, kiosk: true };
            return form_page(&app, &tenant, layout, shown).await;
        }
    };
    let cx = app.system_cx(&tenant, "skm-kiosk");
    match submit(&cx, &survey, &Source::Kiosk { kiosk_id: kiosk.id.clone() }, &response).await? {
        stored @ (Stored::Counted | Stored::Held) => {
            let held = stored == Stored::Held;
            let mut page = render_status(
                StatusCode::OK,
                "surveys/thanks.html",
                &ThanksPage { layout, kiosk: true, held, report_href: String::new() },
            )?;
            // The tablet goes back to the start by itself; the next respondent never sees this one's answers.
            page.headers_mut().insert(header::REFRESH, HeaderValue::from_static("5; url=/kiosk"));
            Ok(page)
        }
        _ => {
            let shown = Shown {
                survey: &survey,
                raw,
                errors: FieldErrors::new(),
                refusal: Some("surveys.respond.closed"),
                kiosk: true,
            };
            form_page(&app, &tenant, layout, shown).await
        }
    }
}
