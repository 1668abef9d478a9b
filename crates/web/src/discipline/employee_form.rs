//! One employee added or corrected on a form, through the same checks and action as a register file of one row
//! (the NIP identifies the employee, so it cannot be changed on an existing one).

use axum::Form;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::discipline::employee::{PositionType, RawEmployee};
use domain::people::Permission;
use serde::{Deserialize, Serialize};
use store::discipline::employees::{self, ImportRow};
use store::{Refusal, StoreError};

use crate::error::WebError;
use crate::forms::FieldErrors;
use crate::layout::Layout;
use crate::render::render_status;
use crate::staff::Staff;

/// The form's fields, named as the file's English columns.
#[derive(Serialize, Deserialize, Default, Clone)]
pub struct EmployeeForm {
    #[serde(default)]
    nip: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    grade: String,
    #[serde(default)]
    position: String,
    #[serde(default)]
    position_type: String,
    #[serde(default)]
    unit_code: String,
    #[serde(default)]
    superior_nip: String,
    #[serde(default)]
    account: String,
}

#[derive(Serialize)]
struct Page {
    #[serde(flatten)]
    layout: Layout,
    id: Option<String>,
    form: EmployeeForm,
    errors: FieldErrors,
    units: Vec<(String, String)>,
    position_types: Vec<Choice>,
}

/// An option of a select.
#[derive(Serialize)]
struct Choice {
    value: &'static str,
    label: &'static str,
}

/// The position types a register should use; the legacy `struktural` only while the employee still has it.
fn position_types(staff: &Staff, current: &str) -> Vec<Choice> {
    let legacy = PositionType::Struktural;
    PositionType::current()
        .iter()
        .copied()
        .chain((current == legacy.code()).then_some(legacy))
        .map(|it| Choice { value: it.code(), label: staff.lang.t(&format!("discipline.position_type.{}", it.code())) })
        .collect()
}

async fn show(
    staff: Staff,
    status: StatusCode,
    id: Option<String>,
    form: EmployeeForm,
    errors: FieldErrors,
) -> Result<Response, WebError> {
    let data = staff.app.db().tenant_data(&staff.tenant.0.id).await?;
    let tree = &data.tree;
    let units = tree
        .ordered()
        .into_iter()
        .filter_map(|(id, _)| data.units.iter().find(|u| u.id == id))
        .map(|u| (u.draft.code.clone(), u.draft.name.clone()))
        .collect();
    let position_types = position_types(&staff, &form.position_type);
    let page = Page { layout: staff.layout, id, form, errors, units, position_types };
    render_status(status, "discipline/employee_form.html", &page)
}

/// `GET /pegawai/baru`.
pub async fn new_form(staff: Staff) -> Result<Response, WebError> {
    staff.user.require_tenant(Permission::ManageEmployees)?;
    show(staff, StatusCode::OK, None, EmployeeForm::default(), FieldErrors::new()).await
}

/// `GET /pegawai/{id}`: the form filled with the employee.
pub async fn edit_form(staff: Staff, Path(id): Path<String>) -> Result<Response, WebError> {
    staff.user.require_tenant(Permission::ManageEmployees)?;
    let tenant = &staff.tenant.0.id;
    let data = staff.app.db().tenant_data(tenant).await?;
    let mut conn = staff.app.db().conn().await?;
    let it = employees::load(&mut conn, tenant, &id).await?;
    let users = store::people::queries::list_users(&mut conn, tenant).await?;
    let account = it.user_id.as_deref().and_then(|uid| users.iter().find(|u| u.id.as_str() == uid));
    let unit = data.units.iter().find(|u| u.id.as_str() == it.unit_id);
    let form = EmployeeForm {
        nip: it.nip,
        name: it.name,
        status: it.status,
        grade: it.grade.unwrap_or_default(),
        position: it.position,
        position_type: it.position_type,
        unit_code: unit.map(|u| u.draft.code.clone()).unwrap_or_default(),
        superior_nip: it.superior_nip.unwrap_or_default(),
        account: account.map(|u| u.username.clone()).unwrap_or_default(),
    };
    show(staff, StatusCode::OK, Some(id), form, FieldErrors::new()).await
}

/// `POST /pegawai`: a new employee.
pub async fn create(staff: Staff, Form(form): Form<EmployeeForm>) -> Result<Response, WebError> {
    staff.user.require_tenant(Permission::ManageEmployees)?;
    let mut conn = staff.app.db().conn().await?;
    let nip: String = form.nip.chars().filter(|it| !it.is_whitespace()).collect();
    if employees::find_by_nip(&mut conn, &staff.tenant.0.id, &nip).await?.is_some() {
        let errors = FieldErrors::from([("nip".to_owned(), staff.lang.t("discipline.employees.nip_taken").to_owned())]);
        return show(staff, StatusCode::UNPROCESSABLE_ENTITY, None, form, errors).await;
    }
    drop(conn);
    save(staff, None, form).await
}

/// `POST /pegawai/{id}`: a correction; the NIP is the employee's key and stays.
pub async fn update(
    staff: Staff,
    Path(id): Path<String>,
    Form(mut form): Form<EmployeeForm>,
) -> Result<Response, WebError> {
    staff.user.require_tenant(Permission::ManageEmployees)?;
    let mut conn = staff.app.db().conn().await?;
    form.nip = employees::load(&mut conn, &staff.tenant.0.id, &id).await?.nip;
    drop(conn);
    save(staff, Some(id), form).await
}

async fn save(staff: Staff, id: Option<String>, form: EmployeeForm) -> Result<Response, WebError> {
    let row = ImportRow {
        row: 0,
        raw: RawEmployee {
            nip: form.nip.clone(),
            name: form.name.clone(),
            status: form.status.clone(),
            grade: form.grade.clone(),
            position: form.position.clone(),
            position_type: form.position_type.clone(),
            unit_code: form.unit_code.clone(),
            superior_nip: form.superior_nip.clone(),
        },
        account: form.account.clone(),
    };
    match employees::import(&staff.action_cx(), vec![row]).await {
        Ok(_) => Ok(Redirect::to("/pegawai").into_response()),
        Err(StoreError::Refused(Refusal::Rows(problems))) => {
            let found: Vec<_> = problems.into_iter().map(|it| it.problem).collect();
            let errors = crate::forms::field_errors(staff.lang, &found);
            show(staff, StatusCode::UNPROCESSABLE_ENTITY, id, form, errors).await
        }
        Err(err) => Err(err.into()),
    }
}
