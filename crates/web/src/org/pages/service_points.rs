//! Creating, editing and deleting a unit's service points and their weekly hours.

use axum::Form;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::ids::{ServicePointId, UnitId};
use domain::org::{RawServicePoint, ServicePoint, WEEKDAYS};
use domain::people::Permission;
use serde::{Deserialize, Serialize};

use crate::error::WebError;
use crate::forms::{FieldErrors, field_errors};
use crate::i18n::Lang;
use crate::layout::Layout;
use crate::render::{render, render_status};
use crate::staff::Staff;

/// The service point form, as typed.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct PointForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    min_staff: String,
    #[serde(default)]
    opens_1: String,
    #[serde(default)]
    closes_1: String,
    #[serde(default)]
    opens_2: String,
    #[serde(default)]
    closes_2: String,
    #[serde(default)]
    opens_3: String,
    #[serde(default)]
    closes_3: String,
    #[serde(default)]
    opens_4: String,
    #[serde(default)]
    closes_4: String,
    #[serde(default)]
    opens_5: String,
    #[serde(default)]
    closes_5: String,
    #[serde(default)]
    opens_6: String,
    #[serde(default)]
    closes_6: String,
    #[serde(default)]
    opens_7: String,
    #[serde(default)]
    closes_7: String,
}

impl PointForm {
    fn raw(&self) -> RawServicePoint {
        let opens =
            [&self.opens_1, &self.opens_2, &self.opens_3, &self.opens_4, &self.opens_5, &self.opens_6, &self.opens_7];
        let closes = [
            &self.closes_1,
            &self.closes_2,
            &self.closes_3,
            &self.closes_4,
            &self.closes_5,
            &self.closes_6,
            &self.closes_7,
        ];
        RawServicePoint {
            name: self.name.clone(),
            min_staff: self.min_staff.clone(),
            opens: opens.map(Clone::clone),
            closes: closes.map(Clone::clone),
        }
    }

    fn of(point: &ServicePoint) -> PointForm {
        let mut opens: [String; 7] = Default::default();
        let mut closes: [String; 7] = Default::default();
        for hours in &point.hours {
            let idx = WEEKDAYS.iter().position(|it| *it == hours.weekday).unwrap_or(0);
            opens[idx] = hours.opens.strftime("%H:%M").to_string();
            closes[idx] = hours.closes.strftime("%H:%M").to_string();
        }
        let [o1, o2, o3, o4, o5, o6, o7] = opens;
        let [c1, c2, c3, c4, c5, c6, c7] = closes;
        PointForm {
            name: point.name.clone(),
            min_staff: point.min_staff.to_string(),
            opens_1: o1,
            closes_1: c1,
            opens_2: o2,
            closes_2: c2,
            opens_3: o3,
            closes_3: c3,
            opens_4: o4,
            closes_4: c4,
            opens_5: o5,
            closes_5: c5,
            opens_6: o6,
            closes_6: c6,
            opens_7: o7,
            closes_7: c7,
        }
    }
}

#[derive(Serialize)]
struct DayRow {
    label: String,
    opens_field: &'static str,
    closes_field: &'static str,
}

#[derive(Serialize)]
struct PointFormPage {
    #[serde(flatten)]
    layout: Layout,
    unit_id: String,
    unit_name: String,
    point_id: Option<String>,
    form: PointForm,
    days: Vec<DayRow>,
    errors: FieldErrors,
}

fn days(lang: Lang) -> Vec<DayRow> {
    (0..7)
        .map(|idx| DayRow {
            label: lang.t(&format!("common.weekdays.d{}", idx + 1)).to_owned(),
            opens_field: domain::org::OPENS_FIELDS[idx],
            closes_field: domain::org::CLOSES_FIELDS[idx],
        })
        .collect()
}

/// Loads the unit's name after checking the user may manage its service points.
async fn authorised_unit(staff: &Staff, unit: &UnitId) -> Result<String, WebError> {
    let user = &staff.user;
    let mut conn = staff.app.db().conn().await?;
    let units = store::org::queries::list_units(&mut conn, &staff.tenant.0.id).await?;
    let tree = domain::org::UnitTree::of_units(&units);
    let found = units.iter().find(|it| &it.id == unit).ok_or(WebError::NotFound)?;
    user.require_unit(Permission::ViewUnits, unit, &tree)?;
    if !user.access.can_unit(Permission::ManageServicePoints, unit, &tree) {
        return Err(WebError::Forbidden);
    }
    Ok(found.draft.name.clone())
}

/// `GET /unit/{id}/layanan/baru`: an empty service point form with the usual office hours.
pub async fn new_form(staff: Staff, Path(id): Path<String>) -> Result<Response, WebError> {
    let unit_id = UnitId::new(id);
    let unit_name = authorised_unit(&staff, &unit_id).await?;
    let mut form = PointForm { min_staff: "1".to_owned(), ..PointForm::default() };
    for (opens, closes) in [
        (&mut form.opens_1, &mut form.closes_1),
        (&mut form.opens_2, &mut form.closes_2),
        (&mut form.opens_3, &mut form.closes_3),
        (&mut form.opens_4, &mut form.closes_4),
        (&mut form.opens_5, &mut form.closes_5),
    ] {
        "08:00".clone_into(opens);
        "16:00".clone_into(closes);
    }
    let page = PointFormPage {
        layout: staff.layout,
        unit_id: unit_id.to_string(),
        unit_name,
        point_id: None,
        form,
        days: days(staff.lang),
        errors: FieldErrors::default(),
    };
    Ok(render("org/service_point_form.html", &page)?.into_response())
}

/// `GET /unit/{id}/layanan/{point}/ubah`: the form of an existing service point.
pub async fn edit_form(staff: Staff, Path((id, point)): Path<(String, String)>) -> Result<Response, WebError> {
    let unit_id = UnitId::new(id);
    let unit_name = authorised_unit(&staff, &unit_id).await?;
    let mut conn = staff.app.db().conn().await?;
    let points = store::org::queries::list_service_points(&mut conn, &staff.tenant.0.id, &unit_id).await?;
    let found = points.iter().find(|it| it.id.as_str() == point).ok_or(WebError::NotFound)?;
    let page = PointFormPage {
        layout: staff.layout,
        unit_id: unit_id.to_string(),
        unit_name,
        point_id: Some(point),
        form: PointForm::of(found),
        days: days(staff.lang),
        errors: FieldErrors::default(),
    };
    Ok(render("org/service_point_form.html", &page)?.into_response())
}

struct Target {
    unit: UnitId,
    point: Option<ServicePointId>,
}

async fn save(staff: Staff, target: Target, form: PointForm) -> Result<Response, WebError> {
    let unit_name = authorised_unit(&staff, &target.unit).await?;
    let result = match form.raw().parse() {
        Ok(draft) => {
            store::org::actions::save_service_point(&staff.action_cx(), &target.unit, target.point.as_ref(), draft)
                .await
        }
        Err(problems) => Err(store::StoreError::Invalid(problems)),
    };
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/unit/{}?notice=saved", target.unit)).into_response()),
        Err(store::StoreError::Invalid(problems)) => {
            let page = PointFormPage {
                layout: staff.layout,
                unit_id: target.unit.to_string(),
                unit_name,
                point_id: target.point.map(|it| it.to_string()),
                form,
                days: days(staff.lang),
                errors: field_errors(staff.lang, &problems),
            };
            render_status(StatusCode::UNPROCESSABLE_ENTITY, "org/service_point_form.html", &page)
        }
        Err(other) => Err(other.into()),
    }
}

/// `POST /unit/{id}/layanan`: creates a service point.
pub async fn create(staff: Staff, Path(id): Path<String>, Form(form): Form<PointForm>) -> Result<Response, WebError> {
    save(staff, Target { unit: UnitId::new(id), point: None }, form).await
}

/// `POST /unit/{id}/layanan/{point}`: updates a service point.
pub async fn update(
    staff: Staff,
    Path((id, point)): Path<(String, String)>,
    Form(form): Form<PointForm>,
) -> Result<Response, WebError> {
    let target = Target { unit: UnitId::new(id), point: Some(ServicePointId::new(point)) };
    save(staff, target, form).await
}

/// `POST /unit/{id}/layanan/{point}/hapus`: deletes a service point.
pub async fn delete(staff: Staff, Path((id, point)): Path<(String, String)>) -> Result<Response, WebError> {
    let unit_id = UnitId::new(id);
    authorised_unit(&staff, &unit_id).await?;
    store::org::actions::delete_service_point(&staff.action_cx(), &unit_id, &ServicePointId::new(point)).await?;
    Ok(Redirect::to(&format!("/unit/{unit_id}?notice=deleted")).into_response())
}
