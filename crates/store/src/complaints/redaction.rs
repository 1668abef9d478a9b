//! Removing personal data a reporter submitted by mistake, and splitting an item that raises several matters.
//! The removed text survives only as a digest in the audit trail.

use domain::complaints::lifecycle::apply;
use domain::complaints::{Action, Party, State};
use domain::problems::{FieldProblem, Problem, Problems, optional_text, required_text};
use serde_json::json;

use super::intake::{audit_doc, sha256_hex};
use super::queries;
use super::{Event, Item, Visibility};
use crate::audit::{self, Change};
use crate::secrets::PersonalDigest;
use crate::{ActionCx, Refusal, StoreError};

/// What an administrator changes.
#[derive(Clone, Debug, Default)]
pub struct Redaction {
    /// The title rewritten without the personal data.
    pub title: String,
    /// The text rewritten without the personal data.
    pub body: String,
    /// Remove the place.
    pub clear_location: bool,
    /// Remove the reporter's name and contact.
    pub clear_identity: bool,
    /// Attachments whose content is removed.
    pub attachment_ids: Vec<String>,
    /// Event texts to rewrite: position and new text (empty removes it).
    pub event_bodies: Vec<(i64, String)>,
    /// Why (not shown to the public).
    pub reason: String,
}

type Checked = (String, String, String, Vec<(i64, Option<String>)>);

fn check_redaction(redaction: &Redaction) -> Result<Checked, StoreError> {
    let mut problems = Problems::default();
    let title = required_text(&mut problems, "title", &redaction.title, domain::complaints::intake::limits::TITLE_MAX);
    let body = required_text(&mut problems, "body", &redaction.body, domain::complaints::intake::limits::BODY_MAX);
    let reason = required_text(&mut problems, "reason", &redaction.reason, 500);
    let bodies: Vec<(i64, Option<String>)> = redaction
        .event_bodies
        .iter()
        .map(|(seq, text)| (*seq, optional_text(&mut problems, "event_body", text, 5000)))
        .collect();
    problems.finish(|| (title, body, reason, bodies)).map_err(StoreError::Invalid)
}

/// Applies a redaction.
pub async fn redact(cx: &ActionCx<'_>, item_id: &str, redaction: &Redaction) -> Result<Item, StoreError> {
    let (title, body, reason, bodies) = check_redaction(redaction)?;
    let mut tx = cx.db.begin_write().await?;
    let before = queries::load_item_for_update(&mut tx, cx.db.backend(), cx.tenant, item_id).await?;
    apply(before.state, Action::Redact, Party::Administrator).map_err(Refusal::Complaint)?;
    let mut item = before.clone();
    item.title = title;
    item.body = body;
    if redaction.clear_location {
        item.location_text = None;
        item.point = None;
    }
    if redaction.clear_identity {
        item.reporter_name = None;
        item.reporter_contact = None;
    }
    item.correction_requested = false;
    item.updated_at_ms = cx.now_ms();
    queries::update_item(&mut tx, cx.tenant, &item).await?;
    let keyed = PersonalDigest::load(&mut tx, cx).await?;
    let event_digests = rewrite_events(&mut tx, cx, (item_id, &bodies), &keyed).await?;
    for id in &redaction.attachment_ids {
        if !queries::update_attachment_redacted(&mut tx, cx.tenant, item_id, id).await? {
            return Err(StoreError::Invalid(vec![FieldProblem {
                field: "attachments",
                problem: Problem::NotFound { given: id.clone() },
            }]));
        }
    }
    let seq = queries::next_event_seq(&mut tx, cx.tenant, item_id).await?;
    let event = Event {
        seq,
        at_ms: cx.now_ms(),
        party: Party::Administrator,
        user_id: cx.actor.user_id(),
        action: Action::Redact.code(),
        state_after: item.state,
        unit_id: item.unit_id.clone(),
        body: Some(reason),
        visibility: Visibility::Internal,
        deadline: None,
    };
    queries::insert_event(&mut tx, cx.tenant, item_id, &event).await?;
    let mut after = audit_doc(&item, &keyed);
    after["events_redacted"] = json!(event_digests);
    after["attachments_redacted"] = json!(redaction.attachment_ids);
    let change = Change {
        action: "complaint.redact",
        entity_type: "complaint",
        entity_id: item.id.clone(),
        before: Some(audit_doc(&before, &keyed)),
        after: Some(after),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(item)
}

/// Rewrites event texts and returns the digests of what they said before.
async fn rewrite_events(
    conn: &mut crate::Conn,
    cx: &ActionCx<'_>,
    (item_id, bodies): (&str, &[(i64, Option<String>)]),
    keyed: &PersonalDigest,
) -> Result<Vec<serde_json::Value>, StoreError> {
    let events = queries::list_events(conn, cx.tenant, item_id).await?;
    let mut digests = Vec::new();
    for (seq, text) in bodies {
        let Some(old) = events.iter().find(|it| it.seq == *seq) else {
            return Err(StoreError::Invalid(vec![FieldProblem {
                field: "event_body",
                problem: Problem::NotFound { given: seq.to_string() },
            }]));
        };
        queries::update_event_body(conn, cx.tenant, item_id, *seq, text.as_deref()).await?;
        digests.push(json!({ "seq": seq, "before_hmac": old.body.as_deref().map(|it| keyed.of(it)) }));
    }
    Ok(digests)
}

/// Splits off a matter into a new item with its own number, in the same state of verification as a new filing;
/// the reporter's identity and secret carry over, so they can follow both with the same secret.
pub async fn split(cx: &ActionCx<'_>, item_id: &str, title: &str, body: &str) -> Result<Item, StoreError> {
    let mut problems = Problems::default();
    let title = required_text(&mut problems, "title", title, domain::complaints::intake::limits::TITLE_MAX);
    let body = required_text(&mut problems, "body", body, domain::complaints::intake::limits::BODY_MAX);
    problems.finish(|| ()).map_err(StoreError::Invalid)?;
    let mut tx = cx.db.begin_write().await?;
    let original = queries::load_item_for_update(&mut tx, cx.db.backend(), cx.tenant, item_id).await?;
    apply(original.state, Action::Split, Party::Administrator).map_err(Refusal::Complaint)?;
    let (_, digest) =
        queries::find_by_number(&mut tx, cx.tenant, &original.number).await?.ok_or(StoreError::NotFound)?;
    let (calendar, zone) = super::actions::unit_calendar(&mut tx, cx, None).await?;
    // Numbered in the year it is received, like any new filing.
    let year = zone.local_date(cx.now).year();
    let n = queries::next_number_seq(&mut tx, cx.tenant, year).await?;
    let due = domain::complaints::deadline::start(
        domain::complaints::DeadlineKind::Verify,
        Default::default(),
        &calendar,
        zone,
        cx.now,
    );
    let number = domain::complaints::tracking::number(original.kind, year, n);
    let item = split_item(cx, &original, (number, &due), (title, body));
    // The split-off item opens with the original's secret: its digest names the original's number and digest
    // (reporter::find_with_secret), so no new secret has to reach the reporter.
    let key = sha256_hex(format!("split:{}", item.id).as_bytes());
    let secret_digest = format!("split-of:{}:{digest}", original.number);
    let intake = queries::Intake { secret_digest: &secret_digest, dedup_key: &key, reporter_ip: None };
    queries::insert_item(&mut tx, cx.tenant, &item, &intake).await?;
    crate::scorecards::update_sums_for_item(&mut tx, cx, None, Some(&item)).await?;
    link_split(&mut tx, cx, (&original, &item), (due.kind, due.due)).await?;
    let keyed = PersonalDigest::load(&mut tx, cx).await?;
    let change = Change {
        action: "complaint.split",
        entity_type: "complaint",
        entity_id: item.id.clone(),
        before: None,
        after: Some(json!({ "from": original.number, "item": audit_doc(&item, &keyed) })),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(item)
}

/// The events that link a split-off item and its original.
async fn link_split(
    conn: &mut crate::Conn,
    cx: &ActionCx<'_>,
    (original, item): (&Item, &Item),
    verify: (domain::complaints::DeadlineKind, jiff::civil::Date),
) -> Result<(), StoreError> {
    for (target, text) in [(item, format!("{} ← {}", item.number, original.number)), (original, item.number.clone())]
    {
        let seq = queries::next_event_seq(conn, cx.tenant, &target.id).await?;
        let is_new = target.id == item.id;
        let event = Event {
            seq,
            at_ms: cx.now_ms(),
            party: Party::Administrator,
            user_id: cx.actor.user_id(),
            action: if is_new { "masuk".to_owned() } else { Action::Split.code() },
            state_after: target.state,
            unit_id: target.unit_id.clone(),
            body: Some(text),
            visibility: Visibility::Public,
            deadline: is_new.then_some(verify),
        };
        queries::insert_event(conn, cx.tenant, &target.id, &event).await?;
    }
    Ok(())
}

/// The item split off `original`: what the reporter sent (identity, place, channel) stays; handling starts afresh.
fn split_item(
    cx: &ActionCx<'_>,
    original: &Item,
    (number, due): (String, &domain::complaints::deadline::Deadline),
    (title, body): (String, String),
) -> Item {
    Item {
        id: cx.ids.new_id(),
        number,
        title,
        body,
        split_from: Some(original.number.clone()),
        deadline: Some(super::RunningDeadline {
            kind: due.kind,
            due: due.due,
            ends_at_ms: due.ends_at.as_millisecond(),
        }),
        state: State::Received,
        unit_id: None,
        tier: None,
        outcome: None,
        outcome_note: None,
        duplicate_of: None,
        escalation_level: 0,
        missed_deadlines: 0,
        rating: None,
        n_reopened: 0,
        possible_duplicate_of: None,
        correction_requested: false,
        received_at_ms: cx.now_ms(),
        verified_at_ms: None,
        first_answer_at_ms: None,
        answer_due: None,
        closed_at_ms: None,
        updated_at_ms: cx.now_ms(),
        ..original.clone()
    }
}
