//! The request's view of its Pemda: the units (from the read cache, with their tree built once per refresh) and their
//! names. Pages ask this instead of rebuilding the tree and searching the unit list each time; which units a user
//! may see is `domain::people::Access::visible_units`.

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

    /// A unit's official name, or its id when it no longer exists.
    pub fn unit_name(&self, id: &str) -> String {
        self.unit(id).map_or_else(|| id.to_owned(), |it| it.draft.name.clone())
    }
}
