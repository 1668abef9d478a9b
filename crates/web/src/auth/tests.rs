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

fn behind_proxy(db: &TestDb, client: &str) -> TestApp {
    let mut app = TestApp::with_config(db, crate::WebConfig { trust_proxy: true, ..crate::WebConfig::for_tests() });
    app.always_send("x-forwarded-for", client);
    app
}

async fn a_guesser_locks_out_only_their_own_address(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut attacker = behind_proxy(&db, "198.51.100.7");
    for _ in 0..8 {
        let refused = attacker.post("/masuk", &[("username", "admin"), ("password", "tebakan keliru sekali")]).await;
        assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    }
    let right = attacker.post("/masuk", &[("username", "admin"), ("password", store::demo::DEMO_PASSWORD)]).await;
    assert_eq!(right.status, StatusCode::UNAUTHORIZED, "the guesser's address stays locked");
    let mut owner = behind_proxy(&db, "203.0.113.5");
    owner.login("admin").await;
    assert_eq!(owner.get("/beranda").await.status, StatusCode::OK, "the owner, elsewhere, is not locked out");
    let mut conn = db.conn().await?;
    let locks: (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = 'user.locked'").fetch_one(&mut *conn).await?;
    assert!(locks.0 >= 1, "the lock is in the audit trail");
    Ok(())
}
db_test!(a_guesser_locks_out_only_their_own_address);

/// The shortest of three refused logins, in milliseconds.
async fn fastest_refusal(app: &mut TestApp, username: &str) -> u128 {
    let mut best = u128::MAX;
    for _ in 0..3 {
        let started = std::time::Instant::now();
        let response = app.post("/masuk", &[("username", username), ("password", "tebakan keliru sekali")]).await;
        assert_eq!(response.status, StatusCode::UNAUTHORIZED);
        best = best.min(started.elapsed().as_millis());
    }
    best
}

async fn a_locked_account_answers_as_slowly_as_an_unknown_name(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut attacker = behind_proxy(&db, "198.51.100.8");
    for _ in 0..6 {
        attacker.post("/masuk", &[("username", "sekda"), ("password", "tebakan keliru sekali")]).await;
    }
    let locked = fastest_refusal(&mut attacker, "sekda").await;
    let unknown = fastest_refusal(&mut attacker, "bukan-siapa-siapa").await;
    // Both verify one Argon2 hash and write one counter; before, a locked account answered in 1–2 ms.
    assert!(locked * 2 >= unknown, "locked {locked} ms, unknown {unknown} ms");
    Ok(())
}
db_test!(a_locked_account_answers_as_slowly_as_an_unknown_name);

async fn a_login_or_a_password_change_leaves_no_earlier_token_valid(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut app = TestApp::new(&db);
    app.login("bkpsdm").await;
    let first = app.cookie("pantau_session").expect("session cookie");
    app.login("bkpsdm").await;
    let second = app.cookie("pantau_session").expect("session cookie");
    assert_ne!(first, second);
    let mut stale = TestApp::new(&db);
    stale.set_cookie("pantau_session", &first);
    assert_eq!(stale.get("/beranda").await.status, StatusCode::SEE_OTHER, "the first login's token ended");
    let changed = app
        .post(
            "/akun/sandi",
            &[
                ("current_password", store::demo::DEMO_PASSWORD),
                ("password", "kopi pahit pagi hari"),
                ("password_confirmation", "kopi pahit pagi hari"),
            ],
        )
        .await;
    assert_eq!(changed.status, StatusCode::SEE_OTHER, "{}", changed.text("main"));
    assert_ne!(app.cookie("pantau_session").as_deref(), Some(second.as_str()), "a new token after the change");
    assert_eq!(app.get("/beranda").await.status, StatusCode::OK, "this browser goes on");
    stale.set_cookie("pantau_session", &second);
    assert_eq!(stale.get("/beranda").await.status, StatusCode::SEE_OTHER, "the token before the change ended");
    Ok(())
}
db_test!(a_login_or_a_password_change_leaves_no_earlier_token_valid);

async fn over_https_the_cookies_carry_the_host_prefix(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let config = crate::WebConfig {
        public_url: Some("https://pantau.contoh.go.id".to_owned()),
        ..crate::WebConfig::for_tests()
    };
    let mut app = TestApp::with_config(&db, config);
    let page = app.get("/masuk").await;
    let cookies: Vec<String> =
        page.headers.get_all("set-cookie").iter().filter_map(|it| it.to_str().ok()).map(str::to_owned).collect();
    let csrf = cookies.iter().find(|it| it.contains("pantau_csrf")).cloned().unwrap_or_default();
    assert!(csrf.starts_with("__Host-pantau_csrf=") && csrf.contains("Secure") && csrf.contains("Path=/"), "{csrf}");
    Ok(())
}
db_test!(over_https_the_cookies_carry_the_host_prefix);
