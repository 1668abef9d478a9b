//! Row structs of the org tables and their conversion to domain records.

use domain::calendar::Zone;
use domain::ids::{ServicePointId, TenantId, UnitId};
use domain::org::{OpeningHours, ServicePoint, Tenant, TenantLevel, Unit, UnitDraft, UnitKind};
use serde_json::json;

use crate::StoreError;

#[derive(sqlx::FromRow)]
pub(crate) struct TenantRow {
    pub id: String,
    pub name: String,
    pub level: String,
    pub region_code: String,
    pub time_zone: String,
    pub host: Option<String>,
}

impl TryFrom<TenantRow> for Tenant {
    type Error = StoreError;
    fn try_from(row: TenantRow) -> Result<Tenant, StoreError> {
        let level = TenantLevel::parse(&row.level).ok_or_else(|| StoreError::corrupt("tenant", row.level.clone()))?;
        let zone = Zone::parse(&row.time_zone).map_err(|err| StoreError::corrupt("tenant", err.to_string()))?;
        Ok(Tenant {
            id: TenantId::new(row.id),
            name: row.name,
            level,
            region_code: row.region_code,
            zone,
            host: row.host,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct UnitRow {
    pub id: String,
    pub code: String,
    pub parent_id: Option<String>,
    pub parent_code: Option<String>,
    pub kind: String,
    pub name: String,
    pub short_name: Option<String>,
    pub time_zone: String,
    pub is_closed_on_cuti_bersama: i64,
    pub is_active: i64,
}

impl UnitRow {
    pub(crate) fn into_unit(self, aliases: Vec<String>) -> Result<Unit, StoreError> {
        let kind = UnitKind::parse(&self.kind).ok_or_else(|| StoreError::corrupt("unit", self.kind.clone()))?;
        let zone = Zone::parse(&self.time_zone).map_err(|err| StoreError::corrupt("unit", err.to_string()))?;
        Ok(Unit {
            id: UnitId::new(self.id),
            parent_id: self.parent_id.map(UnitId::new),
            draft: UnitDraft {
                code: self.code,
                parent_code: self.parent_code,
                kind,
                name: self.name,
                short_name: self.short_name,
                aliases,
                zone,
                observes_cuti_bersama: self.is_closed_on_cuti_bersama != 0,
                is_active: self.is_active != 0,
            },
        })
    }
}

/// The audit document of a unit.
pub(crate) fn unit_doc(unit: &Unit) -> serde_json::Value {
    let draft = &unit.draft;
    json!({
        "code": draft.code,
        "parent_id": unit.parent_id.as_ref().map(UnitId::as_str),
        "kind": draft.kind.code(),
        "name": draft.name,
        "short_name": draft.short_name,
        "aliases": draft.aliases,
        "time_zone": draft.zone.iana(),
        "is_closed_on_cuti_bersama": draft.observes_cuti_bersama,
        "is_active": draft.is_active,
    })
}

/// The audit document of a tenant.
pub(crate) fn tenant_doc(tenant: &Tenant) -> serde_json::Value {
    json!({
        "name": tenant.name,
        "level": tenant.level.code(),
        "region_code": tenant.region_code,
        "time_zone": tenant.zone.iana(),
        "host": tenant.host,
    })
}

#[derive(sqlx::FromRow)]
pub(crate) struct ServicePointRow {
    pub id: String,
    pub unit_id: String,
    pub name: String,
    pub min_staff: i64,
}

#[derive(sqlx::FromRow)]
pub(crate) struct HoursRow {
    pub service_point_id: String,
    pub weekday: i64,
    pub opens: String,
    pub closes: String,
}

impl ServicePointRow {
    pub(crate) fn into_point(self, hours: &[HoursRow]) -> Result<ServicePoint, StoreError> {
        let mut parsed = Vec::new();
        for row in hours.iter().filter(|it| it.service_point_id == self.id) {
            let weekday = usize::try_from(row.weekday - 1)
                .ok()
                .and_then(|idx| domain::org::WEEKDAYS.get(idx).copied())
                .ok_or_else(|| StoreError::corrupt("service_hours", format!("weekday {}", row.weekday)))?;
            let time =
                |text: &str| text.parse().map_err(|_| StoreError::corrupt("service_hours", format!("time {text}")));
            let hours = OpeningHours::new(weekday, time(&row.opens)?, time(&row.closes)?)
                .ok_or_else(|| StoreError::corrupt("service_hours", "closes before it opens"))?;
            parsed.push(hours);
        }
        Ok(ServicePoint {
            id: ServicePointId::new(self.id),
            unit_id: UnitId::new(self.unit_id),
            name: self.name,
            min_staff: u32::try_from(self.min_staff)
                .map_err(|_| StoreError::corrupt("service_point", format!("min_staff {}", self.min_staff)))?,
            hours: parsed,
        })
    }
}

/// The audit document of a service point.
pub(crate) fn service_point_doc(point: &ServicePoint) -> serde_json::Value {
    let hours: Vec<_> = point
        .hours
        .iter()
        .map(|it| {
            json!([
                it.weekday.to_monday_one_offset(),
                it.opens.strftime("%H:%M").to_string(),
                it.closes.strftime("%H:%M").to_string()
            ])
        })
        .collect();
    json!({ "unit_id": point.unit_id.as_str(), "name": point.name, "min_staff": point.min_staff, "hours": hours })
}
