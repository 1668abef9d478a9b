//! The signed-in user's start page: the desk of what needs them today (`desk`), their roles and the day.

mod desk;
#[cfg(test)]
mod tests;

use axum::Router;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use domain::people::{Permission, Scope};
use serde::Serialize;

use crate::App;
use crate::error::WebError;
use crate::layout::Layout;
use crate::render::render;
use crate::staff::Staff;

/// The dashboard route.
pub fn routes() -> Router<App> {
    Router::new().route("/beranda", get(index))
}

#[derive(Serialize)]
struct DashboardPage {
    #[serde(flatten)]
    layout: Layout,
    grants: Vec<GrantView>,
    n_units: usize,
    n_users: Option<i64>,
    today: String,
    today_is_workday: bool,
    zone: &'static str,
    desk: desk::Desk,
}

#[derive(Serialize)]
struct GrantView {
    role_key: String,
    unit_name: Option<String>,
}

/// `GET /beranda`: greeting, the desk, roles with their scope, and the day.
pub async fn index(staff: Staff) -> Result<Response, WebError> {
    let desk = desk::desk(&staff).await?;
    let view = crate::view::TenantView::of(&staff).await?;
    let Staff { app, tenant, user, layout, .. } = staff;
    let mut conn = app.db().conn().await?;
    let (units, tree) = (view.units(), view.tree());
    let grants = user
        .access
        .grants()
        .iter()
        .map(|grant| GrantView {
            role_key: format!("people.roles.{}", grant.role.code()),
            unit_name: match &grant.scope {
                Scope::Tenant => None,
                Scope::Unit(id) => Some(view.unit_name(id.as_str())),
            },
        })
        .collect();
    let n_units = units.iter().filter(|it| user.access.can_unit(Permission::ViewUnits, &it.id, tree)).count();
    let n_users = match user.access.can_tenant(Permission::ViewUsers) {
        true => Some(store::people::queries::count_users(&mut conn, &tenant.0.id).await?),
        false => None,
    };
    let calendar = store::calendar::load_calendar(&mut conn, &tenant.0.id, None).await?;
    let today = tenant.0.zone.local_date(app.now());
    let page = DashboardPage {
        layout,
        grants,
        n_units,
        n_users,
        today: today.to_string(),
        today_is_workday: calendar.is_workday(today),
        zone: tenant.0.zone.abbreviation(),
        desk,
    };
    Ok(render("dashboard/index.html", &page)?.into_response())
}
