//! Unit scorecards and the leaders' watch list: every unit's figures for a period with their rank and trend, the
//! units the rules put on the list and why, and the rules a Pemda keeps. Unit heads see their own units only.

mod chart;
mod index;
mod query;
mod rows;
mod rules;
#[cfg(test)]
mod tests;
mod unit_page;
mod watch_page;
mod xlsx;

use axum::Router;
use axum::routing::get;

pub use rows::{COLUMNS, Scope, ScorecardRow, Scorecards, csv, load};

use crate::App;

/// The scorecard routes.
pub fn routes() -> Router<App> {
    Router::new()
        .route("/kinerja", get(index::page))
        .route("/kinerja.csv", get(index::csv_download))
        .route("/kinerja.xlsx", get(index::xlsx_download))
        .route("/kinerja/unit/{id}", get(unit_page::page))
        .route("/kinerja/pantauan", get(watch_page::page))
        .route("/kinerja/aturan", get(rules::page).post(rules::save))
        .route("/kinerja/aturan.toml", get(rules::download))
}
