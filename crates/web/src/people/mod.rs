//! Staff accounts: the list of accounts the user may see, and the account form with its role grants.

mod pages;

use axum::Router;
use axum::routing::get;

use crate::App;

/// The routes of accounts.
pub fn routes() -> Router<App> {
    Router::new()
        .route("/pengguna", get(pages::index).post(pages::create))
        .route("/pengguna/baru", get(pages::new_form))
        .route("/pengguna/{id}", axum::routing::post(pages::update))
        .route("/pengguna/{id}/ubah", get(pages::edit_form))
}

#[cfg(test)]
mod tests;
