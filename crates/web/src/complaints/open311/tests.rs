//! GeoReport v2 on both engines: discovery and services in JSON and XML, POST with and without a key, the request
//! read back by number and token, the public list after verification, and errors in the spec's shape. No GET
//! carries the reporter's identity.

use axum::http::StatusCode;
use serde_json::Value;
use testkit::{TestDb, db_test};

use crate::testing::{TestApp, demo_db};

async fn new_key(db: &TestDb) -> anyhow::Result<String> {
    let tenant = domain::ids::TenantId::new(store::demo::DEMO_TENANT);
    let cx = store::ActionCx {
        db,
        tenant: &tenant,
        actor: store::Actor::System("test"),
        now: testkit::now(),
        ids: &crate::RandomIds,
    };
    Ok(store::complaints::keys::create_open311_key(&cx, "Aplikasi Warga").await?)
}

fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or(Value::Null)
}

const REQUEST: &str = "service_code=kependudukan&lat=-6.2884&long=106.7179&first_name=Agus&last_name=Prasetyo\
    &phone=081299887766&description=Mesin+antrean+kantor+Dukcapil+rusak+sejak+Senin%2C+warga+menunggu+tanpa+nomor.\
    &attribute%5Bunit%5D=DISDUKCAPIL";

async fn services_and_discovery_answer_in_both_formats(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut client = TestApp::new(&db);
    let services = client.get("/open311/v2/services.json").await;
    assert_eq!(services.status, StatusCode::OK);
    let list = json(&services.body);
    assert!(list.as_array().is_some_and(|it| it.iter().any(|s| s["service_code"] == "kesehatan")), "{list}");
    let xml = client.get("/open311/v2/services.xml").await;
    assert!(xml.body.contains("<services><service>") && xml.headers["content-type"].to_str()?.starts_with("text/xml"));
    let definition = json(&client.get("/open311/v2/services/kesehatan.json").await.body);
    let codes: Vec<&str> =
        definition["attributes"].as_array().into_iter().flatten().filter_map(|it| it["code"].as_str()).collect();
    assert_eq!(codes, ["kind", "confidentiality", "unit", "title"]);
    let unknown = client.get("/open311/v2/services/parkir_liar.xml").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert!(unknown.body.contains("<errors><error><code>404</code>"), "{}", unknown.body);
    let discovery = json(&client.get("/open311/v2/discovery.json").await.body);
    assert_eq!(discovery["endpoints"][0]["specification"], "http://wiki.open311.org/GeoReport_v2");
    assert_eq!(client.get("/open311/v2/services.html").await.status, StatusCode::NOT_FOUND);
    Ok(())
}
db_test!(services_and_discovery_answer_in_both_formats);

async fn a_keyed_client_files_and_reads_back_without_identity(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let key = new_key(&db).await?;
    let mut client = TestApp::new(&db);
    let form = "application/x-www-form-urlencoded";
    let missing = client.post_bare("/open311/v2/requests.json", form, REQUEST.to_owned()).await;
    assert_eq!(missing.status, StatusCode::BAD_REQUEST);
    assert_eq!(json(&missing.body)[0]["code"], 400, "{}", missing.body);
    let forged = client.post_bare("/open311/v2/requests.json", form, format!("{REQUEST}&api_key=p311_salah")).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let short = format!("api_key={key}&service_code=kesehatan&address_string=Puskesmas&description=pendek");
    let refused = client.post_bare("/open311/v2/requests.json", form, short).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert!(
        json(&refused.body)[0]["description"].as_str().is_some_and(|it| it.starts_with("description:")),
        "{}",
        refused.body
    );

    let filed = client.post_bare("/open311/v2/requests.xml", form, format!("{REQUEST}&api_key={key}")).await;
    assert_eq!(filed.status, StatusCode::CREATED, "{}", filed.body);
    let number =
        filed.body.split("<service_request_id>").nth(1).and_then(|it| it.split('<').next()).unwrap_or_default();
    let token = filed.body.split("<token>").nth(1).and_then(|it| it.split('<').next()).unwrap_or_default();
    assert!(number.starts_with("ADU-2026-"), "{}", filed.body);

    // Not yet verified, so not public: the filing client reads it back with its key; anyone else finds nothing.
    let unkeyed = client.get(&format!("/open311/v2/requests/{number}.json")).await;
    let unknown = client.get("/open311/v2/requests/ADU-2026-999998.json").await;
    assert_eq!((unkeyed.status, unkeyed.body.as_str()), (StatusCode::NOT_FOUND, unknown.body.as_str()));
    let one = client.get(&format!("/open311/v2/requests/{number}.json?api_key={key}")).await;
    let request = &json(&one.body)[0];
    assert_eq!((request["status"].as_str(), request["description"].is_null()), (Some("open"), true), "{request}");
    assert!(request["expected_datetime"].as_str().is_some_and(|it| it.ends_with("+07:00")), "{request}");
    let by_token = json(&client.get(&format!("/open311/v2/tokens/{token}.json")).await.body);
    assert_eq!(by_token[0]["service_request_id"], number);
    assert_eq!(json(&client.get("/open311/v2/requests.json").await.body), Value::Array(Vec::new()));

    let mut admin = TestApp::new(&db);
    admin.login("admin").await;
    let step =
        admin.post(&format!("/pengaduan/{token}/langkah"), &[("aksi", "verifikasi"), ("unit", "DISDUKCAPIL")]).await;
    assert_eq!(step.status, StatusCode::SEE_OTHER, "{}", step.body);
    for path in
        ["/open311/v2/requests.json?status=open&service_code=kependudukan,kesehatan", "/open311/v2/requests.xml"]
    {
        let listed = client.get(path).await;
        assert!(listed.body.contains("Mesin antrean") && listed.body.contains(number), "{path}: {}", listed.body);
        assert!(!listed.body.contains("Agus") && !listed.body.contains("081299887766"), "{path}: {}", listed.body);
    }
    let closed_only = json(&client.get("/open311/v2/requests.json?status=closed").await.body);
    assert_eq!(closed_only, Value::Array(Vec::new()));
    let too_long =
        client.get("/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-12-01T00:00:00Z").await;
    assert_eq!(too_long.status, StatusCode::BAD_REQUEST);
    assert_eq!(client.get("/open311/v2/requests/ADU-2026-999999.json").await.status, StatusCode::NOT_FOUND);
    Ok(())
}
db_test!(a_keyed_client_files_and_reads_back_without_identity);

async fn a_confidential_request_is_not_found_without_a_key(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let key = new_key(&db).await?;
    let mut client = TestApp::new(&db);
    let form = "application/x-www-form-urlencoded";
    let secret = format!("{REQUEST}&attribute%5Bconfidentiality%5D=rahasia&api_key={key}");
    let filed = client.post_bare("/open311/v2/requests.json", form, secret).await;
    assert_eq!(filed.status, StatusCode::CREATED, "{}", filed.body);
    let number = json(&filed.body)[0]["service_request_id"].as_str().unwrap_or_default().to_owned();
    let token = json(&filed.body)[0]["token"].as_str().unwrap_or_default().to_owned();
    let mut admin = TestApp::new(&db);
    admin.login("admin").await;
    let step =
        admin.post(&format!("/pengaduan/{token}/langkah"), &[("aksi", "verifikasi"), ("unit", "DISDUKCAPIL")]).await;
    assert_eq!(step.status, StatusCode::SEE_OTHER, "{}", step.body);
    let mut outsider = TestApp::new(&db);
    for format in ["json", "xml"] {
        let probed = outsider.get(&format!("/open311/v2/requests/{number}.{format}")).await;
        let unknown = outsider.get(&format!("/open311/v2/requests/ADU-2026-999999.{format}")).await;
        assert_eq!(probed.status, StatusCode::NOT_FOUND, "{format}");
        assert_eq!(probed.body, unknown.body, "{format}: a confidential request looks like no request");
    }
    for path in
        ["/open311/v2/requests.json".to_owned(), format!("/open311/v2/requests.json?service_request_id={number}")]
    {
        let listed = outsider.get(&path).await;
        assert!(!listed.body.contains(&number), "{path}: {}", listed.body);
    }
    let by_id = format!("/open311/v2/requests.json?service_request_id={number}&api_key={key}");
    assert!(outsider.get(&by_id).await.body.contains(&number), "a keyed client finds it by number");
    let keyed = outsider.get_with(&format!("/open311/v2/requests/{number}.json"), &[("x-api-key", &key)]).await;
    assert_eq!(keyed.status, StatusCode::OK);
    assert!(json(&keyed.body)[0]["description"].is_null(), "status only: {}", keyed.body);
    Ok(())
}
db_test!(a_confidential_request_is_not_found_without_a_key);

async fn an_integrator_has_its_own_quota_and_staff_theirs(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let key = new_key(&db).await?;
    let config = crate::WebConfig { public_rate_per_minute: 3, ..crate::WebConfig::for_tests() };
    let mut relay = TestApp::with_config(&db, config.clone());
    let form = "application/x-www-form-urlencoded";
    for n in 0..8 {
        let filed = relay
            .post_bare("/open311/v2/requests.json", form, format!("first_name=Warga{n}&{REQUEST}&api_key={key}"))
            .await;
        assert_eq!(filed.status, StatusCode::CREATED, "post {n} from the relay's one address: {}", filed.body);
    }
    let mut citizen = TestApp::with_config(&db, config.clone());
    let statuses: Vec<u16> = {
        let mut out = Vec::new();
        for _ in 0..4 {
            let track = citizen.post_bare("/api/v1/complaints/track", "application/json", "{}".to_owned()).await;
            out.push(track.status.as_u16());
        }
        out
    };
    assert_eq!(statuses.last(), Some(&429), "a citizen without a key keeps the public quota: {statuses:?}");
    // Two staff members behind the office's one address: each has their own quota.
    for user in ["inspektur", "bkpsdm"] {
        let mut staff = TestApp::with_config(&db, config.clone());
        staff.login(user).await;
        for _ in 0..3 {
            let posted = staff.post("/bahasa/id", &[]).await;
            assert_ne!(posted.status, StatusCode::TOO_MANY_REQUESTS, "{user}");
        }
    }
    Ok(())
}
db_test!(an_integrator_has_its_own_quota_and_staff_theirs);
