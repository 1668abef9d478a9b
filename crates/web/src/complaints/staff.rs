//! Pages for staff: the item page with the steps the user may take, the front desk, the
//! complaint settings and the list of troubled deliveries.

use axum::Form;
use axum::extract::{Multipart, Path};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use domain::complaints::intake::Source;
use domain::complaints::{Action, Channel, Outcome, Party, Tier};
use domain::ids::UnitId;
use domain::org::{Unit, UnitTree};
use domain::people::Permission;
use serde::{Deserialize, Serialize};
use store::StoreError;
use store::complaints::actions::{Step, take};
use store::complaints::intake::Submission;
use store::complaints::queries;
use store::complaints::redaction::{self, Redaction};
use store::complaints::{Item, reporter};

use super::views::{Choice, ItemView, ViewCx, Viewer, unit_choices};
use crate::error::WebError;
use crate::forms::{FieldErrors, field_errors};
use crate::render::render_status;
use crate::staff::Staff;

/// Whether the user may see this item, and as whom.
pub(crate) fn viewer_of(staff: &Staff, item: &Item, tree: &UnitTree) -> Option<Viewer> {
    let access = &staff.user.access;
    if access.can_tenant(Permission::ManageComplaints) {
        return Some(Viewer::Administrator);
    }
    let unit = item.unit_id.as_ref().or(item.reported_unit_id.as_ref());
    let sees = match unit {
        Some(unit) => access.can_unit(Permission::ViewComplaints, unit, tree),
        None => access.unit_roots(Permission::ViewComplaints).is_none() && access.has(Permission::ViewComplaints),
    };
    sees.then_some(Viewer::Staff)
}

/// The units whose items the user reads; `None` when the user reads every unit's.
pub(crate) fn scope_of(staff: &Staff, tree: &UnitTree) -> Option<Vec<UnitId>> {
    staff.user.access.visible_units(Permission::ViewComplaints, tree)
}

/// The party the user acts as on this item.
fn party_of(staff: &Staff, item: &Item, tree: &UnitTree) -> Option<Party> {
    let access = &staff.user.access;
    if access.can_tenant(Permission::ManageComplaints) {
        return Some(Party::Administrator);
    }
    let unit = item.unit_id.as_ref()?;
    access.can_unit(Permission::HandleComplaints, unit, tree).then_some(Party::Unit)
}

#[derive(Serialize)]
struct ItemPage {
    #[serde(flatten)]
    layout: crate::layout::Layout,
    item: ItemView,
    actions: Vec<Choice>,
    units: Vec<Choice>,
    outcomes: Vec<Choice>,
    is_admin: bool,
    open_case: bool,
    errors: FieldErrors,
    form: StepForm,
}

async fn load_for(staff: &Staff, id: &str) -> Result<(Item, Vec<Unit>, UnitTree, Viewer), WebError> {
    let mut conn = staff.app.db().conn().await?;
    let item = queries::load_item(&mut conn, &staff.tenant.0.id, id).await?;
    let units = store::org::queries::list_units(&mut conn, &staff.tenant.0.id).await?;
    let tree = domain::org::UnitTree::of_units(&units);
    let viewer = viewer_of(staff, &item, &tree).ok_or(WebError::NotFound)?;
    Ok((item, units, tree, viewer))
}

/// The step codes a party may offer on the item page, in the item's state.
fn offered(party: Option<Party>, item: &Item) -> Vec<&'static str> {
    use domain::complaints::lifecycle::apply;
    let candidates: [(&str, Action); 9] = [
        ("verifikasi", Action::Verify),
        ("disposisi_ulang", Action::Reassign),
        ("kembalikan", Action::ReturnToAdministrator),
        ("tanggapan_awal", Action::Respond(Tier::Simple)),
        ("tindak_lanjut", Action::Answer),
        ("tutup", Action::Close(Outcome::NotPublicService)),
        ("tutup_hasil", Action::Close(Outcome::Resolved)),
        ("catatan", Action::Comment),
        ("pisah", Action::Split),
    ];
    let Some(party) = party else { return Vec::new() };
    candidates
        .into_iter()
        .filter(|(_, action)| apply(item.state, *action, party).is_ok())
        .map(|(code, _)| code)
        .collect()
}

async fn item_page(staff: Staff, id: &str, form: StepForm, errors: FieldErrors) -> Result<Response, WebError> {
    let (item, units, tree, viewer) = load_for(&staff, id).await?;
    let mut conn = staff.app.db().conn().await?;
    let events = queries::list_events(&mut conn, &staff.tenant.0.id, id).await?;
    let attachments = queries::list_attachments(&mut conn, &staff.tenant.0.id, id).await?;
    let now_ms = staff.app.now().as_millisecond();
    let view = ViewCx { lang: staff.lang, zone: staff.tenant.0.zone, units: &units, viewer, now_ms }.item(
        &item,
        &events,
        &attachments,
    );
    let lang = staff.lang;
    let party = party_of(&staff, &item, &tree);
    let actions = offered(party, &item)
        .into_iter()
        .map(|code| Choice { value: code.to_owned(), label: lang.t(&format!("complaints.step.{code}")).to_owned() })
        .collect();
    let outcomes = Outcome::ALL
        .iter()
        .filter(|it| **it != Outcome::Withdrawn)
        .map(|it| Choice {
            value: it.code().to_owned(),
            label: lang.t(&format!("complaints.outcomes.{}", it.code())).to_owned(),
        })
        .collect();
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let page = ItemPage {
        layout: staff.layout,
        item: view,
        actions,
        units: unit_choices(&units),
        outcomes,
        is_admin: party == Some(Party::Administrator),
        open_case: staff.user.access.has(domain::people::Permission::HandleDiscipline),
        errors,
        form,
    };
    render_status(status, "complaints/item.html", &page)
}

/// `GET /pengaduan/{id}`: the item, its history, and the steps the user may take.
pub async fn item(staff: Staff, Path(id): Path<String>) -> Result<Response, WebError> {
    staff.user.require_any(Permission::ViewComplaints)?;
    item_page(staff, &id, StepForm::default(), FieldErrors::new()).await
}

#[derive(Deserialize, Serialize, Default, Clone)]
pub struct StepForm {
    #[serde(default)]
    aksi: String,
    #[serde(default)]
    pesan: String,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    tingkat: String,
    #[serde(default)]
    hasil: String,
    #[serde(default)]
    catatan: String,
    #[serde(default)]
    publik: Option<String>,
    #[serde(default)]
    judul: String,
}

fn step_of(form: &StepForm, party: Party) -> Result<Action, WebError> {
    let bad = || WebError::BadRequest("unknown step".to_owned());
    Ok(match form.aksi.as_str() {
        "verifikasi" => Action::Verify,
        "disposisi_ulang" => Action::Reassign,
        "kembalikan" => Action::ReturnToAdministrator,
        "tanggapan_awal" => Action::Respond(Tier::parse(&form.tingkat).ok_or_else(bad)?),
        "tindak_lanjut" => Action::Answer,
        "tutup" | "tutup_hasil" => Action::Close(Outcome::parse(&form.hasil).ok_or_else(bad)?),
        "catatan" => Action::Comment,
        "pisah" if party == Party::Administrator => Action::Split,
        _ => return Err(bad()),
    })
}

/// `POST /pengaduan/{id}/langkah`: takes a step; a refused step comes back with its message.
pub async fn step(staff: Staff, Path(id): Path<String>, Form(form): Form<StepForm>) -> Result<Response, WebError> {
    staff.user.require_any(Permission::ViewComplaints)?;
    let (item, units, tree, _) = load_for(&staff, &id).await?;
    let party = party_of(&staff, &item, &tree).ok_or(WebError::Forbidden)?;
    let action = step_of(&form, party)?;
    let cx = staff.action_cx();
    let result = if action == Action::Split {
        redaction::split(&cx, &id, &form.judul, &form.pesan).await.map(|_| ())
    } else {
        let mut step = Step::new(action, party);
        step.body = Some(form.pesan.clone());
        step.note = Some(form.catatan.clone());
        step.public = form.publik.is_some();
        step.unit = units.iter().find(|it| it.draft.code == form.unit).map(|it| it.id.clone());
        if matches!(action, Action::Verify | Action::Reassign) && step.unit.is_none() && !form.unit.is_empty() {
            step.unit = Some(UnitId::new(form.unit.clone()));
        }
        take(&cx, &id, step).await.map(|_| ())
    };
    let lang = staff.lang;
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/pengaduan/{id}?notice=saved")).into_response()),
        Err(StoreError::Invalid(problems)) => {
            let errors = field_errors(lang, &problems);
            item_page(staff, &id, form, errors).await
        }
        Err(StoreError::Refused(_)) => {
            let mut errors = FieldErrors::new();
            errors.insert("aksi".to_owned(), lang.t("complaints.item.refused").to_owned());
            item_page(staff, &id, form, errors).await
        }
        Err(err) => Err(err.into()),
    }
}

#[derive(Deserialize, Default)]
pub struct RedactForm {
    #[serde(default)]
    judul: String,
    #[serde(default)]
    isi: String,
    #[serde(default)]
    alasan: String,
    #[serde(default)]
    hapus_lokasi: Option<String>,
    #[serde(default)]
    hapus_identitas: Option<String>,
    #[serde(default)]
    lampiran: Option<String>,
}

/// `POST /pengaduan/{id}/redaksi`: removes personal data (administrators only).
pub async fn redact(staff: Staff, Path(id): Path<String>, Form(form): Form<RedactForm>) -> Result<Response, WebError> {
    staff.user.require_tenant(Permission::ManageComplaints)?;
    let change = Redaction {
        title: form.judul,
        body: form.isi,
        clear_location: form.hapus_lokasi.is_some(),
        clear_identity: form.hapus_identitas.is_some(),
        attachment_ids: form.lampiran.into_iter().filter(|it| !it.is_empty()).collect(),
        event_bodies: Vec::new(),
        reason: form.alasan,
    };
    match redaction::redact(&staff.action_cx(), &id, &change).await {
        Ok(_) => Ok(Redirect::to(&format!("/pengaduan/{id}?notice=saved")).into_response()),
        Err(StoreError::Invalid(problems)) => {
            let errors = field_errors(staff.lang, &problems);
            item_page(staff, &id, StepForm::default(), errors).await
        }
        Err(err) => Err(err.into()),
    }
}

/// `GET /pengaduan/{id}/lampiran/{file}`: an attachment, for staff who may see the item.
pub async fn attachment(staff: Staff, Path((id, file_id)): Path<(String, String)>) -> Result<Response, WebError> {
    staff.user.require_any(Permission::ViewComplaints)?;
    load_for(&staff, &id).await?;
    let mut conn = staff.app.db().conn().await?;
    let (meta, content) = queries::load_attachment_content(&mut conn, &staff.tenant.0.id, &id, &file_id).await?;
    let content = content.ok_or(WebError::NotFound)?;
    // Served as a download with a fixed type, so a crafted file cannot run as a page of this site.
    let disposition = format!("attachment; filename=\"{}\"", meta.file_name.replace(['"', '\\', '\r', '\n'], "_"));
    Ok(([(header::CONTENT_TYPE, meta.media_type), (header::CONTENT_DISPOSITION, disposition)], content).into_response())
}

/// `GET /pengaduan/{id}/tanda-terima.pdf`: a reprint of the receipt (without the secret) for the front desk.
pub async fn receipt_pdf(staff: Staff, headers: HeaderMap, Path(id): Path<String>) -> Result<Response, WebError> {
    staff.user.require_any(Permission::ViewComplaints)?;
    let (item, ..) = load_for(&staff, &id).await?;
    let mut conn = staff.app.db().conn().await?;
    let text = reporter::load_receipt_text(&mut conn, &staff.tenant.0.id, &item).await?;
    let url = super::public::verify_url(&staff.app, &headers, &text);
    drop(conn);
    let house = crate::documents::letterhead::House::of(&staff.app, &staff.tenant.0).await?;
    super::pdf::receipt(staff.lang, (&staff.tenant.0, &house), &item, None, &url)?.respond().await
}

/// `GET /pengaduan/baru`: the front-desk form for walk-in complaints and incoming letters.
pub async fn front_desk_form(staff: Staff) -> Result<Response, WebError> {
    staff.user.require_any(Permission::RegisterComplaints)?;
    let form = domain::complaints::intake::RawItem {
        kind: "surat_masuk".into(),
        confidentiality: "publik".into(),
        ..Default::default()
    };
    super::public::form_page(&staff.app, &staff.tenant, staff.layout, (form, FieldErrors::new()), true).await
}

/// `POST /pengaduan/baru`: registers the item on the citizen's behalf and shows the receipt to print.
pub async fn front_desk_submit(staff: Staff, headers: HeaderMap, multipart: Multipart) -> Result<Response, WebError> {
    staff.user.require_any(Permission::RegisterComplaints)?;
    let (raw, files) = super::public::read_item(multipart).await?;
    let submission = Submission {
        raw: raw.clone(),
        source: Source::FrontDesk,
        channel: Channel::FrontDesk,
        ip: None,
        files,
        registered_by: Some(staff.user.user.id.as_str().to_owned()),
    };
    let actor = store::Actor::User(staff.user.user.id.clone());
    match super::file_detached(&staff.app, &staff.tenant, actor, submission).await? {
        Ok(filed) => super::public::receipt_page((&staff.app, &headers), staff.layout, &staff.tenant, &filed, true),
        Err(StoreError::Invalid(problems)) => {
            let errors = field_errors(staff.lang, &problems);
            super::public::form_page(&staff.app, &staff.tenant, staff.layout, (raw, errors), true).await
        }
        Err(err) => Err(err.into()),
    }
}
