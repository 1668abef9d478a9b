//! Complaints and letters in storage: intake with its receipt, the steps of the lifecycle, the queue and public
//! lists, redaction, notifications waiting to be delivered, the escalation job, API keys and receipt keys.

pub mod actions;
pub mod batch;
pub mod deliveries;
pub mod escalation;
pub mod intake;
pub mod keys;
pub mod lists;
pub mod notify;
pub mod queries;
pub mod redaction;
pub mod reporter;
mod rows;
pub mod settings;

use domain::complaints::{Channel, Confidentiality, DeadlineKind, Kind, Outcome, Party, State, Tier};
use domain::ids::UnitId;
use jiff::civil::Date;

/// A stored item as staff and the reporter see it (what each may see is decided by the web layer).
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// Internal id; also the Open311 token.
    pub id: String,
    /// Tracking number.
    pub number: String,
    /// Kind.
    pub kind: Kind,
    /// Category code.
    pub category: String,
    /// Channel.
    pub channel: Channel,
    /// Confidentiality.
    pub confidentiality: Confidentiality,
    /// Title.
    pub title: String,
    /// Text.
    pub body: String,
    /// Place in words.
    pub location_text: Option<String>,
    /// Coordinates.
    pub point: Option<(f64, f64)>,
    /// Reporter's name (never for anonymous items).
    pub reporter_name: Option<String>,
    /// Reporter's contact (never for anonymous items).
    pub reporter_contact: Option<String>,
    /// Letter particulars: sender, number, date.
    pub letter: Option<(String, String, String)>,
    /// Handling unit.
    pub unit_id: Option<UnitId>,
    /// Unit named by the reporter.
    pub reported_unit_id: Option<UnitId>,
    /// Unit suggested from the text, and the words that matched.
    pub suggestion: Option<(UnitId, String)>,
    /// State.
    pub state: State,
    /// Follow-up tier chosen by the unit.
    pub tier: Option<Tier>,
    /// Outcome when closed.
    pub outcome: Option<Outcome>,
    /// The reason, the competent body, or the other item's number.
    pub outcome_note: Option<String>,
    /// Number of the item this one duplicates.
    pub duplicate_of: Option<String>,
    /// Number of the item this one was split from.
    pub split_from: Option<String>,
    /// Running deadline.
    pub deadline: Option<RunningDeadline>,
    /// The last day for the handling unit's first answer, kept after the answer for the scorecard.
    pub answer_due: Option<Date>,
    /// 0 none, 1 unit head, 2 inspectorate and leader.
    pub escalation_level: i64,
    /// Deadlines missed so far.
    pub missed_deadlines: i64,
    /// Reporter's rating of the answer, 1–5.
    pub rating: Option<i64>,
    /// Times the reporter reopened it.
    pub n_reopened: i64,
    /// Number of an item with the same text and contact filed within a day before.
    pub possible_duplicate_of: Option<String>,
    /// Front-desk user who registered it.
    pub registered_by: Option<String>,
    /// A correction of personal data is waiting.
    pub correction_requested: bool,
    /// Received, epoch ms.
    pub received_at_ms: i64,
    /// Verified, epoch ms.
    pub verified_at_ms: Option<i64>,
    /// First answer by the unit, epoch ms.
    pub first_answer_at_ms: Option<i64>,
    /// Closed, epoch ms.
    pub closed_at_ms: Option<i64>,
    /// Last change, epoch ms.
    pub updated_at_ms: i64,
}

/// The deadline an item currently runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RunningDeadline {
    /// Kind.
    pub kind: DeadlineKind,
    /// Last working day, local to the handling unit.
    pub due: Date,
    /// The instant it passes, epoch ms.
    pub ends_at_ms: i64,
}

impl Item {
    /// Whether the deadline has passed at `now_ms`.
    pub fn is_overdue(&self, now_ms: i64) -> bool {
        self.deadline.is_some_and(|it| it.ends_at_ms <= now_ms)
    }
}

/// Who may read an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Visibility {
    /// The reporter and, for publicly listed items, everyone.
    Public,
    /// The reporter and staff.
    Reporter,
    /// Staff only.
    Internal,
}

impl Visibility {
    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            Visibility::Public => "publik",
            Visibility::Reporter => "pelapor",
            Visibility::Internal => "internal",
        }
    }

    /// Parses a code.
    pub fn parse(code: &str) -> Option<Visibility> {
        [Visibility::Public, Visibility::Reporter, Visibility::Internal].into_iter().find(|it| it.code() == code)
    }
}

/// One step in an item's history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// Position from 1.
    pub seq: i64,
    /// When, epoch ms.
    pub at_ms: i64,
    /// Who, as a party.
    pub party: Party,
    /// The staff user, when staff acted.
    pub user_id: Option<String>,
    /// Action code (domain::complaints::Action::code, or `masuk` for the filing).
    pub action: String,
    /// State after the step.
    pub state_after: State,
    /// Handling unit after the step.
    pub unit_id: Option<UnitId>,
    /// Message or answer.
    pub body: Option<String>,
    /// Who may read it.
    pub visibility: Visibility,
    /// Deadline started by the step.
    pub deadline: Option<(DeadlineKind, Date)>,
}

/// An attached file's description.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attachment {
    /// Id.
    pub id: String,
    /// The event it belongs to, or `None` for the filing.
    pub event_seq: Option<i64>,
    /// Name as uploaded.
    pub file_name: String,
    /// Media type.
    pub media_type: String,
    /// Size.
    pub size_bytes: i64,
    /// Removed on the reporter's request.
    pub is_redacted: bool,
}

/// A file as uploaded, before checks.
#[derive(Clone, Debug)]
pub struct NewFile {
    /// Name as uploaded.
    pub file_name: String,
    /// Content.
    pub bytes: Vec<u8>,
}
