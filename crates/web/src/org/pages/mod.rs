//! Pages of the unit register, one file per page family.

pub mod documents;
pub mod import;
pub mod service_points;
pub mod tenant;
pub mod unit_form;
pub mod units;

use serde::Serialize;

use crate::i18n::Lang;
use domain::org::{TenantLevel, UnitKind};

/// A choice in a select list.
#[derive(Serialize)]
pub struct Choice {
    /// Submitted value.
    pub value: String,
    /// Shown label.
    pub label: String,
}

/// The unit kinds a tenant of this level may use, labelled.
pub fn kind_choices(lang: Lang, level: TenantLevel) -> Vec<Choice> {
    UnitKind::ALL
        .into_iter()
        .filter(|it| it.allowed_in(level))
        .map(|it| Choice { value: it.code().to_owned(), label: lang.t(&format!("org.kinds.{}", it.code())).to_owned() })
        .collect()
}

/// The three zones, labelled.
pub fn zone_choices() -> Vec<Choice> {
    domain::calendar::Zone::ALL
        .into_iter()
        .map(|it| Choice { value: it.iana().to_owned(), label: format!("{} ({})", it.abbreviation(), it.iana()) })
        .collect()
}
