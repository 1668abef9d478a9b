//! Account pages. A user sees the accounts whose grants lie within their own scope, and may grant only roles
//! within the scope where they manage users.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::ids::UserId;
use domain::org::{Unit, UnitTree};
use domain::people::{Permission, RawUser, Role, Scope, User};
use serde::Serialize;

use crate::auth::CurrentUser;
use crate::error::WebError;
use crate::forms::{FieldErrors, field_errors};
use crate::i18n::Lang;
use crate::layout::Layout;
use crate::org::pages::Choice;
use crate::render::{render, render_status};
use crate::staff::Staff;

/// Rows of grants the form offers: existing ones plus empty rows to add more.
const GRANT_ROWS: usize = 3;

#[derive(Serialize)]
struct UserRowView {
    id: String,
    username: String,
    display_name: String,
    email: Option<String>,
    is_active: bool,
    grants: Vec<String>,
}

fn grant_labels(lang: Lang, user: &User, units: &[Unit]) -> Vec<String> {
    user.grants
        .iter()
        .map(|grant| {
            let role = lang.t(&format!("people.roles.{}", grant.role.code()));
            let scope = match &grant.scope {
                Scope::Tenant => lang.t("people.users.whole_tenant").to_owned(),
                Scope::Unit(id) => {
                    units.iter().find(|it| &it.id == id).map_or_else(|| id.to_string(), |it| it.draft.name.clone())
                }
            };
            format!("{role} — {scope}")
        })
        .collect()
}

/// Whether the viewer may see this account: every grant of the account lies within the viewer's scope.
fn visible(viewer: &CurrentUser, permission: Permission, user: &User, tree: &UnitTree) -> bool {
    viewer.access.can_tenant(permission)
        || (!user.grants.is_empty()
            && user.grants.iter().all(|grant| match &grant.scope {
                Scope::Tenant => false,
                Scope::Unit(unit) => viewer.access.can_unit(permission, unit, tree),
            }))
}

#[derive(Serialize)]
struct UsersPage {
    #[serde(flatten)]
    layout: Layout,
    users: Vec<UserRowView>,
    can_manage: bool,
}

/// `GET /pengguna`: the accounts the user may see.
pub async fn index(staff: Staff) -> Result<Response, WebError> {
    let Staff { app, tenant, lang, user, layout } = staff;
    user.require_any(Permission::ViewUsers)?;
    let mut conn = app.db().conn().await?;
    let units = store::org::queries::list_units(&mut conn, &tenant.0.id).await?;
    let tree = domain::org::UnitTree::of_units(&units);
    let users = store::people::queries::list_users(&mut conn, &tenant.0.id).await?;
    let rows = users
        .iter()
        .filter(|it| visible(&user, Permission::ViewUsers, it, &tree))
        .map(|it| UserRowView {
            id: it.id.to_string(),
            username: it.username.clone(),
            display_name: it.display_name.clone(),
            email: it.email.clone(),
            is_active: it.is_active,
            grants: grant_labels(lang, it, &units),
        })
        .collect();
    let page = UsersPage { layout, users: rows, can_manage: user.access.has(Permission::ManageUsers) };
    Ok(render("people/users.html", &page)?.into_response())
}

/// The account form, as typed; grants come as parallel `role`/`unit` lists.
#[derive(Clone, Debug, Default, Serialize)]
pub struct UserForm {
    username: String,
    display_name: String,
    email: String,
    is_active: String,
    grants: Vec<(String, String)>,
}

impl UserForm {
    /// Reads the urlencoded body by hand, because the grant rows repeat the `role` and `unit` names.
    fn from_pairs(pairs: Vec<(String, String)>) -> (UserForm, String) {
        let mut form = UserForm::default();
        let mut password = String::new();
        let (mut roles, mut units) = (Vec::new(), Vec::new());
        for (key, value) in pairs {
            match key.as_str() {
                "username" => form.username = value,
                "display_name" => form.display_name = value,
                "email" => form.email = value,
                "is_active" => form.is_active = value,
                "password" => password = value,
                "role" => roles.push(value),
                "unit" => units.push(value),
                _ => {}
            }
        }
        units.resize(roles.len(), String::new());
        form.grants = roles.into_iter().zip(units).collect();
        (form, password)
    }

    fn of(user: &User) -> UserForm {
        let grants = user
            .grants
            .iter()
            .map(|grant| {
                let unit = match &grant.scope {
                    Scope::Tenant => String::new(),
                    Scope::Unit(id) => id.to_string(),
                };
                (grant.role.code().to_owned(), unit)
            })
            .collect();
        UserForm {
            username: user.username.clone(),
            display_name: user.display_name.clone(),
            email: user.email.clone().unwrap_or_default(),
            is_active: if user.is_active { "ya" } else { "tidak" }.to_owned(),
            grants,
        }
    }
}

#[derive(Serialize)]
struct UserFormPage {
    #[serde(flatten)]
    layout: Layout,
    user_id: Option<String>,
    form: UserForm,
    grant_rows: Vec<(String, String)>,
    errors: FieldErrors,
    roles: Vec<Choice>,
    units: Vec<Choice>,
    can_grant_tenant: bool,
}

struct FormContext {
    units: Vec<Unit>,
    tree: UnitTree,
}

async fn form_context(staff: &Staff) -> Result<FormContext, WebError> {
    let mut conn = staff.app.db().conn().await?;
    let units = store::org::queries::list_units(&mut conn, &staff.tenant.0.id).await?;
    let tree = domain::org::UnitTree::of_units(&units);
    Ok(FormContext { units, tree })
}

fn form_page(
    staff: Staff,
    cx: &FormContext,
    user_id: Option<String>,
    form: UserForm,
    errors: FieldErrors,
) -> UserFormPage {
    let Staff { lang, user: viewer, layout, .. } = staff;
    let roles = Role::ALL
        .into_iter()
        .map(|it| Choice {
            value: it.code().to_owned(),
            label: lang.t(&format!("people.roles.{}", it.code())).to_owned(),
        })
        .collect();
    let units = cx
        .tree
        .ordered()
        .into_iter()
        .filter(|(id, _)| viewer.access.can_unit(Permission::ManageUsers, id, &cx.tree))
        .filter_map(|(id, depth)| cx.units.iter().find(|it| it.id == id).map(|it| (it, depth)))
        .map(|(unit, depth)| Choice {
            value: unit.id.to_string(),
            label: format!("{}{}", "— ".repeat(depth), unit.draft.name),
        })
        .collect();
    let mut grant_rows = form.grants.clone();
    grant_rows.resize(grant_rows.len().max(1) + GRANT_ROWS - 1, (String::new(), String::new()));
    UserFormPage {
        layout,
        user_id,
        form,
        grant_rows,
        errors,
        roles,
        units,
        can_grant_tenant: viewer.access.can_tenant(Permission::ManageUsers),
    }
}

/// `GET /pengguna/baru`: an empty account form.
pub async fn new_form(staff: Staff) -> Result<Response, WebError> {
    staff.user.require_any(Permission::ManageUsers)?;
    let cx = form_context(&staff).await?;
    let form = UserForm { is_active: "ya".to_owned(), ..UserForm::default() };
    Ok(render("people/user_form.html", &form_page(staff, &cx, None, form, FieldErrors::default()))?.into_response())
}

/// The account behind an id with the form context, when the user may manage it; else `NotFound`, so accounts
/// outside the user's scope do not reveal that they exist.
async fn managed_user(staff: &Staff, id: String) -> Result<(FormContext, User), WebError> {
    staff.user.require_any(Permission::ManageUsers)?;
    let cx = form_context(staff).await?;
    let mut conn = staff.app.db().conn().await?;
    let target = store::people::queries::load_user(&mut conn, &staff.tenant.0.id, &UserId::new(id)).await?;
    if !visible(&staff.user, Permission::ManageUsers, &target, &cx.tree) {
        return Err(WebError::NotFound);
    }
    Ok((cx, target))
}

/// `GET /pengguna/{id}/ubah`: the form of an existing account.
pub async fn edit_form(staff: Staff, Path(id): Path<String>) -> Result<Response, WebError> {
    let (cx, target) = managed_user(&staff, id).await?;
    let page = form_page(staff, &cx, Some(target.id.to_string()), UserForm::of(&target), FieldErrors::default());
    Ok(render("people/user_form.html", &page)?.into_response())
}

/// The grants the viewer may hand out: tenant-wide only with a tenant-wide grant, a unit only within their scope.
fn may_grant(viewer: &CurrentUser, form: &UserForm, tree: &UnitTree) -> bool {
    form.grants.iter().filter(|(role, _)| !role.is_empty()).all(|(_, unit)| match unit.trim() {
        "" => viewer.access.can_tenant(Permission::ManageUsers),
        id => viewer.access.can_unit(Permission::ManageUsers, &domain::ids::UnitId::new(id), tree),
    })
}

async fn save(staff: Staff, existing: Option<UserId>, body: String) -> Result<Response, WebError> {
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(&body).map_err(|err| WebError::BadRequest(err.to_string()))?;
    let (form, password) = UserForm::from_pairs(pairs);
    let cx = form_context(&staff).await?;
    if !may_grant(&staff.user, &form, &cx.tree) {
        return Err(WebError::Forbidden);
    }
    let raw = RawUser {
        username: form.username.clone(),
        display_name: form.display_name.clone(),
        email: form.email.clone(),
        password,
        is_active: form.is_active.clone(),
        grants: form.grants.clone(),
    };
    let action_cx = staff.action_cx();
    let result = match (raw.parse(existing.is_none()), &existing) {
        (Ok(draft), None) => store::people::actions::create_user(&action_cx, draft).await,
        (Ok(draft), Some(id)) => store::people::actions::update_user(&action_cx, id, draft).await,
        (Err(problems), _) => Err(store::StoreError::Invalid(problems)),
    };
    match result {
        Ok(_) => Ok(Redirect::to("/pengguna?notice=saved").into_response()),
        Err(store::StoreError::Invalid(problems)) => {
            let errors = field_errors(staff.lang, &problems);
            let page = form_page(staff, &cx, existing.map(|it| it.to_string()), form, errors);
            render_status(StatusCode::UNPROCESSABLE_ENTITY, "people/user_form.html", &page)
        }
        Err(other) => Err(other.into()),
    }
}

/// `POST /pengguna`: creates an account.
pub async fn create(staff: Staff, body: String) -> Result<Response, WebError> {
    staff.user.require_any(Permission::ManageUsers)?;
    save(staff, None, body).await
}

/// `POST /pengguna/{id}`: updates an account.
pub async fn update(staff: Staff, Path(id): Path<String>, body: String) -> Result<Response, WebError> {
    let (_, target) = managed_user(&staff, id).await?;
    save(staff, Some(target.id), body).await
}
