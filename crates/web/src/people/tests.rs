//! Account pages on both engines: roles scoped to units, validation next to the field, no privilege escalation.

use axum::http::StatusCode;
use testkit::{TestDb, db_test};

use crate::testing::{TestApp, demo_db, demo_unit_id};

async fn admin_creates_an_operator_who_can_log_in(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let unit = demo_unit_id(&db, "DPMPTSP").await?.to_string();
    let mut admin = TestApp::new(&db);
    admin.login("admin").await;
    let weak = admin
        .post(
            "/pengguna",
            &[
                ("username", "loket.dua"),
                ("display_name", "Agus Prasetyo"),
                ("password", "pendek"),
                ("is_active", "ya"),
                ("role", "operator"),
                ("unit", &unit),
            ],
        )
        .await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!weak.text("#e-password").is_empty(), "{}", weak.body);
    assert_eq!(weak.attr("#f-display_name", "value").as_deref(), Some("Agus Prasetyo"));
    let good = admin
        .post(
            "/pengguna",
            &[
                ("username", "loket.dua"),
                ("display_name", "Agus Prasetyo"),
                ("password", "sapu lidi di loket dua"),
                ("is_active", "ya"),
                ("role", "operator"),
                ("unit", &unit),
            ],
        )
        .await;
    assert_eq!(good.status, StatusCode::SEE_OTHER, "{}", good.body);
    let mut operator = TestApp::new(&db);
    let login = operator.post("/masuk", &[("username", "loket.dua"), ("password", "sapu lidi di loket dua")]).await;
    assert_eq!(login.status, StatusCode::SEE_OTHER);
    assert!(operator.get("/beranda").await.text("main h1").contains("Agus Prasetyo"));
    Ok(())
}
db_test!(admin_creates_an_operator_who_can_log_in);

async fn a_unit_head_cannot_grant_tenant_wide_roles(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut head = TestApp::new(&db);
    head.login("kadis.dpmptsp").await;
    let response = head
        .post(
            "/pengguna",
            &[
                ("username", "penyusup"),
                ("display_name", "Penyusup"),
                ("password", "sapu lidi di loket dua"),
                ("is_active", "ya"),
                ("role", "administrator"),
                ("unit", ""),
            ],
        )
        .await;
    assert_eq!(response.status, StatusCode::FORBIDDEN);
    let mut admin = TestApp::new(&db);
    admin.login("admin").await;
    assert!(!admin.get("/pengguna").await.text("main table").contains("penyusup"));
    Ok(())
}
db_test!(a_unit_head_cannot_grant_tenant_wide_roles);
