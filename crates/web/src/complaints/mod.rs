//! Complaints and letters: the citizen's form, receipt, tracking and verification pages; the staff queue, item page
//! and front desk; the public list; the JSON API; Open311 GeoReport v2; the receipt PDF; the background job.

mod echo;
pub mod open311;
pub(crate) mod pdf;
pub(crate) mod public;
mod public_list;
mod queue;
pub(crate) mod staff;
mod staff_admin;
pub(crate) mod views;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};

use crate::App;

/// Files an item in a task of its own, so a client that hangs up cannot cancel a write that other filings share
/// (`store::complaints::batch`); the answer still waits for the commit.
pub(crate) async fn file_detached(
    app: &App,
    tenant: &crate::tenant::Tenant,
    actor: store::Actor,
    submission: store::complaints::intake::Submission,
) -> Result<Result<store::complaints::intake::Filed, store::StoreError>, crate::error::WebError> {
    let (app, tenant) = (app.clone(), tenant.clone());
    tokio::spawn(async move {
        let cx = store::ActionCx { db: app.db(), tenant: &tenant.0.id, actor, now: app.now(), ids: app.ids() };
        store::complaints::intake::file(&cx, submission).await
    })
    .await
    .map_err(|err| crate::error::WebError::Internal(format!("filing task stopped: {err}")))
}

/// Three 5 MB attachments and the form's fields (the server-wide limit is lower).
const UPLOAD_LIMIT: usize = 16 * 1024 * 1024;

/// The routes of the complaints area.
pub fn routes() -> Router<App> {
    Router::new()
        .route("/lapor", get(public::form).post(public::submit).layer(DefaultBodyLimit::max(UPLOAD_LIMIT)))
        .route("/lacak", get(public::track_form).post(public::track))
        .route("/lacak/aksi", post(public::reporter_step))
        .route("/lacak/tanda-terima.pdf", post(public::receipt_pdf))
        .route("/verifikasi", get(public_list::verify))
        .route("/.well-known/pantau-receipt-key", get(public_list::public_key))
        .route("/pengaduan/publik", get(public_list::public_list))
        .route("/pengaduan", get(queue::queue))
        .route(
            "/pengaduan/baru",
            get(staff::front_desk_form).post(staff::front_desk_submit).layer(DefaultBodyLimit::max(UPLOAD_LIMIT)),
        )
        .route("/pengaduan/pengaturan", get(staff_admin::settings_form).post(staff_admin::settings_save))
        .route("/pengaduan/pengiriman", get(staff_admin::deliveries))
        .route("/pengaduan/{id}", get(staff::item))
        .route("/pengaduan/{id}/langkah", post(staff::step))
        .route("/pengaduan/{id}/redaksi", post(staff::redact))
        .route("/pengaduan/{id}/tanda-terima.pdf", get(staff::receipt_pdf))
        .route("/pengaduan/{id}/lampiran/{file}", get(staff::attachment))
        .merge(open311::routes())
}

#[cfg(test)]
mod tests;
