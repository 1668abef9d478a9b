//! The unit register: the tenant's settings, units as a tree with aliases, service points, CSV/XLSX import and
//! export.

pub mod pages;
pub mod transfer;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};

use crate::App;

/// The routes of the unit register.
pub fn routes() -> Router<App> {
    Router::new()
        .route("/pemda", get(pages::tenant::edit_form).post(pages::tenant::update))
        .route("/pemda/dokumen", get(pages::documents::edit_form).post(pages::documents::update))
        .route("/pemda/dokumen/contoh.pdf", get(pages::documents::sample))
        .route(
            "/pemda/dokumen/logo",
            get(pages::documents::logo)
                .post(pages::documents::upload_logo)
                .layer(DefaultBodyLimit::max(domain::org::LOGO_MAX_BYTES + 64 * 1024)),
        )
        .route("/pemda/dokumen/logo/hapus", post(pages::documents::remove_logo))
        .route("/unit", get(pages::units::index).post(pages::unit_form::create))
        .route("/unit/baru", get(pages::unit_form::new_form))
        .route("/unit/impor", get(pages::import::form).post(pages::import::upload))
        .route("/unit/ekspor.csv", get(pages::import::export_csv))
        .route("/unit/ekspor.xlsx", get(pages::import::export_xlsx))
        .route("/unit/templat.csv", get(pages::import::template_csv))
        .route("/unit/{id}", get(pages::units::show).post(pages::unit_form::update))
        .route("/unit/{id}/ubah", get(pages::unit_form::edit_form))
        .route("/unit/{id}/layanan", post(pages::service_points::create))
        .route("/unit/{id}/layanan/baru", get(pages::service_points::new_form))
        .route("/unit/{id}/layanan/{point}", post(pages::service_points::update))
        .route("/unit/{id}/layanan/{point}/ubah", get(pages::service_points::edit_form))
        .route("/unit/{id}/layanan/{point}/hapus", post(pages::service_points::delete))
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_documents;
