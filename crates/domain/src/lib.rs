//! Pantau's pure rules and types: working-day calendars, units and regions, roles and their scope,
//! and the audit-chain hash. Nothing here reads the clock, a file, the network or a random source.
#![warn(missing_docs)]

pub mod audit;
pub mod calendar;
pub mod complaints;
pub mod discipline;
pub mod evaluation;
pub mod ids;
pub mod org;
pub mod people;
pub mod problems;
pub mod scorecards;
pub mod surveys;
