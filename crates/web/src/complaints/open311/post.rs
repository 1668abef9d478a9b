//! `POST /open311/v2/requests.{format}`: a client holding an API key files an item for a citizen. The item goes
//! through the same checks, storage and receipt as the web form; the answer carries the tracking number at once.

use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::complaints::intake::{RawItem, Source};
use domain::complaints::{Channel, find_category};
use domain::problems::FieldProblem;
use serde_json::json;
use store::StoreError;
use store::complaints::intake::Submission;

use super::format::{Format, error, respond};
use crate::App;
use crate::error::WebError;
use crate::i18n::Lang;
use crate::tenant::Tenant;

/// Longest title taken from the description when the client sends none.
const TITLE_FROM_TEXT: usize = 100;

/// The fields of the request, by name (`attribute[kind]` included as is).
pub struct Fields(Vec<(String, String)>);

impl Fields {
    /// Parses a form-encoded body.
    pub fn parse(body: &[u8]) -> Fields {
        Fields(serde_urlencoded::from_bytes(body).unwrap_or_default())
    }

    fn get(&self, name: &str) -> &str {
        self.0.iter().find(|(key, _)| key == name).map_or("", |(_, value)| value.trim())
    }

    fn attribute(&self, code: &str) -> &str {
        self.get(&format!("attribute[{code}]"))
    }
}

/// A title from the first sentence of the text, cut at a word.
fn title_from(text: &str) -> String {
    let sentence = text.split(['.', '!', '?', '\n']).find(|it| !it.trim().is_empty()).unwrap_or("").trim();
    if sentence.chars().count() <= TITLE_FROM_TEXT {
        return sentence.to_owned();
    }
    let cut: String = sentence.chars().take(TITLE_FROM_TEXT).collect();
    let at_word = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{at_word}…")
}

/// Whether a `media_url` is absent or a plain web address: `javascript:`, `data:` and the like would become a link
/// in the item's text that runs when staff follow it.
fn is_media_address(text: &str) -> bool {
    text.is_empty()
        || (text.len() <= 2000
            && reqwest::Url::parse(text).is_ok_and(|url| matches!(url.scheme(), "http" | "https") && url.has_host())
            && !text.contains(char::is_whitespace))
}

/// The item's fields from the spec's parameters.
fn raw_item(fields: &Fields) -> RawItem {
    let description = fields.get("description");
    let media = fields.get("media_url");
    let body = if media.is_empty() { description.to_owned() } else { format!("{description}\n\nMedia: {media}") };
    let name = format!("{} {}", fields.get("first_name"), fields.get("last_name")).trim().to_owned();
    let contact = [fields.get("email"), fields.get("phone")].into_iter().find(|it| !it.is_empty()).unwrap_or("");
    let title = Some(fields.attribute("title"))
        .filter(|it| !it.is_empty())
        .map_or_else(|| title_from(description), str::to_owned);
    RawItem {
        kind: Some(fields.attribute("kind")).filter(|it| !it.is_empty()).unwrap_or("pengaduan").to_owned(),
        category: fields.get("service_code").to_owned(),
        unit: fields.attribute("unit").to_owned(),
        title,
        body,
        location: fields.get("address_string").to_owned(),
        latitude: fields.get("lat").to_owned(),
        longitude: fields.get("long").to_owned(),
        confidentiality: Some(fields.attribute("confidentiality"))
            .filter(|it| !it.is_empty())
            .unwrap_or("publik")
            .to_owned(),
        name,
        contact: contact.to_owned(),
        ..RawItem::default()
    }
}

/// The spec's name of a Pantau field, so a client knows which parameter to fix.
fn parameter_of(field: &str) -> String {
    match field {
        "title" | "body" => "description".to_owned(),
        "category" => "service_code".to_owned(),
        "latitude" => "lat".to_owned(),
        "longitude" => "long".to_owned(),
        "location" => "address_string".to_owned(),
        "name" => "first_name".to_owned(),
        "contact" => "email".to_owned(),
        other => format!("attribute[{other}]"),
    }
}

fn field_messages(lang: Lang, problems: &[FieldProblem]) -> Vec<String> {
    problems
        .iter()
        .map(|it| format!("{}: {}", parameter_of(it.field), crate::forms::message(lang, &it.problem)))
        .collect()
}

/// Whether the jurisdiction names this tenant (its id, region code or host); an absent one means this tenant.
fn is_this_jurisdiction(tenant: &Tenant, given: &str) -> bool {
    let tenant = &tenant.0;
    let digits = |code: &str| code.replace('.', "");
    given.is_empty()
        || given == tenant.id.as_str()
        || digits(given) == digits(&tenant.region_code)
        || tenant.host.as_deref().is_some_and(|host| host.eq_ignore_ascii_case(given))
}

/// Files the request and answers with its number, or with every problem in the spec's error list.
pub async fn create(
    app: &App,
    (tenant, lang, headers): (&Tenant, Lang, &HeaderMap),
    (fields, ip): (Fields, String),
    format: Format,
) -> Result<Response, WebError> {
    let refuse = |status: StatusCode, key: &str| Ok(error(format, status, &[lang.t(key).to_owned()]));
    let key = fields.get("api_key");
    if key.is_empty() {
        return refuse(StatusCode::BAD_REQUEST, "complaints.open311.key_missing");
    }
    let client = {
        let mut conn = app.db().conn().await?;
        store::complaints::keys::find_open311_client(&mut conn, &tenant.0.id, key).await?
    };
    let Some(client) = client else { return refuse(StatusCode::FORBIDDEN, "complaints.open311.key_invalid") };
    if !is_this_jurisdiction(tenant, fields.get("jurisdiction_id")) {
        return refuse(StatusCode::NOT_FOUND, "complaints.open311.no_jurisdiction");
    }
    if find_category(fields.get("service_code")).is_none() {
        return refuse(StatusCode::NOT_FOUND, "complaints.open311.no_service");
    }
    if !is_media_address(fields.get("media_url")) {
        let message = format!("media_url: {}", lang.t("complaints.open311.media_url"));
        return Ok(error(format, StatusCode::BAD_REQUEST, &[message]));
    }
    let has_point = !fields.get("lat").is_empty() && !fields.get("long").is_empty();
    // GeoReport v2: a request needs lat and long, or address_string, or address_id.
    if !has_point && fields.get("address_string").is_empty() && fields.get("address_id").is_empty() {
        return refuse(StatusCode::BAD_REQUEST, "complaints.open311.location_missing");
    }
    let submission = Submission {
        raw: raw_item(&fields),
        source: Source::Citizen,
        channel: Channel::Open311,
        ip: Some(ip),
        files: Vec::new(),
        registered_by: None,
    };
    tracing::info!(client = %client, "open311 request");
    let filed = match super::super::file_detached(app, tenant, store::Actor::System("open311"), submission).await? {
        Ok(filed) => filed,
        Err(StoreError::Invalid(problems)) => {
            return Ok(error(format, StatusCode::BAD_REQUEST, &field_messages(lang, &problems)));
        }
        Err(err) => return Err(err.into()),
    };
    let due = filed.item.deadline.map(|it| crate::view::format::local_date(it.due)).unwrap_or_default();
    let notice = lang.tf("complaints.open311.notice", &[("number", &filed.item.number), ("due", &due)]);
    let answer = json!([{
        "service_request_id": filed.item.number,
        "token": filed.item.id,
        "service_notice": notice,
        "account_id": null,
        "tracking_secret": domain::complaints::tracking::display_secret(&filed.secret),
        "receipt_url": crate::complaints::public::verify_url(app, headers, &filed.receipt),
    }]);
    Ok(respond(format, StatusCode::CREATED, "service_requests", &answer))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_comes_from_the_first_sentence_cut_at_a_word() {
        assert_eq!(title_from("Lampu jalan padam. Sudah seminggu."), "Lampu jalan padam");
        let long = "kata ".repeat(40);
        let title = title_from(&long);
        assert!(title.ends_with('…') && title.chars().count() <= TITLE_FROM_TEXT + 1, "{title}");
    }

    #[test]
    fn only_web_addresses_are_taken_as_media() {
        for good in ["", "https://contoh.id/foto.jpg", "http://warga.contoh.id/a?b=1"] {
            assert!(is_media_address(good), "{good}");
        }
        for bad in ["javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "https://", "foto.jpg"] {
            assert!(!is_media_address(bad), "{bad}");
        }
    }

    #[test]
    fn attributes_and_spec_fields_map_onto_the_item() {
        let fields = Fields::parse(
            b"service_code=kesehatan&description=Antrean+panjang&first_name=Sari&last_name=Dewi&phone=0812&\
              attribute%5Bconfidentiality%5D=rahasia&lat=-6.3&long=106.7",
        );
        let raw = raw_item(&fields);
        assert_eq!(
            (raw.category.as_str(), raw.name.as_str(), raw.contact.as_str()),
            ("kesehatan", "Sari Dewi", "0812")
        );
        assert_eq!((raw.confidentiality.as_str(), raw.kind.as_str()), ("rahasia", "pengaduan"));
        assert_eq!((raw.latitude.as_str(), raw.title.as_str()), ("-6.3", "Antrean panjang"));
    }
}
