//! Error responses in the user's language: a page for page routes, a problem document for the API, the Open311
//! error list under `/open311/`, and a redirect to the login page where one is needed. Refusals of axum's own
//! extractors (a body that does not deserialize, a wrong content type, too large) become ours too, so no answer
//! quotes Rust's deserializer.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Serialize;

use super::url_encode;
use crate::error::{ApiProblem, RenderedError, problem_json};
use crate::i18n::Lang;

#[derive(Serialize)]
struct ErrorPage {
    lang: &'static str,
    title_key: &'static str,
    status: u16,
    request_id: String,
    problems: Vec<String>,
}

/// Renders error responses: a redirect to the login page for pages that need one, a translated page for other
/// page routes, a JSON problem document for API routes.
pub async fn render_errors(request: Request, next: Next) -> Response {
    let lang = Lang::from_headers(request.headers());
    let is_api = request.uri().path().starts_with("/api/");
    let path_and_query = request.uri().path_and_query().map(|it| it.as_str().to_owned()).unwrap_or_default();
    let request_id =
        request.headers().get("x-request-id").and_then(|it| it.to_str().ok()).unwrap_or_default().to_owned();
    let response = next.run(request).await;
    let status = response.status();
    let (response, error) = match response.extensions().get::<RenderedError>().cloned() {
        Some(error) => (response, error),
        None if is_rejection(&response) => {
            let (parts, body) = response.into_parts();
            let text = axum::body::to_bytes(body, 64 * 1024).await.unwrap_or_default();
            (Response::from_parts(parts, Body::empty()), rejection(lang, status, &String::from_utf8_lossy(&text)))
        }
        None => return response,
    };
    drop(response);
    if is_api {
        return problem_json(status, lang, &error, &request_id);
    }
    if path_and_query.starts_with("/open311/") {
        let path = path_and_query.split('?').next().unwrap_or_default();
        let format = crate::complaints::open311::format::of_path(path);
        let mut messages: Vec<String> = error.problems_in(lang).into_iter().map(|it| it.message).collect();
        if messages.is_empty() {
            messages.push(lang.t(error.key).to_owned());
        }
        return crate::complaints::open311::format::error(format, status, &messages);
    }
    if status == StatusCode::UNAUTHORIZED {
        let next = url_encode(&path_and_query);
        return Redirect::to(&format!("/masuk?next={next}")).into_response();
    }
    let problems = error.problems_in(lang).into_iter().map(|it| it.message).collect();
    let page = ErrorPage { lang: lang.code(), title_key: error.key, status: status.as_u16(), request_id, problems };
    match crate::render::render("error.html", &page) {
        Ok(html) => (status, html).into_response(),
        Err(_) => (status, lang.t(error.key)).into_response(),
    }
}

/// Whether a response is an extractor's refusal: axum answers those in plain text, our handlers never do, and a
/// request that ran out of time has no body at all.
fn is_rejection(response: &Response) -> bool {
    let status = response.status();
    let plain = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|it| it.to_str().ok())
        .is_some_and(|it| it.starts_with("text/plain"));
    let refusal = matches!(status.as_u16(), 400 | 413 | 415 | 422) && plain;
    refusal || status == StatusCode::REQUEST_TIMEOUT
}

/// Our error for an extractor's refusal; a missing or unknown field is still named, the rest of the text is not
/// shown.
fn rejection(lang: Lang, status: StatusCode, text: &str) -> RenderedError {
    let key = match status.as_u16() {
        408 => "errors.page.timeout",
        413 => "errors.page.too_large",
        415 => "errors.page.unsupported_type",
        _ => "errors.page.bad_request",
    };
    let named = |marker: &str| {
        let start = text.find(marker)? + marker.len();
        let rest = &text[start..];
        rest.find('`').map(|end| rest[..end].to_owned())
    };
    let problem = if let Some(field) = named("missing field `") {
        Some(ApiProblem { field, code: "required".to_owned(), message: lang.t("errors.field.required").to_owned() })
    } else if let Some(field) = named("unknown field `") {
        let message = lang.t("errors.input.unknown_field").to_owned();
        Some(ApiProblem { field, code: "unknown_field".to_owned(), message })
    } else if status.as_u16() == 400 || status.as_u16() == 422 {
        let message = lang.t("errors.input.malformed").to_owned();
        Some(ApiProblem { field: String::new(), code: "malformed".to_owned(), message })
    } else {
        None
    };
    RenderedError {
        key,
        problems: std::sync::Arc::new(problem.into_iter().collect()),
        fields: std::sync::Arc::new(Vec::new()),
    }
}
