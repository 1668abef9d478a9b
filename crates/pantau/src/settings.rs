//! Settings: the optional TOML file, the checks that turn raw settings into a validated configuration, and logging.
//!
//! Every wrong setting stops the program before it starts serving, with a message that names the setting and the
//! value (a database password masked).

use std::net::SocketAddr;
use std::path::Path;
use std::time::Duration;

use serde::Deserialize;
use tracing_subscriber::EnvFilter;

use crate::cli::{LogFormat, ServeArgs};

/// A setting is wrong; the binary exits with status 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ConfigError(pub String);

/// The settings file: every key optional, unknown keys refused so a typo is not silently ignored.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// As `--database-url`.
    pub database_url: Option<String>,
    /// As `--listen`.
    pub listen: Option<String>,
    /// As `--demo`.
    pub demo: Option<bool>,
    /// As `--public-url`.
    pub public_url: Option<String>,
    /// As `--trust-proxy`.
    pub trust_proxy: Option<bool>,
    /// As `--session-minutes`.
    pub session_minutes: Option<u32>,
    /// As `--session-idle-minutes`.
    pub session_idle_minutes: Option<u32>,
    /// As `--public-rate-per-minute`.
    pub public_rate_per_minute: Option<u32>,
    /// As `--rate-per-second`.
    pub rate_per_second: Option<u32>,
    /// As `--default-tenant`.
    pub default_tenant: Option<String>,
    /// As `--smtp-url`.
    pub smtp_url: Option<String>,
    /// As `--smtp-from`.
    pub smtp_from: Option<String>,
    /// As `--search-dir`.
    pub search_dir: Option<std::path::PathBuf>,
    /// As `--no-feed-polling`.
    pub no_feed_polling: Option<bool>,
    /// As `--feeds-private-network`.
    pub feeds_private_network: Option<bool>,
    /// As `--feeds-allow-address`.
    pub feeds_allow_address: Option<String>,
    /// As `--metrics-token`.
    pub metrics_token: Option<String>,
    /// As `--metrics-listen`.
    pub metrics_listen: Option<String>,
    /// As `--header-timeout-seconds`.
    pub header_timeout_seconds: Option<u32>,
    /// As `--request-timeout-seconds`.
    pub request_timeout_seconds: Option<u32>,
    /// As `--max-connections-per-address`.
    pub max_connections_per_address: Option<u32>,
}

impl ConfigFile {
    /// Reads and parses a settings file.
    pub fn read(path: &Path) -> Result<ConfigFile, ConfigError> {
        let text = std::fs::read_to_string(path)
            .map_err(|err| ConfigError(format!("cannot read config file {}: {err}", path.display())))?;
        toml::from_str(&text).map_err(|err| ConfigError(format!("config file {}: {err}", path.display())))
    }
}

/// Checks the database URL's scheme before anything connects.
pub fn database_url(raw: &str) -> Result<String, ConfigError> {
    store::db::backend_of(raw).map_err(|err| ConfigError(format!("PANTAU_DATABASE_URL / --database-url: {err}")))?;
    Ok(raw.to_owned())
}

/// The notification sender: SMTP when both settings are given, none when neither is.
pub fn outbox(args: &ServeArgs, public_url: Option<String>) -> Result<web::outbox::Outbox, ConfigError> {
    let given = |it: &Option<String>| it.as_deref().map(str::trim).filter(|it| !it.is_empty()).map(str::to_owned);
    let mail = match (given(&args.smtp_url), given(&args.smtp_from)) {
        (None, None) => None,
        (Some(url), Some(from)) => {
            let settings = web::outbox::SmtpSettings { url, from };
            Some(web::outbox::Mail::from_settings(&settings).map_err(ConfigError)?)
        }
        _ => {
            return Err(ConfigError(
                "PANTAU_SMTP_URL / --smtp-url and PANTAU_SMTP_FROM / --smtp-from go together: give both or neither"
                    .to_owned(),
            ));
        }
    };
    Ok(web::outbox::Outbox::new(mail, public_url))
}

/// Turns `serve`'s raw settings into the web layer's validated configuration.
pub fn web_config(args: &ServeArgs) -> Result<web::WebConfig, ConfigError> {
    let listen: SocketAddr = args.listen.parse().map_err(|_| {
        ConfigError(format!("PANTAU_LISTEN / --listen must be host:port such as 127.0.0.1:8080, got {:?}", args.listen))
    })?;
    let public_url = match args.public_url.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(url) if url.starts_with("https://") || url.starts_with("http://") => {
            Some(url.trim_end_matches('/').to_owned())
        }
        Some(url) => {
            return Err(ConfigError(format!(
                "PANTAU_PUBLIC_URL / --public-url must start with https:// or http://, got {url:?}"
            )));
        }
    };
    let minutes = |value: u32, name: &str, low: u32, high: u32| {
        if low <= value && value <= high {
            Ok(Duration::from_secs(u64::from(value) * 60))
        } else {
            Err(ConfigError(format!("{name} must be between {low} and {high} minutes, got {value}")))
        }
    };
    let session_lifetime = minutes(args.session_minutes, "--session-minutes", 5, 7 * 24 * 60)?;
    let session_idle = minutes(args.session_idle_minutes, "--session-idle-minutes", 1, 24 * 60)?;
    if session_idle > session_lifetime {
        return Err(ConfigError(format!(
            "--session-idle-minutes ({}) must not exceed --session-minutes ({})",
            args.session_idle_minutes, args.session_minutes
        )));
    }
    if !(1..=10_000).contains(&args.public_rate_per_minute) {
        return Err(ConfigError(format!(
            "--public-rate-per-minute must be between 1 and 10000, got {}",
            args.public_rate_per_minute
        )));
    }
    let (connections, request_timeout, metrics_token) = connection_settings(args)?;
    if !(1..=100_000).contains(&args.rate_per_second) {
        return Err(ConfigError(format!(
            "--rate-per-second must be between 1 and 100000, got {}",
            args.rate_per_second
        )));
    }
    Ok(web::WebConfig {
        listen,
        public_url,
        trust_proxy: args.trust_proxy,
        session_lifetime,
        session_idle,
        public_rate_per_minute: args.public_rate_per_minute,
        default_tenant: args.default_tenant.clone().filter(|it| !it.trim().is_empty()),
        general_rate_per_second: args.rate_per_second,
        search_dir: Some(search_dir(args)),
        connections,
        request_timeout,
        metrics_token,
        feeds_reach: feeds_reach(args.feeds_private_network, args.feeds_allow_address.as_deref())?,
    })
}

/// The internal addresses feeds may reach.
pub fn feeds_reach(private_network: bool, allowed: Option<&str>) -> Result<web::news::fetch::Reach, ConfigError> {
    let mut addresses = Vec::new();
    for text in allowed.unwrap_or_default().split(',').map(str::trim).filter(|it| !it.is_empty()) {
        let address = text.parse().map_err(|_| {
            ConfigError(format!("PANTAU_FEEDS_ALLOW_ADDRESS / --feeds-allow-address: {text:?} is not an IP address"))
        })?;
        addresses.push(address);
    }
    Ok(web::news::fetch::Reach { private_network, allowed: addresses })
}

/// Connection deadlines and caps, and the metrics token.
fn connection_settings(args: &ServeArgs) -> Result<(web::ConnectionLimits, Duration, Option<String>), ConfigError> {
    let seconds = |value: u32, name: &str, low: u32, high: u32| {
        if low <= value && value <= high {
            Ok(Duration::from_secs(u64::from(value)))
        } else {
            Err(ConfigError(format!("{name} must be between {low} and {high} seconds, got {value}")))
        }
    };
    let header_timeout = seconds(args.header_timeout_seconds, "--header-timeout-seconds", 1, 300)?;
    let request_timeout = seconds(args.request_timeout_seconds, "--request-timeout-seconds", 5, 3600)?;
    let metrics_token = match args.metrics_token.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(token) if token.len() >= 16 && token.bytes().all(|it| it.is_ascii_graphic()) => Some(token.to_owned()),
        Some(_) => {
            return Err(ConfigError(
                "PANTAU_METRICS_TOKEN / --metrics-token must be at least 16 printable characters without spaces"
                    .to_owned(),
            ));
        }
    };
    let per_address = usize::try_from(args.max_connections_per_address).unwrap_or(usize::MAX);
    Ok((web::ConnectionLimits { header_timeout, per_address }, request_timeout, metrics_token))
}

/// The separate metrics address, when one is set.
pub fn metrics_listen(args: &ServeArgs) -> Result<Option<SocketAddr>, ConfigError> {
    match args.metrics_listen.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => text.parse().map(Some).map_err(|_| {
            ConfigError(format!("PANTAU_METRICS_LISTEN / --metrics-listen must be host:port, got {text:?}"))
        }),
    }
}

/// The search index folder: as set, else beside an SQLite file (`pantau.db` → `pantau-search`), else
/// `pantau-search` in the working folder.
fn search_dir(args: &ServeArgs) -> std::path::PathBuf {
    if let Some(dir) = &args.search_dir {
        return dir.clone();
    }
    let file = args.database_url.strip_prefix("sqlite://").or_else(|| args.database_url.strip_prefix("sqlite:"));
    match file.map(|it| it.split('?').next().unwrap_or(it)).filter(|it| !it.is_empty() && !it.contains(":memory:")) {
        Some(path) => {
            let path = std::path::Path::new(path);
            let stem = path.file_stem().map_or_else(|| "pantau".to_owned(), |it| it.to_string_lossy().into_owned());
            path.with_file_name(format!("{stem}-search"))
        }
        None => std::path::PathBuf::from("pantau-search"),
    }
}

/// Installs the log subscriber: `RUST_LOG` if set, else info (debug, trace with `-v`, `-vv`).
pub fn init_logging(format: LogFormat, verbose: u8) {
    let default = match verbose {
        0 => "info,sqlx=warn,tantivy=warn",
        1 => "debug,sqlx=info",
        _ => "trace",
    };
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    match format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().flatten_event(true).with_current_span(true).init(),
    }
}
