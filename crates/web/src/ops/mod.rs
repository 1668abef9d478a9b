//! Operations endpoints: health for load balancers, metrics for Prometheus.

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::App;

/// The operations routes.
pub fn routes() -> Router<App> {
    Router::new().route("/healthz", get(healthz)).route("/metrics", get(metrics))
}

/// `GET /healthz`: 200 when the database answers and its schema is current, else 503.
pub async fn healthz(State(app): State<App>) -> Response {
    let database = app.db().ping().await;
    let pending = app.db().pending_migrations().await;
    match (database, pending) {
        (Ok(()), Ok(0)) => {
            (StatusCode::OK, [(header::CONTENT_TYPE, "application/json")], r#"{"status":"ok"}"#).into_response()
        }
        (Ok(()), Ok(_)) => (
            StatusCode::SERVICE_UNAVAILABLE,
            [(header::CONTENT_TYPE, "application/json")],
            r#"{"status":"migrations pending"}"#,
        )
            .into_response(),
        _ => (
            StatusCode::SERVICE_UNAVAILABLE,
            [(header::CONTENT_TYPE, "application/json")],
            r#"{"status":"database unavailable"}"#,
        )
            .into_response(),
    }
}

/// `GET /metrics`: Prometheus text format, for the holder of the metrics token (`Authorization: Bearer …`); without
/// a configured token the main address has no metrics at all, and Prometheus scrapes the metrics address instead
/// ([`metrics_router`]). Counts by route and status tell an outsider what is used and what fails.
pub async fn metrics(State(app): State<App>, headers: HeaderMap) -> Response {
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|it| it.to_str().ok())
        .and_then(|it| it.strip_prefix("Bearer "))
        .map(str::trim);
    match (app.config().metrics_token.as_deref(), given) {
        (Some(expected), Some(given)) if crate::security::constant_time_eq(expected.as_bytes(), given.as_bytes()) => {
            render_metrics(&app)
        }
        _ => crate::error::WebError::NotFound.into_response(),
    }
}

fn render_metrics(app: &App) -> Response {
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], app.metrics().render()).into_response()
}

/// The router of the separate metrics address (`--metrics-listen`): `/metrics` without a token, nothing else.
pub fn metrics_router(app: App) -> axum::Router {
    axum::Router::new()
        .route("/metrics", get(|State(app): State<App>| async move { render_metrics(&app) }))
        .with_state(app)
}
