//! `/api/v1/calendar`: working-day arithmetic on the Pemda's calendar (public).

use axum::Json;
use axum::extract::{Query, State};
use domain::calendar::Calendar;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::App;
use crate::error::{ApiProblem, WebError};
use crate::i18n::Lang;
use crate::tenant::Tenant;

/// A date answer.
#[derive(Serialize, ToSchema)]
pub struct DateOut {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// False when the date lies outside the years whose national holidays Pantau ships; only weekends and the
    /// Pemda's own entries were counted there.
    pub within_holiday_data: bool,
}

/// A count answer.
#[derive(Serialize, ToSchema)]
pub struct CountOut {
    /// Number of working days.
    pub count: u32,
    /// As in [`DateOut`].
    pub within_holiday_data: bool,
}

/// One non-working date.
#[derive(Serialize, ToSchema)]
pub struct HolidayOut {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `libur_nasional`, `cuti_bersama` or `libur_daerah`.
    pub kind: String,
    /// Indonesian name.
    pub name_id: String,
    /// English name.
    pub name_en: String,
    /// Legal basis.
    pub source: String,
}

#[derive(Deserialize, IntoParams)]
pub struct AddQuery {
    /// Start date, `YYYY-MM-DD`, not counted.
    date: String,
    /// Number of working days to add (0–1000).
    n: u32,
}

#[derive(Deserialize, IntoParams)]
pub struct RangeQuery {
    /// First date, `YYYY-MM-DD`, counted.
    from: String,
    /// Last date, `YYYY-MM-DD`, counted.
    to: String,
}

#[derive(Deserialize, IntoParams)]
pub struct YearQuery {
    /// Year.
    year: i16,
}

fn parse_date(lang: Lang, field: &str, text: &str) -> Result<Date, WebError> {
    text.trim().parse().map_err(|_| {
        let message = lang.tf("errors.field.malformed", &[("given", text)]);
        WebError::Invalid(vec![ApiProblem { field: field.to_owned(), code: "malformed".to_owned(), message }])
    })
}

async fn calendar(app: &App, tenant: &Tenant) -> Result<Calendar, WebError> {
    let mut conn = app.db().conn().await?;
    Ok(store::calendar::load_calendar(&mut conn, &tenant.0.id, None).await?)
}

/// The date that is `n` working days after `date` (the start not counted).
#[utoipa::path(get, path = "/api/v1/calendar/add-workdays", params(AddQuery), responses((status = 200, body = DateOut)))]
pub async fn add_workdays(
    State(app): State<App>,
    tenant: Tenant,
    lang: Lang,
    Query(query): Query<AddQuery>,
) -> Result<Json<DateOut>, WebError> {
    let start = parse_date(lang, "date", &query.date)?;
    if query.n > 1000 {
        let message = lang.tf("errors.field.out_of_range", &[("min", "0"), ("max", "1000")]);
        return Err(WebError::Invalid(vec![ApiProblem {
            field: "n".to_owned(),
            code: "out_of_range".to_owned(),
            message,
        }]));
    }
    let calendar = calendar(&app, &tenant).await?;
    let due = calendar.add_workdays(start, query.n);
    Ok(Json(DateOut { date: due.to_string(), within_holiday_data: calendar.covers(start) && calendar.covers(due) }))
}

/// The number of working days from `from` to `to`, both counted.
#[utoipa::path(get, path = "/api/v1/calendar/workdays", params(RangeQuery), responses((status = 200, body = CountOut)))]
pub async fn workdays(
    State(app): State<App>,
    tenant: Tenant,
    lang: Lang,
    Query(query): Query<RangeQuery>,
) -> Result<Json<CountOut>, WebError> {
    let from = parse_date(lang, "from", &query.from)?;
    let to = parse_date(lang, "to", &query.to)?;
    let calendar = calendar(&app, &tenant).await?;
    Ok(Json(CountOut {
        count: calendar.workdays_between(from, to),
        within_holiday_data: calendar.covers(from) && calendar.covers(to),
    }))
}

/// Every non-working date of a year, with its legal basis.
#[utoipa::path(get, path = "/api/v1/calendar/holidays", params(YearQuery), responses((status = 200, body = [HolidayOut])))]
pub async fn holidays(
    State(app): State<App>,
    tenant: Tenant,
    Query(query): Query<YearQuery>,
) -> Result<Json<Vec<HolidayOut>>, WebError> {
    let calendar = calendar(&app, &tenant).await?;
    let first = Date::new(query.year, 1, 1).map_err(|err| WebError::BadRequest(err.to_string()))?;
    let last = Date::new(query.year, 12, 31).map_err(|err| WebError::BadRequest(err.to_string()))?;
    let out = calendar
        .holidays_between(first, last)
        .map(|it| HolidayOut {
            date: it.date.to_string(),
            kind: it.kind.code().to_owned(),
            name_id: it.name_id.clone(),
            name_en: it.name_en.clone(),
            source: it.source.clone(),
        })
        .collect();
    Ok(Json(out))
}
