//! The OpenAPI document describes every route of the API and the error body the server really sends.

use crate::testing::TestApp;
use testkit::{TestDb, db_test};

async fn the_document_describes_routes_and_errors(db: TestDb) -> anyhow::Result<()> {
    let mut app = TestApp::new(&db);
    let response = app.get("/api/openapi.json").await;
    let document: serde_json::Value = serde_json::from_str(&response.body)?;
    for path in [
        "/api/v1/units",
        "/api/v1/calendar/add-workdays",
        "/api/v1/calendar/workdays",
        "/api/v1/calendar/holidays",
        "/api/v1/complaints",
        "/api/v1/complaints/track",
        "/api/v1/complaints/track/steps",
        "/api/v1/complaints/{id}",
        "/open311/v2/discovery.{format}",
        "/open311/v2/services.{format}",
        "/open311/v2/services/{service_code}.{format}",
        "/open311/v2/requests.{format}",
        "/open311/v2/requests/{service_request_id}.{format}",
        "/open311/v2/tokens/{token}.{format}",
    ] {
        assert!(document["paths"][path].is_object(), "{path} is documented");
    }
    let unprocessable =
        &document["paths"]["/api/v1/units"]["post"]["responses"]["422"]["content"]["application/json"]["schema"];
    assert_eq!(unprocessable["$ref"], "#/components/schemas/ProblemDocument", "{unprocessable}");
    let fields = &document["components"]["schemas"]["ProblemDocument"]["properties"];
    for field in ["status", "title", "request_id", "problems"] {
        assert!(fields[field].is_object(), "ProblemDocument.{field}");
    }
    Ok(())
}
db_test!(the_document_describes_routes_and_errors);
