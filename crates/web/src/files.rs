//! Vendored static files, embedded in the binary and served with long cache lifetimes (names carry versions).

use axum::Router;
use axum::extract::Path;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::App;
use crate::error::WebError;

const FILES: [(&str, &str, &str); 3] = [
    ("pantau-6.css", "text/css; charset=utf-8", include_str!("../static/pantau-6.css")),
    ("htmx-2.0.4.min.js", "text/javascript; charset=utf-8", include_str!("../static/htmx-2.0.4.min.js")),
    ("pantau-1.js", "text/javascript; charset=utf-8", include_str!("../static/pantau-1.js")),
];

/// The static file route.
pub fn routes() -> Router<App> {
    Router::new().route("/static/{name}", get(file))
}

/// `GET /static/{name}`: a vendored asset.
pub async fn file(Path(name): Path<String>) -> Result<Response, WebError> {
    let (_, content_type, body) = FILES.iter().find(|(file, _, _)| *file == name).ok_or(WebError::NotFound)?;
    Ok(([(header::CONTENT_TYPE, *content_type), (header::CACHE_CONTROL, "public, max-age=31536000, immutable")], *body)
        .into_response())
}
