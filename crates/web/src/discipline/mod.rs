//! Civil-servant discipline on the web: the employee register and its files, attendance imports and the
//! proposals they give, case files walked step by step with their letters, the sanction register and the rules.
//! A case is read only by the personnel unit and inspectorate (within their scope), its team and officials, and
//! the employee concerned; every reading is logged.

mod attendance;
mod case_file;
mod case_view;
pub(crate) mod cases;
mod employee_form;
mod employees;
pub mod files;
pub(crate) mod letter_docs;
pub(crate) mod letters;
mod register;
mod rules;
mod rules_tables;
pub(crate) mod step_form;
pub(crate) mod wire;

use axum::Router;
use axum::routing::{get, post};
use domain::discipline::Membership;
use store::discipline::cases::CaseFile;

use crate::app::App;
use crate::error::WebError;
use crate::staff::Staff;

/// Page routes.
pub fn routes() -> Router<App> {
    Router::new()
        .route("/disiplin", get(cases::list))
        .route("/disiplin/kasus", post(cases::open))
        .route("/disiplin/kasus/baru", get(cases::new_form))
        .route("/disiplin/kasus/{id}", get(case_file::show))
        .route("/disiplin/kasus/{id}/langkah", post(case_file::add_step))
        .route("/disiplin/kasus/{id}/anggota", post(case_file::add_member))
        .route("/disiplin/kasus/{id}/rekam.json", get(case_file::record))
        .route("/disiplin/kasus/{id}/surat/{kind}", get(letters::download))
        .route("/disiplin/kehadiran", get(attendance::page).post(attendance::upload))
        .route("/disiplin/sanksi", get(register::page))
        .route("/disiplin/sanksi.csv", get(register::csv))
        .route("/disiplin/aturan", get(rules::page).post(rules::save))
        .route("/disiplin/aturan.toml", get(rules::download))
        .route("/pegawai", get(employees::list).post(employee_form::create))
        .route("/pegawai/baru", get(employee_form::new_form))
        .route("/pegawai/{id}", get(employee_form::edit_form).post(employee_form::update))
        .route("/pegawai/impor", get(employees::import_form).post(employees::import))
        .route("/pegawai/ekspor.csv", get(employees::export_csv))
        .route("/pegawai/ekspor.xlsx", get(employees::export_xlsx))
        .route("/pegawai/templat.csv", get(employees::template_csv))
}

pub(crate) use domain::discipline::Reach;

/// The user's reach on a case, or `NotFound` (a case's existence is itself confidential); the rule is the domain's.
pub(crate) async fn reach(staff: &Staff, file: &CaseFile) -> Result<Reach, WebError> {
    let data = staff.app.db().tenant_data(&staff.tenant.0.id).await?;
    let unit = domain::ids::UnitId::new(file.employee.unit_id.clone());
    let user_id = staff.user.user.id.as_str();
    let is_employee = file.employee.user_id.as_deref() == Some(user_id);
    let roles: Vec<Membership> =
        file.members.iter().filter(|(id, _)| id == user_id).map(|(_, role)| Membership::parse(role)).collect();
    let membership =
        [Membership::Official, Membership::Team].into_iter().find(|it| roles.contains(it)).unwrap_or(Membership::None);
    domain::discipline::reach(&staff.user.access, (&unit, &data.tree), is_employee, membership)
        .ok_or(WebError::NotFound)
}

/// The tenant's rules, as the pages use them.
pub(crate) async fn rules_of(staff: &Staff) -> Result<domain::discipline::Rules, WebError> {
    let mut conn = staff.app.db().conn().await?;
    Ok(store::discipline::rules::load(&mut conn, &staff.tenant.0.id).await?)
}

#[cfg(test)]
pub(crate) mod tests;
#[cfg(test)]
mod tests_api;
#[cfg(test)]
mod tests_authority;
