//! `/kinerja/aturan`: the watch-list rules in words and as the file; an administrator replaces the file (checked
//! before it is stored, audited) or goes back to the shipped one.

use axum::Form;
use axum::http::StatusCode;
use axum::response::Response;
use domain::people::Permission;
use domain::scorecards::watch::{RuleProblem, SHIPPED_TEXT, WatchRulesError};
use serde::{Deserialize, Serialize};
use store::{Refusal, StoreError};

use super::watch_page::{RuleLine, rule_lines};
use crate::error::WebError;
use crate::i18n::Lang;
use crate::layout::Layout;
use crate::render::{download as send, render_status};
use crate::staff::Staff;

#[derive(Serialize)]
struct Page {
    #[serde(flatten)]
    layout: Layout,
    edited: bool,
    can_edit: bool,
    body: String,
    error: Option<String>,
    saved: bool,
    rules: Vec<RuleLine>,
}

async fn show(
    staff: Staff,
    status: StatusCode,
    (draft, error): (Option<String>, Option<String>),
    saved: bool,
) -> Result<Response, WebError> {
    let mut conn = staff.app.db().conn().await?;
    let (rules, body) = store::scorecards::watch::load_rules(&mut conn, &staff.tenant.0.id).await?;
    let lang = staff.lang;
    let page = Page {
        can_edit: staff.user.access.can_tenant(Permission::ManageWatchRules),
        edited: body.is_some(),
        saved,
        body: draft.or(body).unwrap_or_else(|| SHIPPED_TEXT.to_owned()),
        error,
        rules: rule_lines(lang, &rules),
        layout: staff.layout,
    };
    render_status(status, "scorecards/rules.html", &page)
}

/// `GET /kinerja/aturan`.
pub async fn page(staff: Staff) -> Result<Response, WebError> {
    staff.user.require_any(Permission::ViewScorecards)?;
    show(staff, StatusCode::OK, (None, None), false).await
}

/// A rules file as the form sends it: the edited text, or `reset` for the shipped one.
#[derive(Deserialize)]
pub struct SaveForm {
    #[serde(default)]
    pub(super) body: String,
    #[serde(default)]
    pub(super) reset: Option<String>,
}

/// `POST /kinerja/aturan`: an edited file, or `reset` for the shipped one.
pub async fn save(staff: Staff, Form(form): Form<SaveForm>) -> Result<Response, WebError> {
    staff.user.require_tenant(Permission::ManageWatchRules)?;
    let body = if form.reset.is_some() { SHIPPED_TEXT.to_owned() } else { form.body.replace("\r\n", "\n") };
    match store::scorecards::watch::save_rules(&staff.action_cx(), &body).await {
        Ok(_) => show(staff, StatusCode::OK, (None, None), true).await,
        Err(StoreError::Refused(Refusal::WatchRules(err))) => {
            let error = staff.lang.tf("scorecards.rules.invalid", &[("error", &problem_text(staff.lang, &err))]);
            show(staff, StatusCode::UNPROCESSABLE_ENTITY, (Some(body), Some(error)), false).await
        }
        Err(err) => Err(err.into()),
    }
}

/// What is wrong with a rules file, in the reader's language.
fn problem_text(lang: Lang, err: &WatchRulesError) -> String {
    match err {
        WatchRulesError::Syntax(detail) => lang.tf("scorecards.rules.problem.syntax", &[("detail", detail)]),
        WatchRulesError::Rule { code, problem } => {
            let what = match problem {
                RuleProblem::Count(field) => lang.tf("scorecards.rules.problem.count", &[("field", field)]),
                other => lang.t(&format!("scorecards.rules.problem.{}", other.code())).to_owned(),
            };
            lang.tf("scorecards.rules.problem.rule", &[("code", code), ("problem", &what)])
        }
    }
}

/// `GET /kinerja/aturan.toml`: the file in force.
pub async fn download(staff: Staff) -> Result<Response, WebError> {
    staff.user.require_any(Permission::ViewScorecards)?;
    let mut conn = staff.app.db().conn().await?;
    let (_, body) = store::scorecards::watch::load_rules(&mut conn, &staff.tenant.0.id).await?;
    let text = body.unwrap_or_else(|| SHIPPED_TEXT.to_owned());
    Ok(send("application/toml; charset=utf-8", "watch_rules.toml", text.into()))
}
