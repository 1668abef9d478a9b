//! Unit scorecards and the leaders' watch list: every unit's figures for a period with their rank and trend, the
//! units the rules put on the list and why, the rules a Pemda keeps, and what leaders decide about listed units.
//! Unit heads see their own units only.

mod chart;
mod decisions;
pub mod digest;
mod digest_page;
mod index;
mod indicators;
mod pdf;
mod pekppp;
mod query;
mod rows;
mod rule_files;
mod rules;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_digest;
#[cfg(test)]
mod tests_files;
mod unit_page;
mod watch_page;
mod xlsx;

use axum::Router;
use axum::routing::{get, post};

pub use decisions::record::reasons as decision_reasons;
pub use decisions::{DecisionView, kinds as decision_kinds, standing_of, visible_decisions};
pub use rows::{COLUMNS, Scope, ScorecardRow, Scorecards, csv, load};

use crate::App;

/// The scorecard routes.
pub fn routes() -> Router<App> {
    Router::new()
        .route("/kinerja", get(index::page))
        .route("/kinerja.csv", get(index::csv_download))
        .route("/kinerja.xlsx", get(index::xlsx_download))
        .route("/kinerja.pdf", get(pdf::download))
        .route("/kinerja/unit/{id}", get(unit_page::page))
        .route("/kinerja/pantauan", get(watch_page::page))
        .route("/kinerja/aturan", get(rules::page).post(rules::save))
        .route("/kinerja/aturan.toml", get(rules::download))
        .route("/kinerja/aturan/berkas/{slug}", get(rule_files::page).post(rule_files::save))
        .route("/kinerja/aturan/berkas/{slug}/unduh", get(rule_files::download))
        .route("/kinerja/unit/{id}/keputusan", get(decisions::record_form).post(decisions::record_save))
        .route("/kinerja/keputusan", get(decisions::list))
        .route("/kinerja/unit/{id}/indikator", get(indicators::page).post(indicators::define))
        .route("/kinerja/unit/{id}/indikator.csv", get(indicators::download))
        .route("/kinerja/unit/{id}/indikator/bulan", post(indicators::save_month))
        .route("/kinerja/unit/{id}/indikator/impor", post(indicators::upload))
        .route("/kinerja/unit/{id}/indikator/{indicator}/pensiun", post(indicators::retire))
        .route("/kinerja/unit/{id}/pekppp", get(pekppp::page))
        .route("/kinerja/unit/{id}/pekppp.csv", get(pekppp::csv_download))
        .route("/kinerja/unit/{id}/pekppp/varian", post(pekppp::save_variant))
        .route("/kinerja/unit/{id}/pekppp/nilai/{code}", post(pekppp::save_answer))
        .route("/kinerja/unit/{id}/pekppp/bukti/{code}", get(pekppp::evidence_download).post(pekppp::evidence_upload))
        .route("/akun/ringkasan", get(digest_page::page).post(digest_page::save))
        .route("/kinerja/keputusan/{id}", get(decisions::detail))
        .route("/kinerja/keputusan/{id}/rencana", post(decisions::answer))
        .route("/kinerja/keputusan/{id}/teguran.pdf", get(decisions::letter_pdf))
}
