//! `/kinerja.pdf`: every unit's scorecard for a period on A4, for the monthly meeting — the Pemda's letterhead, a
//! few totals, one row per unit with the figures of the page (units on the watch list in bold), the watch list with
//! the rules that fire in words, and what the columns mean. In the reader's language, like the page.

use axum::extract::Query;
use axum::response::Response;
use domain::scorecards::watch::WatchRules;
use serde::Serialize;

use super::index::{name, percent, read};
use super::query::CardQuery;
use super::rows::ScorecardRow;
use super::watch_page::rule_text;
use crate::documents::letterhead::{Frame, House};
use crate::documents::{Assets, Prepared, Template};
use crate::error::WebError;
use crate::i18n::Lang;
use crate::staff::Staff;
use crate::view::format::{decimal, long_date};

#[derive(Serialize)]
struct Row {
    cells: Vec<String>,
    watch: bool,
}

#[derive(Serialize)]
struct Watched {
    unit: String,
    reasons: Vec<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct Data {
    #[serde(flatten)]
    frame: Frame,
    heading: Vec<String>,
    summary: Vec<(String, String)>,
    headers: Vec<String>,
    rows: Vec<Row>,
    watch_title: String,
    watch: Vec<Watched>,
    notes: String,
}

fn t(lang: Lang, key: &str) -> String {
    lang.t(&format!("scorecards.pdf.{key}")).to_owned()
}

fn row_of(lang: Lang, r: &ScorecardRow) -> Row {
    let ikm = match (r.ikm, r.ikm_category) {
        (Some(ikm), Some(category)) => format!("{} ({category})", decimal(lang, ikm, 2)),
        _ => "—".to_owned(),
    };
    let cells = vec![
        r.unit_name.clone(),
        r.complaints_received.to_string(),
        r.complaints_due.to_string(),
        percent(lang, r.on_time_rate).unwrap_or_else(|| "—".to_owned()),
        r.overdue_open.to_string(),
        ikm,
        r.negative_news.to_string(),
        r.discipline_cases.to_string(),
    ];
    Row { cells, watch: r.watch }
}

fn watched(lang: Lang, rules: &WatchRules, r: &ScorecardRow) -> Watched {
    let reasons = r
        .reasons
        .iter()
        .map(|code| {
            rules.rules.iter().find(|it| it.code == *code).map_or_else(|| code.clone(), |it| rule_text(lang, it))
        })
        .collect();
    Watched { unit: r.unit_name.clone(), reasons }
}

/// `GET /kinerja.pdf`: the rows of `/kinerja` for the same period, day and scope.
pub async fn download(staff: Staff, Query(query): Query<CardQuery>) -> Result<Response, WebError> {
    let (asked, cards) = read(&staff, &query).await?;
    let lang = staff.lang;
    let mut conn = staff.app.db().conn().await?;
    let (rules, _) = store::scorecards::watch::load_rules(&mut conn, &staff.tenant.0.id).await?;
    drop(conn);
    let rows: Vec<Row> = cards.rows.iter().map(|r| row_of(lang, r)).collect();
    let watch: Vec<Watched> = cards.rows.iter().filter(|r| r.watch).map(|r| watched(lang, &rules, r)).collect();
    let due: i64 = cards.rows.iter().map(|r| r.complaints_due).sum();
    let on_time: i64 = cards.rows.iter().map(|r| r.complaints_on_time).sum();
    let rate = (due > 0).then(|| on_time as f64 / due as f64);
    let period = name(lang, asked.period);
    let house = House::of(&staff.app, &staff.tenant.0).await?;
    let data = Data {
        frame: house.frame(
            lang,
            format!("{} — {period}", t(lang, "title")),
            None,
            lang.tf("scorecards.pdf.footer", &[("period", &period)]),
        ),
        heading: vec![
            t(lang, "title"),
            lang.tf("scorecards.pdf.subtitle", &[("period", &period), ("date", &long_date(lang, asked.as_of))]),
        ],
        summary: vec![
            (t(lang, "units"), cards.rows.len().to_string()),
            (t(lang, "listed"), watch.len().to_string()),
            (t(lang, "received"), cards.rows.iter().map(|r| r.complaints_received).sum::<i64>().to_string()),
            (t(lang, "on_time"), percent(lang, rate).unwrap_or_else(|| "—".to_owned())),
        ],
        headers: [
            "unit",
            "received",
            "due",
            "on_time_rate",
            "overdue_open",
            "ikm",
            "negative_news",
            "discipline_cases",
        ]
        .iter()
        .map(|key| lang.t(&format!("scorecards.fields.{key}")).to_owned())
        .collect(),
        rows,
        watch_title: lang.t("scorecards.watch.title").to_owned(),
        watch,
        notes: t(lang, "notes"),
    };
    let ident = format!("kinerja-{}-{}", asked.period.code(), asked.as_of);
    Prepared::new(Template::Scorecards, &data, Assets { logo: house.logo(), qr: None }, &ident)?
        .saved_as_file()
        .respond()
        .await
}
