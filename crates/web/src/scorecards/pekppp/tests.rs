//! The self-assessment on both engines: the instrument's indicators with Pantau's measured ones marked, a level and
//! note entered by the unit head moving the projection, a measured level that cannot be typed over, evidence
//! attached and downloaded, the F-01 sheet, and nobody else writing.

use axum::http::StatusCode;
use testkit::{TestDb, db_test};

use crate::testing::{TestApp, demo_db, demo_unit_id};

async fn a_unit_head_scores_attaches_and_exports(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let unit = demo_unit_id(&db, "DPMPTSP").await?;
    let base = format!("/kinerja/unit/{unit}/pekppp");
    let mut head = TestApp::new(&db);
    head.login("kadis.dpmptsp").await;
    let page = head.get(&base).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert_eq!(page.texts("table.pekppp tbody tr").len(), 30);
    assert!(page.text("#ind-28\\.e\\.Ak").contains("diukur Pantau"), "{}", page.text("#ind-28\\.e\\.Ak"));
    let lower = |text: String| text.trim().replace(',', ".").parse::<f64>().unwrap_or(-1.0);
    let before = lower(page.text("#pekppp-lower"));
    // Only Pantau's measures carry a level before the head enters anything.
    assert!((0.0..1.0).contains(&before), "{}", page.text("#projection"));
    let note = "Standar pelayanan 14 komponen ditetapkan dengan keputusan kepala dinas dan dievaluasi tiap tahun.";
    let saved = head.post(&format!("{base}/nilai/1.a.Ak"), &[("level", "5"), ("note", note)]).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let page = head.get(&base).await;
    assert!(page.text("#ind-1\\.a\\.Ak").contains("Standar pelayanan 14 komponen"));
    // 1.a.Ak weighs 0.24 × 0.17: level 5 adds 0.204 to the lower bound.
    let after = lower(page.text("#pekppp-lower"));
    assert!((after - before - 0.204).abs() < 0.006, "{before} → {after}");
    // A measured indicator is not typed over; a level beyond the ladder is refused.
    let measured = head.post(&format!("{base}/nilai/28.e.Ak"), &[("level", "5"), ("note", "")]).await;
    assert_eq!(measured.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        head.post(&format!("{base}/nilai/1.a.Ak"), &[("level", "7")]).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        head.post(&format!("{base}/nilai/99.z"), &[("level", "1")]).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let files = [("file", "sk-standar.pdf", &b"%PDF-1.4 keputusan standar pelayanan"[..])];
    let attached = head.post_multipart(&format!("{base}/bukti/1.a.Ak"), &[], &files).await;
    assert_eq!(attached.status, StatusCode::SEE_OTHER, "{}", attached.body);
    let disguised = [("file", "foto.pdf", &b"\x89PNG\r\n\x1a\nbukan pdf"[..])];
    let refused = head.post_multipart(&format!("{base}/bukti/1.a.Ak"), &[], &disguised).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = head.get(&base).await;
    let link = page.attr("#ind-1\\.a\\.Ak a[href*='/bukti/']", "href").unwrap_or_default();
    let file = head.get(&link).await;
    assert_eq!(file.status, StatusCode::OK);
    assert!(file.raw.starts_with(b"%PDF"));
    let sheet = head.get(&format!("/kinerja/unit/{unit}/pekppp.csv")).await;
    assert!(sheet.body.contains("1.a.Ak") && sheet.body.contains("sk-standar.pdf") && sheet.body.contains("pantau"));
    // Daring: the face-to-face complaint desks give way to the online channels and the response speed.
    assert_eq!(head.post(&format!("{base}/varian"), &[("variant", "B")]).await.status, StatusCode::SEE_OTHER);
    assert!(head.get(&base).await.body.contains("26.e.P.B"));
    Ok(())
}
db_test!(a_unit_head_scores_attaches_and_exports);

async fn leaders_read_and_other_heads_see_nothing(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let unit = demo_unit_id(&db, "DPMPTSP").await?;
    let base = format!("/kinerja/unit/{unit}/pekppp");
    let mut sekda = TestApp::new(&db);
    sekda.login("sekda").await;
    assert_eq!(sekda.get(&base).await.status, StatusCode::OK);
    assert_eq!(sekda.post(&format!("{base}/nilai/1.a.Ak"), &[("level", "5")]).await.status, StatusCode::NOT_FOUND);
    let mut other = TestApp::new(&db);
    other.login("kadis.dishub").await;
    assert_eq!(other.get(&base).await.status, StatusCode::NOT_FOUND);
    assert_eq!(other.get(&format!("{base}.csv")).await.status, StatusCode::NOT_FOUND);
    let mut operator = TestApp::new(&db);
    operator.login("operator.dpmptsp").await;
    assert_eq!(operator.get(&base).await.status, StatusCode::FORBIDDEN);
    Ok(())
}
db_test!(leaders_read_and_other_heads_see_nothing);
