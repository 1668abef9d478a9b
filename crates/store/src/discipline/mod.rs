//! Civil-servant discipline in storage: the employee register, attendance with its yearly totals and proposals,
//! case files whose steps are checked by `domain::discipline::Case`, who may read a case and who did, the sanction
//! register, and the tenant's copy of the rules file.

pub mod attendance;
pub mod cases;
pub mod docs;
pub mod employees;
pub mod members;
pub mod record;
pub mod rules;
pub mod steps;

use std::collections::HashMap;

use domain::calendar::Calendar;
use domain::ids::TenantId;

use crate::{Conn, StoreError};

/// The working-day calendar of every unit of the tenant, read at once (units differ only in observing cuti
/// bersama), keyed by unit id.
pub async fn list_calendars(conn: &mut Conn, tenant: &TenantId) -> Result<HashMap<String, Calendar>, StoreError> {
    let entries = crate::calendar::queries::list_entries(conn, tenant).await?;
    let adjustments: Vec<_> = entries.iter().map(|it| it.adjustment.clone()).collect();
    let assemble = |observes| crate::calendar::assemble(&adjustments, observes);
    let (with, without) = (assemble(true), assemble(false));
    let units = crate::org::queries::list_units(conn, tenant).await?;
    Ok(units
        .into_iter()
        .map(|it| {
            let calendar = if it.draft.observes_cuti_bersama { with.clone() } else { without.clone() };
            (it.id.to_string(), calendar)
        })
        .collect())
}

/// The calendar of a unit that observes cuti bersama and has no entries, for an employee whose unit is gone.
fn calendars_fallback() -> Calendar {
    crate::calendar::assemble(&[], true)
}
