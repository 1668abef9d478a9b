//! Unit scorecards and the leaders' watch list: periods, what each item adds to its unit's figures, the figures
//! themselves, and the rules that put a unit on the list.
// Source: the figures and their periods are Pantau's (issue 17); the IKM categories are PermenPANRB 14/2017's; the
// PEKPPP ladders a scorecard is judged by are in ../shared/reference/evaluation.md.

pub mod decisions;
pub mod facts;
pub mod figures;
pub mod indicators;
pub mod period;
pub mod watch;
