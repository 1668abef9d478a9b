//! `/kinerja/unit/{id}/indikator`: a unit's own indicators — the head defines each (code, name, unit of measure,
//! whether higher or lower is better, how months add up), enters a month's target and realisation, imports a sheet
//! of months, retires one — and everyone who may read the unit's card sees the year month by month with the
//! achievement. The card shows each indicator's standing for its period; the watch list compares it with its rule.

mod import;

use axum::Form;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::ids::UnitId;
use domain::people::Permission;
use domain::scorecards::indicators::{Standing, parse_figure};
use domain::scorecards::period::ScorePeriod;
use serde::{Deserialize, Serialize};
use store::StoreError;
use store::scorecards::indicators::{self as stored, Indicator, MonthEntry, NewIndicator};

pub use import::{download, upload};

use crate::error::WebError;
use crate::forms::{FieldErrors, field_errors};
use crate::i18n::Lang;
use crate::layout::Layout;
use crate::render::render_status;
use crate::staff::Staff;
use crate::view::TenantView;
use crate::view::format::grouped;

/// An indicator's standing as a card shows it.
#[derive(Clone, Debug, Serialize)]
pub struct StandingView {
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Unit of measure.
    pub measure_unit: String,
    /// Target, written.
    pub target: String,
    /// Realisation, written.
    pub actual: String,
    /// Achievement, written (`75,0 %`), or a dash.
    pub achievement: String,
    /// Below the watch list's 80 %-style threshold a Pemda set (any `indicator_below` rule).
    pub low: bool,
    /// Months with a target and no realisation yet.
    pub missing: u32,
}

/// The standings of a unit's live indicators for a period.
pub async fn standings(
    staff: &Staff,
    unit: &str,
    period: ScorePeriod,
    as_of: jiff::civil::Date,
) -> Result<Vec<StandingView>, WebError> {
    let mut conn = staff.app.db().conn().await?;
    let tenant = &staff.tenant.0.id;
    let mut reader = store::scorecards::reader::Reader::cached(&mut conn, staff.app.db(), tenant).await?;
    let all = reader.standings(tenant, period, as_of).await?;
    let (rules, _) = store::scorecards::watch::load_rules(reader.conn(), tenant).await?;
    let threshold = rules.rules.iter().find_map(|it| match it.test {
        domain::scorecards::watch::Test::IndicatorBelow(threshold) => Some(threshold),
        _ => None,
    });
    let list = all.get(&UnitId::new(unit.to_owned())).cloned().unwrap_or_default();
    Ok(list.iter().map(|(indicator, standing)| view(staff.lang, indicator, standing, threshold)).collect())
}

fn view(lang: Lang, indicator: &Indicator, standing: &Standing, threshold: Option<f64>) -> StandingView {
    let write = |value: Option<f64>| value.map_or_else(|| "—".to_owned(), |it| grouped(lang, it, 2));
    StandingView {
        code: indicator.code.clone(),
        name: indicator.name.clone(),
        measure_unit: indicator.measure_unit.clone(),
        target: write(standing.target),
        actual: write(standing.actual),
        achievement: super::index::percent(lang, standing.achievement).unwrap_or_else(|| "—".to_owned()),
        low: matches!((standing.achievement, threshold), (Some(value), Some(limit)) if value < limit),
        missing: standing.missing,
    }
}

/// One month in the year's table.
#[derive(Serialize)]
struct MonthCell {
    month: String,
    target: String,
    actual: String,
    achievement: String,
}

#[derive(Serialize)]
struct IndicatorRow {
    id: String,
    code: String,
    name: String,
    measure_unit: String,
    polarity: String,
    aggregation: String,
    months: Vec<MonthCell>,
    year: StandingView,
}

#[derive(Serialize)]
struct Choice {
    value: String,
    label: String,
}

#[derive(Serialize)]
struct Page {
    #[serde(flatten)]
    layout: Layout,
    unit_id: String,
    unit_name: String,
    year: i16,
    can_manage: bool,
    indicators: Vec<IndicatorRow>,
    codes: Vec<Choice>,
    polarities: Vec<Choice>,
    aggregations: Vec<Choice>,
    define: DefineForm,
    entry: MonthForm,
    errors: FieldErrors,
    problems: Vec<String>,
    saved: Option<String>,
}

/// `?tahun=2026`.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct YearQuery {
    #[serde(default)]
    tahun: String,
    #[serde(default)]
    disimpan: String,
}

/// The definition form.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct DefineForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    measure_unit: String,
    #[serde(default)]
    polarity: String,
    #[serde(default)]
    aggregation: String,
}

/// One month's figures.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct MonthForm {
    #[serde(default)]
    indicator: String,
    #[serde(default)]
    month: String,
    #[serde(default)]
    target: String,
    #[serde(default)]
    actual: String,
}

/// What the page shows besides the stored figures: the forms as sent, their errors, an import's problems.
#[derive(Default)]
struct Shown {
    define: DefineForm,
    entry: MonthForm,
    errors: FieldErrors,
    problems: Vec<String>,
    saved: Option<String>,
}

/// The unit (in the reader's scope for `permission`) and its name; 404 outside the scope.
pub(super) async fn unit_of(staff: &Staff, id: &str, permission: Permission) -> Result<(UnitId, String), WebError> {
    let view = TenantView::of(staff).await?;
    let unit = view.unit(id).ok_or(WebError::NotFound)?;
    staff.user.require_unit(Permission::ViewScorecards, &unit.id, view.tree())?;
    staff.user.require_unit(permission, &unit.id, view.tree())?;
    Ok((unit.id.clone(), unit.draft.name.clone()))
}

fn this_year(staff: &Staff) -> i16 {
    staff.tenant.0.zone.local_date(staff.app.now()).year()
}

fn year_of(staff: &Staff, raw: &str) -> i16 {
    raw.trim().parse::<i16>().ok().filter(|it| (2000..=2100).contains(it)).unwrap_or_else(|| this_year(staff))
}

async fn show(staff: Staff, id: String, year: i16, shown: Shown, status: StatusCode) -> Result<Response, WebError> {
    let (_, unit_name) = unit_of(&staff, &id, Permission::ViewScorecards).await?;
    let tree = TenantView::of(&staff).await?;
    let can_manage =
        staff.user.access.can_unit(Permission::ManageUnitIndicators, &UnitId::new(id.clone()), tree.tree());
    let mut conn = staff.app.db().conn().await?;
    let tenant = &staff.tenant.0.id;
    let list = stored::list_indicators(&mut conn, tenant, Some(&UnitId::new(id.clone())), false).await?;
    let months = stored::list_months(&mut conn, tenant, (&format!("{year}-01"), &format!("{year}-12"))).await?;
    drop(conn);
    let lang = staff.lang;
    let today = staff.tenant.0.zone.local_date(staff.app.now());
    let indicators = list
        .iter()
        .map(|it| row(lang, it, months.get(&it.id).map(Vec::as_slice).unwrap_or_default(), (year, today)))
        .collect();
    let choice = |value: &str, key: String| Choice { value: value.to_owned(), label: lang.t(&key).to_owned() };
    let page = Page {
        codes: list
            .iter()
            .map(|it| Choice { value: it.code.clone(), label: format!("{} — {}", it.code, it.name) })
            .collect(),
        polarities: ["naik", "turun"]
            .iter()
            .map(|it| choice(it, format!("scorecards.indicators.polarity.{it}")))
            .collect(),
        aggregations: ["jumlah", "rata_rata", "terakhir"]
            .iter()
            .map(|it| choice(it, format!("scorecards.indicators.aggregation.{it}")))
            .collect(),
        unit_id: id,
        unit_name,
        year,
        can_manage,
        indicators,
        define: shown.define,
        entry: MonthForm {
            month: if shown.entry.month.is_empty() {
                stored::month_code((today.year(), today.month()))
            } else {
                shown.entry.month.clone()
            },
            ..shown.entry
        },
        errors: shown.errors,
        problems: shown.problems,
        saved: shown.saved,
        layout: staff.layout,
    };
    render_status(status, "scorecards/indicators.html", &page)
}

fn row(
    lang: Lang,
    indicator: &Indicator,
    months: &[domain::scorecards::indicators::Month],
    (year, today): (i16, jiff::civil::Date),
) -> IndicatorRow {
    let write = |value: Option<f64>| value.map_or_else(String::new, |it| grouped(lang, it, 2));
    let cells = (1..=12)
        .map(|month| {
            let found = months.iter().find(|it| it.month == (year, month));
            let (target, actual) = found.map_or((None, None), |it| (it.target, it.actual));
            let achieved = match (target, actual) {
                (Some(t), Some(a)) => domain::scorecards::indicators::achievement(indicator.polarity(), t, a),
                _ => None,
            };
            MonthCell {
                month: stored::month_code((year, month)),
                target: write(target),
                actual: write(actual),
                achievement: super::index::percent(lang, achieved).unwrap_or_default(),
            }
        })
        .collect();
    let whole = ScorePeriod::parse(&year.to_string()).unwrap_or(ScorePeriod::month_of(today));
    let standing = domain::scorecards::indicators::standing(
        indicator.polarity(),
        indicator.aggregation(),
        whole,
        today.max(whole.first_day()),
        months,
    );
    IndicatorRow {
        id: indicator.id.clone(),
        code: indicator.code.clone(),
        name: indicator.name.clone(),
        measure_unit: indicator.measure_unit.clone(),
        polarity: lang.t(&format!("scorecards.indicators.polarity.{}", indicator.polarity)).to_owned(),
        aggregation: lang.t(&format!("scorecards.indicators.aggregation.{}", indicator.aggregation)).to_owned(),
        months: cells,
        year: view(lang, indicator, &standing, None),
    }
}

/// `GET /kinerja/unit/{id}/indikator`.
pub async fn page(staff: Staff, Path(id): Path<String>, Query(query): Query<YearQuery>) -> Result<Response, WebError> {
    staff.user.require_any(Permission::ViewScorecards)?;
    let year = year_of(&staff, &query.tahun);
    let saved = (!query.disimpan.is_empty()).then(|| staff.lang.t("scorecards.indicators.saved").to_owned());
    show(staff, id, year, Shown { saved, ..Shown::default() }, StatusCode::OK).await
}

/// `POST /kinerja/unit/{id}/indikator`: defines an indicator.
pub async fn define(staff: Staff, Path(id): Path<String>, Form(form): Form<DefineForm>) -> Result<Response, WebError> {
    unit_of(&staff, &id, Permission::ManageUnitIndicators).await?;
    let new = NewIndicator {
        unit_id: id.clone(),
        code: form.code.clone(),
        name: form.name.clone(),
        measure_unit: form.measure_unit.clone(),
        polarity: form.polarity.clone(),
        aggregation: form.aggregation.clone(),
    };
    match stored::define(&staff.action_cx(), &new).await {
        Ok(_) => Ok(Redirect::to(&format!("/kinerja/unit/{id}/indikator")).into_response()),
        Err(StoreError::Invalid(problems)) => {
            let shown = Shown { define: form, errors: field_errors(staff.lang, &problems), ..Shown::default() };
            let year = this_year(&staff);
            show(staff, id, year, shown, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(err) => Err(err.into()),
    }
}

/// `POST /kinerja/unit/{id}/indikator/bulan`: one month's target and realisation; a blank field clears it.
pub async fn save_month(
    staff: Staff,
    Path(id): Path<String>,
    Form(form): Form<MonthForm>,
) -> Result<Response, WebError> {
    unit_of(&staff, &id, Permission::ManageUnitIndicators).await?;
    let mut errors = FieldErrors::new();
    let month = stored::parse_month(&form.month);
    if month.is_none() {
        errors.insert("month".into(), staff.lang.t("scorecards.indicators.bad_month").to_owned());
    }
    let figure = |field: &str, raw: &str, errors: &mut FieldErrors| {
        let value = parse_figure(raw);
        if value.is_none() && !raw.trim().is_empty() {
            errors.insert(field.to_owned(), staff.lang.t("scorecards.indicators.bad_figure").to_owned());
        }
        value
    };
    let target = figure("target", &form.target, &mut errors);
    let actual = figure("actual", &form.actual, &mut errors);
    let year = month.map_or_else(|| this_year(&staff), |it| it.0);
    if !errors.is_empty() {
        let shown = Shown { entry: form, errors, ..Shown::default() };
        return show(staff, id, year, shown, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let entry =
        MonthEntry { code: form.indicator.trim().to_owned(), month: month.unwrap_or((year, 1)), target, actual };
    match stored::save_months(&staff.action_cx(), &UnitId::new(id.clone()), &[entry], true).await {
        Ok(_) => Ok(Redirect::to(&format!("/kinerja/unit/{id}/indikator?tahun={year}&disimpan=1")).into_response()),
        Err(StoreError::Invalid(problems)) => {
            let mut errors = field_errors(staff.lang, &problems);
            if let Some(message) = errors.remove("code") {
                errors.insert("indicator".into(), message);
            }
            let shown = Shown { entry: form, errors, ..Shown::default() };
            show(staff, id, year, shown, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(err) => Err(err.into()),
    }
}

/// `POST /kinerja/unit/{id}/indikator/{indicator}/pensiun`: retires an indicator of the unit.
pub async fn retire(staff: Staff, Path((id, indicator)): Path<(String, String)>) -> Result<Response, WebError> {
    unit_of(&staff, &id, Permission::ManageUnitIndicators).await?;
    let mut conn = staff.app.db().conn().await?;
    let own = stored::list_indicators(&mut conn, &staff.tenant.0.id, Some(&UnitId::new(id.clone())), false).await?;
    drop(conn);
    if !own.iter().any(|it| it.id == indicator) {
        return Err(WebError::NotFound);
    }
    stored::retire(&staff.action_cx(), &indicator).await?;
    Ok(Redirect::to(&format!("/kinerja/unit/{id}/indikator")).into_response())
}

#[cfg(test)]
mod tests;
