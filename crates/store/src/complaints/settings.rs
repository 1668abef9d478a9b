//! A tenant's complaint settings: follow-up tiers and the webhook of its message gateway.

use domain::complaints::Tiers;
use domain::ids::TenantId;
use domain::problems::{FieldProblem, Problem, Problems};
use serde_json::json;

use crate::audit::{self, Change};
use crate::{ActionCx, Conn, StoreError};

/// The settings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ComplaintSettings {
    /// Follow-up tiers.
    pub tiers: Tiers,
    /// Webhook address, `https://…` (or `http://` on a private network).
    pub webhook_url: Option<String>,
    /// Key of the webhook's HMAC-SHA256 signature.
    pub webhook_secret: Option<String>,
}

/// The tenant's settings, or the defaults.
pub async fn load(conn: &mut Conn, tenant: &TenantId) -> Result<ComplaintSettings, StoreError> {
    type Row = (i64, i64, i64, Option<String>, Option<String>);
    let row: Option<Row> = sqlx::query_as(
        "SELECT tier_simple, tier_no_field_check, tier_field_check, webhook_url, webhook_secret
         FROM complaint_settings WHERE tenant_id = $1",
    )
    .bind(tenant.as_str())
    .fetch_optional(conn)
    .await?;
    let days = |it: i64| u32::try_from(it).map_err(|_| StoreError::corrupt("complaint_settings", it.to_string()));
    Ok(match row {
        None => ComplaintSettings::default(),
        Some((simple, no_field_check, field_check, webhook_url, webhook_secret)) => ComplaintSettings {
            tiers: Tiers {
                simple: days(simple)?,
                no_field_check: days(no_field_check)?,
                field_check: days(field_check)?,
            },
            webhook_url,
            webhook_secret,
        },
    })
}

/// Settings as typed.
#[derive(Clone, Debug, Default)]
pub struct RawSettings {
    /// Working days, simple tier.
    pub tier_simple: String,
    /// Working days, no field check.
    pub tier_no_field_check: String,
    /// Working days, field check.
    pub tier_field_check: String,
    /// Webhook address, empty for none.
    pub webhook_url: String,
    /// Webhook key; empty keeps the current one.
    pub webhook_secret: String,
}

fn parse(raw: &RawSettings, current: &ComplaintSettings) -> Result<ComplaintSettings, Vec<FieldProblem>> {
    let mut problems = Problems::default();
    let mut days = |field: &'static str, text: &str| match text.trim().parse::<u32>() {
        Ok(n) if Tiers::RANGE.contains(&n) => n,
        _ => {
            problems.add(field, Problem::OutOfRange { min: 1, max: 365 });
            0
        }
    };
    let tiers = Tiers {
        simple: days("tier_simple", &raw.tier_simple),
        no_field_check: days("tier_no_field_check", &raw.tier_no_field_check),
        field_check: days("tier_field_check", &raw.tier_field_check),
    };
    let url = raw.webhook_url.trim();
    let webhook_url = if url.is_empty() {
        None
    } else if (url.starts_with("https://") || url.starts_with("http://")) && url.len() <= 500 && !url.contains(' ') {
        Some(url.to_owned())
    } else {
        problems.add("webhook_url", Problem::Malformed { given: url.to_owned() });
        None
    };
    let secret = raw.webhook_secret.trim();
    let webhook_secret = match (secret.is_empty(), &webhook_url) {
        (_, None) => None,
        (true, Some(_)) => current.webhook_secret.clone(),
        (false, Some(_)) if secret.len() < 16 => {
            problems.add("webhook_secret", Problem::TooShort { min: 16 });
            None
        }
        (false, Some(_)) => Some(secret.to_owned()),
    };
    if webhook_url.is_some() && webhook_secret.is_none() && problems.is_empty() {
        problems.add("webhook_secret", Problem::Required);
    }
    problems.finish(|| ComplaintSettings { tiers, webhook_url, webhook_secret })
}

/// Saves the settings; the audit entry records the tiers and the address, never the key.
pub async fn save(cx: &ActionCx<'_>, raw: &RawSettings) -> Result<ComplaintSettings, StoreError> {
    let mut tx = cx.db.begin_write().await?;
    let before = load(&mut tx, cx.tenant).await?;
    let after = parse(raw, &before).map_err(StoreError::Invalid)?;
    sqlx::query("DELETE FROM complaint_settings WHERE tenant_id = $1")
        .bind(cx.tenant.as_str())
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO complaint_settings (tenant_id, tier_simple, tier_no_field_check, tier_field_check, webhook_url,
            webhook_secret, updated_at_ms) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(cx.tenant.as_str())
    .bind(i64::from(after.tiers.simple))
    .bind(i64::from(after.tiers.no_field_check))
    .bind(i64::from(after.tiers.field_check))
    .bind(after.webhook_url.as_deref())
    .bind(after.webhook_secret.as_deref())
    .bind(cx.now_ms())
    .execute(&mut *tx)
    .await?;
    let doc = |it: &ComplaintSettings| {
        json!({ "tiers": [it.tiers.simple, it.tiers.no_field_check, it.tiers.field_check], "webhook_url": it.webhook_url,
            "has_webhook_secret": it.webhook_secret.is_some() })
    };
    let change = Change {
        action: "complaint_settings.update",
        entity_type: "complaint_settings",
        entity_id: cx.tenant.as_str().to_owned(),
        before: Some(doc(&before)),
        after: Some(doc(&after)),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(after)
}
