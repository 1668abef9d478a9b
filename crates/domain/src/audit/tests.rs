//! Tests of the audit chain: any edit, deletion, reordering or truncation is found at the right entry.

use proptest::prelude::*;

use super::*;

fn chain(n: i64) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    for seq in 1..=n {
        let prev_hash = out.last().map(|it| it.hash.clone()).unwrap_or_else(|| GENESIS.to_owned());
        let mut entry = Entry {
            tenant_id: "kota-contoh".to_owned(),
            seq,
            at_ms: 1_770_000_000_000 + seq,
            actor: "user-1".to_owned(),
            action: "unit.update".to_owned(),
            entity_type: "unit".to_owned(),
            entity_id: format!("unit-{seq}"),
            before_doc: Some(format!("{{\"name\":\"Dinas {seq}\"}}")),
            after_doc: Some(format!("{{\"name\":\"Dinas Baru {seq}\"}}")),
            prev_hash,
            hash: String::new(),
        };
        entry.hash = entry_hash(&entry);
        out.push(entry);
    }
    out
}

#[test]
fn intact_chain_verifies() {
    let entries = chain(5);
    let head = entries[4].hash.clone();
    assert_eq!(verify(entries, Some(5)), Ok(Verified { n_entries: 5, head_hash: head }));
    assert_eq!(verify(Vec::new(), None), Ok(Verified { n_entries: 0, head_hash: GENESIS.to_owned() }));
}

#[test]
fn edited_document_is_found() {
    let mut entries = chain(5);
    entries[2].after_doc = Some("{\"name\":\"dipalsukan\"}".to_owned());
    assert_eq!(verify(entries, Some(5)), Err(Break::Edited { seq: 3 }));
}

#[test]
fn deleted_entry_is_found() {
    let mut entries = chain(5);
    entries.remove(1);
    assert_eq!(verify(entries, Some(5)), Err(Break::Missing { from_seq: 2, found_seq: 3 }));
}

#[test]
fn deleted_tail_is_found_against_the_head() {
    let mut entries = chain(5);
    entries.truncate(3);
    assert_eq!(verify(entries, Some(5)), Err(Break::Truncated { last_seq: 3, head_seq: 5 }));
}

#[test]
fn swapped_entries_are_found() {
    let mut entries = chain(5);
    // Swap the content of entries 2 and 3 but keep their positions, recomputing hashes as a forger would.
    let (a, b) = (entries[1].clone(), entries[2].clone());
    entries[1] = Entry { seq: 2, prev_hash: a.prev_hash.clone(), ..b };
    entries[2] = Entry { seq: 3, prev_hash: a.hash.clone(), ..a };
    entries[1].hash = entry_hash(&entries[1]);
    entries[2].hash = entry_hash(&entries[2]);
    assert_eq!(verify(entries, Some(5)), Err(Break::Unlinked { seq: 3 }));
}

proptest! {
    #[test]
    fn any_single_field_edit_is_found_at_its_entry(n in 1i64..20, pick in 0usize..20, field in 0usize..5) {
        let mut entries = chain(n);
        let idx = pick % entries.len();
        let target = &mut entries[idx];
        match field {
            0 => target.at_ms += 1,
            1 => target.actor.push('x'),
            2 => target.action.push('x'),
            3 => target.entity_id.push('x'),
            _ => target.before_doc = None,
        }
        prop_assert_eq!(verify(entries, Some(n)), Err(Break::Edited { seq: idx as i64 + 1 }));
    }
}
