//! A sheet of indicator months in and out: `kode, bulan, target, realisasi`, one row per indicator and month. The
//! download is the year as stored (and, with no figures yet, the template to fill in); an upload is checked row by
//! row, every bad row named, and saved all or none. A blank cell keeps what is stored, so a realisation-only sheet
//! leaves the targets alone.

use std::collections::BTreeMap;

use axum::extract::{Multipart, Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::ids::UnitId;
use domain::people::Permission;
use domain::scorecards::indicators::parse_figure;
use store::StoreError;
use store::scorecards::indicators::{self as stored, MonthEntry};

use super::{Shown, YearQuery, show, this_year, unit_of, year_of};
use crate::error::WebError;
use crate::forms::read_upload;
use crate::i18n::Lang;
use crate::render::download as send;
use crate::sheets::{self, Limits};
use crate::staff::Staff;

/// The columns, in order.
pub const COLUMNS: [&str; 4] = ["kode", "bulan", "target", "realisasi"];

/// Twenty years of monthly figures for a few dozen indicators.
const LIMITS: Limits = Limits::rows(10_000);

/// `GET /kinerja/unit/{id}/indikator.csv?tahun=2026`: the year's months of every live indicator of the unit.
pub async fn download(
    staff: Staff,
    Path(id): Path<String>,
    Query(query): Query<YearQuery>,
) -> Result<Response, WebError> {
    staff.user.require_any(Permission::ViewScorecards)?;
    unit_of(&staff, &id, Permission::ViewScorecards).await?;
    let year = year_of(&staff, &query.tahun);
    let mut conn = staff.app.db().conn().await?;
    let tenant = &staff.tenant.0.id;
    let list = stored::list_indicators(&mut conn, tenant, Some(&UnitId::new(id.clone())), false).await?;
    let months = stored::list_months(&mut conn, tenant, (&format!("{year}-01"), &format!("{year}-12"))).await?;
    drop(conn);
    // Plain decimal points: the sheet goes back into Pantau or into a spreadsheet set to either language.
    let write = |value: Option<f64>| value.map(|it| it.to_string()).unwrap_or_default();
    let mut rows = Vec::new();
    for indicator in &list {
        let stored_months = months.get(&indicator.id).map(Vec::as_slice).unwrap_or_default();
        for month in 1..=12 {
            let found = stored_months.iter().find(|it| it.month == (year, month));
            let (target, actual) = found.map_or((None, None), |it| (it.target, it.actual));
            rows.push(vec![indicator.code.clone(), stored::month_code((year, month)), write(target), write(actual)]);
        }
    }
    let bytes = sheets::write_csv(&COLUMNS, rows).map_err(|err| WebError::Internal(err.to_string()))?;
    Ok(send("text/csv; charset=utf-8", &format!("indikator-{year}.csv"), bytes))
}

/// `POST /kinerja/unit/{id}/indikator/impor`: a sheet of months, saved all or none.
pub async fn upload(staff: Staff, Path(id): Path<String>, multipart: Multipart) -> Result<Response, WebError> {
    unit_of(&staff, &id, Permission::ManageUnitIndicators).await?;
    let upload = read_upload(multipart).await?;
    let read = sheets::off_thread(move || sheets::read(&upload.name, &upload.bytes, LIMITS)).await?;
    let table = match read {
        Ok(table) => table,
        Err(problem) => {
            let message = sheets::message(staff.lang, &problem);
            return refuse(staff, id, vec![message]).await;
        }
    };
    let mut conn = staff.app.db().conn().await?;
    let live = stored::list_indicators(&mut conn, &staff.tenant.0.id, Some(&UnitId::new(id.clone())), false).await?;
    drop(conn);
    let codes: Vec<String> = live.into_iter().map(|it| it.code).collect();
    let (entries, problems) = entries_of(staff.lang, &table, &codes);
    if !problems.is_empty() {
        return refuse(staff, id, problems).await;
    }
    let year = entries.first().map_or_else(|| this_year(&staff), |it| it.month.0);
    match stored::save_months(&staff.action_cx(), &UnitId::new(id.clone()), &entries, false).await {
        Ok(_) => Ok(Redirect::to(&format!("/kinerja/unit/{id}/indikator?tahun={year}&disimpan={}", entries.len()))
            .into_response()),
        Err(StoreError::Invalid(problems)) => {
            let errors = crate::forms::field_errors(staff.lang, &problems);
            refuse(staff, id, errors.into_values().collect()).await
        }
        Err(err) => Err(err.into()),
    }
}

async fn refuse(staff: Staff, id: String, problems: Vec<String>) -> Result<Response, WebError> {
    let year = this_year(&staff);
    show(staff, id, year, Shown { problems, ..Shown::default() }, StatusCode::UNPROCESSABLE_ENTITY).await
}

/// The rows of a sheet as month entries, or every problem found, each naming its row as the spreadsheet shows it.
pub fn entries_of(lang: Lang, table: &[Vec<String>], codes: &[String]) -> (Vec<MonthEntry>, Vec<String>) {
    let mut problems = Vec::new();
    let header: Vec<String> =
        table.first().map(|row| row.iter().map(|it| it.trim().to_lowercase()).collect()).unwrap_or_default();
    let Some(at) = COLUMNS.iter().map(|name| header.iter().position(|it| it == name)).collect::<Option<Vec<usize>>>()
    else {
        return (Vec::new(), vec![lang.tf("scorecards.indicators.import.header", &[("columns", &COLUMNS.join(", "))])]);
    };
    let mut entries = Vec::new();
    let mut first_seen: BTreeMap<(String, (i16, i8)), usize> = BTreeMap::new();
    for (index, row) in table.iter().enumerate().skip(1) {
        let cell = |column: usize| row.get(at[column]).map_or("", |it| it.trim());
        if row.iter().all(|it| it.trim().is_empty()) {
            continue;
        }
        let line = (index + 1).to_string();
        let say = |key: &str, given: &str| lang.tf(key, &[("row", &line), ("given", given)]);
        let code = cell(0).to_owned();
        if !codes.contains(&code) {
            problems.push(say("scorecards.indicators.import.code", &code));
        }
        let month = stored::parse_month(cell(1));
        if month.is_none() {
            problems.push(say("scorecards.indicators.import.month", cell(1)));
        }
        let mut figure = |raw: &str| {
            let value = parse_figure(raw);
            if value.is_none() && !raw.is_empty() {
                problems.push(say("scorecards.indicators.import.figure", raw));
            }
            value
        };
        let (target, actual) = (figure(cell(2)), figure(cell(3)));
        if let Some(month) = month {
            match first_seen.get(&(code.clone(), month)) {
                Some(first) => problems.push(
                    lang.tf("scorecards.indicators.import.twice", &[("row", &line), ("first", &first.to_string())]),
                ),
                None => {
                    first_seen.insert((code.clone(), month), index + 1);
                }
            }
            entries.push(MonthEntry { code, month, target, actual });
        }
    }
    if entries.is_empty() && problems.is_empty() {
        problems.push(lang.t("scorecards.indicators.import.empty").to_owned());
    }
    (entries, problems)
}
