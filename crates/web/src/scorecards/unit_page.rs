//! `/kinerja/unit/{id}`: one unit's card for a period — each figure for the unit alone and with its subunits, with
//! a link to the items behind it — its place on the watch list, and its trend over the last six periods.

use axum::extract::{Path, Query};
use axum::response::{IntoResponse, Response};
use domain::people::Permission;
use serde::Serialize;

use super::chart::{Point, line};
use super::index::{name, percent};
use super::query::CardQuery;
use super::rows::{Scope, ScorecardRow, trend};
use crate::error::WebError;
use crate::i18n::Lang;
use crate::layout::Layout;
use crate::render::render;
use crate::staff::Staff;
use crate::view::format::decimal;

/// One figure, for the unit alone and with its subunits.
#[derive(Serialize)]
struct Figure {
    key: &'static str,
    own: String,
    tree: String,
    link: Option<String>,
}

#[derive(Serialize)]
struct TrendRow {
    period: String,
    on_time: Option<String>,
    ikm: Option<String>,
    received: i64,
}

#[derive(Serialize)]
struct Reason {
    code: String,
}

#[derive(Serialize)]
struct Page {
    #[serde(flatten)]
    layout: Layout,
    unit_id: String,
    unit_name: String,
    period_name: String,
    as_of: String,
    query: String,
    complaints: Vec<Figure>,
    letters: Vec<Figure>,
    others: Vec<Figure>,
    reasons: Vec<Reason>,
    rank: Option<String>,
    chart_on_time: String,
    chart_ikm: String,
    trend: Vec<TrendRow>,
    decisions: Vec<super::decisions::DecisionView>,
    stays: Vec<super::decisions::StayView>,
    can_decide: bool,
    indicators: Vec<super::indicators::StandingView>,
}

fn fig(key: &'static str, own: String, tree: String) -> Figure {
    Figure { key, own, tree, link: None }
}

impl Figure {
    fn linked(self, link: impl Into<String>) -> Figure {
        Figure { link: Some(link.into()), ..self }
    }
}

fn count(n: i64) -> String {
    n.to_string()
}

fn opt(lang: Lang, value: Option<f64>, places: usize) -> String {
    value.map_or_else(|| "—".to_owned(), |it| decimal(lang, it, places))
}

fn complaint_figures(lang: Lang, own: &ScorecardRow, tree: &ScorecardRow, links: &Links) -> Vec<Figure> {
    let pct = |row: &ScorecardRow| percent(lang, row.on_time_rate).unwrap_or_else(|| "—".to_owned());
    vec![
        fig("received", count(own.complaints_received), count(tree.complaints_received)).linked(&links.received),
        fig("closed", count(own.complaints_closed), count(tree.complaints_closed)).linked(&links.closed),
        fig("due", count(own.complaints_due), count(tree.complaints_due)),
        fig("on_time", count(own.complaints_on_time), count(tree.complaints_on_time)),
        fig("on_time_rate", pct(own), pct(tree)),
        fig("overdue_open", count(own.overdue_open), count(tree.overdue_open)).linked(&links.overdue),
        fig("median_answer", opt(lang, own.median_days_to_answer, 1), opt(lang, tree.median_days_to_answer, 1)),
        fig("median_close", opt(lang, own.median_days_to_close, 1), opt(lang, tree.median_days_to_close, 1)),
        fig("reopened", count(own.complaints_reopened), count(tree.complaints_reopened)),
        fig("contested", count(own.complaints_contested), count(tree.complaints_contested)),
        fig("mean_rating", opt(lang, own.mean_rating, 2), opt(lang, tree.mean_rating, 2)),
    ]
}

fn letter_figures(lang: Lang, own: &ScorecardRow, tree: &ScorecardRow) -> Vec<Figure> {
    let pct = |row: &ScorecardRow| percent(lang, row.letters_on_time_rate).unwrap_or_else(|| "—".to_owned());
    vec![
        fig("received", count(own.letters_received), count(tree.letters_received)),
        fig("closed", count(own.letters_closed), count(tree.letters_closed)),
        fig("due", count(own.letters_due), count(tree.letters_due)),
        fig("on_time_rate", pct(own), pct(tree)),
        fig("overdue_open", count(own.letters_overdue_open), count(tree.letters_overdue_open)),
    ]
}

fn other_figures(lang: Lang, own: &ScorecardRow, tree: &ScorecardRow, links: &Links) -> Vec<Figure> {
    let ikm = |row: &ScorecardRow| match (row.ikm, row.ikm_category) {
        (Some(value), Some(category)) => format!("{} ({category})", decimal(lang, value, 2)),
        _ => "—".to_owned(),
    };
    vec![
        fig("ikm", ikm(own), ikm(tree)).linked(&links.skm),
        fig("skm_respondents", own.skm_respondents.to_string(), tree.skm_respondents.to_string()),
        fig("negative_news", count(own.negative_news), count(tree.negative_news)).linked("/berita"),
        fig("reviews_opened", count(own.reviews_opened), count(tree.reviews_opened)),
        fig("discipline_cases", count(own.discipline_cases), count(tree.discipline_cases)),
    ]
}

struct Links {
    received: String,
    closed: String,
    overdue: String,
    skm: String,
}

/// `GET /kinerja/unit/{id}`.
pub async fn page(staff: Staff, Path(id): Path<String>, Query(query): Query<CardQuery>) -> Result<Response, WebError> {
    staff.user.require_any(Permission::ViewScorecards)?;
    let view = crate::view::TenantView::of(&staff).await?;
    let unit = view.unit(&id).ok_or(WebError::NotFound)?.id.clone();
    staff.user.require_unit(Permission::ViewScorecards, &unit, view.tree())?;
    let (asked, cards) = super::index::read(&staff, &CardQuery { cakupan: "unit".into(), ..query.clone() }).await?;
    let own = cards.rows.iter().find(|it| it.unit_id == id).ok_or(WebError::NotFound)?;
    let trail = asked.period.trail(6);
    let db = staff.app.db();
    let tenant = &staff.tenant.0.id;
    let trees = trend(db, tenant, &unit, (&trail[trail.len() - 1..], asked.as_of), Scope::Tree).await?;
    let tree = trees.first().ok_or(WebError::NotFound)?;
    let history = trend(db, tenant, &unit, (&trail, asked.as_of), Scope::Unit).await?;
    let lang = staff.lang;
    let code = asked.period.code();
    let links = Links {
        received: format!("/pengaduan?unit={id}&periode={code}&tampil=semua"),
        closed: format!("/pengaduan?unit={id}&periode={code}&tampil=selesai"),
        overdue: format!("/pengaduan?unit={id}&tampil=terlambat"),
        skm: format!(
            "/skm/laporan?unit={id}&period={}",
            asked.period.survey_periods().first().map(|it| it.code()).unwrap_or_default()
        ),
    };
    let decisions = super::decisions::of_unit(&staff, &id).await?;
    let stays = super::decisions::stays(&staff, Some(&id), 20).await?;
    let indicators = super::indicators::standings(&staff, &id, asked.period, asked.as_of).await?;
    let page = Page {
        indicators,
        decisions,
        stays,
        can_decide: staff.user.access.can_tenant(Permission::DecideOnWatchList),
        unit_id: id.clone(),
        unit_name: own.unit_name.clone(),
        period_name: name(lang, asked.period),
        as_of: crate::view::format::long_date(lang, asked.as_of),
        query: CardQuery::of(&asked),
        complaints: complaint_figures(lang, own, tree, &links),
        letters: letter_figures(lang, own, tree),
        others: other_figures(lang, own, tree, &links),
        reasons: own.reasons.iter().map(|it| Reason { code: it.clone() }).collect(),
        rank: own.rank_on_time.map(|it| format!("{it}/{}", own.kind_count)),
        chart_on_time: chart(&history, lang, true),
        chart_ikm: chart(&history, lang, false),
        trend: history
            .iter()
            .map(|row| TrendRow {
                period: row.period.clone(),
                on_time: percent(lang, row.on_time_rate),
                ikm: row.ikm.map(|it| decimal(lang, it, 2)),
                received: row.complaints_received,
            })
            .collect(),
        layout: staff.layout,
    };
    Ok(render("scorecards/unit.html", &page)?.into_response())
}

fn chart(history: &[ScorecardRow], lang: Lang, on_time: bool) -> String {
    let points: Vec<Point> = history
        .iter()
        .map(|row| Point {
            label: row.period.clone(),
            value: if on_time { row.on_time_rate.map(|it| it * 100.0) } else { row.ikm },
        })
        .collect();
    let title = lang.t(if on_time { "scorecards.unit.chart_on_time" } else { "scorecards.unit.chart_ikm" });
    line(title, &points, 100.0, Some(if on_time { 80.0 } else { 76.61 }))
}
