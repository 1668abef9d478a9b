//! The survey overview for staff: the services of the units in their scope with each survey and its index, the
//! forms to define a service and open a survey, and the kiosks switched on.

use axum::Form;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::people::Permission;
use domain::surveys::{Period, PeriodKind};
use serde::{Deserialize, Serialize};
use store::StoreError;
use store::surveys::catalog::{self, RawSurvey};
use store::surveys::services::{self, RawService};
use store::surveys::{kiosks, reports};

use super::report_model::{IkmView, ikm_view, merge, summarize, unit_name};
use super::respond::period_name;
use crate::error::WebError;
use crate::forms::{FieldErrors, field_errors};
use crate::render::render_status;
use crate::staff::Staff;

#[derive(Serialize)]
struct SurveyRow {
    id: String,
    period: String,
    open: bool,
    respondents: u64,
    held: u64,
    ikm: Option<IkmView>,
}

#[derive(Serialize)]
struct ServiceRow {
    id: String,
    unit: String,
    name: String,
    description: String,
    population: String,
    active: bool,
    manage: bool,
    surveys: Vec<SurveyRow>,
}

#[derive(Serialize)]
struct KioskRow {
    id: String,
    unit: String,
    label: String,
    last: Option<String>,
    manage: bool,
}

#[derive(Serialize, Deserialize, Default, Clone)]
pub struct ServiceForm {
    #[serde(default)]
    unit_id: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    population: String,
    #[serde(default)]
    active: Option<String>,
}

#[derive(Serialize, Deserialize, Default, Clone)]
pub struct SurveyForm {
    #[serde(default)]
    service_id: String,
    #[serde(default)]
    period: String,
    #[serde(default)]
    population: String,
}

#[derive(Serialize)]
struct OverviewPage {
    #[serde(flatten)]
    layout: crate::layout::Layout,
    services: Vec<ServiceRow>,
    kiosks: Vec<KioskRow>,
    manage_units: Vec<(String, String)>,
    manage_services: Vec<(String, String)>,
    periods: Vec<(String, String)>,
    service_form: ServiceForm,
    survey_form: SurveyForm,
    errors: FieldErrors,
    errors_for: &'static str,
}

/// Periods offered when opening a survey: the current and the next of each kind.
fn period_choices(staff: &Staff) -> Vec<(String, String)> {
    let today = staff.tenant.0.zone.local_date(staff.app.now());
    let mut out = Vec::new();
    for kind in PeriodKind::ALL {
        let now = Period::containing(kind, today);
        for it in [now, now.next()] {
            out.push((it.code(), period_name(staff.lang, it)));
        }
    }
    out
}

fn service_rows(
    staff: &Staff,
    (units, tree): (&[domain::org::Unit], &domain::org::UnitTree),
    visible: &[store::surveys::Service],
    (surveys, totals): (&[store::surveys::Survey], &std::collections::BTreeMap<String, reports::Totals>),
) -> Vec<ServiceRow> {
    let access = &staff.user.access;
    let lang = staff.lang;
    visible
        .iter()
        .map(|service| ServiceRow {
            id: service.id.clone(),
            unit: unit_name(units, &service.unit_id),
            name: service.name.clone(),
            description: service.description.clone(),
            population: service.population.map(|it| it.to_string()).unwrap_or_default(),
            active: service.active,
            manage: access.can_unit(Permission::ManageSurveys, &service.unit_id, tree),
            surveys: surveys
                .iter()
                .filter(|it| it.service_id == service.id)
                .map(|it| SurveyRow {
                    id: it.id.clone(),
                    period: period_name(lang, it.period),
                    open: it.open,
                    respondents: it.respondents,
                    held: it.held,
                    ikm: ikm_view(lang, &summarize(&merge(std::iter::once(it), totals))),
                })
                .collect(),
        })
        .collect()
}

type Problems = (ServiceForm, SurveyForm, FieldErrors, &'static str);

async fn overview_page(staff: Staff, status: StatusCode, problems: Problems) -> Result<Response, WebError> {
    staff.user.require_any(Permission::ViewSurveys)?;
    let data = staff.app.db().tenant_data(&staff.tenant.0.id).await?;
    let tree = &data.tree;
    let access = &staff.user.access;
    let mut conn = staff.app.db().conn().await?;
    let all = services::list(&mut conn, &staff.tenant.0.id).await?;
    let visible: Vec<_> =
        all.into_iter().filter(|it| access.can_unit(Permission::ViewSurveys, &it.unit_id, tree)).collect();
    let unit_ids: Vec<String> = visible.iter().map(|it| it.unit_id.as_str().to_owned()).collect();
    let filter = catalog::Filter { unit_ids: Some(unit_ids), ..Default::default() };
    let surveys = catalog::list(&mut conn, &staff.tenant.0.id, &filter).await?;
    let ids: Vec<String> = surveys.iter().map(|it| it.id.clone()).collect();
    let totals = reports::list_totals(&mut conn, &staff.tenant.0.id, &ids, false).await?;
    let services = service_rows(&staff, (&data.units, tree), &visible, (&surveys, &totals));
    let kiosks = kiosks::list(&mut conn, &staff.tenant.0.id)
        .await?
        .into_iter()
        .filter(|it| access.can_unit(Permission::ViewSurveys, &it.unit_id, tree))
        .map(|it| KioskRow {
            manage: access.can_unit(Permission::ManageSurveys, &it.unit_id, tree),
            id: it.id,
            unit: unit_name(&data.units, &it.unit_id),
            label: it.label,
            last: it.last_response_at_ms.map(|ms| crate::view::format::local_time(ms, staff.tenant.0.zone)),
        })
        .collect();
    let manage_units = data
        .units
        .iter()
        .filter(|it| access.can_unit(Permission::ManageSurveys, &it.id, tree))
        .map(|it| (it.id.as_str().to_owned(), it.draft.name.clone()))
        .collect();
    let manage_services = services
        .iter()
        .filter(|it| it.manage && it.active)
        .map(|it| (it.id.clone(), format!("{} — {}", it.name, it.unit)))
        .collect();
    let (service_form, survey_form, errors, errors_for) = problems;
    let page = OverviewPage {
        periods: period_choices(&staff),
        layout: staff.layout,
        services,
        kiosks,
        manage_units,
        manage_services,
        service_form,
        survey_form,
        errors,
        errors_for,
    };
    render_status(status, "surveys/overview.html", &page)
}

/// `GET /skm`.
pub async fn overview(staff: Staff) -> Result<Response, WebError> {
    let fresh = (ServiceForm { active: Some("on".into()), ..Default::default() }, SurveyForm::default());
    overview_page(staff, StatusCode::OK, (fresh.0, fresh.1, FieldErrors::new(), "")).await
}

fn raw_service(form: &ServiceForm) -> RawService {
    RawService {
        unit_id: form.unit_id.clone(),
        name: form.name.clone(),
        description: form.description.clone(),
        population: form.population.clone(),
        active: form.active.is_some(),
    }
}

/// `POST /skm/layanan`: defines a service.
pub async fn create_service(staff: Staff, Form(form): Form<ServiceForm>) -> Result<Response, WebError> {
    let data = staff.app.db().tenant_data(&staff.tenant.0.id).await?;
    let unit = domain::ids::UnitId::new(form.unit_id.clone());
    staff.user.require_unit(Permission::ManageSurveys, &unit, &data.tree)?;
    match services::create(&staff.action_cx(), &raw_service(&form)).await {
        Ok(_) => Ok(Redirect::to("/skm?notice=created").into_response()),
        Err(StoreError::Invalid(problems)) => {
            let errors = field_errors(staff.lang, &problems);
            let forms = (form, SurveyForm::default(), errors, "service");
            overview_page(staff, StatusCode::UNPROCESSABLE_ENTITY, forms).await
        }
        Err(err) => Err(err.into()),
    }
}

/// `POST /skm/layanan/{id}`: changes a service.
pub async fn update_service(
    staff: Staff,
    Path(id): Path<String>,
    Form(form): Form<ServiceForm>,
) -> Result<Response, WebError> {
    let data = staff.app.db().tenant_data(&staff.tenant.0.id).await?;
    let mut conn = staff.app.db().conn().await?;
    let service = services::load(&mut conn, &staff.tenant.0.id, &id).await?;
    staff.user.require_unit(Permission::ManageSurveys, &service.unit_id, &data.tree)?;
    match services::update(&staff.action_cx(), &id, &raw_service(&form)).await {
        Ok(_) => Ok(Redirect::to("/skm?notice=saved").into_response()),
        Err(StoreError::Invalid(problems)) => {
            let errors = field_errors(staff.lang, &problems);
            let forms = (form, SurveyForm::default(), errors, "service");
            overview_page(staff, StatusCode::UNPROCESSABLE_ENTITY, forms).await
        }
        Err(err) => Err(err.into()),
    }
}

/// `POST /skm/survei`: opens a survey.
pub async fn open_survey(staff: Staff, Form(form): Form<SurveyForm>) -> Result<Response, WebError> {
    let data = staff.app.db().tenant_data(&staff.tenant.0.id).await?;
    let mut conn = staff.app.db().conn().await?;
    let service = match services::load(&mut conn, &staff.tenant.0.id, form.service_id.trim()).await {
        Ok(service) => Some(service),
        Err(StoreError::NotFound) => None,
        Err(err) => return Err(err.into()),
    };
    if let Some(service) = &service {
        staff.user.require_unit(Permission::ManageSurveys, &service.unit_id, &data.tree)?;
    }
    let raw = RawSurvey {
        service_id: form.service_id.clone(),
        period: form.period.clone(),
        population: form.population.clone(),
    };
    match catalog::open(&staff.action_cx(), &raw).await {
        Ok(survey) => Ok(Redirect::to(&format!("/skm/survei/{}?notice=created", survey.id)).into_response()),
        Err(StoreError::Invalid(problems)) => {
            let errors = field_errors(staff.lang, &problems);
            let forms = (ServiceForm::default(), form, errors, "survey");
            overview_page(staff, StatusCode::UNPROCESSABLE_ENTITY, forms).await
        }
        Err(err) => Err(err.into()),
    }
}
