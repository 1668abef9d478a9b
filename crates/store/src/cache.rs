//! A short-lived copy of what nearly every request reads and hardly ever changes: the tenants, and per tenant its
//! unit register, working-day calendar, complaint settings and receipt key. A filing otherwise spends half of its
//! statements re-reading them (docs/PERFORMANCE.md). Every audited change other than a complaint's empties the copy
//! (`audit::append`), and an entry is at most [`TTL`] old, which bounds what another process's change can leave stale.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use domain::calendar::Calendar;
use domain::ids::TenantId;
use domain::org::{Tenant, Unit};

use crate::complaints::settings::ComplaintSettings;
use crate::{Db, StoreError};

/// The longest an entry is used.
pub const TTL: Duration = Duration::from_secs(2);

/// What is kept of one tenant.
pub struct TenantData {
    /// The tenant.
    pub tenant: Tenant,
    /// Its units.
    pub units: Vec<Unit>,
    /// The same units as a tree.
    pub tree: domain::org::UnitTree,
    /// Its calendar (tenant-wide rules, cuti bersama observed).
    pub calendar: Calendar,
    /// The same for frontline units that serve on cuti bersama days (`observes_cuti_bersama` false).
    pub calendar_serving: Calendar,
    /// Its complaint settings.
    pub settings: ComplaintSettings,
    /// Its receipt-signing key, once one was made.
    pub key: Option<ed25519_dalek::SigningKey>,
}

impl TenantData {
    /// The working-day calendar of a unit that does (`true`) or does not observe cuti bersama.
    pub fn calendar_of(&self, observes_cuti_bersama: bool) -> &Calendar {
        if observes_cuti_bersama { &self.calendar } else { &self.calendar_serving }
    }
}

/// The copies, shared by every clone of a [`Db`].
#[derive(Default)]
pub struct ReadCache {
    tenants: Mutex<Option<(Instant, Arc<Vec<Tenant>>)>>,
    data: Mutex<HashMap<String, (Instant, Arc<TenantData>)>>,
}

impl std::fmt::Debug for ReadCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ReadCache")
    }
}

fn fresh<T: Clone>(slot: Option<&(Instant, T)>) -> Option<T> {
    slot.filter(|(at, _)| at.elapsed() < TTL).map(|(_, it)| it.clone())
}

impl ReadCache {
    /// Forgets everything (after a change to what is kept).
    pub fn clear(&self) {
        *self.tenants.lock().unwrap_or_else(PoisonError::into_inner) = None;
        self.data.lock().unwrap_or_else(PoisonError::into_inner).clear();
    }
}

impl Db {
    /// Every tenant of the installation.
    pub async fn tenants(&self) -> Result<Arc<Vec<Tenant>>, StoreError> {
        let cache = self.cache();
        if let Some(it) = fresh(cache.tenants.lock().unwrap_or_else(PoisonError::into_inner).as_ref()) {
            return Ok(it);
        }
        let mut conn = self.conn().await?;
        let tenants = Arc::new(crate::org::queries::list_tenants(&mut conn).await?);
        *cache.tenants.lock().unwrap_or_else(PoisonError::into_inner) = Some((Instant::now(), Arc::clone(&tenants)));
        Ok(tenants)
    }

    /// What a tenant's requests keep reading.
    pub async fn tenant_data(&self, tenant: &TenantId) -> Result<Arc<TenantData>, StoreError> {
        let cache = self.cache();
        if let Some(it) = fresh(cache.data.lock().unwrap_or_else(PoisonError::into_inner).get(tenant.as_str())) {
            return Ok(it);
        }
        let mut conn = self.conn().await?;
        let units = crate::org::queries::list_units(&mut conn, tenant).await?;
        let adjustments = crate::calendar::load_adjustments(&mut conn, tenant).await?;
        let data = Arc::new(TenantData {
            tenant: crate::org::queries::load_tenant(&mut conn, tenant).await?,
            tree: domain::org::UnitTree::of_units(&units),
            units,
            calendar: crate::calendar::assemble(&adjustments, true),
            calendar_serving: crate::calendar::assemble(&adjustments, false),
            settings: crate::complaints::settings::load(&mut conn, tenant).await?,
            key: crate::complaints::keys::find_signing_key(&mut conn, tenant).await?,
        });
        let mut slots = cache.data.lock().unwrap_or_else(PoisonError::into_inner);
        slots.insert(tenant.as_str().to_owned(), (Instant::now(), Arc::clone(&data)));
        Ok(data)
    }
}
