//! The server loop: HTTP/1.1 connections with a deadline for the request headers (which also ends idle keep-alive
//! connections) and a cap on the connections one client address may hold open, so that a thousand trickling
//! sockets cannot starve everyone else. Ends on Ctrl-C or SIGTERM and lets running requests finish.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use axum::extract::ConnectInfo;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tower::ServiceExt;

use crate::App;

/// How long a client may take to send its request headers, and how many connections one address may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConnectionLimits {
    /// Time to send the whole request head; an idle keep-alive connection is closed after it too.
    pub header_timeout: Duration,
    /// Open connections per client address; 0 for no cap (behind a proxy, which holds them all).
    pub per_address: usize,
}

impl Default for ConnectionLimits {
    fn default() -> ConnectionLimits {
        ConnectionLimits { header_timeout: Duration::from_secs(10), per_address: 64 }
    }
}

/// The open connections per address; a [`Slot`] gives its place back when dropped.
#[derive(Clone, Default)]
struct Open(Arc<Mutex<HashMap<IpAddr, usize>>>);

struct Slot {
    open: Open,
    address: IpAddr,
}

impl Open {
    fn take(&self, address: IpAddr, cap: usize) -> Option<Slot> {
        let mut counts = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let count = counts.entry(address).or_insert(0);
        if cap > 0 && *count >= cap {
            return None;
        }
        *count += 1;
        Some(Slot { open: self.clone(), address })
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut counts = self.open.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(count) = counts.get_mut(&self.address) {
            *count = count.saturating_sub(1);
            if *count == 0 {
                counts.remove(&self.address);
            }
        }
    }
}

/// Serves the app's router on a bound listener until Ctrl-C or SIGTERM.
pub async fn serve(app: App, listener: TcpListener) -> std::io::Result<()> {
    let limits = app.config().connections;
    serve_router(crate::router(app), listener, limits, shutdown_signal()).await
}

/// Serves a router until `stop` completes, then waits for open connections to finish their requests.
pub async fn serve_router(
    router: axum::Router,
    listener: TcpListener,
    limits: ConnectionLimits,
    stop: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let open = Open::default();
    // Dropping `stopping` tells every connection to finish; each holds a `running` receiver until it ends.
    let (stopping, stop_rx) = watch::channel(());
    let (running, running_rx) = watch::channel(());
    let mut stop = std::pin::pin!(stop);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(it) => it,
                Err(err) => {
                    // Out of file descriptors or a reset before accept: wait a little rather than spin.
                    tracing::warn!(error = %err, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        let Some(slot) = open.take(peer.ip(), limits.per_address) else {
            metrics::counter!("pantau_connections_refused_total").increment(1);
            drop(stream);
            continue;
        };
        let service = router.clone().map_request(move |mut request: axum::extract::Request<hyper::body::Incoming>| {
            request.extensions_mut().insert(ConnectInfo::<SocketAddr>(peer));
            request.map(axum::body::Body::new)
        });
        let (mut stop_rx, running_rx) = (stop_rx.clone(), running_rx.clone());
        tokio::spawn(async move {
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder.timer(TokioTimer::new()).header_read_timeout(limits.header_timeout);
            let connection = builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
            let mut connection = std::pin::pin!(connection);
            tokio::select! {
                result = connection.as_mut() => {
                    if let Err(err) = result {
                        tracing::debug!(error = %err, "connection ended");
                    }
                }
                _ = stop_rx.changed() => {
                    connection.as_mut().graceful_shutdown();
                    let _ = connection.await;
                }
            }
            drop((slot, running_rx));
        });
    }
    drop(listener);
    drop(stopping);
    drop(running_rx);
    running.closed().await;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        // Without a Ctrl-C handler the server still stops on SIGTERM below.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
