//! The two wire formats of GeoReport v2: one JSON value per answer, written as JSON or as the spec's XML, where a
//! list becomes a container element holding one element per entry (`<services><service>…`). Errors use the
//! spec's own shape: a list of `{code, description}`.

use std::io::Cursor;

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use serde_json::Value;

/// The format named by the path's extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `.json`
    Json,
    /// `.xml`
    Xml,
}

/// Splits `requests.json` into `requests` and the format; `None` for any other extension.
pub fn split(file: &str) -> Option<(&str, Format)> {
    let (name, ext) = file.rsplit_once('.')?;
    let format = match ext.to_ascii_lowercase().as_str() {
        "json" => Format::Json,
        "xml" => Format::Xml,
        _ => return None,
    };
    Some((name, format))
}

/// The format an error on this path is written in: the path's extension, JSON when it has none.
pub fn of_path(path: &str) -> Format {
    path.rsplit('/').next().and_then(split).map_or(Format::Json, |(_, format)| format)
}

/// The element name of one entry of a list under `container`.
fn entry_name(container: &str) -> &str {
    match container {
        "services" => "service",
        "service_requests" => "request",
        "errors" => "error",
        "attributes" => "attribute",
        "values" => "value",
        "endpoints" => "endpoint",
        "formats" => "format",
        _ => "item",
    }
}

fn write_value(writer: &mut Writer<Cursor<Vec<u8>>>, name: &str, value: &Value) -> std::io::Result<()> {
    writer.write_event(Event::Start(BytesStart::new(name)))?;
    match value {
        Value::Null => {}
        Value::Array(entries) => {
            for entry in entries {
                write_value(writer, entry_name(name), entry)?;
            }
        }
        Value::Object(fields) => {
            for (key, field) in fields {
                write_value(writer, key, field)?;
            }
        }
        Value::String(text) => writer.write_event(Event::Text(BytesText::new(text)))?,
        other => writer.write_event(Event::Text(BytesText::new(&other.to_string())))?,
    }
    writer.write_event(Event::End(BytesEnd::new(name)))
}

/// The XML document of a value under the root element `root`.
pub fn to_xml(root: &str, value: &Value) -> String {
    let mut writer = Writer::new(Cursor::new(Vec::new()));
    let written = writer
        .write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)))
        .and_then(|()| write_value(&mut writer, root, value));
    match written {
        Ok(()) => String::from_utf8(writer.into_inner().into_inner()).unwrap_or_default(),
        Err(_) => String::new(),
    }
}

/// An answer in the requested format; `root` names the XML root element.
pub fn respond(format: Format, status: StatusCode, root: &str, value: &Value) -> Response {
    match format {
        Format::Json => (status, [(header::CONTENT_TYPE, "application/json; charset=utf-8")], value.to_string()),
        Format::Xml => (status, [(header::CONTENT_TYPE, "text/xml; charset=utf-8")], to_xml(root, value)),
    }
    .into_response()
}

/// An error in the spec's shape: `[{"code": 404, "description": "…"}]`.
pub fn error(format: Format, status: StatusCode, descriptions: &[String]) -> Response {
    let errors: Vec<Value> =
        descriptions.iter().map(|it| serde_json::json!({ "code": status.as_u16(), "description": it })).collect();
    respond(format, status, "errors", &Value::Array(errors))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_become_containers_of_named_entries_and_text_is_escaped() {
        let value = serde_json::json!([{ "service_code": "a&b", "keywords": "x,y" }]);
        let xml = to_xml("services", &value);
        assert_eq!(
            xml,
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><services><service><keywords>x,y</keywords>\
             <service_code>a&amp;b</service_code></service></services>"
        );
    }

    #[test]
    fn the_extension_picks_the_format() {
        assert_eq!(split("requests.json"), Some(("requests", Format::Json)));
        assert_eq!(split("ADU-2026-000001.xml"), Some(("ADU-2026-000001", Format::Xml)));
        assert_eq!(split("requests"), None);
        assert_eq!(split("requests.html"), None);
        assert_eq!(of_path("/open311/v2/services/x.xml"), Format::Xml);
    }
}
