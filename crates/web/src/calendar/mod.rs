//! The working-day calendar: a year at a glance with every holiday and its legal basis, a deadline calculator,
//! and the administrator's regional holidays and adjustments.

mod pages;

use axum::Router;
use axum::routing::{get, post};

use crate::App;

/// The routes of the calendar.
pub fn routes() -> Router<App> {
    Router::new()
        .route("/kalender", get(pages::index))
        .route("/kalender/entri", post(pages::add_entry))
        .route("/kalender/entri/{id}/hapus", post(pages::delete_entry))
}

#[cfg(test)]
mod tests;
