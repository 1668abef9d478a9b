//! Calendar pages.

use axum::Form;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::calendar::{Adjustment, Calendar, Holiday, HolidayKind};
use domain::people::Permission;
use jiff::civil::{Date, Weekday, date};
use serde::{Deserialize, Serialize};

use crate::error::WebError;
use crate::forms::{FieldErrors, field_errors};
use crate::i18n::Lang;
use crate::layout::Layout;
use crate::render::{render, render_status};
use crate::staff::Staff;

#[derive(Deserialize, Default, Serialize, Clone)]
pub struct CalendarQuery {
    tahun: Option<i16>,
    #[serde(default)]
    dari: String,
    #[serde(default)]
    hari: String,
    #[serde(default)]
    sampai: String,
}

#[derive(Serialize)]
struct DayCell {
    day: i8,
    class: &'static str,
    title: String,
}

#[derive(Serialize)]
struct MonthView {
    name: String,
    weeks: Vec<Vec<Option<DayCell>>>,
    n_workdays: u32,
}

#[derive(Serialize)]
struct HolidayView {
    date: String,
    weekday: String,
    kind: String,
    name: String,
    source: String,
}

#[derive(Serialize)]
struct EntryView {
    id: String,
    date: String,
    kind: String,
    removal: bool,
    name: String,
    legal_basis: String,
}

#[derive(Serialize)]
struct CalculatorView {
    due: Option<String>,
    count: Option<u32>,
    outside_data: bool,
}

#[derive(Serialize, Default, Deserialize, Clone)]
pub struct EntryForm {
    #[serde(default)]
    date: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    effect: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    legal_basis: String,
}

#[derive(Serialize)]
struct CalendarPage {
    #[serde(flatten)]
    layout: Layout,
    year: i16,
    prev_year: i16,
    next_year: i16,
    covered: bool,
    months: Vec<MonthView>,
    holidays: Vec<HolidayView>,
    entries: Vec<EntryView>,
    query: CalendarQuery,
    calculator: CalculatorView,
    can_manage: bool,
    form: EntryForm,
    errors: FieldErrors,
    today: String,
}

fn kind_label(lang: Lang, kind: HolidayKind) -> String {
    lang.t(&format!("calendar.kinds.{}", kind.code())).to_owned()
}

fn weekday_label(lang: Lang, day: Weekday) -> String {
    lang.t(&format!("common.weekdays.d{}", day.to_monday_one_offset())).to_owned()
}

fn month(lang: Lang, calendar: &Calendar, year: i16, month: i8) -> MonthView {
    let first = date(year, month, 1);
    let lead = usize::from(first.weekday().to_monday_zero_offset().unsigned_abs());
    let mut cells: Vec<Option<DayCell>> = (0..lead).map(|_| None).collect();
    for day_of_month in 1..=first.days_in_month() {
        let day = date(year, month, day_of_month);
        let holidays = calendar.holidays_on(day);
        let class = match (calendar.is_workday(day), holidays.first().map(|it| it.kind)) {
            (true, _) => "work",
            (false, Some(HolidayKind::NationalHoliday)) => "holiday",
            (false, Some(HolidayKind::CutiBersama)) => "cuti",
            (false, Some(HolidayKind::RegionalHoliday)) => "regional",
            (false, None) => "weekend",
        };
        let title = holidays.iter().map(|it| name_of(lang, it)).collect::<Vec<_>>().join("; ");
        cells.push(Some(DayCell { day: day_of_month, class, title }));
    }
    let n_workdays = calendar.workdays_between(first, first.last_of_month());
    let mut weeks = Vec::new();
    let mut cells = cells.into_iter().peekable();
    while cells.peek().is_some() {
        weeks.push(cells.by_ref().take(7).collect());
    }
    MonthView { name: lang.t(&format!("common.months.m{month}")).to_owned(), weeks, n_workdays }
}

fn name_of(lang: Lang, holiday: &Holiday) -> String {
    match lang {
        Lang::Id => holiday.name_id.clone(),
        Lang::En => holiday.name_en.clone(),
    }
}

fn source_title(source: &str) -> String {
    domain::calendar::shipped().source(source).map_or_else(|| source.to_owned(), |it| it.title.clone())
}

fn calculator(calendar: &Calendar, query: &CalendarQuery) -> CalculatorView {
    let from: Option<Date> = query.dari.trim().parse().ok();
    let n: Option<u32> = query.hari.trim().parse().ok().filter(|it| *it <= 1000);
    let to: Option<Date> = query.sampai.trim().parse().ok();
    let due = from.zip(n).map(|(from, n)| calendar.add_workdays(from, n));
    let count = from.zip(to).map(|(from, to)| calendar.workdays_between(from, to));
    let outside_data = [from, to, due].into_iter().flatten().any(|it| !calendar.covers(it));
    CalculatorView { due: due.map(|it| it.to_string()), count, outside_data }
}

async fn build(
    staff: Staff,
    query: CalendarQuery,
    form: EntryForm,
    errors: FieldErrors,
) -> Result<CalendarPage, WebError> {
    let Staff { app, tenant, lang, user, layout } = staff;
    let mut conn = app.db().conn().await?;
    let calendar = store::calendar::load_calendar(&mut conn, &tenant.0.id, None).await?;
    let entries = store::calendar::queries::list_entries(&mut conn, &tenant.0.id).await?;
    let today = tenant.0.zone.local_date(app.now());
    let year = query.tahun.filter(|it| (2000..=2100).contains(it)).unwrap_or(today.year());
    let start = date(year, 1, 1);
    let holidays = calendar
        .holidays_between(start, date(year, 12, 31))
        .map(|it| HolidayView {
            date: it.date.to_string(),
            weekday: weekday_label(lang, it.date.weekday()),
            kind: kind_label(lang, it.kind),
            name: name_of(lang, it),
            source: source_title(&it.source),
        })
        .collect();
    let entries = entries
        .iter()
        .map(|entry| {
            let (date, kind, removal) = match &entry.adjustment {
                Adjustment::Add(it) => (it.date, it.kind, false),
                Adjustment::Remove { date, kind } => (*date, *kind, true),
            };
            EntryView {
                id: entry.id.clone(),
                date: date.to_string(),
                kind: kind_label(lang, kind),
                removal,
                name: entry.name.clone(),
                legal_basis: entry.legal_basis.clone(),
            }
        })
        .collect();
    Ok(CalendarPage {
        layout,
        year,
        prev_year: year - 1,
        next_year: year + 1,
        covered: calendar.covers(start),
        months: (1..=12).map(|it| month(lang, &calendar, year, it)).collect(),
        holidays,
        entries,
        calculator: calculator(&calendar, &query),
        query,
        can_manage: user.access.can_tenant(Permission::ManageCalendar),
        form,
        errors,
        today: today.to_string(),
    })
}

/// `GET /kalender`: the year's calendar, the tenant's entries and the deadline calculator.
pub async fn index(staff: Staff, Query(query): Query<CalendarQuery>) -> Result<Response, WebError> {
    staff.user.require_any(Permission::ViewCalendar)?;
    let form = EntryForm { kind: "libur_daerah".to_owned(), effect: "add".to_owned(), ..EntryForm::default() };
    let page = build(staff, query, form, FieldErrors::default()).await?;
    Ok(render("calendar/index.html", &page)?.into_response())
}

/// `POST /kalender/entri`: adds a regional holiday or an adjustment.
pub async fn add_entry(staff: Staff, Form(form): Form<EntryForm>) -> Result<Response, WebError> {
    staff.user.require_tenant(Permission::ManageCalendar)?;
    let raw = store::calendar::actions::RawEntry {
        date: form.date.clone(),
        kind: form.kind.clone(),
        effect: form.effect.clone(),
        name: form.name.clone(),
        legal_basis: form.legal_basis.clone(),
    };
    let result = store::calendar::actions::add_entry(&staff.action_cx(), &raw).await;
    match result {
        Ok(entry) => {
            let year = match &entry.adjustment {
                Adjustment::Add(it) => it.date.year(),
                Adjustment::Remove { date, .. } => date.year(),
            };
            Ok(Redirect::to(&format!("/kalender?tahun={year}&notice=saved")).into_response())
        }
        Err(store::StoreError::Invalid(problems)) => {
            let query =
                CalendarQuery { tahun: form.date.get(..4).and_then(|it| it.parse().ok()), ..CalendarQuery::default() };
            let errors = field_errors(staff.lang, &problems);
            let page = build(staff, query, form, errors).await?;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, "calendar/index.html", &page)
        }
        Err(other) => Err(other.into()),
    }
}

/// `POST /kalender/entri/{id}/hapus`: removes an entry.
pub async fn delete_entry(staff: Staff, Path(id): Path<String>) -> Result<Response, WebError> {
    staff.user.require_tenant(Permission::ManageCalendar)?;
    store::calendar::actions::delete_entry(&staff.action_cx(), &id).await?;
    Ok(Redirect::to("/kalender?notice=deleted").into_response())
}
