//! SQL of the lists: the queue, the public list, counts per unit, and what the deadline job must look at.

use domain::ids::{TenantId, UnitId};

use super::Item;
use super::rows::{ITEM_COLUMNS, ItemRow};
use crate::sql::Sql;
use crate::{Conn, StoreError};

/// Which items a list shows.
#[derive(Clone, Debug, Default)]
pub struct ItemFilter {
    /// Only items handled by (or, when unassigned, named for) these units; `None` for every unit.
    pub units: Option<Vec<UnitId>>,
    /// Only open items.
    pub open_only: bool,
    /// Only items whose deadline passed before this instant.
    pub overdue_at_ms: Option<i64>,
    /// Only this state.
    pub state: Option<domain::complaints::State>,
    /// Only these categories; every category when empty.
    pub categories: Vec<String>,
    /// Only these tracking numbers; every number when empty.
    pub numbers: Vec<String>,
    /// Only closed items.
    pub closed_only: bool,
    /// Only what may be listed publicly: verified, not confidential, not letters.
    pub public_only: bool,
    /// Only items received in `[from, to)`, epoch ms.
    pub received_between: Option<(i64, i64)>,
    /// Only items closed in `[from, to)`, epoch ms.
    pub closed_between: Option<(i64, i64)>,
    /// Rows to skip.
    pub offset: i64,
    /// Most rows.
    pub limit: i64,
}

/// Items matching a filter: open ones by deadline (overdue first), else newest first.
pub async fn list_items(conn: &mut Conn, tenant: &TenantId, filter: &ItemFilter) -> Result<Vec<Item>, StoreError> {
    let mut sql = Sql::new(&format!("SELECT {ITEM_COLUMNS} FROM complaint WHERE tenant_id = "));
    sql.bind(tenant.as_str());
    if let Some(units) = &filter.units {
        if units.is_empty() {
            return Ok(Vec::new());
        }
        sql.push(" AND (1 = 0");
        for unit in units {
            sql.push(" OR COALESCE(unit_id, reported_unit_id) = ").bind(unit.as_str());
        }
        sql.push(")");
    }
    if filter.open_only {
        sql.push(" AND state <> 'selesai'");
    }
    if let Some(state) = filter.state {
        sql.push(" AND state = ").bind(state.code());
    }
    any_of(&mut sql, "category", &filter.categories);
    any_of(&mut sql, "number", &filter.numbers);
    if filter.closed_only {
        sql.push(" AND state = 'selesai'");
    }
    if filter.public_only {
        sql.push(" AND confidentiality <> 'rahasia' AND kind <> 'surat_masuk' AND verified_at_ms IS NOT NULL");
    }
    if let Some(at) = filter.overdue_at_ms {
        sql.push(" AND state <> 'selesai' AND deadline_at_ms <= ").bind(at);
    }
    if let Some((from, to)) = filter.received_between {
        sql.push(" AND received_at_ms >= ").bind(from).push(" AND received_at_ms < ").bind(to);
    }
    if let Some((from, to)) = filter.closed_between {
        sql.push(" AND state = 'selesai' AND closed_at_ms >= ").bind(from).push(" AND closed_at_ms < ").bind(to);
    }
    if filter.open_only || filter.overdue_at_ms.is_some() {
        sql.push(" ORDER BY (deadline_at_ms IS NULL), deadline_at_ms, received_at_ms");
    } else {
        sql.push(" ORDER BY received_at_ms DESC, number DESC");
    }
    sql.push(&format!(" LIMIT {} OFFSET {}", filter.limit.clamp(1, 1000), filter.offset.max(0)));
    let rows: Vec<ItemRow> = sql.fetch_all(conn).await?;
    rows.into_iter().map(Item::try_from).collect()
}

/// Appends `AND column IN (…)` for a non-empty list of values.
fn any_of<'q>(sql: &mut Sql<'q>, column: &str, values: &'q [String]) {
    if !values.is_empty() {
        sql.push(&format!(" AND {column} IN (")).bind_list(values).push(")");
    }
}

/// Counts per unit for the unit pages and the leader's overview.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UnitCounts {
    /// Unit.
    pub unit_id: String,
    /// Every item handled.
    pub total: i64,
    /// Still open.
    pub open: i64,
    /// Open and past the deadline.
    pub overdue: i64,
    /// Closed.
    pub closed: i64,
    /// Closed without a missed deadline.
    pub closed_on_time: i64,
    /// Mean rating.
    pub mean_rating: Option<f64>,
}

/// Counts of every unit that handled an item.
pub async fn list_unit_counts(
    conn: &mut Conn,
    tenant: &TenantId,
    now_ms: i64,
    public_only: bool,
) -> Result<Vec<UnitCounts>, StoreError> {
    let public = if public_only {
        " AND confidentiality <> 'rahasia' AND kind <> 'surat_masuk' AND verified_at_ms IS NOT NULL"
    } else {
        ""
    };
    let sql = format!(
        "SELECT unit_id, COUNT(*),
            SUM(CASE WHEN state <> 'selesai' THEN 1 ELSE 0 END),
            SUM(CASE WHEN state <> 'selesai' AND deadline_at_ms <= $2 THEN 1 ELSE 0 END),
            SUM(CASE WHEN state = 'selesai' THEN 1 ELSE 0 END),
            SUM(CASE WHEN state = 'selesai' AND missed_deadlines = 0 THEN 1 ELSE 0 END),
            AVG(CAST(rating AS DOUBLE PRECISION))
         FROM complaint WHERE tenant_id = $1 AND unit_id IS NOT NULL{public}
         GROUP BY unit_id ORDER BY unit_id"
    );
    type Row = (String, i64, Option<i64>, Option<i64>, Option<i64>, Option<i64>, Option<f64>);
    let rows: Vec<Row> = sqlx::query_as(&sql).bind(tenant.as_str()).bind(now_ms).fetch_all(conn).await?;
    Ok(rows
        .into_iter()
        .map(|(unit_id, total, open, overdue, closed, on_time, mean_rating)| UnitCounts {
            unit_id,
            total,
            open: open.unwrap_or(0),
            overdue: overdue.unwrap_or(0),
            closed: closed.unwrap_or(0),
            closed_on_time: on_time.unwrap_or(0),
            mean_rating,
        })
        .collect())
}

/// Items of every tenant whose deadline passed and that still need the job: auto-closing, or escalation below the top.
pub async fn list_due_for_job(conn: &mut Conn, now_ms: i64, limit: i64) -> Result<Vec<(TenantId, String)>, StoreError> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT tenant_id, id FROM complaint
         WHERE deadline_at_ms <= $1 AND state <> 'selesai' AND (deadline_kind = 'tutup_otomatis' OR escalation_level < 2)
         ORDER BY deadline_at_ms LIMIT $2",
    )
    .bind(now_ms)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|(tenant, id)| (TenantId::new(tenant), id)).collect())
}
