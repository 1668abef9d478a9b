//! Reading requests: the list with the spec's filters and defaults (the last 90 days, at most 1000 requests, plus
//! `page`/`page_size`), one request by number, and token lookup. No GET ever carries the reporter's identity; an
//! item that is not publicly listed (not yet verified, confidential) shows its status without its text or place.

use axum::http::StatusCode;
use axum::response::Response;
use domain::complaints::{Kind, State};
use jiff::{Timestamp, ToSpan};
use serde::Deserialize;
use serde_json::{Value, json};
use store::complaints::Item;
use store::complaints::queries::{self, ItemFilter};

use super::format::{Format, error, respond};
use crate::App;
use crate::complaints::views::category_label;
use crate::error::WebError;
use crate::i18n::Lang;
use crate::tenant::Tenant;
use crate::view::format::rfc3339;

/// The spec's default window and the longest one it allows.
const WINDOW_DAYS: i64 = 90;
/// The spec's default and largest number of requests in one answer.
const MAX_REQUESTS: i64 = 1000;

/// Query of `GET requests`.
#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    service_request_id: String,
    #[serde(default)]
    service_code: String,
    #[serde(default)]
    start_date: String,
    #[serde(default)]
    end_date: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    page: Option<String>,
    #[serde(default)]
    page_size: Option<String>,
    /// An integrator's key, which lets numbered requests that are not public show their status.
    #[serde(default)]
    pub api_key: Option<String>,
}

fn listed_publicly(item: &Item) -> bool {
    item.verified_at_ms.is_some()
        && item.confidentiality != domain::complaints::Confidentiality::Confidential
        && item.kind != Kind::SuratMasuk
}

/// One request as the spec shows it.
fn request_json(lang: Lang, tenant: &Tenant, units: &[domain::org::Unit], item: &Item) -> Value {
    let public = listed_publicly(item);
    let unit = item.unit_id.as_ref().and_then(|id| units.iter().find(|it| &it.id == id));
    let zone = unit.map_or(tenant.0.zone, |it| it.draft.zone);
    let closed = item.state == State::Closed;
    let mut notes = lang.t(&format!("complaints.states.{}", item.state.code())).to_owned();
    if let Some(outcome) = item.outcome {
        notes = format!("{notes}: {}", lang.t(&format!("complaints.outcomes.{}", outcome.code())));
        if let Some(note) = item.outcome_note.as_deref().filter(|_| public) {
            notes = format!("{notes} — {note}");
        }
    }
    json!({
        "service_request_id": item.number,
        "status": if closed { "closed" } else { "open" },
        "status_notes": notes,
        "service_name": category_label(lang, &item.category),
        "service_code": item.category,
        "description": public.then(|| item.body.clone()),
        "agency_responsible": unit.filter(|_| public).map(|it| it.draft.name.clone()),
        "service_notice": null,
        "requested_datetime": rfc3339(item.received_at_ms, zone),
        "updated_datetime": rfc3339(item.updated_at_ms, zone),
        "expected_datetime": item.deadline.filter(|_| !closed).map(|it| rfc3339(it.ends_at_ms, zone)),
        "address": item.location_text.clone().filter(|_| public),
        "address_id": null,
        "zipcode": null,
        "lat": item.point.filter(|_| public).map(|it| it.0),
        "long": item.point.filter(|_| public).map(|it| it.1),
        "media_url": null,
    })
}

fn parse_instant(raw: &str) -> Option<Result<Timestamp, ()>> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    Some(raw.parse::<Timestamp>().map_err(|_| ()))
}

/// The `[from, to)` window in epoch ms, or the message of what is wrong with it.
fn window(query: &ListQuery, now: Timestamp) -> Result<(i64, i64), &'static str> {
    // Timestamps take no calendar units, so the window is counted in hours.
    let span = (WINDOW_DAYS * 24).hours();
    let start = parse_instant(&query.start_date).transpose().map_err(|()| "complaints.open311.bad_date")?;
    let end = parse_instant(&query.end_date).transpose().map_err(|()| "complaints.open311.bad_date")?;
    let (from, to) = match (start, end) {
        (Some(from), Some(to)) => (from, to),
        (Some(from), None) => (from, from.checked_add(span).unwrap_or(now)),
        (None, Some(to)) => (to.checked_sub(span).unwrap_or(to), to),
        (None, None) => (now.checked_sub(span).unwrap_or(now), now),
    };
    if from > to {
        return Err("complaints.open311.bad_range");
    }
    if to.duration_since(from).as_secs() > WINDOW_DAYS * 86_400 {
        return Err("complaints.open311.range_too_long");
    }
    Ok((from.as_millisecond(), to.as_millisecond() + 1))
}

fn list_of(raw: &str) -> Vec<String> {
    raw.split(',').map(str::trim).filter(|it| !it.is_empty()).map(str::to_owned).collect()
}

/// The filter of a list query, or the translation key of what is wrong.
fn filter_of(query: &ListQuery, now: Timestamp) -> Result<ItemFilter, &'static str> {
    let number = |raw: &Option<String>, default: i64| match raw.as_deref().map(str::trim).filter(|it| !it.is_empty()) {
        None => Ok(default),
        Some(text) => text.parse::<i64>().map_err(|_| "complaints.open311.bad_page"),
    };
    let page = number(&query.page, 1)?;
    let page_size = number(&query.page_size, MAX_REQUESTS)?;
    if page < 1 || !(1..=MAX_REQUESTS).contains(&page_size) {
        return Err("complaints.open311.bad_page");
    }
    let numbers = list_of(&query.service_request_id);
    if !numbers.is_empty() {
        // The spec: with service_request_id every other parameter is ignored. Which requests exist is not public, so
        // without a key only the publicly listed ones answer (the caller widens this for a keyed client).
        return Ok(ItemFilter { numbers, limit: MAX_REQUESTS, public_only: true, ..ItemFilter::default() });
    }
    let statuses = list_of(&query.status);
    if statuses.iter().any(|it| it != "open" && it != "closed") {
        return Err("complaints.open311.bad_status");
    }
    let only = |wanted: &str| statuses.len() == 1 && statuses[0] == wanted;
    Ok(ItemFilter {
        categories: list_of(&query.service_code),
        open_only: only("open"),
        closed_only: only("closed"),
        public_only: true,
        received_between: Some(window(query, now)?),
        offset: (page - 1) * page_size,
        limit: page_size,
        ..ItemFilter::default()
    })
}

/// `GET /open311/v2/requests.{format}`.
pub async fn list(
    app: &App,
    (tenant, lang): (&Tenant, Lang),
    (query, keyed): (&ListQuery, bool),
    format: Format,
) -> Result<Response, WebError> {
    let mut filter = match filter_of(query, app.now()) {
        Ok(filter) => filter,
        Err(key) => return Ok(error(format, StatusCode::BAD_REQUEST, &[lang.t(key).to_owned()])),
    };
    if keyed && !filter.numbers.is_empty() {
        filter.public_only = false;
    }
    let mut conn = app.db().conn().await?;
    let items = queries::list_items(&mut conn, &tenant.0.id, &filter).await?;
    let units = store::org::queries::list_units(&mut conn, &tenant.0.id).await?;
    let requests = items
        .iter()
        .filter(|it| it.kind != Kind::SuratMasuk)
        .map(|it| request_json(lang, tenant, &units, it))
        .collect();
    Ok(respond(format, StatusCode::OK, "service_requests", &Value::Array(requests)))
}

/// `GET /open311/v2/requests/{id}.{format}`: one request by its number. An item that is not publicly listed
/// (not yet verified, confidential) answers as not found unless the client shows a valid API key: numbers run in
/// order, so anyone could otherwise learn that a confidential report exists, when it came and how it stands.
pub async fn one(
    app: &App,
    (tenant, lang): (&Tenant, Lang),
    (id, keyed): (&str, bool),
    format: Format,
) -> Result<Response, WebError> {
    let mut conn = app.db().conn().await?;
    let number = domain::complaints::tracking::normalise_number(id).unwrap_or_else(|| id.to_owned());
    let item = queries::find_by_number(&mut conn, &tenant.0.id, &number).await?.map(|it| it.0);
    let Some(item) = item.filter(|it| it.kind != Kind::SuratMasuk && (keyed || listed_publicly(it))) else {
        return Ok(error(format, StatusCode::NOT_FOUND, &[lang.t("complaints.open311.no_request").to_owned()]));
    };
    let units = store::org::queries::list_units(&mut conn, &tenant.0.id).await?;
    Ok(respond(format, StatusCode::OK, "service_requests", &json!([request_json(lang, tenant, &units, &item)])))
}

/// `GET /open311/v2/tokens/{token}.{format}`: the number behind a token (Pantau numbers at once, so every token
/// already has one).
pub async fn token(
    app: &App,
    (tenant, lang): (&Tenant, Lang),
    token: &str,
    format: Format,
) -> Result<Response, WebError> {
    let mut conn = app.db().conn().await?;
    let found = match queries::load_item(&mut conn, &tenant.0.id, token).await {
        Ok(item) => Some(item).filter(|it| it.kind != Kind::SuratMasuk),
        Err(store::StoreError::NotFound) => None,
        Err(err) => return Err(err.into()),
    };
    let Some(item) = found else {
        return Ok(error(format, StatusCode::NOT_FOUND, &[lang.t("complaints.open311.no_token").to_owned()]));
    };
    let answer = json!([{ "service_request_id": item.number, "token": item.id }]);
    Ok(respond(format, StatusCode::OK, "service_requests", &answer))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Timestamp {
        text.parse().expect("instant")
    }

    #[test]
    fn the_window_defaults_to_the_last_90_days_and_refuses_longer_ones() {
        let now = at("2026-11-23T03:00:00Z");
        let (from, to) = window(&ListQuery::default(), now).expect("default");
        assert_eq!((to - 1 - from) / 86_400_000, 90);
        let long = ListQuery {
            start_date: "2026-01-01T00:00:00Z".into(),
            end_date: "2026-06-01T00:00:00Z".into(),
            ..ListQuery::default()
        };
        assert_eq!(window(&long, now), Err("complaints.open311.range_too_long"));
        let only_start = ListQuery { start_date: "2026-10-01T00:00:00+07:00".into(), ..ListQuery::default() };
        let (from, to) = window(&only_start, now).expect("start only");
        assert_eq!((to - 1 - from) / 86_400_000, 90);
    }

    #[test]
    fn paging_and_status_are_checked_and_ids_override_the_rest() {
        let now = at("2026-11-23T03:00:00Z");
        let paged = ListQuery { page: Some("3".into()), page_size: Some("50".into()), ..ListQuery::default() };
        let filter = filter_of(&paged, now).expect("paged");
        assert_eq!((filter.offset, filter.limit, filter.public_only), (100, 50, true));
        let too_big = ListQuery { page_size: Some("1001".into()), ..ListQuery::default() };
        assert_eq!(filter_of(&too_big, now).err(), Some("complaints.open311.bad_page"));
        let bad_status = ListQuery { status: "pending".into(), ..ListQuery::default() };
        assert_eq!(filter_of(&bad_status, now).err(), Some("complaints.open311.bad_status"));
        let ids = ListQuery {
            service_request_id: "ADU-2026-000001, ADU-2026-000002".into(),
            status: "x".into(),
            ..ListQuery::default()
        };
        assert_eq!(filter_of(&ids, now).expect("ids").numbers.len(), 2);
    }
}
