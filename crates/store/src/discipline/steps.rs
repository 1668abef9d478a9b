//! Stored steps back into a case state: each step is replayed through `Case::apply`, so a stored case is always
//! one the guards allowed (a step that no longer passes after a rules edit is reported as corrupt, not skipped).

use std::collections::BTreeMap;

use domain::calendar::Calendar;
use domain::discipline::{Case, Level, Rules, Step};

use crate::StoreError;

/// What a step row holds besides the step: the letter fields (number, place, time, examiner, record text, note).
pub type Details = BTreeMap<String, String>;

/// A stored step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredStep {
    /// Position in the case, from 1.
    pub seq: i64,
    /// The step.
    pub step: Step,
    /// Letter fields.
    pub details: Details,
    /// Who recorded it.
    pub by_user: Option<String>,
    /// When.
    pub at_ms: i64,
}

/// Replays the steps.
pub fn replay(rules: &Rules, calendar: &Calendar, level: Level, steps: &[StoredStep]) -> Result<Case, StoreError> {
    let mut case = Case::new(level);
    for stored in steps {
        case = case.apply(rules, calendar, &stored.step).map_err(|err| StoreError::Corrupt {
            table: "discipline_step",
            detail: format!("step {}: {err}", stored.seq),
        })?;
    }
    Ok(case)
}

/// The state column of a case.
pub fn state_of(case: &Case) -> &'static str {
    if case.dropped.is_some() {
        "dropped"
    } else if case.review.is_some() {
        "closed"
    } else if case.objection.is_some() {
        "objected"
    } else if case.delivered.is_some() {
        "delivered"
    } else if case.decision.is_some() {
        "decided"
    } else {
        "open"
    }
}

/// Parses a stored row.
pub fn parse_row(
    seq: i64,
    step: &str,
    details: &str,
    by_user: Option<String>,
    at_ms: i64,
) -> Result<StoredStep, StoreError> {
    Ok(StoredStep {
        seq,
        step: super::docs::read_step(step)?,
        details: super::docs::read_details(details)?,
        by_user,
        at_ms,
    })
}
