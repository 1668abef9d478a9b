//! The signed JSON webhook, for WhatsApp and SMS gateways. The body is the queued JSON document; the signature is
//! HMAC-SHA256 over `<timestamp>.<body>` with the tenant's webhook secret, so a gateway can refuse forged and
//! replayed calls:
//!
//! `X-Pantau-Timestamp: <unix seconds>`, `X-Pantau-Signature: sha256=<hex>`, `X-Pantau-Event`, `X-Pantau-Delivery`.

use hmac::{Hmac, Mac};
use sha2::Sha256;
use store::complaints::deliveries::Delivery;

use super::Failure;

/// The signature header's value for a body sent at `timestamp`.
pub fn signature(secret: &str, timestamp: i64, body: &str) -> String {
    // HMAC accepts keys of any length, so this never fails.
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes any key length");
    mac.update(format!("{timestamp}.{body}").as_bytes());
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

/// Whether a failed answer is worth retrying: server errors, timeouts and rate limits are; other refusals are not.
fn retryable(status: reqwest::StatusCode) -> bool {
    status.is_server_error()
        || status == reqwest::StatusCode::REQUEST_TIMEOUT
        || status == reqwest::StatusCode::TOO_MANY_REQUESTS
}

/// Posts one notification.
pub async fn send(
    http: &reqwest::Client,
    delivery: &Delivery,
    secret: Option<&str>,
    now_secs: i64,
) -> Result<(), Failure> {
    let Some(secret) = secret.filter(|it| !it.is_empty()) else {
        return Err(Failure::permanent("no webhook secret is set in the complaint settings".to_owned()));
    };
    let response = http
        .post(&delivery.recipient)
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .header("X-Pantau-Timestamp", now_secs.to_string())
        .header("X-Pantau-Signature", signature(secret, now_secs, &delivery.payload))
        .header("X-Pantau-Event", &delivery.subject)
        .header("X-Pantau-Delivery", &delivery.id)
        .body(delivery.payload.clone())
        .send()
        .await
        .map_err(|err| Failure::transient(format!("webhook: {err}")))?;
    let status = response.status();
    if status.is_success() {
        return Ok(());
    }
    let reason = format!("webhook answered HTTP {status}");
    Err(if retryable(status) { Failure::transient(reason) } else { Failure::permanent(reason) })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_signature_is_hmac_sha256_of_timestamp_and_body() {
        // Checked against: printf '1763870400.{"a":1}' | openssl dgst -sha256 -hmac rahasia
        let value = super::signature("rahasia", 1_763_870_400, r#"{"a":1}"#);
        assert_eq!(value, "sha256=b2d9ac0de0a44038b953d345cb8c9641c46b63e3d37ab40872765a5aeca8d899");
        assert_ne!(value, super::signature("rahasia", 1_763_870_401, r#"{"a":1}"#));
    }
}
