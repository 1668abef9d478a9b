//! The tenant's own settings: name, level, region code, time zone and the host name that selects it.

use axum::Form;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::org::{RawTenant, TenantLevel};
use domain::people::Permission;
use serde::{Deserialize, Serialize};

use crate::error::WebError;
use crate::forms::{FieldErrors, field_errors};
use crate::i18n::Lang;
use crate::layout::Layout;
use crate::org::pages::{Choice, zone_choices};
use crate::render::{render, render_status};
use crate::staff::Staff;

/// The tenant form, as typed.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct TenantForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    level: String,
    #[serde(default)]
    region_code: String,
    #[serde(default)]
    zone: String,
    #[serde(default)]
    host: String,
}

#[derive(Serialize)]
struct TenantPage {
    #[serde(flatten)]
    layout: Layout,
    tenant_id: String,
    region_name: Option<String>,
    form: TenantForm,
    errors: FieldErrors,
    levels: Vec<Choice>,
    zones: Vec<Choice>,
}

fn levels(lang: Lang) -> Vec<Choice> {
    TenantLevel::ALL
        .into_iter()
        .map(|it| Choice {
            value: it.code().to_owned(),
            label: lang.t(&format!("org.levels.{}", it.code())).to_owned(),
        })
        .collect()
}

fn page(staff: Staff, form: TenantForm, errors: FieldErrors) -> TenantPage {
    let region_name =
        domain::org::find_region(&form.region_code).map(|it| format!("{} ({})", it.name, it.dotted_code()));
    TenantPage {
        layout: staff.layout,
        tenant_id: staff.tenant.0.id.to_string(),
        region_name,
        form,
        errors,
        levels: levels(staff.lang),
        zones: zone_choices(),
    }
}

/// `GET /pemda`: the tenant settings form.
pub async fn edit_form(staff: Staff) -> Result<Response, WebError> {
    staff.user.require_tenant(Permission::ManageTenant)?;
    let tenant = &staff.tenant;
    let form = TenantForm {
        name: tenant.0.name.clone(),
        level: tenant.0.level.code().to_owned(),
        region_code: tenant.0.region_code.clone(),
        zone: tenant.0.zone.iana().to_owned(),
        host: tenant.0.host.clone().unwrap_or_default(),
    };
    Ok(render("org/tenant.html", &page(staff, form, FieldErrors::default()))?.into_response())
}

/// `POST /pemda`: saves the tenant settings.
pub async fn update(staff: Staff, Form(form): Form<TenantForm>) -> Result<Response, WebError> {
    staff.user.require_tenant(Permission::ManageTenant)?;
    let raw = RawTenant {
        name: form.name.clone(),
        level: form.level.clone(),
        region_code: form.region_code.clone(),
        zone: form.zone.clone(),
        host: form.host.clone(),
    };
    let saved = match raw.parse() {
        Ok(draft) => store::org::actions::update_tenant(&staff.action_cx(), draft).await.map(|_| ()),
        Err(problems) => Err(store::StoreError::Invalid(problems)),
    };
    match saved {
        Ok(()) => Ok(Redirect::to("/pemda?notice=saved").into_response()),
        Err(store::StoreError::Invalid(problems)) => {
            let errors = field_errors(staff.lang, &problems);
            let page = page(staff, form, errors);
            render_status(StatusCode::UNPROCESSABLE_ENTITY, "org/tenant.html", &page)
        }
        Err(other) => Err(other.into()),
    }
}
