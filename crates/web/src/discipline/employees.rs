//! The employee register: the list (within the reader's units), the import form (all rows or none, every bad row
//! listed) and the exports.

use axum::extract::{Multipart, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::people::Permission;
use serde::{Deserialize, Serialize};
use store::discipline::employees::{self, Employee};
use store::org::ImportOutcome;
use store::{Refusal, StoreError};

use super::files;
use crate::error::WebError;
use crate::forms::read_upload;
use crate::layout::Layout;
use crate::render::{download, render, render_status};
use crate::staff::Staff;

#[derive(Serialize)]
struct Row {
    id: String,
    nip: String,
    name: String,
    status: String,
    grade: String,
    position: String,
    position_type: String,
    unit: String,
    superior: String,
}

#[derive(Serialize)]
struct ListPage {
    #[serde(flatten)]
    layout: Layout,
    rows: Vec<Row>,
    q: String,
    can_manage: bool,
    can_open: bool,
}

#[derive(Deserialize, Default)]
pub struct Filter {
    #[serde(default)]
    q: String,
}

/// The employees the user may see, with unit code and name and the account's username.
async fn visible(staff: &Staff) -> Result<Vec<(Employee, String, String, String)>, WebError> {
    staff.user.require_any(Permission::ViewEmployees)?;
    let tenant = &staff.tenant.0.id;
    let data = staff.app.db().tenant_data(tenant).await?;
    let tree = &data.tree;
    let mut conn = staff.app.db().conn().await?;
    let all = employees::list(&mut conn, tenant).await?;
    let users = store::people::queries::list_users(&mut conn, tenant).await?;
    Ok(all
        .into_iter()
        .filter(|it| {
            let unit = domain::ids::UnitId::new(it.unit_id.clone());
            staff.user.access.can_unit(Permission::ViewEmployees, &unit, tree)
        })
        .map(|it| {
            let unit = data.units.iter().find(|unit| unit.id.as_str() == it.unit_id);
            let code = unit.map(|unit| unit.draft.code.clone()).unwrap_or_default();
            let name = unit.map(|unit| unit.draft.name.clone()).unwrap_or_default();
            let account = it
                .user_id
                .as_deref()
                .and_then(|id| users.iter().find(|user| user.id.as_str() == id))
                .map(|user| user.username.clone())
                .unwrap_or_default();
            (it, code, name, account)
        })
        .collect())
}

/// `GET /pegawai`.
pub async fn list(staff: Staff, Query(filter): Query<Filter>) -> Result<Response, WebError> {
    let q = filter.q.trim().to_lowercase();
    let rows = visible(&staff)
        .await?
        .into_iter()
        .filter(|(it, ..)| q.is_empty() || it.nip.contains(&q) || it.name.to_lowercase().contains(&q))
        .map(|(it, _, unit, _)| Row {
            id: it.id,
            nip: it.nip,
            name: it.name,
            status: it.status,
            grade: it.grade.unwrap_or_default(),
            position: it.position,
            position_type: it.position_type,
            unit,
            superior: it.superior_nip.unwrap_or_default(),
        })
        .collect();
    let page = ListPage {
        can_manage: staff.user.access.can_tenant(Permission::ManageEmployees),
        can_open: staff.user.access.has(Permission::HandleDiscipline),
        layout: staff.layout,
        rows,
        q: filter.q,
    };
    Ok(render("discipline/employees.html", &page)?.into_response())
}

#[derive(Serialize)]
struct ImportPage {
    #[serde(flatten)]
    layout: Layout,
    problems: Vec<String>,
    outcome: Option<(usize, usize, usize)>,
    columns: Vec<&'static str>,
}

/// `GET /pegawai/impor`.
pub async fn import_form(staff: Staff) -> Result<Response, WebError> {
    staff.user.require_tenant(Permission::ManageEmployees)?;
    let page = ImportPage {
        layout: staff.layout,
        problems: Vec::new(),
        outcome: None,
        columns: files::EMPLOYEE_COLUMNS.to_vec(),
    };
    Ok(render("discipline/employees_import.html", &page)?.into_response())
}

/// `POST /pegawai/impor`.
pub async fn import(staff: Staff, multipart: Multipart) -> Result<Response, WebError> {
    staff.user.require_tenant(Permission::ManageEmployees)?;
    let upload = read_upload(multipart).await?;
    let read = crate::sheets::off_thread(move || files::employee_rows(&upload.name, &upload.bytes)).await?;
    let result = match read {
        Ok(rows) => match employees::import(&staff.action_cx(), rows).await {
            Err(StoreError::Refused(Refusal::Rows(problems))) => Err(files::employee_messages(staff.lang, &problems)),
            done => Ok(done?),
        },
        Err(problem) => Err(files::file_messages(staff.lang, &problem)),
    };
    let mut page = ImportPage {
        layout: staff.layout,
        problems: Vec::new(),
        outcome: None,
        columns: files::EMPLOYEE_COLUMNS.to_vec(),
    };
    match result {
        Ok(ImportOutcome { n_created, n_updated, n_unchanged }) => {
            page.outcome = Some((n_created, n_updated, n_unchanged));
            Ok(render("discipline/employees_import.html", &page)?.into_response())
        }
        Err(problems) => {
            page.problems = problems;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, "discipline/employees_import.html", &page)
        }
    }
}

fn records(rows: &[(Employee, String, String, String)]) -> Vec<[String; 9]> {
    rows.iter().map(|(it, code, _, account)| files::employee_record(it, code, account)).collect()
}

/// `GET /pegawai/ekspor.csv`.
pub async fn export_csv(staff: Staff) -> Result<Response, WebError> {
    let rows = records(&visible(&staff).await?);
    let body = crate::discipline::register::csv_bytes(&files::EMPLOYEE_COLUMNS, &rows)?;
    Ok(download("text/csv; charset=utf-8", "pegawai.csv", body))
}

/// `GET /pegawai/ekspor.xlsx`.
pub async fn export_xlsx(staff: Staff) -> Result<Response, WebError> {
    let rows = records(&visible(&staff).await?);
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    let write = |sheet: &mut rust_xlsxwriter::Worksheet| -> Result<(), rust_xlsxwriter::XlsxError> {
        sheet.set_name("pegawai")?;
        for (col, name) in files::EMPLOYEE_COLUMNS.iter().enumerate() {
            sheet.write_string(0, u16::try_from(col).unwrap_or(0), *name)?;
        }
        for (row, record) in rows.iter().enumerate() {
            for (col, value) in record.iter().enumerate() {
                // Written as text so an 18-digit NIP keeps every digit.
                sheet.write_string(u32::try_from(row + 1).unwrap_or(0), u16::try_from(col).unwrap_or(0), value)?;
            }
        }
        sheet.autofit();
        Ok(())
    };
    write(sheet).map_err(|err| WebError::Internal(err.to_string()))?;
    let body = workbook.save_to_buffer().map_err(|err| WebError::Internal(err.to_string()))?;
    Ok(download("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "pegawai.xlsx", body))
}

/// `GET /pegawai/templat.csv`: the columns and one example row.
pub async fn template_csv(staff: Staff) -> Result<Response, WebError> {
    staff.user.require_any(Permission::ViewEmployees)?;
    let example = [
        "198703152010011002",
        "Rahmat Hidayat",
        "pns",
        "III/b",
        "Pengadministrasi Perizinan",
        "pelaksana",
        "DPMPTSP",
        "197905102005012001",
        "",
    ]
    .map(str::to_owned);
    let body = crate::discipline::register::csv_bytes(&files::EMPLOYEE_COLUMNS, &[example])?;
    Ok(download("text/csv; charset=utf-8", "templat-pegawai.csv", body))
}
