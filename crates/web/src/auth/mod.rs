//! Sessions and sign-in: the session cookie, the `CurrentUser` extractor, login, logout and password change.

mod pages;

use axum::Router;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::routing::{get, post};
use cookie::{Cookie, SameSite};
use domain::ids::UnitId;
use domain::org::UnitTree;
use domain::people::{Access, Permission, User};

use crate::App;
use crate::error::WebError;
use crate::tenant::Tenant;

/// The routes of sign-in and the user's own account.
pub fn routes() -> Router<App> {
    Router::new()
        .route("/masuk", get(pages::login_form).post(pages::login))
        .route("/keluar", post(pages::logout))
        .route("/akun/sandi", get(pages::password_form).post(pages::change_password))
}

/// The cross-site token of the request, set by the security middleware.
#[derive(Clone, Debug)]
pub struct CsrfToken(pub String);

/// The signed-in user and what they may do.
#[derive(Clone, Debug)]
pub struct CurrentUser {
    /// The account.
    pub user: User,
    /// Their access, from their grants.
    pub access: Access,
}

impl CurrentUser {
    /// Fails with `Forbidden` unless the user holds the permission tenant-wide.
    pub fn require_tenant(&self, permission: Permission) -> Result<(), WebError> {
        if self.access.can_tenant(permission) { Ok(()) } else { Err(WebError::Forbidden) }
    }

    /// Fails with `Forbidden` unless the user holds the permission somewhere.
    pub fn require_any(&self, permission: Permission) -> Result<(), WebError> {
        if self.access.has(permission) { Ok(()) } else { Err(WebError::Forbidden) }
    }

    /// Fails with `NotFound` unless the user may act on this unit: a unit outside their scope does not exist for them.
    pub fn require_unit(&self, permission: Permission, unit: &UnitId, tree: &UnitTree) -> Result<(), WebError> {
        if self.access.can_unit(permission, unit, tree) { Ok(()) } else { Err(WebError::NotFound) }
    }
}

/// The signed-in user, if any.
#[derive(Clone, Debug)]
pub struct MaybeUser(pub Option<CurrentUser>);

impl FromRequestParts<App> for MaybeUser {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<MaybeUser, WebError> {
        if let Some(cached) = parts.extensions.get::<MaybeUser>() {
            return Ok(cached.clone());
        }
        let tenant = Tenant::from_request_parts(parts, app).await?;
        let token = cookie_value(parts, session_cookie_name(app));
        let user = match token {
            Some(token) => {
                store::people::actions::resume_session(app.db(), &tenant.0.id, &token, app.now(), app.session_policy())
                    .await?
                    .map(|session| CurrentUser { access: Access::new(session.user.grants.clone()), user: session.user })
            }
            None => None,
        };
        let found = MaybeUser(user);
        parts.extensions.insert(found.clone());
        Ok(found)
    }
}

impl FromRequestParts<App> for CurrentUser {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<CurrentUser, WebError> {
        MaybeUser::from_request_parts(parts, app).await?.0.ok_or(WebError::LoginRequired)
    }
}

/// The name of the session cookie; the `__Host-` prefix (which browsers accept only with `Secure`) when served over
/// HTTPS.
pub fn session_cookie_name(app: &App) -> &'static str {
    if app.config().secure_cookies() { "__Host-pantau_session" } else { "pantau_session" }
}

/// A `Set-Cookie` header value.
pub fn set_cookie_header(cookie: &Cookie<'static>) -> axum::http::HeaderValue {
    // Cookie names and values here are ours (fixed names, hex tokens, language codes), so they are valid header text.
    axum::http::HeaderValue::from_str(&cookie.to_string()).expect("cookie text built from hex tokens is a valid header")
}

/// A cookie value from the request.
pub fn cookie_value(parts: &Parts, name: &str) -> Option<String> {
    cookie_value_from(&parts.headers, name)
}

/// A cookie value from request headers.
pub fn cookie_value_from(headers: &axum::http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|it| it.to_str().ok())
        .flat_map(|it| it.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

/// Builds a cookie with Pantau's attributes: HTTP only, same-site lax, whole site, secure over HTTPS.
pub fn build_cookie(app: &App, name: &'static str, value: String, max_age_secs: i64) -> Cookie<'static> {
    Cookie::build((name, value))
        .http_only(true)
        .same_site(SameSite::Lax)
        .path("/")
        .secure(app.config().secure_cookies())
        .max_age(cookie::time::Duration::seconds(max_age_secs))
        .build()
}

#[cfg(test)]
mod tests;
