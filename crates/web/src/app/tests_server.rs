//! The server loop against real sockets: a client that never finishes its headers is dropped at the deadline, and
//! one address cannot hold more connections than the cap while others are still served.

use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use super::serve::{ConnectionLimits, serve_router};

async fn start(limits: ConnectionLimits) -> std::net::SocketAddr {
    let router = axum::Router::new().route("/", axum::routing::get(|| async { "ok" }));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = listener.local_addr().expect("address");
    tokio::spawn(serve_router(router, listener, limits, std::future::pending()));
    address
}

/// Reads until the server closes the connection; the time it took, or `None` if it stayed open.
async fn closed_within(stream: &mut TcpStream, limit: Duration) -> Option<Duration> {
    let started = Instant::now();
    let mut buffer = [0u8; 1024];
    loop {
        match tokio::time::timeout(limit.saturating_sub(started.elapsed()), stream.read(&mut buffer)).await {
            Ok(Ok(0) | Err(_)) => return Some(started.elapsed()),
            Ok(Ok(_)) => {}
            Err(_) => return None,
        }
    }
}

async fn get(address: std::net::SocketAddr) -> String {
    let mut stream = TcpStream::connect(address).await.expect("connect");
    stream.write_all(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").await.expect("write");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await.expect("read");
    answer
}

#[tokio::test]
async fn a_client_trickling_its_headers_is_dropped_at_the_deadline() {
    let address = start(ConnectionLimits { header_timeout: Duration::from_secs(1), per_address: 0 }).await;
    let mut slow = TcpStream::connect(address).await.expect("connect");
    slow.write_all(b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ").await.expect("write");
    let closed = closed_within(&mut slow, Duration::from_secs(5)).await;
    assert!(closed.is_some_and(|it| it < Duration::from_secs(3)), "closed after {closed:?}");
    let mut idle = TcpStream::connect(address).await.expect("connect");
    assert!(closed_within(&mut idle, Duration::from_secs(5)).await.is_some(), "a silent connection is closed too");
    assert!(get(address).await.ends_with("ok"));
}

#[tokio::test]
async fn one_address_cannot_hold_more_connections_than_the_cap() {
    let address = start(ConnectionLimits { header_timeout: Duration::from_secs(30), per_address: 3 }).await;
    let mut held = Vec::new();
    for _ in 0..3 {
        let mut stream = TcpStream::connect(address).await.expect("connect");
        stream.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").await.expect("write");
        held.push(stream);
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    let mut fourth = TcpStream::connect(address).await.expect("the kernel accepts");
    assert!(closed_within(&mut fourth, Duration::from_secs(2)).await.is_some(), "the fourth is closed at once");
    for stream in &mut held {
        assert!(closed_within(stream, Duration::from_millis(200)).await.is_none(), "the first three stay open");
    }
    drop(held.pop());
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert!(get(address).await.ends_with("ok"), "a freed place is taken again");
}
