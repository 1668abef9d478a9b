//! Attendance: the import form for a year's file (all rows or none, every bad row listed) and the proposals the
//! absence table gives, each with the button that opens a case from it.

use axum::extract::{Multipart, Query};
use axum::http::StatusCode;
use axum::response::Response;
use domain::people::Permission;
use serde::{Deserialize, Serialize};
use store::discipline::attendance::{self, Outcome, Proposal};
use store::{Refusal, StoreError};

use super::files;
use crate::error::WebError;
use crate::forms::read_upload;
use crate::layout::Layout;
use crate::render::render_status;
use crate::staff::Staff;

#[derive(Serialize)]
struct ProposalView {
    #[serde(flatten)]
    proposal: Proposal,
    unit: String,
    sanction_name: String,
}

#[derive(Serialize)]
struct Page {
    #[serde(flatten)]
    layout: Layout,
    year: i64,
    can_import: bool,
    problems: Vec<String>,
    outcome: Option<Outcome>,
    proposals: Vec<ProposalView>,
    table: Vec<(String, String, String)>,
    consecutive: String,
}

#[derive(Deserialize, Default)]
pub struct YearQuery {
    #[serde(default)]
    tahun: Option<i64>,
}

fn this_year(staff: &Staff) -> i64 {
    i64::from(staff.app.now().to_zoned(staff.tenant.0.zone.time_zone()).year())
}

async fn render_page(
    staff: Staff,
    status: StatusCode,
    year: i64,
    problems: Vec<String>,
    outcome: Option<Outcome>,
) -> Result<Response, WebError> {
    let rules = super::rules_of(&staff).await?;
    let tenant = &staff.tenant.0.id;
    let data = staff.app.db().tenant_data(tenant).await?;
    let tree = &data.tree;
    let mut conn = staff.app.db().conn().await?;
    let proposals = attendance::list_proposals(&mut conn, tenant, year)
        .await?
        .into_iter()
        .filter(|it| {
            let unit = domain::ids::UnitId::new(it.unit_id.clone());
            staff.user.access.can_unit(Permission::HandleDiscipline, &unit, tree)
        })
        .map(|it| ProposalView {
            unit: data
                .units
                .iter()
                .find(|unit| unit.id.as_str() == it.unit_id)
                .map(|u| u.draft.name.clone())
                .unwrap_or_default(),
            sanction_name: it
                .sanction
                .as_deref()
                .and_then(|code| rules.sanction(code))
                .map(|s| s.name.clone())
                .unwrap_or_default(),
            proposal: it,
        })
        .collect();
    let table = rules
        .absence_rows()
        .iter()
        .map(|row| {
            let days = match row.to {
                Some(to) if to == row.from => row.from.to_string(),
                Some(to) => format!("{}–{to}", row.from),
                None => format!("≥ {}", row.from),
            };
            let sanction = rules.sanction(&row.sanction);
            let level = sanction.map(|it| it.level.code().to_owned()).unwrap_or_default();
            (days, level, sanction.map(|it| it.name.clone()).unwrap_or_default())
        })
        .collect();
    let (days, sanction, _) = rules.consecutive();
    let consecutive = staff.lang.tf(
        "discipline.attendance.consecutive",
        &[("days", &days.to_string()), ("sanction", rules.sanction(sanction).map_or(sanction, |it| it.name.as_str()))],
    );
    let page = Page {
        can_import: staff.user.access.can_tenant(Permission::ManageEmployees),
        layout: staff.layout,
        year,
        problems,
        outcome,
        proposals,
        table,
        consecutive,
    };
    render_status(status, "discipline/attendance.html", &page)
}

/// `GET /disiplin/kehadiran?tahun=2026`.
pub async fn page(staff: Staff, Query(query): Query<YearQuery>) -> Result<Response, WebError> {
    staff.user.require_any(Permission::HandleDiscipline)?;
    let year = query.tahun.filter(|it| (2000..=2100).contains(it)).unwrap_or_else(|| this_year(&staff));
    render_page(staff, StatusCode::OK, year, Vec::new(), None).await
}

/// `POST /disiplin/kehadiran`: a year's attendance file.
pub async fn upload(staff: Staff, multipart: Multipart) -> Result<Response, WebError> {
    staff.user.require_tenant(Permission::ManageEmployees)?;
    let upload = read_upload(multipart).await?;
    let year = upload.field("year").trim().parse::<i16>().ok().filter(|it| (2000..=2100).contains(it));
    let Some(year) = year else {
        let problems = vec![staff.lang.t("discipline.attendance.bad_year").to_owned()];
        let this = this_year(&staff);
        return render_page(staff, StatusCode::UNPROCESSABLE_ENTITY, this, problems, None).await;
    };
    let name = upload.name.clone();
    let read = crate::sheets::off_thread(move || files::attendance_rows(&upload.name, &upload.bytes)).await?;
    let result = match read {
        Ok(rows) => {
            let rules = super::rules_of(&staff).await?;
            match attendance::import(&staff.action_cx(), &rules, year, &name, &rows).await {
                Err(StoreError::Refused(Refusal::AttendanceRows(problems))) => {
                    Err(files::attendance_messages(staff.lang, &problems))
                }
                done => Ok(done?),
            }
        }
        Err(problem) => Err(files::file_messages(staff.lang, &problem)),
    };
    match result {
        Ok(outcome) => render_page(staff, StatusCode::OK, i64::from(year), Vec::new(), Some(outcome)).await,
        Err(problems) => render_page(staff, StatusCode::UNPROCESSABLE_ENTITY, i64::from(year), problems, None).await,
    }
}
