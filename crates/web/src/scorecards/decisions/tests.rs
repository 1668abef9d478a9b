//! Decisions on both engines: a leader records a teguran about a listed unit, its letter is an official PDF, the
//! unit's head is told and answers with a plan, the leader is told; nobody else decides or answers; an examination
//! request opens a preliminary review; a lapsed plan is escalated once; the list's history is kept.

use axum::http::StatusCode;
use testkit::{TestDb, db_test};

use crate::testing::{TestApp, demo_unit_id, demo_with_history};

async fn a_teguran_is_written_told_answered_and_told_back(db: TestDb) -> anyhow::Result<()> {
    demo_with_history(&db).await?;
    let dishub = demo_unit_id(&db, "DISHUB").await?;
    let mut sekda = TestApp::new(&db);
    sekda.login("sekda").await;
    let form = sekda.get(&format!("/kinerja/unit/{dishub}/keputusan")).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.text("#decision-reasons").contains("tepat_waktu_rendah"), "{}", form.text("#decision-reasons"));
    let path = format!("/kinerja/unit/{dishub}/keputusan");
    let empty = sekda.post(&path, &[("kind", "teguran"), ("note", " ")]).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!empty.text(".error").is_empty());
    let note = "Tunggakan pengaduan lampu lalu lintas harus selesai bulan ini.";
    let made = sekda.post(&path, &[("kind", "teguran"), ("note", note), ("signer_office", "Sekretaris Daerah")]).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    let page_path = made.location();
    let id = page_path.rsplit('/').next().unwrap_or_default().to_owned();
    let page = sekda.get(&page_path).await;
    assert!(page.text("#decision-standing").contains("menunggu"), "{}", page.text("main"));
    let pdf = sekda.get(&format!("{page_path}/teguran.pdf")).await;
    assert_eq!(pdf.status, StatusCode::OK);
    if let Ok(dir) = std::env::var("PANTAU_DOCUMENTS_OUT") {
        std::fs::write(std::path::Path::new(&dir).join("teguran.pdf"), &pdf.raw)?;
    }
    let text = pdf_extract::extract_text_from_mem(&pdf.raw)?;
    for words in ["SURAT TEGURAN", "Dinas Perhubungan", "Sekretaris Daerah", "hari kerja", "Tembusan"] {
        assert!(text.contains(words), "{words} is not in the letter: {text}");
    }
    // The unit's head is told, reads it and answers; another unit's head sees nothing of it.
    let mut head = TestApp::new(&db);
    head.login("kadis.dishub").await;
    let told = head.get("/notifikasi").await;
    assert!(told.body.contains(&id), "{id} not in {}", told.body);
    assert!(head.get("/beranda").await.text("#desk-decisions").contains("Teguran"));
    assert_eq!(head.post(&path, &[("kind", "pembinaan"), ("note", "x")]).await.status, StatusCode::FORBIDDEN);
    let mut other = TestApp::new(&db);
    other.login("kadis.dpmptsp").await;
    assert_eq!(other.get(&page_path).await.status, StatusCode::NOT_FOUND);
    assert_eq!(other.post(&format!("{page_path}/rencana"), &[("plan", "x")]).await.status, StatusCode::NOT_FOUND);
    let plan = "Petugas piket ditambah dua orang; tunggakan dijawab paling lambat 18 Desember.";
    let answered = head.post(&format!("{page_path}/rencana"), &[("plan", plan)]).await;
    assert_eq!(answered.status, StatusCode::SEE_OTHER, "{}", answered.body);
    assert!(head.get(&page_path).await.text("#decision-plan").contains("Petugas piket"));
    let again = head.post(&format!("{page_path}/rencana"), &[("plan", "lagi")]).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(sekda.get("/notifikasi").await.body.contains(&id));
    // The API shows the same decision, answered; the unit head's list holds its own unit only.
    let listed: Vec<serde_json::Value> = serde_json::from_str(&head.get("/api/v1/decisions").await.body)?;
    assert!(listed.iter().all(|it| it["unit_id"] == dishub.as_str()), "{listed:?}");
    assert!(listed.iter().any(|it| it["standing"] == "answered" && it["kind"] == "teguran"));
    Ok(())
}
db_test!(a_teguran_is_written_told_answered_and_told_back);

async fn an_examination_opens_a_review_and_a_lapsed_plan_is_escalated_once(db: TestDb) -> anyhow::Result<()> {
    demo_with_history(&db).await?;
    let dishub = demo_unit_id(&db, "DISHUB").await?;
    let mut sekda = TestApp::new(&db);
    sekda.login("sekda").await;
    let body = serde_json::json!({ "unit_id": dishub.as_str(), "kind": "pemeriksaan", "note": "Periksa tunggakan." });
    let made = sekda.post_json("/api/v1/decisions", &body).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let made: serde_json::Value = serde_json::from_str(&made.body)?;
    assert!(made["review_id"].is_string() && made["number"].as_str().is_some_and(|it| it.starts_with("KP-")));
    let bad = serde_json::json!({ "unit_id": dishub.as_str(), "kind": "hukuman", "note": "x" });
    assert_eq!(sekda.post_json("/api/v1/decisions", &bad).await.status, StatusCode::UNPROCESSABLE_ENTITY);
    let mut inspector = TestApp::new(&db);
    inspector.login("inspektur").await;
    let reviews = inspector.get("/berita/telaah").await;
    assert!(reviews.body.contains(made["number"].as_str().unwrap_or("?")), "{}", reviews.text("main"));
    assert_eq!(inspector.post_json("/api/v1/decisions", &body).await.status, StatusCode::FORBIDDEN);
    // The demo's guidance to the population office was given 24 days ago with 10 working days to answer.
    let cx_now = testkit::now();
    let first = store::scorecards::sweep::run(&db, &crate::RandomIds, cx_now).await?;
    assert!(first.escalated >= 1 && first.entered >= 3, "{first:?}");
    let second = store::scorecards::sweep::run(&db, &crate::RandomIds, cx_now).await?;
    assert_eq!((second.escalated, second.entered, second.left), (0, 0, 0));
    assert!(sekda.get("/notifikasi").await.text("main").contains("Tindak lanjut terlambat"));
    let list = sekda.get("/kinerja/keputusan").await;
    assert!(list.text("#decisions").contains("terlambat") && list.text("#stays").contains("Dinas Perhubungan"));
    let watch = sekda.get("/kinerja/pantauan").await;
    assert!(watch.text("#watchlist").contains(made["number"].as_str().unwrap_or("?")));
    Ok(())
}
db_test!(an_examination_opens_a_review_and_a_lapsed_plan_is_escalated_once);
