//! Keeping the sums in step with the items, inside each item's transaction.

use std::collections::BTreeMap;

use domain::calendar::{Calendar, Zone};
use domain::complaints::{Kind, State};
use domain::ids::{TenantId, UnitId};
use domain::scorecards::facts::{self, Fact, Measure, Milestones, Stream};
use jiff::Timestamp;

use crate::cache::TenantData;
use crate::complaints::Item;
use crate::sql::Sql;
use crate::{ActionCx, Conn, StoreError};

/// One change to a sum.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Change {
    pub unit: UnitId,
    pub stream: Stream,
    pub fact: Fact,
}

/// The stream an item of this kind feeds.
pub(crate) fn stream_of(kind: Kind) -> Stream {
    match kind {
        Kind::SuratMasuk => Stream::Letters,
        _ => Stream::Complaints,
    }
}

/// A unit's zone and working-day calendar.
pub(crate) struct UnitClock<'a> {
    pub zone: Zone,
    pub calendar: &'a Calendar,
}

impl<'a> UnitClock<'a> {
    /// The clock of a unit; `None` when the unit is not in the register.
    pub(crate) fn of(data: &'a TenantData, unit: &UnitId) -> Option<UnitClock<'a>> {
        let found = data.units.iter().find(|it| it.id == *unit)?;
        Some(UnitClock { zone: found.draft.zone, calendar: data.calendar_of(found.draft.observes_cuti_bersama) })
    }

    pub(crate) fn day(&self, ms: i64) -> jiff::civil::Date {
        self.zone.local_date(Timestamp::from_millisecond(ms).unwrap_or(Timestamp::UNIX_EPOCH))
    }

    /// The milestones of an item, as this unit's local days.
    pub(crate) fn milestones(&self, item: &Dates) -> Milestones {
        let closed = (item.state == State::Closed).then_some(item.closed_at_ms).flatten();
        Milestones {
            received: self.day(item.received_at_ms),
            assigned: item.verified_at_ms.map(|it| self.day(it)),
            answer_due: item.answer_due,
            first_answer: item.first_answer_at_ms.map(|it| self.day(it)),
            closed: closed.map(|it| self.day(it)),
            rating: item.rating,
        }
    }
}

/// What of an item its facts depend on, besides its unit and kind.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Dates {
    pub state: State,
    pub received_at_ms: i64,
    pub verified_at_ms: Option<i64>,
    pub answer_due: Option<jiff::civil::Date>,
    pub first_answer_at_ms: Option<i64>,
    pub closed_at_ms: Option<i64>,
    pub rating: Option<i64>,
}

impl From<&Item> for Dates {
    fn from(item: &Item) -> Dates {
        Dates {
            state: item.state,
            received_at_ms: item.received_at_ms,
            verified_at_ms: item.verified_at_ms,
            answer_due: item.answer_due,
            first_answer_at_ms: item.first_answer_at_ms,
            closed_at_ms: item.closed_at_ms,
            rating: item.rating,
        }
    }
}

fn facts_of_item(data: &TenantData, item: Option<&Item>) -> Option<(UnitId, Stream, Vec<Fact>)> {
    let (item, unit) = item.and_then(|it| it.unit_id.as_ref().map(|unit| (it, unit)))?;
    let clock = UnitClock::of(data, unit)?;
    Some((unit.clone(), stream_of(item.kind), facts::facts_of(&clock.milestones(&Dates::from(item)), clock.calendar)))
}

/// Moves an item's facts from what they were before a change to what they are after it (either may be absent).
pub async fn update_sums_for_item(
    conn: &mut Conn,
    cx: &ActionCx<'_>,
    before: Option<&Item>,
    after: Option<&Item>,
) -> Result<(), StoreError> {
    let data = cx.db.tenant_data(cx.tenant).await?;
    let old = facts_of_item(&data, before);
    let new = facts_of_item(&data, after);
    let mut changes = Vec::new();
    match (old, new) {
        (Some((u1, s1, f1)), Some((u2, s2, f2))) if u1 == u2 && s1 == s2 => {
            push(&mut changes, &u1, s1, facts::delta(&f1, &f2));
        }
        (old, new) => {
            if let Some((unit, stream, facts)) = old {
                push(&mut changes, &unit, stream, facts::delta(&facts, &[]));
            }
            if let Some((unit, stream, facts)) = new {
                push(&mut changes, &unit, stream, facts);
            }
        }
    }
    update_sums(conn, cx.tenant, &changes).await
}

/// Adds the facts of new items (a batch of filings) with one statement per table.
pub async fn update_sums_for_new_items(conn: &mut Conn, cx: &ActionCx<'_>, items: &[&Item]) -> Result<(), StoreError> {
    if items.iter().all(|it| it.unit_id.is_none()) {
        return Ok(());
    }
    let data = cx.db.tenant_data(cx.tenant).await?;
    let mut changes = Vec::new();
    for item in items {
        if let Some((unit, stream, facts)) = facts_of_item(&data, Some(item)) {
            push(&mut changes, &unit, stream, facts);
        }
    }
    update_sums(conn, cx.tenant, &changes).await
}

/// Counts a reporter's reopening or contest on the day it happens, for the unit handling the item.
pub async fn update_sums_for_reporter_step(
    conn: &mut Conn,
    cx: &ActionCx<'_>,
    item: &Item,
    reopened: bool,
) -> Result<(), StoreError> {
    let Some(unit) = &item.unit_id else { return Ok(()) };
    let data = cx.db.tenant_data(cx.tenant).await?;
    let Some(clock) = UnitClock::of(&data, unit) else { return Ok(()) };
    let measure = if reopened { Measure::Reopened } else { Measure::Contested };
    let fact = Fact { day: clock.day(cx.now_ms()), measure, n: 1 };
    update_sums(conn, cx.tenant, &[Change { unit: unit.clone(), stream: stream_of(item.kind), fact }]).await
}

/// When a counted event happened: a local day already known, or an instant read on the unit's clock.
#[derive(Clone, Copy, Debug)]
pub enum When {
    /// A day (an article's publication date).
    Day(jiff::civil::Date),
    /// An instant, epoch ms.
    At(i64),
}

/// Counts events for units on their days (negative articles, preliminary reviews, discipline cases), in the
/// caller's transaction; units no longer in the register are skipped, as the rebuild skips them.
pub async fn update_sums_for_events(
    conn: &mut Conn,
    cx: &ActionCx<'_>,
    (stream, measure): (Stream, Measure),
    events: &[(UnitId, When)],
) -> Result<(), StoreError> {
    if events.is_empty() {
        return Ok(());
    }
    let data = cx.db.tenant_data(cx.tenant).await?;
    let mut changes = Vec::new();
    for (unit, when) in events {
        let day = match when {
            When::Day(day) => *day,
            When::At(ms) => match UnitClock::of(&data, unit) {
                Some(clock) => clock.day(*ms),
                None => continue,
            },
        };
        if data.units.iter().any(|it| it.id == *unit) {
            changes.push(Change { unit: unit.clone(), stream, fact: Fact { day, measure, n: 1 } });
        }
    }
    update_sums(conn, cx.tenant, &changes).await
}

fn push(changes: &mut Vec<Change>, unit: &UnitId, stream: Stream, facts: Vec<Fact>) {
    changes.extend(facts.into_iter().map(|fact| Change { unit: unit.clone(), stream, fact }));
}

/// Adds changes to the day and month sums, one statement per table.
pub(crate) async fn update_sums(conn: &mut Conn, tenant: &TenantId, changes: &[Change]) -> Result<(), StoreError> {
    if changes.is_empty() {
        return Ok(());
    }
    let mut days: BTreeMap<(&str, &str, String, String), i64> = BTreeMap::new();
    let mut months: BTreeMap<(&str, &str, String, String), i64> = BTreeMap::new();
    for change in changes {
        let (unit, stream, measure) = (change.unit.as_str(), change.stream.code(), change.fact.measure.code());
        let day = change.fact.day;
        *days.entry((unit, stream, day.to_string(), measure.clone())).or_default() += change.fact.n;
        let month = format!("{:04}-{:02}", day.year(), day.month());
        *months.entry((unit, stream, month, measure)).or_default() += change.fact.n;
    }
    // The counter first: a rebuild takes it before the unit's sums too, so the two never wait on each other.
    let units = changes.iter().filter(|it| it.fact.n != 0).map(|it| it.unit.as_str()).collect();
    super::stamps::update_unit_stamps(conn, tenant, units).await?;
    update_sum_table(conn, tenant, "scorecard_day", "day", &days).await?;
    update_sum_table(conn, tenant, "scorecard_month", "month", &months).await
}

/// Rows per statement: far below either engine's limit on parameters.
const CHUNK: usize = 150;

pub(crate) async fn update_sum_table(
    conn: &mut Conn,
    tenant: &TenantId,
    table: &'static str,
    when: &'static str,
    sums: &BTreeMap<(&str, &str, String, String), i64>,
) -> Result<(), StoreError> {
    let rows: Vec<_> = sums.iter().filter(|(_, n)| **n != 0).collect();
    for chunk in rows.chunks(CHUNK) {
        let mut sql =
            Sql::new(&format!("INSERT INTO {table} (tenant_id, unit_id, stream, {when}, measure, n) VALUES "));
        sql.values(chunk, |row, ((unit, stream, at, measure), n)| {
            row.bind(tenant.as_str()).bind(*unit).bind(*stream).bind(at.as_str()).bind(measure.as_str()).bind(**n);
        });
        sql.push(&format!(
            " ON CONFLICT (tenant_id, unit_id, stream, {when}, measure) DO UPDATE SET n = {table}.n + excluded.n"
        ));
        sql.execute(&mut *conn).await?;
    }
    Ok(())
}
