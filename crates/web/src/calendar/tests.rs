//! The calendar page and API on both engines: shipped holidays with their source, the deadline calculator,
//! regional holidays added by the administrator and counted by every deadline.

use axum::http::StatusCode;
use testkit::{TestDb, db_test};

use crate::testing::{TestApp, demo_db};

async fn the_page_shows_holidays_and_computes_deadlines(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut app = TestApp::new(&db);
    app.login("operator.dpmptsp").await;
    let page = app.get("/kalender?tahun=2026&dari=2026-03-16&hari=15&sampai=2026-03-31").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text("main").contains("Nyepi"), "the shipped holidays are listed");
    assert!(page.text("#calc-due").contains("2026-04-14"), "{}", page.text("#calc-due"));
    assert!(
        page.text("#calc-count").contains(": 7 "),
        "16..31 March 2026 has 7 working days (18-20, 23-24 are Nyepi, Idul Fitri and cuti bersama): {}",
        page.text("#calc-count")
    );
    let forbidden = app
        .post(
            "/kalender/entri",
            &[
                ("date", "2026-11-27"),
                ("kind", "libur_daerah"),
                ("effect", "add"),
                ("name", "Libur"),
                ("legal_basis", "-"),
            ],
        )
        .await;
    assert_eq!(forbidden.status, StatusCode::FORBIDDEN);
    Ok(())
}
db_test!(the_page_shows_holidays_and_computes_deadlines);

async fn a_regional_holiday_moves_deadlines(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut app = TestApp::new(&db);
    app.login("admin").await;
    let before = app.get("/api/v1/calendar/add-workdays?date=2026-12-01&n=1").await;
    assert!(before.body.contains("2026-12-02"), "{}", before.body);
    let bad = app
        .post(
            "/kalender/entri",
            &[("date", "2026-02-30"), ("kind", "libur_daerah"), ("effect", "add"), ("name", ""), ("legal_basis", "")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!bad.text("#e-date").is_empty(), "{}", bad.body);
    let added = app
        .post(
            "/kalender/entri",
            &[
                ("date", "2026-12-02"),
                ("kind", "libur_daerah"),
                ("effect", "add"),
                ("name", "Hari Jadi Kabupaten (contoh)"),
                ("legal_basis", "Perda Nomor 1 Tahun 2008"),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let after = app.get("/api/v1/calendar/add-workdays?date=2026-12-01&n=1").await;
    assert!(after.body.contains("2026-12-03"), "{}", after.body);
    let count = app.get("/api/v1/calendar/workdays?from=2026-03-01&to=2026-03-31").await;
    assert!(count.body.contains("17"), "{}", count.body);
    Ok(())
}
db_test!(a_regional_holiday_moves_deadlines);
