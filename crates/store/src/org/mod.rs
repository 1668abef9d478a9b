//! Tenants, units (with aliases) and service points in storage.

pub mod actions;
pub mod documents;
pub mod queries;
mod rows;

pub use actions::{ImportOutcome, RowProblem};
