//! Leaders' decisions about units on the watch list: the list (`/kinerja/keputusan`), one decision with the unit's
//! plan (`/kinerja/keputusan/{id}`), the form a leader records one with (`record`), and the teguran letter
//! (`letter`). A unit head reads and answers the decisions about units in scope only; elsewhere the page is 404.

mod letter;
pub(crate) mod record;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

use axum::Form;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::calendar::Calendar;
use domain::ids::UnitId;
use domain::people::Permission;
use domain::scorecards::decisions::{Kinds, Standing};
use serde::{Deserialize, Serialize};
use store::StoreError;
use store::scorecards::decisions::{self as stored, Decision};

pub use letter::download as letter_pdf;
pub use record::{form as record_form, save as record_save};

use crate::error::WebError;
use crate::forms::{FieldErrors, field_errors};
use crate::i18n::Lang;
use crate::layout::Layout;
use crate::render::render_status;
use crate::staff::Staff;
use crate::view::TenantView;
use crate::view::format::{local_time, long_date};

/// A decision as the pages show it.
#[derive(Clone, Debug, Serialize)]
pub struct DecisionView {
    id: String,
    number: String,
    unit_id: String,
    unit_name: String,
    period: String,
    reasons: Vec<String>,
    kind: String,
    note: String,
    decided_on: String,
    decided_by: String,
    owner: Option<String>,
    due: Option<String>,
    /// `nothing_asked`, `awaited`, `overdue` or `answered`.
    standing: &'static str,
    /// "3 hari kerja" past the deadline, when overdue.
    overdue: Option<String>,
    plan: Option<String>,
    answered_by: Option<String>,
    answered_at: Option<String>,
    review_id: Option<String>,
    escalated: bool,
    letter: bool,
}

impl DecisionView {
    /// The unit decided about.
    pub fn unit_id(&self) -> &str {
        &self.unit_id
    }

    /// `nothing_asked`, `awaited`, `overdue` or `answered`.
    pub fn standing(&self) -> &'static str {
        self.standing
    }
}

/// Names of the Pemda's accounts, for the pages.
pub(crate) async fn user_names(staff: &Staff) -> Result<HashMap<String, String>, WebError> {
    let mut conn = staff.app.db().conn().await?;
    let users = store::people::queries::list_users(&mut conn, &staff.tenant.0.id).await?;
    Ok(users.into_iter().map(|it| (it.id.as_str().to_owned(), it.display_name)).collect())
}

/// The standing code and, when overdue, by how many working days.
pub fn standing_of(it: &Decision, calendar: &Calendar, today: jiff::civil::Date) -> (&'static str, u32) {
    match it.standing(calendar, today) {
        Standing::NothingAsked => ("nothing_asked", 0),
        Standing::Awaited => ("awaited", 0),
        Standing::Overdue(days) => ("overdue", days),
        Standing::Answered => ("answered", 0),
    }
}

/// The kinds of decision in force for the reader's Pemda: its copy, or the shipped file.
pub async fn kinds(staff: &Staff) -> Result<Kinds, WebError> {
    let mut conn = staff.app.db().conn().await?;
    Ok(store::rule_files::load_decision_kinds(&mut conn, &staff.tenant.0.id).await?)
}

/// The view of a decision.
pub(crate) fn view_of(
    staff: &Staff,
    (tenant, kinds): (&TenantView, &Kinds),
    names: &HashMap<String, String>,
    it: &Decision,
) -> DecisionView {
    let lang = staff.lang;
    let zone = staff.tenant.0.zone;
    let today = zone.local_date(staff.app.now());
    let (standing, overdue_days) = standing_of(it, tenant.calendar(), today);
    let date = |raw: &str| raw.parse().map(|it| long_date(lang, it)).unwrap_or_else(|_| raw.to_owned());
    let name = |id: &str| names.get(id).cloned().unwrap_or_else(|| id.to_owned());
    DecisionView {
        id: it.id.clone(),
        number: it.number.clone(),
        unit_id: it.unit_id.clone(),
        unit_name: tenant.unit_name(&it.unit_id),
        period: it.period.clone(),
        reasons: it.reason_codes().into_iter().map(str::to_owned).collect(),
        kind: it.kind.clone(),
        note: it.note.clone(),
        decided_on: date(&it.decided_on),
        decided_by: name(&it.decided_by),
        owner: it.owner_id.as_deref().map(name),
        due: it.due_on.as_deref().map(date),
        standing,
        overdue: (overdue_days > 0)
            .then(|| lang.tf("scorecards.decisions.overdue_days", &[("n", &overdue_days.to_string())])),
        plan: it.plan.clone(),
        answered_by: it.answered_by.as_deref().map(name),
        answered_at: it.answered_at_ms.map(|ms| local_time(ms, zone)),
        review_id: it.review_id.clone(),
        escalated: it.escalated_at_ms.is_some(),
        letter: kinds.find(&it.kind).is_some_and(|kind| kind.letter),
    }
}

/// The decisions about the units a reader may see, newest and still awaited first.
pub async fn visible_decisions(staff: &Staff, limit: i64) -> Result<Vec<DecisionView>, WebError> {
    let tenant = TenantView::of(staff).await?;
    let visible = tenant.visible_units(&staff.user.access, Permission::ViewScorecards);
    let mut conn = staff.app.db().conn().await?;
    let rows = stored::list_recent(&mut conn, &staff.tenant.0.id, visible.as_deref(), limit).await?;
    drop(conn);
    let names = user_names(staff).await?;
    let kinds = kinds(staff).await?;
    Ok(rows.iter().map(|it| view_of(staff, (&tenant, &kinds), &names, it)).collect())
}

/// A stay on the watch list as the pages show it.
#[derive(Clone, Debug, Serialize)]
pub struct StayView {
    unit_id: String,
    unit_name: String,
    period: String,
    reasons: Vec<String>,
    entered: String,
    left: Option<String>,
}

/// The latest stays on the list, of one unit or of all the reader may see.
pub(crate) async fn stays(staff: &Staff, unit: Option<&str>, limit: i64) -> Result<Vec<StayView>, WebError> {
    let tenant = TenantView::of(staff).await?;
    let visible = tenant.visible_units(&staff.user.access, Permission::ViewScorecards);
    let mut conn = staff.app.db().conn().await?;
    let asked: Option<Vec<String>> = match (unit, visible) {
        (Some(unit), Some(visible)) => Some(visible.into_iter().filter(|it| it == unit).collect()),
        (Some(unit), None) => Some(vec![unit.to_owned()]),
        (None, visible) => visible,
    };
    let rows =
        store::scorecards::episodes::list_episodes(&mut conn, &staff.tenant.0.id, asked.as_deref(), limit).await?;
    let zone = staff.tenant.0.zone;
    Ok(rows
        .into_iter()
        .map(|it| StayView {
            unit_name: tenant.unit_name(&it.unit_id),
            unit_id: it.unit_id,
            period: it.period,
            reasons: it.reasons.split_whitespace().map(str::to_owned).collect(),
            entered: local_time(it.entered_at_ms, zone),
            left: it.left_at_ms.map(|ms| local_time(ms, zone)),
        })
        .collect())
}

/// A unit's decisions, newest first.
pub(crate) async fn of_unit(staff: &Staff, unit: &str) -> Result<Vec<DecisionView>, WebError> {
    let tenant = TenantView::of(staff).await?;
    let mut conn = staff.app.db().conn().await?;
    let rows = stored::list_for_unit(&mut conn, &staff.tenant.0.id, unit).await?;
    drop(conn);
    let names = user_names(staff).await?;
    let kinds = kinds(staff).await?;
    Ok(rows.iter().map(|it| view_of(staff, (&tenant, &kinds), &names, it)).collect())
}

#[derive(Serialize)]
struct ListPage {
    #[serde(flatten)]
    layout: Layout,
    decisions: Vec<DecisionView>,
    stays: Vec<StayView>,
}

/// `GET /kinerja/keputusan`: the decisions and the history of the list.
pub async fn list(staff: Staff) -> Result<Response, WebError> {
    staff.user.require_any(Permission::ViewScorecards)?;
    let decisions = visible_decisions(&staff, 500).await?;
    let stays = stays(&staff, None, 200).await?;
    render_status(StatusCode::OK, "scorecards/decisions.html", &ListPage { layout: staff.layout, decisions, stays })
}

#[derive(Serialize)]
struct DetailPage {
    #[serde(flatten)]
    layout: Layout,
    d: DecisionView,
    can_answer: bool,
    plan: String,
    errors: FieldErrors,
}

/// A decision the reader may see: the unit must be in their scorecard scope.
async fn reach(staff: &Staff, id: &str) -> Result<(TenantView, Decision), WebError> {
    staff.user.require_any(Permission::ViewScorecards)?;
    let tenant = TenantView::of(staff).await?;
    let mut conn = staff.app.db().conn().await?;
    let decision = stored::load(&mut conn, &staff.tenant.0.id, id).await?;
    let unit = UnitId::new(decision.unit_id.clone());
    staff.user.require_unit(Permission::ViewScorecards, &unit, tenant.tree())?;
    Ok((tenant, decision))
}

async fn show(
    staff: Staff,
    id: &str,
    (status, plan, errors): (StatusCode, String, FieldErrors),
) -> Result<Response, WebError> {
    let (tenant, decision) = reach(&staff, id).await?;
    let names = user_names(&staff).await?;
    let unit = UnitId::new(decision.unit_id.clone());
    let can_answer = decision.due_on.is_some()
        && decision.answered_at_ms.is_none()
        && staff.user.access.can_unit(Permission::AnswerWatchDecisions, &unit, tenant.tree());
    let mut conn = staff.app.db().conn().await?;
    let user = staff.user.user.id.as_str().to_owned();
    let link = format!("/kinerja/keputusan/{id}");
    store::news::notices::update_read(&mut conn, &staff.tenant.0.id, &user, &link, staff.app.now().as_millisecond())
        .await?;
    let kinds = kinds(&staff).await?;
    let d = view_of(&staff, (&tenant, &kinds), &names, &decision);
    let page = DetailPage { d, can_answer, plan, errors, layout: staff.layout };
    render_status(status, "scorecards/decision.html", &page)
}

/// `GET /kinerja/keputusan/{id}`.
pub async fn detail(staff: Staff, Path(id): Path<String>) -> Result<Response, WebError> {
    show(staff, &id, (StatusCode::OK, String::new(), FieldErrors::new())).await
}

/// The unit's plan.
#[derive(Deserialize)]
pub struct PlanForm {
    #[serde(default)]
    plan: String,
}

/// `POST /kinerja/keputusan/{id}/rencana`: a head of the unit answers with the plan.
pub async fn answer(staff: Staff, Path(id): Path<String>, Form(form): Form<PlanForm>) -> Result<Response, WebError> {
    let (tenant, decision) = reach(&staff, &id).await?;
    let unit = UnitId::new(decision.unit_id.clone());
    if !staff.user.access.can_unit(Permission::AnswerWatchDecisions, &unit, tenant.tree()) {
        return Err(WebError::Forbidden);
    }
    match stored::answer(&staff.action_cx(), &id, &form.plan).await {
        Ok(_) => Ok(Redirect::to(&format!("/kinerja/keputusan/{id}")).into_response()),
        Err(StoreError::Invalid(problems)) => {
            let errors = field_errors(staff.lang, &problems);
            show(staff, &id, (StatusCode::UNPROCESSABLE_ENTITY, form.plan, errors)).await
        }
        Err(err) => Err(err.into()),
    }
}

/// The kind's name in the reader's language.
pub(crate) fn kind_name(lang: Lang, code: &str) -> String {
    lang.t(&format!("scorecards.decisions.kinds.{code}")).to_owned()
}
