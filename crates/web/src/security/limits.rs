//! Rate limits, each kept per the party that sends the request: an API client by its key (with the quota set for
//! that key, since a kelurahan application relays many citizens from one server), a signed-in staff member by their
//! account (fifty staff behind one office NAT are fifty parties), everyone else by address. Unsafe requests (form
//! posts) get the public-form quota, everything gets a general quota that only scripts reach.

use std::collections::HashMap;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use axum::body::Body;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::{DefaultDirectRateLimiter, DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::App;
use crate::auth::MaybeUser;
use crate::error::WebError;
use crate::tenant::Tenant;

/// Who a quota is counted for.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum LimitKey {
    /// A client without a session or key.
    Address(IpAddr),
    /// A signed-in user, by account: every session of one person counts together.
    Account(String),
    /// An API client's key id.
    ApiKey(String),
}

/// The rate limiters.
pub struct Limits {
    /// Unsafe requests (form posts) per address or session.
    pub public_forms: DefaultKeyedRateLimiter<LimitKey>,
    /// All requests per address, session or key.
    pub general: DefaultKeyedRateLimiter<LimitKey>,
    /// Unsafe requests per API key, each with its own quota; rebuilt when the quota changes.
    keys: Mutex<HashMap<String, (i64, Arc<DefaultDirectRateLimiter>)>>,
    /// Requests seen, to forget idle keys now and then.
    seen: AtomicU64,
}

impl Limits {
    /// Limiters for `public_per_minute` form posts and `general_per_second` requests per party.
    pub fn new(public_per_minute: u32, general_per_second: u32) -> Limits {
        let per_minute = NonZeroU32::new(public_per_minute).unwrap_or(NonZeroU32::MIN);
        let per_second = general_per_second.max(1);
        let general = Quota::per_second(NonZeroU32::new(per_second).unwrap_or(NonZeroU32::MIN))
            .allow_burst(NonZeroU32::new(per_second.max(200)).unwrap_or(NonZeroU32::MIN));
        Limits {
            public_forms: RateLimiter::keyed(Quota::per_minute(per_minute)),
            general: RateLimiter::keyed(general),
            keys: Mutex::new(HashMap::new()),
            seen: AtomicU64::new(0),
        }
    }

    fn key_limiter(&self, id: &str, per_minute: i64) -> Arc<DefaultDirectRateLimiter> {
        let mut keys = self.keys.lock().unwrap_or_else(PoisonError::into_inner);
        match keys.get(id) {
            Some((quota, limiter)) if *quota == per_minute => Arc::clone(limiter),
            _ => {
                let n = NonZeroU32::new(u32::try_from(per_minute).unwrap_or(u32::MAX)).unwrap_or(NonZeroU32::MIN);
                let limiter = Arc::new(RateLimiter::direct(Quota::per_minute(n)));
                keys.insert(id.to_owned(), (per_minute, Arc::clone(&limiter)));
                limiter
            }
        }
    }

    /// Whether this request is over a quota.
    fn over(&self, key: &LimitKey, unsafe_method: bool, api_quota: Option<i64>) -> bool {
        if self.seen.fetch_add(1, Ordering::Relaxed) % 4096 == 4095 {
            self.general.retain_recent();
            self.public_forms.retain_recent();
        }
        if self.general.check_key(key).is_err() {
            return true;
        }
        match (key, api_quota) {
            (LimitKey::ApiKey(id), Some(per_minute)) => {
                unsafe_method && self.key_limiter(id, per_minute).check().is_err()
            }
            _ => unsafe_method && self.public_forms.check_key(key).is_err(),
        }
    }
}

/// The API key a request carries: the `X-API-Key` header, the `api_key` query parameter, or (Open311 posts) the
/// `api_key` form field.
fn api_key_of(parts: &axum::http::request::Parts, body: Option<&[u8]>) -> Option<String> {
    let header = parts.headers.get("x-api-key").and_then(|it| it.to_str().ok()).map(str::to_owned);
    let field = |bytes: &[u8]| {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(bytes).ok()?;
        pairs.into_iter().find(|(name, _)| name == "api_key").map(|(_, value)| value)
    };
    let query = parts.uri.query().and_then(|it| field(it.as_bytes()));
    header.or(query).or_else(|| body.and_then(field)).filter(|it| !it.is_empty())
}

/// Largest Open311 form read for its key (the Open311 route reads no more).
const OPEN311_FORM_LIMIT: usize = 64 * 1024;

/// Counts the request against its party's quotas; 429 when one is spent.
pub async fn rate_limit(State(app): State<App>, request: Request, next: Next) -> Response {
    let unsafe_method = !matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    // The versioned static files cost nothing and come with every page a whole office loads.
    if request.uri().path().starts_with("/static/") {
        return next.run(request).await;
    }
    let (request, body) = if unsafe_method && request.uri().path().starts_with("/open311/") {
        let (parts, body) = request.into_parts();
        let Ok(bytes) = axum::body::to_bytes(body, OPEN311_FORM_LIMIT).await else {
            return WebError::BadRequest("form too large".to_owned()).into_response();
        };
        (Request::from_parts(parts, Body::from(bytes.clone())), Some(bytes))
    } else {
        (request, None)
    };
    let (mut parts, body_stream) = request.into_parts();
    let (key, quota) = match party(&app, &mut parts, body.as_deref()).await {
        Ok(found) => found,
        Err(err) => return err.into_response(),
    };
    if app.limits().over(&key, unsafe_method, quota) {
        metrics::counter!("pantau_rate_limited_total").increment(1);
        return WebError::RateLimited.into_response();
    }
    next.run(Request::from_parts(parts, body_stream)).await
}

/// The party of a request and, for an API client, its quota per minute.
async fn party(
    app: &App,
    parts: &mut axum::http::request::Parts,
    body: Option<&[u8]>,
) -> Result<(LimitKey, Option<i64>), WebError> {
    let address = LimitKey::Address(super::ip_of(app, &parts.headers, &parts.extensions));
    let key = api_key_of(parts, body);
    let has_session = crate::auth::cookie_value(parts, crate::auth::session_cookie_name(app)).is_some();
    if key.is_none() && !has_session {
        return Ok((address, None));
    }
    let Ok(tenant) = Tenant::from_request_parts(parts, app).await else { return Ok((address, None)) };
    if let Some(key) = key {
        let mut conn = app.db().conn().await?;
        if let Some(client) = store::complaints::keys::find_api_client(&mut conn, &tenant.0.id, &key).await? {
            return Ok((LimitKey::ApiKey(client.id), Some(client.rate_per_minute)));
        }
    }
    match MaybeUser::from_request_parts(parts, app).await?.0 {
        Some(user) => Ok((LimitKey::Account(user.user.id.to_string()), None)),
        None => Ok((address, None)),
    }
}
