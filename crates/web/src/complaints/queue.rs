//! `/pengaduan`: the queue of the user's units by deadline, overdue first; narrowed to one unit, to a period's
//! receipts or closings, or to overdue items when a scorecard links here.

use axum::extract::Query;
use axum::response::{IntoResponse, Response};
use domain::ids::UnitId;
use domain::org::UnitTree;
use domain::people::Permission;
use serde::{Deserialize, Serialize};
use store::complaints::queries::{self, ItemFilter};

use super::staff::scope_of;
use super::views::{ViewCx, Viewer};
use crate::error::WebError;
use crate::render::render;
use crate::staff::Staff;

#[derive(Deserialize, Serialize, Default)]
pub struct QueueQuery {
    #[serde(default)]
    tampil: String,
    /// One unit (alone), as the scorecard links to it.
    #[serde(default)]
    unit: String,
    /// A scorecard period: items received in it, or with `tampil=selesai` closed in it.
    #[serde(default)]
    periode: String,
}

/// The units a queue lists: the reader's scope, narrowed to one unit when asked (nothing when it is outside).
fn queue_units(staff: &Staff, tree: &UnitTree, query: &QueueQuery) -> Option<Vec<UnitId>> {
    let scope = scope_of(staff, tree);
    if query.unit.is_empty() {
        return scope;
    }
    let unit = UnitId::new(query.unit.clone());
    let visible = scope.as_ref().is_none_or(|it| it.contains(&unit)) && tree.contains(&unit);
    Some(if visible { vec![unit] } else { Vec::new() })
}

/// `[start, end)` of a scorecard period in epoch ms, on the Pemda's clock.
fn period_ms(staff: &Staff, code: &str) -> Option<(i64, i64)> {
    let period = domain::scorecards::period::ScorePeriod::parse(code)?;
    let zone = staff.tenant.0.zone;
    let start = domain::complaints::deadline::end_of_day(period.first_day().yesterday().ok()?, zone);
    let end = domain::complaints::deadline::end_of_day(period.last_day(), zone);
    Some((start.as_millisecond(), end.as_millisecond()))
}

#[derive(Serialize)]
struct QueueRow {
    id: String,
    number: String,
    title: String,
    kind: String,
    state: String,
    unit: Option<String>,
    due: Option<String>,
    deadline: Option<String>,
    overdue: bool,
    escalation_level: i64,
    flagged: bool,
}

#[derive(Serialize)]
struct QueuePage {
    #[serde(flatten)]
    layout: crate::layout::Layout,
    query: QueueQuery,
    rows: Vec<QueueRow>,
    can_register: bool,
    can_manage: bool,
    n_overdue: usize,
    filter_unit: Option<String>,
    filter_period: bool,
}

/// `GET /pengaduan`: open items of the user's units by deadline, overdue first and marked.
pub async fn queue(staff: Staff, Query(query): Query<QueueQuery>) -> Result<Response, WebError> {
    staff.user.require_any(Permission::ViewComplaints)?;
    let mut conn = staff.app.db().conn().await?;
    let units = store::org::queries::list_units(&mut conn, &staff.tenant.0.id).await?;
    let tree = domain::org::UnitTree::of_units(&units);
    let now_ms = staff.app.now().as_millisecond();
    let period = period_ms(&staff, &query.periode);
    let closed = query.tampil == "selesai";
    let filter = ItemFilter {
        units: queue_units(&staff, &tree, &query),
        open_only: !matches!(query.tampil.as_str(), "semua" | "selesai"),
        overdue_at_ms: (query.tampil == "terlambat").then_some(now_ms),
        closed_only: closed,
        received_between: period.filter(|_| !closed),
        closed_between: period.filter(|_| closed),
        limit: 500,
        ..ItemFilter::default()
    };
    let items = queries::list_items(&mut conn, &staff.tenant.0.id, &filter).await?;
    let cx = ViewCx { lang: staff.lang, zone: staff.tenant.0.zone, units: &units, viewer: Viewer::Staff, now_ms };
    let rows: Vec<QueueRow> = items
        .iter()
        .map(|item| {
            let view = cx.item(item, &[], &[]);
            QueueRow {
                id: view.id,
                number: view.number,
                title: view.title,
                kind: view.kind,
                state: view.state,
                unit: view.unit.or(view.reported_unit),
                due: view.due,
                deadline: view.deadline,
                overdue: view.overdue,
                escalation_level: view.escalation_level,
                flagged: item.possible_duplicate_of.is_some() || item.correction_requested,
            }
        })
        .collect();
    let filter_unit = (!query.unit.is_empty())
        .then(|| units.iter().find(|it| it.id.as_str() == query.unit).map(|it| it.draft.name.clone()))
        .flatten();
    let page = QueuePage {
        filter_unit,
        filter_period: period.is_some(),
        n_overdue: rows.iter().filter(|it| it.overdue).count(),
        layout: staff.layout,
        query,
        rows,
        can_register: staff.user.access.has(Permission::RegisterComplaints),
        can_manage: staff.user.access.can_tenant(Permission::ManageComplaints),
    };
    Ok(render("complaints/queue.html", &page)?.into_response())
}
