//! What a leader decides about a unit on the watch list: the kinds of decision (a Pemda's data, the shipped ones in
//! `data/watch_decisions.toml`), the working-day deadline for the unit's answer, the checks of a new decision, and
//! where a decision stands on a given day.

use std::sync::LazyLock;

use jiff::civil::Date;
use serde::Deserialize;

use crate::calendar::Calendar;
use crate::problems::{FieldProblem, Problem, Problems, required_text};

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    kind: Vec<Kind>,
}

/// One kind of decision.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Kind {
    /// Stable code: `pembinaan`, `teguran`, `evaluasi_kinerja`, `pemeriksaan`, `usul_sanksi`, `tanpa_tindakan`.
    pub code: String,
    /// Working days the unit has to answer with a plan; 0 when no answer is asked.
    pub days: u32,
    /// Whether the decision is sent as a letter to the unit head.
    pub letter: bool,
    /// Where the deadline comes from.
    pub source: String,
}

/// The kinds of decision of a Pemda.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kinds(Vec<Kind>);

/// A kinds file that cannot be used.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum KindsError {
    /// Not TOML, or a field of the wrong type.
    #[error("decision kinds: {0}")]
    Syntax(String),
    /// A kind the procedure needs is missing or repeated, or its deadline is out of range.
    #[error("decision kinds: {0:?} is missing, repeated or out of range")]
    Kind(String),
}

/// Codes the pages and the letters rely on.
pub const REQUIRED: [&str; 6] =
    ["pembinaan", "teguran", "evaluasi_kinerja", "pemeriksaan", "usul_sanksi", "tanpa_tindakan"];

/// The kind that asks nothing of the unit: its note is the reason instead.
pub const NO_ACTION: &str = "tanpa_tindakan";

/// The shipped file, which a Pemda's edited copy replaces.
pub const SHIPPED_TEXT: &str = include_str!("../../../data/watch_decisions.toml");

static SHIPPED: LazyLock<Kinds> =
    LazyLock::new(|| Kinds::parse(SHIPPED_TEXT).expect("the shipped decision kinds are valid: tested"));

/// The kinds shipped with Pantau.
pub fn shipped() -> &'static Kinds {
    &SHIPPED
}

impl Kinds {
    /// Parses and checks a kinds file.
    pub fn parse(text: &str) -> Result<Kinds, KindsError> {
        let file: File = toml::from_str(text).map_err(|err| KindsError::Syntax(err.to_string()))?;
        for code in REQUIRED {
            if file.kind.iter().filter(|it| it.code == code).count() != 1 {
                return Err(KindsError::Kind(code.to_owned()));
            }
        }
        // Only "no action" asks nothing; every other kind gives the unit up to a year of working days.
        if let Some(bad) = file.kind.iter().find(|it| it.days > 250 || (it.code == NO_ACTION) != (it.days == 0)) {
            return Err(KindsError::Kind(bad.code.clone()));
        }
        Ok(Kinds(file.kind))
    }

    /// Every kind, in file order.
    pub fn all(&self) -> &[Kind] {
        &self.0
    }

    /// The kind with this code.
    pub fn find(&self, code: &str) -> Option<&Kind> {
        self.0.iter().find(|it| it.code == code.trim())
    }
}

/// A decision as asked for, before it is checked.
#[derive(Clone, Debug, Default)]
pub struct RawDecision {
    /// Kind code.
    pub kind: String,
    /// What is decided and why; for "no action", the reason.
    pub note: String,
}

/// A checked decision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decided {
    /// The kind.
    pub kind: Kind,
    /// The note.
    pub note: String,
    /// The last day of the unit's answer, when one is asked.
    pub due: Option<Date>,
}

/// Longest note.
pub const NOTE_MAX: usize = 2000;

impl RawDecision {
    /// Checks a decision taken on `today` (the unit's calendar) and gives its answer deadline.
    // Source: deadlines from the kinds file; the day of the decision is not counted (docs/REGULATIONS.md#hari-kerja).
    pub fn check(&self, kinds: &Kinds, calendar: &Calendar, today: Date) -> Result<Decided, Vec<FieldProblem>> {
        let mut problems = Problems::default();
        let kind = kinds.find(&self.kind).cloned();
        if kind.is_none() {
            problems.add("kind", Problem::UnknownCode { given: self.kind.trim().to_owned() });
        }
        let note = required_text(&mut problems, "note", &self.note, NOTE_MAX);
        let kind = problems.finish(|| kind)?.ok_or_else(Vec::new)?;
        let due = (kind.days > 0).then(|| calendar.add_workdays(today, kind.days));
        Ok(Decided { kind, note, due })
    }
}

/// Where a decision stands on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// Nothing is asked of the unit.
    NothingAsked,
    /// The unit's plan is awaited and the deadline has not passed.
    Awaited,
    /// The deadline passed without a plan, this many working days ago: the leader is told.
    Overdue(u32),
    /// The unit answered with its plan.
    Answered,
}

/// Where a decision with this deadline stands at the end of `today`, answered or not.
pub fn standing(calendar: &Calendar, due: Option<Date>, answered: bool, today: Date) -> Standing {
    match (due, answered) {
        (_, true) => Standing::Answered,
        (None, false) => Standing::NothingAsked,
        (Some(due), false) if today <= due => Standing::Awaited,
        (Some(due), false) => {
            let first = due.tomorrow().unwrap_or(due);
            Standing::Overdue(calendar.workdays_between(first, today))
        }
    }
}

#[cfg(test)]
mod tests;
