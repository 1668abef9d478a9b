//! Steps of the lifecycle: each checks the state machine, updates the item and its deadline on the handling unit's
//! calendar, appends the event, the audit entry and the notifications, in one transaction.

use domain::complaints::lifecycle::apply;
use domain::complaints::{Action, Clock, DeadlineKind, Outcome, Party, State, deadline};
use domain::ids::UnitId;
use domain::people::Role;
use domain::problems::{FieldProblem, Problem, Problems, optional_text};
use serde_json::json;

use super::intake::{audit_doc, sha256_hex};
use super::notify::{self, Audience};
use super::queries::{self, StoredFile};
use super::{Event, Item, NewFile, RunningDeadline, Visibility};
use crate::audit::{self, Change};
use crate::secrets::PersonalDigest;
use crate::{ActionCx, Conn, Refusal, StoreError};

/// A step as requested.
#[derive(Clone, Debug)]
pub struct Step {
    /// What.
    pub action: Action,
    /// By whom.
    pub party: Party,
    /// Message, answer, reason.
    pub body: Option<String>,
    /// The unit for verification and reassignment.
    pub unit: Option<UnitId>,
    /// The competent body, the reason not resolved, or the other item's number.
    pub note: Option<String>,
    /// Rating 1–5.
    pub rating: Option<i64>,
    /// A staff comment the reporter may read.
    pub public: bool,
    /// Files attached to the step.
    pub files: Vec<NewFile>,
}

impl Step {
    /// A step with nothing but its action and party.
    pub fn new(action: Action, party: Party) -> Step {
        Step { action, party, body: None, unit: None, note: None, rating: None, public: false, files: Vec::new() }
    }
}

fn event_of(
    cx: &ActionCx<'_>,
    step: &Step,
    item: &Item,
    (seq, started): (i64, Option<(domain::complaints::DeadlineKind, jiff::civil::Date)>),
    (note, body): (Option<String>, Option<String>),
) -> Event {
    let text = match step.action {
        Action::Close(_) => note.or(body),
        Action::Rate => step.rating.map(|it| it.to_string()),
        _ => body,
    };
    Event {
        seq,
        at_ms: cx.now_ms(),
        party: step.party,
        user_id: cx.actor.user_id(),
        action: step.action.code(),
        state_after: item.state,
        unit_id: item.unit_id.clone(),
        body: text,
        visibility: visibility(step),
        deadline: started,
    }
}

fn visibility(step: &Step) -> Visibility {
    match step.action {
        Action::Comment if step.public => Visibility::Public,
        Action::Comment | Action::Split | Action::Redact => Visibility::Internal,
        Action::Reply | Action::Reopen | Action::Rate | Action::Contest | Action::RequestCorrection => {
            Visibility::Reporter
        }
        _ => Visibility::Public,
    }
}

fn invalid(field: &'static str, problem: Problem) -> StoreError {
    StoreError::Invalid(vec![FieldProblem { field, problem }])
}

/// Checks what the action needs besides the state machine.
fn check(step: &Step) -> Result<(Option<String>, Option<String>), StoreError> {
    let mut problems = Problems::default();
    let body = optional_text(&mut problems, "body", step.body.as_deref().unwrap_or(""), 5000);
    let note = optional_text(&mut problems, "note", step.note.as_deref().unwrap_or(""), 500);
    let needs_body = matches!(
        step.action,
        Action::Respond(_)
            | Action::Answer
            | Action::Reply
            | Action::Comment
            | Action::Contest
            | Action::Reopen
            | Action::ReturnToAdministrator
            | Action::RequestCorrection
    );
    if needs_body && body.is_none() && problems.is_empty() {
        problems.add("body", Problem::Required);
    }
    if matches!(step.action, Action::Verify | Action::Reassign) && step.unit.is_none() {
        problems.add("unit", Problem::Required);
    }
    if let Action::Close(outcome) = step.action
        && outcome.needs_note()
        && note.is_none()
        && problems.is_empty()
    {
        problems.add("note", Problem::Required);
    }
    if step.action == Action::Rate && !step.rating.is_some_and(|it| (1..=5).contains(&it)) {
        problems.add("rating", Problem::OutOfRange { min: 1, max: 5 });
    }
    problems.finish(|| (body, note)).map_err(StoreError::Invalid)
}

/// Takes a step on an item.
pub async fn take(cx: &ActionCx<'_>, item_id: &str, step: Step) -> Result<Item, StoreError> {
    let (body, note) = check(&step)?;
    let files = if step.files.is_empty() { Vec::new() } else { check_files(step.files.clone())? };
    let mut tx = cx.db.begin_write().await?;
    let before = queries::load_item_for_update(&mut tx, cx.db.backend(), cx.tenant, item_id).await?;
    let transition = apply(before.state, step.action, step.party).map_err(Refusal::Complaint)?;
    let mut item = before.clone();
    item.state = transition.to;
    item.updated_at_ms = cx.now_ms();
    apply_effects(&mut tx, cx, &mut item, &step, note.clone()).await?;
    let mut started = None;
    match transition.clock {
        Clock::Keep => {}
        Clock::Stop => item.deadline = None,
        Clock::Start(kind) => {
            let settings = super::settings::load(&mut tx, cx.tenant).await?;
            let (calendar, zone) = unit_calendar(&mut tx, cx, item.unit_id.as_ref()).await?;
            let due = deadline::start(kind, settings.tiers, &calendar, zone, cx.now);
            item.deadline = Some(RunningDeadline { kind, due: due.due, ends_at_ms: due.ends_at.as_millisecond() });
            item.escalation_level = 0;
            if kind == DeadlineKind::Answer && item.first_answer_at_ms.is_none() {
                item.answer_due = Some(due.due);
            }
            started = Some((kind, due.due));
        }
    }
    queries::update_item(&mut tx, cx.tenant, &item).await?;
    crate::scorecards::update_sums_for_item(&mut tx, cx, Some(&before), Some(&item)).await?;
    if matches!(step.action, Action::Reopen | Action::Contest) {
        crate::scorecards::update_sums_for_reporter_step(&mut tx, cx, &item, step.action == Action::Reopen).await?;
    }
    let seq = queries::next_event_seq(&mut tx, cx.tenant, &item.id).await?;
    let event = event_of(cx, &step, &item, (seq, started), (note, body));
    queries::insert_event(&mut tx, cx.tenant, &item.id, &event).await?;
    let keyed = PersonalDigest::load(&mut tx, cx).await?;
    let digests = store_files(&mut tx, cx, (&item.id, Some(seq)), &files, &keyed).await?;
    let mut after = audit_doc(&item, &keyed);
    after["event_seq"] = json!(seq);
    after["event_body_hmac"] = json!(event.body.as_deref().map(|it| keyed.of(it)));
    after["attachments_hmac"] = json!(digests);
    let change = Change {
        action: action_code(step.action),
        entity_type: "complaint",
        entity_id: item.id.clone(),
        before: Some(audit_doc(&before, &keyed)),
        after: Some(after),
    };
    audit::append(&mut tx, cx, change).await?;
    let audience = audience_of(&mut tx, cx, &item, step.action).await?;
    notify::announce(&mut tx, cx, &item, &event, &audience).await?;
    tx.commit().await?;
    Ok(item)
}

/// Stores the files of a step; returns their keyed digests for the audit entry (a plain digest of a photo would
/// let anyone holding the photo confirm it is in the trail).
pub(super) async fn store_files(
    conn: &mut Conn,
    cx: &ActionCx<'_>,
    (item_id, seq): (&str, Option<i64>),
    files: &[(NewFile, domain::complaints::attachments::FileType)],
    keyed: &PersonalDigest,
) -> Result<Vec<String>, StoreError> {
    let mut digests = Vec::new();
    for (file, kind) in files {
        let sha = sha256_hex(&file.bytes);
        let id = cx.ids.new_id();
        let stored = StoredFile {
            id: &id,
            event_seq: seq,
            file_name: &file.file_name,
            media_type: kind.media_type(),
            content: &file.bytes,
            sha256: &sha,
        };
        queries::insert_attachment(conn, cx.tenant, item_id, &stored, cx.now_ms()).await?;
        digests.push(keyed.of_bytes(&file.bytes));
    }
    Ok(digests)
}

fn check_files(files: Vec<NewFile>) -> Result<Vec<(NewFile, domain::complaints::attachments::FileType)>, StoreError> {
    use domain::complaints::attachments;
    if files.len() > attachments::MAX_FILES {
        let max = i64::try_from(attachments::MAX_FILES).unwrap_or(0);
        return Err(invalid("files", Problem::OutOfRange { min: 0, max }));
    }
    let mut out = Vec::new();
    for file in files {
        let (kind, bytes) =
            attachments::accept(&file.file_name, file.bytes).map_err(|it| invalid("files", Problem::File(it)))?;
        out.push((NewFile { file_name: file.file_name, bytes }, kind));
    }
    Ok(out)
}

fn action_code(action: Action) -> &'static str {
    match action {
        Action::Verify => "complaint.verify",
        Action::Reassign => "complaint.reassign",
        Action::ReturnToAdministrator => "complaint.return",
        Action::Respond(_) => "complaint.respond",
        Action::Answer => "complaint.answer",
        Action::Reply => "complaint.reply",
        Action::Comment => "complaint.comment",
        Action::Reopen => "complaint.reopen",
        Action::Rate => "complaint.rate",
        Action::Close(_) => "complaint.close",
        Action::Contest => "complaint.contest",
        Action::Escalate => "complaint.escalate",
        Action::Redact => "complaint.redact",
        Action::Split => "complaint.split",
        Action::RequestCorrection => "complaint.request_correction",
    }
}

/// The working-day calendar and zone of the handling unit, or of the tenant when none handles it yet.
pub(super) async fn unit_calendar(
    conn: &mut Conn,
    cx: &ActionCx<'_>,
    unit: Option<&UnitId>,
) -> Result<(domain::calendar::Calendar, domain::calendar::Zone), StoreError> {
    let calendar = crate::calendar::load_calendar(conn, cx.tenant, unit).await?;
    let zone = match unit {
        Some(unit) => crate::org::queries::load_unit(conn, cx.tenant, unit).await?.draft.zone,
        None => crate::org::queries::load_tenant(conn, cx.tenant).await?.zone,
    };
    Ok((calendar, zone))
}

async fn apply_effects(
    conn: &mut Conn,
    cx: &ActionCx<'_>,
    item: &mut Item,
    step: &Step,
    note: Option<String>,
) -> Result<(), StoreError> {
    match step.action {
        Action::Verify | Action::Reassign => {
            let unit = step.unit.clone().ok_or_else(|| invalid("unit", Problem::Required))?;
            let found = crate::org::queries::load_unit(conn, cx.tenant, &unit).await;
            match found {
                Ok(it) if it.draft.is_active => {}
                Ok(_) | Err(StoreError::NotFound) => {
                    return Err(invalid("unit", Problem::NotFound { given: unit.as_str().to_owned() }));
                }
                Err(err) => return Err(err),
            }
            item.unit_id = Some(unit);
            item.verified_at_ms.get_or_insert(cx.now_ms());
            item.outcome = None;
            item.outcome_note = None;
        }
        Action::ReturnToAdministrator => item.unit_id = None,
        Action::Respond(tier) => {
            item.tier = Some(tier);
            item.first_answer_at_ms.get_or_insert(cx.now_ms());
        }
        Action::Answer => {
            item.first_answer_at_ms.get_or_insert(cx.now_ms());
        }
        Action::Reopen => item.n_reopened += 1,
        Action::Rate => item.rating = step.rating,
        Action::RequestCorrection => item.correction_requested = true,
        Action::Close(outcome) => {
            item.outcome = Some(outcome);
            item.closed_at_ms = Some(cx.now_ms());
            item.outcome_note = note.clone();
            if outcome == Outcome::Duplicate {
                let other = note.as_deref().and_then(domain::complaints::tracking::normalise_number);
                let exists = match &other {
                    Some(number) if *number != item.number => {
                        queries::find_by_number(conn, cx.tenant, number).await?.is_some()
                    }
                    _ => false,
                };
                if !exists {
                    return Err(invalid("note", Problem::NotFound { given: note.unwrap_or_default() }));
                }
                item.duplicate_of = other;
            }
        }
        Action::Contest => {
            item.closed_at_ms = None;
        }
        Action::Comment | Action::Reply | Action::Escalate | Action::Redact | Action::Split => {}
    }
    if item.state == State::Closed && item.verified_at_ms.is_none() && step.action != Action::Close(Outcome::Withdrawn)
    {
        // Ruled out at verification: it was looked at, and the public list may show why.
        item.verified_at_ms = Some(cx.now_ms());
    }
    Ok(())
}

/// Staff told of a step: the unit's operators and head when an item reaches them.
async fn audience_of(conn: &mut Conn, cx: &ActionCx<'_>, item: &Item, action: Action) -> Result<Audience, StoreError> {
    let emails = match action {
        Action::Verify | Action::Reassign | Action::Reopen | Action::Contest | Action::Reply => {
            notify::list_staff_emails(conn, cx.tenant, item.unit_id.as_ref(), &[Role::Operator, Role::UnitHead]).await?
        }
        _ => Vec::new(),
    };
    Ok(Audience { emails })
}
