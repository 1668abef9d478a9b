//! What the complaints API sends and accepts. Built from the page's view of an item, so the API shows exactly what
//! the same viewer would see on a page: a unit user never receives a confidential reporter's identity.

use domain::calendar::Zone;
use serde::{Deserialize, Serialize};
use store::complaints::{Event, Item};
use utoipa::ToSchema;

use crate::complaints::views::{ItemView, Viewer, sees_event};
use crate::view::format::rfc3339;

/// A new item from a citizen.
#[derive(Deserialize, ToSchema, Default)]
pub struct ComplaintIn {
    /// `pengaduan`, `aspirasi` or `permintaan_informasi`.
    #[serde(default)]
    pub kind: String,
    /// Category code (see the form or `GET /open311/v2/services.json`).
    #[serde(default)]
    pub category: String,
    /// Code of the unit concerned, when known.
    #[serde(default)]
    pub unit: Option<String>,
    /// Short title.
    #[serde(default)]
    pub title: String,
    /// What happened, at least 20 characters.
    #[serde(default)]
    pub body: String,
    /// The place in words.
    #[serde(default)]
    pub location: Option<String>,
    /// Latitude, WGS 84.
    #[serde(default)]
    pub latitude: Option<f64>,
    /// Longitude, WGS 84.
    #[serde(default)]
    pub longitude: Option<f64>,
    /// `publik`, `rahasia` (identity hidden from the unit) or `anonim` (no identity stored).
    #[serde(default)]
    pub confidentiality: String,
    /// Reporter's name; ignored for `anonim`.
    #[serde(default)]
    pub name: Option<String>,
    /// E-mail address or phone number; ignored for `anonim`.
    #[serde(default)]
    pub contact: Option<String>,
    /// Up to 3 JPEG, PNG or PDF files of at most 5 MB each.
    #[serde(default)]
    pub attachments: Vec<AttachmentIn>,
}

/// An attached file, its content in standard base64.
#[derive(Deserialize, ToSchema)]
pub struct AttachmentIn {
    /// File name as the reporter knows it.
    pub file_name: String,
    /// Content, base64 (RFC 4648, with padding).
    pub content_base64: String,
}

/// The receipt of a stored item. The secret is shown only here: keep it to follow the item.
#[derive(Serialize, ToSchema)]
pub struct ReceiptOut {
    /// Tracking number.
    pub number: String,
    /// Tracking secret (`ABCDE-FGHJK`); not stored in readable form, not shown again.
    pub secret: String,
    /// Signed receipt text (`PANTAU1.…`), verifiable with the tenant's public key.
    pub receipt: String,
    /// Public page that verifies the receipt.
    pub verify_url: String,
    /// Received, RFC 3339 with the Pemda's offset.
    pub received_at: String,
    /// The first deadline (verification), local date.
    pub due_date: Option<String>,
    /// Number of an earlier item with the same text and contact, when there is one.
    pub possible_duplicate_of: Option<String>,
}

/// Number and secret of an item, to follow it.
#[derive(Deserialize, ToSchema)]
pub struct TrackIn {
    /// Tracking number.
    pub number: String,
    /// Tracking secret, with or without the dash.
    pub secret: String,
}

/// A step by the reporter.
#[derive(Deserialize, ToSchema)]
pub struct ReporterStepIn {
    /// Tracking number.
    pub number: String,
    /// Tracking secret.
    pub secret: String,
    /// `balas` (reply), `nilai` (rate), `buka` (reopen), `selesai` (confirm), `cabut` (withdraw), `keberatan`
    /// (contest a closing) or `koreksi` (ask for a correction of personal data).
    pub action: String,
    /// Message; required for reply, reopen, contest and correction.
    #[serde(default)]
    pub message: Option<String>,
    /// Rating 1–5, for `nilai`.
    #[serde(default)]
    pub rating: Option<i64>,
}

/// The running deadline.
#[derive(Serialize, ToSchema)]
pub struct DeadlineOut {
    /// `verifikasi`, `tanggapan`, `penyelesaian`, `tutup_otomatis` or `keberatan`.
    pub kind: String,
    /// Last working day, local to the handling unit.
    pub due_date: String,
    /// The instant it passes, RFC 3339.
    pub ends_at: String,
    /// Whether it has passed.
    pub overdue: bool,
}

/// One step in the history.
#[derive(Serialize, ToSchema)]
pub struct EventOut {
    /// Position from 1.
    pub seq: i64,
    /// When, RFC 3339 in the handling unit's zone.
    pub at: String,
    /// `pelapor`, `admin`, `unit` or `sistem`.
    pub party: String,
    /// Action code.
    pub action: String,
    /// Message or answer.
    pub message: Option<String>,
    /// Whether only staff read it.
    pub internal: bool,
}

/// An item as its viewer may see it.
#[derive(Serialize, ToSchema)]
pub struct ComplaintOut {
    /// Pantau's id (staff only; the Open311 token).
    pub id: Option<String>,
    /// Tracking number.
    pub number: String,
    /// Kind code.
    pub kind: String,
    /// Category code.
    pub category: String,
    /// Title.
    pub title: String,
    /// Text.
    pub body: String,
    /// Place in words.
    pub location: Option<String>,
    /// Confidentiality code.
    pub confidentiality: String,
    /// State code: `diterima`, `didisposisikan`, `diproses`, `ditanggapi`, `keberatan`, `selesai`.
    pub state: String,
    /// State in the requested language.
    pub state_label: String,
    /// Handling unit's name.
    pub unit: Option<String>,
    /// Received, RFC 3339.
    pub received_at: String,
    /// The running deadline.
    pub deadline: Option<DeadlineOut>,
    /// 0 none, 1 unit head, 2 inspectorate and leaders.
    pub escalation_level: i64,
    /// Outcome code when closed.
    pub outcome: Option<String>,
    /// Reason, competent body or the other item's number.
    pub outcome_note: Option<String>,
    /// Follow-up tier code.
    pub tier: Option<String>,
    /// The reporter's rating, 1–5.
    pub rating: Option<i64>,
    /// Reporter's name, when this viewer may see it.
    pub reporter_name: Option<String>,
    /// Reporter's contact, when this viewer may see it.
    pub reporter_contact: Option<String>,
    /// True when an identity exists but is hidden from this viewer.
    pub identity_hidden: bool,
    /// Steps this viewer may read.
    pub events: Vec<EventOut>,
}

/// The item for a viewer, with times in its zones.
pub fn complaint_out(item: &Item, view: ItemView, events: &[Event], (viewer, zone): (Viewer, Zone)) -> ComplaintOut {
    let unit_zone = view.unit_zone;
    ComplaintOut {
        id: matches!(viewer, Viewer::Staff | Viewer::Administrator).then(|| item.id.clone()),
        number: item.number.clone(),
        kind: item.kind.code().to_owned(),
        category: item.category.clone(),
        title: view.title,
        body: view.body,
        location: view.location,
        confidentiality: item.confidentiality.code().to_owned(),
        state: item.state.code().to_owned(),
        state_label: view.state,
        unit: view.unit,
        received_at: rfc3339(item.received_at_ms, zone),
        deadline: item.deadline.map(|it| DeadlineOut {
            kind: it.kind.code().to_owned(),
            due_date: it.due.to_string(),
            ends_at: rfc3339(it.ends_at_ms, unit_zone),
            overdue: view.overdue,
        }),
        escalation_level: item.escalation_level,
        outcome: item.outcome.map(|it| it.code().to_owned()),
        outcome_note: view.outcome_note,
        tier: item.tier.map(|it| it.code().to_owned()),
        rating: item.rating,
        reporter_name: view.reporter_name,
        reporter_contact: view.reporter_contact,
        identity_hidden: view.identity_hidden,
        events: events
            .iter()
            .filter(|it| sees_event(viewer, it))
            .map(|event| EventOut {
                seq: event.seq,
                at: rfc3339(event.at_ms, unit_zone),
                party: event.party.code().to_owned(),
                action: event.action.clone(),
                message: event.body.clone().filter(|_| !event.action.starts_with("eskalasi")),
                internal: event.visibility == store::complaints::Visibility::Internal,
            })
            .collect(),
    }
}
