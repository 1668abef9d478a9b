//! Unit scorecards in storage: the running sums every item adds to its unit (`record`), read back per period
//! (`sums`) straight or through the process's figures cache (`reader`, `cache`, `stamps`), recomputed from the items (`rebuild`), and put together into a unit's card (`cards`); the watch list
//! (`watch`), the units' own indicators (`indicators`), its history (`episodes`), the leaders' decisions about listed units (`decisions`) and the minute job
//! that keeps the history and escalates lapsed decisions (`sweep`).
//!
//! An item's facts depend on its handling unit, kind, state, receipt, distribution, first-answer deadline, first
//! answer, closing and rating; every write that can change one of them calls [`update_sums_for_item`] in its own
//! transaction. The rebuild test on both engines catches a write that forgets to.

pub mod bench;
pub mod cache;
pub mod cards;
pub mod decisions;
pub mod digest;
pub mod episodes;
pub mod indicators;
pub mod reader;
pub mod rebuild;
mod record;
pub mod stamps;
pub mod sums;
pub mod sweep;
pub mod watch;

pub use record::{
    When, update_sums_for_events, update_sums_for_item, update_sums_for_new_items, update_sums_for_reporter_step,
};
