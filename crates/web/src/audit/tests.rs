//! The audit pages on both engines: who may read them, and verification that names a row edited in the database.

use axum::http::StatusCode;
use testkit::{TestDb, db_test};

use crate::testing::{TestApp, demo_db};

async fn verification_page_names_a_hand_edited_row(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut app = TestApp::new(&db);
    app.login("inspektur").await;
    let intact = app.get("/audit/verifikasi").await;
    assert_eq!(intact.status, StatusCode::OK);
    let verdict = intact.text("main");
    let mut conn = db.conn().await?;
    sqlx::query("UPDATE audit_log SET after_doc = '{}' WHERE seq = 7").execute(&mut *conn).await?;
    let broken = app.get("/audit/verifikasi").await;
    assert_ne!(broken.text("main"), verdict);
    assert!(broken.text("main").contains('7'), "{}", broken.text("main"));
    let entry = app.get("/audit/3").await;
    assert_eq!(entry.status, StatusCode::OK);
    Ok(())
}
db_test!(verification_page_names_a_hand_edited_row);
