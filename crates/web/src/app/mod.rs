//! The application state, the router with its middleware, and the server loop.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use axum::Router;
use axum::extract::Request;
use axum::http::HeaderName;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use jiff::Timestamp;
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use store::people::actions::SessionPolicy;
use store::{ActionCx, Actor, Db, IdSource};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

use crate::auth::CurrentUser;
use crate::config::WebConfig;
use crate::security::Limits;
use crate::tenant::Tenant;

/// Shared state of every request.
#[derive(Clone)]
pub struct App(Arc<Inner>);

struct Inner {
    db: Db,
    config: WebConfig,
    ids: Arc<dyn IdSource>,
    clock: fn() -> Timestamp,
    limits: Limits,
    metrics: PrometheusHandle,
    search: search::SearchIndex,
    /// One catch-up of the search index at a time.
    indexing: tokio::sync::Mutex<()>,
}

static METRICS: OnceLock<PrometheusHandle> = OnceLock::new();

fn metrics_handle() -> PrometheusHandle {
    METRICS
        .get_or_init(|| {
            // A second recorder (several apps in one test process) cannot be installed; building one without
            // installing keeps /metrics working for every app.
            PrometheusBuilder::new()
                .install_recorder()
                .unwrap_or_else(|_| PrometheusBuilder::new().build_recorder().handle())
        })
        .clone()
}

impl App {
    /// The state for a server on this database.
    pub fn new(db: Db, config: WebConfig, ids: Arc<dyn IdSource>, clock: fn() -> Timestamp) -> App {
        let limits = Limits::new(config.public_rate_per_minute, config.general_rate_per_second);
        let search = open_search(config.search_dir.as_deref());
        let indexing = tokio::sync::Mutex::new(());
        App(Arc::new(Inner { db, config, ids, clock, limits, metrics: metrics_handle(), search, indexing }))
    }

    /// The database.
    pub fn db(&self) -> &Db {
        &self.0.db
    }

    /// The settings.
    pub fn config(&self) -> &WebConfig {
        &self.0.config
    }

    /// The id source.
    pub fn ids(&self) -> &dyn IdSource {
        &*self.0.ids
    }

    /// The current instant.
    pub fn now(&self) -> Timestamp {
        (self.0.clock)()
    }

    /// The rate limiters.
    pub fn limits(&self) -> &Limits {
        &self.0.limits
    }

    /// The full-text search index.
    pub fn search(&self) -> &search::SearchIndex {
        &self.0.search
    }

    /// Held while the search index catches up with the database.
    pub fn indexing(&self) -> &tokio::sync::Mutex<()> {
        &self.0.indexing
    }

    /// The metrics handle.
    pub fn metrics(&self) -> &PrometheusHandle {
        &self.0.metrics
    }

    /// Session lifetimes.
    pub fn session_policy(&self) -> SessionPolicy {
        let ms = |it: Duration| i64::try_from(it.as_millis()).unwrap_or(i64::MAX);
        SessionPolicy { lifetime_ms: ms(self.0.config.session_lifetime), idle_ms: ms(self.0.config.session_idle) }
    }

    /// The context of an action by the signed-in user on the request's tenant.
    pub fn action_cx<'a>(&'a self, tenant: &'a Tenant, user: &CurrentUser) -> ActionCx<'a> {
        ActionCx {
            db: self.db(),
            tenant: &tenant.0.id,
            actor: Actor::User(user.user.id.clone()),
            now: self.now(),
            ids: self.ids(),
        }
    }

    /// The context of an action taken for someone without an account (a citizen, an API client), named for the
    /// audit trail by the channel it came through.
    pub fn system_cx<'a>(&'a self, tenant: &'a Tenant, channel: &'static str) -> ActionCx<'a> {
        ActionCx {
            db: self.db(),
            tenant: &tenant.0.id,
            actor: Actor::System(channel),
            now: self.now(),
            ids: self.ids(),
        }
    }
}

/// The index on disk, or in memory when no folder is set or the folder cannot be used (then it is rebuilt from the
/// database at each start, which is slower but loses nothing).
fn open_search(dir: Option<&std::path::Path>) -> search::SearchIndex {
    if let Some(dir) = dir {
        match search::SearchIndex::open(Some(dir)) {
            Ok(index) => return index,
            Err(err) => {
                tracing::error!(dir = %dir.display(), error = %err, "search index folder unusable; indexing in memory")
            }
        }
    }
    search::SearchIndex::open(None).expect("an in-memory tantivy index can always be created")
}

/// The whole router: every area's routes, static files, and the middleware stack.
pub fn router(app: App) -> Router {
    let request_id = HeaderName::from_static("x-request-id");
    Router::new()
        .merge(crate::home::routes())
        .merge(crate::auth::routes())
        .merge(crate::dashboard::routes())
        .merge(crate::scorecards::routes())
        .merge(crate::org::routes())
        .merge(crate::people::routes())
        .merge(crate::calendar::routes())
        .merge(crate::audit::routes())
        .merge(crate::complaints::routes())
        .merge(crate::surveys::routes())
        .merge(crate::news::routes())
        .merge(crate::discipline::routes())
        .merge(crate::api::routes())
        .merge(crate::files::routes())
        .merge(crate::ops::routes())
        .layer(middleware::from_fn_with_state(app.clone(), crate::security::csrf))
        .layer(middleware::from_fn(crate::security::refuse_control_characters))
        // A panic in a handler answers this request with the error page; every other request goes on.
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(|_| {
            crate::error::WebError::Internal("handler panicked".to_owned()).into_response()
        }))
        // Outside the cross-site check so a flood is refused before any body is read, and inside the error
        // renderer so a refused request still gets a page or a problem document in the user's language.
        .layer(middleware::from_fn_with_state(app.clone(), crate::security::rate_limit))
        .layer(middleware::from_fn(crate::security::render_errors))
        .layer(middleware::from_fn_with_state(app.clone(), crate::security::headers))
        .layer(middleware::from_fn(record_metrics))
        .layer(axum::extract::DefaultBodyLimit::max(12 * 1024 * 1024))
        // A client trickling its body holds a request no longer than this; 408 afterwards.
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            app.config().request_timeout,
        ))
        .layer(TraceLayer::new_for_http().make_span_with(|request: &Request| {
            let id = request.headers().get("x-request-id").and_then(|it| it.to_str().ok()).unwrap_or("-");
            tracing::info_span!("request", method = %request.method(), path = %request.uri().path(), request_id = %id)
        }))
        .layer(PropagateRequestIdLayer::new(request_id.clone()))
        .layer(SetRequestIdLayer::new(request_id, MakeRequestUuid))
        .with_state(app)
}

async fn record_metrics(request: Request, next: Next) -> Response {
    let method = request.method().to_string();
    let route = request
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |it| it.as_str().to_owned());
    let started = std::time::Instant::now();
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    metrics::counter!("pantau_http_requests_total", "method" => method, "status" => status).increment(1);
    metrics::histogram!("pantau_http_request_duration_seconds", "route" => route)
        .record(started.elapsed().as_secs_f64());
    response
}

mod serve;

pub use serve::{ConnectionLimits, serve, serve_router};

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_security;
#[cfg(test)]
mod tests_server;
