//! `/kinerja`: every unit the reader may see with its key figures for a period, its rank among units of its kind
//! and whether it is on the watch list; `/kinerja.csv` the same rows with every field.

use axum::extract::Query;
use axum::response::{IntoResponse, Response};
use domain::people::Permission;
use domain::scorecards::period::ScorePeriod;
use serde::Serialize;

use super::query::{Asked, CardQuery, choices};
use super::rows::{ScorecardRow, Scorecards, load};
use crate::error::WebError;
use crate::i18n::Lang;
use crate::layout::Layout;
use crate::render::{download, render};
use crate::staff::Staff;
use crate::view::format::decimal;

/// One line of the table.
#[derive(Serialize)]
pub(super) struct Line {
    pub unit_id: String,
    pub unit_name: String,
    pub depth: usize,
    pub received: i64,
    pub due: i64,
    pub on_time_rate: Option<String>,
    pub low_rate: bool,
    pub overdue_open: i64,
    pub median_answer: Option<String>,
    pub ikm: Option<String>,
    pub ikm_category: Option<&'static str>,
    pub negative_news: i64,
    pub cases: i64,
    pub rank: Option<String>,
    pub watch: bool,
}

#[derive(Serialize)]
struct PeriodChoice {
    code: String,
    name: String,
    selected: bool,
}

#[derive(Serialize)]
struct Page {
    #[serde(flatten)]
    layout: Layout,
    period_name: String,
    as_of: String,
    tree_scope: bool,
    corrected: bool,
    periods: Vec<PeriodChoice>,
    lines: Vec<Line>,
    n_watch: usize,
    query: String,
    can_rules: bool,
}

/// Reads the scorecards a reader asked for, limited to the units they may see.
pub(super) async fn read(staff: &Staff, query: &CardQuery) -> Result<(Asked, Scorecards), WebError> {
    staff.user.require_any(Permission::ViewScorecards)?;
    let view = crate::view::TenantView::of(staff).await?;
    let visible = view.visible_units(&staff.user.access, Permission::ViewScorecards);
    let today = staff.tenant.0.zone.local_date(staff.app.now());
    let asked = query.asked(today, ScorePeriod::month_of);
    let cards =
        load(staff.app.db(), &staff.tenant.0.id, (asked.period, asked.as_of), asked.scope, visible.as_deref()).await?;
    Ok((asked, cards))
}

/// A percentage as the language writes it: `83,3 %`.
pub(super) fn percent(lang: Lang, rate: Option<f64>) -> Option<String> {
    rate.map(|it| format!("{} %", decimal(lang, it * 100.0, 1)))
}

pub(super) fn line_of(lang: Lang, row: &ScorecardRow, depth: usize) -> Line {
    Line {
        unit_id: row.unit_id.clone(),
        unit_name: row.unit_name.clone(),
        depth,
        received: row.complaints_received,
        due: row.complaints_due,
        on_time_rate: percent(lang, row.on_time_rate),
        low_rate: row.on_time_rate.is_some_and(|it| it < 0.8),
        overdue_open: row.overdue_open,
        median_answer: row.median_days_to_answer.map(|it| decimal(lang, it, 1)),
        ikm: row.ikm.map(|it| decimal(lang, it, 2)),
        ikm_category: row.ikm_category,
        negative_news: row.negative_news,
        cases: row.discipline_cases,
        rank: row.rank_on_time.map(|it| format!("{it}/{}", row.kind_count)),
        watch: row.watch,
    }
}

/// `GET /kinerja`.
pub async fn page(staff: Staff, Query(query): Query<CardQuery>) -> Result<Response, WebError> {
    let (asked, cards) = read(&staff, &query).await?;
    let view = crate::view::TenantView::of(&staff).await?;
    let depths: std::collections::BTreeMap<String, usize> =
        view.tree().ordered().into_iter().map(|(id, depth)| (id.as_str().to_owned(), depth)).collect();
    let lang = staff.lang;
    let lines: Vec<Line> =
        cards.rows.iter().map(|row| line_of(lang, row, depths.get(&row.unit_id).copied().unwrap_or(0))).collect();
    let today = staff.tenant.0.zone.local_date(staff.app.now());
    let page = Page {
        period_name: name(lang, asked.period),
        as_of: crate::view::format::long_date(lang, asked.as_of),
        tree_scope: asked.scope == super::Scope::Tree,
        corrected: asked.corrected,
        periods: choices(today)
            .into_iter()
            .map(|it| PeriodChoice { code: it.code(), name: name(lang, it), selected: it == asked.period })
            .collect(),
        n_watch: lines.iter().filter(|it| it.watch).count(),
        lines,
        query: CardQuery::of(&asked),
        can_rules: staff.user.access.can_tenant(Permission::ManageWatchRules),
        layout: staff.layout,
    };
    Ok(render("scorecards/index.html", &page)?.into_response())
}

/// A period's name in the language.
pub(super) fn name(lang: Lang, period: ScorePeriod) -> String {
    if lang == Lang::Id { period.name_id() } else { period.name_en() }
}

/// `GET /kinerja.csv`: every field of every row the reader may see.
pub async fn csv_download(staff: Staff, Query(query): Query<CardQuery>) -> Result<Response, WebError> {
    let (asked, cards) = read(&staff, &query).await?;
    let bytes = super::rows::csv(&cards.rows).map_err(|err| WebError::Internal(err.to_string()))?;
    let file = format!("kinerja-{}-{}.csv", asked.period.code(), asked.as_of);
    Ok(download("text/csv; charset=utf-8", &file, bytes))
}

/// `GET /kinerja.xlsx`: the same rows as a workbook with headers in the reader's language.
pub async fn xlsx_download(staff: Staff, Query(query): Query<CardQuery>) -> Result<Response, WebError> {
    let (asked, cards) = read(&staff, &query).await?;
    let (period, as_of) = (name(staff.lang, asked.period), asked.as_of.to_string());
    let bytes = super::xlsx::workbook(staff.lang, (&staff.tenant.0.name, &period, &as_of), &cards.rows)
        .map_err(|err| WebError::Internal(err.to_string()))?;
    let file = format!("kinerja-{}-{}.xlsx", asked.period.code(), asked.as_of);
    Ok(download("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", &file, bytes))
}
