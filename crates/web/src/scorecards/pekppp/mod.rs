//! `/kinerja/unit/{id}/pekppp`: a unit's PEKPPP self-assessment (F-01) for an evaluation year. Every indicator of
//! the instrument with its weight and status; the six Pantau measures show the level reached and the figures behind
//! it; the others the level the unit head enters with a note and evidence files. Above them the projected score
//! and category, with the unscored indicators named. The head chooses the variant (luring/daring); leaders read.

mod forms;
mod view;

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::evaluation::Instrument;
use domain::people::Permission;
use serde::Deserialize;

pub use forms::{evidence_download, evidence_upload, save_answer, save_variant};

use super::indicators::unit_of;
use crate::error::WebError;
use crate::render::{download as send, render_status};
use crate::staff::Staff;

/// `?tahun=2026`.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct YearQuery {
    #[serde(default)]
    tahun: String,
}

/// The instrument a year is judged by: the Pemda's copy of the shipped one (2025 until a newer year ships), or the
/// shipped one itself.
async fn instrument(staff: &Staff, year: i16) -> Result<Instrument, WebError> {
    let mut conn = staff.app.db().conn().await?;
    Ok(store::rule_files::load_instrument(&mut conn, &staff.tenant.0.id, year).await?)
}

fn year_of(staff: &Staff, raw: &str) -> i16 {
    let this = staff.tenant.0.zone.local_date(staff.app.now()).year();
    raw.trim().parse::<i16>().ok().filter(|it| (2020..=this).contains(it)).unwrap_or(this)
}

/// `GET /kinerja/unit/{id}/pekppp?tahun=2026`.
pub async fn page(staff: Staff, Path(id): Path<String>, Query(query): Query<YearQuery>) -> Result<Response, WebError> {
    staff.user.require_any(Permission::ViewScorecards)?;
    let year = year_of(&staff, &query.tahun);
    show(staff, id, year, Vec::new(), StatusCode::OK).await
}

async fn show(
    staff: Staff,
    id: String,
    year: i16,
    problems: Vec<String>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let (unit, name) = unit_of(&staff, &id, Permission::ViewScorecards).await?;
    let page = view::build(&staff, (&unit, name), year, problems).await?;
    render_status(status, "scorecards/pekppp.html", &page)
}

/// `GET /kinerja/unit/{id}/pekppp.csv?tahun=2026`: the self-assessment as a sheet, one row per indicator.
pub async fn csv_download(
    staff: Staff,
    Path(id): Path<String>,
    Query(query): Query<YearQuery>,
) -> Result<Response, WebError> {
    staff.user.require_any(Permission::ViewScorecards)?;
    let year = year_of(&staff, &query.tahun);
    let (unit, name) = unit_of(&staff, &id, Permission::ViewScorecards).await?;
    let page = view::build(&staff, (&unit, name), year, Vec::new()).await?;
    let header =
        ["aspek", "indikator", "nama", "bobot", "status", "sumber", "nilai", "uraian_nilai", "bukti", "catatan"];
    let rows = page.aspects.iter().flat_map(|aspect| {
        aspect.indicators.iter().map(move |it| {
            vec![
                aspect.code.clone(),
                it.code.clone(),
                it.name.clone(),
                it.weight.clone(),
                it.status.clone(),
                if it.measured { "pantau" } else { "isian" }.to_owned(),
                it.level.map(|l| l.to_string()).unwrap_or_default(),
                it.level_text.clone(),
                it.files.iter().map(|f| f.file_name.clone()).collect::<Vec<_>>().join("; "),
                if it.measured { it.evidence.clone() } else { it.note.clone() },
            ]
        })
    });
    let bytes = crate::sheets::write_csv(&header, rows).map_err(|err| WebError::Internal(err.to_string()))?;
    Ok(send("text/csv; charset=utf-8", &format!("pekppp-f01-{year}.csv"), bytes).into_response())
}

#[cfg(test)]
mod tests;
