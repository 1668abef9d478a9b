//! Creating and editing a unit.

use axum::Form;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::ids::UnitId;
use domain::org::{RawUnit, Unit, UnitTree};
use domain::people::Permission;
use serde::{Deserialize, Serialize};

use crate::auth::CurrentUser;
use crate::error::WebError;
use crate::forms::{FieldErrors, field_errors};
use crate::layout::Layout;
use crate::org::pages::{Choice, kind_choices, zone_choices};
use crate::render::{render, render_status};
use crate::staff::Staff;

/// The unit form's fields, exactly as typed.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct UnitForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    parent_code: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    short_name: String,
    #[serde(default)]
    aliases: String,
    #[serde(default)]
    zone: String,
    #[serde(default)]
    observes_cuti_bersama: String,
    #[serde(default)]
    is_active: String,
}

impl UnitForm {
    fn raw(&self) -> RawUnit {
        RawUnit {
            code: self.code.clone(),
            parent_code: self.parent_code.clone(),
            kind: self.kind.clone(),
            name: self.name.clone(),
            short_name: self.short_name.clone(),
            aliases: self.aliases.clone(),
            zone: self.zone.clone(),
            observes_cuti_bersama: self.observes_cuti_bersama.clone(),
            is_active: self.is_active.clone(),
        }
    }

    fn of(unit: &Unit) -> UnitForm {
        let flag = |it: bool| if it { "ya" } else { "tidak" }.to_owned();
        UnitForm {
            code: unit.draft.code.clone(),
            parent_code: unit.draft.parent_code.clone().unwrap_or_default(),
            kind: unit.draft.kind.code().to_owned(),
            name: unit.draft.name.clone(),
            short_name: unit.draft.short_name.clone().unwrap_or_default(),
            aliases: unit.draft.aliases.join("\n"),
            zone: unit.draft.zone.iana().to_owned(),
            observes_cuti_bersama: flag(unit.draft.observes_cuti_bersama),
            is_active: flag(unit.draft.is_active),
        }
    }
}

#[derive(Serialize)]
struct UnitFormPage {
    #[serde(flatten)]
    layout: Layout,
    /// `None` for a new unit.
    unit_id: Option<String>,
    form: UnitForm,
    errors: FieldErrors,
    parents: Vec<Choice>,
    kinds: Vec<Choice>,
    zones: Vec<Choice>,
    can_create_top: bool,
}

struct Context {
    units: Vec<Unit>,
    tree: UnitTree,
}

async fn context(staff: &Staff) -> Result<Context, WebError> {
    let mut conn = staff.app.db().conn().await?;
    let units = store::org::queries::list_units(&mut conn, &staff.tenant.0.id).await?;
    let tree = domain::org::UnitTree::of_units(&units);
    Ok(Context { units, tree })
}

fn page(staff: Staff, cx: &Context, unit_id: Option<String>, form: UnitForm, errors: FieldErrors) -> UnitFormPage {
    let Staff { tenant, lang, user, layout, .. } = staff;
    let parents = cx
        .tree
        .ordered()
        .into_iter()
        .filter(|(id, _)| user.access.can_unit(Permission::ManageUnits, id, &cx.tree))
        .filter(|(id, _)| unit_id.as_deref().is_none_or(|own| !cx.tree.is_within(id, &UnitId::new(own))))
        .filter_map(|(id, depth)| cx.units.iter().find(|it| it.id == id).map(|unit| (unit, depth)))
        .map(|(unit, depth)| Choice {
            value: unit.draft.code.clone(),
            label: format!("{}{}", "— ".repeat(depth), unit.draft.name),
        })
        .collect();
    UnitFormPage {
        layout,
        unit_id,
        form,
        errors,
        parents,
        kinds: kind_choices(lang, tenant.0.level),
        zones: zone_choices(),
        can_create_top: user.access.can_tenant(Permission::ManageUnits),
    }
}

/// `GET /unit/baru`: an empty unit form.
pub async fn new_form(staff: Staff) -> Result<Response, WebError> {
    staff.user.require_any(Permission::ManageUnits)?;
    let cx = context(&staff).await?;
    let form = UnitForm {
        zone: staff.tenant.0.zone.iana().to_owned(),
        observes_cuti_bersama: "ya".to_owned(),
        is_active: "ya".to_owned(),
        ..UnitForm::default()
    };
    Ok(render("org/unit_form.html", &page(staff, &cx, None, form, FieldErrors::default()))?.into_response())
}

/// `GET /unit/{id}/ubah`: the form of an existing unit.
pub async fn edit_form(staff: Staff, Path(id): Path<String>) -> Result<Response, WebError> {
    let cx = context(&staff).await?;
    let unit_id = UnitId::new(id);
    let unit = cx.units.iter().find(|it| it.id == unit_id).ok_or(WebError::NotFound)?;
    staff.user.require_unit(Permission::ManageUnits, &unit_id, &cx.tree)?;
    let form = UnitForm::of(unit);
    let page = page(staff, &cx, Some(unit_id.to_string()), form, FieldErrors::default());
    Ok(render("org/unit_form.html", &page)?.into_response())
}

/// Whether the user may place a unit under this parent code (top level needs a tenant-wide grant).
fn may_place(user: &CurrentUser, cx: &Context, parent_code: &str) -> bool {
    match cx.units.iter().find(|it| it.draft.code.eq_ignore_ascii_case(parent_code.trim())) {
        Some(parent) => user.access.can_unit(Permission::ManageUnits, &parent.id, &cx.tree),
        None if parent_code.trim().is_empty() => user.access.can_tenant(Permission::ManageUnits),
        // An unknown parent is reported by validation as a field problem.
        None => true,
    }
}

async fn save(staff: Staff, existing: Option<UnitId>, form: UnitForm) -> Result<Response, WebError> {
    let cx = context(&staff).await?;
    if !may_place(&staff.user, &cx, &form.parent_code) {
        return Err(WebError::Forbidden);
    }
    let result = match form.raw().parse(staff.tenant.0.level, staff.tenant.0.zone) {
        Ok(draft) => store::org::actions::save_unit(&staff.action_cx(), existing.as_ref(), draft).await,
        Err(problems) => Err(store::StoreError::Invalid(problems)),
    };
    match result {
        Ok(unit) => Ok(Redirect::to(&format!("/unit/{}?notice=saved", unit.id)).into_response()),
        Err(store::StoreError::Invalid(problems)) => {
            let errors = field_errors(staff.lang, &problems);
            let page = page(staff, &cx, existing.map(|it| it.to_string()), form, errors);
            render_status(StatusCode::UNPROCESSABLE_ENTITY, "org/unit_form.html", &page)
        }
        Err(other) => Err(other.into()),
    }
}

/// `POST /unit`: creates a unit.
pub async fn create(staff: Staff, Form(form): Form<UnitForm>) -> Result<Response, WebError> {
    staff.user.require_any(Permission::ManageUnits)?;
    save(staff, None, form).await
}

/// `POST /unit/{id}`: updates a unit.
pub async fn update(staff: Staff, Path(id): Path<String>, Form(form): Form<UnitForm>) -> Result<Response, WebError> {
    let unit_id = UnitId::new(id);
    let cx = context(&staff).await?;
    if !cx.tree.contains(&unit_id) {
        return Err(WebError::NotFound);
    }
    staff.user.require_unit(Permission::ManageUnits, &unit_id, &cx.tree)?;
    save(staff, Some(unit_id), form).await
}
