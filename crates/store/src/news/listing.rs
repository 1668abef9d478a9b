//! Reading articles: the inbox with its filters (unit with its subunits, category, dates, region, relevance),
//! one article with its facts, and the other articles of its near-duplicate group.

use domain::ids::TenantId;
use text::facts::Facts;

use crate::sql::Sql;
use crate::{Conn, StoreError};

/// Inbox filters; empty means any.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Only articles naming one of these units (a unit and its subunits, or a unit head's scope).
    pub units: Option<Vec<String>>,
    /// Category code.
    pub category: Option<String>,
    /// From this date (inclusive, `YYYY-MM-DD`).
    pub from: Option<String>,
    /// To this date (inclusive).
    pub to: Option<String>,
    /// Province or kabupaten/kota code.
    pub region: Option<String>,
    /// Include articles judged not relevant.
    pub all: bool,
}

/// An inbox row.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Summary {
    /// Id.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Source.
    pub source: String,
    /// Address.
    pub url: Option<String>,
    /// Article date.
    pub published_date: Option<String>,
    /// Province code.
    pub province_code: Option<String>,
    /// Kabupaten/kota code.
    pub city_code: Option<String>,
    /// Comma-separated categories.
    pub categories: String,
    /// Relevant (1) or not (0).
    pub relevant: i64,
    /// Negative (1).
    pub is_negative: i64,
    /// Group id.
    pub group_id: String,
    /// Imported at.
    pub imported_at_ms: i64,
}

const SUMMARY_COLUMNS: &str = "a.id, a.title, a.source, a.url, a.published_date, a.province_code, a.city_code, \
    a.categories, a.relevant, a.is_negative, a.group_id, a.imported_at_ms";

/// One page of the inbox, newest article date first; also the total count.
pub async fn list(
    conn: &mut Conn,
    tenant: &TenantId,
    filter: &Filter,
    (limit, offset): (i64, i64),
) -> Result<(Vec<Summary>, i64), StoreError> {
    if filter.units.as_ref().is_some_and(Vec::is_empty) {
        return Ok((Vec::new(), 0));
    }
    let mut count = Sql::new("SELECT CAST(COUNT(*) AS BIGINT) FROM news_article a WHERE a.tenant_id = ");
    count.bind(tenant.as_str());
    inbox_filter(&mut count, filter);
    let total = count.fetch_scalar(&mut *conn).await?;
    let mut sql = Sql::new(&format!("SELECT {SUMMARY_COLUMNS} FROM news_article a WHERE a.tenant_id = "));
    sql.bind(tenant.as_str());
    inbox_filter(&mut sql, filter);
    sql.push(&format!(
        " ORDER BY COALESCE(a.published_date, '') DESC, a.imported_at_ms DESC, a.id LIMIT {limit} OFFSET {offset}"
    ));
    Ok((sql.fetch_all(conn).await?, total))
}

/// The inbox's filters, after the tenant's clause.
fn inbox_filter<'q>(sql: &mut Sql<'q>, filter: &'q Filter) {
    if !filter.all {
        sql.push(" AND a.relevant = 1");
    }
    if let Some(units) = &filter.units {
        sql.push(" AND EXISTS (SELECT 1 FROM news_article_unit u WHERE u.tenant_id = a.tenant_id")
            .push(" AND u.article_id = a.id AND u.unit_id IN (")
            .bind_list(units)
            .push("))");
    }
    if let Some(category) = &filter.category {
        sql.push(" AND EXISTS (SELECT 1 FROM news_article_category c WHERE c.tenant_id = a.tenant_id")
            .push(" AND c.article_id = a.id AND c.category = ")
            .bind(category)
            .push(")");
    }
    if let Some(from) = &filter.from {
        sql.push(" AND a.published_date >= ").bind(from);
    }
    if let Some(to) = &filter.to {
        sql.push(" AND a.published_date <= ").bind(to);
    }
    if let Some(region) = &filter.region {
        let region = sql.param(region);
        sql.push(" AND (a.province_code = ").reuse(region).push(" OR a.city_code = ").reuse(region).push(")");
    }
}

/// One article with its text and facts.
#[derive(Clone, Debug)]
pub struct Article {
    /// Inbox fields.
    pub summary: Summary,
    /// Cleaned text.
    pub body: String,
    /// Extracted facts.
    pub facts: Facts,
    /// Linked unit ids.
    pub unit_ids: Vec<String>,
    /// Origin kind.
    pub origin: String,
}

/// Loads an article.
pub async fn load(conn: &mut Conn, tenant: &TenantId, id: &str) -> Result<Article, StoreError> {
    let sql = format!("SELECT {SUMMARY_COLUMNS} FROM news_article a WHERE a.tenant_id = $1 AND a.id = $2");
    let summary: Summary = sqlx::query_as(&sql).bind(tenant.as_str()).bind(id).fetch_one(&mut *conn).await?;
    let (body, facts, origin): (String, String, String) =
        sqlx::query_as("SELECT body, facts, origin FROM news_article WHERE tenant_id = $1 AND id = $2")
            .bind(tenant.as_str())
            .bind(id)
            .fetch_one(&mut *conn)
            .await?;
    let facts: Facts = super::facts_doc::read(&facts)?;
    let units: Vec<(String,)> = sqlx::query_as(
        "SELECT unit_id FROM news_article_unit WHERE tenant_id = $1 AND article_id = $2 ORDER BY unit_id",
    )
    .bind(tenant.as_str())
    .bind(id)
    .fetch_all(conn)
    .await?;
    Ok(Article { summary, body, facts, unit_ids: units.into_iter().map(|it| it.0).collect(), origin })
}

/// The other articles of a group.
pub async fn list_group(
    conn: &mut Conn,
    tenant: &TenantId,
    group_id: &str,
    except: &str,
) -> Result<Vec<Summary>, StoreError> {
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS} FROM news_article a WHERE a.tenant_id = $1 AND a.group_id = $2 AND a.id <> $3 \
         ORDER BY a.imported_at_ms LIMIT 50"
    );
    Ok(sqlx::query_as(&sql).bind(tenant.as_str()).bind(group_id).bind(except).fetch_all(conn).await?)
}

/// Articles changed after `since_ms` (epoch ms), oldest first, for the search index: id, title, body, date,
/// categories, unit ids (comma-separated), updated_at_ms.
pub async fn list_changed_since(
    conn: &mut Conn,
    tenant: &TenantId,
    since_ms: i64,
    limit: i64,
) -> Result<Vec<(String, Option<String>, String, Option<String>, String, i64)>, StoreError> {
    let sql = format!(
        "SELECT id, title, body, published_date, categories, updated_at_ms FROM news_article \
         WHERE tenant_id = $1 AND updated_at_ms > $2 ORDER BY updated_at_ms, id LIMIT {limit}"
    );
    Ok(sqlx::query_as(&sql).bind(tenant.as_str()).bind(since_ms).fetch_all(conn).await?)
}

/// Every article changed exactly at `at_ms`: completes a page of [`list_changed_since`] that ended inside one
/// millisecond, so a watermark never skips articles stamped alike.
pub async fn list_changed_at(
    conn: &mut Conn,
    tenant: &TenantId,
    at_ms: i64,
) -> Result<Vec<(String, Option<String>, String, Option<String>, String, i64)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, title, body, published_date, categories, updated_at_ms FROM news_article \
         WHERE tenant_id = $1 AND updated_at_ms = $2 ORDER BY id",
    )
    .bind(tenant.as_str())
    .bind(at_ms)
    .fetch_all(conn)
    .await?)
}

/// Unit ids of some articles: (article id, unit id) pairs.
pub async fn list_units_of(
    conn: &mut Conn,
    tenant: &TenantId,
    ids: &[String],
) -> Result<Vec<(String, String)>, StoreError> {
    let mut out = Vec::new();
    for chunk in ids.chunks(500) {
        let mut sql = Sql::new("SELECT article_id, unit_id FROM news_article_unit WHERE tenant_id = ");
        sql.bind(tenant.as_str()).push(" AND article_id IN (").bind_list(chunk).push(")");
        out.extend(sql.fetch_all::<(String, String)>(&mut *conn).await?);
    }
    Ok(out)
}

/// Number of articles of a tenant and the latest change time (0 when none).
pub async fn count_and_newest(conn: &mut Conn, tenant: &TenantId) -> Result<(i64, i64), StoreError> {
    let row: (i64, Option<i64>) = sqlx::query_as(
        "SELECT CAST(COUNT(*) AS BIGINT), CAST(MAX(updated_at_ms) AS BIGINT) FROM news_article WHERE tenant_id = $1",
    )
    .bind(tenant.as_str())
    .fetch_one(conn)
    .await?;
    Ok((row.0, row.1.unwrap_or(0)))
}

/// Complaints changed after `since_ms`, for the search index: id, "number — title", body, received date (UTC),
/// category, the unit that decides who may read it, updated_at_ms. `at_ms` instead takes every complaint changed in
/// exactly that millisecond (to complete a page).
pub async fn list_complaint_docs(
    conn: &mut Conn,
    tenant: &TenantId,
    (since_ms, at_ms): (i64, Option<i64>),
    limit: i64,
) -> Result<Vec<(String, String, String, i64, String, Option<String>, i64)>, StoreError> {
    let condition = if at_ms.is_some() { "updated_at_ms = $2" } else { "updated_at_ms > $2" };
    let sql = format!(
        "SELECT id, number, title, body, received_at_ms, category, COALESCE(unit_id, reported_unit_id), updated_at_ms \
         FROM complaint WHERE tenant_id = $1 AND {condition} ORDER BY updated_at_ms, id LIMIT {limit}"
    );
    type Row = (String, String, String, String, i64, String, Option<String>, i64);
    let rows: Vec<Row> =
        sqlx::query_as(&sql).bind(tenant.as_str()).bind(at_ms.unwrap_or(since_ms)).fetch_all(conn).await?;
    Ok(rows
        .into_iter()
        .map(|(id, number, title, body, received, category, unit, updated)| {
            (id, format!("{number} — {title}"), body, received, category, unit, updated)
        })
        .collect())
}

/// Number of complaints of a tenant and the latest change time (0 when none).
pub async fn count_complaints_and_newest(conn: &mut Conn, tenant: &TenantId) -> Result<(i64, i64), StoreError> {
    let row: (i64, Option<i64>) = sqlx::query_as(
        "SELECT CAST(COUNT(*) AS BIGINT), CAST(MAX(updated_at_ms) AS BIGINT) FROM complaint WHERE tenant_id = $1",
    )
    .bind(tenant.as_str())
    .fetch_one(conn)
    .await?;
    Ok((row.0, row.1.unwrap_or(0)))
}
