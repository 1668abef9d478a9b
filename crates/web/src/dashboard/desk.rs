//! The desk: what needs the signed-in person today, section by section, each shown only to whom it concerns — the
//! watch list and the weakest units for leaders and inspectors, a unit head's own figures, the overdue queue, the
//! negative news of the week, the discipline steps due, and the leaders' decisions still awaiting a unit's plan. Every figure comes from the scorecard sums or from a
//! page the reader may already open, and links there.

use domain::people::Permission;
use domain::scorecards::period::ScorePeriod;
use domain::surveys::{Period, PeriodKind};
use serde::Serialize;

use crate::error::WebError;
use crate::scorecards::{Scope, ScorecardRow, load};
use crate::staff::Staff;
use crate::view::format::decimal;

/// How many units each "weakest" list names.
const WEAKEST: usize = 5;
/// Fewer deadlines than this in the quarter make a rate too thin to rank by.
const MIN_DUE: i64 = 5;

/// A unit with one figure.
#[derive(Serialize)]
pub(super) struct UnitFigure {
    unit_id: String,
    unit_name: String,
    figure: String,
    note: Option<String>,
}

/// A unit head's own unit this month.
#[derive(Serialize)]
pub(super) struct OwnUnit {
    unit_id: String,
    unit_name: String,
    received: i64,
    on_time_rate: Option<String>,
    overdue_open: i64,
    watch: bool,
}

/// A negative article of the week.
#[derive(Serialize)]
pub(super) struct Article {
    id: String,
    title: String,
    date: Option<String>,
}

/// The discipline cases the reader follows.
#[derive(Serialize)]
pub(super) struct Cases {
    open: usize,
    late: usize,
}

/// Every section; an absent one is not the reader's concern.
#[derive(Serialize, Default)]
pub(super) struct Desk {
    watch: Option<Vec<UnitFigure>>,
    weakest_on_time: Option<Vec<UnitFigure>>,
    weakest_ikm: Option<Vec<UnitFigure>>,
    own_units: Option<Vec<OwnUnit>>,
    overdue: Option<i64>,
    news: Option<Vec<Article>>,
    cases: Option<Cases>,
    decisions: Option<Vec<crate::scorecards::DecisionView>>,
}

fn quarter(today: jiff::civil::Date) -> ScorePeriod {
    ScorePeriod::Span(Period::containing(PeriodKind::Quarter, today))
}

/// Builds the desk of the signed-in person.
pub(super) async fn desk(staff: &Staff) -> Result<Desk, WebError> {
    let access = &staff.user.access;
    let mut desk = Desk::default();
    // The quarter's rows of the units the reader sees, read once: what is overdue today is the same in any period.
    let mut quarter_rows = None;
    if access.has(Permission::ViewScorecards) {
        quarter_rows = Some(scorecard_sections(staff, &mut desk).await?);
        // Leaders see what they wait for, unit heads what is asked of their units: plans not yet given, late first.
        let mut waiting: Vec<_> = crate::scorecards::visible_decisions(staff, 500)
            .await?
            .into_iter()
            .filter(|it| matches!(it.standing(), "awaited" | "overdue"))
            .collect();
        waiting.sort_by_key(|it| it.standing() != "overdue");
        desk.decisions = Some(waiting);
    }
    if access.has(Permission::ViewComplaints) {
        let view = crate::view::TenantView::of(staff).await?;
        let visible = view.visible_units(access, Permission::ViewComplaints);
        let today = staff.tenant.0.zone.local_date(staff.app.now());
        let same_units = visible == view.visible_units(access, Permission::ViewScorecards);
        let rows = match quarter_rows.filter(|_| same_units) {
            Some(rows) => rows,
            None => {
                let month = (ScorePeriod::month_of(today), today);
                load(staff.app.db(), &staff.tenant.0.id, month, Scope::Unit, visible.as_deref()).await?.rows
            }
        };
        desk.overdue = Some(rows.iter().map(|it| it.overdue_open + it.letters_overdue_open).sum());
    }
    if access.has(Permission::ViewNews) {
        desk.news = Some(news_of_the_week(staff).await?);
    }
    if access.has(Permission::HandleDiscipline) {
        let rules = crate::discipline::rules_of(staff).await?;
        let files = crate::discipline::cases::visible(staff, &rules).await?;
        // A case still asks something of its handlers while a step is due; a closed or dropped one does not.
        let open: Vec<_> = files
            .iter()
            .filter(|(file, due)| !matches!(file.row.state.as_str(), "closed" | "dropped") && !due.is_empty())
            .collect();
        let late = open.iter().filter(|(_, due)| due.iter().any(|it| it.late)).count();
        desk.cases = Some(Cases { open: open.len(), late });
    }
    Ok(desk)
}

/// The watch list, the weakest units or the reader's own units; returns the quarter's rows it read.
async fn scorecard_sections(staff: &Staff, desk: &mut Desk) -> Result<Vec<crate::scorecards::ScorecardRow>, WebError> {
    let access = &staff.user.access;
    let view = crate::view::TenantView::of(staff).await?;
    let visible = view.visible_units(access, Permission::ViewScorecards);
    let today = staff.tenant.0.zone.local_date(staff.app.now());
    let (db, tenant, lang) = (staff.app.db(), &staff.tenant.0.id, staff.lang);
    let cards = load(db, tenant, (quarter(today), today), Scope::Unit, visible.as_deref()).await?;
    let watched = cards.rows.iter().filter(|it| it.watch).map(|row| UnitFigure {
        unit_id: row.unit_id.clone(),
        unit_name: row.unit_name.clone(),
        figure: row.reasons.join(", "),
        note: None,
    });
    desk.watch = Some(watched.collect());
    if access.can_tenant(Permission::ViewScorecards) {
        desk.weakest_on_time = Some(weakest(
            &cards.rows,
            |it| it.on_time_rate.filter(|_| it.complaints_due >= MIN_DUE),
            |it| format!("{} %", decimal(lang, it * 100.0, 1)),
        ));
        desk.weakest_ikm = Some(weakest(&cards.rows, |it| it.ikm, |it| decimal(lang, it, 2)));
    } else {
        let month = load(db, tenant, (ScorePeriod::month_of(today), today), Scope::Unit, visible.as_deref()).await?;
        let own = month.rows.iter().map(|row| OwnUnit {
            unit_id: row.unit_id.clone(),
            unit_name: row.unit_name.clone(),
            received: row.complaints_received + row.letters_received,
            on_time_rate: row.on_time_rate.map(|it| format!("{} %", decimal(lang, it * 100.0, 1))),
            overdue_open: row.overdue_open + row.letters_overdue_open,
            watch: cards.rows.iter().any(|it| it.unit_id == row.unit_id && it.watch),
        });
        desk.own_units = Some(own.collect());
    }
    Ok(cards.rows)
}

/// The units with the lowest values, lowest first; units without a value are left out.
fn weakest(
    rows: &[ScorecardRow],
    value: impl Fn(&ScorecardRow) -> Option<f64>,
    shown: impl Fn(f64) -> String,
) -> Vec<UnitFigure> {
    let mut valued: Vec<(&ScorecardRow, f64)> = rows.iter().filter_map(|row| value(row).map(|it| (row, it))).collect();
    valued.sort_by(|a, b| a.1.total_cmp(&b.1));
    valued
        .into_iter()
        .take(WEAKEST)
        .map(|(row, it)| UnitFigure {
            unit_id: row.unit_id.clone(),
            unit_name: row.unit_name.clone(),
            figure: shown(it),
            note: row.watch.then(|| row.reasons.join(", ")),
        })
        .collect()
}

/// Negative articles of the last seven days naming units the reader follows, newest first.
async fn news_of_the_week(staff: &Staff) -> Result<Vec<Article>, WebError> {
    let view = crate::view::TenantView::of(staff).await?;
    let units = view.visible_units(&staff.user.access, Permission::ViewNews);
    let today = staff.tenant.0.zone.local_date(staff.app.now());
    let from = today.checked_sub(jiff::Span::new().days(6)).unwrap_or(today);
    let filter = store::news::listing::Filter {
        units,
        from: Some(from.to_string()),
        to: Some(today.to_string()),
        ..store::news::listing::Filter::default()
    };
    let mut conn = staff.app.db().conn().await?;
    let (page, _) = store::news::listing::list(&mut conn, &staff.tenant.0.id, &filter, (100, 0)).await?;
    Ok(page
        .into_iter()
        .filter(|it| it.is_negative == 1)
        .take(5)
        .map(|it| Article {
            title: it.title.clone().unwrap_or_else(|| it.source.clone()),
            date: it.published_date.clone(),
            id: it.id,
        })
        .collect())
}
