//! The tenant's calendar entries (regional holidays, later national decrees, moved dates) and the assembled
//! working-day calendar of a unit.

pub mod actions;
pub mod queries;

use domain::calendar::{Calendar, CalendarRules, WorkWeek};
use domain::ids::{TenantId, UnitId};

use crate::{Conn, StoreError};

/// The working-day calendar of a unit (or of the tenant as a whole, for `None`): the shipped national calendar,
/// the tenant's entries, and the unit's cuti bersama rule.
pub async fn load_calendar(conn: &mut Conn, tenant: &TenantId, unit: Option<&UnitId>) -> Result<Calendar, StoreError> {
    let adjustments = load_adjustments(conn, tenant).await?;
    let observes_cuti_bersama = match unit {
        Some(unit) => crate::org::queries::load_unit(conn, tenant, unit).await?.draft.observes_cuti_bersama,
        None => true,
    };
    Ok(assemble(&adjustments, observes_cuti_bersama))
}

/// A tenant's adjustments to the national calendar.
pub async fn load_adjustments(
    conn: &mut Conn,
    tenant: &TenantId,
) -> Result<Vec<domain::calendar::Adjustment>, StoreError> {
    Ok(queries::list_entries(conn, tenant).await?.into_iter().map(|it| it.adjustment).collect())
}

/// The working-day calendar from the shipped national calendar, a tenant's adjustments and a unit's cuti bersama
/// rule (Pemda offices work Monday to Friday).
pub fn assemble(adjustments: &[domain::calendar::Adjustment], observes_cuti_bersama: bool) -> Calendar {
    let rules = CalendarRules { work_week: WorkWeek::MONDAY_TO_FRIDAY, observes_cuti_bersama };
    Calendar::new(domain::calendar::shipped(), adjustments, rules)
}
