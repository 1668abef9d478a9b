//! The whole router: every page renders for every role that may open it, the role × route table, security
//! headers, cross-site protection, the language switch and the operations endpoints. Runs on both engines.

use axum::http::StatusCode;
use testkit::{TestDb, db_test};

use crate::testing::{TestApp, demo_db, demo_unit_id};

/// Routes every signed-in role may open (200), with `{unit}` and `{point}` replaced by demo records of DPMPTSP.
const SHARED_PAGES: [&str; 5] = ["/beranda", "/unit", "/unit/{unit}", "/kalender?tahun=2026", "/akun/sandi"];

/// (route, roles that get 200; every other signed-in role gets 403 or 404).
const GUARDED_PAGES: [(&str, &[&str]); 26] = [
    ("/pengguna", &["admin", "sekda", "inspektur", "bkpsdm", "kadis.dpmptsp"]),
    ("/pengguna/baru", &["admin"]),
    ("/audit", &["admin", "sekda", "inspektur"]),
    ("/audit/verifikasi", &["admin", "sekda", "inspektur"]),
    ("/audit/1", &["admin", "sekda", "inspektur"]),
    ("/pemda", &["admin"]),
    ("/unit/baru", &["admin"]),
    ("/unit/impor", &["admin"]),
    ("/unit/{unit}/ubah", &["admin"]),
    ("/unit/{unit}/layanan/baru", &["admin", "kadis.dpmptsp"]),
    ("/unit/{unit}/layanan/{point}/ubah", &["admin", "kadis.dpmptsp"]),
    ("/unit/ekspor.csv", &["admin", "sekda", "inspektur", "bkpsdm", "kadis.dpmptsp", "operator.dpmptsp"]),
    ("/kinerja", &["admin", "sekda", "inspektur", "bkpsdm", "kadis.dpmptsp"]),
    ("/kinerja/unit/{unit}", &["admin", "sekda", "inspektur", "bkpsdm", "kadis.dpmptsp"]),
    ("/kinerja/pantauan", &["admin", "sekda", "inspektur", "bkpsdm", "kadis.dpmptsp"]),
    ("/kinerja/aturan", &["admin", "sekda", "inspektur", "bkpsdm", "kadis.dpmptsp"]),
    ("/kinerja/aturan/berkas/keputusan", &["admin", "sekda", "inspektur", "bkpsdm", "kadis.dpmptsp"]),
    ("/kinerja/aturan/berkas/pekppp-2025", &["admin", "sekda", "inspektur", "bkpsdm", "kadis.dpmptsp"]),
    ("/kinerja.csv", &["admin", "sekda", "inspektur", "bkpsdm", "kadis.dpmptsp"]),
    ("/kinerja.xlsx", &["admin", "sekda", "inspektur", "bkpsdm", "kadis.dpmptsp"]),
    ("/kinerja/keputusan", &["admin", "sekda", "inspektur", "bkpsdm", "kadis.dpmptsp"]),
    ("/kinerja/unit/{unit}/keputusan", &["sekda"]),
    ("/kinerja/unit/{unit}/indikator", &["admin", "sekda", "inspektur", "bkpsdm", "kadis.dpmptsp"]),
    ("/kinerja/unit/{unit}/indikator.csv", &["admin", "sekda", "inspektur", "bkpsdm", "kadis.dpmptsp"]),
    ("/kinerja/unit/{unit}/pekppp", &["admin", "sekda", "inspektur", "bkpsdm", "kadis.dpmptsp"]),
    ("/kinerja/unit/{unit}/pekppp.csv", &["admin", "sekda", "inspektur", "bkpsdm", "kadis.dpmptsp"]),
];

const ROLES: [&str; 6] = ["admin", "sekda", "inspektur", "bkpsdm", "kadis.dpmptsp", "operator.dpmptsp"];

async fn demo_ids(db: &TestDb) -> anyhow::Result<(String, String)> {
    let unit = demo_unit_id(db, "DPMPTSP").await?;
    let mut conn = db.conn().await?;
    let tenant = domain::ids::TenantId::new(store::demo::DEMO_TENANT);
    let points = store::org::queries::list_service_points(&mut conn, &tenant, &unit).await?;
    Ok((unit.to_string(), points[0].id.to_string()))
}

async fn every_role_gets_its_pages_and_nothing_more(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let (unit, point) = demo_ids(&db).await?;
    let fill = |route: &str| route.replace("{unit}", &unit).replace("{point}", &point);
    for role in ROLES {
        let mut app = TestApp::new(&db);
        app.login(role).await;
        for route in SHARED_PAGES {
            let response = app.get(&fill(route)).await;
            assert_eq!(response.status, StatusCode::OK, "{role} {route}: {}", response.body);
            assert!(!response.text("main h1").is_empty(), "{role} {route} has a heading");
        }
        for (route, allowed) in GUARDED_PAGES {
            let response = app.get(&fill(route)).await;
            if allowed.contains(&role) {
                assert_eq!(response.status, StatusCode::OK, "{role} {route}: {}", response.body);
            } else {
                assert!(
                    matches!(response.status, StatusCode::FORBIDDEN | StatusCode::NOT_FOUND),
                    "{role} {route} must be refused, got {}",
                    response.status
                );
            }
        }
    }
    Ok(())
}
db_test!(every_role_gets_its_pages_and_nothing_more);

async fn anonymous_visitors_see_public_pages_and_are_sent_to_login(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut app = TestApp::new(&db);
    for route in ["/", "/masuk", "/healthz", "/api/openapi.json"] {
        assert_eq!(app.get(route).await.status, StatusCode::OK, "{route}");
    }
    for route in ["/beranda", "/unit", "/pengguna", "/kalender", "/audit", "/pemda"] {
        let response = app.get(route).await;
        assert_eq!(response.status, StatusCode::SEE_OTHER, "{route}");
        assert!(response.location().starts_with("/masuk?next="), "{route} -> {}", response.location());
    }
    assert_eq!(app.get("/api/v1/units").await.status, StatusCode::OK, "the unit register is public");
    let api = app.post_json("/api/v1/units", &serde_json::json!({"code": "X"})).await;
    assert_eq!(api.status, StatusCode::UNAUTHORIZED);
    assert!(api.headers[axum::http::header::CONTENT_TYPE].to_str()?.starts_with("application/problem+json"));
    Ok(())
}
db_test!(anonymous_visitors_see_public_pages_and_are_sent_to_login);

async fn home_page_speaks_indonesian_then_english(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut app = TestApp::new(&db);
    let home = app.get("/").await;
    assert_eq!(home.attr("html", "lang").as_deref(), Some("id"));
    let indonesian = home.text("main h1");
    assert!(indonesian.contains("Pelayanan publik"), "{indonesian}");
    let switched = app.get("/bahasa/en?next=/masuk").await;
    assert_eq!(switched.status, StatusCode::SEE_OTHER);
    assert_eq!(switched.location(), "/masuk");
    let english = app.get("/").await;
    assert_eq!(english.attr("html", "lang").as_deref(), Some("en"));
    assert_ne!(english.text("main h1"), indonesian);
    let outside = app.get("/bahasa/id?next=//evil.example").await;
    assert_eq!(outside.location(), "/", "the switch never redirects off-site");
    Ok(())
}
db_test!(home_page_speaks_indonesian_then_english);

async fn responses_carry_security_headers(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut app = TestApp::new(&db);
    let response = app.get("/").await;
    for header in
        ["content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy", "x-request-id"]
    {
        assert!(response.headers.contains_key(header), "{header} missing");
    }
    let cookie =
        response.headers.get_all("set-cookie").iter().filter_map(|it| it.to_str().ok()).collect::<Vec<_>>().join("\n");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
    Ok(())
}
db_test!(responses_carry_security_headers);

async fn a_form_post_without_the_token_is_refused(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut app = TestApp::new(&db);
    let response =
        app.post_without_token("/masuk", &[("username", "admin"), ("password", store::demo::DEMO_PASSWORD)]).await;
    assert_eq!(response.status, StatusCode::FORBIDDEN);
    assert!(app.get("/beranda").await.status == StatusCode::SEE_OTHER, "no session was opened");
    Ok(())
}
db_test!(a_form_post_without_the_token_is_refused);

async fn health_and_metrics_answer(db: TestDb) -> anyhow::Result<()> {
    let mut app = TestApp::new(&db);
    let health = app.get("/healthz").await;
    assert_eq!(health.status, StatusCode::OK);
    assert!(health.body.contains("\"ok\""), "{}", health.body);
    assert_eq!(app.get("/metrics").await.status, StatusCode::NOT_FOUND, "no metrics without a token");
    let token = "prometheus-token-0123456789";
    let mut app = TestApp::with_config(
        &db,
        crate::WebConfig { metrics_token: Some(token.to_owned()), ..crate::WebConfig::for_tests() },
    );
    assert_eq!(app.get("/metrics").await.status, StatusCode::NOT_FOUND, "nor with a token the request lacks");
    let metrics = app.get_with("/metrics", &[("authorization", &format!("Bearer {token}"))]).await;
    assert_eq!(metrics.status, StatusCode::OK);
    assert!(metrics.body.contains("pantau_http_requests_total"), "{}", metrics.body);
    let wrong = app.get_with("/metrics", &[("authorization", "Bearer prometheus-token-0123456780")]).await;
    assert_eq!(wrong.status, StatusCode::NOT_FOUND);
    Ok(())
}
db_test!(health_and_metrics_answer);

async fn a_flood_of_form_posts_gets_a_translated_429(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut app =
        TestApp::with_config(&db, crate::WebConfig { public_rate_per_minute: 2, ..crate::WebConfig::for_tests() });
    for _ in 0..2 {
        let response = app.post("/masuk", &[("username", "sekda"), ("password", "salah")]).await;
        assert_eq!(response.status, StatusCode::UNAUTHORIZED);
    }
    let limited = app.post("/masuk", &[("username", "sekda"), ("password", "salah")]).await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(limited.text("main h1").contains("Terlalu banyak permintaan"), "{}", limited.body);
    Ok(())
}
db_test!(a_flood_of_form_posts_gets_a_translated_429);
