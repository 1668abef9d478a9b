//! The JSON API under `/api/v1`, described by the OpenAPI document at `/api/openapi.json`.
//!
//! Wire types are defined here, converted explicitly from domain types, so renaming a domain field never changes
//! what an integrator receives.

mod calendar;
pub(crate) mod complaints;
mod decisions;
mod discipline;
mod indicators;
mod news;
mod scorecards;
mod surveys;
mod surveys_staff;
mod units;

use axum::Json;
use axum::Router;
use axum::routing::get;
use utoipa::OpenApi;

use crate::App;

/// The API routes.
pub fn routes() -> Router<App> {
    Router::new()
        .route("/api/openapi.json", get(openapi))
        .route("/api/v1/units", get(units::list).post(units::create))
        .route("/api/v1/calendar/add-workdays", get(calendar::add_workdays))
        .route("/api/v1/calendar/workdays", get(calendar::workdays))
        .route("/api/v1/calendar/holidays", get(calendar::holidays))
        .merge(complaints::routes())
        .merge(surveys::routes())
        .merge(surveys_staff::routes())
        .merge(news::routes())
        .merge(discipline::routes())
        .merge(decisions::routes())
        .merge(indicators::routes())
        .route("/api/v1/scorecards", get(scorecards::list))
        .route("/api/v1/watchlist", get(scorecards::watchlist))
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Pantau API",
        description = "Units, calendar and complaints of a Pemda. Open311 GeoReport v2 is served at `/open311/v2` \
            (see its discovery document)."
    ),
    paths(
        units::list,
        units::create,
        calendar::add_workdays,
        calendar::workdays,
        calendar::holidays,
        complaints::citizen::create,
        complaints::citizen::track,
        complaints::citizen::step,
        complaints::staff::list,
        complaints::staff::get,
        surveys::survey,
        surveys::respond,
        surveys::report,
        surveys_staff::list,
        surveys_staff::create_service,
        surveys_staff::open,
        surveys_staff::import_paper,
        surveys_staff::create_followup,
        news::list,
        news::one,
        news::create,
        news::search,
        discipline::list,
        discipline::one,
        discipline::add_step,
        discipline::proposals,
        discipline::employees,
        scorecards::list,
        scorecards::watchlist,
        decisions::list,
        decisions::create,
        decisions::plan,
        indicators::list,
        indicators::save,
        crate::complaints::open311::doc::discovery,
        crate::complaints::open311::doc::services,
        crate::complaints::open311::doc::definition,
        crate::complaints::open311::doc::create,
        crate::complaints::open311::doc::list,
        crate::complaints::open311::doc::one,
        crate::complaints::open311::doc::token,
    ),
    components(schemas(
        complaints::wire::ComplaintIn,
        surveys::SurveyOut,
        surveys::QuestionOut,
        surveys::ProfileOut,
        surveys::ResponseIn,
        surveys::ResponseOut,
        surveys_staff::SurveySummaryOut,
        surveys_staff::ServiceIn,
        surveys_staff::CreatedOut,
        surveys_staff::SurveyIn,
        surveys_staff::ImportedOut,
        surveys_staff::FollowupIn,
        news::ArticleOut,
        news::ListOut,
        news::ArticleDetailOut,
        news::ArticleIn,
        news::AddedOut,
        news::HitOut,
        news::SearchOut,
        discipline::DueOut,
        discipline::CaseOut,
        discipline::CaseFileOut,
        crate::discipline::wire::StepOut,
        crate::discipline::wire::OutcomeOut,
        crate::discipline::wire::RecordedStepOut,
        crate::discipline::wire::BreachOut,
        news::facts::FactsOut,
        discipline::StepIn,
        discipline::ProposalOut,
        discipline::EmployeeOut,
        crate::scorecards::ScorecardRow,
        scorecards::WatchOut,
        scorecards::FiredOut,
        indicators::IndicatorOut,
        indicators::MonthIn,
        indicators::SavedOut,
        complaints::wire::AttachmentIn,
        complaints::wire::ReceiptOut,
        complaints::wire::TrackIn,
        complaints::wire::ReporterStepIn,
        complaints::wire::ComplaintOut,
        complaints::wire::DeadlineOut,
        complaints::wire::EventOut,
        crate::complaints::open311::doc::Open311Service,
        crate::complaints::open311::doc::Open311Request,
        crate::complaints::open311::doc::Open311Created,
        crate::complaints::open311::doc::Open311Error,
        units::UnitOut,
        units::UnitIn,
        calendar::DateOut,
        calendar::CountOut,
        calendar::HolidayOut,
        crate::error::ApiProblem,
        crate::error::ProblemDocument<'_>
    ))
)]
struct ApiDoc;

/// The OpenAPI document.
pub fn document() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// `GET /api/openapi.json`: the OpenAPI 3.1 document of the API.
pub async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(document())
}

#[cfg(test)]
mod tests;
