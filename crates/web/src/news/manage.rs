//! Staff taking news in and following it up: the paste form, the feeds page, the list of preliminary reviews.

use axum::Form;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::people::Permission;
use serde::{Deserialize, Serialize};
use store::StoreError;
use store::news::articles::{Origin, Saved};
use store::news::{feeds as feed_store, reviews as review_store};
use text::input::{Format, MAX_BYTES};

use super::ingest::{self, Incoming};
use crate::error::WebError;
use crate::forms::{FieldErrors, field_errors};
use crate::render::render_status;
use crate::staff::Staff;

#[derive(Serialize, Deserialize, Default, Clone)]
pub struct AddForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    url: String,
    #[serde(default)]
    published: String,
    #[serde(default)]
    body: String,
}

#[derive(Serialize)]
struct AddPage {
    #[serde(flatten)]
    layout: crate::layout::Layout,
    form: AddForm,
    errors: FieldErrors,
}

fn add_page(staff: Staff, status: StatusCode, form: AddForm, errors: FieldErrors) -> Result<Response, WebError> {
    render_status(status, "news/add.html", &AddPage { layout: staff.layout, form, errors })
}

/// `GET /berita/tambah`.
pub async fn add_form(staff: Staff) -> Result<Response, WebError> {
    staff.user.require_any(Permission::ManageNews)?;
    add_page(staff, StatusCode::OK, AddForm::default(), FieldErrors::new())
}

/// `POST /berita/tambah`: a pasted article (text or the page's HTML).
pub async fn add(staff: Staff, Form(form): Form<AddForm>) -> Result<Response, WebError> {
    staff.user.require_any(Permission::ManageNews)?;
    let mut errors = FieldErrors::new();
    let body = form.body.trim();
    if body.is_empty() {
        errors.insert("body".to_owned(), staff.lang.t("news.add.body_required").to_owned());
    } else if body.len() > MAX_BYTES {
        errors.insert("body".to_owned(), staff.lang.t("news.add.body_too_long").to_owned());
    }
    let url = form.url.trim();
    if !(url.is_empty() || url.starts_with("http://") || url.starts_with("https://")) {
        errors.insert("url".to_owned(), staff.lang.t("news.add.url_invalid").to_owned());
    }
    let published = form.published.trim();
    let date = published.parse::<jiff::civil::Date>().ok();
    if !published.is_empty() && date.is_none() {
        errors.insert("published".to_owned(), staff.lang.t("news.add.date_invalid").to_owned());
    }
    if !errors.is_empty() {
        return add_page(staff, StatusCode::UNPROCESSABLE_ENTITY, form, errors);
    }
    let cx = staff.action_cx();
    let extractor = ingest::extractor(&cx).await?;
    let incoming = Incoming {
        body: body.to_owned(),
        format: Format::detect("", body),
        title: Some(form.title.trim().to_owned()).filter(|it| !it.is_empty()),
        published: date,
        origin: Origin {
            kind: "form",
            source: staff.lang.t("news.add.source").to_owned(),
            url: Some(url.to_owned()).filter(|it| !it.is_empty()),
        },
    };
    match ingest::ingest(&cx, &extractor, &incoming).await {
        Ok(Saved::New { id, .. }) => Ok(Redirect::to(&format!("/berita/{id}?notice=created")).into_response()),
        Ok(Saved::Duplicate { id }) => Ok(Redirect::to(&format!("/berita/{id}?notice=saved&sudah=1")).into_response()),
        Err(StoreError::Invalid(problems)) => {
            let errors = field_errors(staff.lang, &problems);
            let mut errors = errors;
            if let Some(message) = errors.remove("text") {
                errors.insert("body".to_owned(), message);
            }
            add_page(staff, StatusCode::UNPROCESSABLE_ENTITY, form, errors)
        }
        Err(err) => Err(err.into()),
    }
}

#[derive(Serialize, Deserialize, Default, Clone)]
pub struct FeedForm {
    #[serde(default)]
    url: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    every_minutes: String,
}

#[derive(Serialize)]
struct FeedRow {
    id: String,
    url: String,
    title: String,
    every_minutes: i64,
    active: bool,
    last: Option<String>,
    status: Option<String>,
    error: Option<String>,
    new: i64,
}

#[derive(Serialize)]
struct FeedsPage {
    #[serde(flatten)]
    layout: crate::layout::Layout,
    feeds: Vec<FeedRow>,
    form: FeedForm,
    errors: FieldErrors,
}

async fn feeds_page(
    staff: Staff,
    status: StatusCode,
    form: FeedForm,
    errors: FieldErrors,
) -> Result<Response, WebError> {
    let mut conn = staff.app.db().conn().await?;
    let zone = staff.tenant.0.zone;
    let feeds = feed_store::list(&mut conn, &staff.tenant.0.id)
        .await?
        .into_iter()
        .map(|it| FeedRow {
            last: it.last_polled_at_ms.map(|ms| crate::view::format::local_time(ms, zone)),
            id: it.id,
            url: it.url,
            title: it.title,
            every_minutes: it.every_minutes,
            active: it.is_active != 0,
            status: it.last_status,
            error: it.last_error,
            new: it.last_new,
        })
        .collect();
    render_status(status, "news/feeds.html", &FeedsPage { layout: staff.layout, feeds, form, errors })
}

/// `GET /berita/sumber`.
pub async fn feeds(staff: Staff) -> Result<Response, WebError> {
    staff.user.require_any(Permission::ManageNews)?;
    let form = FeedForm { every_minutes: "60".to_owned(), ..FeedForm::default() };
    feeds_page(staff, StatusCode::OK, form, FieldErrors::new()).await
}

/// `POST /berita/sumber`: adds a feed.
pub async fn add_feed(staff: Staff, Form(form): Form<FeedForm>) -> Result<Response, WebError> {
    staff.user.require_any(Permission::ManageNews)?;
    let fetcher = super::fetch::Fetcher::new(staff.app.config().feeds_reach.clone());
    if let Err(super::fetch::FetchError::Internal(host)) = fetcher.check_now(&form.url).await {
        let mut errors = FieldErrors::new();
        errors.insert("url".to_owned(), staff.lang.tf("news.feeds.internal", &[("host", &host)]));
        return feeds_page(staff, StatusCode::UNPROCESSABLE_ENTITY, form, errors).await;
    }
    match feed_store::create(&staff.action_cx(), &form.url, &form.title, &form.every_minutes).await {
        Ok(_) => Ok(Redirect::to("/berita/sumber?notice=created").into_response()),
        Err(StoreError::Invalid(problems)) => {
            let errors = field_errors(staff.lang, &problems);
            feeds_page(staff, StatusCode::UNPROCESSABLE_ENTITY, form, errors).await
        }
        Err(StoreError::Duplicate) => {
            let mut errors = FieldErrors::new();
            errors.insert("url".to_owned(), staff.lang.t("news.feeds.duplicate").to_owned());
            feeds_page(staff, StatusCode::UNPROCESSABLE_ENTITY, form, errors).await
        }
        Err(err) => Err(err.into()),
    }
}

#[derive(Deserialize)]
pub struct StateForm {
    #[serde(default)]
    active: String,
}

/// `POST /berita/sumber/{id}/status`: pauses or resumes a feed.
pub async fn feed_state(
    staff: Staff,
    Path(id): Path<String>,
    Form(form): Form<StateForm>,
) -> Result<Response, WebError> {
    staff.user.require_any(Permission::ManageNews)?;
    feed_store::set_active(&staff.action_cx(), &id, form.active == "1").await?;
    Ok(Redirect::to("/berita/sumber?notice=saved").into_response())
}

#[derive(Serialize)]
struct ReviewRow {
    id: String,
    number: String,
    article_id: Option<String>,
    summary: String,
    status: String,
    conclusion: Option<String>,
    opened: String,
    unit: String,
}

#[derive(Serialize)]
struct ReviewsPage {
    #[serde(flatten)]
    layout: crate::layout::Layout,
    reviews: Vec<ReviewRow>,
    close: bool,
    open_case: bool,
}

/// `GET /berita/telaah`.
pub async fn reviews(staff: Staff) -> Result<Response, WebError> {
    staff.user.require_any(Permission::ReviewNews)?;
    let data = staff.app.db().tenant_data(&staff.tenant.0.id).await?;
    let mut conn = staff.app.db().conn().await?;
    let zone = staff.tenant.0.zone;
    let name = |id: &Option<String>| {
        id.as_ref()
            .and_then(|id| data.units.iter().find(|u| u.id.as_str() == id))
            .map(|u| u.draft.name.clone())
            .unwrap_or_default()
    };
    let rows = review_store::list(&mut conn, &staff.tenant.0.id, 200)
        .await?
        .into_iter()
        .map(|it| ReviewRow {
            unit: name(&it.unit_id),
            opened: crate::view::format::local_time(it.opened_at_ms, zone),
            id: it.id,
            number: it.number,
            article_id: it.article_id,
            summary: it.summary,
            status: it.status,
            conclusion: it.conclusion,
        })
        .collect();
    let close = staff.user.access.has(Permission::ReviewNews);
    let open_case = staff.user.access.has(Permission::HandleDiscipline);
    let page = ReviewsPage { layout: staff.layout, reviews: rows, close, open_case };
    render_status(StatusCode::OK, "news/reviews.html", &page)
}

#[derive(Deserialize)]
pub struct CloseForm {
    #[serde(default)]
    conclusion: String,
}

/// `POST /berita/telaah/{id}/selesai`: closes a review with its conclusion.
pub async fn close_review(
    staff: Staff,
    Path(id): Path<String>,
    Form(form): Form<CloseForm>,
) -> Result<Response, WebError> {
    staff.user.require_any(Permission::ReviewNews)?;
    match review_store::close(&staff.action_cx(), &id, &form.conclusion).await {
        Ok(_) => Ok(Redirect::to("/berita/telaah?notice=saved").into_response()),
        Err(StoreError::Invalid(_)) => {
            Err(WebError::BadRequest(staff.lang.t("news.reviews.conclusion_required").to_owned()))
        }
        Err(StoreError::Duplicate) => Err(WebError::Conflict),
        Err(err) => Err(err.into()),
    }
}
