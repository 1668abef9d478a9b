//! Pantau's storage layer: one code base over SQLite and PostgreSQL through sqlx's `Any` driver.
//!
//! Invariants: this is the only crate with SQL; every statement filters by tenant; engine-specific SQL appears only
//! inside a `match` on [`db::Backend`]; every action writes its audit entry in the same transaction as its change.
#![warn(missing_docs)]

pub mod action;
pub mod audit;
pub mod bench;
pub mod cache;
pub mod calendar;
pub mod complaints;
pub mod db;
pub mod demo;
pub mod discipline;
pub mod docs;
pub mod error;
pub mod evaluation;
pub mod news;
pub mod numbering;
pub mod org;
pub mod people;
pub mod rule_files;
pub mod scorecards;
pub mod secrets;
mod sql;
pub mod surveys;

pub use action::{ActionCx, Actor, IdSource};
pub use db::{Backend, Conn, Db, Durability};
pub use error::{Refusal, StoreError};
