//! Unit register pages on both engines: forms keep what was typed and show errors next to fields, imports are all
//! or nothing, scopes hide other units, and every change reaches the audit trail.

use axum::http::StatusCode;
use testkit::{TestDb, db_test};

use crate::testing::{TestApp, demo_db, demo_unit_id};

async fn unit_id(db: &TestDb, code: &str) -> anyhow::Result<String> {
    Ok(demo_unit_id(db, code).await?.to_string())
}

async fn invalid_unit_form_keeps_input_and_stores_nothing(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut app = TestApp::new(&db);
    app.login("admin").await;
    let fields = [
        ("code", "DPMPTSP"),
        ("kind", "dinas"),
        ("name", "Dinas Baru Yang Kodenya Sudah Dipakai"),
        ("zone", "Asia/Jakarta"),
    ];
    let response = app.post("/unit", &fields).await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!response.text("#e-code").is_empty(), "the message sits next to the code field");
    assert_eq!(response.attr("#f-name", "value").as_deref(), Some("Dinas Baru Yang Kodenya Sudah Dipakai"));
    let response = app.post("/unit", &[("code", ""), ("kind", "planet"), ("name", "")]).await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!response.text("#e-name").is_empty() && !response.text("#e-kind").is_empty(), "{}", response.body);
    let list = app.get("/unit?q=Kodenya").await;
    assert!(!list.text("#unit-tree").contains("Kodenya"));
    Ok(())
}
db_test!(invalid_unit_form_keeps_input_and_stores_nothing);

async fn admin_creates_a_unit_with_aliases_found_by_search(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut app = TestApp::new(&db);
    app.login("admin").await;
    let fields = [
        ("code", "DISPERKIM"),
        ("parent_code", ""),
        ("kind", "dinas"),
        ("name", "Dinas Perumahan, Kawasan Permukiman dan Pertanahan"),
        ("short_name", "Disperkimta"),
        ("aliases", "Dinas Perkim; DPKP"),
        ("zone", "Asia/Jakarta"),
        ("observes_cuti_bersama", "ya"),
        ("is_active", "ya"),
    ];
    let response = app.post("/unit", &fields).await;
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.body);
    let found = app.get("/unit?q=DPKP").await;
    assert!(found.text("#unit-tree").contains("Kawasan Permukiman"), "{}", found.text("#unit-tree"));
    let audit = app.get("/audit").await;
    let newest = audit.text("main tbody tr");
    assert!(newest.contains("(admin)") && newest.contains("Unit dibuat"), "{newest}");
    Ok(())
}
db_test!(admin_creates_a_unit_with_aliases_found_by_search);

async fn a_unit_outside_the_scope_does_not_exist_for_the_user(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let inspektorat = unit_id(&db, "INSPEKTORAT").await?;
    let own = unit_id(&db, "DPMPTSP").await?;
    let mut app = TestApp::new(&db);
    app.login("operator.dpmptsp").await;
    assert_eq!(app.get(&format!("/unit/{own}")).await.status, StatusCode::OK);
    assert_eq!(app.get(&format!("/unit/{inspektorat}")).await.status, StatusCode::NOT_FOUND);
    let export = app.get("/unit/ekspor.csv").await;
    assert!(export.body.contains("DPMPTSP") && !export.body.contains("INSPEKTORAT"), "{}", export.body);
    Ok(())
}
db_test!(a_unit_outside_the_scope_does_not_exist_for_the_user);

async fn unit_head_sets_service_hours_of_a_counter(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let own = unit_id(&db, "DPMPTSP").await?;
    let mut app = TestApp::new(&db);
    app.login("kadis.dpmptsp").await;
    let bad = app
        .post(
            &format!("/unit/{own}/layanan"),
            &[("name", "Loket Perizinan 2"), ("min_staff", "-1"), ("opens_1", "15:00"), ("closes_1", "08:00")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad.attr("input[name=name]", "value").as_deref(), Some("Loket Perizinan 2"));
    let good = app
        .post(
            &format!("/unit/{own}/layanan"),
            &[("name", "Loket Perizinan 2"), ("min_staff", "2"), ("opens_1", "07:30"), ("closes_1", "16:00")],
        )
        .await;
    assert_eq!(good.status, StatusCode::SEE_OTHER, "{}", good.body);
    let page = app.get(&format!("/unit/{own}")).await;
    assert!(page.text("main").contains("Loket Perizinan 2"), "{}", page.text("main"));
    assert!(page.text("main").contains("07:30"), "{}", page.text("main"));
    Ok(())
}
db_test!(unit_head_sets_service_hours_of_a_counter);

async fn csv_import_is_all_or_nothing_with_every_bad_row_listed(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut app = TestApp::new(&db);
    app.login("admin").await;
    let bad = "kode,kode_induk,jenis,nama\nDISPORA,,dinas,Dinas Pemuda dan Olahraga\nUPT-A,TIDAK-ADA,upt,UPT A\nX,,galaksi,Badan X\n";
    let response = app.upload("/unit/impor", "unit.csv", bad.as_bytes()).await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    let problems = response.texts("#import-problems li");
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].contains("baris 3") && problems[1].contains("baris 4"), "{problems:?}");
    assert!(app.get("/unit?q=DISPORA").await.text("#unit-tree").contains("DISPORA").eq(&false));
    let good = "kode,kode_induk,jenis,nama\nDISPORA,,dinas,Dinas Pemuda dan Olahraga\nUPT-GOR,DISPORA,upt,UPT Gelanggang Olahraga\n";
    let response = app.upload("/unit/impor", "unit.csv", good.as_bytes()).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    assert!(response.text("#import-result").contains('2'), "{}", response.text("#import-result"));
    let unreadable = app.upload("/unit/impor", "unit.xlsx", b"not a workbook").await;
    assert_eq!(unreadable.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(unreadable.texts("#import-problems li").len(), 1);
    Ok(())
}
db_test!(csv_import_is_all_or_nothing_with_every_bad_row_listed);

async fn tenant_settings_are_validated_and_saved(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut app = TestApp::new(&db);
    app.login("admin").await;
    let bad = app
        .post(
            "/pemda",
            &[
                ("name", "Pemerintah Kota Contoh"),
                ("level", "kota"),
                ("region_code", "99.99"),
                ("zone", "Asia/Jakarta"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!bad.text("#e-region_code").is_empty(), "{}", bad.body);
    let good = app
        .post(
            "/pemda",
            &[
                ("name", "Pemerintah Kota Tangerang Selatan"),
                ("level", "kota"),
                ("region_code", "36.74"),
                ("zone", "Asia/Jakarta"),
            ],
        )
        .await;
    assert_eq!(good.status, StatusCode::SEE_OTHER, "{}", good.body);
    assert!(app.get("/").await.body.contains("Pemerintah Kota Tangerang Selatan"));
    Ok(())
}
db_test!(tenant_settings_are_validated_and_saved);

fn draft_with_host(host: &str) -> anyhow::Result<domain::org::TenantDraft> {
    let raw = domain::org::RawTenant {
        name: "Pemerintah Kota Lain".to_owned(),
        level: "kota".to_owned(),
        region_code: "36.74".to_owned(),
        zone: "WIB".to_owned(),
        host: host.to_owned(),
    };
    raw.parse().map_err(|it| anyhow::anyhow!("{it:?}"))
}

async fn a_host_name_selects_its_tenant(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let other = testkit::fixtures::tenant(&db, "kota-lain").await?;
    let mut app = TestApp::new(&db);
    assert!(
        app.get("/").await.body.contains("Tangerang Selatan (demo)"),
        "without a host binding the first tenant serves"
    );
    app.login("admin").await;
    let fields = |host: &'static str| {
        [
            ("name", "Pemerintah Kota Tangerang Selatan (demo)"),
            ("level", "kota"),
            ("region_code", "36.74"),
            ("zone", "Asia/Jakarta"),
            ("host", host),
        ]
    };
    let bad = app.post("/pemda", &fields("https://pantau.contoh.go.id")).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!bad.text("#e-host").is_empty(), "{}", bad.body);
    let ids = testkit::SeqIds::default();
    let mut draft = draft_with_host("localhost")?;
    draft.name.clone_from(&other.name);
    store::org::actions::update_tenant(&testkit::fixtures::cx(&db, &other.id, &ids), draft).await?;
    // The same host for the demo tenant is refused next to the field, and nothing changes.
    let demo = domain::ids::TenantId::new(store::demo::DEMO_TENANT);
    let mut same = draft_with_host("localhost")?;
    same.name = "Pemerintah Kota Tangerang Selatan (demo)".to_owned();
    let taken = store::org::actions::update_tenant(&testkit::fixtures::cx(&db, &demo, &ids), same).await;
    assert!(matches!(&taken, Err(store::StoreError::Invalid(problems)) if problems[0].field == "host"), "{taken:?}");
    let mut visitor = TestApp::new(&db);
    assert!(visitor.get("/").await.body.contains("kota-lain"), "Host: localhost now selects the other tenant");
    Ok(())
}
db_test!(a_host_name_selects_its_tenant);

async fn api_creates_units_and_explains_bad_input(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut app = TestApp::new(&db);
    app.login("admin").await;
    let bad = app.post_json("/api/v1/units", &serde_json::json!({"code": "", "kind": "planet", "name": ""})).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let problems: serde_json::Value = serde_json::from_str(&bad.body)?;
    let fields: Vec<&str> =
        problems["problems"].as_array().unwrap().iter().filter_map(|it| it["field"].as_str()).collect();
    assert!(fields.contains(&"kind") && fields.contains(&"name"), "{}", bad.body);
    let good = app
        .post_json(
            "/api/v1/units",
            &serde_json::json!({"code": "BRIDA", "kind": "badan", "name": "Badan Riset dan Inovasi Daerah"}),
        )
        .await;
    assert_eq!(good.status, StatusCode::CREATED, "{}", good.body);
    let list: serde_json::Value = serde_json::from_str(&app.get("/api/v1/units").await.body)?;
    assert!(list.as_array().unwrap().iter().any(|it| it["code"] == "BRIDA"));
    Ok(())
}
db_test!(api_creates_units_and_explains_bad_input);
