//! Civil-servant discipline (PP 94/2021, PerBKN 6/2022): the levels and sanctions, the unexcused-absence table and
//! the procedure's deadlines, read from `data/discipline.toml` (each entry with its source) so administrators can
//! correct them without a release; and the pure computations on them. No I/O: the caller passes the calendar.

mod absence;
mod agenda;
pub mod attendance;
mod case;
pub mod catalogue;
mod deadlines;
pub mod employee;
mod handling;
mod rules;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_agenda;
#[cfg(test)]
mod tests_attendance;
#[cfg(test)]
mod tests_authority;
#[cfg(test)]
mod tests_case;
#[cfg(test)]
mod tests_employee;
#[cfg(test)]
mod tests_handling;

pub use absence::{AbsenceProposal, longest_run, propose};
pub use agenda::Due;
pub use case::{Case, Outcome, Refusal, Step, heaviest};
pub use catalogue::{Authority, Impact, Item, Power};
pub use deadlines::{Deadline, due};
pub use handling::{Breach, Membership, Reach, RecordProblem, breaches, check_examination_record, check_team, reach};
pub use rules::{AbsenceRow, AuthorityRefusal, DEADLINES, DeadlineRule, Level, Rules, RulesError, Sanction, shipped};
