//! Sign-in pages: login, logout and the user's own password change.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};
use store::people::actions::LoginOutcome;

use crate::App;
use crate::auth::{build_cookie, cookie_value_from, session_cookie_name, set_cookie_header};
use crate::error::WebError;
use crate::forms::{FieldErrors, field_errors};
use crate::i18n::Lang;
use crate::layout::Layout;
use crate::render::{render, render_status};
use crate::staff::Staff;
use crate::tenant::Tenant;

#[derive(Deserialize, Default)]
pub struct NextQuery {
    next: Option<String>,
}

#[derive(Serialize)]
struct LoginPage {
    #[serde(flatten)]
    layout: Layout,
    username: String,
    next: String,
    error: Option<String>,
}

/// A local path to return to after login; anything else (other hosts, scheme-relative URLs) becomes the dashboard.
fn safe_next(next: Option<&str>) -> String {
    crate::security::local_path(next, "/beranda")
}

/// `GET /masuk`: the login form.
pub async fn login_form(layout: Layout, Query(query): Query<NextQuery>) -> Result<Response, WebError> {
    if layout.user.is_some() {
        return Ok(Redirect::to(&safe_next(query.next.as_deref())).into_response());
    }
    let page = LoginPage { layout, username: String::new(), next: safe_next(query.next.as_deref()), error: None };
    Ok(render("auth/login.html", &page)?.into_response())
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

/// `POST /masuk`: checks the credentials, opens a session and redirects.
pub async fn login(
    State(app): State<App>,
    tenant: Tenant,
    lang: Lang,
    layout: Layout,
    Form(form): Form<LoginForm>,
) -> Result<Response, WebError> {
    let next = safe_next(form.next.as_deref());
    let cx = store::ActionCx {
        db: app.db(),
        tenant: &tenant.0.id,
        actor: store::Actor::System("login"),
        now: app.now(),
        ids: app.ids(),
    };
    let outcome = store::people::actions::login(&cx, (&form.username, form.password), app.session_policy()).await?;
    let error = match outcome {
        LoginOutcome::Success { token, .. } => {
            let lifetime = i64::try_from(app.config().session_lifetime.as_secs()).unwrap_or(i64::MAX);
            let session = build_cookie(&app, session_cookie_name(&app), token, lifetime);
            let mut response = Redirect::to(&next).into_response();
            response.headers_mut().append(header::SET_COOKIE, set_cookie_header(&session));
            return Ok(response);
        }
        // One answer for a wrong name, a wrong password and a locked account: saying "locked" only for accounts
        // that exist would tell a guesser which usernames are real.
        LoginOutcome::Invalid | LoginOutcome::Locked { .. } => lang.t("auth.login.refused").to_owned(),
    };
    let page = LoginPage { layout, username: form.username, next, error: Some(error) };
    render_status(StatusCode::UNAUTHORIZED, "auth/login.html", &page)
}

/// `POST /keluar`: ends the session.
pub async fn logout(staff: Staff, headers: HeaderMap) -> Result<Response, WebError> {
    let app = &staff.app;
    if let Some(token) = cookie_value_from(&headers, session_cookie_name(app)) {
        store::people::actions::logout(&staff.action_cx(), &token).await?;
    }
    let expired = build_cookie(app, session_cookie_name(app), String::new(), 0);
    let mut response = Redirect::to("/masuk?notice=logged_out").into_response();
    response.headers_mut().append(header::SET_COOKIE, set_cookie_header(&expired));
    Ok(response)
}

#[derive(Serialize)]
struct PasswordPage {
    #[serde(flatten)]
    layout: Layout,
    errors: FieldErrors,
}

/// `GET /akun/sandi`: the password change form.
pub async fn password_form(staff: Staff) -> Result<Response, WebError> {
    Ok(render("auth/password.html", &PasswordPage { layout: staff.layout, errors: FieldErrors::default() })?
        .into_response())
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirmation: String,
}

/// `POST /akun/sandi`: changes the user's own password.
pub async fn change_password(
    staff: Staff,
    headers: HeaderMap,
    Form(form): Form<PasswordForm>,
) -> Result<Response, WebError> {
    let user = &staff.user.user;
    let checked = domain::people::check_new_password(&form.password, &form.password_confirmation, &user.username);
    let result = match checked {
        Ok(()) => {
            let cx = staff.action_cx();
            let token = cookie_value_from(&headers, session_cookie_name(&staff.app)).unwrap_or_default();
            let passwords = (form.current_password, form.password);
            store::people::actions::change_own_password(&cx, &user.id, passwords, &token).await
        }
        Err(problems) => Err(store::StoreError::Invalid(problems)),
    };
    match result {
        Ok(()) => Ok(Redirect::to("/beranda?notice=password_changed").into_response()),
        Err(store::StoreError::Invalid(problems)) => {
            let page = PasswordPage { layout: staff.layout, errors: field_errors(staff.lang, &problems) };
            render_status(StatusCode::UNPROCESSABLE_ENTITY, "auth/password.html", &page)
        }
        Err(other) => Err(other.into()),
    }
}
