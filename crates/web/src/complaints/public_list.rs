//! Public pages that need no secret: receipt verification, the published key, and the public list.

use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use domain::complaints::receipt;
use serde::{Deserialize, Serialize};
use store::complaints::keys;
use store::complaints::queries::{self, ItemFilter};

use super::views::{Choice, ItemView, ViewCx, Viewer, category_choices, unit_choices};
use crate::App;
use crate::error::WebError;
use crate::i18n::Lang;
use crate::layout::Layout;
use crate::render::render;
use crate::tenant::Tenant;

#[derive(Deserialize, Default)]
pub struct VerifyQuery {
    #[serde(default)]
    r: String,
}

/// What a verified receipt asserts, as the page shows it.
#[derive(Serialize)]
struct PayloadView {
    tenant: String,
    number: String,
    kind: String,
    received_at: String,
    unit: Option<String>,
    text_digest: String,
}

impl From<receipt::ReceiptPayload> for PayloadView {
    fn from(it: receipt::ReceiptPayload) -> PayloadView {
        PayloadView {
            tenant: it.tenant,
            number: it.number,
            kind: it.kind,
            received_at: it.received_at,
            unit: it.unit,
            text_digest: it.text_digest,
        }
    }
}

#[derive(Serialize)]
struct VerifyPage {
    #[serde(flatten)]
    layout: Layout,
    given: String,
    result: Option<&'static str>,
    payload: Option<PayloadView>,
    state: Option<String>,
    public_key: Option<String>,
}

/// `GET /verifikasi?r=…`: checks a receipt's signature and says whether the item exists and where it stands.
pub async fn verify(
    State(app): State<App>,
    tenant: Tenant,
    layout: Layout,
    Query(query): Query<VerifyQuery>,
) -> Result<Response, WebError> {
    let lang = Lang::parse(layout.lang).unwrap_or(Lang::Id);
    let mut conn = app.db().conn().await?;
    let public_key = keys::find_public_key(&mut conn, &tenant.0.id).await?;
    let given = query.r.trim().to_owned();
    let mut page = VerifyPage {
        layout,
        given: given.clone(),
        result: None,
        payload: None,
        state: None,
        public_key: public_key.clone(),
    };
    if !given.is_empty() {
        let outcome = public_key.as_deref().map(|key| receipt::verify(&given, key));
        match outcome {
            Some(Ok(payload)) if payload.tenant == tenant.0.id.as_str() => {
                let found = queries::find_by_number(&mut conn, &tenant.0.id, &payload.number).await?;
                page.state =
                    found.map(|(item, _)| lang.t(&format!("complaints.states.{}", item.state.code())).to_owned());
                page.result = Some(if page.state.is_some() { "valid" } else { "valid_missing" });
                page.payload = Some(PayloadView::from(payload));
            }
            Some(Ok(_) | Err(receipt::ReceiptError::BadSignature)) => page.result = Some("forged"),
            _ => page.result = Some("malformed"),
        }
    }
    Ok(render("complaints/verify.html", &page)?.into_response())
}

/// `GET /.well-known/pantau-receipt-key`: the tenant's receipt-signing public key, hex.
pub async fn public_key(State(app): State<App>, tenant: Tenant) -> Result<Response, WebError> {
    let cx = app.system_cx(&tenant, "public-key");
    let key = keys::ensure_public_key(&cx).await?;
    Ok(([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], format!("{key}\n")).into_response())
}

#[derive(Deserialize, Default, Serialize)]
pub struct ListQuery {
    #[serde(default)]
    unit: String,
    #[serde(default)]
    kategori: String,
    #[serde(default)]
    halaman: Option<i64>,
}

#[derive(Serialize)]
struct UnitRow {
    name: String,
    total: i64,
    open: i64,
    overdue: i64,
    closed: i64,
    on_time_pct: Option<i64>,
    mean_rating: Option<String>,
}

#[derive(Serialize)]
struct PublicListPage {
    #[serde(flatten)]
    layout: Layout,
    query: ListQuery,
    items: Vec<ItemView>,
    units: Vec<Choice>,
    categories: Vec<Choice>,
    counts: Vec<UnitRow>,
    page: i64,
    has_next: bool,
}

const PAGE_SIZE: i64 = 20;

/// `GET /pengaduan/publik`: verified, non-confidential items and their answers, without personal data; counts and
/// on-time rates per unit.
pub async fn public_list(
    State(app): State<App>,
    tenant: Tenant,
    layout: Layout,
    Query(query): Query<ListQuery>,
) -> Result<Response, WebError> {
    let lang = Lang::parse(layout.lang).unwrap_or(Lang::Id);
    let mut conn = app.db().conn().await?;
    let units = store::org::queries::list_units(&mut conn, &tenant.0.id).await?;
    let unit = units.iter().find(|it| it.draft.code == query.unit).map(|it| it.id.clone());
    let page = query.halaman.unwrap_or(1).max(1);
    let filter = ItemFilter {
        units: unit.map(|it| vec![it]),
        categories: Some(query.kategori.clone()).filter(|it| !it.is_empty()).into_iter().collect(),
        public_only: true,
        offset: (page - 1) * PAGE_SIZE,
        limit: PAGE_SIZE + 1,
        ..ItemFilter::default()
    };
    let mut items = queries::list_items(&mut conn, &tenant.0.id, &filter).await?;
    let has_next = items.len() > usize::try_from(PAGE_SIZE).unwrap_or(20);
    items.truncate(usize::try_from(PAGE_SIZE).unwrap_or(20));
    let now_ms = app.now().as_millisecond();
    let cx = ViewCx { lang, zone: tenant.0.zone, units: &units, viewer: Viewer::Public, now_ms };
    let mut views = Vec::new();
    for item in &items {
        let events = queries::list_events(&mut conn, &tenant.0.id, &item.id).await?;
        views.push(cx.item(item, &events, &[]));
    }
    let counts = queries::list_unit_counts(&mut conn, &tenant.0.id, now_ms, true).await?;
    let counts = counts
        .into_iter()
        .map(|it| UnitRow {
            name: units
                .iter()
                .find(|unit| unit.id.as_str() == it.unit_id)
                .map_or(it.unit_id.clone(), |unit| unit.draft.name.clone()),
            total: it.total,
            open: it.open,
            overdue: it.overdue,
            closed: it.closed,
            on_time_pct: (it.closed > 0).then(|| it.closed_on_time * 100 / it.closed),
            mean_rating: it.mean_rating.map(|value| format!("{value:.1}")),
        })
        .collect();
    let page = PublicListPage {
        layout,
        query,
        items: views,
        units: unit_choices(&units),
        categories: category_choices(lang),
        counts,
        page,
        has_next,
    };
    Ok(render("complaints/public_list.html", &page)?.into_response())
}
