//! The case file: the employee, the breaches, what is due and late, the steps with their letters, the members and
//! the views; the step forms for those who act; the record export for an appeal. Every opening is logged.

use axum::Form;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::discipline::employee::PositionType;
use domain::discipline::{Level, Rules};
use serde::Serialize;
use serde_json::json;
use store::discipline::cases::{self, CaseFile};
use store::discipline::{members, record};
use store::{Refusal, StoreError};

use super::case_view::{BreachView, CaseView, EmployeeView, OfficeOption, StepRow};
use super::{Reach, step_form};
use crate::error::WebError;
use crate::layout::Layout;
use crate::render::render_status;
use crate::staff::Staff;

#[derive(Serialize)]
struct Page {
    #[serde(flatten)]
    layout: Layout,
    case: CaseView,
    employee: EmployeeView,
    breaches: Vec<BreachView>,
    due: Vec<DueView>,
    steps: Vec<StepRow>,
    members: Vec<MemberView>,
    views: Vec<ViewRow>,
    acts: bool,
    handler: bool,
    own: bool,
    offered: Vec<&'static str>,
    sanctions: Vec<SanctionOption>,
    officials: Vec<OfficeOption>,
    error: Option<String>,
}

#[derive(Serialize)]
struct DueView {
    code: &'static str,
    date: Option<String>,
    late: bool,
    source: Option<String>,
}

#[derive(Serialize)]
struct MemberView {
    name: String,
    role: String,
}

#[derive(Serialize)]
struct ViewRow {
    who: String,
    what: String,
    at: String,
}

#[derive(Serialize)]
struct SanctionOption {
    code: String,
    name: String,
    level: &'static str,
}

async fn load(staff: &Staff, id: &str) -> Result<(Rules, CaseFile, Reach), WebError> {
    let rules = super::rules_of(staff).await?;
    let mut conn = staff.app.db().conn().await?;
    let file = cases::load(&mut conn, &staff.tenant.0.id, &rules, id).await?;
    drop(conn);
    let reach = super::reach(staff, &file).await?;
    Ok((rules, file, reach))
}

async fn page(staff: Staff, id: &str, status: StatusCode, error: Option<String>) -> Result<Response, WebError> {
    let (rules, file, reach) = load(&staff, id).await?;
    let tenant = &staff.tenant.0.id;
    record::log_view(&staff.action_cx(), id, "berkas").await?;
    let data = staff.app.db().tenant_data(tenant).await?;
    let mut conn = staff.app.db().conn().await?;
    let today = staff.app.now().to_zoned(staff.tenant.0.zone.time_zone()).date();
    let lang = staff.lang;
    let date = |it: jiff::civil::Date| crate::view::format::long_date(lang, it);
    let due = file
        .case
        .agenda(&rules, &file.calendar, today)
        .into_iter()
        .map(|it| DueView { code: it.code, date: it.date.map(date), late: it.late, source: it.source })
        .collect();
    let users = store::people::queries::list_users(&mut conn, tenant).await?;
    let name_of =
        |id: &str| users.iter().find(|u| u.id.as_str() == id).map_or(id.to_owned(), |u| u.display_name.clone());
    let views = if reach == Reach::Handler {
        record::list_views(&mut conn, tenant, id)
            .await?
            .into_iter()
            .take(50)
            .map(|it| ViewRow {
                who: it.display_name,
                what: it.what,
                at: crate::view::format::local_time(it.at_ms, staff.tenant.0.zone),
            })
            .collect()
    } else {
        Vec::new()
    };
    let unit = data.units.iter().find(|u| u.id.as_str() == file.employee.unit_id);
    let accused =
        (PositionType::parse(&file.employee.position_type).unwrap_or(PositionType::Struktural), staff.tenant.0.level);
    let page = Page {
        case: super::case_view::case(&rules, &file, lang),
        employee: super::case_view::employee(&file, unit.map(|u| u.draft.name.clone())),
        breaches: super::case_view::breaches(&rules, &file),
        due,
        steps: super::case_view::steps(&rules, &file, &name_of, staff.tenant.0.zone),
        members: file.members.iter().map(|(id, role)| MemberView { name: name_of(id), role: role.clone() }).collect(),
        views,
        acts: reach.acts(),
        handler: reach == Reach::Handler,
        own: reach == Reach::Own,
        offered: if reach.acts() { file.case.offered_steps() } else { Vec::new() },
        sanctions: rules
            .sanctions()
            .iter()
            .filter(|it| Some(it.level) <= file.case.level.or(Some(Level::Berat)))
            .map(|it| SanctionOption { code: it.code.clone(), name: it.name.clone(), level: it.level.code() })
            .collect(),
        officials: super::case_view::offices(&rules, accused, lang),
        error,
        layout: staff.layout,
    };
    render_status(status, "discipline/case.html", &page)
}

/// `GET /disiplin/kasus/{id}`.
pub async fn show(staff: Staff, Path(id): Path<String>) -> Result<Response, WebError> {
    page(staff, &id, StatusCode::OK, None).await
}

/// `POST /disiplin/kasus/{id}/langkah`.
pub async fn add_step(
    staff: Staff,
    Path(id): Path<String>,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let (rules, file, reach) = load(&staff, &id).await?;
    if !reach.acts() {
        return Err(WebError::Forbidden);
    }
    let accused =
        (PositionType::parse(&file.employee.position_type).unwrap_or(PositionType::Struktural), staff.tenant.0.level);
    let (step, details) = match step_form::read(staff.lang, &rules, accused, &form) {
        Ok(read) => read,
        Err(message) => return page(staff, &id, StatusCode::UNPROCESSABLE_ENTITY, Some(message)).await,
    };
    match cases::add_step(&staff.action_cx(), &rules, &id, step, details).await {
        Ok(()) => Ok(Redirect::to(&format!("/disiplin/kasus/{id}")).into_response()),
        Err(StoreError::Refused(Refusal::Discipline(refusal))) => {
            let message = step_form::refusal(staff.lang, &refusal);
            page(staff, &id, StatusCode::UNPROCESSABLE_ENTITY, Some(message)).await
        }
        Err(err) => Err(err.into()),
    }
}

/// `POST /disiplin/kasus/{id}/anggota`: `username`, `role` (`team` or `official`).
pub async fn add_member(
    staff: Staff,
    Path(id): Path<String>,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let (_, _, reach) = load(&staff, &id).await?;
    if reach != Reach::Handler {
        return Err(WebError::Forbidden);
    }
    let get = |name: &str| form.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default();
    match members::add_member(&staff.action_cx(), &id, &get("username"), &get("role")).await {
        Ok(()) => Ok(Redirect::to(&format!("/disiplin/kasus/{id}")).into_response()),
        Err(StoreError::Invalid(problems)) => {
            let message =
                problems.iter().map(|it| crate::forms::message(staff.lang, &it.problem)).collect::<Vec<_>>().join(" ");
            page(staff, &id, StatusCode::UNPROCESSABLE_ENTITY, Some(message)).await
        }
        Err(other) => Err(other.into()),
    }
}

/// `GET /disiplin/kasus/{id}/rekam.json`: the case, its steps and the audit entries about it with their chain
/// digest, for an appeal.
pub async fn record(staff: Staff, Path(id): Path<String>) -> Result<Response, WebError> {
    let (_, file, reach) = load(&staff, &id).await?;
    // The employee needs the record for an objection or appeal as much as those who handle the case.
    if !(reach.acts() || reach == Reach::Own) {
        return Err(WebError::Forbidden);
    }
    let tenant = &staff.tenant.0.id;
    record::log_view(&staff.action_cx(), &id, "rekam").await?;
    let mut conn = staff.app.db().conn().await?;
    let trail = record::load_audit_trail(&mut conn, tenant, &id).await?;
    let steps: Vec<super::wire::RecordedStepOut> = file.steps.iter().map(Into::into).collect();
    let breaches: Vec<super::wire::BreachOut> = file.breaches.iter().map(Into::into).collect();
    let body = json!({ "tenant": tenant.as_str(), "case": file.row, "employee": file.employee, "breaches": breaches,
        "steps": steps, "audit": trail, "exported_at_ms": staff.app.now().as_millisecond() });
    let text = serde_json::to_string_pretty(&body).map_err(|err| WebError::Internal(err.to_string()))?;
    Ok(crate::render::download("application/json", &format!("rekam-{}.json", file.row.number), text.into()))
}
