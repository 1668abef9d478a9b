//! Recomputing the sums from the items, one unit per transaction: after a repair, after a calendar change that
//! should reach past figures, or to check that the running sums never drifted (`pantau scorecard rebuild`).

use std::collections::BTreeMap;
use std::sync::Arc;

use domain::complaints::{Kind, State};
use domain::ids::{TenantId, UnitId};
use domain::scorecards::facts::{self, Fact, Measure, Stream};

use super::record::{self, Change, Dates, UnitClock};
use super::stamps;
use crate::cache::TenantData;
use crate::{Conn, Db, StoreError};

/// Items read per query.
const PAGE: i64 = 5000;

/// What a rebuild did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rebuilt {
    /// Units rebuilt.
    pub units: usize,
    /// Items read.
    pub items: u64,
    /// Reopenings and contests read.
    pub steps: u64,
    /// Negative articles, reviews and cases read.
    pub events: u64,
}

/// Units read at once while the previous one is written, on PostgreSQL: the server's reading overlaps with
/// computing and writing. SQLite reads each unit inside its write transaction instead: snapshots held open beside a
/// writer keep its write-ahead log from being checkpointed, and the growing log made the whole rebuild twice as slow
/// (measured, docs/PERFORMANCE.md).
const READERS: usize = 2;

/// Recomputes every sum of every unit of a tenant: complaints, letters, news and discipline. Each unit is read in a
/// snapshot beside the others and written in a short transaction of its own; a unit that changed in between (its
/// counter moved) is read again inside that transaction, so no concurrent write is lost.
pub async fn rebuild(db: &Db, tenant: &TenantId) -> Result<Rebuilt, StoreError> {
    let data = db.tenant_data(tenant).await?;
    let mut done = Rebuilt::default();
    if db.backend() == crate::Backend::Sqlite {
        for unit in &data.units {
            let read = UnitRead { unit: unit.id.clone(), stamp: None, changes: Vec::new(), counts: Rebuilt::default() };
            write_unit(db, &data, tenant, read, &mut done).await?;
        }
        return Ok(done);
    }
    let mut reading = tokio::task::JoinSet::new();
    let mut queue = data.units.iter().map(|it| it.id.clone());
    loop {
        while reading.len() < READERS {
            let Some(unit) = queue.next() else { break };
            reading.spawn(read_unit(db.clone(), Arc::clone(&data), tenant.clone(), unit));
        }
        let Some(joined) = reading.join_next().await else { break };
        let read = joined.map_err(|err| StoreError::Config(format!("rebuild task: {err}")))??;
        if let Some(read) = read {
            write_unit(db, &data, tenant, read, &mut done).await?;
        }
    }
    Ok(done)
}

/// One unit's recomputed facts, with its counter in the snapshot they were read from (`None`: not read yet).
struct UnitRead {
    unit: UnitId,
    stamp: Option<i64>,
    changes: Vec<Change>,
    counts: Rebuilt,
}

async fn read_unit(
    db: Db,
    data: Arc<TenantData>,
    tenant: TenantId,
    unit: UnitId,
) -> Result<Option<UnitRead>, StoreError> {
    let mut tx = db.begin_snapshot().await?;
    let stamp = stamps::find_unit_stamp(&mut tx, &tenant, &unit).await?;
    let computed = compute(&mut tx, &data, &tenant, &unit).await?;
    tx.rollback().await?;
    Ok(computed.map(|(changes, counts)| UnitRead { unit, stamp: Some(stamp), changes, counts }))
}

async fn compute(
    conn: &mut Conn,
    data: &Arc<TenantData>,
    tenant: &TenantId,
    unit: &UnitId,
) -> Result<Option<(Vec<Change>, Rebuilt)>, StoreError> {
    let Some(clock) = UnitClock::of(data, unit) else { return Ok(None) };
    let mut changes = Vec::new();
    let counts = Rebuilt {
        units: 1,
        items: read_items(conn, tenant, unit, &clock, &mut changes).await?,
        steps: read_steps(conn, tenant, unit, &clock, &mut changes).await?,
        events: read_events(conn, tenant, unit, &clock, &mut changes).await?,
    };
    Ok(Some((changes, counts)))
}

async fn write_unit(
    db: &Db,
    data: &Arc<TenantData>,
    tenant: &TenantId,
    read: UnitRead,
    done: &mut Rebuilt,
) -> Result<(), StoreError> {
    let started = std::time::Instant::now();
    let mut tx = db.begin_write().await?;
    // Taking the counter locks the unit against writers until the commit; a unit left without any item moves no
    // sum, but what a process kept of it is wrong all the same, and this tells it.
    stamps::update_unit_stamps(&mut tx, tenant, [read.unit.as_str()].into()).await?;
    let now = stamps::find_unit_stamp(&mut tx, tenant, &read.unit).await?;
    let (changes, counts) = if read.stamp.is_some_and(|it| now == it + 1) {
        (read.changes, read.counts)
    } else {
        match compute(&mut tx, data, tenant, &read.unit).await? {
            Some(computed) => computed,
            None => return Ok(tx.rollback().await?),
        }
    };
    let computed = started.elapsed();
    delete_unit(&mut tx, tenant, &read.unit).await?;
    let deleted = started.elapsed();
    record::update_sums(&mut tx, tenant, &changes).await?;
    let written = started.elapsed();
    tx.commit().await?;
    tracing::debug!(
        unit = read.unit.as_str(),
        items = counts.items,
        changes = changes.len(),
        read_ms = computed.as_millis() as u64,
        delete_ms = (deleted - computed).as_millis() as u64,
        write_ms = (written - deleted).as_millis() as u64,
        commit_ms = (started.elapsed() - written).as_millis() as u64,
        "unit rebuilt"
    );
    done.units += counts.units;
    done.items += counts.items;
    done.steps += counts.steps;
    done.events += counts.events;
    Ok(())
}

async fn delete_unit(conn: &mut crate::Conn, tenant: &TenantId, unit: &UnitId) -> Result<(), StoreError> {
    for table in ["scorecard_day", "scorecard_month"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE tenant_id = $1 AND unit_id = $2"))
            .bind(tenant.as_str())
            .bind(unit.as_str())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

type ItemRow = (String, String, String, i64, Option<i64>, Option<String>, Option<i64>, Option<i64>, Option<i64>);

async fn read_items(
    conn: &mut crate::Conn,
    tenant: &TenantId,
    unit: &UnitId,
    clock: &UnitClock<'_>,
    changes: &mut Vec<Change>,
) -> Result<u64, StoreError> {
    let mut after = String::new();
    let mut read = 0;
    let mut sums: BTreeMap<(Stream, Fact), i64> = BTreeMap::new();
    loop {
        let rows: Vec<ItemRow> = sqlx::query_as(
            "SELECT id, kind, state, received_at_ms, verified_at_ms, answer_due_date, first_answer_at_ms, closed_at_ms,
                rating
             FROM complaint WHERE tenant_id = $1 AND unit_id = $2 AND id > $3 ORDER BY id LIMIT $4",
        )
        .bind(tenant.as_str())
        .bind(unit.as_str())
        .bind(&after)
        .bind(PAGE)
        .fetch_all(&mut *conn)
        .await?;
        let Some(last) = rows.last() else { break };
        after = last.0.clone();
        for row in &rows {
            let (stream, dates) = dates_of(row)?;
            for fact in facts::facts_of(&clock.milestones(&dates), clock.calendar) {
                *sums.entry((stream, Fact { n: 0, ..fact })).or_default() += fact.n;
            }
        }
        read += rows.len() as u64;
    }
    changes.extend(sums.into_iter().map(|((stream, fact), n)| Change {
        unit: unit.clone(),
        stream,
        fact: Fact { n, ..fact },
    }));
    Ok(read)
}

fn dates_of(row: &ItemRow) -> Result<(Stream, Dates), StoreError> {
    let corrupt = |value: &str| StoreError::corrupt("complaint", value.to_owned());
    let kind = Kind::parse(&row.1).ok_or_else(|| corrupt(&row.1))?;
    let state = State::parse(&row.2).ok_or_else(|| corrupt(&row.2))?;
    let answer_due = row.5.as_deref().map(|it| it.parse().map_err(|_| corrupt(it))).transpose()?;
    let dates = Dates {
        state,
        received_at_ms: row.3,
        verified_at_ms: row.4,
        answer_due,
        first_answer_at_ms: row.6,
        closed_at_ms: row.7,
        rating: row.8,
    };
    Ok((record::stream_of(kind), dates))
}

async fn read_steps(
    conn: &mut crate::Conn,
    tenant: &TenantId,
    unit: &UnitId,
    clock: &UnitClock<'_>,
    changes: &mut Vec<Change>,
) -> Result<u64, StoreError> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT e.at_ms, e.action, c.kind FROM complaint_event e
         JOIN complaint c ON c.tenant_id = e.tenant_id AND c.id = e.complaint_id
         WHERE e.tenant_id = $1 AND e.unit_id = $2 AND e.action IN ('buka_kembali', 'keberatan')",
    )
    .bind(tenant.as_str())
    .bind(unit.as_str())
    .fetch_all(&mut *conn)
    .await?;
    for (at_ms, action, kind) in &rows {
        let kind = Kind::parse(kind).ok_or_else(|| StoreError::corrupt("complaint", kind.clone()))?;
        let measure = if action == "buka_kembali" { Measure::Reopened } else { Measure::Contested };
        let fact = Fact { day: clock.day(*at_ms), measure, n: 1 };
        changes.push(Change { unit: unit.clone(), stream: record::stream_of(kind), fact });
    }
    Ok(rows.len() as u64)
}

/// What the other areas count per unit: negative articles naming it, reviews and cases opened about it.
const EVENTS: [(Stream, Measure, &str); 3] = [
    (
        Stream::News,
        Measure::NegativeNews,
        "SELECT a.published_date, a.imported_at_ms FROM news_article_unit u
         JOIN news_article a ON a.tenant_id = u.tenant_id AND a.id = u.article_id
         WHERE u.tenant_id = $1 AND u.unit_id = $2 AND a.is_negative = 1",
    ),
    (
        Stream::News,
        Measure::ReviewOpened,
        "SELECT CAST(NULL AS TEXT), opened_at_ms FROM news_review WHERE tenant_id = $1 AND unit_id = $2",
    ),
    (
        Stream::Discipline,
        Measure::CaseOpened,
        "SELECT CAST(NULL AS TEXT), opened_at_ms FROM discipline_case WHERE tenant_id = $1 AND unit_id = $2",
    ),
];

async fn read_events(
    conn: &mut crate::Conn,
    tenant: &TenantId,
    unit: &UnitId,
    clock: &UnitClock<'_>,
    changes: &mut Vec<Change>,
) -> Result<u64, StoreError> {
    let mut read = 0;
    for (stream, measure, sql) in EVENTS {
        let rows: Vec<(Option<String>, i64)> =
            sqlx::query_as(sql).bind(tenant.as_str()).bind(unit.as_str()).fetch_all(&mut *conn).await?;
        for (published, at_ms) in &rows {
            let day = published.as_deref().and_then(|it| it.parse().ok()).unwrap_or_else(|| clock.day(*at_ms));
            changes.push(Change { unit: unit.clone(), stream, fact: Fact { day, measure, n: 1 } });
        }
        read += rows.len() as u64;
    }
    Ok(read)
}
