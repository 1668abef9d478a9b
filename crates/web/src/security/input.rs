//! No request carries a control character or a text-direction override into Pantau: NUL in a title, `%00` in an
//! address, `\u0000` in a JSON string, U+202E in a file name. PostgreSQL refuses NUL in text where SQLite stores
//! it, so without this check one engine answered 500 where the other stored it; now both refuse it the same way,
//! naming the field. Fields validated in the domain refuse them too (`domain::problems::unsafe_text`); this guard
//! covers every field, query parameter and path before any handler reads them.

use axum::body::Body;
use axum::extract::{FromRequest, Request};
use axum::http::{HeaderMap, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use domain::problems::unsafe_text;

use crate::error::{ApiProblem, WebError};
use crate::i18n::Lang;

/// Largest body read for the check: the largest any route accepts (the complaint API with its attachments), so no
/// body a handler reads escapes it; each route's own, smaller limit still applies after.
const BODY_LIMIT: usize = crate::api::complaints::BODY_LIMIT;

/// Refuses (422) a request whose path, query or body fields hold an unsafe character, naming the field.
pub async fn refuse_control_characters(request: Request, next: Next) -> Response {
    let lang = Lang::from_headers(request.headers());
    if let Some(field) = in_path_or_query(request.uri()) {
        return refuse(lang, &field);
    }
    let kind = content_type(request.headers());
    let (parts, body) = request.into_parts();
    let (request, found) = match kind {
        Kind::Other => (Request::from_parts(parts, body), None),
        kind => {
            let Ok(bytes) = axum::body::to_bytes(body, BODY_LIMIT).await else {
                return WebError::BadRequest("body too large".to_owned()).into_response();
            };
            let found = match kind {
                Kind::Form => in_form(&bytes),
                Kind::Json => in_json(&bytes),
                Kind::Multipart => in_multipart(&parts.headers, bytes.clone()).await,
                Kind::Other => None,
            };
            (Request::from_parts(parts, Body::from(bytes)), found)
        }
    };
    match found {
        Some(field) => refuse(lang, &field),
        None => next.run(request).await,
    }
}

fn refuse(lang: Lang, field: &str) -> Response {
    let message = lang.tf("errors.input.unsafe_character", &[("field", field)]);
    WebError::Invalid(vec![ApiProblem { field: field.to_owned(), code: "unsafe_character".to_owned(), message }])
        .into_response()
}

enum Kind {
    Form,
    Json,
    Multipart,
    Other,
}

fn content_type(headers: &HeaderMap) -> Kind {
    let value = headers.get(header::CONTENT_TYPE).and_then(|it| it.to_str().ok()).unwrap_or_default();
    let value = value.to_ascii_lowercase();
    if value.starts_with("application/x-www-form-urlencoded") {
        Kind::Form
    } else if value.starts_with("application/json") || value.contains("+json") {
        Kind::Json
    } else if value.starts_with("multipart/form-data") {
        Kind::Multipart
    } else {
        Kind::Other
    }
}

fn is_unsafe(text: &str) -> bool {
    unsafe_text(text).is_some()
}

/// The decoded path, then each query parameter.
fn in_path_or_query(uri: &axum::http::Uri) -> Option<String> {
    if is_unsafe(&percent_decoded(uri.path())) {
        return Some("path".to_owned());
    }
    uri.query().and_then(|query| in_form(query.as_bytes()))
}

fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let hex = bytes.get(at + 1..at + 3).and_then(|it| std::str::from_utf8(it).ok());
        match (bytes[at], hex.and_then(|it| u8::from_str_radix(it, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                at += 3;
            }
            (byte, _) => {
                out.push(byte);
                at += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn in_form(bytes: &[u8]) -> Option<String> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(bytes).ok()?;
    pairs.into_iter().find(|(key, value)| is_unsafe(key) || is_unsafe(value)).map(|(key, _)| key)
}

fn in_json(bytes: &[u8]) -> Option<String> {
    let value: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    in_value(&value, "")
}

fn in_value(value: &serde_json::Value, path: &str) -> Option<String> {
    let below = |key: &str| if path.is_empty() { key.to_owned() } else { format!("{path}.{key}") };
    match value {
        serde_json::Value::String(text) => is_unsafe(text).then(|| path.to_owned()),
        serde_json::Value::Array(items) => {
            items.iter().enumerate().find_map(|(n, item)| in_value(item, &format!("{path}[{n}]")))
        }
        serde_json::Value::Object(map) => map
            .iter()
            .find_map(|(key, inner)| if is_unsafe(key) { Some(below("key")) } else { in_value(inner, &below(key)) }),
        _ => None,
    }
}

/// Text fields and file names of a multipart form (file contents are the upload checks' business).
async fn in_multipart(headers: &HeaderMap, bytes: axum::body::Bytes) -> Option<String> {
    let mut request = Request::new(Body::from(bytes));
    *request.headers_mut() = headers.clone();
    let mut multipart = axum::extract::Multipart::from_request(request, &()).await.ok()?;
    while let Ok(Some(field)) = multipart.next_field().await {
        let name = field.name().unwrap_or_default().to_owned();
        if let Some(file_name) = field.file_name() {
            if is_unsafe(file_name) {
                return Some(name);
            }
            continue;
        }
        let text = field.text().await.ok()?;
        if is_unsafe(&name) || is_unsafe(&text) {
            return Some(name);
        }
    }
    None
}
