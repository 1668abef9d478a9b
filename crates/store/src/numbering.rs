//! Numbers of records that people quote and cite (`ADU-2026-000123`, `TA-2026-0001`, `HD-2026-0001`): one counter
//! per tenant, series and year (`record_counter`), taken inside the record's own write transaction. PostgreSQL
//! locks the counter row until that transaction ends and SQLite has one writer, so two records opened at once never
//! get the same number, and a rolled-back opening gives its number back.

use domain::ids::TenantId;

use crate::{Conn, StoreError};

/// A series of numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Series {
    /// Complaints and letters (`ADU-`, `SRT-`, … by kind; one series for all kinds).
    Complaint,
    /// Preliminary reviews of news (`TA-`).
    NewsReview,
    /// Discipline cases (`HD-`).
    DisciplineCase,
    /// Leaders' decisions about units on the watch list (`KP-`).
    WatchDecision,
}

impl Series {
    fn code(self) -> &'static str {
        match self {
            Series::Complaint => "complaint",
            Series::NewsReview => "news_review",
            Series::DisciplineCase => "discipline_case",
            Series::WatchDecision => "watch_decision",
        }
    }
}

const TAKE_NUMBERS: &str = "INSERT INTO record_counter (tenant_id, series, year, last_seq) VALUES ($1, $2, $3, $4)
    ON CONFLICT (tenant_id, series, year) DO UPDATE SET last_seq = record_counter.last_seq + $4
    RETURNING last_seq";

/// Takes `count` consecutive numbers of a series and year and returns the last; call inside the write transaction
/// that stores the records. One statement, so the first records of a year cannot race to create the row.
pub async fn next_many(
    conn: &mut Conn,
    tenant: &TenantId,
    (series, year): (Series, i16),
    count: i64,
) -> Result<i64, StoreError> {
    let (last,): (i64,) = sqlx::query_as(TAKE_NUMBERS)
        .bind(tenant.as_str())
        .bind(series.code())
        .bind(i64::from(year))
        .bind(count)
        .fetch_one(conn)
        .await?;
    Ok(last)
}

/// Takes the next number of a series and year.
pub async fn next(conn: &mut Conn, tenant: &TenantId, series: Series, year: i16) -> Result<i64, StoreError> {
    next_many(conn, tenant, (series, year), 1).await
}
