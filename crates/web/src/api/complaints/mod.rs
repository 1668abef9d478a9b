//! `/api/v1/complaints`: citizens file and follow items without an account; signed-in staff read their queue.

pub mod citizen;
pub mod staff;
pub mod wire;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};

use crate::App;

/// Three 5 MB attachments in base64 and the fields around them.
pub(crate) const BODY_LIMIT: usize = 22 * 1024 * 1024;

/// The routes.
pub fn routes() -> Router<App> {
    Router::new()
        .route("/api/v1/complaints", get(staff::list).post(citizen::create).layer(DefaultBodyLimit::max(BODY_LIMIT)))
        .route("/api/v1/complaints/track", post(citizen::track))
        .route("/api/v1/complaints/track/steps", post(citizen::step))
        .route("/api/v1/complaints/{id}", get(staff::get))
}

#[cfg(test)]
mod tests;
