//! The letterhead settings on both engines: administrators only; every bad field named with what was typed kept
//! and nothing saved; a logo refused by its content keeps the one stored; removing it is audited.

use axum::http::{StatusCode, header};
use testkit::{TestDb, db_test};

use crate::testing::{TestApp, demo_db};

async fn only_administrators_set_the_letterhead(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    for user in ["sekda", "inspektur", "bkpsdm", "operator.dpmptsp"] {
        let mut app = TestApp::new(&db);
        app.login(user).await;
        for path in ["/pemda/dokumen", "/pemda/dokumen/contoh.pdf", "/pemda/dokumen/logo"] {
            assert_eq!(app.get(path).await.status, StatusCode::FORBIDDEN, "{user} {path}");
        }
        let post = app.post("/pemda/dokumen", &[("place", "Serpong")]).await;
        assert_eq!(post.status, StatusCode::FORBIDDEN, "{user}");
        assert_eq!(app.post("/pemda/dokumen/logo/hapus", &[]).await.status, StatusCode::FORBIDDEN, "{user}");
    }
    let mut admin = TestApp::new(&db);
    admin.login("admin").await;
    assert_eq!(admin.get("/pemda/dokumen").await.attr("#f-place", "value").as_deref(), Some("Tangerang Selatan"));
    Ok(())
}
db_test!(only_administrators_set_the_letterhead);

async fn bad_settings_are_named_by_field_and_nothing_is_saved(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut admin = TestApp::new(&db);
    admin.login("admin").await;
    let bad = [
        ("government", "Pemerintah Kota Tangerang Selatan"),
        ("lines", "Baris satu\nBaris dua\nBaris tiga\nBaris empat\nBaris lima"),
        ("place", "Serpong"),
        ("report_office", ""),
        ("report_name", "Tanpa Jabatan"),
        ("report_nip", "12345"),
    ];
    let refused = admin.post("/pemda/dokumen", &bad).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["lines", "report_office", "report_nip"] {
        assert!(!refused.text(&format!("#e-{field}")).is_empty(), "{field}: {}", refused.text("main"));
    }
    assert_eq!(refused.attr("#f-place", "value").as_deref(), Some("Serpong"), "what was typed stays");
    let page = admin.get("/pemda/dokumen").await;
    assert_eq!(page.attr("#f-place", "value").as_deref(), Some("Tangerang Selatan"), "nothing was saved");
    let good = [("government", ""), ("lines", "Jl. Raya Serpong No. 9"), ("place", "Serpong"), ("show_nip", "on")];
    let saved = admin.post("/pemda/dokumen", &good).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let page = admin.get("/pemda/dokumen").await;
    assert_eq!(page.attr("#f-place", "value").as_deref(), Some("Serpong"));
    assert!(page.attr("input[name=underline_name]", "checked").is_none(), "an unticked box is saved as no");
    let sample = admin.get("/pemda/dokumen/contoh.pdf").await;
    assert_eq!(sample.status, StatusCode::OK);
    assert!(sample.body.starts_with("%PDF-"));
    Ok(())
}
db_test!(bad_settings_are_named_by_field_and_nothing_is_saved);

async fn a_refused_logo_keeps_the_stored_one_and_removal_is_audited(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut admin = TestApp::new(&db);
    admin.login("admin").await;
    let refused = admin.upload("/pemda/dokumen/logo", "logo.png", b"<svg onload=alert(1)>").await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!refused.text("#e-logo").is_empty(), "{}", refused.text("main"));
    let logo = admin.get("/pemda/dokumen/logo").await;
    assert_eq!(logo.status, StatusCode::OK, "the demo logo is still there");
    assert_eq!(logo.headers.get(header::CONTENT_TYPE).and_then(|it| it.to_str().ok()), Some("image/png"));
    assert_eq!(admin.post("/pemda/dokumen/logo/hapus", &[]).await.status, StatusCode::SEE_OTHER);
    assert_eq!(admin.get("/pemda/dokumen/logo").await.status, StatusCode::NOT_FOUND);
    let audit = admin.get("/audit").await;
    assert!(audit.text("main").contains("document_logo.remove"), "{}", audit.text("main"));
    Ok(())
}
db_test!(a_refused_logo_keeps_the_stored_one_and_removal_is_audited);
