//! The unit head's writes on the self-assessment: the variant, a level with its note for an indicator Pantau does
//! not measure, an evidence file; and anyone who reads the page downloads the files.

use axum::Form;
use axum::extract::{Multipart, Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::evaluation::Variant;
use domain::people::Permission;
use serde::Deserialize;
use store::StoreError;
use store::evaluation::{self as stored};

use super::{YearQuery, instrument, show, unit_of, year_of};
use crate::error::WebError;
use crate::forms::{field_errors, read_upload};
use crate::render::download as send;
use crate::staff::Staff;

/// The variant form.
#[derive(Deserialize)]
pub struct VariantForm {
    #[serde(default)]
    tahun: String,
    #[serde(default)]
    variant: String,
}

/// A level and its note.
#[derive(Deserialize)]
pub struct AnswerForm {
    #[serde(default)]
    tahun: String,
    #[serde(default)]
    level: String,
    #[serde(default)]
    note: String,
}

fn back(id: &str, year: i16, anchor: &str) -> Response {
    Redirect::to(&format!("/kinerja/unit/{id}/pekppp?tahun={year}{anchor}")).into_response()
}

async fn refused(staff: Staff, id: String, year: i16, err: StoreError) -> Result<Response, WebError> {
    match err {
        StoreError::Invalid(problems) => {
            let messages = field_errors(staff.lang, &problems).into_values().collect();
            show(staff, id, year, messages, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        other => Err(other.into()),
    }
}

/// `POST /kinerja/unit/{id}/pekppp/varian`.
pub async fn save_variant(
    staff: Staff,
    Path(id): Path<String>,
    Form(form): Form<VariantForm>,
) -> Result<Response, WebError> {
    let (unit, _) = unit_of(&staff, &id, Permission::ManageUnitIndicators).await?;
    let year = year_of(&staff, &form.tahun);
    let Some(variant) = Variant::parse(&form.variant) else {
        let message = staff.lang.t("scorecards.pekppp.bad_variant").to_owned();
        return show(staff, id, year, vec![message], StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    stored::save_variant(&staff.action_cx(), &unit, year, variant).await?;
    Ok(back(&id, year, ""))
}

/// `POST /kinerja/unit/{id}/pekppp/nilai/{code}`: a level (blank clears it) and a note.
pub async fn save_answer(
    staff: Staff,
    Path((id, code)): Path<(String, String)>,
    Form(form): Form<AnswerForm>,
) -> Result<Response, WebError> {
    let (unit, _) = unit_of(&staff, &id, Permission::ManageUnitIndicators).await?;
    let year = year_of(&staff, &form.tahun);
    let level = match form.level.trim() {
        "" => None,
        raw => match raw.parse::<u8>() {
            Ok(level) if level <= 5 => Some(level),
            _ => {
                let message = staff.lang.t("scorecards.pekppp.bad_level").to_owned();
                return show(staff, id, year, vec![message], StatusCode::UNPROCESSABLE_ENTITY).await;
            }
        },
    };
    let instrument = instrument(&staff, year).await?;
    match stored::save_answer(&staff.action_cx(), &instrument, (&unit, year), &code, (level, &form.note)).await {
        Ok(()) => Ok(back(&id, year, &format!("#ind-{code}"))),
        Err(err) => refused(staff, id, year, err).await,
    }
}

/// `POST /kinerja/unit/{id}/pekppp/bukti/{code}`: one evidence file (PDF, JPEG or PNG).
pub async fn evidence_upload(
    staff: Staff,
    Path((id, code)): Path<(String, String)>,
    multipart: Multipart,
) -> Result<Response, WebError> {
    let (unit, _) = unit_of(&staff, &id, Permission::ManageUnitIndicators).await?;
    let upload = read_upload(multipart).await?;
    let year = year_of(&staff, upload.field("tahun"));
    let instrument = instrument(&staff, year).await?;
    let file = (upload.name.as_str(), upload.bytes);
    match stored::add_evidence(&staff.action_cx(), &instrument, (&unit, year), &code, file).await {
        Ok(_) => Ok(back(&id, year, &format!("#ind-{code}"))),
        Err(err) => refused(staff, id, year, err).await,
    }
}

/// `GET /kinerja/unit/{id}/pekppp/bukti/{evidence}`: a file, to those who may read the page.
pub async fn evidence_download(
    staff: Staff,
    Path((id, evidence)): Path<(String, String)>,
    Query(_): Query<YearQuery>,
) -> Result<Response, WebError> {
    staff.user.require_any(Permission::ViewScorecards)?;
    let (unit, _) = unit_of(&staff, &id, Permission::ViewScorecards).await?;
    let mut conn = staff.app.db().conn().await?;
    let (name, media_type, bytes) =
        stored::find_evidence_content(&mut conn, &staff.tenant.0.id, &unit, &evidence).await?;
    // Only the three types an upload may have; the name keeps plain characters so the header cannot be broken.
    let media_type = ["application/pdf", "image/jpeg", "image/png"]
        .into_iter()
        .find(|it| *it == media_type)
        .unwrap_or("application/octet-stream");
    let safe: String =
        name.chars().map(|it| if it.is_ascii_alphanumeric() || ".-_".contains(it) { it } else { '_' }).collect();
    Ok(send(media_type, &safe, bytes).into_response())
}
