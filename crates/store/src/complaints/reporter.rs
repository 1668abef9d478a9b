//! What the holder of a tracking number and its secret may open, and the receipt of an item.

use domain::calendar::Zone;
use domain::complaints::{receipt, tracking};
use domain::ids::TenantId;
use ed25519_dalek::SigningKey;

use super::{Item, queries};
use crate::{Conn, StoreError};

/// The item, when the secret matches its number (a split-off item opens with its original's secret).
pub async fn find_with_secret(
    conn: &mut Conn,
    tenant: &TenantId,
    number: &str,
    secret: &str,
) -> Result<Option<Item>, StoreError> {
    let Some(number) = tracking::normalise_number(number) else { return Ok(None) };
    let Some((item, digest)) = queries::find_by_number(conn, tenant, &number).await? else { return Ok(None) };
    let matches = match digest.strip_prefix("split-of:").and_then(|it| it.split_once(':')) {
        Some((original, original_digest)) => {
            tracking::secret_matches(tenant.as_str(), original, secret, original_digest)
        }
        None => tracking::secret_matches(tenant.as_str(), &number, secret, &digest),
    };
    Ok(matches.then_some(item))
}

/// The signed receipt text of an item, as its QR code carries it.
pub async fn load_receipt_text(conn: &mut Conn, tenant: &TenantId, item: &Item) -> Result<String, StoreError> {
    let row: Option<(String,)> = sqlx::query_as("SELECT secret_key FROM receipt_key WHERE tenant_id = $1")
        .bind(tenant.as_str())
        .fetch_optional(&mut *conn)
        .await?;
    let bytes: [u8; 32] = row
        .and_then(|(it,)| hex::decode(it).ok())
        .and_then(|it| it.try_into().ok())
        .ok_or_else(|| StoreError::corrupt("receipt_key", "missing or malformed key"))?;
    let zone = crate::org::queries::load_tenant(conn, tenant).await?.zone;
    let unit = match &item.reported_unit_id {
        Some(id) => Some(crate::org::queries::load_unit(conn, tenant, id).await?.draft.code),
        None => None,
    };
    Ok(sign(&receipt::signing_key(&bytes), tenant, zone, item, unit))
}

/// Signs an item's receipt: tenant, number, kind, time received in the tenant's zone, the unit named by the
/// reporter (its code), and a digest of the text.
pub fn sign(key: &SigningKey, tenant: &TenantId, zone: Zone, item: &Item, unit_code: Option<String>) -> String {
    let received = jiff::Timestamp::from_millisecond(item.received_at_ms).unwrap_or_default();
    let payload = receipt::ReceiptPayload {
        tenant: tenant.as_str().to_owned(),
        number: item.number.clone(),
        kind: item.kind.code().to_owned(),
        received_at: received.to_zoned(zone.time_zone()).strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
        unit: unit_code,
        text_digest: receipt::text_digest(&item.body),
    };
    receipt::sign(&payload, key)
}
