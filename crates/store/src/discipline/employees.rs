//! The employee register: imported all-or-nothing from rows checked by `domain::discipline::employee`, with the
//! unit codes, superiors and accounts resolved against the database; every created or changed row is audited.

use std::collections::{HashMap, HashSet};

use domain::discipline::employee::{EmployeeDraft, RawEmployee};
use domain::ids::TenantId;
use domain::problems::{FieldProblem, Problem};
use serde_json::json;

use crate::audit::{Chain, Change};
use crate::org::{ImportOutcome, RowProblem};
use crate::{ActionCx, Conn, Refusal, StoreError};

/// An employee as stored.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow, serde::Serialize)]
pub struct Employee {
    /// Id.
    pub id: String,
    /// NIP.
    pub nip: String,
    /// Name.
    pub name: String,
    /// `pns`, `cpns`, `pppk`, `non_asn`.
    pub status: String,
    /// Grade.
    pub grade: Option<String>,
    /// Position.
    pub position: String,
    /// A `domain::discipline::employee::PositionType` code (`jpt_pratama`, `pelaksana`, …).
    pub position_type: String,
    /// Unit.
    pub unit_id: String,
    /// Direct superior's NIP.
    pub superior_nip: Option<String>,
    /// The employee's own account.
    pub user_id: Option<String>,
}

const COLUMNS: &str = "id, nip, name, status, grade, position, position_type, unit_id, superior_nip, user_id";

/// One row of a register file: the fields, and the username of the employee's account (may be empty).
#[derive(Clone, Debug, Default)]
pub struct ImportRow {
    /// Row number in the file.
    pub row: usize,
    /// The fields.
    pub raw: RawEmployee,
    /// Username of the employee's own account.
    pub account: String,
}

fn doc(it: &Employee) -> serde_json::Value {
    json!({ "nip": it.nip, "name": it.name, "status": it.status, "grade": it.grade, "position": it.position,
        "position_type": it.position_type, "unit_id": it.unit_id, "superior_nip": it.superior_nip, "user_id": it.user_id })
}

/// Every employee of the tenant, by name.
pub async fn list(conn: &mut Conn, tenant: &TenantId) -> Result<Vec<Employee>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM employee WHERE tenant_id = $1 ORDER BY name, nip");
    Ok(sqlx::query_as(&sql).bind(tenant.as_str()).fetch_all(&mut *conn).await?)
}

/// One employee by id.
pub async fn load(conn: &mut Conn, tenant: &TenantId, id: &str) -> Result<Employee, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM employee WHERE tenant_id = $1 AND id = $2");
    Ok(sqlx::query_as(&sql).bind(tenant.as_str()).bind(id).fetch_one(&mut *conn).await?)
}

/// The employee record of an account, if the account is an employee's.
pub async fn find_by_user(conn: &mut Conn, tenant: &TenantId, user_id: &str) -> Result<Option<Employee>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM employee WHERE tenant_id = $1 AND user_id = $2");
    Ok(sqlx::query_as(&sql).bind(tenant.as_str()).bind(user_id).fetch_optional(&mut *conn).await?)
}

/// The employee with this NIP.
pub async fn find_by_nip(conn: &mut Conn, tenant: &TenantId, nip: &str) -> Result<Option<Employee>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM employee WHERE tenant_id = $1 AND nip = $2");
    Ok(sqlx::query_as(&sql).bind(tenant.as_str()).bind(nip).fetch_optional(&mut *conn).await?)
}

/// Imports the rows: all of them, or none, refused with every problem by row.
pub async fn import(cx: &ActionCx<'_>, rows: Vec<ImportRow>) -> Result<ImportOutcome, StoreError> {
    let mut tx = cx.db.begin_write().await?;
    let existing = list(&mut tx, cx.tenant).await?;
    let units: Vec<(String, String)> = sqlx::query_as("SELECT id, code FROM unit WHERE tenant_id = $1")
        .bind(cx.tenant.as_str())
        .fetch_all(&mut *tx)
        .await?;
    let users: Vec<(String, String)> = sqlx::query_as("SELECT id, username FROM user_account WHERE tenant_id = $1")
        .bind(cx.tenant.as_str())
        .fetch_all(&mut *tx)
        .await?;
    let refs = Refs {
        units: units.into_iter().map(|(id, code)| (code.to_lowercase(), id)).collect(),
        users: users.into_iter().map(|(id, name)| (name.to_lowercase(), id)).collect(),
        known_nips: existing.iter().map(|it| it.nip.clone()).collect(),
    };
    // A refusal returns before anything is written; dropping the transaction rolls back.
    let planned = plan(&refs, rows).map_err(Refusal::Rows)?;
    let by_nip: HashMap<&str, &Employee> = existing.iter().map(|it| (it.nip.as_str(), it)).collect();
    let mut outcome = ImportOutcome::default();
    let mut chain = Chain::open(&mut tx, cx).await?;
    for mut employee in planned {
        let before = by_nip.get(employee.nip.as_str()).copied();
        if let Some(before) = before {
            employee.id.clone_from(&before.id);
            if doc(before) == doc(&employee) {
                outcome.n_unchanged += 1;
                continue;
            }
        }
        write(&mut tx, cx, before.is_some(), &employee).await?;
        if before.is_some() {
            outcome.n_updated += 1
        } else {
            outcome.n_created += 1
        }
        let change = Change {
            action: if before.is_some() { "employee.update" } else { "employee.create" },
            entity_type: "employee",
            entity_id: employee.id.clone(),
            before: before.map(doc),
            after: Some(doc(&employee)),
        };
        chain.append(&mut tx, cx, change).await?;
    }
    chain.close(&mut tx, cx.tenant).await?;
    tx.commit().await?;
    Ok(outcome)
}

struct Refs {
    units: HashMap<String, String>,
    users: HashMap<String, String>,
    known_nips: HashSet<String>,
}

fn plan(refs: &Refs, rows: Vec<ImportRow>) -> Result<Vec<Employee>, Vec<RowProblem>> {
    let mut problems = Vec::new();
    let mut fail = |row, field, problem| problems.push(RowProblem { row, problem: FieldProblem { field, problem } });
    let in_file: HashSet<String> =
        rows.iter().map(|it| it.raw.nip.chars().filter(|c| !c.is_whitespace()).collect()).collect();
    let mut seen = HashSet::new();
    let mut planned = Vec::new();
    for row in rows {
        let draft: EmployeeDraft = match row.raw.parse() {
            Ok(draft) => draft,
            Err(found) => {
                // The unit is checked too, so one pass reports every problem of the row.
                let unit = row.raw.unit_code.trim();
                let unit_known = unit.is_empty() || refs.units.contains_key(&unit.to_lowercase());
                found.into_iter().for_each(|it| fail(row.row, it.field, it.problem));
                if !unit_known {
                    fail(row.row, "unit_code", Problem::NotFound { given: unit.to_owned() });
                }
                continue;
            }
        };
        if !seen.insert(draft.nip.clone()) {
            fail(row.row, "nip", Problem::Taken { given: draft.nip.clone() });
        }
        let unit_id = refs.units.get(&draft.unit_code.to_lowercase()).cloned();
        if unit_id.is_none() {
            fail(row.row, "unit_code", Problem::NotFound { given: draft.unit_code.clone() });
        }
        if let Some(superior) = &draft.superior_nip
            && !in_file.contains(superior)
            && !refs.known_nips.contains(superior)
        {
            fail(row.row, "superior_nip", Problem::NotFound { given: superior.clone() });
        }
        let account = row.account.trim().to_lowercase();
        let user_id = if account.is_empty() { None } else { refs.users.get(&account).cloned() };
        if !account.is_empty() && user_id.is_none() {
            fail(row.row, "account", Problem::NotFound { given: account });
        }
        planned.push(Employee {
            id: String::new(),
            nip: draft.nip,
            name: draft.name,
            status: draft.status.code().to_owned(),
            grade: draft.grade,
            position: draft.position,
            position_type: draft.position_type.code().to_owned(),
            unit_id: unit_id.unwrap_or_default(),
            superior_nip: draft.superior_nip,
            user_id,
        });
    }
    if problems.is_empty() { Ok(planned) } else { Err(problems) }
}

async fn write(conn: &mut Conn, cx: &ActionCx<'_>, exists: bool, it: &Employee) -> Result<(), StoreError> {
    let sql = if exists {
        "UPDATE employee SET nip = $3, name = $4, status = $5, grade = $6, position = $7, position_type = $8,
            unit_id = $9, superior_nip = $10, user_id = $11, updated_at_ms = $12 WHERE tenant_id = $1 AND id = $2"
    } else {
        "INSERT INTO employee (tenant_id, id, nip, name, status, grade, position, position_type, unit_id,
            superior_nip, user_id, updated_at_ms, created_at_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)"
    };
    let id = if exists { it.id.clone() } else { cx.ids.new_id() };
    sqlx::query(sql)
        .bind(cx.tenant.as_str())
        .bind(&id)
        .bind(&it.nip)
        .bind(&it.name)
        .bind(&it.status)
        .bind(it.grade.as_deref())
        .bind(&it.position)
        .bind(&it.position_type)
        .bind(&it.unit_id)
        .bind(it.superior_nip.as_deref())
        .bind(it.user_id.as_deref())
        .bind(cx.now_ms())
        .execute(&mut *conn)
        .await?;
    Ok(())
}
