//! SQL of items, their events and attachments.

use domain::ids::{TenantId, UnitId};

use super::rows::{ATTACHMENT_COLUMNS, AttachmentRow, EVENT_COLUMNS, EventRow, ITEM_COLUMNS, ItemRow};
use super::{Attachment, Event, Item};
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
    sqlx::query(
        "INSERT INTO complaint (tenant_id, id, number, secret_digest, kind, category, channel, confidentiality, title,
            body, location_text, latitude, longitude, reporter_name, reporter_contact, reporter_ip, letter_sender,
            letter_number, letter_date, unit_id, reported_unit_id, suggested_unit_id, suggestion_words, state,
            deadline_kind, due_date, deadline_at_ms, escalation_level, missed_deadlines, n_reopened, dedup_key,
            possible_duplicate_of, registered_by, correction_requested, received_at_ms, updated_at_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,
            $23, $24, $25, $26, $27, 0, 0, 0, $28, $29, $30, 0, $31, $31)",
    )
    .bind(tenant.as_str())
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
    .bind(item.point.map(|it| it.0))
    .bind(item.point.map(|it| it.1))
    .bind(item.reporter_name.as_deref())
    .bind(item.reporter_contact.as_deref())
    .bind(intake.reporter_ip)
    .bind(item.letter.as_ref().map(|it| it.0.as_str()))
    .bind(item.letter.as_ref().map(|it| it.1.as_str()))
    .bind(item.letter.as_ref().map(|it| it.2.as_str()))
    .bind(opt_str(item.unit_id.as_ref()))
    .bind(opt_str(item.reported_unit_id.as_ref()))
    .bind(item.suggestion.as_ref().map(|it| it.0.as_str()))
    .bind(item.suggestion.as_ref().map(|it| it.1.as_str()))
    .bind(item.state.code())
    .bind(item.deadline.map(|it| it.kind.code()))
    .bind(item.deadline.map(|it| it.due.to_string()))
    .bind(item.deadline.map(|it| it.ends_at_ms))
    .bind(intake.dedup_key)
    .bind(item.possible_duplicate_of.as_deref())
    .bind(item.registered_by.as_deref())
    .bind(item.received_at_ms)
    .execute(conn)
    .await?;
    Ok(())
}

/// Writes back everything a step can change.
pub async fn update_item(conn: &mut Conn, tenant: &TenantId, item: &Item) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE complaint SET title = $3, body = $4, location_text = $5, latitude = $6, longitude = $7,
            reporter_name = $8, reporter_contact = $9, unit_id = $10, state = $11, tier = $12, outcome = $13,
            outcome_note = $14, duplicate_of = $15, deadline_kind = $16, due_date = $17, deadline_at_ms = $18,
            escalation_level = $19, missed_deadlines = $20, rating = $21, n_reopened = $22, correction_requested = $23,
            verified_at_ms = $24, first_answer_at_ms = $25, closed_at_ms = $26, updated_at_ms = $27
         WHERE tenant_id = $1 AND id = $2",
    )
    .bind(tenant.as_str())
    .bind(&item.id)
    .bind(&item.title)
    .bind(&item.body)
    .bind(item.location_text.as_deref())
    .bind(item.point.map(|it| it.0))
    .bind(item.point.map(|it| it.1))
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
    .execute(conn)
    .await?;
    Ok(())
}

/// Appends an event.
pub async fn insert_event(conn: &mut Conn, tenant: &TenantId, item_id: &str, event: &Event) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO complaint_event (tenant_id, complaint_id, seq, at_ms, party, user_id, action, state_after,
            unit_id, body, visibility, deadline_kind, due_date)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
    )
    .bind(tenant.as_str())
    .bind(item_id)
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
    .bind(event.deadline.map(|it| it.1.to_string()))
    .execute(conn)
    .await?;
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
pub async fn redact_attachment(
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
    let updated =
        sqlx::query("UPDATE complaint_counter SET last_seq = last_seq + 1 WHERE tenant_id = $1 AND year = $2")
            .bind(tenant.as_str())
            .bind(i64::from(year))
            .execute(&mut *conn)
            .await?;
    if updated.rows_affected() == 0 {
        sqlx::query("INSERT INTO complaint_counter (tenant_id, year, last_seq) VALUES ($1, $2, 1)")
            .bind(tenant.as_str())
            .bind(i64::from(year))
            .execute(&mut *conn)
            .await?;
        return Ok(1);
    }
    let (seq,): (i64,) = sqlx::query_as("SELECT last_seq FROM complaint_counter WHERE tenant_id = $1 AND year = $2")
        .bind(tenant.as_str())
        .bind(i64::from(year))
        .fetch_one(conn)
        .await?;
    Ok(seq)
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

/// The newest item with the same dedup key since `since_ms`.
pub async fn find_recent_duplicate(
    conn: &mut Conn,
    tenant: &TenantId,
    dedup_key: &str,
    since_ms: i64,
) -> Result<Option<String>, StoreError> {
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT number FROM complaint WHERE tenant_id = $1 AND dedup_key = $2 AND received_at_ms >= $3
         ORDER BY received_at_ms DESC LIMIT 1",
    )
    .bind(tenant.as_str())
    .bind(dedup_key)
    .bind(since_ms)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|it| it.0))
}

/// Which items a list shows.
#[derive(Clone, Debug, Default)]
pub struct ItemFilter {
    /// Only items handled by (or, when unassigned, named for) these units; `None` for every unit.
    pub units: Option<Vec<UnitId>>,
    /// Only open items.
    pub open_only: bool,
    /// Only items whose deadline passed before this instant.
    pub overdue_at_ms: Option<i64>,
    /// Only this state.
    pub state: Option<domain::complaints::State>,
    /// Only this category.
    pub category: Option<String>,
    /// Only what may be listed publicly: verified, not confidential, not letters.
    pub public_only: bool,
    /// Only items received in `[from, to)`, epoch ms.
    pub received_between: Option<(i64, i64)>,
    /// Rows to skip.
    pub offset: i64,
    /// Most rows.
    pub limit: i64,
}

enum Bind {
    Text(String),
    Int(i64),
}

/// Items matching a filter: open ones by deadline (overdue first), else newest first.
pub async fn list_items(conn: &mut Conn, tenant: &TenantId, filter: &ItemFilter) -> Result<Vec<Item>, StoreError> {
    let mut sql = format!("SELECT {ITEM_COLUMNS} FROM complaint WHERE tenant_id = $1");
    let mut binds: Vec<Bind> = Vec::new();
    // Each '?' becomes the next numbered parameter, bound in the same order below.
    let mut add = |sql: &mut String, text: &str, bind: Bind| {
        binds.push(bind);
        sql.push_str(&text.replace('?', &format!("${}", binds.len() + 1)));
    };
    if let Some(units) = &filter.units {
        if units.is_empty() {
            return Ok(Vec::new());
        }
        sql.push_str(" AND (1 = 0");
        for unit in units {
            add(&mut sql, " OR COALESCE(unit_id, reported_unit_id) = ?", Bind::Text(unit.as_str().to_owned()));
        }
        sql.push(')');
    }
    if filter.open_only {
        sql.push_str(" AND state <> 'selesai'");
    }
    if let Some(state) = filter.state {
        add(&mut sql, " AND state = ?", Bind::Text(state.code().to_owned()));
    }
    if let Some(category) = &filter.category {
        add(&mut sql, " AND category = ?", Bind::Text(category.clone()));
    }
    if filter.public_only {
        sql.push_str(" AND confidentiality <> 'rahasia' AND kind <> 'surat_masuk' AND verified_at_ms IS NOT NULL");
    }
    if let Some(at) = filter.overdue_at_ms {
        add(&mut sql, " AND state <> 'selesai' AND deadline_at_ms <= ?", Bind::Int(at));
    }
    if let Some((from, to)) = filter.received_between {
        add(&mut sql, " AND received_at_ms >= ?", Bind::Int(from));
        add(&mut sql, " AND received_at_ms < ?", Bind::Int(to));
    }
    if filter.open_only || filter.overdue_at_ms.is_some() {
        sql.push_str(" ORDER BY (deadline_at_ms IS NULL), deadline_at_ms, received_at_ms");
    } else {
        sql.push_str(" ORDER BY received_at_ms DESC, number DESC");
    }
    sql.push_str(&format!(" LIMIT {} OFFSET {}", filter.limit.clamp(1, 1000), filter.offset.max(0)));
    let mut query = sqlx::query_as::<_, ItemRow>(&sql).bind(tenant.as_str());
    for bind in binds {
        query = match bind {
            Bind::Text(text) => query.bind(text),
            Bind::Int(value) => query.bind(value),
        };
    }
    let rows = query.fetch_all(conn).await?;
    rows.into_iter().map(Item::try_from).collect()
}

/// Counts per unit for the unit pages and the leader's overview.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UnitCounts {
    /// Unit.
    pub unit_id: String,
    /// Every item handled.
    pub total: i64,
    /// Still open.
    pub open: i64,
    /// Open and past the deadline.
    pub overdue: i64,
    /// Closed.
    pub closed: i64,
    /// Closed without a missed deadline.
    pub closed_on_time: i64,
    /// Mean rating.
    pub mean_rating: Option<f64>,
}

/// Counts of every unit that handled an item.
pub async fn unit_counts(
    conn: &mut Conn,
    tenant: &TenantId,
    now_ms: i64,
    public_only: bool,
) -> Result<Vec<UnitCounts>, StoreError> {
    let public = if public_only {
        " AND confidentiality <> 'rahasia' AND kind <> 'surat_masuk' AND verified_at_ms IS NOT NULL"
    } else {
        ""
    };
    let sql = format!(
        "SELECT unit_id, COUNT(*),
            SUM(CASE WHEN state <> 'selesai' THEN 1 ELSE 0 END),
            SUM(CASE WHEN state <> 'selesai' AND deadline_at_ms <= $2 THEN 1 ELSE 0 END),
            SUM(CASE WHEN state = 'selesai' THEN 1 ELSE 0 END),
            SUM(CASE WHEN state = 'selesai' AND missed_deadlines = 0 THEN 1 ELSE 0 END),
            AVG(CAST(rating AS DOUBLE PRECISION))
         FROM complaint WHERE tenant_id = $1 AND unit_id IS NOT NULL{public}
         GROUP BY unit_id ORDER BY unit_id"
    );
    type Row = (String, i64, Option<i64>, Option<i64>, Option<i64>, Option<i64>, Option<f64>);
    let rows: Vec<Row> = sqlx::query_as(&sql).bind(tenant.as_str()).bind(now_ms).fetch_all(conn).await?;
    Ok(rows
        .into_iter()
        .map(|(unit_id, total, open, overdue, closed, on_time, mean_rating)| UnitCounts {
            unit_id,
            total,
            open: open.unwrap_or(0),
            overdue: overdue.unwrap_or(0),
            closed: closed.unwrap_or(0),
            closed_on_time: on_time.unwrap_or(0),
            mean_rating,
        })
        .collect())
}

/// Items of every tenant whose deadline passed and that still need the job: auto-closing, or escalation below the top.
pub async fn list_due_for_job(conn: &mut Conn, now_ms: i64, limit: i64) -> Result<Vec<(TenantId, String)>, StoreError> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT tenant_id, id FROM complaint
         WHERE deadline_at_ms <= $1 AND state <> 'selesai' AND (deadline_kind = 'tutup_otomatis' OR escalation_level < 2)
         ORDER BY deadline_at_ms LIMIT $2",
    )
    .bind(now_ms)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|(tenant, id)| (TenantId::new(tenant), id)).collect())
}
