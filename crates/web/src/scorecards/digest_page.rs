//! `/akun/ringkasan`: the signed-in person's weekly digest — whether they receive it (leaders and unit heads with an
//! e-mail address), the switch to turn it off or on, and this week's text as it would be sent, in their language.

use axum::Form;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::people::Role;
use serde::{Deserialize, Serialize};

use super::digest::{compose, week_code};
use crate::error::WebError;
use crate::layout::Layout;
use crate::render::render_status;
use crate::staff::Staff;

#[derive(Serialize)]
struct Page {
    #[serde(flatten)]
    layout: Layout,
    eligible: bool,
    has_email: bool,
    wanted: bool,
    week: String,
    preview: Option<String>,
}

/// Whether the digest is meant for this person's roles.
fn eligible(staff: &Staff) -> bool {
    staff.user.access.grants().iter().any(|it| matches!(it.role, Role::Leader | Role::UnitHead))
}

/// `GET /akun/ringkasan`.
pub async fn page(staff: Staff, headers: axum::http::HeaderMap) -> Result<Response, WebError> {
    let tenant = &staff.tenant.0;
    let user = staff.user.user.id.as_str().to_owned();
    let mut conn = staff.app.db().conn().await?;
    let wanted = !store::scorecards::digest::find_optout(&mut conn, &tenant.id, &user).await?;
    drop(conn);
    let today = tenant.zone.local_date(staff.app.now());
    let preview = if eligible(&staff) {
        // The links as the e-mail will carry them: the public address, or this request's host until one is set.
        let base = crate::view::public_base(&staff.app, &headers);
        let who = (staff.user.user.display_name.as_str(), &staff.user.access);
        let (subject, text) = compose(staff.app.db(), tenant, who, (today, staff.lang, &base)).await?;
        Some(format!("{subject}\n\n{text}"))
    } else {
        None
    };
    let page = Page {
        eligible: eligible(&staff),
        has_email: staff.user.user.email.as_deref().is_some_and(|it| !it.trim().is_empty()),
        wanted,
        week: week_code(today),
        preview,
        layout: staff.layout,
    };
    render_status(StatusCode::OK, "scorecards/digest.html", &page)
}

/// The switch.
#[derive(Deserialize)]
pub struct ChoiceForm {
    #[serde(default)]
    terima: Option<String>,
}

/// `POST /akun/ringkasan`: `terima=ya` to receive it, nothing to stop it.
pub async fn save(staff: Staff, Form(form): Form<ChoiceForm>) -> Result<Response, WebError> {
    let user = staff.user.user.id.as_str().to_owned();
    let wanted = form.terima.as_deref() == Some("ya");
    store::scorecards::digest::save_choice(&staff.action_cx(), &user, wanted).await?;
    Ok(Redirect::to("/akun/ringkasan?notice=saved").into_response())
}
