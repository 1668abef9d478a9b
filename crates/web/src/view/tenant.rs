//! The request's view of its Pemda: the units (from the read cache, with their tree built once per refresh) and their
//! names, and the units a user may see for a permission. Pages ask this instead of rebuilding the tree and searching
//! the unit list each time; the rule of what a user may see stays `domain::people::Access::visible_units`.

use std::sync::Arc;

use domain::org::{Unit, UnitTree};
use store::cache::TenantData;

use crate::error::WebError;
use crate::staff::Staff;

/// A Pemda as one request sees it.
#[derive(Clone)]
pub struct TenantView(Arc<TenantData>);

impl TenantView {
    /// The view of the request's Pemda.
    pub async fn of(staff: &Staff) -> Result<TenantView, WebError> {
        Ok(TenantView(staff.app.db().tenant_data(&staff.tenant.0.id).await?))
    }

    /// The unit tree.
    pub fn tree(&self) -> &UnitTree {
        &self.0.tree
    }

    /// Every unit, active or not.
    pub fn units(&self) -> &[Unit] {
        &self.0.units
    }

    /// A unit by id.
    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.0.units.iter().find(|it| it.id.as_str() == id)
    }

    /// The ids of the units `access` may see for `permission`; `None` when it sees every unit of the Pemda.
    pub fn visible_units(
        &self,
        access: &domain::people::Access,
        permission: domain::people::Permission,
    ) -> Option<Vec<String>> {
        let units = access.visible_units(permission, &self.0.tree)?;
        Some(units.into_iter().map(|it| it.as_str().to_owned()).collect())
    }

    /// The Pemda's working calendar.
    pub fn calendar(&self) -> &domain::calendar::Calendar {
        &self.0.calendar
    }

    /// A unit's official name, or its id when it no longer exists.
    pub fn unit_name(&self, id: &str) -> String {
        self.unit(id).map_or_else(|| id.to_owned(), |it| it.draft.name.clone())
    }
}
