//! Request guards: security headers, cross-site request protection, per-address rate limits, and the rendering of
//! errors into pages or problem documents.

use std::net::{IpAddr, SocketAddr};

use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::App;
use crate::auth::{CsrfToken, build_cookie, cookie_value_from, set_cookie_header};
use crate::error::WebError;

mod errors;
mod input;
mod limits;
mod paths;

pub use errors::render_errors;
pub use input::refuse_control_characters;
pub use limits::{Limits, rate_limit};
pub use paths::local_path;

/// The cross-site cookie's name: with the `__Host-` prefix over HTTPS, which browsers accept only from this host,
/// with `Secure` and `Path=/`, so that a sibling subdomain cannot plant a token of its choosing.
pub fn csrf_cookie_name(app: &App) -> &'static str {
    if app.config().secure_cookies() { "__Host-pantau_csrf" } else { "pantau_csrf" }
}
const CSRF_FIELD: &str = "_csrf";
/// Largest form body read to find the token; uploads are multipart and carry the token in the query string.
const FORM_LIMIT: usize = 256 * 1024;

/// Adds the security headers to every response.
pub async fn headers(State(app): State<App>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let fixed = [
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; \
             base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        ),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "same-origin"),
        (header::HeaderName::from_static("permissions-policy"), "camera=(), microphone=(), geolocation=(self)"),
        (header::HeaderName::from_static("cross-origin-opener-policy"), "same-origin"),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    if app.config().secure_cookies() {
        headers.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000"));
    }
    // Pages, the API, exports and receipts (the one-time secret) must not stay in a shared or back-button cache;
    // only the versioned static files say otherwise.
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// Checks that an unsafe request comes from Pantau's own pages: the browser's fetch metadata and origin must be
/// same-origin, and the request must echo the token of the `pantau_csrf` cookie (form field `_csrf`, header
/// `X-CSRF-Token`, or for uploads the `_csrf` query parameter). Safe requests get the cookie if they lack it.
pub async fn csrf(State(app): State<App>, request: Request, next: Next) -> Response {
    let cookie = cookie_value_from(request.headers(), csrf_cookie_name(&app)).filter(|it| it.len() == 64);
    let unsafe_method = !matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let exempt = is_csrf_exempt(request.uri().path());
    let (mut request, token) = if unsafe_method && !exempt {
        match check_unsafe(request, cookie.as_deref()).await {
            Ok(request) => (request, cookie.clone().unwrap_or_default()),
            Err(err) => return err.into_response(),
        }
    } else {
        let token = cookie.clone().unwrap_or_else(|| hex::encode(store::IdSource::secret(app.ids())));
        (request, token)
    };
    request.extensions_mut().insert(CsrfToken(token.clone()));
    let mut response = next.run(request).await;
    if cookie.is_none() {
        let fresh = build_cookie(&app, csrf_cookie_name(&app), token, 12 * 3600);
        response.headers_mut().append(header::SET_COOKIE, set_cookie_header(&fresh));
    }
    response
}

/// Routes that never read the session cookie, so a forged cross-site request gains nothing: the citizen's JSON API
/// (no account) and Open311 (an API key in the request), besides the operations endpoints.
fn is_csrf_exempt(path: &str) -> bool {
    matches!(path, "/metrics" | "/healthz" | "/api/v1/complaints" | "/api/v1/complaints/track")
        || path.starts_with("/api/v1/complaints/track/")
        || (path.starts_with("/api/v1/skm/surveys/") && path.ends_with("/responses"))
        || path.starts_with("/open311/")
}

async fn check_unsafe(request: Request, cookie: Option<&str>) -> Result<Request, WebError> {
    let headers = request.headers();
    let site = headers.get("sec-fetch-site").and_then(|it| it.to_str().ok());
    if site.is_some_and(|it| it != "same-origin" && it != "none") {
        return Err(WebError::CrossSite);
    }
    let host = headers.get(header::HOST).and_then(|it| it.to_str().ok()).unwrap_or_default().to_owned();
    let origin = headers.get(header::ORIGIN).and_then(|it| it.to_str().ok());
    if let Some(origin) = origin {
        let origin_host = origin.split_once("://").map_or(origin, |(_, rest)| rest);
        if origin != "null" && origin_host != host {
            return Err(WebError::CrossSite);
        }
    }
    let Some(expected) = cookie else { return Err(WebError::CrossSite) };
    let from_header = headers.get("x-csrf-token").and_then(|it| it.to_str().ok()).map(str::to_owned);
    let from_query = request.uri().query().and_then(|query| form_value(query, CSRF_FIELD));
    let is_form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|it| it.to_str().ok())
        .is_some_and(|it| it.starts_with("application/x-www-form-urlencoded"));
    let (request, from_body) = if is_form && from_header.is_none() {
        let (parts, body) = request.into_parts();
        let bytes = axum::body::to_bytes(body, FORM_LIMIT)
            .await
            .map_err(|_| WebError::BadRequest("form too large".to_owned()))?;
        let token = std::str::from_utf8(&bytes).ok().and_then(|body| form_value(body, CSRF_FIELD));
        (Request::from_parts(parts, Body::from(bytes)), token)
    } else {
        (request, None)
    };
    let given = from_header.or(from_body).or(from_query);
    match given {
        Some(token) if constant_time_eq(token.as_bytes(), expected.as_bytes()) => Ok(request),
        _ => Err(WebError::CrossSite),
    }
}

pub(crate) fn form_value(encoded: &str, name: &str) -> Option<String> {
    encoded
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

/// Compares secrets in a time that does not depend on where they differ.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The client address: the first `X-Forwarded-For` hop when a proxy is trusted, else the socket's peer.
pub fn client_ip(app: &App, request: &Request) -> IpAddr {
    ip_of(app, request.headers(), request.extensions())
}

fn ip_of(app: &App, headers: &axum::http::HeaderMap, extensions: &axum::http::Extensions) -> IpAddr {
    let forwarded = app
        .config()
        .trust_proxy
        .then(|| headers.get("x-forwarded-for").and_then(|it| it.to_str().ok()))
        .flatten()
        .and_then(|it| it.split(',').next())
        .and_then(|it| it.trim().parse().ok());
    let peer = extensions.get::<ConnectInfo<SocketAddr>>().map(|it| it.0.ip());
    forwarded.or(peer).unwrap_or(IpAddr::from([0, 0, 0, 0]))
}

/// The client address as an extractor (see [`client_ip`]).
pub struct ClientIp(pub IpAddr);

impl axum::extract::FromRequestParts<App> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        app: &App,
    ) -> Result<ClientIp, Self::Rejection> {
        Ok(ClientIp(ip_of(app, &parts.headers, &parts.extensions)))
    }
}

/// Percent-encodes a path for a query parameter.
pub fn url_encode(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => (byte as char).to_string(),
            other => format!("%{other:02X}"),
        })
        .collect()
}
