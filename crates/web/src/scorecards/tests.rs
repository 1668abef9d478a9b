//! The scorecard pages and API on both engines: who sees which units, the same rows in JSON and CSV, bad queries,
//! and the watch-list rules edited by an administrator only, with a clear refusal of a broken file.

use axum::http::StatusCode;
use testkit::{TestDb, db_test};

use crate::testing::{TestApp, demo_db, demo_unit_id, demo_with_history};

async fn a_unit_head_sees_only_their_units_and_leaders_see_all(db: TestDb) -> anyhow::Result<()> {
    demo_with_history(&db).await?;
    let own = demo_unit_id(&db, "DPMPTSP").await?;
    let other = demo_unit_id(&db, "DISDUKCAPIL").await?;
    let mut head = TestApp::new(&db);
    head.login("kadis.dpmptsp").await;
    let rows: Vec<serde_json::Value> = serde_json::from_str(&head.get("/api/v1/scorecards?period=2026-03").await.body)?;
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|it| it["unit_code"].as_str().is_some_and(|code| code.starts_with("DPMPTSP"))), "{rows:?}");
    assert_eq!(head.get(&format!("/kinerja/unit/{own}")).await.status, StatusCode::OK);
    assert_eq!(head.get(&format!("/kinerja/unit/{other}")).await.status, StatusCode::NOT_FOUND);
    let page = head.get("/kinerja").await;
    assert!(!page.body.contains("DISDUKCAPIL") && !page.text("#scorecards").contains("Kependudukan"));
    let mut leader = TestApp::new(&db);
    leader.login("sekda").await;
    let all: Vec<serde_json::Value> =
        serde_json::from_str(&leader.get("/api/v1/scorecards?period=2026-03").await.body)?;
    assert!(all.len() > rows.len());
    assert_eq!(leader.get(&format!("/kinerja/unit/{other}")).await.status, StatusCode::OK);
    let mut operator = TestApp::new(&db);
    operator.login("operator.dpmptsp").await;
    assert_eq!(operator.get("/api/v1/scorecards").await.status, StatusCode::FORBIDDEN);
    Ok(())
}
db_test!(a_unit_head_sees_only_their_units_and_leaders_see_all);

async fn json_and_csv_carry_the_same_rows_and_bad_queries_are_named(db: TestDb) -> anyhow::Result<()> {
    demo_with_history(&db).await?;
    let mut app = TestApp::new(&db);
    app.login("sekda").await;
    let json: Vec<serde_json::Value> =
        serde_json::from_str(&app.get("/api/v1/scorecards?period=2026-T1&scope=tree").await.body)?;
    let csv = app.get("/kinerja.csv?periode=2026-T1&cakupan=tree").await;
    assert_eq!(csv.status, StatusCode::OK);
    let text = csv.body.trim_start_matches('\u{feff}');
    let mut lines = text.lines();
    let header = lines.next().unwrap_or_default();
    assert_eq!(header.split(',').count(), super::COLUMNS.len());
    assert_eq!(lines.count(), json.len());
    for field in json[0].as_object().map(|it| it.keys().cloned().collect::<Vec<_>>()).unwrap_or_default() {
        assert!(super::COLUMNS.contains(&field.as_str()), "{field} is missing from the CSV");
    }
    assert!(json.iter().all(|it| it["scope"] == "tree" && it["period"] == "2026-T1"));
    let xlsx = app.get("/kinerja.xlsx?periode=2026-T1&cakupan=tree").await;
    assert_eq!(xlsx.status, StatusCode::OK);
    let sheet = crate::sheets::read("kinerja.xlsx", &xlsx.raw, crate::sheets::Limits::rows(1000))
        .map_err(|it| anyhow::anyhow!("{it:?}"))?;
    let header = sheet.iter().position(|row| row.first().is_some_and(|it| it == "ID unit")).unwrap_or(0);
    assert_eq!(sheet[header].len(), super::COLUMNS.len());
    assert_eq!(sheet.len() - header - 1, json.len());
    for bad in ["period=2026-13", "as_of=kemarin", "scope=semua", "as_of=2999-01-01"] {
        let answer = app.get(&format!("/api/v1/scorecards?{bad}")).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {}", answer.body);
    }
    let page = app.get("/kinerja?periode=bulan-lalu").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.text("#query-corrected").is_empty());
    let watch = app.get("/api/v1/watchlist").await;
    assert_eq!(watch.status, StatusCode::OK, "{}", watch.body);
    // The demo year puts units on the list for visibly different reasons.
    let listed: Vec<serde_json::Value> = serde_json::from_str(&watch.body)?;
    let mut rules: Vec<&str> = listed
        .iter()
        .flat_map(|it| it["fired"].as_array().into_iter().flatten())
        .filter_map(|it| it["rule"].as_str())
        .collect();
    rules.sort_unstable();
    rules.dedup();
    assert!(listed.len() >= 3 && rules.len() >= 3, "{rules:?} for {} units", listed.len());
    assert!(listed.iter().all(|it| it["watch"] == true && !it["reasons"].as_array().is_none_or(Vec::is_empty)));
    Ok(())
}
db_test!(json_and_csv_carry_the_same_rows_and_bad_queries_are_named);

async fn only_an_administrator_edits_the_rules_and_a_broken_file_changes_nothing(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut leader = TestApp::new(&db);
    leader.login("sekda").await;
    let body = domain::scorecards::watch::SHIPPED_TEXT.replace("threshold = 0.80", "threshold = 0.90");
    assert_eq!(leader.post("/kinerja/aturan", &[("body", &body)]).await.status, StatusCode::FORBIDDEN);
    let mut admin = TestApp::new(&db);
    admin.login("admin").await;
    let broken = admin
        .post("/kinerja/aturan", &[("body", "[[rule]]\ncode = \"x\"\nkind = \"bintang\"\nsource = \"kami\"\n")])
        .await;
    assert_eq!(broken.status, StatusCode::UNPROCESSABLE_ENTITY);
    let error = broken.text("#rules-error");
    assert!(
        error.contains("Aturan tidak disimpan") && error.contains("\"x\"") && error.contains("harus salah satu"),
        "{error}"
    );
    assert!(admin.get("/kinerja/aturan").await.text("#rules").contains("80"));
    let saved = admin.post("/kinerja/aturan", &[("body", &body)]).await;
    assert_eq!(saved.status, StatusCode::OK);
    assert!(!saved.text("#rules-saved").is_empty());
    assert!(admin.get("/kinerja/aturan").await.text("#rules").contains("90"));
    assert!(admin.get("/kinerja/aturan.toml").await.body.contains("threshold = 0.90"));
    let audit = admin.get("/audit?entitas=watch_rules").await;
    assert_eq!(audit.status, StatusCode::OK);
    Ok(())
}
db_test!(only_an_administrator_edits_the_rules_and_a_broken_file_changes_nothing);

async fn the_pdf_for_the_meeting_holds_the_rows_and_the_watch_list(db: TestDb) -> anyhow::Result<()> {
    demo_with_history(&db).await?;
    let mut app = TestApp::new(&db);
    app.login("sekda").await;
    let pdf = app.get("/kinerja.pdf?periode=2026-T1").await;
    assert_eq!(pdf.status, StatusCode::OK);
    if let Ok(dir) = std::env::var("PANTAU_DOCUMENTS_OUT") {
        std::fs::write(std::path::Path::new(&dir).join("kinerja.pdf"), &pdf.raw)?;
    }
    let text = pdf_extract::extract_text_from_mem(&pdf.raw)?;
    for words in ["KARTU KINERJA UNIT", "Triwulan I 2026", "Dinas Perhubungan", "Daftar Pantauan", "PermenPANRB"] {
        assert!(text.contains(words), "{words} is not in {text}");
    }
    let mut head = TestApp::new(&db);
    head.login("kadis.dpmptsp").await;
    let own = pdf_extract::extract_text_from_mem(&head.get("/kinerja.pdf?periode=2026-T1").await.raw)?;
    assert!(own.contains("Penanaman Modal") && !own.contains("Dinas Perhubungan"), "{own}");
    Ok(())
}
db_test!(the_pdf_for_the_meeting_holds_the_rows_and_the_watch_list);
