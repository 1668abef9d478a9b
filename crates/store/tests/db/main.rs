//! Storage tests, each run on SQLite and PostgreSQL through `testkit::db_test!`.
//!
//! They live here rather than beside each module because `testkit` depends on `store`: inside the crate a test
//! would see two copies of every store type.

extern crate pantau_store as store;

mod audit;
mod calendar;
mod org;
mod people;
