//! SQL of the audit trail. Only inserts and reads: no statement here updates or deletes an entry.

use domain::audit::Entry;
use domain::ids::TenantId;

use crate::sql::Sql;
use crate::{Backend, Conn, StoreError};

const SELECT_HEAD: &str = "SELECT seq, hash FROM audit_head WHERE tenant_id = $1";
const SELECT_HEAD_FOR_UPDATE: &str = "SELECT seq, hash FROM audit_head WHERE tenant_id = $1 FOR UPDATE";

/// Reads the chain head and, on PostgreSQL, locks it until the transaction ends.
pub async fn lock_head(
    conn: &mut Conn,
    backend: Backend,
    tenant: &TenantId,
) -> Result<Option<(i64, String)>, StoreError> {
    let sql = match backend {
        // SQLite's BEGIN IMMEDIATE already holds the database's write lock.
        Backend::Sqlite => SELECT_HEAD,
        // Concurrent appends to one tenant's chain queue on its head row.
        Backend::Postgres => SELECT_HEAD_FOR_UPDATE,
    };
    Ok(sqlx::query_as(sql).bind(tenant.as_str()).fetch_optional(conn).await?)
}

/// Reads the chain head without locking.
pub async fn find_head(conn: &mut Conn, tenant: &TenantId) -> Result<Option<(i64, String)>, StoreError> {
    Ok(sqlx::query_as(SELECT_HEAD).bind(tenant.as_str()).fetch_optional(conn).await?)
}

const INSERT_HEAD: &str = "INSERT INTO audit_head (tenant_id, seq, hash) VALUES ($1, $2, $3)";

/// Records the first head of a chain.
pub async fn insert_head(conn: &mut Conn, tenant: &TenantId, seq: i64, hash: &str) -> Result<(), StoreError> {
    sqlx::query(INSERT_HEAD).bind(tenant.as_str()).bind(seq).bind(hash).execute(conn).await?;
    Ok(())
}

const UPDATE_HEAD: &str = "UPDATE audit_head SET seq = $2, hash = $3 WHERE tenant_id = $1";

/// Moves the head forward.
pub async fn update_head(conn: &mut Conn, tenant: &TenantId, seq: i64, hash: &str) -> Result<(), StoreError> {
    sqlx::query(UPDATE_HEAD).bind(tenant.as_str()).bind(seq).bind(hash).execute(conn).await?;
    Ok(())
}

const INSERT_ENTRIES: &str = "INSERT INTO audit_log (tenant_id, seq, at_ms, actor, action, entity_type, entity_id,
    before_doc, after_doc, before_digest, after_digest, prev_hash, hash) VALUES ";

/// Inserts one entry.
pub async fn insert_entry(conn: &mut Conn, entry: &Entry) -> Result<(), StoreError> {
    insert_entries(conn, std::slice::from_ref(entry)).await
}

/// Inserts entries with one statement (a batch of filings).
pub async fn insert_entries(conn: &mut Conn, entries: &[Entry]) -> Result<(), StoreError> {
    if entries.is_empty() {
        return Ok(());
    }
    let mut sql = Sql::new(INSERT_ENTRIES);
    sql.values(entries, |row, entry| {
        row.bind(&entry.tenant_id)
            .bind(entry.seq)
            .bind(entry.at_ms)
            .bind(&entry.actor)
            .bind(&entry.action)
            .bind(&entry.entity_type)
            .bind(&entry.entity_id)
            .bind(entry.before_doc.as_deref())
            .bind(entry.after_doc.as_deref())
            .bind(domain::audit::digest(entry.before_doc.as_deref()))
            .bind(domain::audit::digest(entry.after_doc.as_deref()))
            .bind(&entry.prev_hash)
            .bind(&entry.hash);
    });
    sql.execute(conn).await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct EntryRow {
    tenant_id: String,
    seq: i64,
    at_ms: i64,
    actor: String,
    action: String,
    entity_type: String,
    entity_id: String,
    before_doc: Option<String>,
    after_doc: Option<String>,
    prev_hash: String,
    hash: String,
}

impl From<EntryRow> for Entry {
    fn from(row: EntryRow) -> Entry {
        Entry {
            tenant_id: row.tenant_id,
            seq: row.seq,
            at_ms: row.at_ms,
            actor: row.actor,
            action: row.action,
            entity_type: row.entity_type,
            entity_id: row.entity_id,
            before_doc: row.before_doc,
            after_doc: row.after_doc,
            prev_hash: row.prev_hash,
            hash: row.hash,
        }
    }
}

const SELECT_ENTRIES_AFTER: &str = "
    SELECT tenant_id, seq, at_ms, actor, action, entity_type, entity_id, before_doc, after_doc, prev_hash, hash
    FROM audit_log WHERE tenant_id = $1 AND seq > $2 ORDER BY seq LIMIT $3";

/// A page of entries in chain order, after `seq`.
pub async fn list_entries_after(
    conn: &mut Conn,
    tenant: &TenantId,
    seq: i64,
    limit: i64,
) -> Result<Vec<Entry>, StoreError> {
    let rows: Vec<EntryRow> =
        sqlx::query_as(SELECT_ENTRIES_AFTER).bind(tenant.as_str()).bind(seq).bind(limit).fetch_all(conn).await?;
    Ok(rows.into_iter().map(Entry::from).collect())
}

const SELECT_ENTRIES_BEFORE: &str = "
    SELECT tenant_id, seq, at_ms, actor, action, entity_type, entity_id, before_doc, after_doc, prev_hash, hash
    FROM audit_log WHERE tenant_id = $1 AND seq < $2 ORDER BY seq DESC LIMIT $3";

/// A page of entries, newest first, before `seq` (use `i64::MAX` for the newest page).
pub async fn list_entries_before(
    conn: &mut Conn,
    tenant: &TenantId,
    seq: i64,
    limit: i64,
) -> Result<Vec<Entry>, StoreError> {
    let rows: Vec<EntryRow> =
        sqlx::query_as(SELECT_ENTRIES_BEFORE).bind(tenant.as_str()).bind(seq).bind(limit).fetch_all(conn).await?;
    Ok(rows.into_iter().map(Entry::from).collect())
}

const SELECT_CHAIN_TENANTS: &str = "
    SELECT tenant_id FROM audit_head UNION SELECT DISTINCT tenant_id FROM audit_log ORDER BY 1";

/// Every tenant that has a chain.
pub async fn list_chain_tenants(conn: &mut Conn) -> Result<Vec<TenantId>, StoreError> {
    let rows: Vec<(String,)> = sqlx::query_as(SELECT_CHAIN_TENANTS).fetch_all(conn).await?;
    Ok(rows.into_iter().map(|(id,)| TenantId::new(id)).collect())
}
