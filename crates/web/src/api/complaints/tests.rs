//! The complaints API on both engines: a client without cookies files and follows an item, bad input is refused
//! field by field, and a confidential reporter's identity reaches administrators but never the unit.

use axum::http::StatusCode;
use serde_json::{Value, json};
use testkit::{TestDb, db_test};

use crate::testing::{TestApp, demo_db};

fn complaint(confidentiality: &str) -> Value {
    json!({
        "kind": "pengaduan",
        "category": "perizinan",
        "unit": "DPMPTSP",
        "title": "Berkas izin usaha tidak diproses",
        "body": "Sudah tiga minggu berkas izin usaha mikro saya berstatus menunggu tanpa kabar dari petugas.",
        "confidentiality": confidentiality,
        "name": "Rina Wulandari",
        "contact": "0812-3456-7890",
    })
}

async fn file(app: &mut TestApp, body: &Value) -> (StatusCode, Value) {
    let response = app.post_bare("/api/v1/complaints", "application/json", body.to_string()).await;
    (response.status, serde_json::from_str(&response.body).unwrap_or(Value::Null))
}

async fn a_client_files_follows_and_rates_without_cookies(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut client = TestApp::new(&db);
    let (status, receipt) = file(&mut client, &complaint("publik")).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    let number = receipt["number"].as_str().unwrap_or_default().to_owned();
    let secret = receipt["secret"].as_str().unwrap_or_default().to_owned();
    assert!(number.starts_with("ADU-2026-") && secret.len() == 11, "{receipt}");
    assert!(receipt["receipt"].as_str().is_some_and(|it| it.starts_with("PANTAU1.")));
    assert!(
        receipt["due_date"].is_string()
            && receipt["verify_url"].as_str().is_some_and(|it| it.contains("/verifikasi?r="))
    );

    let track = json!({ "number": number, "secret": secret });
    let tracked = client.post_bare("/api/v1/complaints/track", "application/json", track.to_string()).await;
    assert_eq!(tracked.status, StatusCode::OK, "{}", tracked.body);
    let item: Value = serde_json::from_str(&tracked.body)?;
    assert_eq!((item["state"].as_str(), item["id"].is_null()), (Some("diterima"), true), "{item}");
    assert_eq!(item["deadline"]["kind"], "verifikasi");
    assert_eq!(item["events"][0]["action"], "masuk");

    let wrong = json!({ "number": number, "secret": "AAAAA-AAAAA" });
    let refused = client.post_bare("/api/v1/complaints/track", "application/json", wrong.to_string()).await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);
    assert!(refused.body.contains("request_id"), "{}", refused.body);

    // Rating is open only once the unit answered.
    let rate = json!({ "number": number, "secret": secret, "action": "nilai", "rating": 5 });
    let early = client.post_bare("/api/v1/complaints/track/steps", "application/json", rate.to_string()).await;
    assert_eq!(early.status, StatusCode::CONFLICT, "{}", early.body);
    let unknown = json!({ "number": number, "secret": secret, "action": "hapus" });
    let bad = client.post_bare("/api/v1/complaints/track/steps", "application/json", unknown.to_string()).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    let withdraw = json!({ "number": number, "secret": secret, "action": "cabut", "message": "Sudah beres sendiri." });
    let done = client.post_bare("/api/v1/complaints/track/steps", "application/json", withdraw.to_string()).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    let item: Value = serde_json::from_str(&done.body)?;
    assert_eq!((item["state"].as_str(), item["outcome"].as_str()), (Some("selesai"), Some("dicabut")));
    Ok(())
}
db_test!(a_client_files_follows_and_rates_without_cookies);

async fn bad_input_is_refused_field_by_field_and_nothing_is_stored(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut client = TestApp::new(&db);
    let (status, problem) = file(&mut client, &json!({ "kind": "keluhan", "body": "pendek", "latitude": 120.0 })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    let fields: Vec<&str> =
        problem["problems"].as_array().into_iter().flatten().filter_map(|it| it["field"].as_str()).collect();
    for field in ["kind", "title", "body", "category"] {
        assert!(fields.contains(&field), "{field} in {fields:?}");
    }
    let mut with_file = complaint("publik");
    with_file["attachments"] = json!([{ "file_name": "foto.jpg", "content_base64": "bukan base64!" }]);
    let (status, problem) = file(&mut client, &with_file).await;
    assert_eq!(
        (status, problem["problems"][0]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("attachments"))
    );
    let disguised = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, b"MZ\x90\x00 not a picture");
    with_file["attachments"] = json!([{ "file_name": "foto.jpg", "content_base64": disguised }]);
    let (status, _) = file(&mut client, &with_file).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let not_json = client.post_bare("/api/v1/complaints", "application/json", "{".to_owned()).await;
    assert_eq!(not_json.status, StatusCode::BAD_REQUEST);

    let mut admin = TestApp::new(&db);
    admin.login("admin").await;
    let queue: Value = serde_json::from_str(&admin.get("/api/v1/complaints?show=semua").await.body)?;
    assert_eq!(queue.as_array().map(Vec::len), Some(0), "{queue}");
    Ok(())
}
db_test!(bad_input_is_refused_field_by_field_and_nothing_is_stored);

async fn the_unit_never_receives_a_confidential_identity(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut client = TestApp::new(&db);
    let (status, receipt) = file(&mut client, &complaint("rahasia")).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");

    let mut admin = TestApp::new(&db);
    admin.login("admin").await;
    let queue: Value = serde_json::from_str(&admin.get("/api/v1/complaints").await.body)?;
    let id = queue[0]["id"].as_str().unwrap_or_default().to_owned();
    assert_eq!(queue[0]["reporter_name"], "Rina Wulandari", "{queue}");
    let verified =
        admin.post(&format!("/pengaduan/{id}/langkah"), &[("aksi", "verifikasi"), ("unit", "DPMPTSP")]).await;
    assert_eq!(verified.status, StatusCode::SEE_OTHER, "{}", verified.body);

    let mut operator = TestApp::new(&db);
    operator.login("operator.dpmptsp").await;
    for path in ["/api/v1/complaints".to_owned(), format!("/api/v1/complaints/{id}")] {
        let response = operator.get(&path).await;
        assert_eq!(response.status, StatusCode::OK, "{path}: {}", response.body);
        assert!(!response.body.contains("Rina") && !response.body.contains("3456"), "{path}: {}", response.body);
        assert!(response.body.contains("\"identity_hidden\":true"), "{path}");
    }
    let mut stranger = TestApp::new(&db);
    stranger.login("bkpsdm").await;
    assert_eq!(stranger.get(&format!("/api/v1/complaints/{id}")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(TestApp::new(&db).get("/api/v1/complaints").await.status, StatusCode::UNAUTHORIZED);

    let (_, anonymous) = file(&mut client, &complaint("anonim")).await;
    let number = anonymous["number"].as_str().unwrap_or_default();
    let queue: Value = serde_json::from_str(&admin.get("/api/v1/complaints").await.body)?;
    let stored = queue.as_array().into_iter().flatten().find(|it| it["number"] == number).cloned().unwrap_or_default();
    assert!(stored["reporter_name"].is_null() && stored["reporter_contact"].is_null(), "{stored}");
    Ok(())
}
db_test!(the_unit_never_receives_a_confidential_identity);
