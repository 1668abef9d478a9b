//! Storage tests, each run on SQLite and PostgreSQL through `testkit::db_test!`.
//!
//! They live here rather than beside each module because `testkit` depends on `store`: inside the crate a test
//! would see two copies of every store type.

// Tests may unwrap (STYLE.md E6); clippy's allow-unwrap-in-tests does not reach the async bodies that
// `db_test!` wraps, so the test crate says it once here.
#![allow(clippy::unwrap_used)]

extern crate pantau_store as store;

mod audit;
mod calendar;
mod complaints;
mod discipline;
mod docs;
mod indicators;
mod news;
mod org;
mod people;
mod schema;
mod scorecards;
mod sql;
mod surveys;
