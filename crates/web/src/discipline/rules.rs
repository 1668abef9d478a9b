//! The rules page: the catalogue, sanctions, absence table, deadlines and authority matrix as they apply to this
//! Pemda, each with its source; administrators replace the file (checked before it is stored) or go back to the
//! shipped one.

use axum::Form;
use axum::http::StatusCode;
use axum::response::Response;
use domain::people::Permission;
use serde::{Deserialize, Serialize};
use store::{Refusal, StoreError};

use crate::error::WebError;
use crate::layout::Layout;
use crate::render::render_status;
use crate::staff::Staff;

#[derive(Serialize)]
struct Page {
    #[serde(flatten)]
    layout: Layout,
    edited: bool,
    can_edit: bool,
    body: String,
    error: Option<String>,
    saved: bool,
    #[serde(flatten)]
    tables: super::rules_tables::Tables,
}

async fn show(
    staff: Staff,
    status: StatusCode,
    draft: Option<String>,
    error: Option<String>,
    saved: bool,
) -> Result<Response, WebError> {
    let mut conn = staff.app.db().conn().await?;
    let (body, edited) = store::discipline::rules::load_text(&mut conn, &staff.tenant.0.id).await?;
    let rules = store::discipline::rules::load(&mut conn, &staff.tenant.0.id).await?;
    let page = Page {
        can_edit: staff.user.access.can_tenant(Permission::ManageDisciplineRules),
        layout: staff.layout,
        edited,
        body: draft.unwrap_or(body),
        error,
        saved,
        tables: super::rules_tables::tables(&rules, staff.lang),
    };
    render_status(status, "discipline/rules.html", &page)
}

fn may_read(staff: &Staff) -> Result<(), WebError> {
    let access = &staff.user.access;
    if access.has(Permission::HandleDiscipline) || access.has(Permission::ManageDisciplineRules) {
        Ok(())
    } else {
        Err(WebError::Forbidden)
    }
}

/// `GET /disiplin/aturan`.
pub async fn page(staff: Staff) -> Result<Response, WebError> {
    may_read(&staff)?;
    show(staff, StatusCode::OK, None, None, false).await
}

#[derive(Deserialize)]
pub struct SaveForm {
    #[serde(default)]
    body: String,
    #[serde(default)]
    reset: Option<String>,
}

/// `POST /disiplin/aturan`: an edited file, or `reset` for the shipped one.
pub async fn save(staff: Staff, Form(form): Form<SaveForm>) -> Result<Response, WebError> {
    staff.user.require_tenant(Permission::ManageDisciplineRules)?;
    let body = if form.reset.is_some() { None } else { Some(form.body.replace("\r\n", "\n")) };
    match store::discipline::rules::save(&staff.action_cx(), body.as_deref()).await {
        Ok(()) => show(staff, StatusCode::OK, None, None, true).await,
        Err(StoreError::Refused(Refusal::Rules(err))) => {
            let error = staff.lang.tf("discipline.rules.invalid", &[("error", &err.to_string())]);
            show(staff, StatusCode::UNPROCESSABLE_ENTITY, body, Some(error), false).await
        }
        Err(err) => Err(err.into()),
    }
}

/// `GET /disiplin/aturan.toml`: the file in force.
pub async fn download(staff: Staff) -> Result<Response, WebError> {
    may_read(&staff)?;
    let mut conn = staff.app.db().conn().await?;
    let (body, _) = store::discipline::rules::load_text(&mut conn, &staff.tenant.0.id).await?;
    Ok(crate::render::download("application/toml; charset=utf-8", "discipline.toml", body.into()))
}
