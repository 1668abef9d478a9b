//! The watch list: which units the rules put on it for a period, from the same sums as the cards, and the rules a
//! Pemda keeps.

use std::collections::BTreeMap;

use domain::calendar::Calendar;
use domain::ids::{TenantId, UnitId};
use domain::scorecards::facts::{Measure, Stream};
use domain::scorecards::watch::{self, Firing, Signals, WatchRules};
use jiff::ToSpan;
use serde_json::json;

use super::cards::Cards;
use super::reader::Reader;
use super::sums::{self, UnitSums};
use crate::audit::{self, Change};
use crate::{ActionCx, Conn, Refusal, StoreError};

/// The rules that fire per unit, units without any left out.
pub type Listed = BTreeMap<UnitId, Vec<Firing>>;

/// The units the rules put on the list, judged on each unit's own figures (a parent is not listed for its
/// subunits; they are listed themselves).
pub async fn list_watched(
    reader: &mut Reader<'_>,
    calendar: &Calendar,
    tenant: &TenantId,
    rules: &WatchRules,
    cards: &Cards,
) -> Result<Listed, StoreError> {
    let end = cards.period.last_day().min(cards.as_of);
    let mut overdue: BTreeMap<u32, UnitSums> = BTreeMap::new();
    for days in rules.overdue_spans() {
        let cutoff = watch::overdue_cutoff(calendar, end, days);
        overdue.insert(
            days,
            reader.sums(tenant, None, (sums::history_start(), cutoff), Some(&sums::OPEN_MEASURES)).await?,
        );
    }
    let mut news: BTreeMap<u32, UnitSums> = BTreeMap::new();
    for days in rules.news_windows() {
        let from = end.checked_sub(i64::from(days - 1).days()).unwrap_or(end);
        news.insert(days, reader.sums(tenant, None, (from, end), Some(&[Measure::NegativeNews])).await?);
    }
    let previous = super::cards::load_skm_index(reader, tenant, cards.period.previous()).await?;
    let standings = reader.standings(tenant, cards.period, end).await?;
    let mut out = Listed::new();
    for (unit, card) in &cards.own {
        let get = |sums: &UnitSums, stream: Stream, measure: Measure| {
            sums.get(&(unit.clone(), stream)).and_then(|it| it.get(&measure)).copied().unwrap_or(0)
        };
        let open_past = |sums: &UnitSums| {
            [Stream::Complaints, Stream::Letters]
                .into_iter()
                .map(|s| get(sums, s, Measure::Due) - get(sums, s, Measure::OnTime) - get(sums, s, Measure::LateByDue))
                .sum::<i64>()
                .max(0)
        };
        let signals = Signals {
            // The rate is the complaints' own, as on the card; letters count in the backlog rule.
            due: card.complaints.due,
            on_time: card.complaints.on_time,
            overdue_beyond: overdue.iter().map(|(days, sums)| (*days, open_past(sums))).collect(),
            ikm: card.skm.as_ref().and_then(|it| it.ikm).map(|it| it.hundredths),
            previous_ikm: previous.get(unit).copied(),
            negative_news_within: news
                .iter()
                .map(|(days, sums)| (*days, get(sums, Stream::News, Measure::NegativeNews)))
                .collect(),
            indicators: standings
                .get(unit)
                .map(|list| list.iter().filter_map(|(_, standing)| standing.achievement).collect())
                .unwrap_or_default(),
        };
        let fired = rules.check(&signals);
        if !fired.is_empty() {
            out.insert(unit.clone(), fired);
        }
    }
    Ok(out)
}

/// A Pemda's rules: its saved file, or the shipped one.
pub async fn load_rules(conn: &mut Conn, tenant: &TenantId) -> Result<(WatchRules, Option<String>), StoreError> {
    let row: Option<(String,)> = sqlx::query_as("SELECT body FROM watch_rules WHERE tenant_id = $1")
        .bind(tenant.as_str())
        .fetch_optional(conn)
        .await?;
    match row {
        Some((body,)) => {
            let rules = WatchRules::parse(&body).map_err(|err| StoreError::corrupt("watch_rules", err.to_string()))?;
            Ok((rules, Some(body)))
        }
        None => Ok((watch::shipped().clone(), None)),
    }
}

/// Saves a Pemda's rules file after checking it; the audit entry keeps the text before and after.
pub async fn save_rules(cx: &ActionCx<'_>, body: &str) -> Result<WatchRules, StoreError> {
    let rules = WatchRules::parse(body).map_err(Refusal::WatchRules)?;
    let mut tx = cx.db.begin_write().await?;
    let (_, before) = load_rules(&mut tx, cx.tenant).await?;
    sqlx::query(
        "INSERT INTO watch_rules (tenant_id, body, updated_by, updated_at_ms) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id) DO UPDATE SET body = excluded.body, updated_by = excluded.updated_by,
            updated_at_ms = excluded.updated_at_ms",
    )
    .bind(cx.tenant.as_str())
    .bind(body)
    .bind(cx.actor.user_id())
    .bind(cx.now_ms())
    .execute(&mut *tx)
    .await?;
    let change = Change {
        action: "watch_rules.save",
        entity_type: "watch_rules",
        entity_id: cx.tenant.as_str().to_owned(),
        before: Some(json!({ "body": before.unwrap_or_else(|| watch::SHIPPED_TEXT.to_owned()) })),
        after: Some(json!({ "body": body })),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(rules)
}
