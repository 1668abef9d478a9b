//! The rules page: the catalogue, sanctions, absence table, deadlines and authority matrix as they apply to this
//! Pemda, each with its source; administrators replace the file (checked before it is stored) or go back to the
//! shipped one.

use axum::Form;
use axum::http::StatusCode;
use axum::response::Response;
use domain::discipline::Rules;
use domain::people::Permission;
use serde::{Deserialize, Serialize};

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
    catalogue: Vec<serde_json::Value>,
    sanctions: Vec<serde_json::Value>,
    deadlines: Vec<serde_json::Value>,
    authorities: Vec<serde_json::Value>,
}

fn tables(rules: &Rules) -> [Vec<serde_json::Value>; 4] {
    use serde_json::json;
    let catalogue = rules
        .catalogue()
        .iter()
        .map(|it| {
            let level = |impact| it.level(impact).map(domain::discipline::Level::code);
            json!({ "code": it.code, "kind": it.kind, "article": it.article, "text": it.text, "note": it.note,
                "unit": level(domain::discipline::Impact::Unit), "instansi": level(domain::discipline::Impact::Instansi),
                "negara": level(domain::discipline::Impact::Negara) })
        })
        .collect();
    let sanctions = rules
        .sanctions()
        .iter()
        .map(|it| {
            json!({ "code": it.code, "level": it.level.code(), "name": it.name, "source": it.source,
            "months": it.months, "appeal": it.appeal_kind() })
        })
        .collect();
    let deadlines = domain::discipline::DEADLINES
        .iter()
        .filter_map(|code| rules.deadline(code))
        .map(|it| json!({ "code": it.code, "workdays": it.workdays, "meaning": it.meaning, "source": it.source }))
        .collect();
    let authorities = rules
        .authorities()
        .iter()
        .map(|it| {
            json!({ "code": it.code, "name": it.name, "max_level": it.max_level.code(),
            "positions": it.positions.join(", "), "source": it.source })
        })
        .collect();
    [catalogue, sanctions, deadlines, authorities]
}

async fn show(
    staff: Staff,
    status: StatusCode,
    draft: Option<String>,
    error: Option<String>,
    saved: bool,
) -> Result<Response, WebError> {
    let mut conn = staff.app.db().conn().await?;
    let (body, edited) = store::discipline::rules::text(&mut conn, &staff.tenant.0.id).await?;
    let rules = store::discipline::rules::load(&mut conn, &staff.tenant.0.id).await?;
    let [catalogue, sanctions, deadlines, authorities] = tables(&rules);
    let page = Page {
        can_edit: staff.user.access.can_tenant(Permission::ManageDisciplineRules),
        layout: staff.layout,
        edited,
        body: draft.unwrap_or(body),
        error,
        saved,
        catalogue,
        sanctions,
        deadlines,
        authorities,
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
    match store::discipline::rules::save(&staff.action_cx(), body.as_deref()).await? {
        Ok(()) => show(staff, StatusCode::OK, None, None, true).await,
        Err(err) => {
            let error = staff.lang.tf("discipline.rules.invalid", &[("error", &err.to_string())]);
            show(staff, StatusCode::UNPROCESSABLE_ENTITY, body, Some(error), false).await
        }
    }
}

/// `GET /disiplin/aturan.toml`: the file in force.
pub async fn download(staff: Staff) -> Result<Response, WebError> {
    may_read(&staff)?;
    let mut conn = staff.app.db().conn().await?;
    let (body, _) = store::discipline::rules::text(&mut conn, &staff.tenant.0.id).await?;
    Ok(crate::render::download("application/toml; charset=utf-8", "discipline.toml", body.into()))
}
