//! The news inbox: relevant articles newest first, filtered by unit (with its subunits), category, dates and
//! region; a unit head sees only articles naming units in their scope. And the staff member's notices.

use axum::extract::Query;
use axum::response::Response;
use domain::people::Permission;
use serde::{Deserialize, Serialize};
use store::news::listing::{self, Filter, Summary};
use store::news::notices;

use crate::error::WebError;
use crate::render::render_status;
use crate::staff::Staff;

/// Inbox rows per page.
const PAGE: i64 = 25;

/// Query string of the inbox.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct InboxQuery {
    #[serde(default)]
    unit: String,
    #[serde(default)]
    kategori: String,
    #[serde(default)]
    dari: String,
    #[serde(default)]
    sampai: String,
    #[serde(default)]
    wilayah: String,
    #[serde(default)]
    semua: Option<String>,
    #[serde(default)]
    hal: Option<i64>,
}

/// An inbox row as shown.
#[derive(Serialize)]
pub(crate) struct Row {
    pub id: String,
    pub title: String,
    pub source: String,
    pub date: String,
    pub region: String,
    pub categories: Vec<(String, String)>,
    pub relevant: bool,
    pub negative: bool,
    pub grouped: bool,
}

pub(crate) fn row(staff: &Staff, it: Summary) -> Row {
    let region = it.city_code.as_deref().or(it.province_code.as_deref()).and_then(text::regions::region);
    Row {
        title: it.title.unwrap_or_else(|| staff.lang.t("news.inbox.untitled").to_owned()),
        source: it.source,
        date: it.published_date.unwrap_or_default(),
        region: region.map(|r| r.name.clone()).unwrap_or_default(),
        categories: it
            .categories
            .split(',')
            .filter(|c| !c.is_empty())
            .map(|c| (c.to_owned(), staff.lang.t(&format!("news.categories.{c}")).to_owned()))
            .collect(),
        relevant: it.relevant != 0,
        negative: it.is_negative != 0,
        grouped: it.group_id != it.id,
        id: it.id,
    }
}

#[derive(Serialize)]
struct InboxPage {
    #[serde(flatten)]
    layout: crate::layout::Layout,
    rows: Vec<Row>,
    total: i64,
    page: i64,
    pages: i64,
    query: InboxQuery,
    units: Vec<(String, String)>,
    categories: Vec<(String, String)>,
    regions: Vec<(String, String)>,
    manage: bool,
    review: bool,
    unread: i64,
    next_query: String,
    prev_query: String,
}

fn valid_date(raw: &str) -> Option<String> {
    raw.trim().parse::<jiff::civil::Date>().ok().map(|it| it.to_string())
}

fn filter_of(query: &InboxQuery, units: Option<Vec<String>>) -> Filter {
    let category = text::categories::CATEGORIES.iter().find(|it| **it == query.kategori).map(|it| (*it).to_owned());
    let region = text::regions::region(query.wilayah.trim()).map(|it| it.code.clone());
    Filter {
        units,
        category,
        from: valid_date(&query.dari),
        to: valid_date(&query.sampai),
        region,
        all: query.semua.is_some(),
    }
}

/// `GET /berita`.
pub async fn show(staff: Staff, Query(query): Query<InboxQuery>) -> Result<Response, WebError> {
    staff.user.require_any(Permission::ViewNews)?;
    let tenant = &staff.tenant.0.id;
    let data = staff.app.db().tenant_data(tenant).await?;
    let tree = &data.tree;
    let visible = super::visible_units(&staff.user.access, tree);
    let chosen = data
        .units
        .iter()
        .find(|it| it.id.as_str() == query.unit)
        .map(|it| tree.subtree(&it.id).into_iter().map(|id| id.as_str().to_owned()).collect::<Vec<_>>());
    let units_filter = match (chosen, &visible) {
        (Some(chosen), Some(visible)) => Some(chosen.into_iter().filter(|it| visible.contains(it)).collect()),
        (Some(chosen), None) => Some(chosen),
        (None, visible) => visible.clone(),
    };
    let filter = filter_of(&query, units_filter);
    let page = query.hal.unwrap_or(1).max(1);
    let mut conn = staff.app.db().conn().await?;
    let (summaries, total) = listing::list(&mut conn, tenant, &filter, (PAGE, (page - 1) * PAGE)).await?;
    let user_id = staff.user.user.id.as_str().to_owned();
    let unread = notices::count_unread(&mut conn, tenant, &user_id).await?;
    drop(conn);
    let rows = summaries.into_iter().map(|it| row(&staff, it)).collect();
    let units = data
        .units
        .iter()
        .filter(|it| visible.as_ref().is_none_or(|v| v.contains(&it.id.as_str().to_owned())))
        .map(|it| (it.id.as_str().to_owned(), it.draft.name.clone()))
        .collect();
    let categories = text::categories::CATEGORIES
        .iter()
        .map(|it| ((*it).to_owned(), staff.lang.t(&format!("news.categories.{it}")).to_owned()))
        .collect();
    let regions = region_choices(&staff);
    let with_page = |n: i64| {
        let mut q = query.clone();
        q.hal = Some(n);
        serde_urlencoded::to_string(&q).unwrap_or_default()
    };
    let page_view = InboxPage {
        rows,
        total,
        page,
        pages: (total + PAGE - 1) / PAGE,
        next_query: with_page(page + 1),
        prev_query: with_page(page - 1),
        query,
        units,
        categories,
        regions,
        manage: staff.user.access.has(Permission::ManageNews),
        review: staff.user.access.has(Permission::ReviewNews),
        unread,
        layout: staff.layout,
    };
    render_status(axum::http::StatusCode::OK, "news/inbox.html", &page_view)
}

/// The Pemda's own province and its kabupaten/kota first, then every province.
fn region_choices(staff: &Staff) -> Vec<(String, String)> {
    let own: String = staff.tenant.0.region_code.chars().filter(char::is_ascii_digit).collect();
    let province = own.get(..2).unwrap_or_default().to_owned();
    let all = domain::org::regions();
    let mut out: Vec<(String, String)> = all
        .iter()
        .filter(|it| it.code == province || it.parent_code.as_deref() == Some(province.as_str()))
        .map(|it| (it.code.clone(), it.name.clone()))
        .collect();
    out.extend(
        all.iter().filter(|it| it.code.len() == 2 && it.code != province).map(|it| (it.code.clone(), it.name.clone())),
    );
    out
}

#[derive(Serialize)]
struct NoticeRow {
    kind: String,
    subject: String,
    link: String,
    when: String,
    unread: bool,
}

#[derive(Serialize)]
struct NoticesPage {
    #[serde(flatten)]
    layout: crate::layout::Layout,
    notices: Vec<NoticeRow>,
}

/// `GET /notifikasi`.
pub async fn notices(staff: Staff) -> Result<Response, WebError> {
    let mut conn = staff.app.db().conn().await?;
    let user_id = staff.user.user.id.as_str().to_owned();
    let list = notices::list(&mut conn, &staff.tenant.0.id, &user_id, 100).await?;
    let zone = staff.tenant.0.zone;
    let rows = list
        .into_iter()
        .map(|it| NoticeRow {
            kind: it.kind,
            subject: it.subject,
            link: it.link,
            when: crate::view::format::local_time(it.created_at_ms, zone),
            unread: it.read_at_ms.is_none(),
        })
        .collect();
    render_status(axum::http::StatusCode::OK, "news/notices.html", &NoticesPage { layout: staff.layout, notices: rows })
}
