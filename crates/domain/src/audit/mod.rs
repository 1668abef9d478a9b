//! The audit chain: each entry's hash covers its fields and the previous entry's hash, so an entry edited, deleted
//! or reordered behind the application's back breaks the chain at that point.
//!
//! The encoding is a boundary (docs/ARCHITECTURE.md): changing it invalidates every stored chain.

use sha2::{Digest, Sha256};

/// The `prev_hash` of the first entry of a tenant's chain.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One stored audit entry, as read back for verification.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Tenant the chain belongs to.
    pub tenant_id: String,
    /// Position in the tenant's chain, from 1 without gaps.
    pub seq: i64,
    /// When, epoch milliseconds UTC.
    pub at_ms: i64,
    /// Who: a user id, or `system:<what>` for the CLI and jobs.
    pub actor: String,
    /// What: a dotted action code such as `unit.update`.
    pub action: String,
    /// Kind of the changed record.
    pub entity_type: String,
    /// Id of the changed record.
    pub entity_id: String,
    /// The record before the change (canonical JSON), when there was one.
    pub before_doc: Option<String>,
    /// The record after the change (canonical JSON), when there is one.
    pub after_doc: Option<String>,
    /// Hash of the previous entry, or [`GENESIS`].
    pub prev_hash: String,
    /// This entry's hash.
    pub hash: String,
}

/// Where and how a chain is broken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Break {
    /// The entry's content no longer matches its hash.
    Edited {
        /// The edited entry.
        seq: i64,
    },
    /// Entries are missing before this one.
    Missing {
        /// The first missing position.
        from_seq: i64,
        /// The entry found instead.
        found_seq: i64,
    },
    /// The entry does not link to the one before it: entries were reordered or replaced.
    Unlinked {
        /// The entry whose link is wrong.
        seq: i64,
    },
    /// The chain ends before the head that was recorded with the last append.
    Truncated {
        /// Last position found.
        last_seq: i64,
        /// Position recorded as the head.
        head_seq: i64,
    },
}

/// A verified chain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verified {
    /// Number of entries.
    pub n_entries: i64,
    /// Hash of the last entry (or [`GENESIS`] for an empty chain); publish it to anchor the chain outside Pantau.
    pub head_hash: String,
}

/// SHA-256 of a document, hex; the empty string for no document.
pub fn digest(doc: Option<&str>) -> String {
    doc.map(|it| hex::encode(Sha256::digest(it.as_bytes()))).unwrap_or_default()
}

/// The hash of an entry from its fields and the digests of its documents.
// Choice: every field is length-prefixed, so no two different entries encode to the same bytes.
pub fn entry_hash(entry: &Entry) -> String {
    let seq = entry.seq.to_string();
    let at = entry.at_ms.to_string();
    let before = digest(entry.before_doc.as_deref());
    let after = digest(entry.after_doc.as_deref());
    let fields: [&str; 10] = [
        "pantau-audit-v1",
        &entry.tenant_id,
        &seq,
        &at,
        &entry.actor,
        &entry.action,
        &entry.entity_type,
        &entry.entity_id,
        &before,
        &after,
    ];
    let mut hasher = Sha256::new();
    for field in fields.iter().chain(std::iter::once(&entry.prev_hash.as_str())) {
        hasher.update((field.len() as u64).to_be_bytes());
        hasher.update(field.as_bytes());
    }
    hex::encode(hasher.finalize())
}

/// Checks a chain entry by entry, in ascending `seq` order, so a long chain needs no more memory than one page.
#[derive(Debug)]
pub struct Verifier {
    expected_seq: i64,
    prev_hash: String,
}

impl Default for Verifier {
    fn default() -> Self {
        Verifier { expected_seq: 1, prev_hash: GENESIS.to_owned() }
    }
}

impl Verifier {
    /// Checks the next entry.
    pub fn check(&mut self, entry: &Entry) -> Result<(), Break> {
        if entry.seq > self.expected_seq {
            return Err(Break::Missing { from_seq: self.expected_seq, found_seq: entry.seq });
        }
        if entry_hash(entry) != entry.hash {
            return Err(Break::Edited { seq: entry.seq });
        }
        if entry.prev_hash != self.prev_hash || entry.seq < self.expected_seq {
            return Err(Break::Unlinked { seq: entry.seq });
        }
        self.prev_hash.clone_from(&entry.hash);
        self.expected_seq += 1;
        Ok(())
    }

    /// Ends the check against the head recorded at the last append (`None` when no head was recorded).
    pub fn finish(self, head_seq: Option<i64>) -> Result<Verified, Break> {
        let last_seq = self.expected_seq - 1;
        if let Some(head_seq) = head_seq.filter(|head| *head != last_seq) {
            return Err(Break::Truncated { last_seq, head_seq });
        }
        Ok(Verified { n_entries: last_seq, head_hash: self.prev_hash })
    }
}

/// Verifies a whole chain given in ascending `seq` order.
pub fn verify(entries: impl IntoIterator<Item = Entry>, head_seq: Option<i64>) -> Result<Verified, Break> {
    let mut verifier = Verifier::default();
    for entry in entries {
        verifier.check(&entry)?;
    }
    verifier.finish(head_seq)
}

#[cfg(test)]
mod tests;
