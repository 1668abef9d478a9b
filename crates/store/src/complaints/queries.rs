//! SQL of items, their events and attachments.

use domain::ids::{TenantId, UnitId};

pub use super::lists::{ItemFilter, UnitCounts, list_due_for_job, list_items, list_unit_counts};
use super::rows::{ATTACHMENT_COLUMNS, AttachmentRow, EVENT_COLUMNS, EventRow, ITEM_COLUMNS, ItemRow};
use super::{Attachment, Event, Item};
use crate::sql::Sql;
use crate::{Backend, Conn, StoreError};

fn opt_str(value: Option<&UnitId>) -> Option<&str> {
    value.map(UnitId::as_str)
}

/// What is stored with a new item but never read back into it.
pub struct Intake<'a> {
    /// Digest of the tracking secret.
    pub secret_digest: &'a str,
    /// Key that recognises the same text and contact.
    pub dedup_key: &'a str,
    /// The sender's address, never for anonymous items.
    pub reporter_ip: Option<&'a str>,
}

/// Stores a new item.
pub async fn insert_item(
    conn: &mut Conn,
    tenant: &TenantId,
    item: &Item,
    intake: &Intake<'_>,
) -> Result<(), StoreError> {
    insert_items(conn, tenant, &[(item, intake)]).await
}

/// Stores new items with one statement (a batch of filings).
pub async fn insert_items(
    conn: &mut Conn,
    tenant: &TenantId,
    items: &[(&Item, &Intake<'_>)],
) -> Result<(), StoreError> {
    if items.is_empty() {
        return Ok(());
    }
    let mut sql = Sql::new(
        "INSERT INTO complaint (tenant_id, id, number, secret_digest, kind, category, channel, confidentiality, title,
            body, location_text, latitude, longitude, reporter_name, reporter_contact, reporter_ip, letter_sender,
            letter_number, letter_date, unit_id, reported_unit_id, suggested_unit_id, suggestion_words, state,
            deadline_kind, due_date, deadline_at_ms, escalation_level, missed_deadlines, n_reopened, dedup_key,
            possible_duplicate_of, registered_by, correction_requested, split_from, received_at_ms, updated_at_ms)
         VALUES ",
    );
    sql.values(items, |row, (item, intake)| {
        let letter = |n: usize| item.letter.as_ref().map(|it| [it.0.as_str(), it.1.as_str(), it.2.as_str()][n]);
        row.bind(tenant.as_str())
            .bind(&item.id)
            .bind(&item.number)
            .bind(intake.secret_digest)
            .bind(item.kind.code())
            .bind(&item.category)
            .bind(item.channel.code())
            .bind(item.confidentiality.code())
            .bind(&item.title)
            .bind(&item.body)
            .bind(item.location_text.as_deref())
            .bind_real(item.point.map(|it| it.0))
            .bind_real(item.point.map(|it| it.1))
            .bind(item.reporter_name.as_deref())
            .bind(item.reporter_contact.as_deref())
            .bind(intake.reporter_ip)
            .bind(letter(0))
            .bind(letter(1))
            .bind(letter(2))
            .bind(opt_str(item.unit_id.as_ref()))
            .bind(opt_str(item.reported_unit_id.as_ref()))
            .bind(item.suggestion.as_ref().map(|it| it.0.as_str()))
            .bind(item.suggestion.as_ref().map(|it| it.1.as_str()))
            .bind(item.state.code())
            .bind(item.deadline.map(|it| it.kind.code()))
            .bind(item.deadline.map(|it| it.due.to_string()))
            .bind(item.deadline.map(|it| it.ends_at_ms))
            .bind(0i64)
            .bind(0i64)
            .bind(0i64)
            .bind(intake.dedup_key)
            .bind(item.possible_duplicate_of.as_deref())
            .bind(item.registered_by.as_deref())
            .bind(0i64)
            .bind(item.split_from.as_deref())
            .bind(item.received_at_ms)
            .bind(item.received_at_ms);
    });
    sql.execute(conn).await?;
    Ok(())
}

/// Writes back everything a step can change.
pub async fn update_item(conn: &mut Conn, tenant: &TenantId, item: &Item) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE complaint SET title = $3, body = $4, location_text = $5,
            latitude = CAST($6 AS DOUBLE PRECISION), longitude = CAST($7 AS DOUBLE PRECISION),
            reporter_name = $8, reporter_contact = $9, unit_id = $10, state = $11, tier = $12, outcome = $13,
            outcome_note = $14, duplicate_of = $15, deadline_kind = $16, due_date = $17, deadline_at_ms = $18,
            escalation_level = $19, missed_deadlines = $20, rating = $21, n_reopened = $22, correction_requested = $23,
            verified_at_ms = $24, first_answer_at_ms = $25, closed_at_ms = $26, updated_at_ms = $27,
            answer_due_date = $28
         WHERE tenant_id = $1 AND id = $2",
    )
    .bind(tenant.as_str())
    .bind(&item.id)
    .bind(&item.title)
    .bind(&item.body)
    .bind(item.location_text.as_deref())
    .bind(crate::sql::real(item.point.map(|it| it.0)))
    .bind(crate::sql::real(item.point.map(|it| it.1)))
    .bind(item.reporter_name.as_deref())
    .bind(item.reporter_contact.as_deref())
    .bind(opt_str(item.unit_id.as_ref()))
    .bind(item.state.code())
    .bind(item.tier.map(|it| it.code()))
    .bind(item.outcome.map(|it| it.code()))
    .bind(item.outcome_note.as_deref())
    .bind(item.duplicate_of.as_deref())
    .bind(item.deadline.map(|it| it.kind.code()))
    .bind(item.deadline.map(|it| it.due.to_string()))
    .bind(item.deadline.map(|it| it.ends_at_ms))
    .bind(item.escalation_level)
    .bind(item.missed_deadlines)
    .bind(item.rating)
    .bind(item.n_reopened)
    .bind(i64::from(item.correction_requested))
    .bind(item.verified_at_ms)
    .bind(item.first_answer_at_ms)
    .bind(item.closed_at_ms)
    .bind(item.updated_at_ms)
    .bind(item.answer_due.map(|it| it.to_string()))
    .execute(conn)
    .await?;
    Ok(())
}

/// Stores one event.
pub async fn insert_event(conn: &mut Conn, tenant: &TenantId, item_id: &str, event: &Event) -> Result<(), StoreError> {
    insert_events(conn, tenant, &[(item_id, event)]).await
}

/// Stores events with one statement (the first events of a batch of filings).
pub async fn insert_events(conn: &mut Conn, tenant: &TenantId, events: &[(&str, &Event)]) -> Result<(), StoreError> {
    if events.is_empty() {
        return Ok(());
    }
    let mut sql = Sql::new(
        "INSERT INTO complaint_event (tenant_id, complaint_id, seq, at_ms, party, user_id, action, state_after,
            unit_id, body, visibility, deadline_kind, due_date) VALUES ",
    );
    sql.values(events, |row, (item_id, event)| {
        row.bind(tenant.as_str())
            .bind(*item_id)
            .bind(event.seq)
            .bind(event.at_ms)
            .bind(event.party.code())
            .bind(event.user_id.as_deref())
            .bind(&event.action)
            .bind(event.state_after.code())
            .bind(opt_str(event.unit_id.as_ref()))
            .bind(event.body.as_deref())
            .bind(event.visibility.code())
            .bind(event.deadline.map(|it| it.0.code()))
            .bind(event.deadline.map(|it| it.1.to_string()));
    });
    sql.execute(conn).await?;
    Ok(())
}

/// The next event position of an item.
pub async fn next_event_seq(conn: &mut Conn, tenant: &TenantId, item_id: &str) -> Result<i64, StoreError> {
    let (last,): (Option<i64>,) =
        sqlx::query_as("SELECT MAX(seq) FROM complaint_event WHERE tenant_id = $1 AND complaint_id = $2")
            .bind(tenant.as_str())
            .bind(item_id)
            .fetch_one(conn)
            .await?;
    Ok(last.unwrap_or(0) + 1)
}

/// Rewrites an event's text (redaction).
pub async fn update_event_body(
    conn: &mut Conn,
    tenant: &TenantId,
    item_id: &str,
    seq: i64,
    body: Option<&str>,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE complaint_event SET body = $4 WHERE tenant_id = $1 AND complaint_id = $2 AND seq = $3")
        .bind(tenant.as_str())
        .bind(item_id)
        .bind(seq)
        .bind(body)
        .execute(conn)
        .await?;
    Ok(())
}

/// A file to store.
pub struct StoredFile<'a> {
    /// Id.
    pub id: &'a str,
    /// Event, or `None` for the filing.
    pub event_seq: Option<i64>,
    /// Name.
    pub file_name: &'a str,
    /// Media type.
    pub media_type: &'a str,
    /// Content as stored.
    pub content: &'a [u8],
    /// SHA-256 hex of the content.
    pub sha256: &'a str,
}

/// Stores an attachment.
pub async fn insert_attachment(
    conn: &mut Conn,
    tenant: &TenantId,
    item_id: &str,
    file: &StoredFile<'_>,
    now_ms: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO complaint_attachment (tenant_id, id, complaint_id, event_seq, file_name, media_type, size_bytes,
            sha256, content, is_redacted, created_at_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, $10)",
    )
    .bind(tenant.as_str())
    .bind(file.id)
    .bind(item_id)
    .bind(file.event_seq)
    .bind(file.file_name)
    .bind(file.media_type)
    .bind(i64::try_from(file.content.len()).unwrap_or(i64::MAX))
    .bind(file.sha256)
    .bind(file.content.to_vec())
    .bind(now_ms)
    .execute(conn)
    .await?;
    Ok(())
}

/// Removes an attachment's content, keeping its record.
pub async fn update_attachment_redacted(
    conn: &mut Conn,
    tenant: &TenantId,
    item_id: &str,
    id: &str,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE complaint_attachment SET content = NULL, is_redacted = 1
         WHERE tenant_id = $1 AND complaint_id = $2 AND id = $3 AND is_redacted = 0",
    )
    .bind(tenant.as_str())
    .bind(item_id)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Takes the next tracking sequence number of a year.
pub async fn next_number_seq(conn: &mut Conn, tenant: &TenantId, year: i16) -> Result<i64, StoreError> {
    crate::numbering::next(conn, tenant, crate::numbering::Series::Complaint, year).await
}

/// Takes `count` consecutive sequence numbers of a year and returns the last.
pub async fn next_number_seqs(conn: &mut Conn, tenant: &TenantId, year: i16, count: i64) -> Result<i64, StoreError> {
    crate::numbering::next_many(conn, tenant, (crate::numbering::Series::Complaint, year), count).await
}

/// An item by id, locked for the rest of the transaction on PostgreSQL (SQLite's write transaction locks already).
pub async fn load_item_for_update(
    conn: &mut Conn,
    backend: Backend,
    tenant: &TenantId,
    id: &str,
) -> Result<Item, StoreError> {
    let lock = match backend {
        Backend::Postgres => " FOR UPDATE",
        Backend::Sqlite => "",
    };
    let sql = format!("SELECT {ITEM_COLUMNS} FROM complaint WHERE tenant_id = $1 AND id = $2{lock}");
    let row: ItemRow = sqlx::query_as(&sql).bind(tenant.as_str()).bind(id).fetch_one(conn).await?;
    row.try_into()
}

/// An item by id.
pub async fn load_item(conn: &mut Conn, tenant: &TenantId, id: &str) -> Result<Item, StoreError> {
    let sql = format!("SELECT {ITEM_COLUMNS} FROM complaint WHERE tenant_id = $1 AND id = $2");
    let row: ItemRow = sqlx::query_as(&sql).bind(tenant.as_str()).bind(id).fetch_one(conn).await?;
    row.try_into()
}

/// An item by tracking number, with its secret digest.
pub async fn find_by_number(
    conn: &mut Conn,
    tenant: &TenantId,
    number: &str,
) -> Result<Option<(Item, String)>, StoreError> {
    let sql = format!("SELECT {ITEM_COLUMNS}, secret_digest FROM complaint WHERE tenant_id = $1 AND number = $2");
    let row: Option<(ItemRow, String)> = sqlx::query(&sql)
        .bind(tenant.as_str())
        .bind(number)
        .fetch_optional(conn)
        .await?
        .map(|row| {
            use sqlx::{FromRow, Row};
            Ok::<_, sqlx::Error>((ItemRow::from_row(&row)?, row.try_get::<String, _>("secret_digest")?))
        })
        .transpose()?;
    row.map(|(item, digest)| Ok((item.try_into()?, digest))).transpose()
}

/// An item's history, oldest first.
pub async fn list_events(conn: &mut Conn, tenant: &TenantId, item_id: &str) -> Result<Vec<Event>, StoreError> {
    let sql =
        format!("SELECT {EVENT_COLUMNS} FROM complaint_event WHERE tenant_id = $1 AND complaint_id = $2 ORDER BY seq");
    let rows: Vec<EventRow> = sqlx::query_as(&sql).bind(tenant.as_str()).bind(item_id).fetch_all(conn).await?;
    rows.into_iter().map(Event::try_from).collect()
}

/// An item's attachments.
pub async fn list_attachments(
    conn: &mut Conn,
    tenant: &TenantId,
    item_id: &str,
) -> Result<Vec<Attachment>, StoreError> {
    let sql = format!(
        "SELECT {ATTACHMENT_COLUMNS} FROM complaint_attachment WHERE tenant_id = $1 AND complaint_id = $2
         ORDER BY created_at_ms, id"
    );
    let rows: Vec<AttachmentRow> = sqlx::query_as(&sql).bind(tenant.as_str()).bind(item_id).fetch_all(conn).await?;
    Ok(rows.into_iter().map(Attachment::from).collect())
}

/// An attachment's content (`None` once redacted).
pub async fn load_attachment_content(
    conn: &mut Conn,
    tenant: &TenantId,
    item_id: &str,
    id: &str,
) -> Result<(Attachment, Option<Vec<u8>>), StoreError> {
    let sql = format!(
        "SELECT {ATTACHMENT_COLUMNS}, content FROM complaint_attachment
         WHERE tenant_id = $1 AND complaint_id = $2 AND id = $3"
    );
    let row = sqlx::query(&sql).bind(tenant.as_str()).bind(item_id).bind(id).fetch_one(conn).await?;
    use sqlx::{FromRow, Row};
    let meta = AttachmentRow::from_row(&row)?;
    let content: Option<Vec<u8>> = row.try_get("content")?;
    Ok((meta.into(), content))
}

/// Earlier items with these duplicate keys received since `since_ms`: (key, number), oldest first.
pub async fn find_recent_duplicates(
    conn: &mut Conn,
    tenant: &TenantId,
    dedup_keys: &[&str],
    since_ms: i64,
) -> Result<Vec<(String, String)>, StoreError> {
    if dedup_keys.is_empty() {
        return Ok(Vec::new());
    }
    // The unary + keeps the planner on the (tenant, dedup_key) index: the 24-hour range on received_at_ms can hold
    // every item of a busy day, the keys only a few.
    let mut sql = Sql::new("SELECT dedup_key, number, received_at_ms FROM complaint WHERE tenant_id = ");
    sql.bind(tenant.as_str()).push(" AND +received_at_ms >= ").bind(since_ms);
    sql.push(" AND dedup_key IN (").bind_list(dedup_keys.iter().copied()).push(")");
    let mut rows: Vec<(String, String, i64)> = sql.fetch_all(conn).await?;
    rows.sort_by(|a, b| (a.2, &a.1).cmp(&(b.2, &b.1)));
    Ok(rows.into_iter().map(|(key, number, _)| (key, number)).collect())
}
