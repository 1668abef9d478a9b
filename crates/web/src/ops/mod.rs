//! Operations endpoints: health for load balancers, metrics for Prometheus.

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
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

/// `GET /metrics`: Prometheus text format.
pub async fn metrics(State(app): State<App>) -> Response {
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], app.metrics().render()).into_response()
}
