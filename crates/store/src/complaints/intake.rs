//! Filing an item: checks, the unit suggestion, the duplicate flag, storage with attachments, the first event, the
//! audit entry and the notifications, all in one transaction; the receipt is signed only after it commits.

use domain::complaints::intake::{ItemDraft, RawItem, Source};
use domain::complaints::suggest::{UnitNames, suggest};
use domain::complaints::{Channel, DeadlineKind, Party, State, Tiers, attachments, deadline, tracking};
use domain::ids::UnitId;
use domain::org::Unit;
use domain::problems::{FieldProblem, Problem};
use serde_json::json;
use sha2::{Digest, Sha256};

use super::{Event, Item, NewFile, RunningDeadline, Visibility};
use crate::secrets::PersonalDigest;
use crate::{ActionCx, StoreError};

/// What arrives.
#[derive(Clone, Debug)]
pub struct Submission {
    /// The fields.
    pub raw: RawItem,
    /// Citizen or front desk.
    pub source: Source,
    /// Channel.
    pub channel: Channel,
    /// The sender's address (dropped for anonymous items).
    pub ip: Option<String>,
    /// Files.
    pub files: Vec<NewFile>,
    /// The front-desk user registering it.
    pub registered_by: Option<String>,
}

/// A stored item and what its receipt shows; the secret exists only here, never in storage.
#[derive(Clone, Debug)]
pub struct Filed {
    /// The item as stored.
    pub item: Item,
    /// The tracking secret, in plain text, for the receipt.
    pub secret: String,
    /// The signed receipt text for the QR code.
    pub receipt: String,
}

pub(super) fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// The identity-free description of an item recorded in the audit trail: personal fields only as digests keyed
/// with the tenant's secret, so that nobody who reads the trail can confirm a guessed name or phone number.
pub(super) fn audit_doc(item: &Item, keyed: &PersonalDigest) -> serde_json::Value {
    let digest = |it: Option<&str>| it.map(|text| keyed.of(text));
    json!({
        "number": item.number, "kind": item.kind.code(), "category": item.category, "channel": item.channel.code(),
        "confidentiality": item.confidentiality.code(), "state": item.state.code(),
        "unit_id": item.unit_id.as_ref().map(UnitId::as_str), "tier": item.tier.map(|it| it.code()),
        "outcome": item.outcome.map(|it| it.code()), "outcome_note": item.outcome_note,
        "duplicate_of": item.duplicate_of, "due_date": item.deadline.map(|it| it.due.to_string()),
        "deadline_kind": item.deadline.map(|it| it.kind.code()), "escalation_level": item.escalation_level,
        "rating": item.rating, "title_hmac": digest(Some(&item.title)), "body_hmac": digest(Some(&item.body)),
        "location_hmac": digest(item.location_text.as_deref()),
        "reporter_name_hmac": digest(item.reporter_name.as_deref()),
        "reporter_contact_hmac": digest(item.reporter_contact.as_deref()),
    })
}

fn find_unit<'a>(units: &'a [Unit], given: &str) -> Option<&'a Unit> {
    let key = domain::org::alias_key(given);
    units.iter().find(|it| it.id.as_str() == given || domain::org::alias_key(&it.draft.code) == key)
}

fn check_files(files: Vec<NewFile>) -> Result<Vec<(NewFile, attachments::FileType)>, Vec<FieldProblem>> {
    if files.len() > attachments::MAX_FILES {
        let max = i64::try_from(attachments::MAX_FILES).unwrap_or(0);
        return Err(vec![FieldProblem { field: "files", problem: Problem::OutOfRange { min: 0, max } }]);
    }
    let mut accepted = Vec::new();
    let mut problems = Vec::new();
    for file in files {
        match attachments::accept(&file.file_name, file.bytes) {
            Ok((kind, bytes)) => accepted.push((NewFile { file_name: file.file_name, bytes }, kind)),
            Err(refusal) => problems.push(FieldProblem { field: "files", problem: Problem::File(refusal) }),
        }
    }
    if problems.is_empty() { Ok(accepted) } else { Err(problems) }
}

/// The key under which the same text from the same contact is recognised.
fn dedup_key(draft: &ItemDraft) -> String {
    let text: String = draft.body.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let contact = draft.reporter.as_ref().and_then(|it| it.contact.as_ref()).map(|it| it.as_str()).unwrap_or("");
    sha256_hex(format!("{}\u{1f}{text}\u{1f}{contact}", draft.title.to_lowercase()).as_bytes())
}

struct Prepared {
    tenant: domain::org::Tenant,
    draft: ItemDraft,
    reported: Option<UnitId>,
    reported_code: Option<String>,
    files: Vec<(NewFile, attachments::FileType)>,
    suggestion: Option<(UnitId, String)>,
}

/// What the write transaction needs to know, read before it starts so the write lock (SQLite's database lock,
/// PostgreSQL's number counter row and audit head) is held for the writes alone. A holiday or setting changed in
/// the milliseconds between is picked up by the next filing.
struct Context {
    calendar: domain::calendar::Calendar,
    settings: super::settings::ComplaintSettings,
    key: Option<ed25519_dalek::SigningKey>,
}

async fn read_context(cx: &ActionCx<'_>) -> Result<Context, StoreError> {
    let data = cx.db.tenant_data(cx.tenant).await?;
    Ok(Context { calendar: data.calendar.clone(), settings: data.settings.clone(), key: data.key.clone() })
}

/// Every check, before the write transaction starts.
async fn prepare(cx: &ActionCx<'_>, submission: &mut Submission) -> Result<Prepared, StoreError> {
    let data = cx.db.tenant_data(cx.tenant).await?;
    let (tenant, units) = (data.tenant.clone(), &data.units);
    let mut problems = Vec::new();
    let draft =
        submission.raw.parse(submission.source, tenant.zone.local_date(cx.now)).map_err(|it| problems.extend(it)).ok();
    // Checked even when other fields are wrong, so the reporter sees every problem at once.
    let reported = match Some(submission.raw.unit.trim()).filter(|it| !it.is_empty()) {
        Some(given) => match find_unit(units, given).filter(|it| it.draft.is_active) {
            Some(unit) => Some((unit.id.clone(), unit.draft.code.clone())),
            None => {
                problems.push(FieldProblem { field: "unit", problem: Problem::NotFound { given: given.to_owned() } });
                None
            }
        },
        None => None,
    };
    let files = check_files(std::mem::take(&mut submission.files)).map_err(|it| problems.extend(it)).ok();
    let (Some(draft), Some(files), true) = (draft, files, problems.is_empty()) else {
        return Err(StoreError::Invalid(problems));
    };
    let names: Vec<UnitNames> = units
        .iter()
        .filter(|it| it.draft.is_active)
        .map(|it| UnitNames {
            id: it.id.clone(),
            name: it.draft.name.clone(),
            aliases: it.draft.short_name.iter().chain(&it.draft.aliases).cloned().collect(),
        })
        .collect();
    let suggestion = suggest(&format!("{} {}", draft.title, draft.body), &names)
        .into_iter()
        .next()
        .map(|it| (it.unit, it.matched.join(", ")));
    let (reported, reported_code) = reported.unzip();
    Ok(Prepared { tenant, draft, reported, reported_code, files, suggestion })
}

fn new_item(
    cx: &ActionCx<'_>,
    prepared: &Prepared,
    submission: &Submission,
    number: String,
    verify: RunningDeadline,
) -> Item {
    let draft = &prepared.draft;
    Item {
        id: cx.ids.new_id(),
        number,
        kind: draft.kind,
        category: draft.category.clone(),
        channel: submission.channel,
        confidentiality: draft.confidentiality,
        title: draft.title.clone(),
        body: draft.body.clone(),
        location_text: draft.location.as_ref().and_then(|it| it.text.clone()),
        point: draft.location.as_ref().and_then(|it| it.point),
        reporter_name: draft.reporter.as_ref().and_then(|it| it.name.clone()),
        reporter_contact: draft.reporter.as_ref().and_then(|it| it.contact.as_ref()).map(|it| it.as_str().to_owned()),
        letter: draft.letter.as_ref().map(|it| (it.sender.clone(), it.number.clone(), it.date.to_string())),
        unit_id: None,
        reported_unit_id: prepared.reported.clone(),
        suggestion: prepared.suggestion.clone(),
        state: State::Received,
        tier: None,
        outcome: None,
        outcome_note: None,
        duplicate_of: None,
        split_from: None,
        deadline: Some(verify),
        escalation_level: 0,
        missed_deadlines: 0,
        rating: None,
        n_reopened: 0,
        possible_duplicate_of: None,
        registered_by: submission.registered_by.clone(),
        correction_requested: false,
        received_at_ms: cx.now_ms(),
        verified_at_ms: None,
        first_answer_at_ms: None,
        answer_due: None,
        closed_at_ms: None,
        updated_at_ms: cx.now_ms(),
    }
}

/// Files an item and returns its receipt; nothing is stored when any field or file is refused. The write joins
/// whatever other filings are waiting (`batch`); the receipt is signed only after that commit.
pub async fn file(cx: &ActionCx<'_>, mut submission: Submission) -> Result<Filed, StoreError> {
    let prepared = prepare(cx, &mut submission).await?;
    let key = dedup_key(&prepared.draft);
    let context = read_context(cx).await?;
    let year = prepared.tenant.zone.local_date(cx.now).year();
    let verify =
        deadline::start(DeadlineKind::Verify, Tiers::default(), &context.calendar, prepared.tenant.zone, cx.now);
    let verify = RunningDeadline { kind: verify.kind, due: verify.due, ends_at_ms: verify.ends_at.as_millisecond() };
    let item = new_item(cx, &prepared, &submission, String::new(), verify);
    let anonymous = item.confidentiality == domain::complaints::Confidentiality::Anonymous;
    let event = first_event(&submission, &item, verify);
    let secret = tracking::secret_from(cx.ids.secret());
    let job = super::batch::Job {
        tenant: cx.tenant.clone(),
        actor: cx.actor.clone(),
        now: cx.now,
        year,
        item,
        event,
        secret: secret.clone(),
        dedup_key: key,
        ip: submission.ip.clone().filter(|_| !anonymous),
        files: prepared.files,
        settings: context.settings,
        key: context.key,
        reply: tokio::sync::oneshot::channel().0,
    };
    let (item, signing) = super::batch::write(cx, job).await?;
    // Signed only once the item is committed, with the function the receipt page uses later.
    let receipt = super::reporter::sign(&signing, cx.tenant, prepared.tenant.zone, &item, prepared.reported_code);
    Ok(Filed { receipt, secret, item })
}

fn first_event(submission: &Submission, item: &Item, verify: RunningDeadline) -> Event {
    Event {
        seq: 1,
        at_ms: item.received_at_ms,
        party: if submission.source == Source::FrontDesk { Party::Unit } else { Party::Reporter },
        user_id: submission.registered_by.clone(),
        action: "masuk".to_owned(),
        state_after: State::Received,
        unit_id: item.reported_unit_id.clone(),
        body: None,
        visibility: Visibility::Public,
        deadline: Some((verify.kind, verify.due)),
    }
}
