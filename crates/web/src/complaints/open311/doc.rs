//! The Open311 endpoints as the OpenAPI document describes them. The handlers answer JSON and XML from one JSON
//! value (see `format`), so the shapes are written out here for integrators; the functions only carry the
//! descriptions and are never routed.
#![allow(dead_code, clippy::unused_async)]

use serde::Serialize;
use utoipa::ToSchema;

/// A service: one complaint category.
#[derive(Serialize, ToSchema)]
pub struct Open311Service {
    /// The category code.
    pub service_code: String,
    /// Name in the requested language.
    pub service_name: String,
    /// Description.
    pub description: String,
    /// Always true: the definition lists attributes.
    pub metadata: bool,
    /// Always `realtime`: the number is given at once.
    #[serde(rename = "type")]
    pub kind: String,
    /// Comma-separated words that hint at the category.
    pub keywords: String,
    /// Group.
    pub group: String,
}

/// A request as every GET shows it; never the reporter's identity. `description`, `address`, `lat`, `long` and
/// `agency_responsible` are null until the item is verified and publicly listed.
#[derive(Serialize, ToSchema)]
pub struct Open311Request {
    /// Tracking number.
    pub service_request_id: String,
    /// `open` or `closed`.
    pub status: String,
    /// The detailed state, and the outcome when closed.
    pub status_notes: String,
    /// Service name.
    pub service_name: String,
    /// Service code.
    pub service_code: String,
    /// Text, when public.
    pub description: Option<String>,
    /// Handling unit, when public.
    pub agency_responsible: Option<String>,
    /// Received, W3C date-time with the unit's offset.
    pub requested_datetime: String,
    /// Last change.
    pub updated_datetime: String,
    /// The current deadline's end, while open.
    pub expected_datetime: Option<String>,
    /// Place in words, when public.
    pub address: Option<String>,
    /// Latitude, when public.
    pub lat: Option<f64>,
    /// Longitude, when public.
    pub long: Option<f64>,
}

/// The answer to a POST.
#[derive(Serialize, ToSchema)]
pub struct Open311Created {
    /// Tracking number, given at once.
    pub service_request_id: String,
    /// Token (Pantau's id of the item).
    pub token: String,
    /// What happens next, with the verification deadline.
    pub service_notice: String,
    /// Pantau extension: the tracking secret for `/lacak`; hand it to the citizen, it is not shown again.
    pub tracking_secret: String,
    /// Pantau extension: the page verifying the signed receipt.
    pub receipt_url: String,
}

/// One error, in the spec's shape; answers carry a list of them.
#[derive(Serialize, ToSchema)]
pub struct Open311Error {
    /// HTTP status.
    pub code: u16,
    /// What is wrong, in the requested language.
    pub description: String,
}

/// Discovery: the endpoint, its formats and how to get a key.
#[utoipa::path(get, path = "/open311/v2/discovery.{format}", tag = "open311",
    params(("format" = String, Path, description = "`json` or `xml`")),
    responses((status = 200, description = "discovery document")))]
pub async fn discovery() {}

/// Every complaint category as a service.
#[utoipa::path(get, path = "/open311/v2/services.{format}", tag = "open311",
    params(("format" = String, Path, description = "`json` or `xml`")),
    responses((status = 200, body = [Open311Service])))]
pub async fn services() {}

/// A service's attributes: `kind`, `confidentiality`, `unit` (value lists) and `title`.
#[utoipa::path(get, path = "/open311/v2/services/{service_code}.{format}", tag = "open311",
    params(("service_code" = String, Path), ("format" = String, Path, description = "`json` or `xml`")),
    responses((status = 200, description = "service definition"), (status = 404, body = [Open311Error])))]
pub async fn definition() {}

/// File a request. Form-encoded: `api_key` (from `pantau open311 key create`), `service_code`, `description`, a
/// location (`lat` and `long`, or `address_string`, or `address_id`), optional `jurisdiction_id`, `first_name`,
/// `last_name`, `email`, `phone`, `media_url` and `attribute[kind|confidentiality|unit|title]`.
#[utoipa::path(post, path = "/open311/v2/requests.{format}", tag = "open311",
    params(("format" = String, Path, description = "`json` or `xml`")),
    request_body(content_type = "application/x-www-form-urlencoded", description = "the spec's fields"),
    responses(
        (status = 201, body = [Open311Created]),
        (status = 400, description = "a missing key or location, or invalid fields", body = [Open311Error]),
        (status = 403, description = "unknown or revoked api_key", body = [Open311Error]),
        (status = 404, description = "unknown service_code or jurisdiction_id", body = [Open311Error])))]
pub async fn create() {}

/// Publicly listed requests: `service_request_id` (comma list; overrides the rest), `service_code` (comma list),
/// `start_date`/`end_date` (default the last 90 days, at most 90), `status` (`open`, `closed`), and the `page`
/// (from 1) / `page_size` (1–1000, default 1000) extension.
#[utoipa::path(get, path = "/open311/v2/requests.{format}", tag = "open311",
    params(
        ("format" = String, Path, description = "`json` or `xml`"),
        ("service_request_id" = Option<String>, Query), ("service_code" = Option<String>, Query),
        ("start_date" = Option<String>, Query), ("end_date" = Option<String>, Query),
        ("status" = Option<String>, Query), ("page" = Option<i64>, Query), ("page_size" = Option<i64>, Query)),
    responses((status = 200, body = [Open311Request]), (status = 400, body = [Open311Error])))]
pub async fn list() {}

/// One request by its number. A request that is not publicly listed (not yet verified, confidential, a letter) is
/// not found unless a valid `api_key` is given (query parameter or `X-API-Key` header); then its status is shown
/// without its text or place.
#[utoipa::path(get, path = "/open311/v2/requests/{service_request_id}.{format}", tag = "open311",
    params(("service_request_id" = String, Path), ("format" = String, Path, description = "`json` or `xml`"),
        ("api_key" = Option<String>, Query, description = "an integrator's key, to read a request that is not public")),
    responses((status = 200, body = [Open311Request]), (status = 404, body = [Open311Error])))]
pub async fn one() {}

/// The number behind a token.
#[utoipa::path(get, path = "/open311/v2/tokens/{token}.{format}", tag = "open311",
    params(("token" = String, Path), ("format" = String, Path, description = "`json` or `xml`")),
    responses((status = 200, description = "`[{service_request_id, token}]`"), (status = 404, body = [Open311Error])))]
pub async fn token() {}
