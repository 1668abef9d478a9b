//! The public form of a case's steps and breaches, shared by the JSON API, the record export and the case page:
//! defined here and mapped from the domain by hand, so a renamed domain field never changes what an integrator or
//! an exported record reads. The shape is the one the API has had since it was published: `kind` and the step's own
//! dates (`YYYY-MM-DD`), sanctions, the deciding level, the objection's `outcome`.

use domain::discipline::{Outcome, Step};
use serde::Serialize;
use store::discipline::cases::Breach;
use store::discipline::steps::{Details, StoredStep};
use utoipa::ToSchema;

/// A step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct StepOut {
    /// `summons`, `absent`, `examined`, `team_formed`, `relieved`, `dropped`, `islah`, `decided`,
    /// `absent_at_delivery`, `delivered`, `objection`, `reviewed`.
    pub kind: &'static str,
    /// Summons: sent on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sent: Option<String>,
    /// Summons: examination on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub examination: Option<String>,
    /// The date of every other dated step.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on: Option<String>,
    /// Decision: the sanction codes (the page shows their names).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sanctions: Option<Vec<String>>,
    /// Decision: the heaviest level the deciding official may impose.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authority: Option<&'static str>,
    /// Review: what the objection decided.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<OutcomeOut>,
}

/// What an objection or appeal decided.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct OutcomeOut {
    /// `confirmed`, `annulled`, `changed`.
    pub result: &'static str,
    /// The sanction now in force, when changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sanction: Option<String>,
}

impl StepOut {
    fn kind(kind: &'static str) -> StepOut {
        StepOut { kind, sent: None, examination: None, on: None, sanctions: None, authority: None, outcome: None }
    }

    fn dated(kind: &'static str, on: jiff::civil::Date) -> StepOut {
        StepOut { on: Some(on.to_string()), ..StepOut::kind(kind) }
    }
}

impl From<&Step> for StepOut {
    fn from(step: &Step) -> StepOut {
        match step {
            Step::Summons { sent, examination } => StepOut {
                sent: Some(sent.to_string()),
                examination: Some(examination.to_string()),
                ..StepOut::kind("summons")
            },
            Step::Absent => StepOut::kind("absent"),
            Step::Examined { on } => StepOut::dated("examined", *on),
            Step::TeamFormed => StepOut::kind("team_formed"),
            Step::Relieved { on } => StepOut::dated("relieved", *on),
            Step::Dropped { on } => StepOut::dated("dropped", *on),
            Step::Islah { on } => StepOut::dated("islah", *on),
            Step::Decided { on, sanctions, authority } => StepOut {
                sanctions: Some(sanctions.clone()),
                authority: Some(authority.code()),
                ..StepOut::dated("decided", *on)
            },
            Step::AbsentAtDelivery { on } => StepOut::dated("absent_at_delivery", *on),
            Step::Delivered { on } => StepOut::dated("delivered", *on),
            Step::Objection { on } => StepOut::dated("objection", *on),
            Step::Reviewed { on, outcome } => {
                let outcome = match outcome {
                    Outcome::Confirmed => OutcomeOut { result: "confirmed", sanction: None },
                    Outcome::Annulled => OutcomeOut { result: "annulled", sanction: None },
                    Outcome::Changed { sanction } => OutcomeOut { result: "changed", sanction: Some(sanction.clone()) },
                };
                StepOut { outcome: Some(outcome), ..StepOut::dated("reviewed", *on) }
            }
        }
    }
}

/// A recorded step.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct RecordedStepOut {
    /// Position in the case, from 1.
    pub seq: i64,
    /// The step.
    pub step: StepOut,
    /// Letter fields (number, place, time, examiner, record, note, official, …).
    pub details: Details,
    /// Who recorded it (user id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by_user: Option<String>,
    /// When, epoch milliseconds.
    pub at_ms: i64,
}

impl From<&StoredStep> for RecordedStepOut {
    fn from(stored: &StoredStep) -> RecordedStepOut {
        RecordedStepOut {
            seq: stored.seq,
            step: StepOut::from(&stored.step),
            details: stored.details.clone(),
            by_user: stored.by_user.clone(),
            at_ms: stored.at_ms,
        }
    }
}

/// An alleged breach.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct BreachOut {
    /// Catalogue code (`3d`).
    pub code: String,
    /// `unit`, `instansi`, `negara`.
    pub impact: String,
    /// `ringan`, `sedang`, `berat`.
    pub level: &'static str,
}

impl From<&Breach> for BreachOut {
    fn from(breach: &Breach) -> BreachOut {
        BreachOut { code: breach.code.clone(), impact: breach.impact.clone(), level: breach.level.code() }
    }
}
