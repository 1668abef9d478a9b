//! `/kinerja/aturan/berkas/{slug}`: a Pemda's copy of a rules file Pantau ships — the kinds of leaders' decisions
//! with their deadlines (`keputusan`), and the PEKPPP instrument with its weights, ladders and categories
//! (`pekppp-2025`). Leaders read the file in force; an administrator replaces it (checked by its parser before it is
//! stored, audited) or goes back to the shipped one.

use axum::Form;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use domain::people::Permission;
use serde::Serialize;
use store::rule_files;
use store::{Refusal, StoreError};

use super::rules::SaveForm;
use crate::error::WebError;
use crate::layout::Layout;
use crate::render::{download as send, render_status};
use crate::staff::Staff;

/// One file a Pemda may keep its own copy of.
struct Shipped {
    /// In the address.
    slug: &'static str,
    /// The stored copy's name.
    name: String,
    /// The shipped text.
    text: &'static str,
    /// Which parser judges a copy: the decision kinds', or the instrument's of a year.
    instrument_year: Option<i16>,
}

impl Shipped {
    fn check(&self, text: &str) -> Result<(), String> {
        match self.instrument_year {
            None => rule_files::check_decision_kinds(text),
            Some(year) => rule_files::check_instrument(year, text),
        }
    }
}

fn file_of(slug: &str) -> Option<Shipped> {
    match slug {
        "keputusan" => Some(Shipped {
            slug: "keputusan",
            name: rule_files::DECISION_KINDS.to_owned(),
            text: domain::scorecards::decisions::SHIPPED_TEXT,
            instrument_year: None,
        }),
        "pekppp-2025" => Some(Shipped {
            slug: "pekppp-2025",
            name: rule_files::pekppp(2025),
            text: rule_files::shipped_instrument_text(2025),
            instrument_year: Some(2025),
        }),
        _ => None,
    }
}

#[derive(Serialize)]
struct Page {
    #[serde(flatten)]
    layout: Layout,
    slug: &'static str,
    edited: bool,
    can_edit: bool,
    body: String,
    error: Option<String>,
    saved: bool,
}

async fn show(
    staff: Staff,
    file: &Shipped,
    status: StatusCode,
    (draft, error): (Option<String>, Option<String>),
    saved: bool,
) -> Result<Response, WebError> {
    let mut conn = staff.app.db().conn().await?;
    let stored = rule_files::find_rule_file(&mut conn, &staff.tenant.0.id, &file.name).await?;
    let page = Page {
        slug: file.slug,
        can_edit: staff.user.access.can_tenant(Permission::ManageWatchRules),
        edited: stored.is_some(),
        saved,
        body: draft.or(stored).unwrap_or_else(|| file.text.to_owned()),
        error,
        layout: staff.layout,
    };
    render_status(status, "scorecards/rule_file.html", &page)
}

/// `GET /kinerja/aturan/berkas/{slug}`.
pub async fn page(staff: Staff, Path(slug): Path<String>) -> Result<Response, WebError> {
    staff.user.require_any(Permission::ViewScorecards)?;
    let file = file_of(&slug).ok_or(WebError::NotFound)?;
    show(staff, &file, StatusCode::OK, (None, None), false).await
}

/// `POST /kinerja/aturan/berkas/{slug}`.
pub async fn save(staff: Staff, Path(slug): Path<String>, Form(form): Form<SaveForm>) -> Result<Response, WebError> {
    staff.user.require_tenant(Permission::ManageWatchRules)?;
    let file = file_of(&slug).ok_or(WebError::NotFound)?;
    let body = form.body.replace("\r\n", "\n");
    let copy = form.reset.is_none().then_some(body.as_str());
    match rule_files::save_rule_file(&staff.action_cx(), (&file.name, file.text), copy, |text| file.check(text)).await {
        Ok(()) => show(staff, &file, StatusCode::OK, (None, None), true).await,
        Err(StoreError::Refused(Refusal::RuleFile(detail))) => {
            let error = staff.lang.tf("scorecards.files.invalid", &[("error", &detail)]);
            show(staff, &file, StatusCode::UNPROCESSABLE_ENTITY, (Some(body), Some(error)), false).await
        }
        Err(err) => Err(err.into()),
    }
}

/// `GET /kinerja/aturan/berkas/{slug}/unduh`: the file in force.
pub async fn download(staff: Staff, Path(slug): Path<String>) -> Result<Response, WebError> {
    staff.user.require_any(Permission::ViewScorecards)?;
    let file = file_of(&slug).ok_or(WebError::NotFound)?;
    let mut conn = staff.app.db().conn().await?;
    let stored = rule_files::find_rule_file(&mut conn, &staff.tenant.0.id, &file.name).await?;
    let text = stored.unwrap_or_else(|| file.text.to_owned());
    Ok(send("application/toml; charset=utf-8", &format!("{}.toml", file.name), text.into()))
}
