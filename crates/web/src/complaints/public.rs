//! Pages for citizens: file an item, get the receipt, follow it with the number and secret, verify a receipt, and
//! read the public list.

use axum::Form;
use axum::extract::{FromRequest, Multipart, Query, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::complaints::intake::{RawItem, Source};
use domain::complaints::{Action, Channel, Outcome, Party};
use serde::{Deserialize, Serialize};
use store::StoreError;
use store::complaints::actions::{Step, take};
use store::complaints::intake::{Filed, Submission};
use store::complaints::queries;
use store::complaints::{NewFile, reporter};

use super::echo::FormEcho;
use super::views::{Choice, ItemView, ViewCx, Viewer, category_choices, kind_choices, unit_choices};
use crate::App;
use crate::error::WebError;
use crate::forms::{FieldErrors, field_errors};
use crate::i18n::Lang;
use crate::layout::Layout;
use crate::render::{render, render_status};
use crate::tenant::Tenant;

#[derive(Serialize)]
struct FormPage {
    #[serde(flatten)]
    layout: Layout,
    form: FormEcho,
    errors: FieldErrors,
    kinds: Vec<Choice>,
    categories: Vec<Choice>,
    units: Vec<Choice>,
    front_desk: bool,
}

/// The form's choices and frame.
pub(super) async fn form_page(
    app: &App,
    tenant: &Tenant,
    layout: Layout,
    (form, errors): (RawItem, FieldErrors),
    front_desk: bool,
) -> Result<Response, WebError> {
    let lang = Lang::parse(layout.lang).unwrap_or(Lang::Id);
    let mut conn = app.db().conn().await?;
    let units = store::org::queries::list_units(&mut conn, &tenant.0.id).await?;
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let page = FormPage {
        layout,
        form: FormEcho::from(form),
        errors,
        kinds: kind_choices(lang, front_desk),
        categories: category_choices(lang),
        units: unit_choices(&units),
        front_desk,
    };
    render_status(status, "complaints/form.html", &page)
}

#[derive(Deserialize, Default)]
pub struct FormQuery {
    #[serde(default)]
    unit: String,
}

/// `GET /lapor`: the form, optionally with the unit chosen (a QR poster at a counter links here).
pub async fn form(
    State(app): State<App>,
    tenant: Tenant,
    layout: Layout,
    Query(query): Query<FormQuery>,
) -> Result<Response, WebError> {
    let form =
        RawItem { unit: query.unit, kind: "pengaduan".into(), confidentiality: "publik".into(), ..RawItem::default() };
    form_page(&app, &tenant, layout, (form, FieldErrors::new()), false).await
}

/// Reads a multipart form into the item's fields and its files.
pub(super) async fn read_item(mut multipart: Multipart) -> Result<(RawItem, Vec<NewFile>), WebError> {
    let mut raw = RawItem::default();
    let mut files = Vec::new();
    let bad = |err: axum::extract::multipart::MultipartError| WebError::BadRequest(err.to_string());
    while let Some(field) = multipart.next_field().await.map_err(bad)? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "files" {
            let file_name = field.file_name().unwrap_or_default().to_owned();
            let bytes = field.bytes().await.map_err(bad)?;
            if !file_name.is_empty() || !bytes.is_empty() {
                files.push(NewFile { file_name, bytes: bytes.to_vec() });
            }
            continue;
        }
        let value = field.text().await.map_err(bad)?;
        let slot = match name.as_str() {
            "kind" => &mut raw.kind,
            "category" => &mut raw.category,
            "unit" => &mut raw.unit,
            "title" => &mut raw.title,
            "body" => &mut raw.body,
            "location" => &mut raw.location,
            "latitude" => &mut raw.latitude,
            "longitude" => &mut raw.longitude,
            "confidentiality" => &mut raw.confidentiality,
            "name" => &mut raw.name,
            "contact" => &mut raw.contact,
            "letter_sender" => &mut raw.letter_sender,
            "letter_number" => &mut raw.letter_number,
            "letter_date" => &mut raw.letter_date,
            _ => continue,
        };
        *slot = value;
    }
    Ok((raw, files))
}

#[derive(Serialize)]
struct ReceiptPage {
    #[serde(flatten)]
    layout: Layout,
    number: String,
    secret: String,
    secret_raw: String,
    received: String,
    due: Option<String>,
    qr_svg: String,
    verify_url: String,
    possible_duplicate_of: Option<String>,
    front_desk: bool,
}

/// The address of the verification page for a receipt, absolute when the host is known.
pub(crate) fn verify_url(app: &App, headers: &HeaderMap, receipt: &str) -> String {
    format!("{}/verifikasi?r={receipt}", crate::view::public_base(app, headers))
}

/// The receipt page shown right after the item is stored.
pub(super) fn receipt_page(
    (app, headers): (&App, &HeaderMap),
    layout: Layout,
    tenant: &Tenant,
    filed: &Filed,
    front_desk: bool,
) -> Result<Response, WebError> {
    let url = verify_url(app, headers, &filed.receipt);
    let page = ReceiptPage {
        layout,
        number: filed.item.number.clone(),
        secret: domain::complaints::tracking::display_secret(&filed.secret),
        secret_raw: filed.secret.clone(),
        received: crate::view::format::local_time(filed.item.received_at_ms, tenant.0.zone),
        due: filed.item.deadline.map(|it| crate::view::format::local_date(it.due)),
        qr_svg: crate::view::qr_svg(&url).unwrap_or_default(),
        verify_url: url,
        possible_duplicate_of: filed.item.possible_duplicate_of.clone(),
        front_desk,
    };
    render_status(StatusCode::CREATED, "complaints/receipt.html", &page)
}

/// `POST /lapor`: stores the item and shows its receipt; a refused form comes back with every problem marked.
pub async fn submit(
    State(app): State<App>,
    tenant: Tenant,
    layout: Layout,
    request: Request,
) -> Result<Response, WebError> {
    let ip = crate::security::client_ip(&app, &request).to_string();
    let headers = request.headers().clone();
    let multipart =
        Multipart::from_request(request, &app).await.map_err(|err| WebError::BadRequest(err.to_string()))?;
    let (raw, files) = read_item(multipart).await?;
    let submission = Submission {
        raw: raw.clone(),
        source: Source::Citizen,
        channel: Channel::Web,
        ip: Some(ip),
        files,
        registered_by: None,
    };
    match super::file_detached(&app, &tenant, store::Actor::System("public-form"), submission).await? {
        Ok(filed) => receipt_page((&app, &headers), layout, &tenant, &filed, false),
        Err(StoreError::Invalid(problems)) => {
            let lang = Lang::parse(layout.lang).unwrap_or(Lang::Id);
            form_page(&app, &tenant, layout, (raw, field_errors(lang, &problems)), false).await
        }
        Err(err) => Err(err.into()),
    }
}

#[derive(Deserialize, Serialize, Default, Clone)]
pub struct TrackForm {
    #[serde(default)]
    nomor: String,
    #[serde(default)]
    kode: String,
}

#[derive(Serialize)]
struct TrackPage {
    #[serde(flatten)]
    layout: Layout,
    query: TrackForm,
    not_found: bool,
    item: Option<ItemView>,
    errors: FieldErrors,
    done: Option<String>,
}

/// `GET /lacak`: the form asking for the number and secret.
pub async fn track_form(layout: Layout, Query(query): Query<TrackForm>) -> Result<Response, WebError> {
    let page = TrackPage {
        layout,
        query: TrackForm { kode: String::new(), ..query },
        not_found: false,
        item: None,
        errors: FieldErrors::new(),
        done: None,
    };
    Ok(render("complaints/track.html", &page)?.into_response())
}

async fn track_page(
    app: &App,
    tenant: &Tenant,
    layout: Layout,
    form: TrackForm,
    (errors, done): (FieldErrors, Option<String>),
) -> Result<Response, WebError> {
    let lang = Lang::parse(layout.lang).unwrap_or(Lang::Id);
    let mut conn = app.db().conn().await?;
    let Some(item) = reporter::find_with_secret(&mut conn, &tenant.0.id, &form.nomor, &form.kode).await? else {
        let page = TrackPage {
            layout,
            query: TrackForm { kode: String::new(), ..form },
            not_found: true,
            item: None,
            errors,
            done: None,
        };
        return render_status(StatusCode::NOT_FOUND, "complaints/track.html", &page);
    };
    let events = queries::list_events(&mut conn, &tenant.0.id, &item.id).await?;
    let units = store::org::queries::list_units(&mut conn, &tenant.0.id).await?;
    let view = ViewCx {
        lang,
        zone: tenant.0.zone,
        units: &units,
        viewer: Viewer::Reporter,
        now_ms: app.now().as_millisecond(),
    }
    .item(&item, &events, &[]);
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    render_status(
        status,
        "complaints/track.html",
        &TrackPage { layout, query: form, not_found: false, item: Some(view), errors, done },
    )
}

/// `POST /lacak`: the item, for the holder of its number and secret (a POST keeps the secret out of addresses).
pub async fn track(
    State(app): State<App>,
    tenant: Tenant,
    layout: Layout,
    Form(form): Form<TrackForm>,
) -> Result<Response, WebError> {
    track_page(&app, &tenant, layout, form, (FieldErrors::new(), None)).await
}

/// The lifecycle action behind a reporter's step code (the same codes on the page and in the API).
pub(crate) fn reporter_action(code: &str) -> Option<Action> {
    Some(match code {
        "balas" => Action::Reply,
        "nilai" => Action::Rate,
        "buka" => Action::Reopen,
        "selesai" => Action::Close(Outcome::Resolved),
        "cabut" => Action::Close(Outcome::Withdrawn),
        "keberatan" => Action::Contest,
        "koreksi" => Action::RequestCorrection,
        _ => return None,
    })
}

#[derive(Deserialize)]
pub struct ReporterStep {
    #[serde(default)]
    nomor: String,
    #[serde(default)]
    kode: String,
    #[serde(default)]
    aksi: String,
    #[serde(default)]
    pesan: String,
    #[serde(default)]
    nilai: String,
}

/// `POST /lacak/aksi`: the reporter replies, rates, reopens, confirms, withdraws, contests or asks for a correction.
pub async fn reporter_step(
    State(app): State<App>,
    tenant: Tenant,
    layout: Layout,
    Form(form): Form<ReporterStep>,
) -> Result<Response, WebError> {
    let track = TrackForm { nomor: form.nomor.clone(), kode: form.kode.clone() };
    let item = {
        let mut conn = app.db().conn().await?;
        reporter::find_with_secret(&mut conn, &tenant.0.id, &form.nomor, &form.kode).await?
    };
    let Some(item) = item else { return track_page(&app, &tenant, layout, track, (FieldErrors::new(), None)).await };
    let action = reporter_action(&form.aksi).ok_or_else(|| WebError::BadRequest("unknown action".to_owned()))?;
    let mut step = Step::new(action, Party::Reporter);
    step.body = Some(form.pesan.clone());
    step.rating = form.nilai.trim().parse().ok();
    let cx = app.system_cx(&tenant, "reporter");
    let lang = Lang::parse(layout.lang).unwrap_or(Lang::Id);
    match take(&cx, &item.id, step).await {
        Ok(_) => track_page(&app, &tenant, layout, track, (FieldErrors::new(), Some(form.aksi))).await,
        Err(StoreError::Invalid(problems)) => {
            track_page(&app, &tenant, layout, track, (field_errors(lang, &problems), None)).await
        }
        Err(StoreError::Refused(_)) => {
            let mut errors = FieldErrors::new();
            errors.insert("aksi".to_owned(), lang.t("complaints.track.refused").to_owned());
            track_page(&app, &tenant, layout, track, (errors, None)).await
        }
        Err(err) => Err(err.into()),
    }
}

/// `POST /lacak/tanda-terima.pdf`: the printable receipt, for the holder of the number and secret.
pub async fn receipt_pdf(
    State(app): State<App>,
    tenant: Tenant,
    headers: HeaderMap,
    Form(form): Form<TrackForm>,
) -> Result<Response, WebError> {
    let lang = Lang::from_headers(&headers);
    let mut conn = app.db().conn().await?;
    let item = reporter::find_with_secret(&mut conn, &tenant.0.id, &form.nomor, &form.kode)
        .await?
        .ok_or(WebError::NotFound)?;
    let text = reporter::load_receipt_text(&mut conn, &tenant.0.id, &item).await?;
    drop(conn);
    let url = verify_url(&app, &headers, &text);
    let house = crate::documents::letterhead::House::of(&app, &tenant.0).await?;
    let secret = domain::complaints::tracking::normalise_secret(&form.kode);
    super::pdf::receipt(lang, (&tenant.0, &house), &item, Some(&secret), &url)?.respond().await
}
