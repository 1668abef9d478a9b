//! `/kinerja/unit/{id}/keputusan`: the form a leader records a decision about a unit with — the kind (with the
//! working days the unit has to answer), the note, the head who answers — for the period on the card. The rules that
//! fire are taken from the figures when the form is sent, not from the form.

use axum::Form;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::people::Permission;
use domain::scorecards::decisions::RawDecision;
use domain::scorecards::period::ScorePeriod;
use serde::{Deserialize, Serialize};
use store::StoreError;
use store::scorecards::decisions::{self as stored, NewDecision};

use super::super::query::CardQuery;
use crate::error::WebError;
use crate::forms::{FieldErrors, field_errors};
use crate::layout::Layout;
use crate::render::render_status;
use crate::staff::Staff;
use crate::view::TenantView;

/// An option of a select.
#[derive(Serialize)]
struct Choice {
    value: String,
    label: String,
}

#[derive(Serialize)]
struct FormPage {
    #[serde(flatten)]
    layout: Layout,
    unit_id: String,
    unit_name: String,
    period: String,
    reasons: Vec<String>,
    kinds: Vec<Choice>,
    owners: Vec<Choice>,
    values: DecisionForm,
    errors: FieldErrors,
}

/// The form's fields.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct DecisionForm {
    #[serde(default)]
    periode: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    owner: String,
    #[serde(default)]
    signer_office: String,
}

/// The rules that fire for the unit in the period, as the cards compute them.
pub async fn reasons(staff: &Staff, unit: &str, period: ScorePeriod) -> Result<Vec<String>, WebError> {
    let today = staff.tenant.0.zone.local_date(staff.app.now());
    let unit = domain::ids::UnitId::new(unit.to_owned());
    Ok(store::scorecards::sweep::fired_codes(staff.app.db(), &staff.tenant.0.id, &unit, (period, today)).await?)
}

async fn show(
    staff: Staff,
    unit_id: String,
    (period, values, errors): (ScorePeriod, DecisionForm, FieldErrors),
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = TenantView::of(&staff).await?;
    let unit_name = tenant.unit(&unit_id).ok_or(WebError::NotFound)?.draft.name.clone();
    let mut conn = staff.app.db().conn().await?;
    let owners = stored::list_owners(&mut conn, &staff.tenant.0.id, &unit_id).await?;
    drop(conn);
    let page = FormPage {
        reasons: reasons(&staff, &unit_id, period).await?,
        unit_name,
        period: period.code(),
        kinds: super::kinds(&staff).await?.all().iter().map(|it| kind_choice(staff.lang, it)).collect(),
        owners: owners.into_iter().map(|(value, label)| Choice { value, label }).collect(),
        values: DecisionForm { periode: period.code(), ..values },
        errors,
        unit_id,
        layout: staff.layout,
    };
    render_status(status, "scorecards/decision_form.html", &page)
}

/// "Teguran — surat kepada kepala unit; rencana dalam 5 hari kerja".
fn kind_choice(lang: crate::i18n::Lang, kind: &domain::scorecards::decisions::Kind) -> Choice {
    let days = kind.days.to_string();
    let mut label = super::kind_name(lang, &kind.code);
    if kind.letter {
        label = format!("{label} — {}", lang.t("scorecards.decisions.with_letter"));
    }
    if kind.days > 0 {
        label = format!("{label}; {}", lang.tf("scorecards.decisions.plan_within", &[("days", &days)]));
    }
    Choice { value: kind.code.clone(), label }
}

fn period_of(staff: &Staff, raw: &str) -> ScorePeriod {
    let today = staff.tenant.0.zone.local_date(staff.app.now());
    let query = CardQuery { periode: raw.to_owned(), ..CardQuery::default() };
    query.asked(today, super::super::watch_page::this_quarter).period
}

/// `GET /kinerja/unit/{id}/keputusan`.
pub async fn form(staff: Staff, Path(id): Path<String>, Query(query): Query<CardQuery>) -> Result<Response, WebError> {
    staff.user.require_tenant(Permission::DecideOnWatchList)?;
    let period = period_of(&staff, &query.periode);
    let values = DecisionForm {
        signer_office: staff.lang.t("scorecards.decisions.default_office").to_owned(),
        ..DecisionForm::default()
    };
    show(staff, id, (period, values, FieldErrors::new()), StatusCode::OK).await
}

/// `POST /kinerja/unit/{id}/keputusan`.
pub async fn save(staff: Staff, Path(id): Path<String>, Form(form): Form<DecisionForm>) -> Result<Response, WebError> {
    staff.user.require_tenant(Permission::DecideOnWatchList)?;
    TenantView::of(&staff).await?.unit(&id).ok_or(WebError::NotFound)?;
    let period = period_of(&staff, &form.periode);
    let new = NewDecision {
        unit_id: id.clone(),
        period: period.code(),
        reasons: reasons(&staff, &id, period).await?,
        raw: RawDecision { kind: form.kind.clone(), note: form.note.clone() },
        owner_id: Some(form.owner.trim().to_owned()).filter(|it| !it.is_empty()),
        signer_office: Some(form.signer_office.trim().to_owned()).filter(|it| !it.is_empty()),
    };
    let kinds = super::kinds(&staff).await?;
    match stored::record(&staff.action_cx(), &kinds, &new).await {
        Ok(decision) => Ok(Redirect::to(&format!("/kinerja/keputusan/{}", decision.id)).into_response()),
        Err(StoreError::Invalid(problems)) => {
            let errors = field_errors(staff.lang, &problems);
            show(staff, id, (period, form, errors), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(err) => Err(err.into()),
    }
}
