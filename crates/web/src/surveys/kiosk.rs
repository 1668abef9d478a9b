//! Kiosk mode: staff switch a counter's tablet on for their unit; the tablet then shows the unit's open surveys as
//! large buttons, needs no account, and comes back here after each response.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use domain::ids::UnitId;
use domain::people::Permission;
use serde::{Deserialize, Serialize};
use store::StoreError;
use store::surveys::{catalog, kiosks, services};

use super::respond::{KIOSK_COOKIE, kiosk_of};
use crate::App;
use crate::auth::{MaybeUser, build_cookie, set_cookie_header};
use crate::error::WebError;
use crate::forms::{FieldErrors, field_errors};
use crate::layout::Layout;
use crate::render::render_status;
use crate::staff::Staff;
use crate::tenant::Tenant;

/// A kiosk token lives as long as the tablet keeps it: staff switch kiosks off on the survey overview.
const KIOSK_COOKIE_SECS: i64 = 400 * 24 * 3600;

#[derive(Serialize)]
struct Button {
    href: String,
    service: String,
}

#[derive(Serialize)]
struct KioskPage {
    #[serde(flatten)]
    layout: Layout,
    kiosk: Option<String>,
    unit: String,
    buttons: Vec<Button>,
    can_activate: bool,
    units: Vec<(String, String)>,
    form: ActivateForm,
    errors: FieldErrors,
}

#[derive(Serialize, Deserialize, Default, Clone)]
pub struct ActivateForm {
    #[serde(default)]
    unit_id: String,
    #[serde(default)]
    label: String,
}

/// Units where the signed-in user may run a kiosk.
async fn collect_units(
    app: &App,
    tenant: &Tenant,
    user: Option<&crate::auth::CurrentUser>,
) -> Result<Vec<(String, String)>, WebError> {
    let Some(user) = user else { return Ok(Vec::new()) };
    let data = app.db().tenant_data(&tenant.0.id).await?;
    let tree = &data.tree;
    Ok(data
        .units
        .iter()
        .filter(|it| user.access.can_unit(Permission::CollectSurveys, &it.id, tree))
        .map(|it| (it.id.as_str().to_owned(), it.draft.name.clone()))
        .collect())
}

/// `GET /kiosk`: the tablet's start page, or how to switch it on.
pub async fn home(
    State(app): State<App>,
    tenant: Tenant,
    layout: Layout,
    user: MaybeUser,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let units = collect_units(&app, &tenant, user.0.as_ref()).await?;
    show(&app, &tenant, layout, &headers, (units, ActivateForm::default(), FieldErrors::new())).await
}

async fn show(
    app: &App,
    tenant: &Tenant,
    layout: Layout,
    headers: &HeaderMap,
    (units, form, errors): (Vec<(String, String)>, ActivateForm, FieldErrors),
) -> Result<Response, WebError> {
    let kiosk = kiosk_of(app, tenant, headers).await?;
    let mut buttons = Vec::new();
    let mut unit = String::new();
    if let Some(kiosk) = &kiosk {
        let data = app.db().tenant_data(&tenant.0.id).await?;
        unit = super::report_model::unit_name(&data.units, &kiosk.unit_id);
        let mut conn = app.db().conn().await?;
        let filter = catalog::Filter { unit_ids: Some(vec![kiosk.unit_id.as_str().to_owned()]), ..Default::default() };
        let all_services = services::list(&mut conn, &tenant.0.id).await?;
        for survey in catalog::list(&mut conn, &tenant.0.id, &filter).await?.into_iter().filter(|it| it.open) {
            let service = all_services.iter().find(|it| it.id == survey.service_id).map(|it| it.name.clone());
            buttons.push(Button { href: format!("/kiosk/{}", survey.code), service: service.unwrap_or_default() });
        }
    }
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let page = KioskPage {
        layout,
        kiosk: kiosk.map(|it| it.label),
        unit,
        buttons,
        can_activate: !units.is_empty(),
        units,
        form,
        errors,
    };
    render_status(status, "surveys/kiosk.html", &page)
}

/// `POST /kiosk/aktifkan`: staff switch this tablet on for a unit.
pub async fn activate(staff: Staff, headers: HeaderMap, Form(form): Form<ActivateForm>) -> Result<Response, WebError> {
    let units = collect_units(&staff.app, &staff.tenant, Some(&staff.user)).await?;
    if !units.iter().any(|(id, _)| *id == form.unit_id) {
        return Err(WebError::Forbidden);
    }
    match kiosks::create(&staff.action_cx(), &UnitId::new(form.unit_id.clone()), &form.label).await {
        Ok((_, token)) => {
            // The tablet is left to the public: the staff member's session on it ends here.
            let app = &staff.app;
            let session = crate::auth::session_cookie_name(app);
            if let Some(session_token) = crate::auth::cookie_value_from(&headers, session) {
                store::people::actions::logout(&staff.action_cx(), &session_token).await?;
            }
            let cookie = build_cookie(app, KIOSK_COOKIE, token, KIOSK_COOKIE_SECS);
            let mut response = Redirect::to("/kiosk").into_response();
            response.headers_mut().append(header::SET_COOKIE, set_cookie_header(&cookie));
            let expired = build_cookie(app, session, String::new(), 0);
            response.headers_mut().append(header::SET_COOKIE, set_cookie_header(&expired));
            Ok(response)
        }
        Err(StoreError::Invalid(problems)) => {
            let errors = field_errors(staff.lang, &problems);
            show(&staff.app, &staff.tenant, staff.layout, &headers, (units, form, errors)).await
        }
        Err(err) => Err(err.into()),
    }
}

/// `POST /skm/kiosk/{id}/cabut`: switches a kiosk off.
pub async fn revoke(staff: Staff, Path(id): Path<String>) -> Result<Response, WebError> {
    let data = staff.app.db().tenant_data(&staff.tenant.0.id).await?;
    let tree = &data.tree;
    let mut conn = staff.app.db().conn().await?;
    let kiosk = kiosks::list(&mut conn, &staff.tenant.0.id).await?.into_iter().find(|it| it.id == id);
    let kiosk = kiosk.ok_or(WebError::NotFound)?;
    staff.user.require_unit(Permission::ManageSurveys, &kiosk.unit_id, tree)?;
    kiosks::revoke(&staff.action_cx(), &id).await?;
    Ok(Redirect::to("/skm?notice=saved").into_response())
}
