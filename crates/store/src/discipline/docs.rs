//! The stored forms of a case's steps (`discipline_step.step`), breaches (`discipline_case.breaches`) and letter
//! fields (`discipline_step.details`), mapped by hand to and from the domain's types. Version 1 is the shape these
//! columns had before versions existed.

use domain::discipline::{Level, Outcome, Step};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::cases::Breach;
use super::steps::Details;
use crate::StoreError;

/// Newest version of every document here.
pub const VERSION: u32 = 1;

/// A step as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub(crate) enum StepDoc {
    /// See `Step::Summons`.
    Summons { sent: Date, examination: Date },
    /// See `Step::Absent`.
    Absent,
    /// See `Step::Examined`.
    Examined { on: Date },
    /// See `Step::TeamFormed`.
    TeamFormed,
    /// See `Step::Relieved`.
    Relieved { on: Date },
    /// See `Step::Dropped`.
    Dropped { on: Date },
    /// See `Step::Islah`.
    Islah { on: Date },
    /// See `Step::Decided`; `authority` is a level code.
    Decided { on: Date, sanctions: Vec<String>, authority: String },
    /// See `Step::AbsentAtDelivery`.
    AbsentAtDelivery { on: Date },
    /// See `Step::Delivered`.
    Delivered { on: Date },
    /// See `Step::Objection`.
    Objection { on: Date },
    /// See `Step::Reviewed`.
    Reviewed { on: Date, outcome: OutcomeDoc },
}

/// An objection's outcome as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub(crate) enum OutcomeDoc {
    /// See `Outcome::Confirmed`.
    Confirmed,
    /// See `Outcome::Annulled`.
    Annulled,
    /// See `Outcome::Changed`.
    Changed { sanction: String },
}

impl From<&Step> for StepDoc {
    fn from(step: &Step) -> StepDoc {
        match step.clone() {
            Step::Summons { sent, examination } => StepDoc::Summons { sent, examination },
            Step::Absent => StepDoc::Absent,
            Step::Examined { on } => StepDoc::Examined { on },
            Step::TeamFormed => StepDoc::TeamFormed,
            Step::Relieved { on } => StepDoc::Relieved { on },
            Step::Dropped { on } => StepDoc::Dropped { on },
            Step::Islah { on } => StepDoc::Islah { on },
            Step::Decided { on, sanctions, authority } => {
                StepDoc::Decided { on, sanctions, authority: authority.code().to_owned() }
            }
            Step::AbsentAtDelivery { on } => StepDoc::AbsentAtDelivery { on },
            Step::Delivered { on } => StepDoc::Delivered { on },
            Step::Objection { on } => StepDoc::Objection { on },
            Step::Reviewed { on, outcome } => StepDoc::Reviewed {
                on,
                outcome: match outcome {
                    Outcome::Confirmed => OutcomeDoc::Confirmed,
                    Outcome::Annulled => OutcomeDoc::Annulled,
                    Outcome::Changed { sanction } => OutcomeDoc::Changed { sanction },
                },
            },
        }
    }
}

impl StepDoc {
    /// The domain's step.
    pub(crate) fn into_step(self) -> Result<Step, StoreError> {
        Ok(match self {
            StepDoc::Summons { sent, examination } => Step::Summons { sent, examination },
            StepDoc::Absent => Step::Absent,
            StepDoc::Examined { on } => Step::Examined { on },
            StepDoc::TeamFormed => Step::TeamFormed,
            StepDoc::Relieved { on } => Step::Relieved { on },
            StepDoc::Dropped { on } => Step::Dropped { on },
            StepDoc::Islah { on } => Step::Islah { on },
            StepDoc::Decided { on, sanctions, authority } => {
                Step::Decided { on, sanctions, authority: level_of(&authority, "discipline_step")? }
            }
            StepDoc::AbsentAtDelivery { on } => Step::AbsentAtDelivery { on },
            StepDoc::Delivered { on } => Step::Delivered { on },
            StepDoc::Objection { on } => Step::Objection { on },
            StepDoc::Reviewed { on, outcome } => Step::Reviewed {
                on,
                outcome: match outcome {
                    OutcomeDoc::Confirmed => Outcome::Confirmed,
                    OutcomeDoc::Annulled => Outcome::Annulled,
                    OutcomeDoc::Changed { sanction } => Outcome::Changed { sanction },
                },
            },
        })
    }
}

/// A level from its stored code.
pub fn level_of(code: &str, table: &'static str) -> Result<Level, StoreError> {
    [Level::Ringan, Level::Sedang, Level::Berat]
        .into_iter()
        .find(|it| it.code() == code)
        .ok_or_else(|| StoreError::corrupt(table, format!("level {code}")))
}

/// A step's stored text.
pub fn write_step(step: &Step) -> String {
    crate::docs::write(VERSION, &StepDoc::from(step))
}

/// A step from its stored text.
pub fn read_step(text: &str) -> Result<Step, StoreError> {
    let (version, doc): (u32, StepDoc) = crate::docs::read(text, "discipline_step")?;
    crate::docs::known(version, VERSION, "discipline_step")?;
    doc.into_step()
}

/// A breach as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct BreachDoc {
    code: String,
    impact: String,
    level: String,
}

fn breach_docs(breaches: &[Breach]) -> Vec<BreachDoc> {
    breaches
        .iter()
        .map(|it| BreachDoc { code: it.code.clone(), impact: it.impact.clone(), level: it.level.code().to_owned() })
        .collect()
}

/// The breaches' stored text.
pub fn write_breaches(breaches: &[Breach]) -> String {
    crate::docs::write(VERSION, &breach_docs(breaches))
}

/// The breaches as the audit entry of an opening records them.
pub fn breaches_json(breaches: &[Breach]) -> serde_json::Value {
    serde_json::to_value(breach_docs(breaches)).unwrap_or_default()
}

/// The breaches from their stored text.
pub fn read_breaches(text: &str) -> Result<Vec<Breach>, StoreError> {
    let (version, docs): (u32, Vec<BreachDoc>) = crate::docs::read(text, "discipline_case")?;
    crate::docs::known(version, VERSION, "discipline_case")?;
    docs.into_iter()
        .map(|it| Ok(Breach { level: level_of(&it.level, "discipline_case")?, code: it.code, impact: it.impact }))
        .collect()
}

/// The letter fields' stored text.
pub fn write_details(details: &Details) -> String {
    crate::docs::write(VERSION, details)
}

/// The letter fields from their stored text.
pub fn read_details(text: &str) -> Result<Details, StoreError> {
    let (version, details): (u32, Details) = crate::docs::read(text, "discipline_step")?;
    crate::docs::known(version, VERSION, "discipline_step")?;
    Ok(details)
}
