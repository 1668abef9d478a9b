//! Follow-up plans (rencana tindak lanjut): what a unit will do about its weakest elements, who does it, by when,
//! and how far it got.

use domain::ids::{TenantId, UnitId};
use domain::problems::{FieldProblem, Problem, Problems, optional_text, required_text};
use domain::surveys::{ELEMENTS, Period};
use jiff::civil::Date;
use serde_json::json;

use crate::audit::{self, Change};
use crate::sql::Sql;
use crate::{ActionCx, Conn, StoreError};

/// Progress codes.
pub const STATUSES: [&str; 3] = ["rencana", "berjalan", "selesai"];

/// A plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Followup {
    /// Id.
    pub id: String,
    /// Unit.
    pub unit_id: UnitId,
    /// Period whose result it answers.
    pub period: Period,
    /// Element code, `u4`.
    pub element: String,
    /// What will be done.
    pub action: String,
    /// Who is responsible (a position, "Kepala Subbagian Umum").
    pub owner: String,
    /// By when.
    pub due_on: Date,
    /// One of [`STATUSES`].
    pub status: String,
    /// Progress note.
    pub note: Option<String>,
}

/// A plan as typed.
#[derive(Clone, Debug, Default)]
pub struct RawFollowup {
    /// Unit id.
    pub unit_id: String,
    /// Period code.
    pub period: String,
    /// Element code.
    pub element: String,
    /// Action.
    pub action: String,
    /// Owner.
    pub owner: String,
    /// Due date, `2027-03-31`.
    pub due_on: String,
    /// Status code; empty is `rencana`.
    pub status: String,
    /// Note.
    pub note: String,
}

fn parse(raw: &RawFollowup) -> Result<Followup, Vec<FieldProblem>> {
    let mut problems = Problems::default();
    let period = Period::parse(&raw.period);
    if period.is_none() {
        problems.add("period", Problem::Malformed { given: raw.period.trim().to_owned() });
    }
    let element = raw.element.trim().to_lowercase();
    if !ELEMENTS.iter().any(|it| it.code == element) {
        problems.add("element", Problem::UnknownCode { given: raw.element.trim().to_owned() });
    }
    let action = required_text(&mut problems, "action", &raw.action, 1000);
    let owner = required_text(&mut problems, "owner", &raw.owner, 200);
    let due_on = raw.due_on.trim().parse::<Date>();
    if due_on.is_err() {
        problems.add("due_on", Problem::Malformed { given: raw.due_on.trim().to_owned() });
    }
    let status = match raw.status.trim() {
        "" => "rencana".to_owned(),
        given if STATUSES.contains(&given) => given.to_owned(),
        given => {
            problems.add("status", Problem::UnknownCode { given: given.to_owned() });
            String::new()
        }
    };
    let note = optional_text(&mut problems, "note", &raw.note, 1000);
    problems.finish(|| Followup {
        id: String::new(),
        unit_id: UnitId::new(raw.unit_id.trim().to_owned()),
        period: period.unwrap_or(Period { year: 2000, kind: domain::surveys::PeriodKind::Year, index: 1 }),
        element,
        action,
        owner,
        due_on: due_on.unwrap_or(Date::MIN),
        status,
        note,
    })
}

fn doc(it: &Followup) -> serde_json::Value {
    json!({ "unit_id": it.unit_id.as_str(), "period": it.period.code(), "element": it.element, "action": it.action,
        "owner": it.owner, "due_on": it.due_on.to_string(), "status": it.status, "note": it.note })
}

/// Records a plan.
pub async fn create(cx: &ActionCx<'_>, raw: &RawFollowup) -> Result<Followup, StoreError> {
    let mut plan = parse(raw).map_err(StoreError::Invalid)?;
    plan.id = cx.ids.new_id();
    let mut tx = cx.db.begin_write().await?;
    super::services::check_unit(&mut tx, cx.tenant, &plan.unit_id).await?;
    sqlx::query(
        "INSERT INTO survey_followup (tenant_id, id, unit_id, period, element, action, owner, due_on, status, note,
            created_at_ms, updated_at_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)",
    )
    .bind(cx.tenant.as_str())
    .bind(&plan.id)
    .bind(plan.unit_id.as_str())
    .bind(plan.period.code())
    .bind(&plan.element)
    .bind(&plan.action)
    .bind(&plan.owner)
    .bind(plan.due_on.to_string())
    .bind(&plan.status)
    .bind(plan.note.as_deref())
    .bind(cx.now_ms())
    .execute(&mut *tx)
    .await?;
    let change = Change {
        action: "survey_followup.create",
        entity_type: "survey_followup",
        entity_id: plan.id.clone(),
        before: None,
        after: Some(doc(&plan)),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(plan)
}

/// Changes a plan's progress (status and note); what was planned stays as recorded.
pub async fn progress(cx: &ActionCx<'_>, id: &str, status: &str, note: &str) -> Result<Followup, StoreError> {
    let mut tx = cx.db.begin_write().await?;
    let before = load(&mut tx, cx.tenant, id).await?;
    let raw = RawFollowup {
        unit_id: before.unit_id.as_str().to_owned(),
        period: before.period.code(),
        element: before.element.clone(),
        action: before.action.clone(),
        owner: before.owner.clone(),
        due_on: before.due_on.to_string(),
        status: status.to_owned(),
        note: note.to_owned(),
    };
    let mut after = parse(&raw).map_err(StoreError::Invalid)?;
    after.id = before.id.clone();
    sqlx::query(
        "UPDATE survey_followup SET status = $1, note = $2, updated_at_ms = $3 WHERE tenant_id = $4 AND id = $5",
    )
    .bind(&after.status)
    .bind(after.note.as_deref())
    .bind(cx.now_ms())
    .bind(cx.tenant.as_str())
    .bind(id)
    .execute(&mut *tx)
    .await?;
    let change = Change {
        action: "survey_followup.progress",
        entity_type: "survey_followup",
        entity_id: id.to_owned(),
        before: Some(doc(&before)),
        after: Some(doc(&after)),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(after)
}

type Row = (String, String, String, String, String, String, String, String, Option<String>);
const COLUMNS: &str = "id, unit_id, period, element, action, owner, due_on, status, note";

fn decode(row: Row) -> Result<Followup, StoreError> {
    let (id, unit_id, period, element, action, owner, due_on, status, note) = row;
    Ok(Followup {
        id,
        unit_id: UnitId::new(unit_id),
        period: Period::parse(&period).ok_or_else(|| StoreError::corrupt("survey_followup", period.clone()))?,
        element,
        action,
        owner,
        due_on: due_on.parse().map_err(|_| StoreError::corrupt("survey_followup", due_on.clone()))?,
        status,
        note,
    })
}

/// One plan.
pub async fn load(conn: &mut Conn, tenant: &TenantId, id: &str) -> Result<Followup, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM survey_followup WHERE tenant_id = $1 AND id = $2");
    let row: Option<Row> = sqlx::query_as(&sql).bind(tenant.as_str()).bind(id).fetch_optional(conn).await?;
    decode(row.ok_or(StoreError::NotFound)?)
}

/// The plans of some units for a period, by element and due date.
pub async fn list(
    conn: &mut Conn,
    tenant: &TenantId,
    unit_ids: &[String],
    period: &str,
) -> Result<Vec<Followup>, StoreError> {
    if unit_ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut sql = Sql::new(&format!("SELECT {COLUMNS} FROM survey_followup WHERE tenant_id = "));
    sql.bind(tenant.as_str()).push(" AND period = ").bind(period);
    sql.push(" AND unit_id IN (").bind_list(unit_ids).push(") ORDER BY element, due_on");
    sql.fetch_all::<Row>(conn).await?.into_iter().map(decode).collect()
}
