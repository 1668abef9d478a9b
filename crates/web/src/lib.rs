//! Pantau's web layer: server-rendered pages, the JSON API, sessions, translations, security and operations
//! endpoints.
//!
//! Invariant: this is the only crate that knows HTTP, HTML and JSON; handlers hold no SQL and no regulation
//! arithmetic, and every visible word comes from `locales/`.
#![warn(missing_docs)]

mod api;
mod app;
mod audit;
mod auth;
mod calendar;
mod complaints;
mod config;
mod dashboard;
mod discipline;
mod documents;
mod error;
mod files;
mod forms;
mod home;
mod i18n;
mod ids;
mod layout;
pub mod news;
mod ops;
mod org;
pub mod outbox;
mod people;
mod render;
pub mod scorecards;
mod security;
mod sheets;
mod staff;
mod surveys;
mod tenant;
mod view;

pub use app::{App, ConnectionLimits, router, serve, serve_router};
pub use audit::break_message;
pub use config::WebConfig;
pub use discipline::files as discipline_files;
pub use forms::message as problem_message;
pub use i18n::Lang;
pub use ids::RandomIds;
pub use ops::metrics_router;
pub use org::transfer as units_file;

#[cfg(test)]
mod testing;
