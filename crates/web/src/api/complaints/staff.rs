//! The staff side of the complaints API: the queue and one item, for a signed-in session, showing what the same
//! user sees on the pages (a unit user never receives a confidential reporter's identity).

use axum::Json;
use axum::extract::{Path, Query};
use domain::people::Permission;
use serde::Deserialize;
use store::complaints::queries::{self, ItemFilter};
use utoipa::IntoParams;

use super::wire::{ComplaintOut, complaint_out};
use crate::complaints::staff::{scope_of, viewer_of};
use crate::complaints::views::ViewCx;
use crate::error::WebError;
use crate::staff::Staff;

/// Filters of the queue.
#[derive(Deserialize, IntoParams, Default)]
pub struct QueueParams {
    /// `terbuka` (open, the default), `terlambat` (overdue) or `semua` (all).
    #[serde(default)]
    pub show: Option<String>,
    /// Rows to skip.
    #[serde(default)]
    pub offset: Option<i64>,
    /// Most rows, 1–500 (default 100).
    #[serde(default)]
    pub limit: Option<i64>,
}

/// The user's queue, by deadline, as the queue page shows it.
#[utoipa::path(get, path = "/api/v1/complaints", params(QueueParams),
    responses(
        (status = 200, body = [ComplaintOut]),
        (status = 401, description = "not signed in", body = crate::error::ProblemDocument<'_>),
        (status = 403, description = "the user reads no complaints", body = crate::error::ProblemDocument<'_>)))]
pub async fn list(staff: Staff, Query(params): Query<QueueParams>) -> Result<Json<Vec<ComplaintOut>>, WebError> {
    staff.user.require_any(Permission::ViewComplaints)?;
    let mut conn = staff.app.db().conn().await?;
    let tenant = &staff.tenant.0;
    let units = store::org::queries::list_units(&mut conn, &tenant.id).await?;
    let tree = domain::org::UnitTree::of_units(&units);
    let scope = scope_of(&staff, &tree);
    let now_ms = staff.app.now().as_millisecond();
    let show = params.show.as_deref().unwrap_or("terbuka");
    let filter = ItemFilter {
        units: scope,
        open_only: show != "semua",
        overdue_at_ms: (show == "terlambat").then_some(now_ms),
        offset: params.offset.unwrap_or(0).max(0),
        limit: params.limit.unwrap_or(100).clamp(1, 500),
        ..ItemFilter::default()
    };
    let items = queries::list_items(&mut conn, &tenant.id, &filter).await?;
    let mut out = Vec::with_capacity(items.len());
    for item in &items {
        let Some(viewer) = viewer_of(&staff, item, &tree) else { continue };
        let cx = ViewCx { lang: staff.lang, zone: tenant.zone, units: &units, viewer, now_ms };
        out.push(complaint_out(item, cx.item(item, &[], &[]), &[], (viewer, tenant.zone)));
    }
    Ok(Json(out))
}

/// One item with every step the user may read.
#[utoipa::path(get, path = "/api/v1/complaints/{id}", params(("id" = String, Path, description = "Pantau's id")),
    responses(
        (status = 200, body = ComplaintOut),
        (status = 401, description = "not signed in", body = crate::error::ProblemDocument<'_>),
        (status = 404, description = "no such item, or not for this user", body = crate::error::ProblemDocument<'_>)))]
pub async fn get(staff: Staff, Path(id): Path<String>) -> Result<Json<ComplaintOut>, WebError> {
    let mut conn = staff.app.db().conn().await?;
    let tenant = &staff.tenant.0;
    let item = queries::load_item(&mut conn, &tenant.id, &id).await?;
    let units = store::org::queries::list_units(&mut conn, &tenant.id).await?;
    let viewer = viewer_of(&staff, &item, &domain::org::UnitTree::of_units(&units)).ok_or(WebError::NotFound)?;
    let events = queries::list_events(&mut conn, &tenant.id, &id).await?;
    let now_ms = staff.app.now().as_millisecond();
    let cx = ViewCx { lang: staff.lang, zone: tenant.zone, units: &units, viewer, now_ms };
    Ok(Json(complaint_out(&item, cx.item(&item, &events, &[]), &events, (viewer, tenant.zone))))
}
