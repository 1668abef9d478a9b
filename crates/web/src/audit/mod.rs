//! The audit trail for auditors: newest entries first, one entry with its documents, and a check of the chain.

use axum::Router;
use axum::extract::{Path, Query};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use domain::audit::{Break, Entry};
use domain::people::Permission;
use serde::{Deserialize, Serialize};

use crate::App;
use crate::error::WebError;
use crate::i18n::Lang;
use crate::layout::Layout;
use crate::render::render;
use crate::staff::Staff;
use crate::tenant::Tenant;

/// The routes of the audit trail.
pub fn routes() -> Router<App> {
    Router::new().route("/audit", get(index)).route("/audit/verifikasi", get(verify)).route("/audit/{seq}", get(show))
}

mod access;

const PAGE_SIZE: i64 = 50;

#[derive(Serialize)]
struct EntryView {
    seq: i64,
    at: String,
    actor: String,
    action: String,
    action_code: String,
    entity_type: String,
    entity_id: String,
}

async fn actor_names(app: &App, tenant: &Tenant) -> Result<Vec<(String, String)>, WebError> {
    let mut conn = app.db().conn().await?;
    let users = store::people::queries::list_users(&mut conn, &tenant.0.id).await?;
    Ok(users
        .into_iter()
        .map(|it| (format!("user:{}", it.id), format!("{} ({})", it.display_name, it.username)))
        .collect())
}

fn view(lang: Lang, tenant: &Tenant, names: &[(String, String)], entry: &Entry) -> EntryView {
    let at = jiff::Timestamp::from_millisecond(entry.at_ms)
        .map(|it| {
            format!(
                "{} {}",
                it.to_zoned(tenant.0.zone.time_zone()).strftime("%Y-%m-%d %H:%M:%S"),
                tenant.0.zone.abbreviation()
            )
        })
        .unwrap_or_default();
    let actor =
        names.iter().find(|(key, _)| *key == entry.actor).map_or_else(|| entry.actor.clone(), |(_, name)| name.clone());
    let key = format!("audit.actions.{}", entry.action.replace('.', "_"));
    let label = lang.t(&key);
    EntryView {
        seq: entry.seq,
        at,
        actor,
        action: if label == key { entry.action.clone() } else { label.to_owned() },
        action_code: entry.action.clone(),
        entity_type: entry.entity_type.clone(),
        entity_id: entry.entity_id.clone(),
    }
}

#[derive(Deserialize)]
pub struct ListQuery {
    sebelum: Option<i64>,
}

#[derive(Serialize)]
struct AuditPage {
    #[serde(flatten)]
    layout: Layout,
    entries: Vec<EntryView>,
    older: Option<i64>,
    verification: Option<VerificationView>,
}

#[derive(Serialize)]
struct VerificationView {
    ok: bool,
    message: String,
    head_hash: Option<String>,
}

/// `GET /audit`: the newest entries, 50 at a time.
pub async fn index(staff: Staff, Query(query): Query<ListQuery>) -> Result<Response, WebError> {
    staff.user.require_tenant(Permission::ViewAudit)?;
    let page = list_page(staff, query.sebelum, None).await?;
    Ok(render("audit/index.html", &page)?.into_response())
}

async fn list_page(
    staff: Staff,
    before: Option<i64>,
    verification: Option<VerificationView>,
) -> Result<AuditPage, WebError> {
    let Staff { app, tenant, lang, layout, .. } = staff;
    let names = actor_names(&app, &tenant).await?;
    let mut conn = app.db().conn().await?;
    let entries =
        store::audit::queries::list_entries_before(&mut conn, &tenant.0.id, before.unwrap_or(i64::MAX), PAGE_SIZE)
            .await?;
    let older = entries.last().map(|it| it.seq).filter(|seq| *seq > 1 && entries.len() as i64 == PAGE_SIZE);
    let entries = entries.iter().map(|it| view(lang, &tenant, &names, it)).collect();
    Ok(AuditPage { layout, entries, older, verification })
}

/// The sentence that describes where a chain breaks.
pub fn break_message(lang: Lang, at: &Break) -> String {
    match at {
        Break::Edited { seq } => lang.tf("audit.verify.edited", &[("seq", &seq.to_string())]),
        Break::Missing { from_seq, found_seq } => {
            lang.tf("audit.verify.missing", &[("from", &from_seq.to_string()), ("found", &found_seq.to_string())])
        }
        Break::Unlinked { seq } => lang.tf("audit.verify.unlinked", &[("seq", &seq.to_string())]),
        Break::Truncated { last_seq, head_seq } => {
            lang.tf("audit.verify.truncated", &[("last", &last_seq.to_string()), ("head", &head_seq.to_string())])
        }
    }
}

/// `GET /audit/verifikasi`: checks this tenant's whole chain and shows where it breaks, if it does.
pub async fn verify(staff: Staff) -> Result<Response, WebError> {
    staff.user.require_tenant(Permission::ViewAudit)?;
    let lang = staff.lang;
    let reports = store::audit::verify(staff.app.db(), Some(&staff.tenant.0.id)).await?;
    let outcome = reports.into_iter().next().map(|it| it.outcome);
    let verification = match outcome {
        Some(Ok(verified)) => VerificationView {
            ok: true,
            message: lang.tf("audit.verify.ok", &[("n", &verified.n_entries.to_string())]),
            head_hash: Some(verified.head_hash),
        },
        Some(Err(at)) => VerificationView { ok: false, message: break_message(lang, &at), head_hash: None },
        None => VerificationView { ok: true, message: lang.tf("audit.verify.ok", &[("n", "0")]), head_hash: None },
    };
    let page = list_page(staff, None, Some(verification)).await?;
    Ok(render("audit/index.html", &page)?.into_response())
}

#[derive(Serialize)]
struct EntryPage {
    #[serde(flatten)]
    layout: Layout,
    entry: EntryView,
    before: Option<String>,
    after: Option<String>,
    /// The documents exist but the reader may not see them.
    withheld: bool,
    prev_hash: String,
    hash: String,
}

fn pretty(doc: Option<&str>) -> Option<String> {
    // A document that is not JSON (edited by hand) is shown as stored rather than hidden.
    doc.map(|text| {
        serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .and_then(|it| serde_json::to_string_pretty(&it).ok())
            .unwrap_or_else(|| text.to_owned())
    })
}

/// `GET /audit/{seq}`: one entry with the record before and after.
pub async fn show(staff: Staff, Path(seq): Path<i64>) -> Result<Response, WebError> {
    staff.user.require_tenant(Permission::ViewAudit)?;
    let names = actor_names(&staff.app, &staff.tenant).await?;
    let entry = {
        let mut conn = staff.app.db().conn().await?;
        store::audit::queries::list_entries_after(&mut conn, &staff.tenant.0.id, seq - 1, 1).await?
    };
    let entry = entry.into_iter().next().filter(|it| it.seq == seq).ok_or(WebError::NotFound)?;
    let sight = access::sight(&staff, &entry).await?;
    let before = access::shown(entry.before_doc.as_deref(), sight);
    let after = access::shown(entry.after_doc.as_deref(), sight);
    let has_docs = entry.before_doc.is_some() || entry.after_doc.is_some();
    let page = EntryPage {
        entry: view(staff.lang, &staff.tenant, &names, &entry),
        layout: staff.layout,
        before: pretty(before.as_deref()),
        after: pretty(after.as_deref()),
        withheld: has_docs && sight == access::Sight::Hidden,
        prev_hash: entry.prev_hash.clone(),
        hash: entry.hash.clone(),
    };
    Ok(render("audit/entry.html", &page)?.into_response())
}

#[cfg(test)]
mod tests;
