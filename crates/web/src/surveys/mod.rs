//! Public satisfaction surveys (SKM): the phone form and kiosk, staff pages for services, surveys, paper imports,
//! held responses and follow-up plans, the report pages with their PDF and XLSX, and the JSON API.

mod exports;
pub(crate) mod import;
mod kiosk;
pub(crate) mod pdf;
mod report;
pub mod report_model;
pub(crate) mod report_parts;
pub(crate) mod respond;
mod staff;
mod survey_page;
pub(crate) mod visitor;
mod xlsx;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};

use crate::App;

/// The routes of the survey area.
pub fn routes() -> Router<App> {
    Router::new()
        .route("/s/{code}", get(respond::form).post(respond::submit_web))
        .route("/s/{code}/terima-kasih", get(respond::thanks))
        .route("/s/{code}/poster.pdf", get(exports::poster))
        .route("/kiosk", get(kiosk::home))
        .route("/kiosk/aktifkan", post(kiosk::activate))
        .route("/kiosk/{code}", get(respond::kiosk_form).post(respond::kiosk_submit))
        .route("/skm", get(staff::overview))
        .route("/skm/layanan", post(staff::create_service))
        .route("/skm/layanan/{id}", post(staff::update_service))
        .route("/skm/survei", post(staff::open_survey))
        .route("/skm/survei/{id}", get(survey_page::show))
        .route("/skm/survei/{id}/pengaturan", post(survey_page::save_settings))
        .route("/skm/survei/{id}/status", post(survey_page::set_state))
        .route("/skm/survei/{id}/tinjau", post(survey_page::decide))
        .route("/skm/survei/{id}/impor", post(survey_page::import).layer(DefaultBodyLimit::max(import::UPLOAD_LIMIT)))
        .route("/skm/kiosk/{id}/cabut", post(kiosk::revoke))
        .route("/skm/templat.csv", get(import::template_csv))
        .route("/skm/templat.xlsx", get(import::template_xlsx))
        .route("/skm/laporan", get(report::show))
        .route("/skm/laporan.pdf", get(exports::pdf))
        .route("/skm/laporan.xlsx", get(exports::xlsx))
        .route("/skm/tindak-lanjut", post(report::create_followup))
        .route("/skm/tindak-lanjut/{id}", post(report::progress))
}

#[cfg(test)]
pub(crate) mod tests;
#[cfg(test)]
mod tests_staff;
