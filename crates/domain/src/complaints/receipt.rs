//! Signed receipts: what the QR code of a receipt carries, so anyone holding the tenant's public key can check,
//! offline, that Pantau issued it and that nobody changed the number, date or unit printed on it.
//!
//! Text form (a boundary: docs/ARCHITECTURE.md): `PANTAU1.<base64url(JSON payload)>.<base64url(Ed25519 signature)>`.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};

const PREFIX: &str = "PANTAU1";

/// What a receipt asserts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReceiptPayload {
    /// Tenant id (`t` in the payload).
    pub tenant: String,
    /// Tracking number (`n`).
    pub number: String,
    /// Kind code (`k`).
    pub kind: String,
    /// When it was received, RFC 3339 with the unit's offset (`at`).
    pub received_at: String,
    /// The unit it was filed with, when known (`u`, left out when unknown).
    pub unit: Option<String>,
    /// The first 16 hex digits of SHA-256 of the text, so a receipt cannot be moved to another text (`d`).
    pub text_digest: String,
}

impl ReceiptPayload {
    /// The signed bytes: a JSON object with the keys in this order, written here rather than derived so that
    /// renaming a field can never change what receipts already printed say.
    fn encode(&self) -> Vec<u8> {
        let text = |value: &str| serde_json::Value::String(value.to_owned()).to_string();
        let mut out = format!(
            "{{\"t\":{},\"n\":{},\"k\":{},\"at\":{}",
            text(&self.tenant),
            text(&self.number),
            text(&self.kind),
            text(&self.received_at)
        );
        if let Some(unit) = &self.unit {
            out.push_str(&format!(",\"u\":{}", text(unit)));
        }
        out.push_str(&format!(",\"d\":{}}}", text(&self.text_digest)));
        out.into_bytes()
    }

    /// Reads the payload of a receipt whose signature already checked out.
    fn decode(json: &[u8]) -> Option<ReceiptPayload> {
        let value: serde_json::Value = serde_json::from_slice(json).ok()?;
        let field = |name: &str| value.get(name).and_then(serde_json::Value::as_str).map(str::to_owned);
        Some(ReceiptPayload {
            tenant: field("t")?,
            number: field("n")?,
            kind: field("k")?,
            received_at: field("at")?,
            unit: field("u"),
            text_digest: field("d")?,
        })
    }
}

/// Why a receipt text does not check out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReceiptError {
    /// Not a Pantau receipt at all.
    #[error("not a Pantau receipt")]
    Malformed,
    /// The key is not a valid Ed25519 public key.
    #[error("not a valid public key")]
    BadKey,
    /// Well-formed, but the signature does not match: forged or altered.
    #[error("signature does not match")]
    BadSignature,
}

/// A tenant's signing key from 32 secret bytes.
pub fn signing_key(secret: &[u8; 32]) -> SigningKey {
    SigningKey::from_bytes(secret)
}

/// The public key of a signing key, hex, as published.
pub fn public_key_hex(key: &SigningKey) -> String {
    hex::encode(key.verifying_key().to_bytes())
}

/// Signs a payload into the receipt text.
pub fn sign(payload: &ReceiptPayload, key: &SigningKey) -> String {
    let json = payload.encode();
    let signature = key.sign(&json);
    format!("{PREFIX}.{}.{}", URL_SAFE_NO_PAD.encode(&json), URL_SAFE_NO_PAD.encode(signature.to_bytes()))
}

/// Finds the receipt text inside what a person pasted: the text itself, a verification URL, or a file's content.
pub fn find_text(pasted: &str) -> Option<&str> {
    let start = pasted.find(&format!("{PREFIX}."))?;
    let rest = &pasted[start..];
    let end = rest
        .find(|it: char| !(it.is_ascii_alphanumeric() || it == '.' || it == '-' || it == '_'))
        .unwrap_or(rest.len());
    Some(&rest[..end])
}

/// Checks a receipt text against a public key (hex) and returns what it asserts.
pub fn verify(text: &str, public_key_hex: &str) -> Result<ReceiptPayload, ReceiptError> {
    let key_bytes: [u8; 32] =
        hex::decode(public_key_hex.trim()).ok().and_then(|it| it.try_into().ok()).ok_or(ReceiptError::BadKey)?;
    let key = VerifyingKey::from_bytes(&key_bytes).map_err(|_| ReceiptError::BadKey)?;
    let text = find_text(text).ok_or(ReceiptError::Malformed)?;
    let mut parts = text.split('.');
    let (Some(PREFIX), Some(body), Some(sig), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
        return Err(ReceiptError::Malformed);
    };
    let json = URL_SAFE_NO_PAD.decode(body).map_err(|_| ReceiptError::Malformed)?;
    let sig: [u8; 64] =
        URL_SAFE_NO_PAD.decode(sig).ok().and_then(|it| it.try_into().ok()).ok_or(ReceiptError::Malformed)?;
    key.verify(&json, &Signature::from_bytes(&sig)).map_err(|_| ReceiptError::BadSignature)?;
    ReceiptPayload::decode(&json).ok_or(ReceiptError::Malformed)
}

/// The digest that binds a receipt to its text.
pub fn text_digest(text: &str) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(text.as_bytes()))[..16].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn payload() -> ReceiptPayload {
        ReceiptPayload {
            tenant: "tangsel".into(),
            number: "ADU-2026-000042".into(),
            kind: "pengaduan".into(),
            received_at: "2026-03-16T09:00:00+07:00".into(),
            unit: Some("DPMPTSP".into()),
            text_digest: text_digest("Loket tutup pada jam layanan."),
        }
    }

    #[test]
    fn the_payload_keeps_the_byte_layout_receipts_were_printed_with() {
        let encoded = String::from_utf8(payload().encode()).expect("UTF-8");
        assert_eq!(
            encoded,
            r#"{"t":"tangsel","n":"ADU-2026-000042","k":"pengaduan","at":"2026-03-16T09:00:00+07:00","u":"DPMPTSP","d":"#
                .to_owned()
                + &format!("\"{}\"}}", payload().text_digest)
        );
        let without_unit = ReceiptPayload { unit: None, ..payload() };
        assert!(!String::from_utf8(without_unit.encode()).expect("UTF-8").contains("\"u\""));
    }

    #[test]
    fn a_signed_receipt_verifies_with_the_public_key_even_inside_a_url() {
        let key = signing_key(&[9; 32]);
        let text = sign(&payload(), &key);
        assert_eq!(verify(&text, &public_key_hex(&key)), Ok(payload()));
        let url = format!("https://pantau.example/verifikasi?r={text}&lang=id");
        assert_eq!(verify(&url, &public_key_hex(&key)), Ok(payload()));
    }

    #[test]
    fn altered_forged_or_garbled_receipts_are_refused() {
        let key = signing_key(&[9; 32]);
        let text = sign(&payload(), &key);
        let other = signing_key(&[8; 32]);
        assert_eq!(verify(&text, &public_key_hex(&other)), Err(ReceiptError::BadSignature));
        let mut altered = payload();
        altered.number = "ADU-2026-000043".into();
        let forged_body = sign(&altered, &other);
        let (_, sig) = text.rsplit_once('.').unwrap_or_default();
        let (head, _) = forged_body.rsplit_once('.').unwrap_or_default();
        assert_eq!(verify(&format!("{head}.{sig}"), &public_key_hex(&key)), Err(ReceiptError::BadSignature));
        assert_eq!(verify("PANTAU1.abc", &public_key_hex(&key)), Err(ReceiptError::Malformed));
        assert_eq!(verify("hello", &public_key_hex(&key)), Err(ReceiptError::Malformed));
        assert_eq!(verify(&text, "00"), Err(ReceiptError::BadKey));
    }
}
