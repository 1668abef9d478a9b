//! Importing units from CSV/XLSX (all rows or none) and exporting the register.

use axum::extract::Multipart;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::people::Permission;
use serde::Serialize;
use store::StoreError;
use store::org::ImportOutcome;

use crate::auth::CurrentUser;
use crate::error::WebError;
use crate::layout::Layout;
use crate::org::transfer::{self, Refusal};
use crate::render::{download, render, render_status};
use crate::staff::Staff;

#[derive(Serialize, Default)]
struct ImportPage {
    #[serde(flatten)]
    layout: Option<Layout>,
    problems: Vec<String>,
    outcome: Option<OutcomeView>,
}

#[derive(Serialize)]
struct OutcomeView {
    n_created: usize,
    n_updated: usize,
    n_unchanged: usize,
}

/// `GET /unit/impor`: the upload form with the column reference.
pub async fn form(staff: Staff) -> Result<Response, WebError> {
    staff.user.require_tenant(Permission::ManageUnits)?;
    Ok(render("org/import.html", &ImportPage { layout: Some(staff.layout), ..ImportPage::default() })?.into_response())
}

/// `POST /unit/impor`: validates every row; imports all of them, or none and lists every bad row.
pub async fn upload(staff: Staff, multipart: Multipart) -> Result<Response, WebError> {
    staff.user.require_tenant(Permission::ManageUnits)?;
    let upload = crate::forms::read_upload(multipart).await?;
    let tenant = staff.tenant.0.clone();
    let read = crate::sheets::off_thread(move || transfer::import_rows(&upload.name, &upload.bytes, &tenant)).await?;
    let outcome = match read {
        Ok(rows) => match store::org::actions::import_units(&staff.action_cx(), rows).await {
            Err(StoreError::Refused(store::Refusal::Rows(problems))) => Err(Refusal::Rows(problems)),
            done => Ok(done?),
        },
        Err(refusal) => Err(refusal),
    };
    let mut page = ImportPage { layout: Some(staff.layout), ..ImportPage::default() };
    match outcome {
        Ok(ImportOutcome { n_created, n_updated, n_unchanged }) => {
            page.outcome = Some(OutcomeView { n_created, n_updated, n_unchanged });
            Ok(render("org/import.html", &page)?.into_response())
        }
        Err(refusal) => {
            page.problems = transfer::refusal_messages(staff.lang, &refusal);
            render_status(StatusCode::UNPROCESSABLE_ENTITY, "org/import.html", &page)
        }
    }
}

async fn visible_units(staff: &Staff) -> Result<Vec<domain::org::Unit>, WebError> {
    let user = &staff.user;
    user.require_any(Permission::ViewUnits)?;
    let mut conn = staff.app.db().conn().await?;
    let units = store::org::queries::list_units(&mut conn, &staff.tenant.0.id).await?;
    let tree = domain::org::UnitTree::of_units(&units);
    let ordered = tree.ordered();
    Ok(ordered
        .into_iter()
        .filter(|(id, _)| user.access.can_unit(Permission::ViewUnits, id, &tree))
        .filter_map(|(id, _)| units.iter().find(|it| it.id == id).cloned())
        .collect())
}

/// `GET /unit/ekspor.csv`: the units the user may see, parents first.
pub async fn export_csv(staff: Staff) -> Result<Response, WebError> {
    let units = visible_units(&staff).await?;
    let body = transfer::write_csv(&units).map_err(|err| WebError::Internal(err.to_string()))?;
    Ok(download("text/csv; charset=utf-8", "unit.csv", body))
}

/// `GET /unit/ekspor.xlsx`: the same as a workbook.
pub async fn export_xlsx(staff: Staff) -> Result<Response, WebError> {
    let units = visible_units(&staff).await?;
    let body = transfer::write_xlsx(&units).map_err(|err| WebError::Internal(err.to_string()))?;
    Ok(download("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "unit.xlsx", body))
}

/// `GET /unit/templat.csv`: an empty file with the columns and one example row.
pub async fn template_csv(user: CurrentUser) -> Result<Response, WebError> {
    user.require_any(Permission::ViewUnits)?;
    let mut body = vec![0xEF, 0xBB, 0xBF];
    body.extend_from_slice(transfer::COLUMNS.join(",").as_bytes());
    body.extend_from_slice(b"\nDISDUKCAPIL,,dinas,Dinas Kependudukan dan Pencatatan Sipil,Disdukcapil,Dinas Dukcapil; Dukcapil,Asia/Jakarta,ya,ya\n");
    Ok(download("text/csv; charset=utf-8", "templat-unit.csv", body))
}
