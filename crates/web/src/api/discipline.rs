//! `/api/v1/discipline` and `/api/v1/employees` for a signed-in session (with the `X-CSRF-Token` header on writes):
//! the cases the user may read with what is due, one case file, recording a step through the same guards as the page,
//! the attendance proposals of a year and the employee register. Same permissions, scope and view log as the pages.

use std::collections::BTreeMap;

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use domain::discipline::Due;
use domain::discipline::employee::PositionType;
use domain::people::Permission;
use serde::{Deserialize, Serialize};
use store::discipline::cases::CaseFile;
use store::{Refusal, StoreError};
use utoipa::{IntoParams, ToSchema};

use crate::App;
use crate::discipline::wire::{BreachOut, RecordedStepOut};
use crate::discipline::{cases, step_form};
use crate::error::{ApiProblem, WebError};
use crate::staff::Staff;

/// The routes.
pub fn routes() -> Router<App> {
    Router::new()
        .route("/api/v1/discipline/cases", get(list))
        .route("/api/v1/discipline/cases/{id}", get(one))
        .route("/api/v1/discipline/cases/{id}/steps", post(add_step))
        .route("/api/v1/discipline/proposals", get(proposals))
        .route("/api/v1/employees", get(employees))
}

/// Something due in a case.
#[derive(Serialize, ToSchema)]
pub struct DueOut {
    /// `summons`, `examination`, `second_summons`, `team`, `decision`, `delivery`, `effective`, `objection`, `review`.
    code: String,
    /// By (or on) this date, `YYYY-MM-DD`.
    date: Option<String>,
    late: bool,
    /// The rule the date comes from.
    source: Option<String>,
}

/// A case in a list.
#[derive(Serialize, ToSchema)]
pub struct CaseOut {
    id: String,
    /// `HD-2026-0001`.
    number: String,
    employee_nip: String,
    employee_name: String,
    unit_id: String,
    /// `ringan`, `sedang`, `berat`.
    level: String,
    /// `open`, `decided`, `delivered`, `objected`, `closed`, `dropped`.
    state: String,
    /// Sanction code in force.
    sanction: Option<String>,
    effective_on: Option<String>,
    ends_on: Option<String>,
    due: Vec<DueOut>,
}

/// A case file.
#[derive(Serialize, ToSchema)]
pub struct CaseFileOut {
    #[serde(flatten)]
    case: CaseOut,
    origin: String,
    origin_ref: Option<String>,
    facts: String,
    evidence: String,
    /// Alleged breaches: catalogue code, impact, level.
    breaches: Vec<BreachOut>,
    /// Steps in order.
    steps: Vec<RecordedStepOut>,
}

fn due_out(due: Vec<Due>) -> Vec<DueOut> {
    due.into_iter()
        .map(|it| DueOut {
            code: it.code.to_owned(),
            date: it.date.map(|d| d.to_string()),
            late: it.late,
            source: it.source,
        })
        .collect()
}

fn case_out(file: &CaseFile, due: Vec<Due>) -> CaseOut {
    let row = &file.row;
    CaseOut {
        id: row.id.clone(),
        number: row.number.clone(),
        employee_nip: file.employee.nip.clone(),
        employee_name: file.employee.name.clone(),
        unit_id: file.employee.unit_id.clone(),
        level: row.level.clone(),
        state: row.state.clone(),
        sanction: row.sanction.clone(),
        effective_on: row.effective_on.clone(),
        ends_on: row.ends_on.clone(),
        due: due_out(due),
    }
}

/// Cases the user may read.
#[utoipa::path(get, path = "/api/v1/discipline/cases",
    responses((status = 200, body = Vec<CaseOut>), (status = 401, body = crate::error::ProblemDocument<'_>)))]
pub async fn list(staff: Staff) -> Result<Json<Vec<CaseOut>>, WebError> {
    let rules = crate::discipline::rules_of(&staff).await?;
    let found = cases::visible(&staff, &rules).await?;
    Ok(Json(found.into_iter().map(|(file, due)| case_out(&file, due)).collect()))
}

/// One case file; the reading is logged like an opening of the page.
#[utoipa::path(get, path = "/api/v1/discipline/cases/{id}",
    responses((status = 200, body = CaseFileOut), (status = 404, body = crate::error::ProblemDocument<'_>)))]
pub async fn one(staff: Staff, Path(id): Path<String>) -> Result<Json<CaseFileOut>, WebError> {
    let rules = crate::discipline::rules_of(&staff).await?;
    let (file, due) = cases::visible(&staff, &rules)
        .await?
        .into_iter()
        .find(|(file, _)| file.row.id == id)
        .ok_or(WebError::NotFound)?;
    store::discipline::record::log_view(&staff.action_cx(), &id, "api").await?;
    // The recorder is left out as before: the API shows what happened, the audit trail who did it.
    let steps = file.steps.iter().map(|it| RecordedStepOut { by_user: None, ..RecordedStepOut::from(it) }).collect();
    Ok(Json(CaseFileOut {
        origin: file.row.origin.clone(),
        origin_ref: file.row.origin_ref.clone(),
        facts: file.row.facts.clone(),
        evidence: file.row.evidence.clone(),
        breaches: file.breaches.iter().map(BreachOut::from).collect(),
        steps,
        case: case_out(&file, due),
    }))
}

/// A step, with the same fields as the case page's forms (`kind` and, by kind: `sent`, `examination`, `on`,
/// `sanction`, `official`, `outcome`, `changed_sanction`; the letter fields `letter_number`, `place`, `time`,
/// `examiner`, `record`, `note`, `team`, `official_name`; `signed: "on"` for a signed BAP).
#[derive(Deserialize, ToSchema)]
pub struct StepIn {
    /// `summons`, `absent`, `examined`, `team_formed`, `relieved`, `islah`, `dropped`, `decided`,
    /// `absent_at_delivery`, `delivered`, `objection`, `reviewed`.
    kind: String,
    /// The other fields, as text.
    #[serde(flatten)]
    fields: BTreeMap<String, String>,
}

/// Records a step if the due-process guards allow it.
#[utoipa::path(post, path = "/api/v1/discipline/cases/{id}/steps", request_body = StepIn,
    responses((status = 201), (status = 403, body = crate::error::ProblemDocument<'_>),
        (status = 404, body = crate::error::ProblemDocument<'_>), (status = 422, body = crate::error::ProblemDocument<'_>)))]
pub async fn add_step(staff: Staff, Path(id): Path<String>, Json(body): Json<StepIn>) -> Result<Response, WebError> {
    let rules = crate::discipline::rules_of(&staff).await?;
    let mut conn = staff.app.db().conn().await?;
    let file = store::discipline::cases::load(&mut conn, &staff.tenant.0.id, &rules, &id).await?;
    drop(conn);
    if !crate::discipline::reach(&staff, &file).await?.acts() {
        return Err(WebError::Forbidden);
    }
    let accused =
        (PositionType::parse(&file.employee.position_type).unwrap_or(PositionType::Struktural), staff.tenant.0.level);
    let mut form: Vec<(String, String)> = body.fields.into_iter().collect();
    form.push(("kind".to_owned(), body.kind));
    let refused = |code: &str, message: String| {
        WebError::Invalid(vec![ApiProblem { field: "step".to_owned(), code: code.to_owned(), message }])
    };
    let (step, details) = step_form::read(staff.lang, &rules, accused, &form).map_err(|it| refused("invalid", it))?;
    match store::discipline::cases::add_step(&staff.action_cx(), &rules, &id, step, details).await {
        Ok(()) => Ok(StatusCode::CREATED.into_response()),
        Err(StoreError::Refused(Refusal::Discipline(refusal))) => {
            Err(refused("refused", step_form::refusal(staff.lang, &refusal)))
        }
        Err(err) => Err(err.into()),
    }
}

/// Year of the proposals.
#[derive(Deserialize, IntoParams)]
pub struct YearQuery {
    /// Calendar year.
    year: i64,
}

/// An attendance total that crosses a threshold.
#[derive(Serialize, ToSchema)]
pub struct ProposalOut {
    employee_id: String,
    nip: String,
    name: String,
    unit_id: String,
    /// Unexcused working days in the year.
    days: i64,
    /// Longest run of consecutive unexcused working days.
    longest_run: i64,
    level: Option<String>,
    sanction: Option<String>,
    /// The table row or rule, with its source.
    reason: Option<String>,
    /// The case opened from it.
    case_id: Option<String>,
}

/// The proposals of a year within the user's scope.
#[utoipa::path(get, path = "/api/v1/discipline/proposals", params(YearQuery),
    responses((status = 200, body = Vec<ProposalOut>), (status = 403, body = crate::error::ProblemDocument<'_>)))]
pub async fn proposals(staff: Staff, Query(query): Query<YearQuery>) -> Result<Json<Vec<ProposalOut>>, WebError> {
    staff.user.require_any(Permission::HandleDiscipline)?;
    let tenant = &staff.tenant.0.id;
    let data = staff.app.db().tenant_data(tenant).await?;
    let tree = &data.tree;
    let mut conn = staff.app.db().conn().await?;
    let found = store::discipline::attendance::list_proposals(&mut conn, tenant, query.year).await?;
    Ok(Json(
        found
            .into_iter()
            .filter(|it| {
                let unit = domain::ids::UnitId::new(it.unit_id.clone());
                staff.user.access.can_unit(Permission::HandleDiscipline, &unit, tree)
            })
            .map(|it| ProposalOut {
                employee_id: it.employee_id,
                nip: it.nip,
                name: it.name,
                unit_id: it.unit_id,
                days: it.days,
                longest_run: it.longest_run,
                level: it.level,
                sanction: it.sanction,
                reason: it.reason,
                case_id: it.case_id,
            })
            .collect(),
    ))
}

/// An employee of the register.
#[derive(Serialize, ToSchema)]
pub struct EmployeeOut {
    id: String,
    nip: String,
    name: String,
    /// `pns`, `cpns`, `pppk`, `non_asn`.
    status: String,
    grade: Option<String>,
    position: String,
    /// `jpt_madya`, `jpt_pratama`, `administrator`, `pengawas`, `pelaksana`, `fungsional`, `fungsional_ahli_utama`,
    /// or `struktural` (a managerial post of unknown rung, from registers made before the rungs were asked).
    position_type: String,
    unit_id: String,
    superior_nip: Option<String>,
}

/// The employees of the units in the user's scope.
#[utoipa::path(get, path = "/api/v1/employees",
    responses((status = 200, body = Vec<EmployeeOut>), (status = 403, body = crate::error::ProblemDocument<'_>)))]
pub async fn employees(staff: Staff) -> Result<Json<Vec<EmployeeOut>>, WebError> {
    staff.user.require_any(Permission::ViewEmployees)?;
    let tenant = &staff.tenant.0.id;
    let data = staff.app.db().tenant_data(tenant).await?;
    let tree = &data.tree;
    let mut conn = staff.app.db().conn().await?;
    let all = store::discipline::employees::list(&mut conn, tenant).await?;
    Ok(Json(
        all.into_iter()
            .filter(|it| {
                let unit = domain::ids::UnitId::new(it.unit_id.clone());
                staff.user.access.can_unit(Permission::ViewEmployees, &unit, tree)
            })
            .map(|it| EmployeeOut {
                id: it.id,
                nip: it.nip,
                name: it.name,
                status: it.status,
                grade: it.grade,
                position: it.position,
                position_type: it.position_type,
                unit_id: it.unit_id,
                superior_nip: it.superior_nip,
            })
            .collect(),
    ))
}
