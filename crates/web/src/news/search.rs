//! Search over news and complaints: the index catches up with the database first (`indexing`), then each kind is
//! searched within the scope the user reads it in (news: ViewNews; complaints: ViewComplaints, as the queue), and the
//! hits are merged by score.

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use domain::people::Permission;
use serde::{Deserialize, Serialize};

use crate::error::WebError;
use crate::render::render_status;
use crate::staff::Staff;

/// Query string of the search page.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct SearchQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    jenis: String,
    #[serde(default)]
    kategori: String,
}

#[derive(Serialize)]
struct HitView {
    link: String,
    kind: String,
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

/// Runs a search for a staff member over the kinds they may read (`kind` narrows it to `news` or `complaint`).
pub async fn run(
    staff: &Staff,
    text: &str,
    (kind, category): (Option<&str>, Option<String>),
    limit: usize,
) -> Result<(Vec<search::Hit>, usize), WebError> {
    super::indexing::catch_up(&staff.app, &staff.tenant.0.id).await?;
    let view = crate::view::TenantView::of(staff).await?;
    let access = &staff.user.access;
    let mut scopes: Vec<(&str, Option<Vec<String>>)> = Vec::new();
    if access.has(Permission::ViewNews) && kind.is_none_or(|it| it == "news") {
        scopes.push(("news", view.visible_units(access, Permission::ViewNews)));
    }
    if access.has(Permission::ViewComplaints) && kind.is_none_or(|it| it == "complaint") {
        scopes.push(("complaint", view.visible_units(access, Permission::ViewComplaints)));
    }
    let (mut hits, mut total) = (Vec::new(), 0);
    for (kind, units) in scopes {
        let query = search::Query {
            tenant: staff.tenant.0.id.as_str().to_owned(),
            text: text.to_owned(),
            kind: Some(kind.to_owned()),
            units,
            category: category.clone(),
            limit,
        };
        let (found, count) = staff.app.search().search(&query).map_err(|err| WebError::BadRequest(err.to_string()))?;
        hits.extend(found);
        total += count;
    }
    hits.sort_by(|a, b| b.score.total_cmp(&a.score));
    hits.truncate(limit);
    Ok((hits, total))
}

/// `GET /berita/cari?q=…`.
pub async fn page(staff: Staff, Query(query): Query<SearchQuery>) -> Result<Response, WebError> {
    if !(staff.user.access.has(Permission::ViewNews) || staff.user.access.has(Permission::ViewComplaints)) {
        return Err(WebError::Forbidden);
    }
    let category = text::categories::CATEGORIES.iter().find(|it| **it == query.kategori).map(|it| (*it).to_owned());
    let kind = match query.jenis.as_str() {
        "berita" => Some("news"),
        "pengaduan" => Some("complaint"),
        _ => None,
    };
    let searched = !query.q.trim().is_empty();
    let (hits, total, error) = if searched {
        match run(&staff, query.q.trim(), (kind, category), 50).await {
            Ok((hits, total)) => (hits, total, None),
            Err(WebError::BadRequest(_)) => (Vec::new(), 0, Some(staff.lang.t("news.search.bad_query").to_owned())),
            Err(err) => return Err(err),
        }
    } else {
        (Vec::new(), 0, None)
    };
    let hits = hits
        .into_iter()
        .map(|it| HitView {
            link: if it.kind == "complaint" { format!("/pengaduan/{}", it.id) } else { format!("/berita/{}", it.id) },
            kind: staff.lang.t(&format!("news.search.kinds.{}", it.kind)).to_owned(),
            id: it.id,
            title: it.title,
            snippet: it.snippet_html,
            date: it.date,
        })
        .collect();
    let categories = text::categories::CATEGORIES
        .iter()
        .map(|it| ((*it).to_owned(), staff.lang.t(&format!("news.categories.{it}")).to_owned()))
        .collect();
    let page = SearchPage { layout: staff.layout, query, hits, total, error, categories, searched };
    render_status(StatusCode::OK, "news/search.html", &page)
}
