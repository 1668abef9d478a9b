//! The weekly digest on both engines: the text a leader would receive names the watch list and the decisions waiting,
//! each reader is queued once per week, the switch on `/akun/ringkasan` stops it, and it is not for operators.

use axum::http::StatusCode;
use testkit::{TestDb, db_test};

use super::digest::send_weekly;
use crate::testing::{TestApp, demo_with_history};

async fn the_digest_goes_once_a_week_to_whoever_wants_it(db: TestDb) -> anyhow::Result<()> {
    demo_with_history(&db).await?;
    store::scorecards::sweep::run(&db, &crate::RandomIds, testkit::now()).await?;
    let mut sekda = TestApp::new(&db);
    sekda.login("sekda").await;
    let page = sekda.get("/akun/ringkasan").await;
    assert_eq!(page.status, StatusCode::OK);
    let preview = page.text("#digest-preview");
    for words in ["Daftar pantauan", "Dinas Perhubungan", "KP-2026-", "/akun/ringkasan"] {
        assert!(preview.contains(words), "{words} is not in {preview}");
    }
    let mut operator = TestApp::new(&db);
    operator.login("operator.dpmptsp").await;
    assert!(!operator.get("/akun/ringkasan").await.text("#digest-not-for-role").is_empty());
    // Monday 16 March 2026, 09:00 WIB: the leader and the two unit heads of the demo.
    let url = Some("https://pantau.contoh.go.id");
    assert_eq!(send_weekly(&db, &crate::RandomIds, testkit::now(), url).await?, 3);
    assert_eq!(send_weekly(&db, &crate::RandomIds, testkit::now(), url).await?, 0);
    let mut conn = db.conn().await?;
    let (subject, payload): (String, String) = sqlx::query_as(
        "SELECT subject, payload FROM delivery WHERE recipient = 'sekda@demo.pantau.invalid' AND complaint_id IS NULL",
    )
    .fetch_one(&mut *conn)
    .await?;
    assert!(
        subject.contains("Ringkasan mingguan") && payload.contains("https://pantau.contoh.go.id/beranda"),
        "{subject}: {payload}"
    );
    drop(conn);
    let mut head = TestApp::new(&db);
    head.login("kadis.dishub").await;
    assert_eq!(head.post("/akun/ringkasan", &[]).await.status, StatusCode::SEE_OTHER);
    let checked = scraper::Selector::parse("input[name=terima][checked]").expect("a valid selector");
    assert!(head.get("/akun/ringkasan").await.html().select(&checked).next().is_none());
    let next_week = testkit::now() + jiff::SignedDuration::from_hours(7 * 24);
    assert_eq!(send_weekly(&db, &crate::RandomIds, next_week, url).await?, 2);
    Ok(())
}
db_test!(the_digest_goes_once_a_week_to_whoever_wants_it);
