//! SQL of tenants, units, aliases and service points.

use domain::ids::{ServicePointId, TenantId, UnitId};
use domain::org::{ServicePoint, Tenant, TenantDraft, Unit, UnitDraft};

use crate::org::rows::{HoursRow, ServicePointRow, TenantRow, UnitRow};
use crate::{Conn, StoreError};

const SELECT_TENANTS: &str = "SELECT id, name, level, region_code, time_zone, host FROM tenant ORDER BY id";

/// Every tenant of the installation.
pub async fn list_tenants(conn: &mut Conn) -> Result<Vec<Tenant>, StoreError> {
    let rows: Vec<TenantRow> = sqlx::query_as(SELECT_TENANTS).fetch_all(conn).await?;
    rows.into_iter().map(Tenant::try_from).collect()
}

const SELECT_TENANT: &str = "SELECT id, name, level, region_code, time_zone, host FROM tenant WHERE id = $1";

/// The tenant with this id, if any.
pub async fn find_tenant(conn: &mut Conn, id: &TenantId) -> Result<Option<Tenant>, StoreError> {
    let row: Option<TenantRow> = sqlx::query_as(SELECT_TENANT).bind(id.as_str()).fetch_optional(conn).await?;
    row.map(Tenant::try_from).transpose()
}

/// The tenant with this id.
pub async fn load_tenant(conn: &mut Conn, id: &TenantId) -> Result<Tenant, StoreError> {
    find_tenant(conn, id).await?.ok_or(StoreError::NotFound)
}

const SELECT_TENANT_BY_HOST: &str = "SELECT id, name, level, region_code, time_zone, host FROM tenant WHERE host = $1";

/// The tenant serving this host name, if one is configured for it.
pub async fn find_tenant_by_host(conn: &mut Conn, host: &str) -> Result<Option<Tenant>, StoreError> {
    let row: Option<TenantRow> = sqlx::query_as(SELECT_TENANT_BY_HOST).bind(host).fetch_optional(conn).await?;
    row.map(Tenant::try_from).transpose()
}

const INSERT_TENANT: &str = "
    INSERT INTO tenant (id, name, level, region_code, time_zone, host, created_at_ms, updated_at_ms)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $7)";

/// Inserts a tenant.
pub async fn insert_tenant(conn: &mut Conn, id: &TenantId, draft: &TenantDraft, now_ms: i64) -> Result<(), StoreError> {
    sqlx::query(INSERT_TENANT)
        .bind(id.as_str())
        .bind(&draft.name)
        .bind(draft.level.code())
        .bind(&draft.region_code)
        .bind(draft.zone.iana())
        .bind(draft.host.as_deref())
        .bind(now_ms)
        .execute(conn)
        .await?;
    Ok(())
}

const UPDATE_TENANT: &str = "
    UPDATE tenant SET name = $2, level = $3, region_code = $4, time_zone = $5, host = $6, updated_at_ms = $7
    WHERE id = $1";

/// Updates a tenant's settings.
pub async fn update_tenant(conn: &mut Conn, id: &TenantId, draft: &TenantDraft, now_ms: i64) -> Result<(), StoreError> {
    sqlx::query(UPDATE_TENANT)
        .bind(id.as_str())
        .bind(&draft.name)
        .bind(draft.level.code())
        .bind(&draft.region_code)
        .bind(draft.zone.iana())
        .bind(draft.host.as_deref())
        .bind(now_ms)
        .execute(conn)
        .await?;
    Ok(())
}

const SELECT_UNITS: &str = "
    SELECT u.id, u.code, u.parent_id, p.code AS parent_code, u.kind, u.name, u.short_name, u.time_zone,
        u.is_closed_on_cuti_bersama, u.is_active
    FROM unit u LEFT JOIN unit p ON p.tenant_id = u.tenant_id AND p.id = u.parent_id
    WHERE u.tenant_id = $1 ORDER BY u.name";

const SELECT_ALIASES: &str = "SELECT unit_id, alias FROM unit_alias WHERE tenant_id = $1 ORDER BY unit_id, alias";

/// Every unit of the tenant with its aliases, ordered by name. A tenant has at most a few hundred units, so the
/// register is always read whole and the tree built in memory.
pub async fn list_units(conn: &mut Conn, tenant: &TenantId) -> Result<Vec<Unit>, StoreError> {
    let rows: Vec<UnitRow> = sqlx::query_as(SELECT_UNITS).bind(tenant.as_str()).fetch_all(&mut *conn).await?;
    let aliases: Vec<(String, String)> = sqlx::query_as(SELECT_ALIASES).bind(tenant.as_str()).fetch_all(conn).await?;
    let mut by_unit: std::collections::HashMap<String, Vec<String>> = std::collections::HashMap::new();
    for (unit_id, alias) in aliases {
        by_unit.entry(unit_id).or_default().push(alias);
    }
    rows.into_iter()
        .map(|row| {
            let aliases = by_unit.remove(&row.id).unwrap_or_default();
            row.into_unit(aliases)
        })
        .collect()
}

/// One unit of the tenant.
pub async fn load_unit(conn: &mut Conn, tenant: &TenantId, id: &UnitId) -> Result<Unit, StoreError> {
    list_units(conn, tenant).await?.into_iter().find(|it| &it.id == id).ok_or(StoreError::NotFound)
}

const INSERT_UNIT: &str = "
    INSERT INTO unit (tenant_id, id, code, parent_id, kind, name, short_name, time_zone,
        is_closed_on_cuti_bersama, is_active, created_at_ms, updated_at_ms)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)";

/// Inserts a unit (aliases separately).
pub async fn insert_unit(conn: &mut Conn, tenant: &TenantId, unit: &Unit, now_ms: i64) -> Result<(), StoreError> {
    let draft = &unit.draft;
    sqlx::query(INSERT_UNIT)
        .bind(tenant.as_str())
        .bind(unit.id.as_str())
        .bind(&draft.code)
        .bind(unit.parent_id.as_ref().map(UnitId::as_str))
        .bind(draft.kind.code())
        .bind(&draft.name)
        .bind(draft.short_name.as_deref())
        .bind(draft.zone.iana())
        .bind(i64::from(draft.observes_cuti_bersama))
        .bind(i64::from(draft.is_active))
        .bind(now_ms)
        .execute(conn)
        .await?;
    Ok(())
}

const UPDATE_UNIT: &str = "
    UPDATE unit SET code = $3, parent_id = $4, kind = $5, name = $6, short_name = $7, time_zone = $8,
        is_closed_on_cuti_bersama = $9, is_active = $10, updated_at_ms = $11
    WHERE tenant_id = $1 AND id = $2";

/// Updates a unit (aliases separately).
pub async fn update_unit(conn: &mut Conn, tenant: &TenantId, unit: &Unit, now_ms: i64) -> Result<(), StoreError> {
    let draft = &unit.draft;
    sqlx::query(UPDATE_UNIT)
        .bind(tenant.as_str())
        .bind(unit.id.as_str())
        .bind(&draft.code)
        .bind(unit.parent_id.as_ref().map(UnitId::as_str))
        .bind(draft.kind.code())
        .bind(&draft.name)
        .bind(draft.short_name.as_deref())
        .bind(draft.zone.iana())
        .bind(i64::from(draft.observes_cuti_bersama))
        .bind(i64::from(draft.is_active))
        .bind(now_ms)
        .execute(conn)
        .await?;
    Ok(())
}

const DELETE_ALIASES: &str = "DELETE FROM unit_alias WHERE tenant_id = $1 AND unit_id = $2";
const INSERT_ALIAS: &str = "INSERT INTO unit_alias (tenant_id, unit_id, alias, alias_key) VALUES ($1, $2, $3, $4)";

/// Replaces a unit's aliases.
pub async fn update_aliases(
    conn: &mut Conn,
    tenant: &TenantId,
    unit: &UnitId,
    draft: &UnitDraft,
) -> Result<(), StoreError> {
    sqlx::query(DELETE_ALIASES).bind(tenant.as_str()).bind(unit.as_str()).execute(&mut *conn).await?;
    for alias in &draft.aliases {
        sqlx::query(INSERT_ALIAS)
            .bind(tenant.as_str())
            .bind(unit.as_str())
            .bind(alias)
            .bind(domain::org::alias_key(alias))
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

const SELECT_SERVICE_POINTS: &str =
    "SELECT id, unit_id, name, min_staff FROM service_point WHERE tenant_id = $1 AND unit_id = $2 ORDER BY name";
const SELECT_SERVICE_HOURS: &str = "
    SELECT h.service_point_id, h.weekday, h.opens, h.closes FROM service_hours h
    JOIN service_point p ON p.tenant_id = h.tenant_id AND p.id = h.service_point_id
    WHERE h.tenant_id = $1 AND p.unit_id = $2 ORDER BY h.weekday";

/// The service points of a unit with their hours.
pub async fn list_service_points(
    conn: &mut Conn,
    tenant: &TenantId,
    unit: &UnitId,
) -> Result<Vec<ServicePoint>, StoreError> {
    let rows: Vec<ServicePointRow> =
        sqlx::query_as(SELECT_SERVICE_POINTS).bind(tenant.as_str()).bind(unit.as_str()).fetch_all(&mut *conn).await?;
    let hours: Vec<HoursRow> =
        sqlx::query_as(SELECT_SERVICE_HOURS).bind(tenant.as_str()).bind(unit.as_str()).fetch_all(conn).await?;
    rows.into_iter().map(|row| row.into_point(&hours)).collect()
}

const INSERT_SERVICE_POINT: &str = "
    INSERT INTO service_point (tenant_id, id, unit_id, name, min_staff, created_at_ms, updated_at_ms)
    VALUES ($1, $2, $3, $4, $5, $6, $6)";

/// Inserts a service point (hours separately).
pub async fn insert_service_point(
    conn: &mut Conn,
    tenant: &TenantId,
    point: &ServicePoint,
    now_ms: i64,
) -> Result<(), StoreError> {
    sqlx::query(INSERT_SERVICE_POINT)
        .bind(tenant.as_str())
        .bind(point.id.as_str())
        .bind(point.unit_id.as_str())
        .bind(&point.name)
        .bind(i64::from(point.min_staff))
        .bind(now_ms)
        .execute(conn)
        .await?;
    Ok(())
}

const UPDATE_SERVICE_POINT: &str =
    "UPDATE service_point SET name = $3, min_staff = $4, updated_at_ms = $5 WHERE tenant_id = $1 AND id = $2";

/// Updates a service point's name and staffing.
pub async fn update_service_point(
    conn: &mut Conn,
    tenant: &TenantId,
    point: &ServicePoint,
    now_ms: i64,
) -> Result<(), StoreError> {
    sqlx::query(UPDATE_SERVICE_POINT)
        .bind(tenant.as_str())
        .bind(point.id.as_str())
        .bind(&point.name)
        .bind(i64::from(point.min_staff))
        .bind(now_ms)
        .execute(conn)
        .await?;
    Ok(())
}

const DELETE_HOURS: &str = "DELETE FROM service_hours WHERE tenant_id = $1 AND service_point_id = $2";
const INSERT_HOURS: &str =
    "INSERT INTO service_hours (tenant_id, service_point_id, weekday, opens, closes) VALUES ($1, $2, $3, $4, $5)";

/// Replaces a service point's weekly hours.
pub async fn update_hours(conn: &mut Conn, tenant: &TenantId, point: &ServicePoint) -> Result<(), StoreError> {
    sqlx::query(DELETE_HOURS).bind(tenant.as_str()).bind(point.id.as_str()).execute(&mut *conn).await?;
    for hours in &point.hours {
        sqlx::query(INSERT_HOURS)
            .bind(tenant.as_str())
            .bind(point.id.as_str())
            .bind(i64::from(hours.weekday.to_monday_one_offset()))
            .bind(hours.opens.strftime("%H:%M").to_string())
            .bind(hours.closes.strftime("%H:%M").to_string())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

const DELETE_SERVICE_POINT: &str = "DELETE FROM service_point WHERE tenant_id = $1 AND id = $2";

/// Deletes a service point and its hours.
pub async fn delete_service_point(conn: &mut Conn, tenant: &TenantId, id: &ServicePointId) -> Result<(), StoreError> {
    sqlx::query(DELETE_HOURS).bind(tenant.as_str()).bind(id.as_str()).execute(&mut *conn).await?;
    sqlx::query(DELETE_SERVICE_POINT).bind(tenant.as_str()).bind(id.as_str()).execute(conn).await?;
    Ok(())
}
