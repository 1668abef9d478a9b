//! The web error: decides the HTTP status and the wording in one place. Page routes get a translated HTML page,
//! API routes a JSON problem document.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::i18n::Lang;

/// What went wrong while serving a request.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// Nothing here, or not for this user (existence is not revealed).
    #[error("not found")]
    NotFound,
    /// Logged in but not allowed.
    #[error("forbidden")]
    Forbidden,
    /// A cross-site request check failed.
    #[error("cross-site request refused")]
    CrossSite,
    /// The change conflicts with what is stored (a duplicate).
    #[error("conflict")]
    Conflict,
    /// Too many requests from this address.
    #[error("rate limited")]
    RateLimited,
    /// Invalid input to an API route (pages re-render their form instead).
    #[error("invalid input")]
    Invalid(Vec<ApiProblem>),
    /// Invalid input found by the domain, translated when the answer is rendered in the request's language.
    #[error("invalid input: {0:?}")]
    Fields(Vec<domain::problems::FieldProblem>),
    /// A request that could not be understood (bad upload, bad query).
    #[error("bad request: {0}")]
    BadRequest(String),
    /// The page needs a logged-in user.
    #[error("login required")]
    LoginRequired,
    /// The installation has no tenant yet.
    #[error("no tenant configured: run `pantau setup` or start with --demo")]
    NoTenant,
    /// A failure of Pantau or its database; logged with the request id.
    #[error("internal error: {0}")]
    Internal(String),
}

/// One field problem in an API answer.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ApiProblem {
    /// Field name as in the request body.
    pub field: String,
    /// Machine-readable code.
    pub code: String,
    /// Message in the requested language.
    pub message: String,
}

impl From<store::StoreError> for WebError {
    fn from(err: store::StoreError) -> WebError {
        match err {
            store::StoreError::NotFound => WebError::NotFound,
            // A refusal the caller shows itself (a re-rendered form, a problem document) is matched before `?`; what
            // reaches here, such as a complaint's lifecycle refusing a step, conflicts with the stored state.
            store::StoreError::Duplicate | store::StoreError::Refused(_) => WebError::Conflict,
            store::StoreError::Invalid(problems) => WebError::Fields(problems),
            store::StoreError::Busy => WebError::Internal("database busy".to_owned()),
            other => WebError::Internal(format!("{other:#}")),
        }
    }
}

impl WebError {
    /// The HTTP status of the error.
    pub fn status(&self) -> StatusCode {
        match self {
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::LoginRequired => StatusCode::UNAUTHORIZED,
            WebError::NoTenant => StatusCode::SERVICE_UNAVAILABLE,
            WebError::Forbidden | WebError::CrossSite => StatusCode::FORBIDDEN,
            WebError::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            WebError::Conflict => StatusCode::CONFLICT,
            WebError::Invalid(_) | WebError::Fields(_) => StatusCode::UNPROCESSABLE_ENTITY,
            WebError::BadRequest(_) => StatusCode::BAD_REQUEST,
            WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The translation key of the error's title.
    pub fn message_key(&self) -> &'static str {
        match self {
            WebError::NotFound => "errors.page.not_found",
            WebError::LoginRequired => "errors.page.login_required",
            WebError::NoTenant => "errors.page.no_tenant",
            WebError::Forbidden => "errors.page.forbidden",
            WebError::CrossSite => "errors.page.cross_site",
            WebError::RateLimited => "errors.page.rate_limited",
            WebError::Conflict => "errors.page.conflict",
            WebError::Invalid(_) | WebError::Fields(_) | WebError::BadRequest(_) => "errors.page.bad_request",
            WebError::Internal(_) => "errors.page.internal",
        }
    }
}

/// The error, kept in the response so the error-page middleware can render it in the request's language.
#[derive(Clone, Debug)]
pub struct RenderedError {
    /// Title key.
    pub key: &'static str,
    /// Field problems for API answers.
    pub problems: std::sync::Arc<Vec<ApiProblem>>,
    /// Field problems still to be translated.
    pub fields: std::sync::Arc<Vec<domain::problems::FieldProblem>>,
}

impl RenderedError {
    /// Every problem in the language of the answer.
    pub fn problems_in(&self, lang: Lang) -> Vec<ApiProblem> {
        let mut out: Vec<ApiProblem> = self
            .problems
            .iter()
            .map(|it| ApiProblem { field: it.field.clone(), code: it.code.clone(), message: it.message.clone() })
            .collect();
        out.extend(crate::forms::api_problems(lang, &self.fields));
        out
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let status = self.status();
        if let WebError::Internal(detail) = &self {
            tracing::error!(error = %detail, "request failed");
        }
        let key = self.message_key();
        let (problems, fields) = match self {
            WebError::Invalid(problems) => (problems, Vec::new()),
            WebError::Fields(fields) => (Vec::new(), fields),
            _ => (Vec::new(), Vec::new()),
        };
        let mut response = status.into_response();
        let (problems, fields) = (std::sync::Arc::new(problems), std::sync::Arc::new(fields));
        response.extensions_mut().insert(RenderedError { key, problems, fields });
        response
    }
}

/// The JSON problem document of an API error.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ProblemDocument<'a> {
    /// HTTP status.
    pub status: u16,
    /// Title in the requested language.
    pub title: &'a str,
    /// Request id, to quote when reporting a failure.
    pub request_id: &'a str,
    /// Field problems, for 422.
    pub problems: &'a [ApiProblem],
}

/// Builds the JSON body of an API error.
pub fn problem_json(status: StatusCode, lang: Lang, error: &RenderedError, request_id: &str) -> Response {
    let problems = error.problems_in(lang);
    let body = ProblemDocument { status: status.as_u16(), title: lang.t(error.key), request_id, problems: &problems };
    (status, [(axum::http::header::CONTENT_TYPE, "application/problem+json")], Json(body)).into_response()
}
