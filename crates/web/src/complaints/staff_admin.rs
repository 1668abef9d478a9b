//! Administrator pages of the complaints area: follow-up tiers and webhook, and notifications in trouble.

use axum::Form;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::people::Permission;
use serde::{Deserialize, Serialize};
use store::StoreError;
use store::complaints::deliveries;
use store::complaints::settings::{self, RawSettings};

use crate::error::WebError;
use crate::forms::{FieldErrors, field_errors};
use crate::render::{render, render_status};
use crate::staff::Staff;
use crate::view::format::local_time;

#[derive(Serialize, Deserialize, Default)]
pub struct SettingsForm {
    #[serde(default)]
    tier_simple: String,
    #[serde(default)]
    tier_no_field_check: String,
    #[serde(default)]
    tier_field_check: String,
    #[serde(default)]
    webhook_url: String,
    #[serde(default)]
    webhook_secret: String,
}

#[derive(Serialize)]
struct SettingsPage {
    #[serde(flatten)]
    layout: crate::layout::Layout,
    form: SettingsForm,
    has_secret: bool,
    errors: FieldErrors,
}

/// `GET /pengaduan/pengaturan`: follow-up tiers and the webhook (administrators).
pub async fn settings_form(staff: Staff) -> Result<Response, WebError> {
    staff.user.require_tenant(Permission::ManageComplaints)?;
    let mut conn = staff.app.db().conn().await?;
    let current = settings::load(&mut conn, &staff.tenant.0.id).await?;
    let form = SettingsForm {
        tier_simple: current.tiers.simple.to_string(),
        tier_no_field_check: current.tiers.no_field_check.to_string(),
        tier_field_check: current.tiers.field_check.to_string(),
        webhook_url: current.webhook_url.unwrap_or_default(),
        webhook_secret: String::new(),
    };
    let page = SettingsPage {
        layout: staff.layout,
        form,
        has_secret: current.webhook_secret.is_some(),
        errors: FieldErrors::new(),
    };
    Ok(render("complaints/settings.html", &page)?.into_response())
}

/// `POST /pengaduan/pengaturan`.
pub async fn settings_save(staff: Staff, Form(form): Form<SettingsForm>) -> Result<Response, WebError> {
    staff.user.require_tenant(Permission::ManageComplaints)?;
    let raw = RawSettings {
        tier_simple: form.tier_simple.clone(),
        tier_no_field_check: form.tier_no_field_check.clone(),
        tier_field_check: form.tier_field_check.clone(),
        webhook_url: form.webhook_url.clone(),
        webhook_secret: form.webhook_secret.clone(),
    };
    match settings::save(&staff.action_cx(), &raw).await {
        Ok(_) => Ok(Redirect::to("/pengaduan/pengaturan?notice=saved").into_response()),
        Err(StoreError::Invalid(problems)) => {
            let errors = field_errors(staff.lang, &problems);
            let page = SettingsPage {
                layout: staff.layout,
                form: SettingsForm { webhook_secret: String::new(), ..form },
                has_secret: false,
                errors,
            };
            render_status(StatusCode::UNPROCESSABLE_ENTITY, "complaints/settings.html", &page)
        }
        Err(err) => Err(err.into()),
    }
}

#[derive(Serialize)]
struct DeliveryRow {
    created: String,
    channel: String,
    recipient: String,
    subject: String,
    status: String,
    attempts: i64,
    last_error: Option<String>,
}

#[derive(Serialize)]
struct DeliveriesPage {
    #[serde(flatten)]
    layout: crate::layout::Layout,
    rows: Vec<DeliveryRow>,
    counts: Vec<(String, i64)>,
}

/// `GET /pengaduan/pengiriman`: notifications that failed or are being retried, with the reason (administrators).
pub async fn deliveries(staff: Staff) -> Result<Response, WebError> {
    staff.user.require_tenant(Permission::ManageComplaints)?;
    let mut conn = staff.app.db().conn().await?;
    let rows = deliveries::list_troubled(&mut conn, &staff.tenant.0.id, 200).await?;
    let counts = deliveries::count_by_status(&mut conn, &staff.tenant.0.id).await?;
    let zone = staff.tenant.0.zone;
    let rows = rows
        .into_iter()
        .map(|it| DeliveryRow {
            created: local_time(it.created_at_ms, zone),
            channel: it.channel,
            recipient: it.recipient,
            subject: it.subject,
            status: it.status,
            attempts: it.attempts,
            last_error: it.last_error,
        })
        .collect();
    Ok(render("complaints/deliveries.html", &DeliveriesPage { layout: staff.layout, rows, counts })?.into_response())
}
