//! Open311 GeoReport v2 at `/open311/v2`: complaint categories are services, the tenant is the jurisdiction, and
//! every request is an item of the complaints area. Paths end in `.json` or `.xml`, which picks the format.

pub mod doc;
pub mod format;
mod post;
mod requests;
mod services;

use axum::Router;
use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::get;

use self::format::{Format, error, split};
use crate::App;
use crate::error::WebError;
use crate::i18n::Lang;
use crate::tenant::Tenant;

/// A request's fields; Open311 carries no files (media arrive as `media_url`).
const FORM_LIMIT: usize = 64 * 1024;

/// The routes.
pub fn routes() -> Router<App> {
    Router::new()
        .route("/open311/v2/{file}", get(top).post(create))
        .route("/open311/v2/services/{file}", get(service))
        .route("/open311/v2/requests/{file}", get(request))
        .route("/open311/v2/tokens/{file}", get(token))
}

fn not_found(lang: Lang, format: Format) -> Response {
    error(format, StatusCode::NOT_FOUND, &[lang.t("complaints.open311.no_endpoint").to_owned()])
}

async fn top(
    State(app): State<App>,
    (tenant, lang): (Tenant, Lang),
    headers: HeaderMap,
    Path(file): Path<String>,
    Query(query): Query<requests::ListQuery>,
) -> Result<Response, WebError> {
    let Some((name, format)) = split(&file) else { return Ok(not_found(lang, Format::Json)) };
    match name {
        "discovery" => Ok(services::discovery(&app, &headers, &tenant, format)),
        "services" => Ok(services::list(lang, format)),
        "requests" => {
            let keyed = keyed(&app, &tenant, &headers, query.api_key.as_deref()).await?;
            requests::list(&app, (&tenant, lang), (&query, keyed), format).await
        }
        _ => Ok(not_found(lang, format)),
    }
}

async fn create(
    State(app): State<App>,
    (tenant, lang): (Tenant, Lang),
    Path(file): Path<String>,
    request: Request,
) -> Result<Response, WebError> {
    let Some((name, format)) = split(&file) else { return Ok(not_found(lang, Format::Json)) };
    if name != "requests" {
        return Ok(not_found(lang, format));
    }
    let ip = crate::security::client_ip(&app, &request).to_string();
    let headers = request.headers().clone();
    let Ok(body) = axum::body::to_bytes(request.into_body(), FORM_LIMIT).await else {
        return Ok(error(format, StatusCode::PAYLOAD_TOO_LARGE, &[lang.t("complaints.open311.too_large").to_owned()]));
    };
    post::create(&app, (&tenant, lang, &headers), (post::Fields::parse(&body), ip), format).await
}

async fn service(
    State(app): State<App>,
    (tenant, lang): (Tenant, Lang),
    Path(file): Path<String>,
) -> Result<Response, WebError> {
    match split(&file) {
        Some((code, format)) => services::definition(&app, (&tenant, lang), code, format).await,
        None => Ok(not_found(lang, Format::Json)),
    }
}

async fn request(
    State(app): State<App>,
    (tenant, lang): (Tenant, Lang),
    Path(file): Path<String>,
    (headers, Query(key)): (HeaderMap, Query<KeyQuery>),
) -> Result<Response, WebError> {
    let keyed = keyed(&app, &tenant, &headers, key.api_key.as_deref()).await?;
    match split(&file) {
        Some((id, format)) => requests::one(&app, (&tenant, lang), (id, keyed), format).await,
        None => Ok(not_found(lang, Format::Json)),
    }
}

/// Whether a GET shows a valid integrator's key (header `X-API-Key` or query `api_key`).
async fn keyed(app: &App, tenant: &Tenant, headers: &HeaderMap, query: Option<&str>) -> Result<bool, WebError> {
    let Some(key) = headers.get("x-api-key").and_then(|it| it.to_str().ok()).or(query) else { return Ok(false) };
    let mut conn = app.db().conn().await?;
    Ok(store::complaints::keys::find_api_client(&mut conn, &tenant.0.id, key).await?.is_some())
}

/// An API key given on a GET.
#[derive(serde::Deserialize)]
struct KeyQuery {
    api_key: Option<String>,
}

async fn token(
    State(app): State<App>,
    (tenant, lang): (Tenant, Lang),
    Path(file): Path<String>,
) -> Result<Response, WebError> {
    match split(&file) {
        Some((token, format)) => requests::token(&app, (&tenant, lang), token, format).await,
        None => Ok(not_found(lang, Format::Json)),
    }
}

#[cfg(test)]
mod tests;
