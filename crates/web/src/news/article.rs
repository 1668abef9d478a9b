//! One article: its cleaned text with the facts highlighted, the units it is linked to, its categories, people,
//! the other articles about the same event, the agency names of the Pemda that did not link (with a form to map
//! each to a unit once), and its preliminary reviews with the form to open one.

use axum::Form;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::people::Permission;
use serde::{Deserialize, Serialize};
use store::StoreError;
use store::news::{listing, notices, reviews};

use super::inbox::{Row, row};
use crate::error::WebError;
use crate::forms::{FieldErrors, field_errors};
use crate::render::render_status;
use crate::staff::Staff;

#[derive(Serialize)]
struct AgencyView {
    name: String,
    state: String,
    unit: Option<(String, String)>,
}

#[derive(Serialize)]
struct ReviewView {
    id: String,
    number: String,
    status: String,
    summary: String,
    conclusion: Option<String>,
    unit: String,
}

#[derive(Serialize, Deserialize, Default)]
pub struct ReviewForm {
    #[serde(default)]
    unit_id: String,
    #[serde(default)]
    summary: String,
}

#[derive(Serialize, Deserialize, Default)]
pub struct AliasForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    unit_id: String,
}

#[derive(Serialize)]
struct ArticlePage {
    #[serde(flatten)]
    layout: crate::layout::Layout,
    article: Row,
    url: Option<String>,
    html: String,
    agencies: Vec<AgencyView>,
    people: Vec<(String, String)>,
    group: Vec<Row>,
    reviews: Vec<ReviewView>,
    units: Vec<(String, String)>,
    linked: Vec<(String, String)>,
    manage: bool,
    review: bool,
    furniture: usize,
    repeats: usize,
    form: ReviewForm,
    errors: FieldErrors,
}

/// Loads an article the user may see.
async fn visible(staff: &Staff, id: &str) -> Result<(listing::Article, Vec<domain::org::Unit>), WebError> {
    staff.user.require_any(Permission::ViewNews)?;
    let data = staff.app.db().tenant_data(&staff.tenant.0.id).await?;
    let tree = &data.tree;
    let mut conn = staff.app.db().conn().await?;
    let article = listing::load(&mut conn, &staff.tenant.0.id, id).await?;
    if let Some(visible) = super::visible_units(&staff.user.access, tree)
        && !article.unit_ids.iter().any(|it| visible.contains(it))
    {
        return Err(WebError::NotFound);
    }
    Ok((article, data.units.clone()))
}

fn unit_name(units: &[domain::org::Unit], id: &str) -> String {
    // The article's units: all of the Pemda's, already loaded with it.
    units.iter().find(|it| it.id.as_str() == id).map(|it| it.draft.name.clone()).unwrap_or_default()
}

async fn page(
    staff: Staff,
    id: &str,
    status: StatusCode,
    form: ReviewForm,
    errors: FieldErrors,
) -> Result<Response, WebError> {
    let (article, units) = visible(&staff, id).await?;
    let tenant = &staff.tenant.0.id;
    let mut conn = staff.app.db().conn().await?;
    let group = listing::list_group(&mut conn, tenant, &article.summary.group_id, id).await?;
    let review_rows = reviews::list_for_article(&mut conn, tenant, id).await?;
    let user_id = staff.user.user.id.as_str().to_owned();
    notices::update_read(&mut conn, tenant, &user_id, &format!("/berita/{id}"), staff.app.now().as_millisecond())
        .await?;
    drop(conn);
    let html = super::highlight::render(staff.lang, &article.body, &article.facts.found);
    let agencies = article
        .facts
        .agencies
        .iter()
        .map(|it| AgencyView {
            name: it.name.clone(),
            state: it.state.clone(),
            unit: it.unit_id.as_ref().map(|u| (u.clone(), unit_name(&units, u))),
        })
        .collect();
    let page = ArticlePage {
        url: article.summary.url.clone(),
        html,
        agencies,
        people: article.facts.people.iter().map(|it| (it.name.clone(), it.role.clone())).collect(),
        group: group.into_iter().map(|it| row(&staff, it)).collect(),
        reviews: review_rows
            .into_iter()
            .map(|it| ReviewView {
                unit: it.unit_id.as_deref().map(|u| unit_name(&units, u)).unwrap_or_default(),
                id: it.id,
                number: it.number,
                status: it.status,
                summary: it.summary,
                conclusion: it.conclusion,
            })
            .collect(),
        units: units.iter().map(|it| (it.id.as_str().to_owned(), it.draft.name.clone())).collect(),
        linked: article.unit_ids.iter().map(|it| (it.clone(), unit_name(&units, it))).collect(),
        manage: staff.user.access.has(Permission::ManageNews),
        review: staff.user.access.has(Permission::ReviewNews),
        furniture: article.facts.furniture,
        repeats: article.facts.repeats,
        article: row(&staff, article.summary),
        form,
        errors,
        layout: staff.layout,
    };
    render_status(status, "news/article.html", &page)
}

/// `GET /berita/{id}`.
pub async fn show(staff: Staff, Path(id): Path<String>) -> Result<Response, WebError> {
    page(staff, &id, StatusCode::OK, ReviewForm::default(), FieldErrors::new()).await
}

/// `POST /berita/{id}/petakan`: remembers an agency name as an alias of a unit and re-links the articles.
pub async fn map_alias(
    staff: Staff,
    Path(id): Path<String>,
    Form(form): Form<AliasForm>,
) -> Result<Response, WebError> {
    staff.user.require_any(Permission::ManageNews)?;
    let (article, units) = visible(&staff, &id).await?;
    let known = article.facts.unlinked().any(|it| it.name == form.name);
    let unit = units.iter().find(|it| it.id.as_str() == form.unit_id);
    let (Some(unit), true) = (unit, known) else {
        return Err(WebError::BadRequest(staff.lang.t("news.article.map_invalid").to_owned()));
    };
    // The alias is the name without the Pemda's region ("Dinkop UKM Tangsel" → "Dinkop UKM").
    let alias = text::regions::without_region(&form.name).to_owned();
    let mut draft = unit.draft.clone();
    if !draft.aliases.iter().any(|it| domain::org::alias_key(it) == domain::org::alias_key(&alias)) {
        draft.aliases.push(alias);
    }
    let cx = staff.action_cx();
    match store::org::actions::save_unit(&cx, Some(&unit.id), draft).await {
        Ok(_) | Err(StoreError::Duplicate) => {}
        Err(StoreError::Invalid(_)) => {
            return Err(WebError::BadRequest(staff.lang.t("news.article.map_invalid").to_owned()));
        }
        Err(err) => return Err(err.into()),
    }
    super::ingest::relink(&cx).await?;
    Ok(Redirect::to(&format!("/berita/{id}?notice=saved")).into_response())
}

/// `POST /berita/{id}/telaah`: opens a preliminary review assigned to the inspectorate.
pub async fn open_review(
    staff: Staff,
    Path(id): Path<String>,
    Form(form): Form<ReviewForm>,
) -> Result<Response, WebError> {
    staff.user.require_any(Permission::ReviewNews)?;
    visible(&staff, &id).await?;
    let unit = Some(form.unit_id.trim()).filter(|it| !it.is_empty());
    match reviews::open(&staff.action_cx(), &id, unit, &form.summary).await {
        Ok(_) => Ok(Redirect::to(&format!("/berita/{id}?notice=created")).into_response()),
        Err(StoreError::Invalid(problems)) => {
            let errors = field_errors(staff.lang, &problems);
            page(staff, &id, StatusCode::UNPROCESSABLE_ENTITY, form, errors).await
        }
        Err(err) => Err(err.into()),
    }
}
