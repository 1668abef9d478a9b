//! `/api/v1/units`: the public unit register, and creating a unit from a signed-in session.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::org::{RawUnit, Unit};
use domain::people::Permission;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::App;
use crate::auth::CurrentUser;
use crate::error::WebError;
use crate::forms::api_problems;
use crate::i18n::Lang;
use crate::tenant::Tenant;

/// A unit as the API shows it.
#[derive(Serialize, ToSchema)]
pub struct UnitOut {
    /// Pantau's id of the unit.
    pub id: String,
    /// The unit code used by the Pemda.
    pub code: String,
    /// Code of the parent unit.
    pub parent_code: Option<String>,
    /// Kind code (`dinas`, `badan`, `upt`, …).
    pub kind: String,
    /// Official name.
    pub name: String,
    /// Main abbreviation.
    pub short_name: Option<String>,
    /// Other names.
    pub aliases: Vec<String>,
    /// IANA time zone.
    pub time_zone: String,
    /// Whether the unit is closed on cuti bersama days.
    pub closed_on_cuti_bersama: bool,
    /// Whether the unit is active.
    pub active: bool,
}

impl From<&Unit> for UnitOut {
    fn from(unit: &Unit) -> UnitOut {
        let draft = &unit.draft;
        UnitOut {
            id: unit.id.to_string(),
            code: draft.code.clone(),
            parent_code: draft.parent_code.clone(),
            kind: draft.kind.code().to_owned(),
            name: draft.name.clone(),
            short_name: draft.short_name.clone(),
            aliases: draft.aliases.clone(),
            time_zone: draft.zone.iana().to_owned(),
            closed_on_cuti_bersama: draft.observes_cuti_bersama,
            active: draft.is_active,
        }
    }
}

/// A new unit.
#[derive(Deserialize, ToSchema)]
pub struct UnitIn {
    /// Unit code, unique within the Pemda.
    pub code: String,
    /// Code of the parent unit; omit for a top-level unit.
    #[serde(default)]
    pub parent_code: Option<String>,
    /// Kind code.
    pub kind: String,
    /// Official name.
    pub name: String,
    /// Main abbreviation.
    #[serde(default)]
    pub short_name: Option<String>,
    /// Other names.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// IANA time zone; the Pemda's when omitted.
    #[serde(default)]
    pub time_zone: Option<String>,
    /// Closed on cuti bersama (default true).
    #[serde(default)]
    pub closed_on_cuti_bersama: Option<bool>,
}

/// List the Pemda's units, in register order (public).
#[utoipa::path(get, path = "/api/v1/units", responses((status = 200, body = [UnitOut])))]
pub async fn list(State(app): State<App>, tenant: Tenant) -> Result<Json<Vec<UnitOut>>, WebError> {
    let mut conn = app.db().conn().await?;
    let units = store::org::queries::list_units(&mut conn, &tenant.0.id).await?;
    let tree = domain::org::UnitTree::of_units(&units);
    let ordered = tree
        .ordered()
        .into_iter()
        .filter_map(|(id, _)| units.iter().find(|it| it.id == id))
        .map(UnitOut::from)
        .collect();
    Ok(Json(ordered))
}

/// Create a unit. Needs a signed-in session allowed to manage units and the `X-CSRF-Token` header.
#[utoipa::path(post, path = "/api/v1/units", request_body = UnitIn,
    responses(
        (status = 201, body = UnitOut),
        (status = 401, description = "not signed in", body = crate::error::ProblemDocument<'_>),
        (status = 403, description = "not allowed to manage units under this parent", body = crate::error::ProblemDocument<'_>),
        (status = 409, description = "the code is taken", body = crate::error::ProblemDocument<'_>),
        (status = 422, description = "invalid fields, each in `problems`", body = crate::error::ProblemDocument<'_>)))]
pub async fn create(
    State(app): State<App>,
    tenant: Tenant,
    lang: Lang,
    user: CurrentUser,
    Json(body): Json<UnitIn>,
) -> Result<Response, WebError> {
    let flag = |it: Option<bool>| it.map(|value| if value { "ya" } else { "tidak" }).unwrap_or_default().to_owned();
    let raw = RawUnit {
        code: body.code,
        parent_code: body.parent_code.unwrap_or_default(),
        kind: body.kind,
        name: body.name,
        short_name: body.short_name.unwrap_or_default(),
        aliases: body.aliases.join(";"),
        zone: body.time_zone.unwrap_or_default(),
        observes_cuti_bersama: flag(body.closed_on_cuti_bersama),
        is_active: String::new(),
    };
    let mut conn = app.db().conn().await?;
    let units = store::org::queries::list_units(&mut conn, &tenant.0.id).await?;
    drop(conn);
    let tree = domain::org::UnitTree::of_units(&units);
    let parent = units.iter().find(|it| it.draft.code.eq_ignore_ascii_case(raw.parent_code.trim()));
    let allowed = match parent {
        Some(parent) => user.access.can_unit(Permission::ManageUnits, &parent.id, &tree),
        None => user.access.can_tenant(Permission::ManageUnits),
    };
    if !allowed {
        return Err(WebError::Forbidden);
    }
    let draft = raw
        .parse(tenant.0.level, tenant.0.zone)
        .map_err(|problems| WebError::Invalid(api_problems(lang, &problems)))?;
    match store::org::actions::save_unit(&app.action_cx(&tenant, &user), None, draft).await {
        Ok(unit) => Ok((StatusCode::CREATED, Json(UnitOut::from(&unit))).into_response()),
        Err(store::StoreError::Invalid(problems)) => Err(WebError::Invalid(api_problems(lang, &problems))),
        Err(other) => Err(other.into()),
    }
}
