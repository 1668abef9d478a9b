//! Group commit of filings. Each filing is checked and prepared by its own request; then one writer at a time takes
//! every filing waiting and writes them in one transaction: numbers from one counter update per tenant and year, the
//! audit chain head read and written once per tenant. Every filing's answer is sent only after that commit, so a
//! receipt still never exists for an item that is not stored. If the shared transaction fails, each filing is
//! retried in a transaction of its own, so one bad filing cannot take others down with it.
//!
//! Why: a filing's cost is dominated by its number of statements (docs/PERFORMANCE.md); sharing `BEGIN`, `COMMIT`,
//! the counter and the chain head among the filings that arrive together is what lets intake keep pace with the
//! database's own write rate.

use std::sync::{Mutex, PoisonError};

use domain::ids::TenantId;
use ed25519_dalek::SigningKey;
use tokio::sync::oneshot;

use super::{Event, Item, NewFile, notify, queries};
use crate::audit::{Chain, Change};
use crate::{ActionCx, Actor, StoreError};

/// Most filings in one transaction; the rest wait for the next turn (bounds the statement size).
const MAX_BATCH: usize = 200;

/// A filing ready to be written: everything decided except its number.
pub(super) struct Job {
    pub tenant: TenantId,
    pub actor: Actor,
    pub now: jiff::Timestamp,
    pub year: i16,
    pub item: Item,
    pub event: Event,
    pub secret: String,
    pub dedup_key: String,
    pub ip: Option<String>,
    pub files: Vec<(NewFile, domain::complaints::attachments::FileType)>,
    pub settings: super::settings::ComplaintSettings,
    pub key: Option<SigningKey>,
    pub reply: oneshot::Sender<Result<(Item, SigningKey), StoreError>>,
}

/// Filings waiting for the writer, and the writer's turn.
#[derive(Default)]
pub struct Queue {
    waiting: Mutex<Vec<Job>>,
    turn: tokio::sync::Mutex<()>,
}

impl std::fmt::Debug for Queue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("complaints::batch::Queue")
    }
}

/// Queues a filing and returns once it is committed (by this call or by another caller's batch).
pub(super) async fn write(cx: &ActionCx<'_>, job: Job) -> Result<(Item, SigningKey), StoreError> {
    let (reply, mut answer) = oneshot::channel();
    let queue = cx.db.intake_queue();
    queue.waiting.lock().unwrap_or_else(PoisonError::into_inner).push(Job { reply, ..job });
    loop {
        let turn = queue.turn.lock().await;
        match answer.try_recv() {
            Ok(done) => return done,
            // The writer that took this filing stopped before answering (its request was cancelled mid-write):
            // whether its batch committed is unknown here, so no receipt is given.
            Err(oneshot::error::TryRecvError::Closed) => return Err(StoreError::Db(sqlx::Error::WorkerCrashed)),
            Err(oneshot::error::TryRecvError::Empty) => {}
        }
        let jobs: Vec<Job> = {
            let mut waiting = queue.waiting.lock().unwrap_or_else(PoisonError::into_inner);
            let n = waiting.len().min(MAX_BATCH);
            waiting.drain(..n).collect()
        };
        // Either this filing is among them, or it waits behind a full batch and the loop takes the next turn.
        write_all(cx, jobs).await;
        drop(turn);
    }
}

async fn write_all(cx: &ActionCx<'_>, mut jobs: Vec<Job>) {
    jobs.sort_by(|a, b| (a.tenant.as_str(), a.year).cmp(&(b.tenant.as_str(), b.year)));
    if jobs.len() > 1 {
        match write_batch(cx, &mut jobs).await {
            Ok(written) => {
                for (job, done) in jobs.into_iter().zip(written) {
                    let _ = job.reply.send(Ok(done));
                }
                return;
            }
            Err(err) => tracing::warn!(error = %err, n = jobs.len(), "batch of filings failed; writing one by one"),
        }
    }
    for mut job in jobs {
        let done = write_batch(cx, std::slice::from_mut(&mut job)).await.map(|mut it| it.remove(0));
        let _ = job.reply.send(done);
    }
}

/// Writes the jobs (sorted by tenant and year) in one transaction.
async fn write_batch(cx: &ActionCx<'_>, jobs: &mut [Job]) -> Result<Vec<(Item, SigningKey)>, StoreError> {
    let mut tx = cx.db.begin_write().await?;
    let mut written = Vec::with_capacity(jobs.len());
    let mut start = 0;
    while start < jobs.len() {
        let tenant = jobs[start].tenant.clone();
        let end = start + jobs[start..].iter().take_while(|it| it.tenant == tenant).count();
        let group = &mut jobs[start..end];
        let first =
            ActionCx { db: cx.db, tenant: &tenant, actor: group[0].actor.clone(), now: group[0].now, ids: cx.ids };
        number(&mut tx, &tenant, group).await?;
        flag_duplicates(&mut tx, &tenant, group).await?;
        let key = match group.iter().find_map(|it| it.key.clone()) {
            Some(key) => key,
            None => super::keys::load_signing_key(&mut tx, &first).await?,
        };
        let digests: Vec<String> = group
            .iter()
            .map(|it| domain::complaints::tracking::secret_digest(tenant.as_str(), &it.item.number, &it.secret))
            .collect();
        let intakes: Vec<queries::Intake<'_>> = group
            .iter()
            .zip(&digests)
            .map(|(job, digest)| queries::Intake {
                secret_digest: digest,
                dedup_key: &job.dedup_key,
                reporter_ip: job.ip.as_deref(),
            })
            .collect();
        let items: Vec<(&Item, &queries::Intake<'_>)> = group.iter().map(|it| &it.item).zip(&intakes).collect();
        queries::insert_items(&mut tx, &tenant, &items).await?;
        let added: Vec<&Item> = group.iter().map(|it| &it.item).collect();
        crate::scorecards::update_sums_for_new_items(&mut tx, &first, &added).await?;
        let keyed = crate::secrets::PersonalDigest::load(&mut tx, &first).await?;
        let mut chain = Chain::open(&mut tx, &first).await?;
        let mut rows = Rows::default();
        for job in group.iter() {
            let job_cx = ActionCx { db: cx.db, tenant: &tenant, actor: job.actor.clone(), now: job.now, ids: cx.ids };
            store_one(&mut tx, &job_cx, job, (&mut chain, &mut rows, &keyed)).await?;
            written.push((job.item.clone(), key.clone()));
        }
        // One statement per table for the whole group: the statements, not the bytes, are what a filing costs.
        let events: Vec<(&str, &Event)> = group.iter().map(|it| (it.item.id.as_str(), &it.event)).collect();
        queries::insert_events(&mut tx, &tenant, &events).await?;
        super::deliveries::insert_deliveries(&mut tx, &rows.deliveries).await?;
        crate::audit::queries::insert_entries(&mut tx, &rows.entries).await?;
        chain.close(&mut tx, &tenant).await?;
        start = end;
    }
    tx.commit().await?;
    Ok(written)
}

/// Flags a filing whose text and contact match an item received in the last 24 hours, including an earlier filing
/// of the same batch: one lookup for the whole group.
async fn flag_duplicates(conn: &mut crate::Conn, tenant: &TenantId, group: &mut [Job]) -> Result<(), StoreError> {
    let since = group.iter().map(|it| it.now.as_millisecond()).min().unwrap_or(0) - 24 * 3_600_000;
    let keys: Vec<&str> = group.iter().map(|it| it.dedup_key.as_str()).collect();
    // Oldest first, so the newest earlier item of each key is the one that stays in the map.
    let mut latest: std::collections::HashMap<String, String> =
        queries::find_recent_duplicates(conn, tenant, &keys, since).await?.into_iter().collect();
    for job in group.iter_mut() {
        job.item.possible_duplicate_of = latest.get(&job.dedup_key).cloned();
        latest.insert(job.dedup_key.clone(), job.item.number.clone());
    }
    Ok(())
}

/// Gives every job of one tenant its number: one counter update per year.
async fn number(conn: &mut crate::Conn, tenant: &TenantId, group: &mut [Job]) -> Result<(), StoreError> {
    let mut start = 0;
    while start < group.len() {
        let year = group[start].year;
        let end = start + group[start..].iter().take_while(|it| it.year == year).count();
        let count = i64::try_from(end - start).unwrap_or(i64::MAX);
        let last = queries::next_number_seqs(conn, tenant, year, count).await?;
        for (offset, job) in (0i64..).zip(&mut group[start..end]) {
            let seq = last - count + 1 + offset;
            job.item.number = domain::complaints::tracking::number(job.item.kind, year, seq);
        }
        start = end;
    }
    Ok(())
}

/// What the group writes with one statement per table.
#[derive(Default)]
struct Rows {
    deliveries: Vec<super::deliveries::Delivery>,
    entries: Vec<domain::audit::Entry>,
}

async fn store_one(
    conn: &mut crate::Conn,
    cx: &ActionCx<'_>,
    job: &Job,
    (chain, rows, keyed): (&mut Chain, &mut Rows, &crate::secrets::PersonalDigest),
) -> Result<(), StoreError> {
    let item = &job.item;
    let digests = super::actions::store_files(conn, cx, (&item.id, None), &job.files, keyed).await?;
    rows.deliveries.extend(notify::deliveries_for((cx, &job.settings), item, &job.event, &notify::Audience::default()));
    let mut doc = super::intake::audit_doc(item, keyed);
    doc["attachments_hmac"] = serde_json::json!(digests);
    let change = Change {
        action: "complaint.file",
        entity_type: "complaint",
        entity_id: item.id.clone(),
        before: None,
        after: Some(doc),
    };
    rows.entries.push(chain.next(cx, change));
    Ok(())
}
