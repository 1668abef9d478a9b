//! Decoding stored rows into items and events.

use domain::complaints::{Channel, Confidentiality, DeadlineKind, Kind, Outcome, Party, State, Tier};
use domain::ids::UnitId;

use super::{Attachment, Event, Item, RunningDeadline, Visibility};
use crate::StoreError;

pub(super) const ITEM_COLUMNS: &str =
    "id, number, kind, category, channel, confidentiality, title, body, location_text,
    latitude, longitude, reporter_name, reporter_contact, letter_sender, letter_number, letter_date, unit_id,
    reported_unit_id, suggested_unit_id, suggestion_words, state, tier, outcome, outcome_note, duplicate_of,
    split_from, deadline_kind, due_date, deadline_at_ms, escalation_level, missed_deadlines, rating, n_reopened,
    possible_duplicate_of, registered_by, correction_requested, received_at_ms, verified_at_ms, first_answer_at_ms,
    closed_at_ms, updated_at_ms, answer_due_date";

#[derive(sqlx::FromRow)]
pub(super) struct ItemRow {
    id: String,
    number: String,
    kind: String,
    category: String,
    channel: String,
    confidentiality: String,
    title: String,
    body: String,
    location_text: Option<String>,
    latitude: Option<f64>,
    longitude: Option<f64>,
    reporter_name: Option<String>,
    reporter_contact: Option<String>,
    letter_sender: Option<String>,
    letter_number: Option<String>,
    letter_date: Option<String>,
    unit_id: Option<String>,
    reported_unit_id: Option<String>,
    suggested_unit_id: Option<String>,
    suggestion_words: Option<String>,
    state: String,
    tier: Option<String>,
    outcome: Option<String>,
    outcome_note: Option<String>,
    duplicate_of: Option<String>,
    split_from: Option<String>,
    deadline_kind: Option<String>,
    due_date: Option<String>,
    deadline_at_ms: Option<i64>,
    escalation_level: i64,
    missed_deadlines: i64,
    rating: Option<i64>,
    n_reopened: i64,
    possible_duplicate_of: Option<String>,
    registered_by: Option<String>,
    correction_requested: i64,
    received_at_ms: i64,
    verified_at_ms: Option<i64>,
    first_answer_at_ms: Option<i64>,
    closed_at_ms: Option<i64>,
    updated_at_ms: i64,
    answer_due_date: Option<String>,
}

fn code<T>(parse: impl Fn(&str) -> Option<T>, raw: &str, table: &'static str) -> Result<T, StoreError> {
    parse(raw).ok_or_else(|| StoreError::corrupt(table, raw.to_owned()))
}

fn opt_code<T>(
    parse: impl Fn(&str) -> Option<T>,
    raw: Option<&str>,
    table: &'static str,
) -> Result<Option<T>, StoreError> {
    raw.map(|it| code(&parse, it, table)).transpose()
}

fn deadline(kind: Option<&str>, due: Option<&str>, ends: Option<i64>) -> Result<Option<RunningDeadline>, StoreError> {
    match (kind, due, ends) {
        (Some(kind), Some(due), Some(ends_at_ms)) => Ok(Some(RunningDeadline {
            kind: code(DeadlineKind::parse, kind, "complaint")?,
            due: due.parse().map_err(|_| StoreError::corrupt("complaint", due.to_owned()))?,
            ends_at_ms,
        })),
        _ => Ok(None),
    }
}

impl TryFrom<ItemRow> for Item {
    type Error = StoreError;
    fn try_from(row: ItemRow) -> Result<Item, StoreError> {
        const T: &str = "complaint";
        Ok(Item {
            kind: code(Kind::parse, &row.kind, T)?,
            channel: code(Channel::parse, &row.channel, T)?,
            confidentiality: code(Confidentiality::parse, &row.confidentiality, T)?,
            state: code(State::parse, &row.state, T)?,
            tier: opt_code(Tier::parse, row.tier.as_deref(), T)?,
            outcome: opt_code(Outcome::parse, row.outcome.as_deref(), T)?,
            deadline: deadline(row.deadline_kind.as_deref(), row.due_date.as_deref(), row.deadline_at_ms)?,
            answer_due: row
                .answer_due_date
                .as_deref()
                .map(|it| it.parse().map_err(|_| StoreError::corrupt(T, it.to_owned())))
                .transpose()?,
            point: row.latitude.zip(row.longitude),
            letter: match (row.letter_sender, row.letter_number, row.letter_date) {
                (Some(sender), Some(number), Some(date)) => Some((sender, number, date)),
                _ => None,
            },
            unit_id: row.unit_id.map(UnitId::new),
            reported_unit_id: row.reported_unit_id.map(UnitId::new),
            suggestion: row.suggested_unit_id.map(UnitId::new).zip(row.suggestion_words),
            id: row.id,
            number: row.number,
            category: row.category,
            title: row.title,
            body: row.body,
            location_text: row.location_text,
            reporter_name: row.reporter_name,
            reporter_contact: row.reporter_contact,
            outcome_note: row.outcome_note,
            duplicate_of: row.duplicate_of,
            split_from: row.split_from,
            escalation_level: row.escalation_level,
            missed_deadlines: row.missed_deadlines,
            rating: row.rating,
            n_reopened: row.n_reopened,
            possible_duplicate_of: row.possible_duplicate_of,
            registered_by: row.registered_by,
            correction_requested: row.correction_requested != 0,
            received_at_ms: row.received_at_ms,
            verified_at_ms: row.verified_at_ms,
            first_answer_at_ms: row.first_answer_at_ms,
            closed_at_ms: row.closed_at_ms,
            updated_at_ms: row.updated_at_ms,
        })
    }
}

pub(super) const EVENT_COLUMNS: &str =
    "seq, at_ms, party, user_id, action, state_after, unit_id, body, visibility, deadline_kind, due_date";

#[derive(sqlx::FromRow)]
pub(super) struct EventRow {
    seq: i64,
    at_ms: i64,
    party: String,
    user_id: Option<String>,
    action: String,
    state_after: String,
    unit_id: Option<String>,
    body: Option<String>,
    visibility: String,
    deadline_kind: Option<String>,
    due_date: Option<String>,
}

impl TryFrom<EventRow> for Event {
    type Error = StoreError;
    fn try_from(row: EventRow) -> Result<Event, StoreError> {
        const T: &str = "complaint_event";
        let deadline = match (row.deadline_kind.as_deref(), row.due_date.as_deref()) {
            (Some(kind), Some(due)) => Some((
                code(DeadlineKind::parse, kind, T)?,
                due.parse().map_err(|_| StoreError::corrupt(T, due.to_owned()))?,
            )),
            _ => None,
        };
        Ok(Event {
            seq: row.seq,
            at_ms: row.at_ms,
            party: code(Party::parse, &row.party, T)?,
            user_id: row.user_id,
            action: row.action,
            state_after: code(State::parse, &row.state_after, T)?,
            unit_id: row.unit_id.map(UnitId::new),
            body: row.body,
            visibility: code(Visibility::parse, &row.visibility, T)?,
            deadline,
        })
    }
}

pub(super) const ATTACHMENT_COLUMNS: &str = "id, event_seq, file_name, media_type, size_bytes, is_redacted";

#[derive(sqlx::FromRow)]
pub(super) struct AttachmentRow {
    id: String,
    event_seq: Option<i64>,
    file_name: String,
    media_type: String,
    size_bytes: i64,
    is_redacted: i64,
}

impl From<AttachmentRow> for Attachment {
    fn from(row: AttachmentRow) -> Attachment {
        Attachment {
            id: row.id,
            event_seq: row.event_seq,
            file_name: row.file_name,
            media_type: row.media_type,
            size_bytes: row.size_bytes,
            is_redacted: row.is_redacted != 0,
        }
    }
}
