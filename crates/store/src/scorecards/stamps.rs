//! The change counters behind the figures cache: one per unit, moved in the same transaction as the unit's sums or
//! survey totals, and one per tenant (the empty unit id), moved by audited changes to what every figure depends on.

use std::collections::{BTreeMap, BTreeSet};

use domain::ids::{TenantId, UnitId};

use crate::sql::Sql;
use crate::{Conn, StoreError};

/// The counters of a tenant as read at the start of a request.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stamps {
    /// The tenant's own counter.
    pub epoch: i64,
    /// Each unit's counter; a unit without a row is at 0.
    pub units: BTreeMap<UnitId, i64>,
}

impl Stamps {
    /// A unit's counter.
    pub fn of(&self, unit: &UnitId) -> i64 {
        self.units.get(unit).copied().unwrap_or(0)
    }
}

/// Reads every counter of a tenant (one small row per unit that ever changed).
pub async fn load_stamps(conn: &mut Conn, tenant: &TenantId) -> Result<Stamps, StoreError> {
    let rows: Vec<(String, i64)> = sqlx::query_as("SELECT unit_id, n FROM scorecard_stamp WHERE tenant_id = $1")
        .bind(tenant.as_str())
        .fetch_all(conn)
        .await?;
    let mut out = Stamps::default();
    for (unit, n) in rows {
        if unit.is_empty() {
            out.epoch = n;
        } else {
            out.units.insert(UnitId::new(unit), n);
        }
    }
    Ok(out)
}

/// One unit's counter.
pub(crate) async fn find_unit_stamp(conn: &mut Conn, tenant: &TenantId, unit: &UnitId) -> Result<i64, StoreError> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT n FROM scorecard_stamp WHERE tenant_id = $1 AND unit_id = $2")
        .bind(tenant.as_str())
        .bind(unit.as_str())
        .fetch_optional(conn)
        .await?;
    Ok(row.map_or(0, |(n,)| n))
}

/// Moves the counters of these units, in the caller's transaction.
pub(crate) async fn update_unit_stamps(
    conn: &mut Conn,
    tenant: &TenantId,
    units: BTreeSet<&str>,
) -> Result<(), StoreError> {
    if units.is_empty() {
        return Ok(());
    }
    let mut sql = Sql::new("INSERT INTO scorecard_stamp (tenant_id, unit_id, n) VALUES ");
    sql.values(units, |row, unit| {
        row.bind(tenant.as_str()).bind(unit).bind(1i64);
    });
    sql.push(" ON CONFLICT (tenant_id, unit_id) DO UPDATE SET n = scorecard_stamp.n + 1");
    sql.execute(&mut *conn).await?;
    Ok(())
}

/// Moves the counter of the unit a survey belongs to (its totals changed), in the caller's transaction.
pub(crate) async fn update_survey_stamp(conn: &mut Conn, tenant: &TenantId, survey_id: &str) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO scorecard_stamp (tenant_id, unit_id, n)
         SELECT tenant_id, unit_id, 1 FROM survey WHERE tenant_id = $1 AND id = $2
         ON CONFLICT (tenant_id, unit_id) DO UPDATE SET n = scorecard_stamp.n + 1",
    )
    .bind(tenant.as_str())
    .bind(survey_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Moves the tenant's counter, so that every process reads every unit's figures again.
pub async fn update_epoch(conn: &mut Conn, tenant: &TenantId) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO scorecard_stamp (tenant_id, unit_id, n) VALUES ($1, '', 1)
         ON CONFLICT (tenant_id, unit_id) DO UPDATE SET n = scorecard_stamp.n + 1",
    )
    .bind(tenant.as_str())
    .execute(conn)
    .await?;
    Ok(())
}
