//! The letters of a case as PDF downloads: summons I and II, the examination record (BAP) and the decision
//! (written in `letter_docs`), from the step and the fields stored with it. Every download is logged as a view of
//! the case.

use axum::extract::Path;
use axum::response::Response;
use domain::discipline::Step;

use super::letter_docs::Context;
use crate::documents::letterhead::House;
use crate::error::WebError;
use crate::staff::Staff;

/// The letter a step produces, as named in its download path.
pub fn letter_of(step: &Step) -> Option<&'static str> {
    match step {
        Step::Summons { .. } => Some("panggilan"),
        Step::Examined { .. } => Some("bap"),
        Step::Decided { .. } => Some("keputusan"),
        _ => None,
    }
}

/// `GET /disiplin/kasus/{id}/surat/{kind}-{seq}.pdf`.
pub async fn download(staff: Staff, Path((id, name)): Path<(String, String)>) -> Result<Response, WebError> {
    let (kind, seq) = name
        .strip_suffix(".pdf")
        .and_then(|it| it.rsplit_once('-'))
        .and_then(|(kind, seq)| Some((kind.to_owned(), seq.parse::<i64>().ok()?)))
        .ok_or(WebError::NotFound)?;
    let rules = super::rules_of(&staff).await?;
    let tenant = &staff.tenant.0.id;
    let mut conn = staff.app.db().conn().await?;
    let file = store::discipline::cases::load(&mut conn, tenant, &rules, &id).await?;
    drop(conn);
    super::reach(&staff, &file).await?;
    let step = file.steps.iter().find(|it| it.seq == seq).ok_or(WebError::NotFound)?;
    if letter_of(&step.step) != Some(kind.as_str()) {
        return Err(WebError::NotFound);
    }
    let data = staff.app.db().tenant_data(tenant).await?;
    let unit = data
        .units
        .iter()
        .find(|u| u.id.as_str() == file.employee.unit_id)
        .map(|u| u.draft.name.clone())
        .unwrap_or_default();
    let house = House::of(&staff.app, &staff.tenant.0).await?;
    let prepared = Context { house: &house, unit, rules: &rules, file: &file }.prepare(&kind, step)?;
    let what = format!("surat:{kind}-{seq}");
    store::discipline::record::log_view(&staff.action_cx(), &id, &what).await?;
    prepared.saved_as_file().respond().await
}
