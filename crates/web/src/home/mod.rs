//! The public home page and the language switch.

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use serde::{Deserialize, Serialize};

use crate::App;
use crate::auth::{build_cookie, set_cookie_header};
use crate::error::WebError;
use crate::i18n::Lang;
use crate::layout::Layout;
use crate::render::render;

/// The public routes of the home area.
pub fn routes() -> Router<App> {
    Router::new().route("/", get(index)).route("/bahasa/{code}", get(switch_language))
}

#[derive(Serialize)]
struct HomePage {
    #[serde(flatten)]
    layout: Layout,
}

/// `GET /`: what Pantau is, for citizens.
pub async fn index(layout: Layout) -> Result<Response, WebError> {
    Ok(render("home/index.html", &HomePage { layout })?.into_response())
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

/// `GET /bahasa/{code}`: remembers the chosen language in a cookie and returns to the page.
pub async fn switch_language(
    State(app): State<App>,
    Path(code): Path<String>,
    Query(query): Query<NextQuery>,
) -> Result<Response, WebError> {
    let lang = Lang::parse(&code).ok_or(WebError::NotFound)?;
    let next = crate::security::local_path(query.next.as_deref(), "/");
    let mut cookie = build_cookie(&app, "lang", lang.code().to_owned(), 365 * 24 * 3600);
    // The language is not a secret; scripts may read it.
    cookie.set_http_only(false);
    let mut response = Redirect::to(&next).into_response();
    response.headers_mut().append(header::SET_COOKIE, set_cookie_header(&cookie));
    Ok(response)
}
