//! The sanction register: delivered decisions with their effective and end dates and what they block, filtered by
//! unit and year, within the reader's scope; exportable as CSV.

use axum::extract::Query;
use axum::response::{IntoResponse, Response};
use domain::people::Permission;
use serde::{Deserialize, Serialize};
use store::discipline::record::{self, RegisterRow};

use crate::error::WebError;
use crate::layout::Layout;
use crate::render::render;
use crate::staff::Staff;

#[derive(Deserialize, Default)]
pub struct Filter {
    #[serde(default)]
    unit: String,
    #[serde(default)]
    tahun: String,
}

#[derive(Serialize)]
struct Row {
    #[serde(flatten)]
    row: RegisterRow,
    unit: String,
    sanction_name: String,
    level: String,
    active: bool,
    consequences: Vec<String>,
}

#[derive(Serialize)]
struct Page {
    #[serde(flatten)]
    layout: Layout,
    rows: Vec<Row>,
    units: Vec<(String, String)>,
    unit: String,
    tahun: String,
}

async fn rows(staff: &Staff, filter: &Filter) -> Result<(Vec<Row>, Vec<(String, String)>), WebError> {
    staff.user.require_any(Permission::HandleDiscipline)?;
    let rules = super::rules_of(staff).await?;
    let tenant = &staff.tenant.0.id;
    let data = staff.app.db().tenant_data(tenant).await?;
    let tree = &data.tree;
    let today = staff.app.now().to_zoned(staff.tenant.0.zone.time_zone()).date().to_string();
    let mut conn = staff.app.db().conn().await?;
    let can = |unit: &str| {
        staff.user.access.can_unit(Permission::HandleDiscipline, &domain::ids::UnitId::new(unit.to_owned()), tree)
    };
    let within = |unit: &str| {
        filter.unit.is_empty()
            || tree
                .is_within(&domain::ids::UnitId::new(unit.to_owned()), &domain::ids::UnitId::new(filter.unit.clone()))
    };
    let out = record::list_register(&mut conn, tenant)
        .await?
        .into_iter()
        .filter(|it| can(&it.unit_id) && within(&it.unit_id))
        .filter(|it| filter.tahun.is_empty() || it.effective_on.starts_with(&filter.tahun))
        .map(|it| {
            let sanction = rules.sanction(&it.sanction);
            // Running means within its months; a reprimand has none, and a dismissal is recorded, not running.
            let active = it.effective_on <= today && it.ends_on.as_ref().is_some_and(|end| *end > today);
            Row {
                unit: data
                    .units
                    .iter()
                    .find(|u| u.id.as_str() == it.unit_id)
                    .map(|u| u.draft.name.clone())
                    .unwrap_or_default(),
                sanction_name: sanction.map(|s| s.name.clone()).unwrap_or_else(|| it.sanction.clone()),
                level: sanction.map(|s| s.level.code().to_owned()).unwrap_or_default(),
                consequences: sanction.map(|s| s.consequences.clone()).unwrap_or_default(),
                active,
                row: it,
            }
        })
        .collect();
    let units = tree
        .ordered()
        .into_iter()
        .filter(|(id, _)| can(id.as_str()))
        .filter_map(|(id, _)| data.units.iter().find(|u| u.id == id).map(|u| (u.id.to_string(), u.draft.name.clone())))
        .collect();
    Ok((out, units))
}

/// `GET /disiplin/sanksi?unit=…&tahun=…`.
pub async fn page(staff: Staff, Query(filter): Query<Filter>) -> Result<Response, WebError> {
    let (rows, units) = rows(&staff, &filter).await?;
    let page = Page { layout: staff.layout, rows, units, unit: filter.unit, tahun: filter.tahun };
    Ok(render("discipline/register.html", &page)?.into_response())
}

/// `GET /disiplin/sanksi.csv` with the page's filters.
pub async fn csv(staff: Staff, Query(filter): Query<Filter>) -> Result<Response, WebError> {
    let (rows, _) = rows(&staff, &filter).await?;
    let columns =
        ["nomor_kasus", "nip", "nama", "unit", "hukuman", "tingkat", "berlaku", "berakhir", "aktif", "akibat"];
    let records: Vec<[String; 10]> = rows
        .iter()
        .map(|it| {
            [
                it.row.number.clone(),
                it.row.nip.clone(),
                it.row.name.clone(),
                it.unit.clone(),
                it.sanction_name.clone(),
                it.level.clone(),
                it.row.effective_on.clone(),
                it.row.ends_on.clone().unwrap_or_default(),
                if it.active { "ya" } else { "tidak" }.to_owned(),
                it.consequences.join("; "),
            ]
        })
        .collect();
    let body = csv_bytes(&columns, &records)?;
    Ok(crate::render::download("text/csv; charset=utf-8", "register-hukuman-disiplin.csv", body))
}

/// CSV with a byte-order mark and formulas neutralised (see [`crate::sheets::write_csv`]).
pub(crate) fn csv_bytes<const N: usize>(columns: &[&str; N], rows: &[[String; N]]) -> Result<Vec<u8>, WebError> {
    crate::sheets::write_csv(columns, rows).map_err(|err| WebError::Internal(err.to_string()))
}
