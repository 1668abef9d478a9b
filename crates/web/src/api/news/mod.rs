//! `/api/v1/news` for a signed-in session (with the `X-CSRF-Token` header on writes): the inbox with its filters,
//! one article with its facts, adding an article, and search. The same permissions and scope as the pages.

pub(crate) mod facts;

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use domain::people::Permission;
use serde::{Deserialize, Serialize};
use store::StoreError;
use store::news::articles::{Origin, Saved};
use store::news::listing::{self, Filter};
use text::input::{Format, MAX_BYTES};
use utoipa::{IntoParams, ToSchema};

use crate::App;
use crate::error::{ApiProblem, WebError};
use crate::news::ingest::{self, Incoming};
use crate::staff::Staff;

/// The routes.
pub fn routes() -> Router<App> {
    Router::new()
        .route("/api/v1/news", get(list).post(create))
        .route("/api/v1/news/search", get(search))
        .route("/api/v1/news/{id}", get(one))
}

/// Inbox filters.
#[derive(Deserialize, IntoParams, Default)]
pub struct ListQuery {
    /// Unit id (its subunits included).
    unit: Option<String>,
    /// Category code, such as `korupsi`.
    category: Option<String>,
    /// From this article date, `YYYY-MM-DD`.
    from: Option<String>,
    /// To this article date.
    to: Option<String>,
    /// Province or kabupaten/kota code (`36`, `3674`).
    region: Option<String>,
    /// Include articles judged not relevant.
    all: Option<bool>,
    /// Page size (1–200, default 50).
    limit: Option<i64>,
    /// Rows to skip.
    offset: Option<i64>,
}

/// An article in a list.
#[derive(Serialize, ToSchema)]
pub struct ArticleOut {
    id: String,
    title: Option<String>,
    source: String,
    url: Option<String>,
    published_date: Option<String>,
    province_code: Option<String>,
    city_code: Option<String>,
    categories: Vec<String>,
    relevant: bool,
    negative: bool,
    /// Id of the first article about the same event.
    group_id: String,
}

/// A page of the inbox.
#[derive(Serialize, ToSchema)]
pub struct ListOut {
    total: i64,
    articles: Vec<ArticleOut>,
}

fn out(it: listing::Summary) -> ArticleOut {
    ArticleOut {
        categories: it.categories.split(',').filter(|c| !c.is_empty()).map(str::to_owned).collect(),
        relevant: it.relevant != 0,
        negative: it.is_negative != 0,
        id: it.id,
        title: it.title,
        source: it.source,
        url: it.url,
        published_date: it.published_date,
        province_code: it.province_code,
        city_code: it.city_code,
        group_id: it.group_id,
    }
}

/// The inbox, newest first (a unit head: articles naming units in scope).
#[utoipa::path(get, path = "/api/v1/news", params(ListQuery),
    responses((status = 200, body = ListOut), (status = 401, body = crate::error::ProblemDocument<'_>),
        (status = 403, body = crate::error::ProblemDocument<'_>)))]
pub async fn list(staff: Staff, Query(query): Query<ListQuery>) -> Result<Json<ListOut>, WebError> {
    staff.user.require_any(Permission::ViewNews)?;
    let data = staff.app.db().tenant_data(&staff.tenant.0.id).await?;
    let tree = &data.tree;
    let visible = crate::news::visible_units(&staff.user.access, tree);
    let chosen = query
        .unit
        .as_deref()
        .and_then(|id| data.units.iter().find(|it| it.id.as_str() == id))
        .map(|it| tree.subtree(&it.id).into_iter().map(|id| id.as_str().to_owned()).collect::<Vec<_>>());
    let units = match (chosen, visible) {
        (Some(chosen), Some(visible)) => Some(chosen.into_iter().filter(|it| visible.contains(it)).collect()),
        (Some(chosen), None) => Some(chosen),
        (None, visible) => visible,
    };
    let date = |raw: &Option<String>| {
        raw.as_deref().and_then(|it| it.parse::<jiff::civil::Date>().ok()).map(|it| it.to_string())
    };
    let filter = Filter {
        units,
        category: query.category.clone(),
        from: date(&query.from),
        to: date(&query.to),
        region: query.region.as_ref().map(|it| it.chars().filter(char::is_ascii_digit).collect()),
        all: query.all.unwrap_or(false),
    };
    let limit = query.limit.unwrap_or(50).clamp(1, 200);
    let mut conn = staff.app.db().conn().await?;
    let (rows, total) =
        listing::list(&mut conn, &staff.tenant.0.id, &filter, (limit, query.offset.unwrap_or(0).max(0))).await?;
    Ok(Json(ListOut { total, articles: rows.into_iter().map(out).collect() }))
}

/// An article with its cleaned text and facts (spans are byte offsets into `text`).
#[derive(Serialize, ToSchema)]
pub struct ArticleDetailOut {
    #[serde(flatten)]
    article: ArticleOut,
    text: String,
    unit_ids: Vec<String>,
    facts: facts::FactsOut,
}

/// One article.
#[utoipa::path(get, path = "/api/v1/news/{id}",
    responses((status = 200, body = ArticleDetailOut), (status = 404, body = crate::error::ProblemDocument<'_>)))]
pub async fn one(staff: Staff, Path(id): Path<String>) -> Result<Json<ArticleDetailOut>, WebError> {
    staff.user.require_any(Permission::ViewNews)?;
    let data = staff.app.db().tenant_data(&staff.tenant.0.id).await?;
    let tree = &data.tree;
    let mut conn = staff.app.db().conn().await?;
    let article = listing::load(&mut conn, &staff.tenant.0.id, &id).await?;
    if let Some(visible) = crate::news::visible_units(&staff.user.access, tree)
        && !article.unit_ids.iter().any(|it| visible.contains(it))
    {
        return Err(WebError::NotFound);
    }
    Ok(Json(ArticleDetailOut {
        article: out(article.summary),
        text: article.body,
        unit_ids: article.unit_ids,
        facts: facts::FactsOut::from(&article.facts),
    }))
}

/// An article to add: `text` or `html`.
#[derive(Deserialize, ToSchema)]
pub struct ArticleIn {
    title: Option<String>,
    url: Option<String>,
    text: Option<String>,
    html: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    published: Option<String>,
}

/// What adding did.
#[derive(Serialize, ToSchema)]
pub struct AddedOut {
    id: String,
    /// False when the same article was already stored.
    created: bool,
    group_id: Option<String>,
}

fn problem(field: &str, message: &str) -> WebError {
    WebError::Invalid(vec![ApiProblem {
        field: field.to_owned(),
        code: "invalid".to_owned(),
        message: message.to_owned(),
    }])
}

/// Adds an article (201), or returns the stored one (200) when the same text or address is already stored.
#[utoipa::path(post, path = "/api/v1/news", request_body = ArticleIn,
    responses((status = 201, body = AddedOut), (status = 200, body = AddedOut), (status = 422, body = crate::error::ProblemDocument<'_>)))]
pub async fn create(staff: Staff, Json(input): Json<ArticleIn>) -> Result<Response, WebError> {
    staff.user.require_any(Permission::ManageNews)?;
    let (body, format) = match (input.html.as_deref(), input.text.as_deref()) {
        (Some(html), _) if !html.trim().is_empty() => (html, Format::Html),
        (_, Some(text)) if !text.trim().is_empty() => (text, Format::detect("", text)),
        _ => return Err(problem("text", staff.lang.t("news.add.body_required"))),
    };
    if body.len() > MAX_BYTES {
        return Err(problem("text", staff.lang.t("news.add.body_too_long")));
    }
    let url = input.url.as_deref().map(str::trim).filter(|it| !it.is_empty());
    if url.is_some_and(|it| !(it.starts_with("http://") || it.starts_with("https://"))) {
        return Err(problem("url", staff.lang.t("news.add.url_invalid")));
    }
    let published = match input.published.as_deref().map(str::trim).filter(|it| !it.is_empty()) {
        Some(raw) => Some(
            raw.parse::<jiff::civil::Date>()
                .map_err(|_| problem("published", staff.lang.t("news.add.date_invalid")))?,
        ),
        None => None,
    };
    let cx = staff.action_cx();
    let extractor = ingest::extractor(&cx).await?;
    let incoming = Incoming {
        body: body.to_owned(),
        format,
        title: input.title.clone().filter(|it| !it.trim().is_empty()),
        published,
        origin: Origin { kind: "api", source: "API".to_owned(), url: url.map(str::to_owned) },
    };
    match ingest::ingest(&cx, &extractor, &incoming).await {
        Ok(Saved::New { id, group_id, .. }) => {
            Ok((StatusCode::CREATED, Json(AddedOut { id, created: true, group_id: Some(group_id) })).into_response())
        }
        Ok(Saved::Duplicate { id }) => Ok(Json(AddedOut { id, created: false, group_id: None }).into_response()),
        Err(StoreError::Invalid(_)) => Err(problem("text", staff.lang.t("news.add.body_required"))),
        Err(err) => Err(err.into()),
    }
}

/// Search parameters.
#[derive(Deserialize, IntoParams)]
pub struct SearchQuery {
    /// Words, phrases in quotes, `kategori:korupsi`.
    q: String,
    /// Category code.
    category: Option<String>,
    /// Most hits (1–100, default 20).
    limit: Option<usize>,
}

/// A search hit.
#[derive(Serialize, ToSchema)]
pub struct HitOut {
    id: String,
    title: String,
    date: String,
    score: f32,
    /// HTML with matched words in `<b>`.
    snippet_html: String,
}

/// Search results.
#[derive(Serialize, ToSchema)]
pub struct SearchOut {
    total: usize,
    hits: Vec<HitOut>,
}

/// Searches the news (Indonesian stemming, phrases, filters), best first.
#[utoipa::path(get, path = "/api/v1/news/search", params(SearchQuery),
    responses((status = 200, body = SearchOut), (status = 422, body = crate::error::ProblemDocument<'_>)))]
pub async fn search(staff: Staff, Query(query): Query<SearchQuery>) -> Result<Json<SearchOut>, WebError> {
    staff.user.require_any(Permission::ViewNews)?;
    let limit = query.limit.unwrap_or(20).clamp(1, 100);
    let (hits, total) = crate::news::search::run(&staff, &query.q, (Some("news"), query.category.clone()), limit)
        .await
        .map_err(|err| match err {
            WebError::BadRequest(_) => problem("q", staff.lang.t("news.search.bad_query")),
            other => other,
        })?;
    let hits = hits
        .into_iter()
        .map(|it| HitOut { id: it.id, title: it.title, date: it.date, score: it.score, snippet_html: it.snippet_html })
        .collect();
    Ok(Json(SearchOut { total, hits }))
}
