//! Attendance files: checked as a whole by `domain::discipline::attendance::check_rows` (nothing is stored when one
//! row is wrong), written in one transaction, then the unexcused working days of the year are recounted for every
//! employee in the file and the absence table's proposals stored beside them.

use std::collections::{HashMap, HashSet};

use domain::discipline::Rules;
use domain::discipline::attendance::{Attendance, YearTotal, check_rows, totals};
use domain::ids::TenantId;
use serde_json::json;

use crate::audit::{self, Change};
use crate::sql::Sql;
use crate::{ActionCx, Conn, Refusal, StoreError};

/// What an import stored.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Outcome {
    /// Rows stored.
    pub n_rows: usize,
    /// Employees in the file.
    pub n_employees: usize,
    /// Employees of the file whose year now crosses a threshold.
    pub n_proposals: usize,
}

/// A year's total with the proposal, for the proposals page.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow, serde::Serialize)]
pub struct Proposal {
    /// Employee.
    pub employee_id: String,
    /// NIP.
    pub nip: String,
    /// Name.
    pub name: String,
    /// Unit.
    pub unit_id: String,
    /// Year.
    pub year: i64,
    /// Unexcused working days.
    pub days: i64,
    /// Longest run.
    pub longest_run: i64,
    /// Level.
    pub level: Option<String>,
    /// Sanction code.
    pub sanction: Option<String>,
    /// Why, with the source.
    pub reason: Option<String>,
    /// The case opened from it.
    pub case_id: Option<String>,
}

/// Rows per INSERT: five values each stays far below both engines' limit on bound parameters.
const CHUNK: usize = 400;

/// Imports the attendance of `year`: all rows, or none, refused with every problem by row.
pub async fn import(
    cx: &ActionCx<'_>,
    rules: &Rules,
    year: i16,
    source: &str,
    rows: &[[String; 3]],
) -> Result<Outcome, StoreError> {
    let mut conn = cx.db.conn().await?;
    let units: HashMap<String, String> = sqlx::query_as("SELECT nip, unit_id FROM employee WHERE tenant_id = $1")
        .bind(cx.tenant.as_str())
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .collect();
    let calendars = super::list_calendars(&mut conn, cx.tenant).await?;
    drop(conn);
    let known: HashSet<String> = units.keys().cloned().collect();
    // Checked before the transaction begins: a refusal writes nothing.
    let checked = check_rows(rows, year, &known).map_err(Refusal::AttendanceRows)?;
    let batch = cx.ids.new_id();
    let mut tx = cx.db.begin_write().await?;
    sqlx::query(
        "INSERT INTO attendance_batch (tenant_id, id, year, source, n_rows, imported_by, imported_at_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(cx.tenant.as_str())
    .bind(&batch)
    .bind(i64::from(year))
    .bind(source)
    .bind(i64::try_from(checked.len()).unwrap_or(i64::MAX))
    .bind(cx.actor.user_id())
    .bind(cx.now_ms())
    .execute(&mut *tx)
    .await?;
    for chunk in checked.chunks(CHUNK) {
        insert_days(&mut tx, cx, &batch, chunk).await?;
    }
    let nips: HashSet<&str> = checked.iter().map(|it| it.nip.as_str()).collect();
    let year_rows = absences_of_year(&mut tx, cx.tenant, year, &nips).await?;
    let fallback = super::calendars_fallback();
    let calendar_of = |nip: &str| units.get(nip).and_then(|unit| calendars.get(unit)).unwrap_or(&fallback);
    let found = totals(rules, &year_rows, calendar_of);
    let n_proposals = found.iter().filter(|it| it.proposal.is_some()).count();
    let by_nip: HashMap<&str, &YearTotal> = found.iter().map(|it| (it.nip.as_str(), it)).collect();
    store_totals(&mut tx, cx, year, &nips, &by_nip).await?;
    let outcome = Outcome { n_rows: checked.len(), n_employees: nips.len(), n_proposals };
    let change = Change {
        action: "attendance.import",
        entity_type: "attendance_batch",
        entity_id: batch,
        before: None,
        after: Some(json!({ "year": year, "source": source, "rows": outcome.n_rows,
            "employees": outcome.n_employees, "proposals": n_proposals })),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(outcome)
}

/// Stores the year's total of every employee of the file (zero for those without unexcused days).
async fn store_totals(
    conn: &mut Conn,
    cx: &ActionCx<'_>,
    year: i16,
    nips: &HashSet<&str>,
    by_nip: &HashMap<&str, &YearTotal>,
) -> Result<(), StoreError> {
    for nip in nips {
        let total = by_nip.get(nip);
        let proposal = total.and_then(|it| it.proposal.as_ref());
        sqlx::query(
            "INSERT INTO attendance_total (tenant_id, nip, year, days, longest_run, level, sanction, reason,
                computed_at_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
             ON CONFLICT (tenant_id, nip, year) DO UPDATE SET days = excluded.days, longest_run = excluded.longest_run,
                level = excluded.level, sanction = excluded.sanction, reason = excluded.reason,
                computed_at_ms = excluded.computed_at_ms",
        )
        .bind(cx.tenant.as_str())
        .bind(*nip)
        .bind(i64::from(year))
        .bind(total.map_or(0, |it| i64::from(it.days)))
        .bind(total.map_or(0, |it| i64::from(it.longest_run)))
        .bind(proposal.map(|it| it.level.code()))
        .bind(proposal.map(|it| it.sanction.as_str()))
        .bind(proposal.map(|it| it.reason.as_str()))
        .bind(cx.now_ms())
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

async fn insert_days(conn: &mut Conn, cx: &ActionCx<'_>, batch: &str, rows: &[Attendance]) -> Result<(), StoreError> {
    let mut sql = Sql::new("INSERT INTO attendance_day (tenant_id, nip, day, status, batch_id) VALUES ");
    let tenant = sql.param(cx.tenant.as_str());
    sql.values(rows, |tuple, row| {
        tuple.reuse(tenant).bind(row.nip.as_str()).bind(row.date.to_string()).bind(row.status).bind(batch);
    });
    sql.push(" ON CONFLICT (tenant_id, nip, day) DO UPDATE SET status = excluded.status, batch_id = excluded.batch_id");
    sql.execute(conn).await?;
    Ok(())
}

/// The unexcused days of the year of these employees, as stored after the import.
async fn absences_of_year(
    conn: &mut Conn,
    tenant: &TenantId,
    year: i16,
    nips: &HashSet<&str>,
) -> Result<Vec<Attendance>, StoreError> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT nip, day FROM attendance_day WHERE tenant_id = $1 AND status = 'tanpa_keterangan'
            AND day >= $2 AND day <= $3",
    )
    .bind(tenant.as_str())
    .bind(format!("{year:04}-01-01"))
    .bind(format!("{year:04}-12-31"))
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter(|(nip, _)| nips.contains(nip.as_str()))
        .filter_map(|(nip, day)| Some(Attendance { nip, date: day.parse().ok()?, status: "tanpa_keterangan" }))
        .collect())
}

/// The proposals of a year (totals at or above the table's first row), heaviest first.
pub async fn list_proposals(conn: &mut Conn, tenant: &TenantId, year: i64) -> Result<Vec<Proposal>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT e.id AS employee_id, t.nip, e.name, e.unit_id, t.year, t.days, t.longest_run, t.level, t.sanction,
            t.reason, t.case_id FROM attendance_total t
         JOIN employee e ON e.tenant_id = t.tenant_id AND e.nip = t.nip
         WHERE t.tenant_id = $1 AND t.year = $2 AND t.sanction IS NOT NULL ORDER BY t.days DESC, e.name",
    )
    .bind(tenant.as_str())
    .bind(year)
    .fetch_all(&mut *conn)
    .await?)
}

/// One employee's total of a year.
pub async fn find_proposal(
    conn: &mut Conn,
    tenant: &TenantId,
    employee_id: &str,
    year: i64,
) -> Result<Option<Proposal>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT e.id AS employee_id, t.nip, e.name, e.unit_id, t.year, t.days, t.longest_run, t.level, t.sanction,
            t.reason, t.case_id FROM attendance_total t
         JOIN employee e ON e.tenant_id = t.tenant_id AND e.nip = t.nip
         WHERE t.tenant_id = $1 AND e.id = $2 AND t.year = $3",
    )
    .bind(tenant.as_str())
    .bind(employee_id)
    .bind(year)
    .fetch_optional(&mut *conn)
    .await?)
}
