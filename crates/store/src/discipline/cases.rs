//! Case files: opened from a complaint, a preliminary review, an attendance proposal, a superior's finding or a
//! direct report, numbered `HD-<year>-NNNN`; every step is checked against the replayed case by the domain's
//! guards before it is stored, and opening, steps and members are each audited in the same transaction.

use domain::discipline::employee::PositionType;
use domain::discipline::{Case, Level, Rules, Step};
use domain::ids::TenantId;
use domain::problems::{Problem, Problems, optional_text, required_text};
use domain::scorecards::facts::{Measure, Stream};
use serde_json::json;

use super::employees::{self, Employee};
use super::steps::{self, Details, StoredStep};
use crate::audit::{self, Change};
use crate::{ActionCx, Conn, Refusal, StoreError};

/// Where a case comes from.
pub const ORIGINS: [&str; 5] = ["complaint", "news_review", "attendance", "superior", "report"];

/// A case as stored.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow, serde::Serialize)]
pub struct CaseRow {
    /// Id.
    pub id: String,
    /// `HD-2026-0001`.
    pub number: String,
    /// Employee.
    pub employee_id: String,
    /// One of [`ORIGINS`].
    pub origin: String,
    /// Complaint number, review number or attendance year.
    pub origin_ref: Option<String>,
    /// `ringan`, `sedang`, `berat`.
    pub level: String,
    /// JSON list of breaches.
    pub breaches: String,
    /// Facts.
    pub facts: String,
    /// Evidence.
    pub evidence: String,
    /// `open`, `decided`, `delivered`, `objected`, `closed`, `dropped`.
    pub state: String,
    /// Sanction in force.
    pub sanction: Option<String>,
    /// Effective date.
    pub effective_on: Option<String>,
    /// End date of a sanction that runs for months.
    pub ends_on: Option<String>,
    /// Opened at.
    pub opened_at_ms: i64,
}

const COLUMNS: &str = "id, number, employee_id, origin, origin_ref, level, breaches, facts, evidence, state, \
    sanction, effective_on, ends_on, opened_at_ms";

pub use domain::discipline::Breach;

/// What opening a case takes.
#[derive(Clone, Debug, Default)]
pub struct NewCase {
    /// Employee id.
    pub employee_id: String,
    /// Origin code.
    pub origin: String,
    /// Complaint or review number, or the attendance year.
    pub origin_ref: String,
    /// (catalogue code, impact code) pairs.
    pub breaches: Vec<(String, String)>,
    /// Facts.
    pub facts: String,
    /// Evidence.
    pub evidence: String,
}

/// A case with everything the case file shows.
#[derive(Clone, Debug)]
pub struct CaseFile {
    /// The row.
    pub row: CaseRow,
    /// The employee.
    pub employee: Employee,
    /// Breaches.
    pub breaches: Vec<Breach>,
    /// Steps in order.
    pub steps: Vec<StoredStep>,
    /// The replayed state.
    pub case: Case,
    /// (user id, role) of the team and the officials.
    pub members: Vec<(String, String)>,
    /// The working-day calendar of the employee's unit, on which the case's dates are counted.
    pub calendar: domain::calendar::Calendar,
}

/// Every case of the tenant, newest first.
pub async fn list(conn: &mut Conn, tenant: &TenantId) -> Result<Vec<CaseRow>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM discipline_case WHERE tenant_id = $1 ORDER BY opened_at_ms DESC");
    Ok(sqlx::query_as(&sql).bind(tenant.as_str()).fetch_all(&mut *conn).await?)
}

/// Loads a case file and replays its steps.
pub async fn load(conn: &mut Conn, tenant: &TenantId, rules: &Rules, id: &str) -> Result<CaseFile, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM discipline_case WHERE tenant_id = $1 AND id = $2");
    let row: CaseRow = sqlx::query_as(&sql).bind(tenant.as_str()).bind(id).fetch_one(&mut *conn).await?;
    let employee = employees::load(conn, tenant, &row.employee_id).await?;
    let stored: Vec<(i64, String, String, Option<String>, i64)> = sqlx::query_as(
        "SELECT seq, step, details, by_user, at_ms FROM discipline_step WHERE tenant_id = $1 AND case_id = $2
         ORDER BY seq",
    )
    .bind(tenant.as_str())
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let steps = stored
        .into_iter()
        .map(|(seq, step, details, by, at)| steps::parse_row(seq, &step, &details, by, at))
        .collect::<Result<Vec<_>, _>>()?;
    let unit = domain::ids::UnitId::new(employee.unit_id.clone());
    let calendar = crate::calendar::load_calendar(conn, tenant, Some(&unit)).await?;
    let level = level_of(&row.level)?;
    let case = steps::replay(rules, &calendar, level, &steps)?;
    let breaches = super::docs::read_breaches(&row.breaches)?;
    let members = sqlx::query_as("SELECT user_id, role FROM discipline_member WHERE tenant_id = $1 AND case_id = $2")
        .bind(tenant.as_str())
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
    Ok(CaseFile { row, employee, breaches, steps, case, members, calendar })
}

fn level_of(code: &str) -> Result<Level, StoreError> {
    super::docs::level_of(code, "discipline_case")
}

/// The case's breaches by the domain's rule, its problems added to the others.
fn breaches_of(
    rules: &Rules,
    (new, position): (&NewCase, PositionType),
    proposal: Option<Level>,
    problems: &mut Problems,
) -> Vec<Breach> {
    match domain::discipline::breaches(rules, (&new.breaches, position), (proposal, new.origin == "attendance")) {
        Ok(found) => found,
        Err(found) => {
            for it in found {
                problems.add(it.field, it.problem);
            }
            Vec::new()
        }
    }
}

/// Opens a case.
pub async fn open(cx: &ActionCx<'_>, rules: &Rules, new: &NewCase) -> Result<CaseRow, StoreError> {
    let mut problems = Problems::default();
    let facts = required_text(&mut problems, "facts", &new.facts, 10_000);
    let evidence = optional_text(&mut problems, "evidence", &new.evidence, 10_000).unwrap_or_default();
    if !ORIGINS.contains(&new.origin.as_str()) {
        problems.add("origin", Problem::UnknownCode { given: new.origin.clone() });
    }
    let mut tx = cx.db.begin_write().await?;
    let employee = employees::load(&mut tx, cx.tenant, &new.employee_id).await.ok();
    if employee.is_none() {
        problems.add("employee", Problem::NotFound { given: new.employee_id.clone() });
    }
    let origin_ref = new.origin_ref.trim().to_owned();
    let proposal_level = check_origin(&mut tx, cx.tenant, new, &origin_ref, &mut problems).await?;
    // An unknown employee is refused above; the legacy type levels nothing by position meanwhile.
    let position = employee.as_ref().and_then(|it| PositionType::parse(&it.position_type));
    let breaches =
        breaches_of(rules, (new, position.unwrap_or(PositionType::Struktural)), proposal_level, &mut problems);
    problems.finish(|| ()).map_err(StoreError::Invalid)?;
    let employee = employee.ok_or(StoreError::NotFound)?;
    let level = breaches.iter().map(|it| it.level).max().unwrap_or(Level::Ringan);
    let row = CaseRow {
        id: cx.ids.new_id(),
        number: next_number(&mut tx, cx, &employee).await?,
        employee_id: employee.id.clone(),
        origin: new.origin.clone(),
        origin_ref: (!origin_ref.is_empty()).then_some(origin_ref),
        level: level.code().to_owned(),
        breaches: super::docs::write_breaches(&breaches),
        facts,
        evidence,
        state: "open".to_owned(),
        sanction: None,
        effective_on: None,
        ends_on: None,
        opened_at_ms: cx.now_ms(),
    };
    insert(&mut tx, cx, &row, &employee.unit_id).await?;
    if row.origin == "attendance" {
        sqlx::query("UPDATE attendance_total SET case_id = $1 WHERE tenant_id = $2 AND nip = $3 AND year = $4")
            .bind(&row.id)
            .bind(cx.tenant.as_str())
            .bind(&employee.nip)
            .bind(row.origin_ref.as_deref().and_then(|it| it.parse::<i64>().ok()).unwrap_or(0))
            .execute(&mut *tx)
            .await?;
    }
    let change = Change {
        action: "discipline_case.open",
        entity_type: "discipline_case",
        entity_id: row.id.clone(),
        before: None,
        after: Some(json!({ "number": row.number, "employee": employee.nip, "origin": row.origin,
            "origin_ref": row.origin_ref, "level": row.level, "breaches": super::docs::breaches_json(&breaches), "facts": row.facts,
            "evidence": row.evidence })),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(row)
}

/// Checks the reference of the origin; for an attendance proposal, returns the level it proposes.
async fn check_origin(
    conn: &mut Conn,
    tenant: &TenantId,
    new: &NewCase,
    origin_ref: &str,
    problems: &mut Problems,
) -> Result<Option<Level>, StoreError> {
    let (table, column) = match new.origin.as_str() {
        "complaint" => ("complaint", "number"),
        "news_review" => ("news_review", "number"),
        "attendance" => {
            let year = origin_ref.parse::<i64>().unwrap_or(0);
            let found = super::attendance::find_proposal(conn, tenant, &new.employee_id, year).await?;
            // One proposal opens one case.
            if found.as_ref().is_some_and(|it| it.case_id.is_some()) {
                problems.add("origin_ref", Problem::Taken { given: origin_ref.to_owned() });
            }
            let level = found.and_then(|it| it.level).and_then(|it| level_of(&it).ok());
            if level.is_none() {
                problems.add("origin_ref", Problem::NotFound { given: origin_ref.to_owned() });
            }
            return Ok(level);
        }
        _ => return Ok(None),
    };
    let sql = format!("SELECT CAST(COUNT(*) AS BIGINT) FROM {table} WHERE tenant_id = $1 AND {column} = $2");
    let (count,): (i64,) = sqlx::query_as(&sql).bind(tenant.as_str()).bind(origin_ref).fetch_one(&mut *conn).await?;
    if count == 0 {
        problems.add("origin_ref", Problem::NotFound { given: origin_ref.to_owned() });
    }
    Ok(None)
}

async fn next_number(conn: &mut Conn, cx: &ActionCx<'_>, employee: &Employee) -> Result<String, StoreError> {
    let unit =
        crate::org::queries::load_unit(conn, cx.tenant, &domain::ids::UnitId::new(employee.unit_id.clone())).await?;
    let year = unit.draft.zone.local_date(cx.now).year();
    let seq = crate::numbering::next(conn, cx.tenant, crate::numbering::Series::DisciplineCase, year).await?;
    Ok(format!("HD-{year}-{seq:04}"))
}

/// Stores a new case with the unit its employee served in when it was opened, and counts it on that unit's scorecard.
async fn insert(conn: &mut Conn, cx: &ActionCx<'_>, row: &CaseRow, unit_id: &str) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO discipline_case (tenant_id, id, number, employee_id, origin, origin_ref, level, breaches, facts,
            evidence, state, opened_by, opened_at_ms, updated_at_ms, unit_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
            $9, $10, $11, $12, $13, $13, $14)",
    )
    .bind(cx.tenant.as_str())
    .bind(&row.id)
    .bind(&row.number)
    .bind(&row.employee_id)
    .bind(&row.origin)
    .bind(row.origin_ref.as_deref())
    .bind(&row.level)
    .bind(&row.breaches)
    .bind(&row.facts)
    .bind(&row.evidence)
    .bind(&row.state)
    .bind(cx.actor.user_id())
    .bind(row.opened_at_ms)
    .bind(unit_id)
    .execute(&mut *conn)
    .await?;
    let opened = [(domain::ids::UnitId::new(unit_id.to_owned()), crate::scorecards::When::At(row.opened_at_ms))];
    crate::scorecards::update_sums_for_events(conn, cx, (Stream::Discipline, Measure::CaseOpened), &opened).await
}

/// Records a step if the guards allow it; refuses with [`Refusal::Discipline`] otherwise.
pub async fn add_step(
    cx: &ActionCx<'_>,
    rules: &Rules,
    id: &str,
    step: Step,
    details: Details,
) -> Result<(), StoreError> {
    let mut tx = cx.db.begin_write().await?;
    let file = load(&mut tx, cx.tenant, rules, id).await?;
    // A refusal returns before anything is written; dropping the transaction rolls back.
    let next = file.case.apply(rules, &file.calendar, &step).map_err(Refusal::Discipline)?;
    let seq = i64::try_from(file.steps.len()).unwrap_or(i64::MAX) + 1;
    let step_json = super::docs::write_step(&step);
    let details_json = super::docs::write_details(&details);
    sqlx::query(
        "INSERT INTO discipline_step (tenant_id, case_id, seq, step, details, by_user, at_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(cx.tenant.as_str())
    .bind(id)
    .bind(seq)
    .bind(&step_json)
    .bind(&details_json)
    .bind(cx.actor.user_id())
    .bind(cx.now_ms())
    .execute(&mut *tx)
    .await?;
    let (sanction, effective_on, ends_on) = in_force(rules, &next);
    sqlx::query(
        "UPDATE discipline_case SET state = $1, sanction = $2, effective_on = $3, ends_on = $4, updated_at_ms = $5
         WHERE tenant_id = $6 AND id = $7",
    )
    .bind(steps::state_of(&next))
    .bind(sanction.as_deref())
    .bind(effective_on.as_deref())
    .bind(ends_on.as_deref())
    .bind(cx.now_ms())
    .bind(cx.tenant.as_str())
    .bind(id)
    .execute(&mut *tx)
    .await?;
    let change = Change {
        action: "discipline_case.step",
        entity_type: "discipline_case",
        entity_id: id.to_owned(),
        before: Some(json!({ "state": file.row.state, "steps": file.steps.len() })),
        after: Some(json!({ "state": steps::state_of(&next), "seq": seq,
            "step": super::docs::StepDoc::from(&step), "details": details })),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(())
}

/// The sanction in force, its effective date and, for one that runs for months, its end.
fn in_force(rules: &Rules, case: &Case) -> (Option<String>, Option<String>, Option<String>) {
    let sanction = case.sanction().map(str::to_owned);
    let effective = case.delivered.map(|it| it.1);
    let months = sanction.as_deref().and_then(|it| rules.sanction(it)).and_then(|it| it.months);
    let ends = effective.zip(months).and_then(|(from, months)| from.checked_add(jiff::Span::new().months(months)).ok());
    (sanction, effective.map(|it| it.to_string()), ends.map(|it| it.to_string()))
}
