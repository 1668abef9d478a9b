//! The survey pages on both engines: a unit opens a survey, citizens answer on the phone form and a kiosk, staff
//! import paper forms and review held answers, and the report, its exports and the API give the hand-computed index.

use axum::http::StatusCode;
use testkit::{TestDb, db_test};

use crate::testing::{TestApp, TestResponse, demo_db};

pub(super) fn answers(values: [&'static str; 9]) -> Vec<(&'static str, &'static str)> {
    ["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"].into_iter().zip(values).collect()
}

/// Signs in the DPMPTSP head, defines a service and opens a survey for 2026-T2; returns (head, survey path, code).
pub(crate) async fn open_survey(db: &TestDb) -> anyhow::Result<(TestApp, String, String)> {
    demo_db(db).await?;
    let mut head = TestApp::new(db);
    head.login("kadis.dpmptsp").await;
    let overview = head.get("/skm").await;
    assert_eq!(overview.status, StatusCode::OK);
    let unit = overview.attr("#new-service select[name=unit_id] option", "value").unwrap_or_default();
    let fields = [
        ("unit_id", unit.as_str()),
        ("name", "Legalisir salinan izin"),
        ("description", "Salinan dilegalisir"),
        ("population", "40"),
        ("active", "on"),
    ];
    let created = head.post("/skm/layanan", &fields).await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let overview = head.get("/skm").await;
    let service = overview
        .html()
        .select(&scraper::Selector::parse("#f-service_id option").expect("selector"))
        .find(|it| it.text().collect::<String>().contains("Legalisir"))
        .and_then(|it| it.value().attr("value").map(str::to_owned))
        .unwrap_or_default();
    let opened = head.post("/skm/survei", &[("service_id", &service), ("period", "2026-T2"), ("population", "")]).await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.body);
    let path = opened.location().split('?').next().unwrap_or_default().to_owned();
    let page = head.get(&path).await;
    let code = page.attr("[data-testid=short-link]", "href").unwrap_or_default().trim_start_matches("/s/").to_owned();
    assert_eq!(code.len(), 7, "{code}");
    Ok((head, path, code))
}

pub(super) fn report_value(page: &TestResponse) -> (String, String) {
    (page.text("[data-testid=ikm-converted]"), page.text("[data-testid=respondents]"))
}

async fn citizens_answer_once_a_day_and_the_report_matches_a_hand_count(db: TestDb) -> anyhow::Result<()> {
    let (mut head, path, code) = open_survey(&db).await?;
    let mut first = TestApp::new(&db);
    let form = first.get(&format!("/s/{code}")).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Sangat sesuai"), "official labels");
    let sent = first.post(&format!("/s/{code}"), &answers(["4"; 9])).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let again = first.post(&format!("/s/{code}"), &answers(["4"; 9])).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "one response per device per service per day");

    let mut second = TestApp::new(&db);
    let mut bad = answers(["3", "", "3", "3", "3", "3", "3", "3", "7"]);
    bad.push(("age", "tua"));
    let refused = second.post(&format!("/s/{code}"), &bad).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.html().select(&scraper::Selector::parse("#e-u2").expect("selector")).next().is_some());
    assert!(refused.body.contains("id=\"e-u9\""));
    let mut fixed = answers(["3", "3", "3", "3", "3", "3", "3", "3", "2"]);
    fixed.push(("sex", "p"));
    assert_eq!(second.post(&format!("/s/{code}"), &fixed).await.status, StatusCode::SEE_OTHER);

    // By hand: NRR u1–u8 = (4 + 3) / 2 = 3.5, u9 = (4 + 2) / 2 = 3.0; IKM = (8 × 3.5 + 3.0) / 9 = 3.4444…;
    // × 25 = 86.11, category B (76.61 ≤ 86.11 < 88.31).
    let page = head.get(&path).await;
    assert_eq!(report_value(&page), ("86,11".to_owned(), "2".to_owned()));
    assert!(page.body.contains("Baik"));
    // 40 users a year is 10 a quarter, whose Krejcie–Morgan minimum is all 10: a warning, not a block.
    assert!(page.body.contains("populasi 10 memerlukan paling sedikit 10"), "sample warning");
    let link = page.attr("a[href^='/skm/laporan?service']", "href").unwrap_or_default();
    let public = TestApp::new(&db).get(&link).await;
    assert_eq!(public.status, StatusCode::OK);
    assert_eq!(report_value(&public).0, "86,11");
    Ok(())
}
db_test!(citizens_answer_once_a_day_and_the_report_matches_a_hand_count);
