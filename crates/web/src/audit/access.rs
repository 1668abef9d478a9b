//! What a reader of the audit trail may see of an entry's documents: no more of an entity than the entity's own
//! page shows them. Every reader sees that an entry exists, when, by whom, its action, entity and hashes, so the
//! chain can be followed and verified; the before and after documents are shown only where the entity's own access
//! rule lets the reader in, and a complaint's identity digests only to the complaint administrator.

use domain::audit::Entry;
use domain::people::Permission;

use crate::complaints::staff::viewer_of;
use crate::complaints::views::Viewer;
use crate::error::WebError;
use crate::staff::Staff;

/// How much of an entry's documents the reader sees.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Sight {
    /// Both documents as stored.
    Full,
    /// The documents without the reporter's identity digests (fields named `reporter_*`).
    WithoutIdentity,
    /// Neither document: the reader may not open the entity itself.
    Hidden,
}

/// Entities whose documents hold nothing beyond what every holder of `ViewAudit` (inspector, leader,
/// administrator, all tenant-wide) may read on the entity's own page: the register, accounts, calendar, settings,
/// surveys, feeds, reviews, the discipline rules, the watch-list rules and a Pemda's copies of rules files.
const OPEN_TO_AUDITORS: &[&str] = &[
    "tenant",
    "unit",
    "service_point",
    "user",
    "calendar_entry",
    "complaint_settings",
    "document_settings",
    "open311_key",
    "survey",
    "survey_service",
    "survey_kiosk",
    "survey_followup",
    "unit_indicator",
    "pekppp_assessment",
    "survey_response",
    "news_feed",
    "news_review",
    "discipline_rules",
    "watch_rules",
    "rule_file",
    "watch_decision",
];

/// The reader's sight of one entry; an entity that no longer exists is judged as hidden.
pub(crate) async fn sight(staff: &Staff, entry: &Entry) -> Result<Sight, WebError> {
    let id = entry.entity_id.as_str();
    let judged = match entry.entity_type.as_str() {
        kind if OPEN_TO_AUDITORS.contains(&kind) => Ok(Sight::Full),
        "complaint" => complaint(staff, id).await,
        "employee" => employee(staff, id).await,
        "attendance_batch" => {
            Ok(if staff.user.access.can_tenant(Permission::ViewEmployees) { Sight::Full } else { Sight::Hidden })
        }
        "discipline_case" => discipline_case(staff, id).await,
        // An entity this table does not know is hidden until someone decides who may read it.
        _ => Ok(Sight::Hidden),
    };
    match judged {
        Err(WebError::NotFound) => Ok(Sight::Hidden),
        other => other,
    }
}

/// As the complaint page: unit scope for staff, the identity for the complaint administrator only.
async fn complaint(staff: &Staff, id: &str) -> Result<Sight, WebError> {
    let item = {
        let mut conn = staff.app.db().conn().await?;
        store::complaints::queries::load_item(&mut conn, &staff.tenant.0.id, id).await?
    };
    let data = staff.app.db().tenant_data(&staff.tenant.0.id).await?;
    Ok(match viewer_of(staff, &item, &data.tree) {
        Some(Viewer::Administrator) => Sight::Full,
        Some(_) => Sight::WithoutIdentity,
        None => Sight::Hidden,
    })
}

/// As the register: the employee's unit within the reader's `ViewEmployees` scope.
async fn employee(staff: &Staff, id: &str) -> Result<Sight, WebError> {
    let employee = {
        let mut conn = staff.app.db().conn().await?;
        store::discipline::employees::load(&mut conn, &staff.tenant.0.id, id).await?
    };
    let data = staff.app.db().tenant_data(&staff.tenant.0.id).await?;
    let unit = domain::ids::UnitId::new(employee.unit_id.clone());
    let sees = staff.user.access.can_unit(Permission::ViewEmployees, &unit, &data.tree);
    Ok(if sees { Sight::Full } else { Sight::Hidden })
}

/// As the case file: its handlers, officials, team and the employee concerned.
async fn discipline_case(staff: &Staff, id: &str) -> Result<Sight, WebError> {
    let rules = crate::discipline::rules_of(staff).await?;
    let file = {
        let mut conn = staff.app.db().conn().await?;
        store::discipline::cases::load(&mut conn, &staff.tenant.0.id, &rules, id).await?
    };
    crate::discipline::reach(staff, &file).await.map(|_| Sight::Full)
}

/// A document as the reader may see it: `None` when hidden, identity digests removed where asked.
pub(crate) fn shown(doc: Option<&str>, sight: Sight) -> Option<String> {
    let doc = doc?;
    match sight {
        Sight::Hidden => None,
        Sight::Full => Some(doc.to_owned()),
        Sight::WithoutIdentity => Some(match serde_json::from_str::<serde_json::Value>(doc) {
            Ok(mut value) => {
                drop_identity(&mut value);
                value.to_string()
            }
            // A document that is not JSON was edited by hand; without structure nothing can be kept safely.
            Err(_) => String::new(),
        }),
    }
}

fn drop_identity(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            map.retain(|key, _| !key.starts_with("reporter_"));
            map.values_mut().for_each(drop_identity);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(drop_identity),
        _ => {}
    }
}
