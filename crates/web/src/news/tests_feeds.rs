//! Feeds on both engines against loopback servers: nothing inside the server's network is fetched (not the feed,
//! not a redirect's target, not an entry's link) unless the Pemda opened it, a form that fails its checks fetches
//! nothing, and only text bodies are read.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use store::{ActionCx, Actor};
use testkit::{TestDb, db_test};

use super::feeds::poll_due;
use super::fetch::{FetchError, Fetcher, Reach, is_public};
use crate::testing::{TestApp, demo_db};

/// A loopback server on `ip` counting its requests: `/feed.xml` is an RSS feed whose entry links to `/dalam`,
/// `/pindah` redirects to `redirect`, `/gambar` is an image.
async fn server(ip: [u8; 4], redirect: String) -> (String, Arc<AtomicUsize>) {
    let hits = Arc::new(AtomicUsize::new(0));
    let listener = tokio::net::TcpListener::bind(std::net::SocketAddr::from((ip, 0))).await.expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    let feed = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Warta</title><item><title>Antrean panjang di \
         kantor camat</title><link>{base}/dalam</link><description>Ringkas.</description></item></channel></rss>"
    );
    let counted = Arc::clone(&hits);
    let router = axum::Router::new()
        .route(
            "/feed.xml",
            axum::routing::get(move || async move { ([(header::CONTENT_TYPE, "application/rss+xml")], feed) }),
        )
        .route("/pindah", axum::routing::get(move || async move { axum::response::Redirect::to(&redirect) }))
        .route("/gambar", axum::routing::get(|| async { ([(header::CONTENT_TYPE, "image/png")], "PNG") }))
        .route("/dalam", axum::routing::get(|| async { "Halaman internal: kunci rahasia server." }))
        .layer(axum::middleware::from_fn(move |request, next: axum::middleware::Next| {
            let counted = Arc::clone(&counted);
            async move {
                counted.fetch_add(1, Ordering::SeqCst);
                next.run(request).await.into_response()
            }
        }));
    tokio::spawn(async move { axum::serve(listener, router).await });
    (base, hits)
}

#[test]
fn only_public_addresses_are_public() {
    for internal in ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0"] {
        assert!(!is_public(internal.parse().expect("ip")), "{internal}");
    }
    for internal in ["::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "64:ff9b::a01:203", "::"] {
        assert!(!is_public(internal.parse().expect("ip")), "{internal}");
    }
    for public in ["8.8.8.8", "103.10.20.30", "2001:4860:4860::8888", "::ffff:8.8.8.8"] {
        assert!(is_public(public.parse().expect("ip")), "{public}");
    }
    let fetcher = Fetcher::new(Reach::default());
    for refused in ["http://localhost/x", "http://127.0.0.1:9/x", "http://[::1]/x", "http://169.254.169.254/latest"] {
        assert!(matches!(fetcher.checked(refused), Err(FetchError::Internal(_))), "{refused}");
    }
    assert_eq!(fetcher.checked("file:///etc/passwd").err(), Some(FetchError::Scheme));
}

async fn add_feed(db: &TestDb, url: &str) -> anyhow::Result<()> {
    let tenant = domain::ids::TenantId::new(store::demo::DEMO_TENANT);
    let cx =
        ActionCx { db, tenant: &tenant, actor: Actor::System("test"), now: testkit::now(), ids: &crate::RandomIds };
    store::news::feeds::create(&cx, url, "Warta", "60").await?;
    Ok(())
}

async fn feeds_never_reach_inside_the_servers_network(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let (inside, inside_hits) = server([127, 0, 0, 1], String::new()).await;
    let mut inspector = TestApp::new(&db);
    inspector.login("inspektur").await;
    let form =
        [("url", format!("{inside}/feed.xml")), ("title", "Warta".to_owned()), ("every_minutes", "60".to_owned())];
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let refused = inspector.post("/berita/sumber", &fields).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text("main").contains("jaringan internal"), "{}", refused.text("main"));
    let mut open = TestApp::with_config(
        &db,
        crate::WebConfig {
            feeds_reach: Reach { private_network: true, allowed: Vec::new() },
            ..crate::WebConfig::for_tests()
        },
    );
    open.login("inspektur").await;
    let bad_interval = [("url", fields[0].1), ("title", "Warta"), ("every_minutes", "5")];
    assert_eq!(open.post("/berita/sumber", &bad_interval).await.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(inside_hits.load(Ordering::SeqCst), 0, "a refused form fetches nothing");

    // A feed stored before this check (or a name that now resolves inside) is refused when it is polled.
    add_feed(&db, &format!("{inside}/feed.xml")).await?;
    let polled = poll_due(&db, &crate::RandomIds, &Fetcher::new(Reach::default())).await?;
    let error = polled[0].outcome.clone().expect_err("refused");
    assert!(error.contains("internal address"), "{error}");
    assert_eq!(inside_hits.load(Ordering::SeqCst), 0, "nothing reached the internal server");
    Ok(())
}
db_test!(feeds_never_reach_inside_the_servers_network);

async fn redirects_and_links_are_checked_like_the_feed(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let (inside, inside_hits) = server([127, 0, 0, 1], String::new()).await;
    let (outside, outside_hits) = server([127, 0, 0, 2], format!("{inside}/dalam")).await;
    // 127.0.0.2 plays a public news site: allowed by address, while 127.0.0.1 stays inside.
    let reach = Reach { private_network: false, allowed: vec!["127.0.0.2".parse()?] };
    let fetcher = Fetcher::new(reach.clone());
    assert!(matches!(fetcher.get(&format!("{outside}/pindah")).await, Err(FetchError::Internal(_))));
    assert!(matches!(fetcher.get(&format!("{outside}/gambar")).await, Err(FetchError::ContentType(_))));
    assert_eq!(inside_hits.load(Ordering::SeqCst), 0, "the redirect's internal target was not fetched");
    let body = fetcher.get(&format!("{outside}/feed.xml")).await.map_err(|err| anyhow::anyhow!("{err}"))?;
    assert!(String::from_utf8_lossy(&body).contains("<rss"));
    assert!(outside_hits.load(Ordering::SeqCst) >= 3);

    // The feed's entry links to a page on the inside server: the feed is taken, the page is not fetched.
    let feed = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Warta</title><item><title>Antrean</title>\
         <link>{inside}/dalam</link><description>Ringkas.</description></item></channel></rss>"
    );
    let listener = tokio::net::TcpListener::bind(("127.0.0.2", 0)).await?;
    let address = listener.local_addr()?;
    let router = axum::Router::new().route(
        "/feed.xml",
        axum::routing::get(move || async move { ([(header::CONTENT_TYPE, "application/rss+xml")], feed) }),
    );
    tokio::spawn(async move { axum::serve(listener, router).await });
    add_feed(&db, &format!("http://{address}/feed.xml")).await?;
    let polled = poll_due(&db, &crate::RandomIds, &fetcher).await?;
    assert!(polled[0].outcome.is_ok(), "{:?}", polled[0].outcome);
    assert_eq!(inside_hits.load(Ordering::SeqCst), 0, "an entry's internal link was not fetched");
    Ok(())
}
db_test!(redirects_and_links_are_checked_like_the_feed);
