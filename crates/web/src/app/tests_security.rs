//! Regression tests of the outside probe's findings that concern the router as a whole, on both engines: control
//! characters refused alike by SQLite and PostgreSQL, redirects that stay on this site, no caching of pages,
//! and refusals that never quote Rust's deserializer.

use axum::http::StatusCode;
use serde_json::json;
use testkit::{TestDb, db_test};

use crate::testing::{TestApp, demo_db};

const COMPLAINT: &[(&str, &str)] = &[
    ("kind", "pengaduan"),
    ("category", "sikap_petugas"),
    ("unit", "DPMPTSP"),
    ("body", "Petugas loket tidak berada di tempat selama jam layanan pada hari Rabu pagi."),
    ("confidentiality", "publik"),
    ("name", "Dewi Lestari"),
    ("contact", "dewi@contoh.id"),
];

async fn a_nul_character_is_refused_by_name_on_both_engines(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut citizen = TestApp::new(&db);
    let mut fields = COMPLAINT.to_vec();
    fields.push(("title", "Loket kosong\u{0} lagi"));
    let refused = citizen.post_multipart("/lapor", &fields, &[]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    assert!(refused.text("#problems").contains("\"title\""), "the field is named: {}", refused.text("main"));
    let json = json!({"kind": "pengaduan", "category": "perizinan", "title": "Izin\u{0}", "body": "x".repeat(40)});
    let api = citizen.post_bare("/api/v1/complaints", "application/json", json.to_string()).await;
    assert_eq!(api.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", api.body);
    let problem: serde_json::Value = serde_json::from_str(&api.body)?;
    assert_eq!(problem["problems"][0]["field"], "title", "{problem}");
    assert_eq!(problem["problems"][0]["code"], "unsafe_character", "{problem}");
    let form = "service_code=kesehatan&description=Antrean%00panjang&address_string=Puskesmas&api_key=x";
    let open311 =
        citizen.post_bare("/open311/v2/requests.json", "application/x-www-form-urlencoded", form.to_owned()).await;
    assert_eq!(open311.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", open311.body);
    assert!(open311.body.contains("description"), "{}", open311.body);
    for path in ["/lacak?nomor=ADU%00", "/berita/cari?q=a%00b", "/pengaduan/%00"] {
        let response = citizen.get(path).await;
        assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY, "{path}: {}", response.status);
    }
    let overridden = fields.iter().map(|(k, v)| (*k, if *k == "title" { "Tagihan \u{202e}fdp.exe" } else { *v }));
    let refused = citizen.post_multipart("/lapor", &overridden.collect::<Vec<_>>(), &[]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "a direction override is refused too");
    let mut conn = db.conn().await?;
    let stored: (i64,) = sqlx::query_as("SELECT COUNT(*) FROM complaint").fetch_one(&mut *conn).await?;
    assert_eq!(stored.0, 0, "nothing was stored");
    Ok(())
}
db_test!(a_nul_character_is_refused_by_name_on_both_engines);

async fn redirects_stay_on_this_site(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut app = TestApp::new(&db);
    let attempts = [
        ("/%5Cevil.example", "/\\evil.example"),
        ("/%09/evil.example", "/\t/evil.example"),
        ("//evil.example", "//evil.example"),
        ("/%0A/evil.example", "/\n/evil.example"),
        ("https://evil.example", "https://evil.example"),
    ];
    for (encoded, decoded) in attempts {
        let switched = app.get(&format!("/bahasa/en?next={encoded}")).await;
        assert_eq!(switched.location(), "/", "{encoded}: {}", switched.location());
        let form = app.get(&format!("/masuk?next={encoded}")).await;
        let kept = form.attr("input[name=next]", "value").unwrap_or_default();
        assert_eq!(kept, "/beranda", "{encoded}");
        let login = app
            .post("/masuk", &[("username", "admin"), ("password", store::demo::DEMO_PASSWORD), ("next", decoded)])
            .await;
        assert_eq!(login.location(), "/beranda", "{decoded:?}");
        app.post("/keluar", &[]).await;
    }
    let back = app.get("/bahasa/id?next=/skm/laporan%3Ftahun%3D2026").await;
    assert_eq!(back.location(), "/skm/laporan?tahun=2026");
    Ok(())
}
db_test!(redirects_stay_on_this_site);

async fn pages_api_and_receipts_are_never_cached(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut citizen = TestApp::new(&db);
    let mut fields = COMPLAINT.to_vec();
    fields.push(("title", "Loket kosong pada jam layanan"));
    let receipt = citizen.post_multipart("/lapor", &fields, &[]).await;
    assert_eq!(receipt.status, StatusCode::CREATED);
    let mut admin = TestApp::new(&db);
    admin.login("admin").await;
    for response in
        [receipt, admin.get("/beranda").await, admin.get("/api/v1/units").await, admin.get("/unit/ekspor.csv").await]
    {
        let value = response.headers.get("cache-control").and_then(|it| it.to_str().ok()).unwrap_or_default();
        assert_eq!(value, "no-store", "{}", response.body.chars().take(80).collect::<String>());
    }
    let css = admin.get("/static/pantau-6.css").await;
    assert!(css.headers.get("cache-control").is_some_and(|it| it.to_str().is_ok_and(|v| v.contains("immutable"))));
    Ok(())
}
db_test!(pages_api_and_receipts_are_never_cached);

async fn refusals_never_quote_the_deserializer(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut client = TestApp::new(&db);
    let missing = client.post_bare("/api/v1/complaints", "application/json", json!({"kind": 5}).to_string()).await;
    assert!(matches!(missing.status.as_u16(), 400 | 422), "{}", missing.status);
    assert!(!missing.body.contains("Failed to deserialize") && !missing.body.contains("line 1"), "{}", missing.body);
    assert!(missing.headers.get("content-type").is_some_and(|it| it == "application/problem+json"));
    let broken = client.post_bare("/api/v1/complaints", "application/json", "{\"kind\":".to_owned()).await;
    assert!(!broken.body.contains("EOF") && broken.body.contains("problems"), "{}", broken.body);
    let wrong_type = client.post_bare("/api/v1/complaints", "text/plain", "halo".to_owned()).await;
    assert!(wrong_type.status.is_client_error(), "{}", wrong_type.status);
    assert!(!wrong_type.body.contains("Content-Type") && wrong_type.body.contains("problems"), "{}", wrong_type.body);
    let page = client.get("/audit?sebelum=banyak").await;
    assert!(!page.body.contains("invalid digit"), "{}", page.body);
    Ok(())
}
db_test!(refusals_never_quote_the_deserializer);

async fn contacts_media_addresses_and_file_names_are_what_they_claim(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut citizen = TestApp::new(&db);
    let mut fields: Vec<(&str, &str)> = COMPLAINT.iter().filter(|(k, _)| *k != "contact").copied().collect();
    fields.push(("title", "Loket kosong pada jam layanan"));
    fields.push(("contact", "<img src=x onerror=alert(1)>@contoh.id"));
    let refused = citizen.post_multipart("/lapor", &fields, &[]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "markup is no contact");
    let api = json!({"kind": "pengaduan", "category": "perizinan", "title": "Izin usaha tertahan",
        "body": "Berkas izin usaha sudah tiga minggu tidak diproses oleh petugas.", "contact": "<b>0812</b>"});
    let refused = citizen.post_bare("/api/v1/complaints", "application/json", api.to_string()).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    assert!(refused.body.contains("\"contact\""), "{}", refused.body);
    let mut named = fields.clone();
    named.pop();
    let photo = [0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x08, 1, 1, 0, 0, 63, 0, 0x12, 0xFF, 0xD9];
    let spoofed = citizen.post_multipart("/lapor", &named, &[("files", "foto\u{202e}gpj.exe", &photo)]).await;
    assert_eq!(spoofed.status, StatusCode::UNPROCESSABLE_ENTITY, "a reversed file name is refused");
    let key = {
        let tenant = domain::ids::TenantId::new(store::demo::DEMO_TENANT);
        let cx = store::ActionCx {
            db: &db,
            tenant: &tenant,
            actor: store::Actor::System("test"),
            now: testkit::now(),
            ids: &crate::RandomIds,
        };
        store::complaints::keys::create_open311_key(&cx, "Aplikasi Kelurahan").await?
    };
    let form = format!(
        "api_key={key}&service_code=kesehatan&address_string=Puskesmas&media_url=javascript:alert(1)\
         &description=Antrean+di+puskesmas+sangat+panjang+sejak+pagi+hari."
    );
    let media = citizen.post_bare("/open311/v2/requests.json", "application/x-www-form-urlencoded", form.clone()).await;
    assert_eq!(media.status, StatusCode::BAD_REQUEST, "{}", media.body);
    assert!(media.body.contains("media_url"), "{}", media.body);
    let mut conn = db.conn().await?;
    let stored: (i64,) = sqlx::query_as("SELECT COUNT(*) FROM complaint").fetch_one(&mut *conn).await?;
    assert_eq!(stored.0, 0, "nothing was stored");
    Ok(())
}
db_test!(contacts_media_addresses_and_file_names_are_what_they_claim);

async fn invalid_input_to_the_staff_api_is_422_not_500(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut head = TestApp::new(&db);
    head.login("admin").await;
    let empty = json!({"description": "", "name": "", "population": 0, "unit_id": ""});
    let refused = head.post_json("/api/v1/skm/services", &empty).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    let problem: serde_json::Value = serde_json::from_str(&refused.body)?;
    let fields: Vec<&str> =
        problem["problems"].as_array().into_iter().flatten().filter_map(|it| it["field"].as_str()).collect();
    assert!(fields.contains(&"name") && fields.contains(&"unit_id"), "{problem}");
    Ok(())
}
db_test!(invalid_input_to_the_staff_api_is_422_not_500);
