//! RSS/Atom feeds of a tenant: added by staff with a polling interval, polled by `pantau serve` when due (or by
//! `pantau news poll`), with the outcome of the last poll kept for the feeds page.

use domain::ids::TenantId;
use domain::problems::{Problem, Problems, required_text};
use serde_json::json;

use crate::audit::{self, Change};
use crate::{ActionCx, Conn, StoreError};

/// Shortest and longest polling interval, minutes.
pub const EVERY_MINUTES: (i64, i64) = (15, 1440);

/// A feed.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Feed {
    /// Tenant.
    pub tenant_id: String,
    /// Id.
    pub id: String,
    /// Address.
    pub url: String,
    /// Name shown as the source of its articles.
    pub title: String,
    /// Interval.
    pub every_minutes: i64,
    /// Polled (1) or paused (0).
    pub is_active: i64,
    /// Next poll.
    pub next_poll_at_ms: i64,
    /// Last poll.
    pub last_polled_at_ms: Option<i64>,
    /// `ok` or `error`.
    pub last_status: Option<String>,
    /// What went wrong last.
    pub last_error: Option<String>,
    /// New articles at the last poll.
    pub last_new: i64,
}

const COLUMNS: &str = "tenant_id, id, url, title, every_minutes, is_active, next_poll_at_ms, last_polled_at_ms, \
    last_status, last_error, last_new";

/// Adds a feed; polled at once.
pub async fn create(cx: &ActionCx<'_>, url: &str, title: &str, every_minutes: &str) -> Result<Feed, StoreError> {
    let mut problems = Problems::default();
    let url = url.trim();
    if !(url.starts_with("http://") || url.starts_with("https://"))
        || url.len() > 2000
        || url.contains(char::is_whitespace)
    {
        problems.add("url", Problem::Malformed { given: url.to_owned() });
    }
    let title = required_text(&mut problems, "title", title, 200);
    let every = every_minutes.trim().parse::<i64>().ok().filter(|it| (EVERY_MINUTES.0..=EVERY_MINUTES.1).contains(it));
    if every.is_none() {
        problems.add("every_minutes", Problem::Malformed { given: every_minutes.trim().to_owned() });
    }
    problems.finish(|| ()).map_err(StoreError::Invalid)?;
    let feed = Feed {
        tenant_id: cx.tenant.as_str().to_owned(),
        id: cx.ids.new_id(),
        url: url.to_owned(),
        title,
        every_minutes: every.unwrap_or(60),
        is_active: 1,
        next_poll_at_ms: cx.now_ms(),
        last_polled_at_ms: None,
        last_status: None,
        last_error: None,
        last_new: 0,
    };
    let mut tx = cx.db.begin_write().await?;
    sqlx::query(
        "INSERT INTO news_feed (tenant_id, id, url, title, every_minutes, is_active, next_poll_at_ms, last_new,
            created_at_ms) VALUES ($1, $2, $3, $4, $5, 1, $6, 0, $6)",
    )
    .bind(cx.tenant.as_str())
    .bind(&feed.id)
    .bind(&feed.url)
    .bind(&feed.title)
    .bind(feed.every_minutes)
    .bind(cx.now_ms())
    .execute(&mut *tx)
    .await?;
    let after = json!({ "url": feed.url, "title": feed.title, "every_minutes": feed.every_minutes });
    let change = Change {
        action: "news_feed.create",
        entity_type: "news_feed",
        entity_id: feed.id.clone(),
        before: None,
        after: Some(after),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(feed)
}

/// Pauses or resumes a feed.
pub async fn set_active(cx: &ActionCx<'_>, id: &str, active: bool) -> Result<(), StoreError> {
    let mut tx = cx.db.begin_write().await?;
    let done =
        sqlx::query("UPDATE news_feed SET is_active = $1, next_poll_at_ms = $2 WHERE tenant_id = $3 AND id = $4")
            .bind(i64::from(active))
            .bind(cx.now_ms())
            .bind(cx.tenant.as_str())
            .bind(id)
            .execute(&mut *tx)
            .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    let action = if active { "news_feed.resume" } else { "news_feed.pause" };
    let change = Change {
        action,
        entity_type: "news_feed",
        entity_id: id.to_owned(),
        before: None,
        after: Some(json!({ "active": active })),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(())
}

/// A tenant's feeds.
pub async fn list(conn: &mut Conn, tenant: &TenantId) -> Result<Vec<Feed>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM news_feed WHERE tenant_id = $1 ORDER BY title");
    Ok(sqlx::query_as(&sql).bind(tenant.as_str()).fetch_all(conn).await?)
}

/// Active feeds due at `now_ms`, across tenants.
pub async fn list_due(conn: &mut Conn, now_ms: i64, limit: i64) -> Result<Vec<Feed>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM news_feed WHERE is_active = 1 AND next_poll_at_ms <= $1 ORDER BY next_poll_at_ms LIMIT {limit}"
    );
    Ok(sqlx::query_as(&sql).bind(now_ms).fetch_all(conn).await?)
}

/// Records a poll's outcome and schedules the next.
pub async fn update_poll(
    conn: &mut Conn,
    feed: &Feed,
    now_ms: i64,
    outcome: Result<i64, String>,
) -> Result<(), StoreError> {
    let (status, error, new) = match outcome {
        Ok(new) => ("ok", None, new),
        Err(error) => ("error", Some(error), 0),
    };
    sqlx::query(
        "UPDATE news_feed SET last_polled_at_ms = $1, last_status = $2, last_error = $3, last_new = $4,
            next_poll_at_ms = $5 WHERE tenant_id = $6 AND id = $7",
    )
    .bind(now_ms)
    .bind(status)
    .bind(error)
    .bind(new)
    .bind(now_ms + feed.every_minutes * 60_000)
    .bind(&feed.tenant_id)
    .bind(&feed.id)
    .execute(conn)
    .await?;
    Ok(())
}
