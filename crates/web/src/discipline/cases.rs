//! The list of cases the user may read, with what is due next in each, and opening a case.

use axum::Form;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::discipline::{Due, Rules};
use domain::people::Permission;
use serde::{Deserialize, Serialize};
use store::StoreError;
use store::discipline::cases::{self, CaseFile, NewCase};

use crate::error::WebError;
use crate::forms::{FieldErrors, field_errors};
use crate::layout::Layout;
use crate::render::{render, render_status};
use crate::staff::Staff;

#[derive(Serialize)]
struct Row {
    id: String,
    number: String,
    employee: String,
    nip: String,
    unit: String,
    level: String,
    state: String,
    due: Option<String>,
    due_date: Option<String>,
    late: bool,
}

#[derive(Serialize)]
struct ListPage {
    #[serde(flatten)]
    layout: Layout,
    rows: Vec<Row>,
    handler: bool,
    can_import: bool,
    can_rules: bool,
}

/// Every case the user may read (as handler, member or employee), with what is due in each, newest first.
pub(crate) async fn visible(staff: &Staff, rules: &Rules) -> Result<Vec<(CaseFile, Vec<Due>)>, WebError> {
    let tenant = &staff.tenant.0.id;
    let today = staff.app.now().to_zoned(staff.tenant.0.zone.time_zone()).date();
    let mut conn = staff.app.db().conn().await?;
    let all = cases::list(&mut conn, tenant).await?;
    let mut out = Vec::new();
    for row in all {
        let file = cases::load(&mut conn, tenant, rules, &row.id).await?;
        if super::reach(staff, &file).await.is_err() {
            continue;
        }
        let due = file.case.agenda(rules, &file.calendar, today);
        out.push((file, due));
    }
    Ok(out)
}

/// `GET /disiplin`: every case the user may read (as handler, member or employee).
pub async fn list(staff: Staff) -> Result<Response, WebError> {
    let rules = super::rules_of(&staff).await?;
    let view = crate::view::TenantView::of(&staff).await?;
    let mut rows = Vec::new();
    for (file, due) in visible(&staff, &rules).await? {
        let first = due.first();
        let unit = view.unit_name(&file.employee.unit_id);
        rows.push(Row {
            id: file.row.id,
            number: file.row.number,
            employee: file.employee.name,
            nip: file.employee.nip,
            unit,
            level: file.row.level,
            state: file.row.state,
            due: first.map(|it| it.code.to_owned()),
            due_date: first.and_then(|it| it.date).map(|it| crate::view::format::long_date(staff.lang, it)),
            late: due.iter().any(|it| it.late),
        });
    }
    let access = &staff.user.access;
    let page = ListPage {
        handler: access.has(Permission::HandleDiscipline),
        can_import: access.can_tenant(Permission::ManageEmployees),
        can_rules: access.has(Permission::HandleDiscipline) || access.has(Permission::ManageDisciplineRules),
        layout: staff.layout,
        rows,
    };
    Ok(render("discipline/cases.html", &page)?.into_response())
}

#[derive(Deserialize, Serialize, Default, Clone)]
pub struct NewQuery {
    #[serde(default)]
    employee: String,
    #[serde(default)]
    origin: String,
    #[serde(default, rename = "ref")]
    origin_ref: String,
}

#[derive(Serialize)]
struct NewPage {
    #[serde(flatten)]
    layout: Layout,
    form: NewQuery,
    facts: String,
    evidence: String,
    chosen: Vec<(String, String)>,
    employees: Vec<(String, String)>,
    origins: Vec<&'static str>,
    catalogue: Vec<CatalogueChoice>,
    errors: FieldErrors,
}

/// An obligation or prohibition a case may name by hand, with the impacts to choose from.
#[derive(Serialize)]
struct CatalogueChoice {
    code: String,
    kind: String,
    article: String,
    text: String,
    impacts: Vec<ImpactChoice>,
}

/// An impact and the level it gives; none when the level follows the employee's position.
#[derive(Serialize)]
struct ImpactChoice {
    impact: &'static str,
    level: Option<&'static str>,
}

fn catalogue_choices(rules: &domain::discipline::Rules) -> Vec<CatalogueChoice> {
    use domain::discipline::Impact;
    rules
        .catalogue()
        .iter()
        .filter(|it| it.chosen_by_hand())
        .map(|it| {
            let impacts = Impact::ALL
                .into_iter()
                .filter_map(|impact| match it.level(impact) {
                    Some(level) => Some(ImpactChoice { impact: impact.code(), level: Some(level.code()) }),
                    None => (!it.by_position.is_empty()).then_some(ImpactChoice { impact: impact.code(), level: None }),
                })
                .collect();
            CatalogueChoice {
                code: it.code.clone(),
                kind: it.kind.clone(),
                article: it.article.clone(),
                text: it.text.clone(),
                impacts,
            }
        })
        .collect()
}

async fn new_page(
    staff: Staff,
    status: StatusCode,
    form: NewQuery,
    rest: (String, String, Vec<(String, String)>),
    errors: FieldErrors,
) -> Result<Response, WebError> {
    let rules = super::rules_of(&staff).await?;
    let tenant = &staff.tenant.0.id;
    let data = staff.app.db().tenant_data(tenant).await?;
    let tree = &data.tree;
    let mut conn = staff.app.db().conn().await?;
    let employees = store::discipline::employees::list(&mut conn, tenant)
        .await?
        .into_iter()
        .filter(|it| {
            staff.user.access.can_unit(
                Permission::HandleDiscipline,
                &domain::ids::UnitId::new(it.unit_id.clone()),
                tree,
            )
        })
        .map(|it| (it.id, format!("{} — {}", it.name, it.nip)))
        .collect();
    let (facts, evidence, chosen) = rest;
    let page = NewPage {
        layout: staff.layout,
        form,
        facts,
        evidence,
        chosen,
        employees,
        origins: cases::ORIGINS.to_vec(),
        catalogue: catalogue_choices(&rules),
        errors,
    };
    render_status(status, "discipline/new_case.html", &page)
}

/// `GET /disiplin/kasus/baru?employee=…&origin=…&ref=…`.
pub async fn new_form(staff: Staff, Query(query): Query<NewQuery>) -> Result<Response, WebError> {
    staff.user.require_any(Permission::HandleDiscipline)?;
    new_page(staff, StatusCode::OK, query, (String::new(), String::new(), Vec::new()), FieldErrors::new()).await
}

/// `POST /disiplin/kasus`: breaches come as `b_<code>=<impact>` pairs.
pub async fn open(staff: Staff, Form(form): Form<Vec<(String, String)>>) -> Result<Response, WebError> {
    staff.user.require_any(Permission::HandleDiscipline)?;
    let get = |name: &str| form.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default();
    let breaches: Vec<(String, String)> = form
        .iter()
        .filter_map(|(k, v)| k.strip_prefix("b_").filter(|_| !v.is_empty()).map(|code| (code.to_owned(), v.clone())))
        .collect();
    let new = NewCase {
        employee_id: get("employee"),
        origin: get("origin"),
        origin_ref: get("ref"),
        breaches: breaches.clone(),
        facts: get("facts"),
        evidence: get("evidence"),
    };
    let rules = super::rules_of(&staff).await?;
    let tenant = &staff.tenant.0.id;
    let data = staff.app.db().tenant_data(tenant).await?;
    let tree = &data.tree;
    let mut conn = staff.app.db().conn().await?;
    let employee = store::discipline::employees::load(&mut conn, tenant, &new.employee_id).await.ok();
    drop(conn);
    let in_scope = employee.as_ref().is_some_and(|it| {
        staff.user.access.can_unit(Permission::HandleDiscipline, &domain::ids::UnitId::new(it.unit_id.clone()), tree)
    });
    let outcome = if in_scope || employee.is_none() {
        cases::open(&staff.action_cx(), &rules, &new).await
    } else {
        Err(StoreError::NotFound)
    };
    match outcome {
        Ok(row) => Ok(Redirect::to(&format!("/disiplin/kasus/{}", row.id)).into_response()),
        Err(StoreError::Invalid(problems)) => {
            let errors = field_errors(staff.lang, &problems);
            let query = NewQuery { employee: new.employee_id, origin: new.origin, origin_ref: new.origin_ref };
            new_page(staff, StatusCode::UNPROCESSABLE_ENTITY, query, (new.facts, new.evidence, breaches), errors).await
        }
        Err(StoreError::NotFound) => Err(WebError::NotFound),
        Err(other) => Err(other.into()),
    }
}
