//! The validated settings of the web server.

use std::net::SocketAddr;
use std::time::Duration;

/// Settings of `pantau serve`, already checked.
#[derive(Clone, Debug)]
pub struct WebConfig {
    /// Address to listen on.
    pub listen: SocketAddr,
    /// The URL citizens use, when known (`https://pantau.example.go.id`); decides secure cookies and HSTS.
    pub public_url: Option<String>,
    /// Whether to trust `X-Forwarded-For` from a reverse proxy for the client address.
    pub trust_proxy: bool,
    /// Absolute lifetime of a login session.
    pub session_lifetime: Duration,
    /// Idle time after which a session ends.
    pub session_idle: Duration,
    /// Requests per minute one address may make to public forms (login, later complaints and surveys).
    pub public_rate_per_minute: u32,
    /// The tenant served when no tenant is configured for the request's host.
    pub default_tenant: Option<String>,
    /// Requests per second one address may make to any route (scripts reach it; people do not).
    pub general_rate_per_second: u32,
    /// Folder of the full-text search index (a cache rebuilt from the database); `None` keeps it in memory.
    pub search_dir: Option<std::path::PathBuf>,
    /// Deadline for request headers and the cap of open connections per address.
    pub connections: crate::app::ConnectionLimits,
    /// Longest time one request may take, reading its body included.
    pub request_timeout: Duration,
    /// The bearer token that opens `/metrics` on the main address; without it `/metrics` is not found there.
    pub metrics_token: Option<String>,
    /// Which addresses feeds and the pages they link to may be fetched from besides public ones (a Pemda's own
    /// intranet); nothing by default, so that a feed address cannot reach inside the server's network.
    pub feeds_reach: crate::news::fetch::Reach,
}

impl WebConfig {
    /// Whether cookies get the `Secure` flag: when the public URL is HTTPS.
    pub fn secure_cookies(&self) -> bool {
        self.public_url.as_deref().is_some_and(|it| it.starts_with("https://"))
    }

    /// Settings for tests and the in-process router.
    pub fn for_tests() -> WebConfig {
        WebConfig {
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            public_url: None,
            trust_proxy: false,
            session_lifetime: Duration::from_secs(8 * 3600),
            session_idle: Duration::from_secs(3600),
            public_rate_per_minute: 1_000,
            default_tenant: None,
            general_rate_per_second: 30,
            search_dir: None,
            connections: crate::app::ConnectionLimits::default(),
            request_timeout: Duration::from_secs(120),
            metrics_token: None,
            feeds_reach: crate::news::fetch::Reach::default(),
        }
    }
}
