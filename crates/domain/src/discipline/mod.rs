//! Civil-servant discipline (PP 94/2021, PerBKN 6/2022): the levels and sanctions, the unexcused-absence table and
//! the procedure's deadlines, read from `data/discipline.toml` (each entry with its source) so administrators can
//! correct them without a release; and the pure computations on them. No I/O: the caller passes the calendar.

mod absence;
pub mod attendance;
mod case;
mod deadlines;
pub mod employee;
mod rules;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_attendance;
#[cfg(test)]
mod tests_case;
#[cfg(test)]
mod tests_employee;

pub use absence::{AbsenceProposal, longest_run, propose};
pub use case::{Case, Refusal, Step, heaviest};
pub use deadlines::{Deadline, due};
pub use rules::{AbsenceRow, DeadlineRule, Level, Rules, RulesError, Sanction, shipped};
