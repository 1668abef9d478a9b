//! What pages show of an item, decided once: labels in the page's language, times in the unit's zone, and the
//! reporter's identity only for those allowed to see it.

use domain::calendar::Zone;

use crate::view::format::{local_date, local_time};
use domain::complaints::{Confidentiality, Kind, find_category};
use serde::Serialize;
use store::complaints::{Attachment, Event, Item, Visibility};

use crate::i18n::Lang;

/// Who looks at an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Viewer {
    /// Anyone, on the public list.
    Public,
    /// The reporter, holding the secret.
    Reporter,
    /// Staff of the handling unit, inspectors, leaders.
    Staff,
    /// A complaint administrator.
    Administrator,
}

/// A choice in a select box.
#[derive(Serialize)]
pub struct Choice {
    /// Submitted value.
    pub value: String,
    /// Shown label.
    pub label: String,
}

#[derive(Serialize)]
pub struct EventView {
    seq: i64,
    at: String,
    party: String,
    action: String,
    body: Option<String>,
    due: Option<String>,
    internal: bool,
}

#[derive(Serialize)]
pub struct AttachmentView {
    id: String,
    file_name: String,
    size_kb: i64,
    is_redacted: bool,
}

#[derive(Serialize)]
pub struct ItemView {
    pub id: String,
    pub number: String,
    pub kind: String,
    pub kind_code: &'static str,
    pub category: String,
    pub title: String,
    pub body: String,
    pub location: Option<String>,
    pub state: String,
    pub state_code: &'static str,
    pub confidentiality: String,
    pub confidentiality_code: &'static str,
    pub unit: Option<String>,
    pub reported_unit: Option<String>,
    pub suggestion: Option<(String, String)>,
    pub received: String,
    pub due: Option<String>,
    pub deadline: Option<String>,
    pub overdue: bool,
    pub escalation_level: i64,
    pub outcome: Option<String>,
    pub outcome_note: Option<String>,
    pub tier: Option<String>,
    pub rating: Option<i64>,
    pub reporter_name: Option<String>,
    pub reporter_contact: Option<String>,
    pub identity_hidden: bool,
    pub letter: Option<(String, String, String)>,
    pub possible_duplicate_of: Option<String>,
    pub split_from: Option<String>,
    pub correction_requested: bool,
    pub events: Vec<EventView>,
    pub attachments: Vec<AttachmentView>,
    /// The handling unit's zone (the tenant's before assignment), for machine-readable times.
    #[serde(skip)]
    pub unit_zone: Zone,
}

/// Whether a viewer may read an event.
pub fn sees_event(viewer: Viewer, event: &Event) -> bool {
    match viewer {
        Viewer::Administrator | Viewer::Staff => true,
        Viewer::Reporter => event.visibility != Visibility::Internal,
        Viewer::Public => event.visibility == Visibility::Public,
    }
}

fn label(lang: Lang, group: &str, code: &str) -> String {
    lang.t(&format!("complaints.{group}.{code}")).to_owned()
}

/// The label of an event's action (`tutup:tuntas` → the closing's outcome).
pub fn action_label(lang: Lang, code: &str) -> String {
    match code.split_once(':') {
        Some(("tutup", outcome)) => {
            format!("{} · {}", label(lang, "actions", "tutup"), label(lang, "outcomes", outcome))
        }
        Some(("tanggapan_awal", tier)) => {
            format!("{} · {}", label(lang, "actions", "tanggapan_awal"), label(lang, "tiers", tier))
        }
        _ => label(lang, "actions", code),
    }
}

/// The category's name in the page's language.
pub fn category_label(lang: Lang, code: &str) -> String {
    find_category(code).map_or_else(
        || code.to_owned(),
        |it| match lang {
            Lang::Id => it.name_id.clone(),
            Lang::En => it.name_en.clone(),
        },
    )
}

/// Categories as choices.
pub fn category_choices(lang: Lang) -> Vec<Choice> {
    domain::complaints::categories()
        .iter()
        .map(|it| Choice { value: it.code.clone(), label: category_label(lang, &it.code) })
        .collect()
}

/// Kinds a citizen may choose (letters are registered at a front desk).
pub fn kind_choices(lang: Lang, with_letters: bool) -> Vec<Choice> {
    Kind::ALL
        .iter()
        .filter(|it| with_letters || **it != Kind::SuratMasuk)
        .map(|it| Choice { value: it.code().to_owned(), label: label(lang, "kinds", it.code()) })
        .collect()
}

/// Units as choices: code and name.
pub fn unit_choices(units: &[domain::org::Unit]) -> Vec<Choice> {
    units
        .iter()
        .filter(|it| it.draft.is_active)
        .map(|it| Choice { value: it.draft.code.clone(), label: it.draft.name.clone() })
        .collect()
}

/// Context for building a view.
pub struct ViewCx<'a> {
    /// Language.
    pub lang: Lang,
    /// Zone of the tenant (used when no unit handles the item yet).
    pub zone: Zone,
    /// Units of the tenant.
    pub units: &'a [domain::org::Unit],
    /// Who looks.
    pub viewer: Viewer,
    /// Now, epoch ms.
    pub now_ms: i64,
}

impl ViewCx<'_> {
    fn unit_name(&self, id: Option<&domain::ids::UnitId>) -> Option<String> {
        let id = id?;
        self.units.iter().find(|it| &it.id == id).map(|it| it.draft.name.clone())
    }

    fn zone_of(&self, item: &Item) -> Zone {
        item.unit_id
            .as_ref()
            .and_then(|id| self.units.iter().find(|it| &it.id == id))
            .map_or(self.zone, |it| it.draft.zone)
    }

    fn events(&self, events: &[Event], zone: Zone) -> Vec<EventView> {
        let lang = self.lang;
        events
            .iter()
            .filter(|it| sees_event(self.viewer, it))
            .map(|event| EventView {
                seq: event.seq,
                at: local_time(event.at_ms, zone),
                party: label(lang, "parties", event.party.code()),
                action: action_label(lang, &event.action),
                body: event.body.clone().filter(|_| !event.action.starts_with("eskalasi")),
                due: event
                    .deadline
                    .map(|(kind, due)| format!("{}: {}", label(lang, "deadlines", kind.code()), local_date(due))),
                internal: event.visibility == Visibility::Internal,
            })
            .collect()
    }

    fn attachments(&self, attachments: &[Attachment]) -> Vec<AttachmentView> {
        attachments
            .iter()
            .filter(|_| matches!(self.viewer, Viewer::Administrator | Viewer::Staff))
            .map(|it| AttachmentView {
                id: it.id.clone(),
                file_name: it.file_name.clone(),
                size_kb: (it.size_bytes + 1023) / 1024,
                is_redacted: it.is_redacted,
            })
            .collect()
    }

    /// The view of an item with the events and attachments the viewer may see.
    pub fn item(&self, item: &Item, events: &[Event], attachments: &[Attachment]) -> ItemView {
        let lang = self.lang;
        let zone = self.zone_of(item);
        let sees_identity = match self.viewer {
            Viewer::Administrator | Viewer::Reporter => true,
            Viewer::Staff => item.confidentiality == Confidentiality::Public,
            Viewer::Public => false,
        };
        ItemView {
            id: item.id.clone(),
            number: item.number.clone(),
            kind: label(lang, "kinds", item.kind.code()),
            kind_code: item.kind.code(),
            category: category_label(lang, &item.category),
            title: item.title.clone(),
            body: item.body.clone(),
            location: item.location_text.clone(),
            state: label(lang, "states", item.state.code()),
            state_code: item.state.code(),
            confidentiality: label(lang, "confidentiality", item.confidentiality.code()),
            confidentiality_code: item.confidentiality.code(),
            unit: self.unit_name(item.unit_id.as_ref()),
            reported_unit: self.unit_name(item.reported_unit_id.as_ref()),
            suggestion: match self.viewer {
                Viewer::Administrator => item
                    .suggestion
                    .as_ref()
                    .and_then(|(id, words)| self.unit_name(Some(id)).map(|name| (name, words.clone()))),
                _ => None,
            },
            received: local_time(item.received_at_ms, self.zone),
            due: item.deadline.map(|it| local_date(it.due)),
            deadline: item.deadline.map(|it| label(lang, "deadlines", it.kind.code())),
            overdue: item.is_overdue(self.now_ms),
            escalation_level: item.escalation_level,
            outcome: item.outcome.map(|it| label(lang, "outcomes", it.code())),
            outcome_note: match item.outcome_note.as_deref() {
                // The deadline job closes with this marker; the page says it in words.
                Some("tutup_otomatis") => Some(lang.t("complaints.item.auto_closed").to_owned()),
                other => other.map(str::to_owned),
            },
            tier: item.tier.map(|it| label(lang, "tiers", it.code())),
            rating: item.rating,
            reporter_name: item.reporter_name.clone().filter(|_| sees_identity),
            reporter_contact: item.reporter_contact.clone().filter(|_| sees_identity),
            identity_hidden: !sees_identity && (item.reporter_name.is_some() || item.reporter_contact.is_some()),
            letter: item.letter.clone().map(|(sender, number, date)| {
                let shown = date.parse::<jiff::civil::Date>().map_or(date, local_date);
                (sender, number, shown)
            }),
            possible_duplicate_of: item.possible_duplicate_of.clone().filter(|_| self.viewer != Viewer::Public),
            split_from: item.split_from.clone(),
            correction_requested: item.correction_requested,
            events: self.events(events, zone),
            attachments: self.attachments(attachments),
            unit_zone: zone,
        }
    }
}
