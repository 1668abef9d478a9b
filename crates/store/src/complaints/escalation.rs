//! The background job's storage half: items whose deadline passed either close themselves (the reporter did not
//! reply to an answer) or climb the escalation ladder, each in its own transaction.

use domain::complaints::lifecycle::{apply, escalation_level};
use domain::complaints::{Action, DeadlineKind, Outcome, Party, deadline};
use domain::people::Role;
use serde_json::json;

use super::actions::{Step, take, unit_calendar};
use super::intake::audit_doc;
use super::notify::{self, Audience};
use super::{Event, Visibility, queries};
use crate::audit::{self, Change};
use crate::{ActionCx, Actor, Db, IdSource, Refusal, StoreError};

/// What one run did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JobReport {
    /// Items escalated.
    pub escalated: usize,
    /// Items closed after the quiet period.
    pub auto_closed: usize,
}

/// Handles every item whose deadline passed before `now`.
pub async fn run(db: &Db, ids: &dyn IdSource, now: jiff::Timestamp) -> Result<JobReport, StoreError> {
    let due = {
        let mut conn = db.conn().await?;
        queries::list_due_for_job(&mut conn, now.as_millisecond(), 500).await?
    };
    let mut report = JobReport::default();
    for (tenant, id) in due {
        let cx = ActionCx { db, tenant: &tenant, actor: Actor::System("deadline-job"), now, ids };
        match handle(&cx, &id).await {
            Ok(Some(true)) => report.auto_closed += 1,
            Ok(Some(false)) => report.escalated += 1,
            Ok(None) => {}
            // One broken item must not stop the others; it is logged and retried on the next run.
            Err(err) => tracing::warn!(tenant = %tenant, item = %id, error = %err, "deadline job failed on an item"),
        }
    }
    Ok(report)
}

/// `Some(true)` closed, `Some(false)` escalated, `None` nothing to do.
async fn handle(cx: &ActionCx<'_>, id: &str) -> Result<Option<bool>, StoreError> {
    let item = {
        let mut conn = cx.db.conn().await?;
        queries::load_item(&mut conn, cx.tenant, id).await?
    };
    let Some(running) = item.deadline.filter(|it| it.ends_at_ms <= cx.now_ms()) else { return Ok(None) };
    if running.kind == DeadlineKind::AutoClose {
        let mut step = Step::new(Action::Close(Outcome::Resolved), Party::System);
        step.note = Some("tutup_otomatis".to_owned());
        take(cx, id, step).await?;
        return Ok(Some(true));
    }
    let mut tx = cx.db.begin_write().await?;
    let before = queries::load_item_for_update(&mut tx, cx.db.backend(), cx.tenant, id).await?;
    let (calendar, zone) = unit_calendar(&mut tx, cx, before.unit_id.as_ref()).await?;
    let Some(running) = before.deadline else { return Ok(None) };
    let overdue = deadline::workdays_overdue(&calendar, running.due, zone.local_date(cx.now));
    let level = i64::from(escalation_level(overdue));
    if level <= before.escalation_level {
        return Ok(None);
    }
    let transition = apply(before.state, Action::Escalate, Party::System).map_err(Refusal::Complaint)?;
    let mut item = before.clone();
    item.state = transition.to;
    if before.escalation_level == 0 {
        item.missed_deadlines += 1;
    }
    item.escalation_level = level;
    item.updated_at_ms = cx.now_ms();
    queries::update_item(&mut tx, cx.tenant, &item).await?;
    let seq = queries::next_event_seq(&mut tx, cx.tenant, id).await?;
    let event = Event {
        seq,
        at_ms: cx.now_ms(),
        party: Party::System,
        user_id: None,
        action: Action::Escalate.code(),
        state_after: item.state,
        unit_id: item.unit_id.clone(),
        body: Some(format!("{}:{}", running.kind.code(), level)),
        visibility: Visibility::Public,
        deadline: None,
    };
    queries::insert_event(&mut tx, cx.tenant, id, &event).await?;
    let keyed = crate::secrets::PersonalDigest::load(&mut tx, cx).await?;
    let mut after = audit_doc(&item, &keyed);
    after["missed"] = json!(running.kind.code());
    let change = Change {
        action: "complaint.escalate",
        entity_type: "complaint",
        entity_id: id.to_owned(),
        before: Some(audit_doc(&before, &keyed)),
        after: Some(after),
    };
    audit::append(&mut tx, cx, change).await?;
    let emails = notify::list_staff_emails(&mut tx, cx.tenant, item.unit_id.as_ref(), &ladder(&item, level)).await?;
    notify::announce(&mut tx, cx, &item, &event, &Audience { emails }).await?;
    tx.commit().await?;
    Ok(Some(false))
}

/// Level 1: the head of the handling unit (administrators when no unit has it yet); level 2: the inspectorate and
/// the leaders as well.
fn ladder(item: &super::Item, level: i64) -> Vec<Role> {
    let mut roles = vec![if item.unit_id.is_some() { Role::UnitHead } else { Role::Administrator }];
    if level >= 2 {
        roles.extend([Role::Inspector, Role::Leader]);
    }
    roles
}
