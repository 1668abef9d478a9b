//! The unit list (as an indented tree) and the page of one unit.

use axum::extract::{Path, Query};
use axum::response::{IntoResponse, Response};
use domain::ids::UnitId;
use domain::org::{ServicePoint, Unit, WEEKDAYS};
use domain::people::Permission;
use serde::{Deserialize, Serialize};

use crate::error::WebError;
use crate::i18n::Lang;
use crate::layout::Layout;
use crate::render::render;
use crate::staff::Staff;

#[derive(Serialize)]
struct UnitRowView {
    id: String,
    code: String,
    name: String,
    short_name: Option<String>,
    kind: String,
    zone: &'static str,
    depth: usize,
    is_active: bool,
}

fn row_view(lang: Lang, unit: &Unit, depth: usize) -> UnitRowView {
    UnitRowView {
        id: unit.id.to_string(),
        code: unit.draft.code.clone(),
        name: unit.draft.name.clone(),
        short_name: unit.draft.short_name.clone(),
        kind: lang.t(&format!("org.kinds.{}", unit.draft.kind.code())).to_owned(),
        zone: unit.draft.zone.abbreviation(),
        depth,
        is_active: unit.draft.is_active,
    }
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
}

#[derive(Serialize)]
struct UnitsPage {
    #[serde(flatten)]
    layout: Layout,
    units: Vec<UnitRowView>,
    q: String,
    can_manage: bool,
    can_create_top: bool,
}

/// `GET /unit`: the units the user may see, as a tree; `?q=` filters by name, code or alias.
pub async fn index(staff: Staff, Query(query): Query<ListQuery>) -> Result<Response, WebError> {
    let Staff { app, tenant, lang, user, layout } = staff;
    user.require_any(Permission::ViewUnits)?;
    let mut conn = app.db().conn().await?;
    let units = store::org::queries::list_units(&mut conn, &tenant.0.id).await?;
    let tree = domain::org::UnitTree::of_units(&units);
    let needle = domain::org::alias_key(&query.q);
    let matches = |unit: &Unit| {
        needle.is_empty()
            || domain::org::alias_key(&unit.draft.name).contains(&needle)
            || domain::org::alias_key(&unit.draft.code).contains(&needle)
            || unit.draft.short_name.as_deref().is_some_and(|it| domain::org::alias_key(it).contains(&needle))
            || unit.draft.aliases.iter().any(|it| domain::org::alias_key(it).contains(&needle))
    };
    let rows = tree
        .ordered()
        .into_iter()
        .filter(|(id, _)| user.access.can_unit(Permission::ViewUnits, id, &tree))
        .filter_map(|(id, depth)| units.iter().find(|it| it.id == id).map(|unit| (unit, depth)))
        .filter(|(unit, _)| matches(unit))
        .map(|(unit, depth)| row_view(lang, unit, depth))
        .collect();
    let page = UnitsPage {
        layout,
        units: rows,
        q: query.q,
        can_manage: user.access.has(Permission::ManageUnits),
        can_create_top: user.access.can_tenant(Permission::ManageUnits),
    };
    Ok(render("org/units.html", &page)?.into_response())
}

#[derive(Serialize)]
struct ServicePointView {
    id: String,
    name: String,
    min_staff: u32,
    hours: Vec<(String, String)>,
}

/// A service point with its hours as (weekday label, "08:00–15:00") pairs, closed days included.
fn point_view(lang: Lang, point: &ServicePoint) -> ServicePointView {
    let hours = WEEKDAYS
        .iter()
        .enumerate()
        .map(|(idx, day)| {
            let label = lang.t(&format!("common.weekdays.d{}", idx + 1)).to_owned();
            let text = point.hours.iter().find(|it| it.weekday == *day).map_or_else(
                || lang.t("org.unit.closed").to_owned(),
                |it| format!("{}–{}", it.opens.strftime("%H:%M"), it.closes.strftime("%H:%M")),
            );
            (label, text)
        })
        .collect();
    ServicePointView { id: point.id.to_string(), name: point.name.clone(), min_staff: point.min_staff, hours }
}

#[derive(Serialize)]
struct UnitPage {
    #[serde(flatten)]
    layout: Layout,
    unit: UnitRowView,
    parent: Option<UnitRowView>,
    aliases: Vec<String>,
    closed_on_cuti_bersama: bool,
    children: Vec<UnitRowView>,
    service_points: Vec<ServicePointView>,
    can_manage: bool,
    can_manage_points: bool,
}

/// `GET /unit/{id}`: one unit with its names, children and service points.
pub async fn show(staff: Staff, Path(id): Path<String>) -> Result<Response, WebError> {
    let Staff { app, tenant, lang, user, layout } = staff;
    let id = UnitId::new(id);
    let mut conn = app.db().conn().await?;
    let units = store::org::queries::list_units(&mut conn, &tenant.0.id).await?;
    let tree = domain::org::UnitTree::of_units(&units);
    let unit = units.iter().find(|it| it.id == id).ok_or(WebError::NotFound)?;
    user.require_unit(Permission::ViewUnits, &id, &tree)?;
    let points = store::org::queries::list_service_points(&mut conn, &tenant.0.id, &id).await?;
    let parent = unit
        .parent_id
        .as_ref()
        .and_then(|parent| units.iter().find(|it| &it.id == parent))
        .map(|it| row_view(lang, it, 0));
    let children =
        units.iter().filter(|it| it.parent_id.as_ref() == Some(&id)).map(|it| row_view(lang, it, 0)).collect();
    let page = UnitPage {
        layout,
        unit: row_view(lang, unit, 0),
        parent,
        aliases: unit.draft.aliases.clone(),
        closed_on_cuti_bersama: unit.draft.observes_cuti_bersama,
        children,
        service_points: points.iter().map(|it| point_view(lang, it)).collect(),
        can_manage: user.access.can_unit(Permission::ManageUnits, &id, &tree),
        can_manage_points: user.access.can_unit(Permission::ManageServicePoints, &id, &tree),
    };
    Ok(render("org/unit.html", &page)?.into_response())
}
