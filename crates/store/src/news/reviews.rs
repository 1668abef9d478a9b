//! Preliminary reviews (telaah awal): opened from an article or from a leader's request to examine a unit on the
//! watch list, assigned to the inspectorate, numbered `TA-<year>-<seq>` so that a later discipline case can cite
//! one, closed with a conclusion. Both steps are audited.

use domain::ids::TenantId;
use domain::problems::{Problems, required_text};
use serde_json::json;

use crate::audit::{self, Change};
use crate::{ActionCx, Conn, StoreError};

/// Review states.
pub const STATUSES: [&str; 2] = ["dibuka", "selesai"];

/// A review.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Review {
    /// Id.
    pub id: String,
    /// `TA-2026-0001`.
    pub number: String,
    /// Article it starts from; none when a leader's decision asked for it.
    pub article_id: Option<String>,
    /// Unit concerned.
    pub unit_id: Option<String>,
    /// Inspectorate unit it is assigned to.
    pub assignee_unit_id: Option<String>,
    /// What is to be looked into.
    pub summary: String,
    /// `dibuka` or `selesai`.
    pub status: String,
    /// Conclusion once closed.
    pub conclusion: Option<String>,
    /// Opened at.
    pub opened_at_ms: i64,
}

const COLUMNS: &str = "id, number, article_id, unit_id, assignee_unit_id, summary, status, conclusion, opened_at_ms";

fn doc(it: &Review) -> serde_json::Value {
    json!({ "number": it.number, "article_id": it.article_id, "unit_id": it.unit_id,
        "assignee_unit_id": it.assignee_unit_id, "summary": it.summary, "status": it.status, "conclusion": it.conclusion })
}

/// Opens a review of an article about `unit_id`, assigned to the tenant's inspectorate.
pub async fn open(
    cx: &ActionCx<'_>,
    article_id: &str,
    unit_id: Option<&str>,
    summary: &str,
) -> Result<Review, StoreError> {
    let mut problems = Problems::default();
    let summary = required_text(&mut problems, "summary", summary, 2000);
    problems.finish(|| ()).map_err(StoreError::Invalid)?;
    let mut tx = cx.db.begin_write().await?;
    check_refs(&mut tx, cx.tenant, article_id, unit_id).await?;
    let review = insert_review(&mut tx, cx, Some(article_id), unit_id, summary).await?;
    tx.commit().await?;
    Ok(review)
}

/// Writes a new review in the caller's transaction, with its number, its sums and its audit entry.
pub(crate) async fn insert_review(
    conn: &mut Conn,
    cx: &ActionCx<'_>,
    article_id: Option<&str>,
    unit_id: Option<&str>,
    summary: String,
) -> Result<Review, StoreError> {
    let inspectorate: Option<(String,)> = sqlx::query_as(
        "SELECT id FROM unit WHERE tenant_id = $1 AND kind = 'inspektorat' AND is_active = 1 ORDER BY code LIMIT 1",
    )
    .bind(cx.tenant.as_str())
    .fetch_optional(&mut *conn)
    .await?;
    // Numbered in the year of the Pemda's own calendar.
    let zone = crate::org::queries::load_tenant(conn, cx.tenant).await?.zone;
    let year = zone.local_date(cx.now).year();
    let seq = crate::numbering::next(conn, cx.tenant, crate::numbering::Series::NewsReview, year).await?;
    let review = Review {
        id: cx.ids.new_id(),
        number: format!("TA-{year}-{seq:04}"),
        article_id: article_id.map(str::to_owned),
        unit_id: unit_id.map(str::to_owned),
        assignee_unit_id: inspectorate.map(|it| it.0),
        summary,
        status: "dibuka".to_owned(),
        conclusion: None,
        opened_at_ms: cx.now_ms(),
    };
    sqlx::query(
        "INSERT INTO news_review (tenant_id, id, number, article_id, unit_id, assignee_unit_id, summary, status,
            opened_by, opened_at_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(cx.tenant.as_str())
    .bind(&review.id)
    .bind(&review.number)
    .bind(review.article_id.as_deref())
    .bind(review.unit_id.as_deref())
    .bind(review.assignee_unit_id.as_deref())
    .bind(&review.summary)
    .bind(&review.status)
    .bind(cx.actor.user_id())
    .bind(review.opened_at_ms)
    .execute(&mut *conn)
    .await?;
    if let Some(unit) = &review.unit_id {
        use crate::scorecards::{When, update_sums_for_events};
        use domain::scorecards::facts::{Measure, Stream};
        let opened = [(domain::ids::UnitId::new(unit.clone()), When::At(review.opened_at_ms))];
        update_sums_for_events(conn, cx, (Stream::News, Measure::ReviewOpened), &opened).await?;
    }
    let change = Change {
        action: "news_review.open",
        entity_type: "news_review",
        entity_id: review.id.clone(),
        before: None,
        after: Some(doc(&review)),
    };
    audit::append(conn, cx, change).await?;
    Ok(review)
}

/// The article exists, and the unit when one is named.
async fn check_refs(
    conn: &mut Conn,
    tenant: &TenantId,
    article_id: &str,
    unit_id: Option<&str>,
) -> Result<(), StoreError> {
    let article: Option<(String,)> = sqlx::query_as("SELECT id FROM news_article WHERE tenant_id = $1 AND id = $2")
        .bind(tenant.as_str())
        .bind(article_id)
        .fetch_optional(&mut *conn)
        .await?;
    article.ok_or(StoreError::NotFound)?;
    if let Some(unit) = unit_id {
        crate::surveys::services::check_unit(conn, tenant, &domain::ids::UnitId::new(unit.to_owned())).await?;
    }
    Ok(())
}

/// Closes a review with its conclusion.
pub async fn close(cx: &ActionCx<'_>, id: &str, conclusion: &str) -> Result<Review, StoreError> {
    let mut problems = Problems::default();
    let conclusion = required_text(&mut problems, "conclusion", conclusion, 4000);
    problems.finish(|| ()).map_err(StoreError::Invalid)?;
    let mut tx = cx.db.begin_write().await?;
    let before = load(&mut tx, cx.tenant, id).await?;
    if before.status != "dibuka" {
        return Err(StoreError::Duplicate);
    }
    sqlx::query("UPDATE news_review SET status = 'selesai', conclusion = $1, closed_at_ms = $2 WHERE tenant_id = $3 AND id = $4")
        .bind(&conclusion)
        .bind(cx.now_ms())
        .bind(cx.tenant.as_str())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let after = Review { status: "selesai".to_owned(), conclusion: Some(conclusion), ..before.clone() };
    let change = Change {
        action: "news_review.close",
        entity_type: "news_review",
        entity_id: id.to_owned(),
        before: Some(doc(&before)),
        after: Some(doc(&after)),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(after)
}

/// One review.
pub async fn load(conn: &mut Conn, tenant: &TenantId, id: &str) -> Result<Review, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM news_review WHERE tenant_id = $1 AND id = $2");
    let row: Option<Review> = sqlx::query_as(&sql).bind(tenant.as_str()).bind(id).fetch_optional(conn).await?;
    row.ok_or(StoreError::NotFound)
}

/// Reviews of an article.
pub async fn list_for_article(conn: &mut Conn, tenant: &TenantId, article_id: &str) -> Result<Vec<Review>, StoreError> {
    let sql =
        format!("SELECT {COLUMNS} FROM news_review WHERE tenant_id = $1 AND article_id = $2 ORDER BY opened_at_ms");
    Ok(sqlx::query_as(&sql).bind(tenant.as_str()).bind(article_id).fetch_all(conn).await?)
}

/// Every review, open first, newest first.
pub async fn list(conn: &mut Conn, tenant: &TenantId, limit: i64) -> Result<Vec<Review>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM news_review WHERE tenant_id = $1 ORDER BY CASE WHEN status = 'dibuka' THEN 0 ELSE 1 END,
         opened_at_ms DESC LIMIT {limit}"
    );
    Ok(sqlx::query_as(&sql).bind(tenant.as_str()).fetch_all(conn).await?)
}
