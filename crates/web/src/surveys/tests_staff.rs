//! Staff survey work on both engines: paper imports (all rows or none), the kiosk and held answers, elements that
//! do not apply, follow-up plans, exports, the API, and who may do what.

use axum::http::StatusCode;
use testkit::{TestDb, db_test};

use super::tests::{answers, open_survey, report_value};
use crate::testing::TestApp;

const PAPER_OK: &str = "responden,u1,u2,u3,u4,u5,u6,u7,u8,u9,jenis_kelamin,umur,saran\n\
    K-01,4,4,4,4,4,4,4,4,4,p,26_35,Ruang tunggu nyaman\n\
    K-02,2,2,2,2,2,2,2,2,,l,,\n";

async fn a_paper_file_with_any_bad_row_stores_nothing_and_names_every_bad_row(db: TestDb) -> anyhow::Result<()> {
    let (mut head, path, _) = open_survey(&db).await?;
    let bad = "responden,u1,u2,u3,u4,u5,u6,u7,u8,u9,umur\nK-01,4,4,4,4,4,4,4,4,4,26_35\nK-02,5,4,4,4,4,4,4,4,4,\n\
               K-01,4,4,4,4,4,4,4,4,4,\n,,,,,,,,,,\nK-04,,,,,,,,,,tua\n";
    let refused = head.upload(&format!("{path}/impor"), "kertas.csv", bad.as_bytes()).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let messages = refused.texts("#import .alert li");
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert!(messages[0].starts_with("Baris 3") && messages[0].contains("u1"), "{messages:?}");
    assert!(messages[1].starts_with("Baris 4") && messages[1].contains("K-01"), "{messages:?}");
    assert!(messages[2].starts_with("Baris 6") && messages[2].contains("umur"), "{messages:?}");
    assert_eq!(report_value(&head.get(&path).await).1, "0", "nothing stored");

    let stored = head.upload(&format!("{path}/impor"), "kertas.csv", PAPER_OK.as_bytes()).await;
    assert_eq!(stored.status, StatusCode::OK, "{}", stored.body);
    assert!(stored.body.contains("2 kuesioner kertas tersimpan"));
    // u1–u8: (4 + 2) / 2 = 3; u9: 4 (one answer); IKM = (8 × 3 + 4) / 9 = 3.1111…; × 25 = 77.78 → B.
    assert_eq!(report_value(&stored), ("77,78".to_owned(), "2".to_owned()));
    assert!(stored.body.contains("Ruang tunggu nyaman"), "suggestions are shown to staff");
    let again = head.upload(&format!("{path}/impor"), "kertas.csv", PAPER_OK.as_bytes()).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY, "the same forms twice");
    assert_eq!(report_value(&again).1, "2");
    let template = head.get("/skm/templat.xlsx").await;
    assert!(template.body.starts_with("PK"));
    Ok(())
}
db_test!(a_paper_file_with_any_bad_row_stores_nothing_and_names_every_bad_row);

async fn a_kiosk_answers_without_an_account_and_a_too_fast_answer_waits_for_review(db: TestDb) -> anyhow::Result<()> {
    let (mut head, path, code) = open_survey(&db).await?;
    let mut tablet = TestApp::new(&db);
    tablet.login("operator.dpmptsp").await;
    let home = tablet.get("/kiosk").await;
    let unit = home.attr("#f-unit_id option", "value").unwrap_or_default();
    let on = tablet.post("/kiosk/aktifkan", &[("unit_id", &unit), ("label", "Loket 1")]).await;
    assert_eq!(on.status, StatusCode::SEE_OTHER, "{}", on.body);
    assert_eq!(tablet.get("/skm").await.status, StatusCode::SEE_OTHER, "the staff session on the tablet ended");
    let home = tablet.get("/kiosk").await;
    let tiles = home
        .html()
        .select(&scraper::Selector::parse("ul.tiles a").expect("selector"))
        .filter_map(|it| it.value().attr("href").map(str::to_owned))
        .collect::<Vec<_>>();
    assert!(tiles.contains(&format!("/kiosk/{code}")), "{tiles:?}");
    let first = tablet.post(&format!("/kiosk/{code}"), &answers(["4"; 9])).await;
    assert_eq!(first.status, StatusCode::OK);
    assert!(first.headers.get("refresh").is_some(), "the kiosk goes back to its start");
    // The test clock stands still: the second answer comes 0 s after the first, faster than a person reads.
    let second = tablet.post(&format!("/kiosk/{code}"), &answers(["1"; 9])).await;
    assert_eq!(second.status, StatusCode::OK);
    let page = head.get(&path).await;
    assert_eq!(report_value(&page), ("100,00".to_owned(), "1".to_owned()));
    let held = page.attr("#h-held ~ div input[name=response_id]", "value").unwrap_or_default();
    assert!(!held.is_empty(), "{}", page.body);
    let counted = head.post(&format!("{path}/tinjau"), &[("response_id", &held), ("decision", "terima")]).await;
    assert_eq!(counted.status, StatusCode::SEE_OTHER);
    assert_eq!(report_value(&head.get(&path).await), ("62,50".to_owned(), "2".to_owned()));
    let mut stranger = TestApp::new(&db);
    assert_eq!(stranger.get(&format!("/kiosk/{code}")).await.status, StatusCode::NOT_FOUND, "no kiosk cookie");
    Ok(())
}
db_test!(a_kiosk_answers_without_an_account_and_a_too_fast_answer_waits_for_review);

async fn an_element_that_does_not_apply_is_not_asked_and_not_averaged(db: TestDb) -> anyhow::Result<()> {
    let (mut head, path, code) = open_survey(&db).await?;
    let saved = head.post(&format!("{path}/pengaturan"), &[("population", "120"), ("na_u4", "Layanan gratis")]).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let mut citizen = TestApp::new(&db);
    let form = citizen.get(&format!("/s/{code}")).await;
    assert!(!form.body.contains("name=\"u4\""));
    let refused = citizen.post(&format!("/s/{code}"), &answers(["4", "4", "4", "1", "4", "4", "4", "4", "3"])).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let mut given = answers(["4", "4", "4", "", "4", "4", "4", "4", "3"]);
    given.retain(|(name, _)| *name != "u4");
    assert_eq!(citizen.post(&format!("/s/{code}"), &given).await.status, StatusCode::SEE_OTHER);
    // Eight elements: (7 × 4 + 3) / 8 = 3.875; × 25 = 96.875 → 96.88 (half up), A.
    let page = head.get(&path).await;
    assert_eq!(report_value(&page).0, "96,88");
    assert!(page.body.contains("Layanan gratis"));
    let empty_reason = head.post(&format!("{path}/pengaturan"), &[("population", "banyak")]).await;
    assert_eq!(empty_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    Ok(())
}
db_test!(an_element_that_does_not_apply_is_not_asked_and_not_averaged);

async fn plans_exports_and_the_api_show_the_same_figures(db: TestDb) -> anyhow::Result<()> {
    let (mut head, path, code) = open_survey(&db).await?;
    head.upload(&format!("{path}/impor"), "kertas.csv", PAPER_OK.as_bytes()).await;
    let survey = head.get(&path).await;
    let unit_report = survey.attr(".crumbs a", "href").unwrap_or_default();
    assert_eq!(unit_report, "/skm");
    let mut public = TestApp::new(&db);
    let api = public.get(&format!("/api/v1/skm/surveys/{code}")).await;
    assert_eq!(api.status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&api.body)?;
    assert_eq!(json["questions"].as_array().map(Vec::len), Some(9));
    let body = serde_json::json!({ "answers": { "u1": 4, "u2": 4, "u3": 4, "u4": 4, "u5": 4, "u6": 4, "u7": 4, "u8": 4,
        "u9": 4 }, "device_id": "tablet-mitra-0001" });
    let sent =
        public.post_bare(&format!("/api/v1/skm/surveys/{code}/responses"), "application/json", body.to_string()).await;
    assert_eq!(sent.status, StatusCode::CREATED, "{}", sent.body);
    let again =
        public.post_bare(&format!("/api/v1/skm/surveys/{code}/responses"), "application/json", body.to_string()).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    let service = json["service"].as_str().unwrap_or_default().to_owned();
    assert!(service.contains("Legalisir"));
    let unit = json["unit_id"].as_str().unwrap_or_default().to_owned();

    let plan = [
        ("unit_id", unit.as_str()),
        ("period", "2026-T2"),
        ("element", "u9"),
        ("action", "Petugas khusus menjawab pengaduan setiap hari"),
        ("owner", "Kepala Seksi Pelayanan"),
        ("due_on", "2026-09-30"),
    ];
    let saved = head.post("/skm/tindak-lanjut", &plan).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let bad = head
        .post(
            "/skm/tindak-lanjut",
            &[("unit_id", unit.as_str()), ("period", "2026-T2"), ("element", "u9"), ("due_on", "besok")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let report = public.get(&format!("/skm/laporan?unit={unit}&period=2026-T2")).await;
    assert!(report.body.contains("Petugas khusus menjawab pengaduan"));
    assert_eq!(report_value(&report).1, "3");
    let json: serde_json::Value =
        serde_json::from_str(&public.get(&format!("/api/v1/skm/report?unit={unit}&period=2026-T2")).await.body)?;
    assert_eq!(json["ikm"]["converted"].as_str(), Some(report_value(&report).0.as_str()));
    let pdf = public.get(&format!("/skm/laporan.pdf?unit={unit}&period=2026-T2")).await;
    assert!(pdf.body.starts_with("%PDF-"));
    let xlsx = public.get(&format!("/skm/laporan.xlsx?unit={unit}&period=2026-T2")).await;
    assert!(xlsx.body.starts_with("PK"));
    let poster = public.get(&format!("/s/{code}/poster.pdf")).await;
    assert!(poster.body.starts_with("%PDF-"));
    Ok(())
}
db_test!(plans_exports_and_the_api_show_the_same_figures);

async fn only_the_units_own_staff_manage_its_surveys(db: TestDb) -> anyhow::Result<()> {
    let (_, path, _) = open_survey(&db).await?;
    let mut public = TestApp::new(&db);
    assert_eq!(public.get("/skm").await.status, StatusCode::SEE_OTHER, "staff pages need a login");
    let mut leader = TestApp::new(&db);
    leader.login("sekda").await;
    let page = leader.get(&path).await;
    assert_eq!(page.status, StatusCode::OK, "a leader reads every unit");
    assert!(!page.body.contains("id=\"settings\""), "but does not manage");
    assert_eq!(leader.post(&format!("{path}/status"), &[("open", "0")]).await.status, StatusCode::NOT_FOUND);
    let mut operator = TestApp::new(&db);
    operator.login("operator.dpmptsp").await;
    assert_eq!(operator.post(&format!("{path}/status"), &[("open", "0")]).await.status, StatusCode::NOT_FOUND);
    Ok(())
}
db_test!(only_the_units_own_staff_manage_its_surveys);
