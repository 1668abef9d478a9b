//! Fetching feeds and the pages they link to without reaching inside the server's network. A feed address is
//! typed by staff and every entry's link by whoever writes the feed, so each request, and each redirect it makes,
//! may go only to a public address: names are resolved by a resolver that drops loopback, private, link-local
//! (cloud metadata), shared and reserved addresses before the connection is made (so a name that resolves to
//! `127.0.0.1` at fetch time is refused too), literal addresses are checked before sending, redirects are followed
//! by hand (at most five), and only text, XML and JSON bodies up to [`MAX_BYTES`] are read.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use reqwest::Url;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use text::input::MAX_BYTES;

/// Most redirects followed for one fetch.
const MAX_REDIRECTS: usize = 5;

/// Which addresses a fetch may reach besides public ones.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reach {
    /// Loopback and private networks too (a Pemda's own intranet news; `--feeds-private-network`).
    pub private_network: bool,
    /// Single addresses allowed although private.
    pub allowed: Vec<IpAddr>,
}

impl Reach {
    /// Whether a connection to this address is allowed.
    pub fn permits(&self, ip: IpAddr) -> bool {
        self.private_network || self.allowed.contains(&ip) || is_public(ip)
    }
}

/// Whether an address is on the public internet: not loopback, private, link-local, shared (CGNAT), multicast,
/// documentation, benchmarking or reserved; IPv4 inside IPv6 is judged as the IPv4 address.
// Source: IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890).
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => is_public_v4(v4),
            None => is_public_v6(v6),
        },
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_multicast()
        || ip.is_broadcast()
        || ip.is_documentation()
        || a == 0
        || (a == 100 && (64..128).contains(&b))
        || (a == 192 && b == 0 && c == 0)
        || (a == 198 && (18..20).contains(&b))
        || a >= 240)
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    let first = ip.segments()[0];
    let nat64 = ip.segments()[..6] == [0x64, 0xff9b, 0, 0, 0, 0];
    if nat64 {
        let [.., c, d] = ip.segments();
        let embedded = Ipv4Addr::from((u32::from(c) << 16) | u32::from(d));
        return is_public_v4(embedded);
    }
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_multicast()
        || (first & 0xfe00) == 0xfc00
        || (first & 0xffc0) == 0xfe80
        || (first & 0xffc0) == 0xfec0
        || (first == 0x2001 && ip.segments()[1] == 0x0db8)
        || ip.segments()[..5] == [0, 0, 0, 0, 0])
}

/// Why a fetch did not happen or gave nothing; the text is kept as the feed's last error.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FetchError {
    /// Not an http or https address.
    #[error("only http:// and https:// addresses are fetched")]
    Scheme,
    /// The host is, or resolves only to, an address inside the server's network.
    #[error("{0} is an internal address; feeds may only be fetched from the public internet")]
    Internal(String),
    /// More redirects than allowed.
    #[error("more than {MAX_REDIRECTS} redirects")]
    Redirects,
    /// The server answered with an error status.
    #[error("HTTP {0}")]
    Status(u16),
    /// Not text, XML or JSON.
    #[error("content type {0:?} is not a feed or a page")]
    ContentType(String),
    /// Larger than [`MAX_BYTES`].
    #[error("response larger than {} MB", MAX_BYTES >> 20)]
    TooLarge,
    /// The network or the server failed.
    #[error("{0}")]
    Network(String),
}

/// A resolver that keeps only the addresses a [`Reach`] permits.
struct GuardedResolver(Reach);

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let reach = self.0.clone();
        let host = name.as_str().to_owned();
        Box::pin(async move {
            let found: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let allowed: Vec<SocketAddr> = found.into_iter().filter(|it| reach.permits(it.ip())).collect();
            if allowed.is_empty() {
                return Err(Box::new(FetchError::Internal(host)) as Box<dyn std::error::Error + Send + Sync>);
            }
            Ok(Box::new(allowed.into_iter()) as Addrs)
        })
    }
}

/// An HTTP client for feeds and pages within a [`Reach`].
#[derive(Clone)]
pub struct Fetcher {
    client: reqwest::Client,
    reach: Reach,
}

impl Fetcher {
    /// A client that fetches within `reach`.
    pub fn new(reach: Reach) -> Fetcher {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(20))
            .user_agent(concat!("Pantau/", env!("CARGO_PKG_VERSION"), " (+news monitoring)"))
            .redirect(reqwest::redirect::Policy::none())
            // A proxy would resolve the names itself, past the guard.
            .no_proxy()
            .dns_resolver(Arc::new(GuardedResolver(reach.clone())))
            .build()
            .unwrap_or_default();
        Fetcher { client, reach }
    }

    /// The body at `address`, following redirects within the reach.
    pub async fn get(&self, address: &str) -> Result<Vec<u8>, FetchError> {
        let mut url = self.checked(address)?;
        for _ in 0..=MAX_REDIRECTS {
            let response = self.client.get(url.clone()).send().await.map_err(network)?;
            let status = response.status();
            if status.is_redirection() {
                let location = response.headers().get(reqwest::header::LOCATION).and_then(|it| it.to_str().ok());
                let next = location.and_then(|it| url.join(it).ok()).ok_or(FetchError::Status(status.as_u16()))?;
                url = self.checked(next.as_str())?;
                continue;
            }
            if !status.is_success() {
                return Err(FetchError::Status(status.as_u16()));
            }
            return read_body(response).await;
        }
        Err(FetchError::Redirects)
    }

    /// The address parsed, with its scheme and (for a literal address) its host checked.
    pub fn checked(&self, address: &str) -> Result<Url, FetchError> {
        let url = Url::parse(address.trim()).map_err(|_| FetchError::Scheme)?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(FetchError::Scheme);
        }
        let host = url.host_str().unwrap_or_default().trim_matches(['[', ']']).to_owned();
        let literal = host.parse::<IpAddr>().ok();
        let local_name = host.eq_ignore_ascii_case("localhost") || host.to_ascii_lowercase().ends_with(".localhost");
        let refused = match literal {
            Some(ip) => !self.reach.permits(ip),
            None => local_name && !self.reach.private_network,
        };
        if refused { Err(FetchError::Internal(host)) } else { Ok(url) }
    }

    /// Resolves the address's host now and refuses it when every address it has is internal; a name that does not
    /// resolve is left to the fetch (the network may be down while staff type).
    pub async fn check_now(&self, address: &str) -> Result<(), FetchError> {
        let url = self.checked(address)?;
        let Some(host) = url.host_str().filter(|it| it.trim_matches(['[', ']']).parse::<IpAddr>().is_err()) else {
            return Ok(());
        };
        let Ok(found) = tokio::net::lookup_host((host, url.port_or_known_default().unwrap_or(80))).await else {
            return Ok(());
        };
        let found: Vec<SocketAddr> = found.collect();
        if !found.is_empty() && found.iter().all(|it| !self.reach.permits(it.ip())) {
            return Err(FetchError::Internal(host.to_owned()));
        }
        Ok(())
    }
}

fn network(err: reqwest::Error) -> FetchError {
    // The guard's refusal travels inside reqwest's connect error; say it plainly.
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(&err);
    while let Some(inner) = source {
        if let Some(refused) = inner.downcast_ref::<FetchError>() {
            return FetchError::Internal(match refused {
                FetchError::Internal(host) => host.clone(),
                other => other.to_string(),
            });
        }
        source = inner.source();
    }
    FetchError::Network(err.to_string())
}

/// Reads a text, XML or JSON body, stopping at [`MAX_BYTES`].
async fn read_body(mut response: reqwest::Response) -> Result<Vec<u8>, FetchError> {
    let kind = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|it| it.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let essence = kind.split(';').next().unwrap_or_default().trim().to_owned();
    let textual = essence.starts_with("text/")
        || essence.ends_with("+xml")
        || essence.ends_with("/xml")
        || essence.ends_with("+json")
        || essence.ends_with("/json");
    if !textual {
        return Err(FetchError::ContentType(essence));
    }
    if response.content_length().is_some_and(|it| it > MAX_BYTES as u64) {
        return Err(FetchError::TooLarge);
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(network)? {
        if body.len() + chunk.len() > MAX_BYTES {
            return Err(FetchError::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}
