//! `/kinerja/pantauan`: the units the rules put on the watch list for a period (this quarter unless asked), each
//! with the rules that fire and the figure that made them fire, and the rules themselves in words.

use axum::extract::Query;
use axum::response::{IntoResponse, Response};
use domain::people::Permission;
use domain::scorecards::period::ScorePeriod;
use domain::scorecards::watch::{Rule, Test, WatchRules};
use domain::surveys::PeriodKind;
use serde::Serialize;

use super::index::{name, percent};
use super::query::CardQuery;
use super::rows::load;
use crate::error::WebError;
use crate::i18n::Lang;
use crate::layout::Layout;
use crate::render::render;
use crate::staff::Staff;
use crate::view::format::decimal;

#[derive(Serialize)]
struct Fired {
    rule: String,
    value: String,
    text: String,
}

#[derive(Serialize)]
struct Listed {
    unit_id: String,
    unit_name: String,
    fired: Vec<Fired>,
    on_time_rate: Option<String>,
    overdue_open: i64,
    ikm: Option<String>,
    negative_news: i64,
    decision: Option<super::decisions::DecisionView>,
}

/// One rule in words, for the watch list and the rules page.
#[derive(Serialize)]
pub(super) struct RuleLine {
    code: String,
    text: String,
    source: String,
}

/// The rules in words.
pub(super) fn rule_lines(lang: Lang, rules: &WatchRules) -> Vec<RuleLine> {
    rules
        .rules
        .iter()
        .map(|it| RuleLine { code: it.code.clone(), text: rule_text(lang, it), source: it.source.clone() })
        .collect()
}

#[derive(Serialize)]
struct Page {
    #[serde(flatten)]
    layout: Layout,
    period_name: String,
    as_of: String,
    query: String,
    listed: Vec<Listed>,
    rules: Vec<RuleLine>,
    can_rules: bool,
    can_decide: bool,
}

/// This quarter: enough deadlines for a rate to mean something, and the length of most surveys.
pub(super) fn this_quarter(today: jiff::civil::Date) -> ScorePeriod {
    ScorePeriod::Span(domain::surveys::Period::containing(PeriodKind::Quarter, today))
}

/// The rule in words, with its thresholds.
pub(super) fn rule_text(lang: Lang, rule: &Rule) -> String {
    let (key, args): (&str, Vec<(&str, String)>) = match &rule.test {
        Test::OnTimeRateBelow { threshold, min_items } => (
            "on_time_rate_below",
            vec![("threshold", percent(lang, Some(*threshold)).unwrap_or_default()), ("min", min_items.to_string())],
        ),
        Test::OverdueBeyond { days, count } => {
            ("overdue_beyond", vec![("days", days.to_string()), ("count", count.to_string())])
        }
        Test::IkmCategory(categories) => {
            let letters: Vec<&str> = categories.iter().map(|it| it.letter()).collect();
            ("ikm_category", vec![("categories", letters.join(", "))])
        }
        Test::IkmDrop(points) => ("ikm_drop", vec![("points", decimal(lang, *points, 2))]),
        Test::NegativeNews { count, days } => {
            ("negative_news", vec![("count", count.to_string()), ("days", days.to_string())])
        }
        Test::IndicatorBelow(threshold) => {
            ("indicator_below", vec![("threshold", percent(lang, Some(*threshold)).unwrap_or_default())])
        }
    };
    let args: Vec<(&str, &str)> = args.iter().map(|(name, value)| (*name, value.as_str())).collect();
    lang.tf(&format!("scorecards.rules.{key}"), &args)
}

/// The figure that made a rule fire, with its unit, and the rule in words.
fn fired(lang: Lang, rules: &WatchRules, code: &str, value: f64) -> Fired {
    let rule = rules.rules.iter().find(|it| it.code == code);
    let count = format!("{value:.0}");
    let shown = match rule.map(|it| &it.test) {
        Some(Test::OnTimeRateBelow { .. }) => percent(lang, Some(value)).unwrap_or_default(),
        Some(Test::IndicatorBelow(_)) => {
            lang.tf("scorecards.watch.value_indicator", &[("share", &percent(lang, Some(value)).unwrap_or_default())])
        }
        Some(Test::IkmCategory(_)) => lang.tf("scorecards.watch.value_ikm", &[("ikm", &decimal(lang, value, 2))]),
        Some(Test::IkmDrop(_)) => lang.tf("scorecards.watch.value_drop", &[("points", &decimal(lang, value, 2))]),
        Some(Test::OverdueBeyond { .. }) => lang.tf("scorecards.watch.value_items", &[("n", &count)]),
        Some(Test::NegativeNews { .. }) => lang.tf("scorecards.watch.value_news", &[("n", &count)]),
        None => count,
    };
    Fired { rule: code.to_owned(), value: shown, text: rule.map(|it| rule_text(lang, it)).unwrap_or_default() }
}

/// `GET /kinerja/pantauan`.
pub async fn page(staff: Staff, Query(query): Query<CardQuery>) -> Result<Response, WebError> {
    staff.user.require_any(Permission::ViewScorecards)?;
    let view = crate::view::TenantView::of(&staff).await?;
    let visible = view.visible_units(&staff.user.access, Permission::ViewScorecards);
    let today = staff.tenant.0.zone.local_date(staff.app.now());
    let asked = query.asked(today, this_quarter);
    let db = staff.app.db();
    let tenant = &staff.tenant.0.id;
    let cards = load(db, tenant, (asked.period, asked.as_of), asked.scope, visible.as_deref()).await?;
    let mut conn = db.conn().await?;
    let (rules, _) = store::scorecards::watch::load_rules(&mut conn, tenant).await?;
    let lang = staff.lang;
    let decisions = super::decisions::visible_decisions(&staff, 500).await?;
    let listed = cards
        .rows
        .iter()
        .filter(|row| row.watch)
        .map(|row| Listed {
            unit_id: row.unit_id.clone(),
            unit_name: row.unit_name.clone(),
            fired: cards
                .listed
                .get(&domain::ids::UnitId::new(row.unit_id.clone()))
                .into_iter()
                .flatten()
                .map(|it| fired(lang, &rules, &it.code, it.value))
                .collect(),
            on_time_rate: percent(lang, row.on_time_rate),
            overdue_open: row.overdue_open,
            ikm: row.ikm.map(|it| decimal(lang, it, 2)),
            negative_news: row.negative_news,
            decision: decisions.iter().find(|it| it.unit_id() == row.unit_id).cloned(),
        })
        .collect();
    let page = Page {
        period_name: name(lang, asked.period),
        as_of: crate::view::format::long_date(lang, asked.as_of),
        query: CardQuery::of(&asked),
        listed,
        rules: rule_lines(lang, &rules),
        can_rules: staff.user.access.can_tenant(Permission::ManageWatchRules),
        can_decide: staff.user.access.can_tenant(Permission::DecideOnWatchList),
        layout: staff.layout,
    };
    Ok(render("scorecards/watch.html", &page)?.into_response())
}
