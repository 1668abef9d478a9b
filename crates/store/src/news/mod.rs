//! News monitoring storage: articles with their extracted facts, units and categories, near-duplicate bands, feeds,
//! preliminary reviews (telaah awal) opened from an article, and notices to staff about negative articles.

pub mod articles;
pub mod facts_doc;
pub mod feeds;
pub mod listing;
pub mod notices;
pub mod reviews;

use domain::ids::TenantId;
use text::register::{Register, RegisterUnit};

use crate::{Conn, StoreError};

/// The tenant's unit register for linking: units with abbreviations and aliases, and the tenant's region.
pub async fn load_register(conn: &mut Conn, tenant: &TenantId) -> Result<Register, StoreError> {
    let tenant_row = crate::org::queries::load_tenant(conn, tenant).await?;
    let units = crate::org::queries::list_units(conn, tenant).await?;
    let register_units = units
        .into_iter()
        .filter(|it| it.draft.is_active)
        .map(|unit| RegisterUnit {
            id: unit.id.as_str().to_owned(),
            code: unit.draft.code.clone(),
            name: unit.draft.name.clone(),
            short_name: unit.draft.short_name.clone(),
            aliases: unit.draft.aliases.clone(),
        })
        .collect();
    Ok(Register::new(Some(&tenant_row.region_code), register_units))
}
