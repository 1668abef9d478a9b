//! Discovery, the service list and service definitions. Every complaint category is a service; its definition
//! offers the attributes Pantau understands beyond the spec's fields (kind, confidentiality, unit, title).

use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::complaints::{Confidentiality, Kind, categories, find_category};
use serde_json::{Value, json};

use super::format::{Format, error, respond};
use crate::App;
use crate::complaints::views::category_label;
use crate::error::WebError;
use crate::i18n::Lang;
use crate::tenant::Tenant;

/// The date of the last change of this interface, as discovery reports it.
const CHANGESET: &str = "2026-11-23T00:00:00Z";

fn base_url(app: &App, headers: &HeaderMap) -> String {
    let base = app.config().public_url.clone().unwrap_or_else(|| {
        let host = headers.get(axum::http::header::HOST).and_then(|it| it.to_str().ok()).unwrap_or("localhost");
        format!("http://{host}")
    });
    format!("{}/open311/v2/", base.trim_end_matches('/'))
}

/// `GET /open311/v2/discovery.{format}`.
pub fn discovery(app: &App, headers: &HeaderMap, tenant: &Tenant, format: Format) -> Response {
    let value = json!({
        "changeset": CHANGESET,
        "contact": format!("{} — /lapor", tenant.0.name),
        "key_service": "pantau open311 key create --name NAME (run by the Pemda's administrator)",
        "endpoints": [{
            "specification": "http://wiki.open311.org/GeoReport_v2",
            "url": base_url(app, headers),
            "changeset": CHANGESET,
            "type": "production",
            "formats": ["text/xml", "application/json"],
        }],
    });
    respond(format, StatusCode::OK, "discovery", &value)
}

/// `GET /open311/v2/services.{format}`.
pub fn list(lang: Lang, format: Format) -> Response {
    let services: Vec<Value> = categories()
        .iter()
        .map(|category| {
            json!({
                "service_code": category.code,
                "service_name": category_label(lang, &category.code),
                "description": category_label(lang, &category.code),
                "metadata": true,
                "type": "realtime",
                "keywords": category.keywords.join(","),
                "group": lang.t("complaints.open311.group"),
            })
        })
        .collect();
    respond(format, StatusCode::OK, "services", &Value::Array(services))
}

fn value_list(entries: impl Iterator<Item = (String, String)>) -> Value {
    Value::Array(entries.map(|(key, name)| json!({ "key": key, "name": name })).collect())
}

fn attribute(lang: Lang, code: &str, order: u32, values: Option<Value>) -> Value {
    let datatype = if values.is_some() { "singlevaluelist" } else { "string" };
    let mut attribute = json!({
        "variable": true,
        "code": code,
        "datatype": datatype,
        "required": false,
        "datatype_description": lang.t(&format!("complaints.open311.attribute_format.{code}")),
        "order": order,
        "description": lang.t(&format!("complaints.open311.attribute.{code}")),
    });
    if let Some(values) = values {
        attribute["values"] = values;
    }
    attribute
}

/// `GET /open311/v2/services/{service_code}.{format}`.
pub async fn definition(
    app: &App,
    (tenant, lang): (&Tenant, Lang),
    code: &str,
    format: Format,
) -> Result<Response, WebError> {
    if find_category(code).is_none() {
        return Ok(error(format, StatusCode::NOT_FOUND, &[lang.t("complaints.open311.no_service").to_owned()]));
    }
    let mut conn = app.db().conn().await?;
    let units = store::org::queries::list_units(&mut conn, &tenant.0.id).await?;
    let label = |group: &str, code: &str| lang.t(&format!("complaints.{group}.{code}")).to_owned();
    let kinds =
        Kind::ALL.iter().filter(|it| **it != Kind::SuratMasuk).map(|it| (it.code().into(), label("kinds", it.code())));
    let secrecy = Confidentiality::ALL.iter().map(|it| (it.code().into(), label("confidentiality", it.code())));
    let unit_values =
        units.iter().filter(|it| it.draft.is_active).map(|it| (it.draft.code.clone(), it.draft.name.clone()));
    let value = json!({
        "service_code": code,
        "attributes": [
            attribute(lang, "kind", 1, Some(value_list(kinds))),
            attribute(lang, "confidentiality", 2, Some(value_list(secrecy))),
            attribute(lang, "unit", 3, Some(value_list(unit_values))),
            attribute(lang, "title", 4, None),
        ],
    });
    Ok(respond(format, StatusCode::OK, "service_definition", &value))
}
