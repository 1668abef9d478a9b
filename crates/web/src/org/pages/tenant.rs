//! The tenant's own settings: name, level, region code and time zone.

use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::org::{RawTenant, TenantLevel};
use domain::people::Permission;
use serde::{Deserialize, Serialize};

use crate::App;
use crate::auth::CurrentUser;
use crate::error::WebError;
use crate::forms::{FieldErrors, field_errors};
use crate::i18n::Lang;
use crate::layout::Layout;
use crate::org::pages::{Choice, zone_choices};
use crate::render::{render, render_status};
use crate::tenant::Tenant;

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

fn page(layout: Layout, lang: Lang, tenant: &Tenant, form: TenantForm, errors: FieldErrors) -> TenantPage {
    let region_name =
        domain::org::find_region(&form.region_code).map(|it| format!("{} ({})", it.name, it.dotted_code()));
    TenantPage {
        layout,
        tenant_id: tenant.0.id.to_string(),
        region_name,
        form,
        errors,
        levels: levels(lang),
        zones: zone_choices(),
    }
}

/// `GET /pemda`: the tenant settings form.
pub async fn edit_form(tenant: Tenant, lang: Lang, user: CurrentUser, layout: Layout) -> Result<Response, WebError> {
    user.require_tenant(Permission::ManageTenant)?;
    let form = TenantForm {
        name: tenant.0.name.clone(),
        level: tenant.0.level.code().to_owned(),
        region_code: tenant.0.region_code.clone(),
        zone: tenant.0.zone.iana().to_owned(),
    };
    Ok(render("org/tenant.html", &page(layout, lang, &tenant, form, FieldErrors::default()))?.into_response())
}

/// `POST /pemda`: saves the tenant settings.
pub async fn update(
    State(app): State<App>,
    tenant: Tenant,
    lang: Lang,
    user: CurrentUser,
    layout: Layout,
    Form(form): Form<TenantForm>,
) -> Result<Response, WebError> {
    user.require_tenant(Permission::ManageTenant)?;
    let raw = RawTenant {
        name: form.name.clone(),
        level: form.level.clone(),
        region_code: form.region_code.clone(),
        zone: form.zone.clone(),
    };
    match raw.parse() {
        Ok(draft) => {
            store::org::actions::update_tenant(&app.action_cx(&tenant, &user), draft).await?;
            Ok(Redirect::to("/pemda?notice=saved").into_response())
        }
        Err(problems) => {
            let page = page(layout, lang, &tenant, form, field_errors(lang, &problems));
            render_status(StatusCode::UNPROCESSABLE_ENTITY, "org/tenant.html", &page)
        }
    }
}
