//! What leaders decide about units on the watch list: a decision is recorded with its number (`KP-2026-0001`),
//! kind, note, owner and the working-day deadline of the unit's plan (the arithmetic is in
//! `domain::scorecards::decisions`); the unit answers with its plan; an unanswered decision is escalated to the
//! leader once its deadline passes (`escalate_overdue`, run by the minute job). A request to examine opens a
//! preliminary review in the same transaction, so a discipline case can cite it. Every step is audited and noticed.

use domain::calendar::Calendar;
use domain::ids::{TenantId, UnitId};
use domain::problems::{FieldProblem, Problem, Problems, required_text};
use domain::scorecards::decisions::{self, Kinds, RawDecision, Standing};
use domain::scorecards::period::ScorePeriod;
use jiff::civil::Date;
use serde_json::json;

use super::record::UnitClock;
use crate::audit::{self, Change};
use crate::news::notices;
use crate::{ActionCx, Conn, StoreError};

/// A decision as stored.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Decision {
    /// Id.
    pub id: String,
    /// `KP-2026-0001`.
    pub number: String,
    /// The unit decided about.
    pub unit_id: String,
    /// The scorecard period looked at, `2026-T4`.
    pub period: String,
    /// Rule codes that had fired, space-separated.
    pub reasons: String,
    /// Kind code.
    pub kind: String,
    /// What was decided and why.
    pub note: String,
    /// The account that answers for the unit.
    pub owner_id: Option<String>,
    /// The unit's local day of the decision.
    pub decided_on: String,
    /// Last day of the unit's plan, when one is asked.
    pub due_on: Option<String>,
    /// The leader.
    pub decided_by: String,
    /// The leader's office, as printed on a letter.
    pub signer_office: Option<String>,
    /// When.
    pub decided_at_ms: i64,
    /// The unit's plan.
    pub plan: Option<String>,
    /// Who gave it.
    pub answered_by: Option<String>,
    /// When.
    pub answered_at_ms: Option<i64>,
    /// The preliminary review an examination request opened.
    pub review_id: Option<String>,
    /// When the lapse was escalated to the leader.
    pub escalated_at_ms: Option<i64>,
}

const COLUMNS: &str = "id, number, unit_id, period, reasons, kind, note, owner_id, decided_on, due_on, decided_by,
    signer_office, decided_at_ms, plan, answered_by, answered_at_ms, review_id, escalated_at_ms";

impl Decision {
    /// The plan's last day.
    pub fn due(&self) -> Option<Date> {
        self.due_on.as_deref().and_then(|it| it.parse().ok())
    }

    /// The rule codes that had fired.
    pub fn reason_codes(&self) -> Vec<&str> {
        self.reasons.split_whitespace().collect()
    }

    /// Where it stands at the end of `today` on `calendar`.
    pub fn standing(&self, calendar: &Calendar, today: Date) -> Standing {
        decisions::standing(calendar, self.due(), self.answered_at_ms.is_some(), today)
    }
}

fn doc(it: &Decision) -> serde_json::Value {
    json!({ "number": it.number, "unit_id": it.unit_id, "period": it.period, "reasons": it.reasons, "kind": it.kind,
        "note": it.note, "owner_id": it.owner_id, "signer_office": it.signer_office, "decided_on": it.decided_on, "due_on": it.due_on,
        "plan": it.plan, "review_id": it.review_id, "escalated_at_ms": it.escalated_at_ms })
}

/// A decision as asked for.
#[derive(Clone, Debug, Default)]
pub struct NewDecision {
    /// The unit.
    pub unit_id: String,
    /// The period looked at.
    pub period: String,
    /// The rule codes that fired.
    pub reasons: Vec<String>,
    /// Kind and note.
    pub raw: RawDecision,
    /// The account that answers, when named; otherwise any head of the unit.
    pub owner_id: Option<String>,
    /// The leader's office for a letter.
    pub signer_office: Option<String>,
}

fn invalid(field: &'static str, problem: Problem) -> StoreError {
    StoreError::Invalid(vec![FieldProblem { field, problem }])
}

/// Records a decision; an examination request opens its preliminary review in the same transaction.
pub async fn record(cx: &ActionCx<'_>, kinds: &Kinds, new: &NewDecision) -> Result<Decision, StoreError> {
    let decided_by = cx.actor.user_id().ok_or(StoreError::NotFound)?;
    let period = check_form(new)?;
    let data = cx.db.tenant_data(cx.tenant).await?;
    let unit = UnitId::new(new.unit_id.clone());
    let mut tx = cx.db.begin_write().await?;
    let clock = UnitClock::of(&data, &unit)
        .ok_or_else(|| invalid("unit_id", Problem::NotFound { given: new.unit_id.clone() }))?;
    let today = clock.zone.local_date(cx.now);
    let decided = new.raw.check(kinds, clock.calendar, today).map_err(StoreError::Invalid)?;
    let heads = notices::list_concerned(&mut tx, cx.tenant, std::slice::from_ref(&new.unit_id), false).await?;
    if let Some(owner) = &new.owner_id
        && !heads.contains(owner)
    {
        return Err(invalid("owner_id", Problem::NotFound { given: owner.clone() }));
    }
    let year = today.year();
    let seq = crate::numbering::next(&mut tx, cx.tenant, crate::numbering::Series::WatchDecision, year).await?;
    let review = match decided.kind.code.as_str() {
        "pemeriksaan" => {
            let summary = format!("KP-{year}-{seq:04}: {}", decided.note);
            let summary: String = summary.chars().take(2000).collect();
            Some(crate::news::reviews::insert_review(&mut tx, cx, None, Some(&new.unit_id), summary).await?.id)
        }
        _ => None,
    };
    let decision = Decision {
        id: cx.ids.new_id(),
        number: format!("KP-{year}-{seq:04}"),
        unit_id: new.unit_id.clone(),
        period: period.code(),
        reasons: new.reasons.join(" "),
        kind: decided.kind.code.clone(),
        note: decided.note,
        owner_id: new.owner_id.clone(),
        decided_on: today.to_string(),
        due_on: decided.due.map(|it| it.to_string()),
        decided_by,
        signer_office: new.signer_office.clone(),
        decided_at_ms: cx.now_ms(),
        plan: None,
        answered_by: None,
        answered_at_ms: None,
        review_id: review,
        escalated_at_ms: None,
    };
    insert_decision(&mut tx, cx.tenant, &decision).await?;
    let subject = format!("{} · {}", decision.number, unit_name(&data, &unit));
    insert_record_trail(&mut tx, cx, &decision, (heads, &subject)).await?;
    tx.commit().await?;
    Ok(decision)
}

/// The notices to the unit's heads (or the named owner) and the audit entry of a new decision.
async fn insert_record_trail(
    conn: &mut Conn,
    cx: &ActionCx<'_>,
    decision: &Decision,
    (heads, subject): (Vec<String>, &str),
) -> Result<(), StoreError> {
    let link = format!("/kinerja/keputusan/{}", decision.id);
    let addressed = decision.owner_id.as_ref().map_or(heads, |owner| vec![owner.clone()]);
    for user in &addressed {
        notices::insert_notice(conn, cx, user, ("keputusan_pimpinan", subject), &link).await?;
    }
    let change = Change {
        action: "watch_decision.record",
        entity_type: "watch_decision",
        entity_id: decision.id.clone(),
        before: None,
        after: Some(doc(decision)),
    };
    audit::append(conn, cx, change).await?;
    Ok(())
}

/// The fields checked before anything is read: the period, the signer's office and the rule codes.
fn check_form(new: &NewDecision) -> Result<ScorePeriod, StoreError> {
    let period = ScorePeriod::parse(&new.period)
        .ok_or_else(|| invalid("period", Problem::Malformed { given: new.period.clone() }))?;
    if let Some(office) = &new.signer_office {
        let mut problems = Problems::default();
        required_text(&mut problems, "signer_office", office, 200);
        problems.finish(|| ()).map_err(StoreError::Invalid)?;
    }
    if new.reasons.len() > 20 || new.reasons.iter().any(|it| it.is_empty() || !it.chars().all(is_code_char)) {
        return Err(invalid("reasons", Problem::Malformed { given: new.reasons.join(" ") }));
    }
    Ok(period)
}

fn is_code_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'
}

fn unit_name(data: &crate::cache::TenantData, unit: &UnitId) -> String {
    data.units.iter().find(|it| it.id == *unit).map(|it| it.draft.name.clone()).unwrap_or_default()
}

async fn insert_decision(conn: &mut Conn, tenant: &TenantId, it: &Decision) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO watch_decision (tenant_id, id, number, unit_id, period, reasons, kind, note, owner_id, decided_on,
            due_on, decided_by, signer_office, decided_at_ms, review_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,
            $10, $11, $12, $13, $14, $15)",
    )
    .bind(tenant.as_str())
    .bind(&it.id)
    .bind(&it.number)
    .bind(&it.unit_id)
    .bind(&it.period)
    .bind(&it.reasons)
    .bind(&it.kind)
    .bind(&it.note)
    .bind(it.owner_id.as_deref())
    .bind(&it.decided_on)
    .bind(it.due_on.as_deref())
    .bind(&it.decided_by)
    .bind(it.signer_office.as_deref())
    .bind(it.decided_at_ms)
    .bind(it.review_id.as_deref())
    .execute(conn)
    .await?;
    Ok(())
}

/// Longest plan.
pub const PLAN_MAX: usize = 4000;

/// The unit's plan in answer to a decision that asks for one; the leader is told.
pub async fn answer(cx: &ActionCx<'_>, id: &str, plan: &str) -> Result<Decision, StoreError> {
    let mut problems = Problems::default();
    let plan = required_text(&mut problems, "plan", plan, PLAN_MAX);
    problems.finish(|| ()).map_err(StoreError::Invalid)?;
    let mut tx = cx.db.begin_write().await?;
    let before = load(&mut tx, cx.tenant, id).await?;
    if before.due_on.is_none() || before.answered_at_ms.is_some() {
        return Err(invalid("plan", Problem::NotApplicable));
    }
    let now = cx.now_ms();
    let answered_by = cx.actor.user_id();
    let done = sqlx::query(
        "UPDATE watch_decision SET plan = $1, answered_by = $2, answered_at_ms = $3
         WHERE tenant_id = $4 AND id = $5 AND answered_at_ms IS NULL",
    )
    .bind(&plan)
    .bind(answered_by.as_deref())
    .bind(now)
    .bind(cx.tenant.as_str())
    .bind(id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(invalid("plan", Problem::NotApplicable));
    }
    let after = Decision { plan: Some(plan), answered_by, answered_at_ms: Some(now), ..before.clone() };
    let link = format!("/kinerja/keputusan/{id}");
    notices::insert_notice(&mut tx, cx, &after.decided_by, ("rencana_unit", &after.number), &link).await?;
    let change = Change {
        action: "watch_decision.answer",
        entity_type: "watch_decision",
        entity_id: id.to_owned(),
        before: Some(doc(&before)),
        after: Some(doc(&after)),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(after)
}

/// One decision.
pub async fn load(conn: &mut Conn, tenant: &TenantId, id: &str) -> Result<Decision, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM watch_decision WHERE tenant_id = $1 AND id = $2");
    let row: Option<Decision> = sqlx::query_as(&sql).bind(tenant.as_str()).bind(id).fetch_optional(conn).await?;
    row.ok_or(StoreError::NotFound)
}

/// A unit's decisions, newest first.
pub async fn list_for_unit(conn: &mut Conn, tenant: &TenantId, unit: &str) -> Result<Vec<Decision>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM watch_decision WHERE tenant_id = $1 AND unit_id = $2 ORDER BY decided_at_ms DESC"
    );
    Ok(sqlx::query_as(&sql).bind(tenant.as_str()).bind(unit).fetch_all(conn).await?)
}

/// The latest decisions about these units (`None`: all of the Pemda's), those still awaiting a plan first.
pub async fn list_recent(
    conn: &mut Conn,
    tenant: &TenantId,
    units: Option<&[String]>,
    limit: i64,
) -> Result<Vec<Decision>, StoreError> {
    if units.is_some_and(<[String]>::is_empty) {
        return Ok(Vec::new());
    }
    let mut sql = crate::sql::Sql::new(&format!("SELECT {COLUMNS} FROM watch_decision WHERE tenant_id = "));
    sql.bind(tenant.as_str());
    if let Some(units) = units {
        sql.push(" AND unit_id IN (").bind_list(units).push(")");
    }
    sql.push(&format!(
        " ORDER BY CASE WHEN due_on IS NOT NULL AND answered_at_ms IS NULL THEN 0 ELSE 1 END, decided_at_ms DESC
         LIMIT {limit}"
    ));
    sql.fetch_all(conn).await
}

/// The accounts that may be named to answer for a unit (its heads and those of the units above it), with names.
pub async fn list_owners(conn: &mut Conn, tenant: &TenantId, unit: &str) -> Result<Vec<(String, String)>, StoreError> {
    let heads = notices::list_concerned(conn, tenant, &[unit.to_owned()], false).await?;
    let users = crate::people::queries::list_users(conn, tenant).await?;
    Ok(users
        .into_iter()
        .filter(|it| heads.iter().any(|head| head == it.id.as_str()))
        .map(|it| (it.id.as_str().to_owned(), it.display_name))
        .collect())
}

/// Decisions still awaiting a plan, oldest deadline first.
pub async fn list_waiting(conn: &mut Conn, tenant: &TenantId) -> Result<Vec<Decision>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM watch_decision WHERE tenant_id = $1 AND answered_at_ms IS NULL AND due_on IS NOT NULL
         ORDER BY due_on, number"
    );
    Ok(sqlx::query_as(&sql).bind(tenant.as_str()).fetch_all(conn).await?)
}

/// Tells the leader of every decision whose plan is overdue, once; returns how many were escalated.
pub async fn escalate_overdue(cx: &ActionCx<'_>) -> Result<usize, StoreError> {
    let data = cx.db.tenant_data(cx.tenant).await?;
    let mut conn = cx.db.conn().await?;
    let waiting = list_waiting(&mut conn, cx.tenant).await?;
    drop(conn);
    let mut escalated = 0;
    for decision in waiting.iter().filter(|it| it.escalated_at_ms.is_none()) {
        let mut tx = cx.db.begin_write().await?;
        let unit = UnitId::new(decision.unit_id.clone());
        let Some(clock) = UnitClock::of(&data, &unit) else { continue };
        let today = clock.zone.local_date(cx.now);
        if !matches!(decision.standing(clock.calendar, today), Standing::Overdue(_)) {
            continue;
        }
        // Claimed by the update itself, so two processes never tell the leader twice.
        let claimed = sqlx::query(
            "UPDATE watch_decision SET escalated_at_ms = $1 WHERE tenant_id = $2 AND id = $3 AND escalated_at_ms IS NULL
             AND answered_at_ms IS NULL",
        )
        .bind(cx.now_ms())
        .bind(cx.tenant.as_str())
        .bind(&decision.id)
        .execute(&mut *tx)
        .await?;
        if claimed.rows_affected() != 1 {
            continue;
        }
        let subject = format!("{} · {}", decision.number, unit_name(&data, &unit));
        let link = format!("/kinerja/keputusan/{}", decision.id);
        notices::insert_notice(&mut tx, cx, &decision.decided_by, ("tindak_lanjut_terlambat", &subject), &link).await?;
        let after = Decision { escalated_at_ms: Some(cx.now_ms()), ..decision.clone() };
        let change = Change {
            action: "watch_decision.escalate",
            entity_type: "watch_decision",
            entity_id: decision.id.clone(),
            before: Some(doc(decision)),
            after: Some(doc(&after)),
        };
        audit::append(&mut tx, cx, change).await?;
        tx.commit().await?;
        escalated += 1;
    }
    Ok(escalated)
}
