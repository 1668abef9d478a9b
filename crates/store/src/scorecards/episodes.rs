//! The watch list's history: each stay of a unit on the list of the running quarter, from the minute its rules
//! first fired to the minute none did, kept by the minute job (`sweep`) from the same evaluation the pages show. The
//! list itself is always computed live; this table only remembers it, so the history stays after a unit leaves.

use std::collections::BTreeMap;

use domain::ids::{TenantId, UnitId};

use crate::{ActionCx, Conn, StoreError};

/// One stay on the list.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Episode {
    /// The unit.
    pub unit_id: String,
    /// When its rules first fired.
    pub entered_at_ms: i64,
    /// The quarter evaluated then, `2026-T4`.
    pub period: String,
    /// The rule codes firing, space-separated (kept up to date while the stay lasts).
    pub reasons: String,
    /// When no rule fired any more.
    pub left_at_ms: Option<i64>,
}

const COLUMNS: &str = "unit_id, entered_at_ms, period, reasons, left_at_ms";

/// What a sweep changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Moves {
    /// Units that came on the list.
    pub entered: usize,
    /// Units that left it.
    pub left: usize,
}

/// Brings the open stays in line with `listed` (unit → rule codes that fire now) for `period`.
pub async fn update_episodes(
    cx: &ActionCx<'_>,
    period: &str,
    listed: &BTreeMap<UnitId, Vec<String>>,
) -> Result<Moves, StoreError> {
    let mut tx = cx.db.begin_write().await?;
    let open = list_open(&mut tx, cx.tenant).await?;
    let mut moves = Moves::default();
    for stay in &open {
        match listed.get(&UnitId::new(stay.unit_id.clone())) {
            None => {
                set_left(&mut tx, cx, stay).await?;
                moves.left += 1;
            }
            Some(codes) if codes.join(" ") != stay.reasons => {
                sqlx::query(
                    "UPDATE watch_episode SET reasons = $1 WHERE tenant_id = $2 AND unit_id = $3 AND entered_at_ms = $4",
                )
                .bind(codes.join(" "))
                .bind(cx.tenant.as_str())
                .bind(&stay.unit_id)
                .bind(stay.entered_at_ms)
                .execute(&mut *tx)
                .await?;
            }
            Some(_) => {}
        }
    }
    for (unit, codes) in listed {
        if open.iter().any(|it| it.unit_id == unit.as_str()) {
            continue;
        }
        sqlx::query(
            "INSERT INTO watch_episode (tenant_id, unit_id, entered_at_ms, period, reasons) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(cx.tenant.as_str())
        .bind(unit.as_str())
        .bind(cx.now_ms())
        .bind(period)
        .bind(codes.join(" "))
        .execute(&mut *tx)
        .await?;
        moves.entered += 1;
    }
    tx.commit().await?;
    Ok(moves)
}

async fn set_left(conn: &mut Conn, cx: &ActionCx<'_>, stay: &Episode) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE watch_episode SET left_at_ms = $1 WHERE tenant_id = $2 AND unit_id = $3 AND entered_at_ms = $4",
    )
    .bind(cx.now_ms())
    .bind(cx.tenant.as_str())
    .bind(&stay.unit_id)
    .bind(stay.entered_at_ms)
    .execute(conn)
    .await?;
    Ok(())
}

/// The stays still open.
pub async fn list_open(conn: &mut Conn, tenant: &TenantId) -> Result<Vec<Episode>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM watch_episode WHERE tenant_id = $1 AND left_at_ms IS NULL");
    Ok(sqlx::query_as(&sql).bind(tenant.as_str()).fetch_all(conn).await?)
}

/// The latest stays of these units (`None`: all), newest first.
pub async fn list_episodes(
    conn: &mut Conn,
    tenant: &TenantId,
    units: Option<&[String]>,
    limit: i64,
) -> Result<Vec<Episode>, StoreError> {
    if units.is_some_and(<[String]>::is_empty) {
        return Ok(Vec::new());
    }
    let mut sql = crate::sql::Sql::new(&format!("SELECT {COLUMNS} FROM watch_episode WHERE tenant_id = "));
    sql.bind(tenant.as_str());
    if let Some(units) = units {
        sql.push(" AND unit_id IN (").bind_list(units).push(")");
    }
    sql.push(&format!(" ORDER BY entered_at_ms DESC LIMIT {limit}"));
    sql.fetch_all(conn).await
}
