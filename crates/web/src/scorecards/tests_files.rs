//! A Pemda's own copy of the decision kinds and of the PEKPPP instrument, on both engines: leaders read the file in
//! force, only an administrator replaces it, a broken or incompatible file changes nothing and is named, and the
//! copy is what the decision form and the self-assessment then use.

use axum::http::StatusCode;
use testkit::{TestDb, db_test};

use crate::testing::{TestApp, demo_db, demo_unit_id};

const KINDS: &str = "/kinerja/aturan/berkas/keputusan";
const INSTRUMENT: &str = "/kinerja/aturan/berkas/pekppp-2025";

async fn a_pemda_keeps_its_own_decision_kinds(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let unit = demo_unit_id(&db, "DPMPTSP").await?;
    let shipped = domain::scorecards::decisions::SHIPPED_TEXT;
    let edited = shipped.replace("code = \"teguran\"\ndays = 5", "code = \"teguran\"\ndays = 7");
    assert_ne!(edited, shipped);
    let mut leader = TestApp::new(&db);
    leader.login("sekda").await;
    let page = leader.get(KINDS).await;
    assert!(page.text("#file-body").contains("tanpa_tindakan") && !page.body.contains("<textarea"));
    assert_eq!(leader.post(KINDS, &[("body", &edited)]).await.status, StatusCode::FORBIDDEN);
    let mut admin = TestApp::new(&db);
    admin.login("admin").await;
    let broken = admin.post(KINDS, &[("body", &shipped.replace("code = \"usul_sanksi\"", "code = \"usul\""))]).await;
    assert_eq!(broken.status, StatusCode::UNPROCESSABLE_ENTITY);
    let error = broken.text("#file-error");
    assert!(error.contains("Berkas tidak disimpan") && error.contains("usul_sanksi"), "{error}");
    assert!(!admin.get(KINDS).await.text("#file-shipped").is_empty(), "nothing was stored");
    let saved = admin.post(KINDS, &[("body", &edited)]).await;
    assert_eq!(saved.status, StatusCode::OK);
    assert!(!saved.text("#file-saved").is_empty() && !saved.text("#file-edited").is_empty());
    assert!(leader.get(&format!("{KINDS}/unduh")).await.body.contains("days = 7"));
    let form = leader.get(&format!("/kinerja/unit/{unit}/keputusan")).await;
    assert!(form.body.contains("rencana dalam 7 hari kerja"), "{}", form.body);
    assert!(admin.get("/audit").await.body.contains("rule_file.save"));
    let reset = admin.post(KINDS, &[("body", ""), ("reset", "1")]).await;
    assert!(!reset.text("#file-shipped").is_empty());
    let form = leader.get(&format!("/kinerja/unit/{unit}/keputusan")).await;
    assert!(form.body.contains("rencana dalam 5 hari kerja"));
    Ok(())
}
db_test!(a_pemda_keeps_its_own_decision_kinds);

async fn a_pemda_keeps_its_own_instrument_with_the_shipped_codes(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let unit = demo_unit_id(&db, "DPMPTSP").await?;
    let shipped = domain::evaluation::SHIPPED_2025;
    let mut admin = TestApp::new(&db);
    admin.login("admin").await;
    let renamed = admin.post(INSTRUMENT, &[("body", &shipped.replace("code = \"2.a.P\"", "code = \"2.a.X\""))]).await;
    assert_eq!(renamed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(renamed.text("#file-error").contains("2.a.P"), "{}", renamed.text("#file-error"));
    let unbalanced = admin.post(INSTRUMENT, &[("body", &shipped.replace("evaluator = 0.75", "evaluator = 0.8"))]).await;
    assert_eq!(unbalanced.status, StatusCode::UNPROCESSABLE_ENTITY);
    let confirmed = shipped.replace("evaluator = 0.75\nusers = 0.25", "evaluator = 0.7\nusers = 0.3");
    assert_eq!(admin.post(INSTRUMENT, &[("body", &confirmed)]).await.status, StatusCode::OK);
    let mut head = TestApp::new(&db);
    head.login("kadis.dpmptsp").await;
    let page = head.get(&format!("/kinerja/unit/{unit}/pekppp?tahun=2026")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("70,0 %") && page.body.contains("30,0 %"), "the self-assessment uses the copy");
    Ok(())
}
db_test!(a_pemda_keeps_its_own_instrument_with_the_shipped_codes);
