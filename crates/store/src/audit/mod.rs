//! The audit trail in storage: append inside an action's transaction, list for the UI, verify the chain.

pub mod queries;

use domain::audit::{Break, Entry, Verified};
use domain::ids::TenantId;
use serde_json::Value;

use crate::{ActionCx, Conn, Db, StoreError};

/// A change to record.
pub struct Change {
    /// Dotted action code, `<entity>.<verb>`.
    pub action: &'static str,
    /// Kind of record.
    pub entity_type: &'static str,
    /// Id of the record.
    pub entity_id: String,
    /// The record before, as JSON (secrets left out).
    pub before: Option<Value>,
    /// The record after, as JSON (secrets left out).
    pub after: Option<Value>,
}

/// Appends an entry to the tenant's chain; call inside the action's write transaction.
pub async fn append(conn: &mut Conn, cx: &ActionCx<'_>, change: Change) -> Result<i64, StoreError> {
    let mut chain = Chain::open(conn, cx).await?;
    let seq = chain.append(conn, cx, change).await?;
    chain.close(conn, cx.tenant).await?;
    Ok(seq)
}

/// A tenant's chain head, locked for the rest of the transaction, so several entries can be appended with one read
/// and one write of the head (a batch of filings).
pub struct Chain {
    seq: i64,
    hash: String,
    existed: bool,
    figures_changed: bool,
}

/// Audited records that never change what a scorecard is computed from, or change it only through the sums and
/// survey totals, which move their unit's own counter (`scorecards::stamps`). Any other audited change moves the
/// tenant's counter, so that a new kind of record is safe by default.
const OUTSIDE_FIGURES: [&str; 14] = [
    "complaint",
    "employee",
    "attendance_batch",
    "discipline_case",
    "discipline_rules",
    "user",
    "watch_decision",
    "pekppp_assessment",
    "news_review",
    "news_feed",
    "survey_kiosk",
    "survey_followup",
    "service_point",
    "complaint_settings",
];

impl Chain {
    /// Locks and reads the head.
    pub async fn open(conn: &mut Conn, cx: &ActionCx<'_>) -> Result<Chain, StoreError> {
        Ok(match queries::lock_head(conn, cx.db.backend(), cx.tenant).await? {
            Some((seq, hash)) => Chain { seq, hash, existed: true, figures_changed: false },
            None => Chain { seq: 0, hash: domain::audit::GENESIS.to_owned(), existed: false, figures_changed: false },
        })
    }

    /// Appends one entry after the head.
    pub async fn append(&mut self, conn: &mut Conn, cx: &ActionCx<'_>, change: Change) -> Result<i64, StoreError> {
        let entry = self.next(cx, change);
        queries::insert_entry(conn, &entry).await?;
        Ok(entry.seq)
    }

    /// The entry after the head, which becomes the new head; the caller inserts it (several at once in a batch,
    /// with `queries::insert_entries`) before [`Chain::close`].
    pub fn next(&mut self, cx: &ActionCx<'_>, change: Change) -> Entry {
        // Every change to tenants, units, calendars, settings and keys is audited, so this is where the read cache
        // learns that its copy is out of date; it holds no complaints, employees or cases.
        if !matches!(change.entity_type, "complaint" | "employee" | "attendance_batch" | "discipline_case") {
            cx.db.cache().clear();
        }
        self.figures_changed |= !OUTSIDE_FIGURES.contains(&change.entity_type);
        // serde_json's default map is ordered by key, so the documents are canonical and their digests stable.
        let mut entry = Entry {
            tenant_id: cx.tenant.as_str().to_owned(),
            seq: self.seq + 1,
            at_ms: cx.now_ms(),
            actor: cx.actor.audit_label(),
            action: change.action.to_owned(),
            entity_type: change.entity_type.to_owned(),
            entity_id: change.entity_id,
            before_doc: change.before.map(|it| it.to_string()),
            after_doc: change.after.map(|it| it.to_string()),
            prev_hash: self.hash.clone(),
            hash: String::new(),
        };
        entry.hash = domain::audit::entry_hash(&entry);
        self.seq = entry.seq;
        self.hash.clone_from(&entry.hash);
        entry
    }

    /// Writes the head.
    pub async fn close(self, conn: &mut Conn, tenant: &TenantId) -> Result<(), StoreError> {
        if self.figures_changed {
            crate::scorecards::stamps::update_epoch(conn, tenant).await?;
        }
        match (self.existed, self.seq) {
            (_, 0) => Ok(()),
            (true, seq) => queries::update_head(conn, tenant, seq, &self.hash).await,
            (false, seq) => queries::insert_head(conn, tenant, seq, &self.hash).await,
        }
    }
}

/// The outcome of verifying one tenant's chain.
#[derive(Debug)]
pub struct ChainReport {
    /// Tenant.
    pub tenant: TenantId,
    /// Verified, or where it breaks.
    pub outcome: Result<Verified, Break>,
}

/// Verifies the chain of every tenant (or one), streaming entries in pages so memory stays flat.
pub async fn verify(db: &Db, only: Option<&TenantId>) -> Result<Vec<ChainReport>, StoreError> {
    let mut conn = db.conn().await?;
    let tenants = match only {
        Some(id) => vec![id.clone()],
        None => queries::list_chain_tenants(&mut conn).await?,
    };
    let mut reports = Vec::new();
    for tenant in tenants {
        let head = queries::find_head(&mut conn, &tenant).await?.map(|(seq, _)| seq);
        let mut verifier = domain::audit::Verifier::default();
        let mut after = 0;
        let mut broken = None;
        while broken.is_none() {
            let page = queries::list_entries_after(&mut conn, &tenant, after, 5_000).await?;
            let Some(last) = page.last() else { break };
            after = last.seq;
            broken = page.iter().find_map(|entry| verifier.check(entry).err());
        }
        let outcome = match broken {
            Some(at) => Err(at),
            None => verifier.finish(head),
        };
        reports.push(ChainReport { outcome, tenant });
    }
    Ok(reports)
}
