//! Settings of `pantau serve`: flags, environment variables, and the TOML file that fills what neither gives.

use std::path::PathBuf;

use clap::{ArgMatches, Args};

use crate::settings::ConfigFile;

/// Settings of `pantau serve`.
#[derive(Clone, Debug, Args)]
pub struct ServeArgs {
    /// Database URL: `sqlite://FILE` (created on first use) or `postgres://USER@HOST/DB`.
    #[arg(long, env = "PANTAU_DATABASE_URL", default_value = "sqlite://pantau.db")]
    pub database_url: String,
    /// Address to listen on, `host:port`.
    #[arg(long, env = "PANTAU_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: String,
    /// Load the demo Pemda (with demo accounts) when the database holds no tenant yet.
    #[arg(long, env = "PANTAU_DEMO")]
    pub demo: bool,
    /// A TOML file with any of these settings (keys as the flags, with `_`: `database_url`, `listen`, …).
    #[arg(long, env = "PANTAU_CONFIG")]
    pub config: Option<PathBuf>,
    /// The address citizens use, such as `https://pantau.tangerangselatankota.go.id`; HTTPS turns on secure cookies
    /// and HSTS.
    #[arg(long, env = "PANTAU_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Trust `X-Forwarded-For` from a reverse proxy for the client address (only behind your own proxy).
    #[arg(long, env = "PANTAU_TRUST_PROXY")]
    pub trust_proxy: bool,
    /// Absolute lifetime of a login, in minutes.
    #[arg(long, env = "PANTAU_SESSION_MINUTES", default_value_t = 480)]
    pub session_minutes: u32,
    /// Minutes without activity after which a login ends.
    #[arg(long, env = "PANTAU_SESSION_IDLE_MINUTES", default_value_t = 60)]
    pub session_idle_minutes: u32,
    /// Form posts per minute one address may make to public forms.
    #[arg(long, env = "PANTAU_PUBLIC_RATE_PER_MINUTE", default_value_t = 30)]
    pub public_rate_per_minute: u32,
    /// Requests per second one party (an address, a signed-in account, an API key) may make to any route, with
    /// bursts of up to 200; people never reach it, scripts do.
    #[arg(long, env = "PANTAU_RATE_PER_SECOND", default_value_t = 30)]
    pub rate_per_second: u32,
    /// The tenant served when no tenant is bound to the request's host name.
    #[arg(long, env = "PANTAU_DEFAULT_TENANT")]
    pub default_tenant: Option<String>,
    /// SMTP server for e-mail notifications: `smtps://user:pass@host:465` (TLS), `smtp://user:pass@host:587?tls=required`
    /// (STARTTLS), or `smtp://localhost:25` (plain, a local relay only). Without it, e-mails fail with the reason shown.
    #[arg(long, env = "PANTAU_SMTP_URL")]
    pub smtp_url: Option<String>,
    /// Sender of e-mail notifications, such as `Pantau Kota Contoh <pantau@contoh.go.id>`; needed with --smtp-url.
    #[arg(long, env = "PANTAU_SMTP_FROM")]
    pub smtp_from: Option<String>,
    /// Folder of the full-text search index, a cache rebuilt from the database (default: beside the SQLite file,
    /// `pantau-search`).
    #[arg(long, env = "PANTAU_SEARCH_DIR")]
    pub search_dir: Option<PathBuf>,
    /// Do not poll news feeds from this process (when several servers share one database, let one poll).
    #[arg(long, env = "PANTAU_NO_FEED_POLLING")]
    pub no_feed_polling: bool,
    /// Let feeds, and the pages they link to, be fetched from loopback and private addresses (a Pemda's own
    /// intranet news); without it such addresses are refused, after every redirect too.
    #[arg(long, env = "PANTAU_FEEDS_PRIVATE_NETWORK")]
    pub feeds_private_network: bool,
    /// Single internal addresses feeds may be fetched from, comma-separated (such as the Pemda's own news server
    /// `10.20.0.5`), when the whole private network should stay closed.
    #[arg(long, env = "PANTAU_FEEDS_ALLOW_ADDRESS")]
    pub feeds_allow_address: Option<String>,
    /// Token that opens `/metrics` on the main address (`Authorization: Bearer TOKEN`); without it `/metrics` is
    /// not found there.
    #[arg(long, env = "PANTAU_METRICS_TOKEN")]
    pub metrics_token: Option<String>,
    /// A separate address that serves only `/metrics`, without a token, such as `127.0.0.1:9464` (keep it off the
    /// public network).
    #[arg(long, env = "PANTAU_METRICS_LISTEN")]
    pub metrics_listen: Option<String>,
    /// Seconds a client may take to send its request headers; an idle keep-alive connection closes after it too.
    #[arg(long, env = "PANTAU_HEADER_TIMEOUT_SECONDS", default_value_t = 10)]
    pub header_timeout_seconds: u32,
    /// Seconds one request may take, reading its body included (408 afterwards).
    #[arg(long, env = "PANTAU_REQUEST_TIMEOUT_SECONDS", default_value_t = 120)]
    pub request_timeout_seconds: u32,
    /// Open connections one client address may hold; 0 for no cap (behind a reverse proxy, which holds them all).
    #[arg(long, env = "PANTAU_MAX_CONNECTIONS_PER_ADDRESS", default_value_t = 64)]
    pub max_connections_per_address: u32,
}

fn from_default(matches: &ArgMatches, id: &str) -> bool {
    matches!(matches.value_source(id), None | Some(clap::parser::ValueSource::DefaultValue))
}

/// Fills every setting given neither as a flag nor as a variable from the file.
pub(super) fn apply_file(args: &mut ServeArgs, matches: &ArgMatches, file: ConfigFile) {
    let unset = |id: &str| from_default(matches, id);
    let set = |target: &mut String, id: &str, value: Option<String>| {
        if let (true, Some(it)) = (unset(id), value) {
            *target = it;
        }
    };
    set(&mut args.database_url, "database_url", file.database_url);
    set(&mut args.listen, "listen", file.listen);
    let flag = |target: &mut bool, id: &str, value: Option<bool>| {
        if let (true, Some(it)) = (unset(id), value) {
            *target = it;
        }
    };
    flag(&mut args.demo, "demo", file.demo);
    flag(&mut args.trust_proxy, "trust_proxy", file.trust_proxy);
    flag(&mut args.no_feed_polling, "no_feed_polling", file.no_feed_polling);
    flag(&mut args.feeds_private_network, "feeds_private_network", file.feeds_private_network);
    let number = |target: &mut u32, id: &str, value: Option<u32>| {
        if let (true, Some(it)) = (unset(id), value) {
            *target = it;
        }
    };
    number(&mut args.session_minutes, "session_minutes", file.session_minutes);
    number(&mut args.session_idle_minutes, "session_idle_minutes", file.session_idle_minutes);
    number(&mut args.public_rate_per_minute, "public_rate_per_minute", file.public_rate_per_minute);
    number(&mut args.rate_per_second, "rate_per_second", file.rate_per_second);
    number(&mut args.header_timeout_seconds, "header_timeout_seconds", file.header_timeout_seconds);
    number(&mut args.request_timeout_seconds, "request_timeout_seconds", file.request_timeout_seconds);
    number(&mut args.max_connections_per_address, "max_connections_per_address", file.max_connections_per_address);
    let optional = |target: &mut Option<String>, id: &str, value: Option<String>| {
        if let (true, Some(it)) = (unset(id), value) {
            *target = Some(it);
        }
    };
    optional(&mut args.public_url, "public_url", file.public_url);
    optional(&mut args.default_tenant, "default_tenant", file.default_tenant);
    optional(&mut args.smtp_url, "smtp_url", file.smtp_url);
    optional(&mut args.smtp_from, "smtp_from", file.smtp_from);
    optional(&mut args.metrics_token, "metrics_token", file.metrics_token);
    optional(&mut args.metrics_listen, "metrics_listen", file.metrics_listen);
    optional(&mut args.feeds_allow_address, "feeds_allow_address", file.feeds_allow_address);
    if let (true, Some(it)) = (unset("search_dir"), file.search_dir) {
        args.search_dir = Some(it);
    }
}
