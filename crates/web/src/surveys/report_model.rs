//! The figures of a report page, its PDF and its XLSX: one model, built from the running totals, for a whole
//! Pemda, a unit (with its subunits) or one service, in one period, with the trend over earlier periods.

use domain::ids::UnitId;
use domain::org::Unit;
use domain::surveys::Period;
use domain::surveys::report::Summary;
use serde::Serialize;
use store::surveys::{Service, Survey, catalog, followups, reports, services};

use crate::App;
use crate::error::WebError;
use crate::i18n::Lang;
use crate::tenant::Tenant;

/// Periods the trend shows, the reported one included.
pub const TREND: usize = 8;

/// What a report is about, from the query.
#[derive(Clone, Debug, Default, serde::Deserialize, Serialize)]
pub struct ReportQuery {
    /// Period code; empty for the newest with a survey.
    #[serde(default)]
    pub period: String,
    /// Unit id; empty for the whole Pemda.
    #[serde(default)]
    pub unit: String,
    /// Service id; empty for every service.
    #[serde(default)]
    pub service: String,
}

/// The index as shown.
#[derive(Clone, Debug, Serialize)]
pub struct IkmView {
    /// IKM on the 1–4 scale.
    pub ikm: String,
    /// Converted, 25–100, two decimals.
    pub converted: String,
    /// Converted as a number, for charts.
    pub converted_value: f64,
    /// A, B, C or D.
    pub letter: &'static str,
    /// Translation key of the category name.
    pub category_key: String,
    /// Elements in the mean.
    pub elements_used: usize,
}

/// One element's row.
#[derive(Clone, Debug, Serialize)]
pub struct ElementRow {
    /// `u1`.
    pub code: &'static str,
    /// Name in the page's language.
    pub name: &'static str,
    /// NRR as shown, when answered and applicable.
    pub nrr: Option<String>,
    /// NRR, for bar widths and charts (0 when absent).
    pub nrr_value: f64,
    /// Answers per value 1–4.
    pub answers: [u64; 4],
    /// Reason it does not apply, when it does not.
    pub not_applicable: Option<String>,
    /// Whether it is among the weakest.
    pub weakest: bool,
}

/// One period of the trend.
#[derive(Clone, Debug, Serialize)]
pub struct TrendPoint {
    /// Period name.
    pub period: String,
    /// Period code.
    pub code: String,
    /// Respondents.
    pub respondents: u64,
    /// The index, when any response.
    pub ikm: Option<IkmView>,
}

/// A profile question's breakdown.
#[derive(Clone, Debug, Serialize)]
pub struct ProfileGroup {
    /// Field code.
    pub field: &'static str,
    /// Rows: answer code, count, share in percent.
    pub rows: Vec<(String, u64, String)>,
}

/// A part of the report: a unit of the Pemda, or a service of the unit.
#[derive(Clone, Debug, Serialize)]
pub struct PartRow {
    /// Name.
    pub name: String,
    /// Link to its own report.
    pub href: String,
    /// Respondents.
    pub respondents: u64,
    /// Index.
    pub ikm: Option<IkmView>,
}

/// A follow-up plan as shown.
#[derive(Clone, Debug, Serialize)]
pub struct FollowupRow {
    /// Id.
    pub id: String,
    /// Unit name.
    pub unit: String,
    /// Element code and name.
    pub element: String,
    /// Action.
    pub action: String,
    /// Owner.
    pub owner: String,
    /// Due date.
    pub due_on: String,
    /// Status code.
    pub status: String,
    /// Note.
    pub note: Option<String>,
}

/// The whole model.
#[derive(Clone, Debug, Serialize)]
pub struct ReportModel {
    /// `tenant`, `unit` or `service`.
    pub scope: &'static str,
    /// What it is about: the Pemda, the unit, or the service (with its unit).
    pub title: String,
    /// The query, for links and exports.
    pub query: ReportQuery,
    /// Unit id in scope (unit or service scope).
    pub unit_id: Option<String>,
    /// Reported period: code and name; `None` when no survey exists in scope.
    pub period: Option<(String, String)>,
    /// Periods that have surveys in scope: code and name, newest first.
    pub periods: Vec<(String, String)>,
    /// Surveys in the period.
    pub surveys: usize,
    /// Respondents.
    pub respondents: u64,
    /// Responses held for review.
    pub held: u64,
    /// Index.
    pub ikm: Option<IkmView>,
    /// Element rows.
    pub elements: Vec<ElementRow>,
    /// Weakest element names, lowest first.
    pub weakest: Vec<String>,
    /// Trend, oldest first.
    pub trend: Vec<TrendPoint>,
    /// Profile breakdown.
    pub profile: Vec<ProfileGroup>,
    /// Population, minimum sample and whether it is reached.
    pub sample: Option<(u64, u64, bool)>,
    /// Units (Pemda scope) or services (unit scope), weakest first.
    pub parts: Vec<PartRow>,
    /// Follow-up plans (unit and service scope).
    pub followups: Vec<FollowupRow>,
}

pub(crate) fn ikm_view(lang: Lang, summary: &Summary) -> Option<IkmView> {
    summary.ikm.map(|ikm| IkmView {
        ikm: crate::view::format::decimal(lang, ikm.ikm, 2),
        converted: crate::view::format::with_decimal_comma(lang, &ikm.display()),
        converted_value: f64::from(ikm.hundredths) / 100.0,
        letter: ikm.category.letter(),
        category_key: format!("surveys.categories.{}", ikm.category.letter()),
        elements_used: ikm.elements_used,
    })
}

pub(crate) use store::surveys::reports::{Merged, merge, summarize};

/// The scope of a query: title, unit ids (`None` for the Pemda), the service.
pub(crate) struct Scope {
    pub kind: &'static str,
    pub title: String,
    pub unit: Option<UnitId>,
    pub unit_ids: Option<Vec<String>>,
    pub service: Option<Service>,
}

pub(crate) fn unit_name(units: &[Unit], id: &UnitId) -> String {
    units.iter().find(|it| &it.id == id).map_or_else(|| id.as_str().to_owned(), |it| it.draft.name.clone())
}

pub(crate) async fn scope_of(
    app: &App,
    tenant: &Tenant,
    units: &[Unit],
    query: &ReportQuery,
) -> Result<Scope, WebError> {
    let tree = domain::org::UnitTree::of_units(units);
    if !query.service.trim().is_empty() {
        let mut conn = app.db().conn().await?;
        let service = services::load(&mut conn, &tenant.0.id, query.service.trim()).await?;
        let title = format!("{} — {}", service.name, unit_name(units, &service.unit_id));
        return Ok(Scope {
            kind: "service",
            title,
            unit: Some(service.unit_id.clone()),
            unit_ids: Some(vec![service.unit_id.as_str().to_owned()]),
            service: Some(service),
        });
    }
    if !query.unit.trim().is_empty() {
        let unit = UnitId::new(query.unit.trim().to_owned());
        if !tree.contains(&unit) {
            return Err(WebError::NotFound);
        }
        let ids = tree.subtree(&unit).into_iter().map(|it| it.as_str().to_owned()).collect();
        return Ok(Scope {
            kind: "unit",
            title: unit_name(units, &unit),
            unit: Some(unit),
            unit_ids: Some(ids),
            service: None,
        });
    }
    Ok(Scope { kind: "tenant", title: tenant.0.name.clone(), unit: None, unit_ids: None, service: None })
}

/// Builds the model of a query.
pub async fn build(app: &App, tenant: &Tenant, lang: Lang, query: &ReportQuery) -> Result<ReportModel, WebError> {
    let data = app.db().tenant_data(&tenant.0.id).await?;
    let scope = scope_of(app, tenant, &data.units, query).await?;
    let mut conn = app.db().conn().await?;
    let filter = |periods: Vec<String>| catalog::Filter {
        periods,
        unit_ids: scope.unit_ids.clone(),
        service_id: scope.service.as_ref().map(|it| it.id.clone()),
    };
    let all = catalog::list(&mut conn, &tenant.0.id, &filter(Vec::new())).await?;
    let mut periods: Vec<Period> = all.iter().map(|it| it.period).collect();
    // Newest last day first; on the same last day (Q4, S2 and the year end together) the shorter period first.
    periods.sort_by(|a, b| b.last_day().cmp(&a.last_day()).then(a.kind.cmp(&b.kind)));
    periods.dedup();
    let period = match query.period.trim() {
        "" => periods.first().copied(),
        code => Some(Period::parse(code).ok_or(WebError::NotFound)?),
    };
    let names = |it: Period| (it.code(), if lang == Lang::Id { it.name_id() } else { it.name_en() });
    let mut model = super::report_parts::empty(&scope, query, periods.iter().map(|it| names(*it)).collect());
    let Some(period) = period else { return Ok(model) };
    model.period = Some(names(period));
    let trail: Vec<String> = period.trail(TREND).into_iter().map(Period::code).collect();
    let surveys: Vec<Survey> = all.into_iter().filter(|it| trail.contains(&it.period.code())).collect();
    let current: Vec<&Survey> = surveys.iter().filter(|it| it.period == period).collect();
    let ids: Vec<String> = surveys.iter().map(|it| it.id.clone()).collect();
    let totals = reports::list_totals(&mut conn, &tenant.0.id, &ids, false).await?;
    let current_ids: Vec<String> = current.iter().map(|it| it.id.clone()).collect();
    let profiles = reports::list_totals(&mut conn, &tenant.0.id, &current_ids, true).await?;
    let merged = merge(current.iter().copied(), &totals);
    let summary = summarize(&merged);
    super::report_parts::fill_summary(&mut model, lang, &current, &merged, &summary);
    super::report_parts::fill_profile(&mut model, lang, &profiles, merged.respondents);
    model.trend = trail
        .iter()
        .filter_map(|code| Period::parse(code))
        .map(|it| {
            let merged = merge(surveys.iter().filter(|s| s.period == it), &totals);
            TrendPoint {
                period: names(it).1,
                code: it.code(),
                respondents: merged.respondents,
                ikm: ikm_view(lang, &summarize(&merged)),
            }
        })
        .collect();
    let services = services::list(&mut conn, &tenant.0.id).await?;
    model.parts = super::report_parts::parts((lang, &scope, &period), (&data.units, &services), &current, &totals);
    if let Some(unit_ids) = &scope.unit_ids {
        let plans = followups::list(&mut conn, &tenant.0.id, unit_ids, &period.code()).await?;
        model.followups = super::report_parts::followup_rows(lang, &data.units, plans);
    }
    Ok(model)
}
