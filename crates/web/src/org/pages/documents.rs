//! `/pemda/dokumen`: what the Pemda's documents carry — the letterhead's lines and logo, the place before a date,
//! the look of signature blocks and the survey report's signer — with a sample letter to look at before printing
//! a real one. Administrators of the tenant (`ManageTenant`) only.

use axum::Form;
use axum::extract::Multipart;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use domain::org::{LOGO_MAX_BYTES, RawDocumentSettings};
use domain::people::Permission;
use serde::{Deserialize, Serialize};
use store::StoreError;
use store::org::documents::{self as settings, DocumentSettings, LogoKind};

use crate::documents::letter::{Block, LetterData};
use crate::documents::letterhead::{House, Signature};
use crate::documents::{Assets, Prepared, Template};
use crate::error::WebError;
use crate::forms::{FieldErrors, field_errors};
use crate::i18n::Lang;
use crate::layout::Layout;
use crate::render::render_status;
use crate::staff::Staff;
use crate::view::format::long_date;

/// The settings form, as typed.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct DocumentsForm {
    #[serde(default)]
    government: String,
    #[serde(default)]
    lines: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    underline_name: Option<String>,
    #[serde(default)]
    show_nip: Option<String>,
    #[serde(default)]
    report_office: String,
    #[serde(default)]
    report_name: String,
    #[serde(default)]
    report_nip: String,
}

impl DocumentsForm {
    fn of(it: &DocumentSettings) -> DocumentsForm {
        let signer = it.report_signer.as_ref();
        DocumentsForm {
            government: it.government.clone().unwrap_or_default(),
            lines: it.lines.join("\n"),
            place: it.place.clone().unwrap_or_default(),
            underline_name: it.underline_name.then(|| "on".to_owned()),
            show_nip: it.show_nip.then(|| "on".to_owned()),
            report_office: signer.map(|it| it.office.clone()).unwrap_or_default(),
            report_name: signer.map(|it| it.name.clone()).unwrap_or_default(),
            report_nip: signer.and_then(|it| it.nip.clone()).unwrap_or_default(),
        }
    }

    fn raw(&self) -> RawDocumentSettings {
        RawDocumentSettings {
            government: self.government.clone(),
            lines: self.lines.clone(),
            place: self.place.clone(),
            underline_name: self.underline_name.is_some(),
            show_nip: self.show_nip.is_some(),
            report_signer: (self.report_office.clone(), self.report_name.clone(), self.report_nip.clone()),
        }
    }
}

#[derive(Serialize)]
struct DocumentsPage {
    #[serde(flatten)]
    layout: Layout,
    tenant_name: String,
    form: DocumentsForm,
    errors: FieldErrors,
    has_logo: bool,
    logo_max_kib: usize,
}

async fn page(staff: Staff, form: Option<DocumentsForm>, errors: FieldErrors) -> Result<DocumentsPage, WebError> {
    let mut conn = staff.app.db().conn().await?;
    let stored = settings::find_settings(&mut conn, &staff.tenant.0.id).await?.unwrap_or_else(settings::defaults);
    let has_logo = settings::find_logo(&mut conn, &staff.tenant.0.id).await?.is_some();
    Ok(DocumentsPage {
        tenant_name: staff.tenant.0.name.clone(),
        form: form.unwrap_or_else(|| DocumentsForm::of(&stored)),
        errors,
        has_logo,
        logo_max_kib: LOGO_MAX_BYTES / 1024,
        layout: staff.layout,
    })
}

fn show(status: StatusCode, page: &DocumentsPage) -> Result<Response, WebError> {
    render_status(status, "org/documents.html", page)
}

/// `GET /pemda/dokumen`: the settings form, the logo and the sample letter's link.
pub async fn edit_form(staff: Staff) -> Result<Response, WebError> {
    staff.user.require_tenant(Permission::ManageTenant)?;
    show(StatusCode::OK, &page(staff, None, FieldErrors::default()).await?)
}

/// `POST /pemda/dokumen`: saves the settings, or shows every problem by field.
pub async fn update(staff: Staff, Form(form): Form<DocumentsForm>) -> Result<Response, WebError> {
    staff.user.require_tenant(Permission::ManageTenant)?;
    match settings::save_settings(&staff.action_cx(), &form.raw()).await {
        Ok(_) => Ok(Redirect::to("/pemda/dokumen?notice=saved").into_response()),
        Err(StoreError::Invalid(problems)) => {
            let errors = field_errors(staff.lang, &problems);
            show(StatusCode::UNPROCESSABLE_ENTITY, &page(staff, Some(form), errors).await?)
        }
        Err(other) => Err(other.into()),
    }
}

/// `POST /pemda/dokumen/logo`: a new logo, checked and cleaned.
pub async fn upload_logo(staff: Staff, multipart: Multipart) -> Result<Response, WebError> {
    staff.user.require_tenant(Permission::ManageTenant)?;
    let upload = crate::forms::read_upload(multipart).await?;
    save_logo(staff, Some((upload.name.as_str(), upload.bytes))).await
}

/// `POST /pemda/dokumen/logo/hapus`: no logo; the letterhead shows the government's name alone.
pub async fn remove_logo(staff: Staff) -> Result<Response, WebError> {
    staff.user.require_tenant(Permission::ManageTenant)?;
    save_logo(staff, None).await
}

async fn save_logo(staff: Staff, logo: Option<(&str, Vec<u8>)>) -> Result<Response, WebError> {
    match settings::save_logo(&staff.action_cx(), logo).await {
        Ok(()) => Ok(Redirect::to("/pemda/dokumen?notice=saved").into_response()),
        Err(StoreError::Invalid(problems)) => {
            let errors = field_errors(staff.lang, &problems);
            show(StatusCode::UNPROCESSABLE_ENTITY, &page(staff, None, errors).await?)
        }
        Err(other) => Err(other.into()),
    }
}

/// `GET /pemda/dokumen/logo`: the stored logo, for the form's preview.
pub async fn logo(staff: Staff) -> Result<Response, WebError> {
    staff.user.require_tenant(Permission::ManageTenant)?;
    let mut conn = staff.app.db().conn().await?;
    let (kind, bytes) = settings::find_logo(&mut conn, &staff.tenant.0.id).await?.ok_or(WebError::NotFound)?;
    let content_type = match kind {
        LogoKind::Png => "image/png",
        LogoKind::Jpeg => "image/jpeg",
    };
    Ok(([(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, "no-store")], bytes).into_response())
}

/// `GET /pemda/dokumen/contoh.pdf`: a sample letter with the letterhead and signature block as saved.
pub async fn sample(staff: Staff) -> Result<Response, WebError> {
    staff.user.require_tenant(Permission::ManageTenant)?;
    let house = House::of(&staff.app, &staff.tenant.0).await?;
    let today = jiff::Timestamp::now().to_zoned(staff.tenant.0.zone.time_zone()).date();
    sample_letter(staff.lang, &house, today)?.respond().await
}

/// The sample letter, in `lang`, dated `today`.
pub fn sample_letter(lang: Lang, house: &House, today: jiff::civil::Date) -> Result<Prepared, WebError> {
    let t = |key: &str| lang.t(&format!("documents.sample.{key}")).to_owned();
    let data = LetterData {
        frame: house.frame(lang, t("title"), Some(&t("unit")), t("footer")),
        heading: vec![t("title"), t("number")],
        blocks: vec![
            Block::par(t("opening")),
            Block::Rows { rows: vec![(t("row_subject"), t("subject")), (t("row_place"), t("place"))] },
            Block::par(t("body")),
            Block::par(t("closing")),
        ],
        signatures: vec![Signature {
            place_date: vec![house.place_date(&long_date(lang, today))],
            office: vec![t("office")],
            name: t("name"),
            rank: Some(t("rank")),
            nip: Some("197805122005011003".to_owned()),
        }],
        style: house.style(lang),
        copies: None,
    };
    Ok(Prepared::new(Template::Letter, &data, Assets { logo: house.logo(), qr: None }, "contoh-surat")?)
}
