//! Sign-in pages: login, logout and the user's own password change.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};
use store::people::actions::{LoginAttempt, LoginOutcome};

use crate::App;
use crate::auth::{build_cookie, cookie_value_from, session_cookie_name, set_cookie_header};
use crate::error::WebError;
use crate::forms::{FieldErrors, field_errors};
use crate::i18n::Lang;
use crate::layout::Layout;
use crate::render::{render, render_status};
use crate::security::ClientIp;
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
    (tenant, lang, layout): (Tenant, Lang, Layout),
    (ClientIp(ip), headers): (ClientIp, HeaderMap),
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
    let previous = cookie_value_from(&headers, session_cookie_name(&app));
    let address = domain::people::throttle_address(ip);
    let attempt = LoginAttempt {
        username: &form.username,
        password: form.password,
        address: &address,
        previous_token: previous.as_deref(),
    };
    let outcome = store::people::actions::login(&cx, attempt, app.session_policy()).await?;
    let error = match outcome {
        LoginOutcome::Success { token, .. } => {
            let mut response = Redirect::to(&next).into_response();
            set_session_cookies(&app, &mut response, token);
            return Ok(response);
        }
        // One answer for a wrong name, a wrong password and a locked account: saying "locked" only for accounts
        // that exist would tell a guesser which usernames are real.
        LoginOutcome::Invalid | LoginOutcome::Locked { .. } => lang.t("auth.login.refused").to_owned(),
    };
    let page = LoginPage { layout, username: form.username, next, error: Some(error) };
    render_status(StatusCode::UNAUTHORIZED, "auth/login.html", &page)
}

/// A fresh session cookie, and a fresh cross-site token with it: nothing a page handed out before the login (or
/// before a password change) stays valid after it.
fn set_session_cookies(app: &App, response: &mut Response, token: String) {
    let lifetime = i64::try_from(app.config().session_lifetime.as_secs()).unwrap_or(i64::MAX);
    let session = build_cookie(app, session_cookie_name(app), token, lifetime);
    response.headers_mut().append(header::SET_COOKIE, set_cookie_header(&session));
    let csrf = hex::encode(store::IdSource::secret(app.ids()));
    let csrf = build_cookie(app, crate::security::csrf_cookie_name(app), csrf, 12 * 3600);
    response.headers_mut().append(header::SET_COOKIE, set_cookie_header(&csrf));
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
pub async fn change_password(staff: Staff, Form(form): Form<PasswordForm>) -> Result<Response, WebError> {
    let user = &staff.user.user;
    let checked = domain::people::check_new_password(&form.password, &form.password_confirmation, &user.username);
    let result = match checked {
        Ok(()) => {
            let cx = staff.action_cx();
            let passwords = (form.current_password, form.password);
            store::people::actions::change_own_password(&cx, &user.id, passwords, staff.app.session_policy()).await
        }
        Err(problems) => Err(store::StoreError::Invalid(problems)),
    };
    match result {
        Ok(token) => {
            let mut response = Redirect::to("/beranda?notice=password_changed").into_response();
            set_session_cookies(&staff.app, &mut response, token);
            Ok(response)
        }
        Err(store::StoreError::Invalid(problems)) => {
            let page = PasswordPage { layout: staff.layout, errors: field_errors(staff.lang, &problems) };
            render_status(StatusCode::UNPROCESSABLE_ENTITY, "auth/password.html", &page)
        }
        Err(other) => Err(other.into()),
    }
}
