//! SQL of calendar entries.

use domain::calendar::{Adjustment, Holiday, HolidayKind};
use domain::ids::TenantId;
use jiff::civil::Date;

use crate::{Conn, StoreError};

/// A stored calendar entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarEntry {
    /// Id.
    pub id: String,
    /// The change it makes.
    pub adjustment: Adjustment,
    /// Name as written by the administrator.
    pub name: String,
    /// Legal basis.
    pub legal_basis: String,
}

#[derive(sqlx::FromRow)]
struct EntryRow {
    id: String,
    holiday_date: String,
    kind: String,
    is_removal: i64,
    name: String,
    legal_basis: String,
}

impl TryFrom<EntryRow> for CalendarEntry {
    type Error = StoreError;
    fn try_from(row: EntryRow) -> Result<CalendarEntry, StoreError> {
        let date: Date =
            row.holiday_date.parse().map_err(|_| StoreError::corrupt("calendar_entry", row.holiday_date.clone()))?;
        let kind =
            HolidayKind::parse(&row.kind).ok_or_else(|| StoreError::corrupt("calendar_entry", row.kind.clone()))?;
        let adjustment = if row.is_removal != 0 {
            Adjustment::Remove { date, kind }
        } else {
            Adjustment::Add(Holiday {
                date,
                kind,
                name_id: row.name.clone(),
                name_en: row.name.clone(),
                source: row.legal_basis.clone(),
            })
        };
        Ok(CalendarEntry { id: row.id, adjustment, name: row.name, legal_basis: row.legal_basis })
    }
}

const SELECT_ENTRIES: &str = "
    SELECT id, holiday_date, kind, is_removal, name, legal_basis FROM calendar_entry
    WHERE tenant_id = $1 ORDER BY holiday_date, kind";

/// Every entry of the tenant, by date.
pub async fn list_entries(conn: &mut Conn, tenant: &TenantId) -> Result<Vec<CalendarEntry>, StoreError> {
    let rows: Vec<EntryRow> = sqlx::query_as(SELECT_ENTRIES).bind(tenant.as_str()).fetch_all(conn).await?;
    rows.into_iter().map(CalendarEntry::try_from).collect()
}

const INSERT_ENTRY: &str = "
    INSERT INTO calendar_entry (tenant_id, id, holiday_date, kind, is_removal, name, legal_basis, created_at_ms)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

/// Inserts an entry.
pub async fn insert_entry(
    conn: &mut Conn,
    tenant: &TenantId,
    entry: &CalendarEntry,
    now_ms: i64,
) -> Result<(), StoreError> {
    let (date, kind, is_removal) = match &entry.adjustment {
        Adjustment::Add(holiday) => (holiday.date, holiday.kind, 0i64),
        Adjustment::Remove { date, kind } => (*date, *kind, 1),
    };
    sqlx::query(INSERT_ENTRY)
        .bind(tenant.as_str())
        .bind(&entry.id)
        .bind(date.to_string())
        .bind(kind.code())
        .bind(is_removal)
        .bind(&entry.name)
        .bind(&entry.legal_basis)
        .bind(now_ms)
        .execute(conn)
        .await?;
    Ok(())
}

const DELETE_ENTRY: &str = "DELETE FROM calendar_entry WHERE tenant_id = $1 AND id = $2";

/// Deletes an entry.
pub async fn delete_entry(conn: &mut Conn, tenant: &TenantId, id: &str) -> Result<(), StoreError> {
    sqlx::query(DELETE_ENTRY).bind(tenant.as_str()).bind(id).execute(conn).await?;
    Ok(())
}
