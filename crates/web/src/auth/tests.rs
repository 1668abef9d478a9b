//! Sign-in on both engines: wrong passwords, lock-out after repeated failures, logout, password change.

use axum::http::StatusCode;
use testkit::{TestDb, db_test};

use crate::testing::{TestApp, demo_db};

async fn repeated_failures_lock_the_account(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut app = TestApp::new(&db);
    for _ in 0..5 {
        let response = app.post("/masuk", &[("username", "sekda"), ("password", "tebakan yang salah")]).await;
        assert_eq!(response.status, StatusCode::UNAUTHORIZED);
        assert!(!response.text("#login-error").is_empty());
        assert_eq!(response.attr("#f-username", "value").as_deref(), Some("sekda"), "the name typed is kept");
    }
    let right = app.post("/masuk", &[("username", "sekda"), ("password", store::demo::DEMO_PASSWORD)]).await;
    assert_ne!(right.status, StatusCode::SEE_OTHER, "even the right password waits out the lock");
    let unknown = app.post("/masuk", &[("username", "tidak-ada-orangnya"), ("password", "tebakan yang salah")]).await;
    assert_eq!(right.text("#login-error"), unknown.text("#login-error"), "a locked account looks like a wrong name");
    Ok(())
}
db_test!(repeated_failures_lock_the_account);

async fn logout_ends_the_session(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut app = TestApp::new(&db);
    app.login("inspektur").await;
    assert_eq!(app.get("/beranda").await.status, StatusCode::OK);
    let out = app.post("/keluar", &[]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert_eq!(app.get("/beranda").await.status, StatusCode::SEE_OTHER);
    Ok(())
}
db_test!(logout_ends_the_session);

async fn password_change_checks_the_current_one_and_the_confirmation(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut app = TestApp::new(&db);
    app.login("bkpsdm").await;
    let mut other_device = TestApp::new(&db);
    other_device.login("bkpsdm").await;
    let mismatch = app
        .post(
            "/akun/sandi",
            &[
                ("current_password", store::demo::DEMO_PASSWORD),
                ("password", "kopi pahit pagi hari"),
                ("password_confirmation", "kopi manis"),
            ],
        )
        .await;
    assert_eq!(mismatch.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!mismatch.text("#e-password_confirmation").is_empty(), "{}", mismatch.body);
    let wrong_current = app
        .post(
            "/akun/sandi",
            &[
                ("current_password", "bukan ini"),
                ("password", "kopi pahit pagi hari"),
                ("password_confirmation", "kopi pahit pagi hari"),
            ],
        )
        .await;
    assert_eq!(wrong_current.status, StatusCode::UNPROCESSABLE_ENTITY);
    let done = app
        .post(
            "/akun/sandi",
            &[
                ("current_password", store::demo::DEMO_PASSWORD),
                ("password", "kopi pahit pagi hari"),
                ("password_confirmation", "kopi pahit pagi hari"),
            ],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(app.get("/beranda").await.status, StatusCode::OK, "this session goes on");
    assert_eq!(other_device.get("/beranda").await.status, StatusCode::SEE_OTHER, "the other session ended");
    let mut fresh = TestApp::new(&db);
    let login = fresh.post("/masuk", &[("username", "bkpsdm"), ("password", "kopi pahit pagi hari")]).await;
    assert_eq!(login.status, StatusCode::SEE_OTHER);
    Ok(())
}
db_test!(password_change_checks_the_current_one_and_the_confirmation);
