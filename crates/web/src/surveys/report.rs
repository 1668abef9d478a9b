//! The report pages, open to everyone (no personal data in them): a Pemda, a unit or a service in a period, with
//! its exports; and the follow-up plans a unit records under its report.

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::ids::UnitId;
use domain::people::Permission;
use serde::{Deserialize, Serialize};
use store::StoreError;
use store::surveys::followups::{self, RawFollowup, STATUSES};

use super::report_model::{ReportModel, ReportQuery, build};
use crate::App;
use crate::auth::MaybeUser;
use crate::error::WebError;
use crate::forms::{FieldErrors, field_errors};
use crate::i18n::Lang;
use crate::layout::Layout;
use crate::render::render_status;
use crate::staff::Staff;
use crate::tenant::Tenant;

#[derive(Serialize, Deserialize, Default, Clone)]
pub struct FollowupForm {
    #[serde(default)]
    unit_id: String,
    #[serde(default)]
    period: String,
    #[serde(default)]
    element: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    owner: String,
    #[serde(default)]
    due_on: String,
}

#[derive(Serialize)]
struct ReportPage {
    #[serde(flatten)]
    layout: Layout,
    report: ReportModel,
    export_query: String,
    can_plan: bool,
    statuses: [&'static str; 3],
    elements: Vec<(&'static str, String)>,
    form: FollowupForm,
    errors: FieldErrors,
}

/// The query string of a report, for its export links.
pub(super) fn query_string(query: &ReportQuery) -> String {
    serde_urlencoded::to_string(query).unwrap_or_default()
}

async fn report_page(
    app: &App,
    tenant: &Tenant,
    layout: Layout,
    user: Option<&crate::auth::CurrentUser>,
    (query, form, errors): (ReportQuery, FollowupForm, FieldErrors),
) -> Result<Response, WebError> {
    let lang = Lang::parse(layout.lang).unwrap_or(Lang::Id);
    let report = build(app, tenant, lang, &query).await?;
    let data = app.db().tenant_data(&tenant.0.id).await?;
    let tree = &data.tree;
    let can_plan = match (&report.unit_id, user, report.period.is_some()) {
        (Some(unit), Some(user), true) => {
            user.access.can_unit(Permission::ManageSurveys, &UnitId::new(unit.clone()), tree)
        }
        _ => false,
    };
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let form = if errors.is_empty() {
        FollowupForm {
            unit_id: report.unit_id.clone().unwrap_or_default(),
            period: report.period.as_ref().map(|it| it.0.clone()).unwrap_or_default(),
            element: report
                .elements
                .iter()
                .filter(|it| it.weakest)
                .min_by(|a, b| a.nrr_value.total_cmp(&b.nrr_value))
                .map(|it| it.code.to_owned())
                .unwrap_or_default(),
            ..FollowupForm::default()
        }
    } else {
        form
    };
    let page = ReportPage {
        export_query: query_string(&report.query),
        elements: (0..9)
            .map(|n| (domain::surveys::ELEMENTS[n].code, super::report_parts::element_name(lang, n).to_owned()))
            .collect(),
        report,
        layout,
        can_plan,
        statuses: STATUSES,
        form,
        errors,
    };
    render_status(status, "surveys/report.html", &page)
}

/// `GET /skm/laporan?period=&unit=&service=`.
pub async fn show(
    State(app): State<App>,
    tenant: Tenant,
    layout: Layout,
    user: MaybeUser,
    Query(query): Query<ReportQuery>,
) -> Result<Response, WebError> {
    report_page(&app, &tenant, layout, user.0.as_ref(), (query, FollowupForm::default(), FieldErrors::new())).await
}

fn back_to(form_unit: &str, period: &str) -> String {
    format!("/skm/laporan?unit={form_unit}&period={period}&notice=saved")
}

/// `POST /skm/tindak-lanjut`: records a follow-up plan.
pub async fn create_followup(staff: Staff, Form(form): Form<FollowupForm>) -> Result<Response, WebError> {
    let data = staff.app.db().tenant_data(&staff.tenant.0.id).await?;
    let unit = UnitId::new(form.unit_id.clone());
    staff.user.require_unit(Permission::ManageSurveys, &unit, &data.tree)?;
    let raw = RawFollowup {
        unit_id: form.unit_id.clone(),
        period: form.period.clone(),
        element: form.element.clone(),
        action: form.action.clone(),
        owner: form.owner.clone(),
        due_on: form.due_on.clone(),
        status: String::new(),
        note: String::new(),
    };
    match followups::create(&staff.action_cx(), &raw).await {
        Ok(plan) => Ok(Redirect::to(&back_to(plan.unit_id.as_str(), &plan.period.code())).into_response()),
        Err(StoreError::Invalid(problems)) => {
            let errors = field_errors(staff.lang, &problems);
            let query = ReportQuery { period: form.period.clone(), unit: form.unit_id.clone(), service: String::new() };
            report_page(&staff.app, &staff.tenant, staff.layout, Some(&staff.user), (query, form, errors)).await
        }
        Err(err) => Err(err.into()),
    }
}

#[derive(Deserialize)]
pub struct ProgressForm {
    #[serde(default)]
    status: String,
    #[serde(default)]
    note: String,
}

/// `POST /skm/tindak-lanjut/{id}`: records progress on a plan.
pub async fn progress(
    staff: Staff,
    Path(id): Path<String>,
    Form(form): Form<ProgressForm>,
) -> Result<Response, WebError> {
    let data = staff.app.db().tenant_data(&staff.tenant.0.id).await?;
    let mut conn = staff.app.db().conn().await?;
    let plan = followups::load(&mut conn, &staff.tenant.0.id, &id).await?;
    staff.user.require_unit(Permission::ManageSurveys, &plan.unit_id, &data.tree)?;
    match followups::progress(&staff.action_cx(), &id, &form.status, &form.note).await {
        Ok(plan) => Ok(Redirect::to(&back_to(plan.unit_id.as_str(), &plan.period.code())).into_response()),
        Err(StoreError::Invalid(_)) => Err(WebError::BadRequest("status".into())),
        Err(err) => Err(err.into()),
    }
}
