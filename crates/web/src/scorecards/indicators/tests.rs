//! A unit's own indicators through the pages on both engines: the head defines one, enters a month, imports a
//! sheet (a bad one refused whole with its rows named), the card and the watch list show the shortfall; other
//! units' heads and leaders cannot change them.

use axum::http::StatusCode;
use testkit::{TestDb, db_test};

use crate::testing::{TestApp, demo_db, demo_unit_id};

const FIELDS: [(&str, &str); 5] = [
    ("code", "izin"),
    ("name", "Izin usaha terbit"),
    ("measure_unit", "dokumen"),
    ("polarity", "naik"),
    ("aggregation", "jumlah"),
];

async fn a_unit_head_keeps_indicators_and_the_watch_list_reads_them(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let unit = demo_unit_id(&db, "DPMPTSP").await?;
    let base = format!("/kinerja/unit/{unit}/indikator");
    let mut head = TestApp::new(&db);
    head.login("kadis.dpmptsp").await;
    let bad = head.post(&base, &[("code", "Izin Usaha"), ("name", ""), ("measure_unit", "dokumen")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!bad.text("#e-code").is_empty() && !bad.text("#e-name").is_empty(), "{}", bad.text("main"));
    assert_eq!(head.post(&base, &FIELDS).await.status, StatusCode::SEE_OTHER);
    assert_eq!(head.post(&base, &FIELDS).await.status, StatusCode::UNPROCESSABLE_ENTITY, "a code is used once");
    let page = head.get(&base).await;
    let month = page.attr("#f-month", "value").unwrap_or_default();
    let year = &month[..4];
    // A sheet with a bad month, a bad figure and an unknown code stores nothing and names every row.
    let sheet = format!(
        "kode,bulan,target,realisasi\nizin,{month},1.000,500\nizin,13-2026,5,5\nizin,{year}-01,abc,1\nsiup,{year}-02,1,1\n"
    );
    let refused = head.upload(&format!("{base}/impor"), "indikator.csv", sheet.as_bytes()).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let problems = refused.text("#import-problems");
    for row in ["3", "4", "5"] {
        assert!(problems.contains(&format!("Baris {row}")), "row {row}: {problems}");
    }
    assert!(head.get(&format!("{base}.csv?tahun={year}")).await.body.contains(&format!("izin,{month},,")));
    let good = format!("kode,bulan,target,realisasi\nizin,{month},\"1.000\",500\n");
    let saved = head.upload(&format!("{base}/impor"), "indikator.csv", good.as_bytes()).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    // 500 of 1 000 documents: 50 %, below the shipped 80 % rule.
    let card = head.get(&format!("/kinerja/unit/{unit}")).await;
    assert!(card.text("#unit-indicators").contains("50,0 %"), "{}", card.text("#unit-indicators"));
    let mut sekda = TestApp::new(&db);
    sekda.login("sekda").await;
    assert!(sekda.get("/kinerja/pantauan").await.text("#watchlist").contains("indikator_rendah"));
    Ok(())
}
db_test!(a_unit_head_keeps_indicators_and_the_watch_list_reads_them);

async fn the_form_clears_blanks_and_only_the_unit_head_writes(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let unit = demo_unit_id(&db, "DPMPTSP").await?;
    let base = format!("/kinerja/unit/{unit}/indikator");
    let mut head = TestApp::new(&db);
    head.login("kadis.dpmptsp").await;
    assert_eq!(head.post(&base, &FIELDS).await.status, StatusCode::SEE_OTHER);
    let month = head.get(&base).await.attr("#f-month", "value").unwrap_or_default();
    // Through the API: 400 of 1 000 is 40 %, and the leader's watch list says so.
    let api = format!("/api/v1/units/{unit}/indicator-months");
    let body = serde_json::json!([{ "code": "izin", "month": month, "target": 1000.0, "actual": 400.0 }]);
    assert_eq!(head.post_json(&api, &body).await.status, StatusCode::OK);
    let mut sekda = TestApp::new(&db);
    sekda.login("sekda").await;
    let listed: Vec<serde_json::Value> = serde_json::from_str(&sekda.get("/api/v1/indicators").await.body)?;
    assert!(listed.iter().any(|it| it["code"] == "izin" && it["achievement"] == 0.4), "{listed:?}");
    assert!(sekda.get("/kinerja/pantauan").await.text("#watchlist").contains("indikator_rendah"));
    // The form overwrites the month; a blank realisation clears it and the unit leaves the list.
    let month_form = [("indicator", "izin"), ("month", month.as_str()), ("target", "1.000"), ("actual", "")];
    let cleared = head.post(&format!("{base}/bulan"), &month_form).await;
    assert_eq!(cleared.status, StatusCode::SEE_OTHER, "{}", cleared.body);
    assert!(!sekda.get("/kinerja/pantauan").await.text("main").contains("capaian 40"));
    let typo = head.post(&format!("{base}/bulan"), &[("indicator", "izin"), ("month", "Nov"), ("target", "-1")]).await;
    assert_eq!(typo.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!typo.text("#e-month").is_empty() && !typo.text("#e-target").is_empty());
    // A leader reads but does not change them; another unit's head does not see them.
    assert_eq!(sekda.get(&base).await.status, StatusCode::OK);
    assert_eq!(sekda.post(&base, &FIELDS).await.status, StatusCode::NOT_FOUND);
    assert_eq!(sekda.post_json(&api, &body).await.status, StatusCode::FORBIDDEN);
    let mut other = TestApp::new(&db);
    other.login("kadis.dishub").await;
    assert_eq!(other.get(&base).await.status, StatusCode::NOT_FOUND);
    let month_post = other.post(&format!("{base}/bulan"), &month_form).await;
    assert_eq!(month_post.status, StatusCode::NOT_FOUND);
    Ok(())
}
db_test!(the_form_clears_blanks_and_only_the_unit_head_writes);
