//! Which notifications a step queues: the reporter by e-mail when they left an address and the step concerns them,
//! the staff the caller names, and the tenant's webhook for every step. Texts are written by the sender, from the
//! translation files; what is queued is data.

use domain::ids::{TenantId, UnitId};
use domain::org::UnitNode;
use domain::org::UnitTree;
use domain::people::Role;
use serde_json::json;

use super::deliveries::{self, Channel, Delivery};
use super::{Event, Item, Visibility};
use crate::{ActionCx, Conn, StoreError};

/// Staff to notify of a step.
#[derive(Clone, Debug, Default)]
pub struct Audience {
    /// E-mail addresses.
    pub emails: Vec<String>,
}

/// Steps worth an e-mail to the reporter.
fn tells_reporter(action: &str) -> bool {
    action == "masuk"
        || action == "verifikasi"
        || action == "tindak_lanjut"
        || action == "eskalasi"
        || action.starts_with("tanggapan_awal")
        || action.starts_with("tutup")
}

fn delivery(
    cx: &ActionCx<'_>,
    item: &Item,
    (channel, recipient): (Channel, &str),
    subject: &str,
    payload: String,
) -> Delivery {
    Delivery {
        tenant: cx.tenant.clone(),
        id: cx.ids.new_id(),
        complaint_id: Some(item.id.clone()),
        channel: channel.code().to_owned(),
        recipient: recipient.to_owned(),
        subject: subject.to_owned(),
        payload,
        status: "pending".to_owned(),
        attempts: 0,
        next_attempt_at_ms: cx.now_ms(),
        last_error: None,
        created_at_ms: cx.now_ms(),
    }
}

/// Queues the notifications of a step (inside its transaction).
pub async fn announce(
    conn: &mut Conn,
    cx: &ActionCx<'_>,
    item: &Item,
    event: &Event,
    audience: &Audience,
) -> Result<(), StoreError> {
    let settings = super::settings::load(conn, cx.tenant).await?;
    announce_with(conn, (cx, &settings), item, event, audience).await
}

/// As [`announce`], with the settings read beforehand (intake reads them before its write transaction).
pub async fn announce_with(
    conn: &mut Conn,
    (cx, settings): (&ActionCx<'_>, &super::settings::ComplaintSettings),
    item: &Item,
    event: &Event,
    audience: &Audience,
) -> Result<(), StoreError> {
    deliveries::insert_deliveries(conn, &deliveries_for((cx, settings), item, event, audience)).await
}

/// The notifications of a step, to be queued in its transaction.
pub fn deliveries_for(
    (cx, settings): (&ActionCx<'_>, &super::settings::ComplaintSettings),
    item: &Item,
    event: &Event,
    audience: &Audience,
) -> Vec<Delivery> {
    let mut out = Vec::new();
    let for_reporter = event.visibility != Visibility::Internal;
    let mut doc = json!({
        "event": event.action, "tenant": cx.tenant.as_str(), "number": item.number, "title": item.title,
        "state": item.state.code(), "unit_id": item.unit_id.as_ref().map(UnitId::as_str),
        "due_date": item.deadline.map(|it| it.due.to_string()), "escalation_level": item.escalation_level,
        "at_ms": event.at_ms, "message": if for_reporter { event.body.clone() } else { None },
    });
    if let Some(url) = &settings.webhook_url {
        let mut hook = doc.clone();
        // A gateway that texts the reporter needs the number; it is sent only for steps the reporter may read.
        if for_reporter {
            hook["reporter_contact"] = json!(item.reporter_contact);
        }
        out.push(delivery(cx, item, (Channel::Webhook, url), &event.action, hook.to_string()));
    }
    let email = item.reporter_contact.as_deref().filter(|it| it.contains('@'));
    if let Some(email) = email.filter(|_| for_reporter && tells_reporter(&event.action)) {
        doc["audience"] = json!("pelapor");
        out.push(delivery(cx, item, (Channel::Email, email), &event.action, doc.to_string()));
    }
    doc["audience"] = json!("staf");
    for address in &audience.emails {
        out.push(delivery(cx, item, (Channel::Email, address), &event.action, doc.to_string()));
    }
    out
}

/// E-mail addresses of active users holding one of these roles over the unit (or tenant-wide, for `None`).
pub async fn list_staff_emails(
    conn: &mut Conn,
    tenant: &TenantId,
    unit: Option<&UnitId>,
    roles: &[Role],
) -> Result<Vec<String>, StoreError> {
    let rows: Vec<(String, String, Option<String>)> = sqlx::query_as(
        "SELECT u.email, g.role, g.unit_id FROM user_account u
         JOIN role_grant g ON g.tenant_id = u.tenant_id AND g.user_id = u.id
         WHERE u.tenant_id = $1 AND u.is_active = 1 AND u.email IS NOT NULL AND u.email <> ''",
    )
    .bind(tenant.as_str())
    .fetch_all(&mut *conn)
    .await?;
    let units = crate::org::queries::list_units(conn, tenant).await?;
    let tree = UnitTree::new(
        units
            .iter()
            .map(|it| UnitNode { id: it.id.clone(), parent: it.parent_id.clone(), sort_key: it.draft.name.clone() })
            .collect(),
    );
    let mut emails: Vec<String> = rows
        .into_iter()
        .filter(|(_, role, scope)| {
            let Some(role) = Role::parse(role).filter(|it| roles.contains(it)) else { return false };
            match (scope, unit) {
                (None, _) => true,
                _ if role.is_tenant_wide() => true,
                (Some(root), Some(unit)) => tree.is_within(unit, &UnitId::new(root.clone())),
                (Some(_), None) => false,
            }
        })
        .map(|(email, _, _)| email)
        .collect();
    emails.sort();
    emails.dedup();
    Ok(emails)
}
