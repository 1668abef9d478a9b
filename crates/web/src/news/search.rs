//! Search over the news: the index catches up with the database before each search (only what changed since its
//! watermark), so an article is findable as soon as its import committed, whichever process imported it.

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use domain::ids::TenantId;
use domain::people::Permission;
use serde::{Deserialize, Serialize};

use crate::app::App;
use crate::error::WebError;
use crate::render::render_status;
use crate::staff::Staff;

/// Documents read from the database per round.
const BATCH: i64 = 2000;

/// Brings a tenant's part of the index up to date.
pub async fn catch_up(app: &App, tenant: &TenantId) -> Result<usize, WebError> {
    let _one_at_a_time = app.indexing().lock().await;
    let index = app.search();
    let mut done = 0;
    // The index is a cache: when it holds more documents than the database has articles, or documents newer than
    // any article, the database was replaced or restored under it, and the tenant's part is rebuilt.
    let (stored, newest) = {
        let mut conn = app.db().conn().await?;
        store::news::listing::count_and_newest(&mut conn, tenant).await?
    };
    let indexed = index.count(tenant.as_str(), "news").map_err(|err| WebError::BadRequest(err.to_string()))?;
    if indexed > usize::try_from(stored).unwrap_or(usize::MAX) || index.watermark(tenant.as_str(), "news") > newest {
        tracing::warn!(tenant = %tenant.as_str(), indexed, stored, "search index does not match the database; rebuilding");
        index.reset(tenant.as_str(), "news").map_err(|err| WebError::BadRequest(err.to_string()))?;
    }
    loop {
        let since = index.watermark(tenant.as_str(), "news");
        let mut conn = app.db().conn().await?;
        let mut rows = store::news::listing::changed_since(&mut conn, tenant, since, BATCH).await?;
        if rows.is_empty() {
            return Ok(done);
        }
        if rows.len() == usize::try_from(BATCH).unwrap_or(usize::MAX) {
            // The page may end inside a millisecond shared by more articles (a large import): take them all.
            let last = rows.last().map_or(since, |it| it.5);
            let rest = store::news::listing::changed_at(&mut conn, tenant, last).await?;
            rows.retain(|it| it.5 != last);
            rows.extend(rest);
        }
        let ids: Vec<String> = rows.iter().map(|it| it.0.clone()).collect();
        let units = store::news::listing::units_of(&mut conn, tenant, &ids).await?;
        drop(conn);
        let docs: Vec<search::Doc> = rows
            .into_iter()
            .map(|(id, title, body, date, categories, updated_ms)| search::Doc {
                tenant: tenant.as_str().to_owned(),
                kind: "news".to_owned(),
                units: units.iter().filter(|(a, _)| *a == id).map(|(_, u)| u.clone()).collect(),
                id,
                title: title.unwrap_or_default(),
                body,
                date: date.unwrap_or_default(),
                categories: categories.split(',').filter(|it| !it.is_empty()).map(str::to_owned).collect(),
                updated_ms,
            })
            .collect();
        done += docs.len();
        // Indexing is CPU work; off the async threads.
        let owned = app.clone();
        let written = tokio::task::spawn_blocking(move || owned.search().upsert(&docs))
            .await
            .map_err(|err| WebError::BadRequest(err.to_string()))?;
        written.map_err(|err| WebError::BadRequest(err.to_string()))?;
    }
}

/// Query string of the search page.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct SearchQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    kategori: String,
}

#[derive(Serialize)]
struct HitView {
    id: String,
    title: String,
    snippet: String,
    date: String,
}

#[derive(Serialize)]
struct SearchPage {
    #[serde(flatten)]
    layout: crate::layout::Layout,
    query: SearchQuery,
    hits: Vec<HitView>,
    total: usize,
    error: Option<String>,
    categories: Vec<(String, String)>,
    searched: bool,
}

/// Runs a search for a staff member (a unit head only over articles naming their units).
pub async fn run(
    staff: &Staff,
    text: &str,
    category: Option<String>,
    limit: usize,
) -> Result<(Vec<search::Hit>, usize), WebError> {
    catch_up(&staff.app, &staff.tenant.0.id).await?;
    let data = staff.app.db().tenant_data(&staff.tenant.0.id).await?;
    let tree = crate::org::tree_of(&data.units);
    let query = search::Query {
        tenant: staff.tenant.0.id.as_str().to_owned(),
        text: text.to_owned(),
        kind: Some("news".to_owned()),
        units: super::visible_units(&staff.user.access, &tree),
        category,
        limit,
    };
    staff.app.search().search(&query).map_err(|err| WebError::BadRequest(err.to_string()))
}

/// `GET /berita/cari?q=…`.
pub async fn page(staff: Staff, Query(query): Query<SearchQuery>) -> Result<Response, WebError> {
    staff.user.require_any(Permission::ViewNews)?;
    let category = text::categories::CATEGORIES.iter().find(|it| **it == query.kategori).map(|it| (*it).to_owned());
    let searched = !query.q.trim().is_empty();
    let (hits, total, error) = if searched {
        match run(&staff, query.q.trim(), category, 50).await {
            Ok((hits, total)) => (hits, total, None),
            Err(WebError::BadRequest(_)) => (Vec::new(), 0, Some(staff.lang.t("news.search.bad_query").to_owned())),
            Err(err) => return Err(err),
        }
    } else {
        (Vec::new(), 0, None)
    };
    let hits = hits
        .into_iter()
        .map(|it| HitView { id: it.id, title: it.title, snippet: it.snippet_html, date: it.date })
        .collect();
    let categories = text::categories::CATEGORIES
        .iter()
        .map(|it| ((*it).to_owned(), staff.lang.t(&format!("news.categories.{it}")).to_owned()))
        .collect();
    let page = SearchPage { layout: staff.layout, query, hits, total, error, categories, searched };
    render_status(StatusCode::OK, "news/search.html", &page)
}
