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

/// The sequence number of the newest entry with this action.
async fn newest(db: &TestDb, action: &str) -> anyhow::Result<i64> {
    let mut conn = db.conn().await?;
    let row: (i64,) =
        sqlx::query_as("SELECT MAX(seq) FROM audit_log WHERE action = $1").bind(action).fetch_one(&mut *conn).await?;
    Ok(row.0)
}

fn plain_sha256(text: &str) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(text.as_bytes()))
}

async fn a_confidential_reporter_cannot_be_identified_through_the_audit_trail(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut citizen = TestApp::new(&db);
    let fields = [
        ("kind", "pengaduan"),
        ("category", "sikap_petugas"),
        ("unit", "DPMPTSP"),
        ("title", "Petugas meminta uang pelicin"),
        ("body", "Petugas loket meminta uang tambahan agar berkas izin diproses lebih cepat pada hari Selasa."),
        ("confidentiality", "rahasia"),
        ("name", "Rina Marlina"),
        ("contact", "081234567890"),
    ];
    let filed = citizen.post_multipart("/lapor", &fields, &[]).await;
    assert_eq!(filed.status, StatusCode::CREATED, "{}", filed.body);
    let seq = newest(&db, "complaint.file").await?;
    let stored: (String,) = sqlx::query_as("SELECT after_doc FROM audit_log WHERE seq = $1")
        .bind(seq)
        .fetch_one(&mut *db.conn().await?)
        .await?;
    for secret in ["081234567890", "Rina Marlina"] {
        assert!(!stored.0.contains(&plain_sha256(secret)), "an unkeyed digest of {secret:?} is stored");
    }
    assert!(stored.0.contains("reporter_contact_hmac"), "{}", stored.0);
    for reader in ["inspektur", "sekda"] {
        let mut app = TestApp::new(&db);
        app.login(reader).await;
        let entry = app.get(&format!("/audit/{seq}")).await;
        assert_eq!(entry.status, StatusCode::OK);
        assert!(entry.body.contains("sikap_petugas"), "{reader} reads the complaint's own fields");
        assert!(!entry.body.contains("reporter_"), "{reader} sees no identity digest: {}", entry.text("main"));
    }
    let mut admin = TestApp::new(&db);
    admin.login("admin").await;
    let entry = admin.get(&format!("/audit/{seq}")).await;
    assert!(entry.body.contains("reporter_contact_hmac"), "the complaint administrator, who sees the identity");
    Ok(())
}
db_test!(a_confidential_reporter_cannot_be_identified_through_the_audit_trail);

async fn a_discipline_case_is_no_more_readable_in_the_audit_trail_than_on_its_page(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let siti = crate::discipline::tests::employee_id(&db, "199406202019032005").await?;
    let mut officer = TestApp::new(&db);
    officer.login("bkpsdm").await;
    let facts = "Meninggalkan loket tanpa izin atasan selama tiga jam pada hari pelayanan.";
    let opened = officer
        .post("/disiplin/kasus", &[("employee", &siti), ("origin", "superior"), ("facts", facts), ("b_3e", "unit")])
        .await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.text("main"));
    let seq = newest(&db, "discipline_case.open").await?;
    let employee_seq = newest(&db, "employee.create").await?;
    for reader in ["admin", "sekda"] {
        let mut app = TestApp::new(&db);
        app.login(reader).await;
        assert_eq!(app.get(&opened.location()).await.status, StatusCode::NOT_FOUND, "{reader} may not open the case");
        let entry = app.get(&format!("/audit/{seq}")).await;
        assert_eq!(entry.status, StatusCode::OK, "{reader} sees that the entry exists");
        assert!(!entry.body.contains("Meninggalkan loket") && !entry.body.contains("199406202019032005"), "{reader}");
        assert!(!entry.text("#withheld").is_empty(), "{reader} is told why the content is missing");
        assert!(entry.text("main").contains("discipline_case"), "{reader} sees the entity and its hash");
    }
    let mut admin = TestApp::new(&db);
    admin.login("admin").await;
    assert!(!admin.get(&format!("/audit/{employee_seq}")).await.text("#withheld").is_empty(), "no register access");
    let mut inspector = TestApp::new(&db);
    inspector.login("inspektur").await;
    let entry = inspector.get(&format!("/audit/{seq}")).await;
    assert!(entry.body.contains("Meninggalkan loket"), "a handler of the case reads its entries");
    let verified = inspector.get("/audit/verifikasi").await;
    assert!(
        verified.text("main").contains("utuh") || verified.text("main").contains("intact"),
        "{}",
        verified.text("main")
    );
    Ok(())
}
db_test!(a_discipline_case_is_no_more_readable_in_the_audit_trail_than_on_its_page);
