//! Discipline on both engines, continued: the JSON API within the page's guards and scope, and one employee added
//! and corrected on a form.

use axum::http::StatusCode;
use testkit::{TestDb, db_test};

use super::tests::employee_id;
use crate::testing::{TestApp, demo_db};

async fn the_api_lists_reads_and_walks_cases_within_the_same_guards(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let yogi = employee_id(&db, "199512012020121004").await?;
    let mut officer = TestApp::new(&db);
    officer.login("bkpsdm").await;
    let proposals: serde_json::Value =
        serde_json::from_str(&officer.get("/api/v1/discipline/proposals?year=2026").await.body)?;
    assert_eq!(proposals.as_array().map(Vec::len), Some(3), "{proposals}");
    let facts = "Dua belas hari kerja tanpa keterangan menurut rekap kehadiran.";
    let opened = officer
        .post("/disiplin/kasus", &[("employee", &yogi), ("origin", "attendance"), ("ref", "2026"), ("facts", facts)])
        .await;
    let id = opened.location().trim_start_matches("/disiplin/kasus/").to_owned();
    let list: serde_json::Value = serde_json::from_str(&officer.get("/api/v1/discipline/cases").await.body)?;
    assert_eq!(list[0]["number"], "HD-2026-0001");
    assert_eq!(list[0]["due"][0]["code"], "summons");
    let path = format!("/api/v1/discipline/cases/{id}/steps");
    let short = officer
        .post_json(&path, &serde_json::json!({ "kind": "summons", "sent": "2026-04-06", "examination": "2026-04-07" }))
        .await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(short.body.contains("paling cepat"), "{}", short.body);
    let ok = officer
        .post_json(&path, &serde_json::json!({ "kind": "summons", "sent": "2026-04-06", "examination": "2026-05-04" }))
        .await;
    assert_eq!(ok.status, StatusCode::CREATED, "{}", ok.body);
    let one: serde_json::Value =
        serde_json::from_str(&officer.get(&format!("/api/v1/discipline/cases/{id}")).await.body)?;
    assert_eq!(one["level"], "sedang");
    assert_eq!(one["steps"][0]["step"]["examination"], "2026-05-04");
    assert_eq!(one["due"][0]["code"], "examination");
    let employees: serde_json::Value = serde_json::from_str(&officer.get("/api/v1/employees").await.body)?;
    assert_eq!(employees.as_array().map(Vec::len), Some(12));
    let mut operator = TestApp::new(&db);
    operator.login("operator.dpmptsp").await;
    assert_eq!(operator.get(&format!("/api/v1/discipline/cases/{id}")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(operator.get("/api/v1/employees").await.status, StatusCode::FORBIDDEN);
    let openapi = officer.get("/api/openapi.json").await;
    assert!(openapi.body.contains("/api/v1/discipline/cases/{id}/steps"));
    Ok(())
}
db_test!(the_api_lists_reads_and_walks_cases_within_the_same_guards);

async fn one_employee_is_added_and_corrected_on_a_form(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut officer = TestApp::new(&db);
    officer.login("bkpsdm").await;
    assert_eq!(officer.get("/pegawai/baru").await.status, StatusCode::OK);
    let mut fields = vec![
        ("nip", "199303212019031004"),
        ("name", "Andi Saputra"),
        ("status", "pns"),
        ("grade", "V/a"),
        ("position", "Pengelola Keuangan"),
        ("position_type", "pelaksana"),
        ("unit_code", "BPKAD"),
    ];
    let refused = officer.post("/pegawai", &fields).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text(".field.invalid").contains("V/a"), "{}", refused.text("main"));
    fields[3] = ("grade", "III/a");
    assert_eq!(officer.post("/pegawai", &fields).await.status, StatusCode::SEE_OTHER);
    let taken = officer.post("/pegawai", &fields).await;
    assert!(taken.text(".field.invalid").contains("sudah terdaftar"), "a second add does not overwrite silently");
    let id = employee_id(&db, "199303212019031004").await?;
    fields[0] = ("nip", "199303212019031999");
    fields[4] = ("position", "Analis Keuangan");
    assert_eq!(officer.post(&format!("/pegawai/{id}"), &fields).await.status, StatusCode::SEE_OTHER);
    let list = officer.get("/pegawai?q=Andi").await;
    assert!(
        list.text("#employees").contains("199303212019031004") && list.text("#employees").contains("Analis Keuangan")
    );
    let mut head = TestApp::new(&db);
    head.login("kadis.dpmptsp").await;
    assert_eq!(head.get("/pegawai/baru").await.status, StatusCode::FORBIDDEN);
    Ok(())
}
db_test!(one_employee_is_added_and_corrected_on_a_form);
