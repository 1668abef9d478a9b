//! `pantau receipt verify`: a genuine receipt prints its content; an altered one or a wrong key exits 1.

use domain::complaints::receipt::{ReceiptPayload, public_key_hex, sign, signing_key, text_digest};

use crate::{pantau, stderr, stdout};

fn payload() -> ReceiptPayload {
    ReceiptPayload {
        tenant: "tangsel".into(),
        number: "SRT-2026-000007".into(),
        kind: "surat_masuk".into(),
        received_at: "2026-03-16T09:00:00+07:00".into(),
        unit: Some("DPMPTSP".into()),
        text_digest: text_digest("Permohonan audiensi"),
    }
}

#[test]
fn a_genuine_receipt_verifies_from_text_or_file_and_a_forged_one_does_not() {
    let key = signing_key(&[3; 32]);
    let text = sign(&payload(), &key);
    let public = public_key_hex(&key);
    let output = pantau(&["receipt", "verify", &text, "--public-key", &public]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("SRT-2026-000007"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("qr.txt");
    std::fs::write(&path, format!("https://pantau.example/verifikasi?r={text}\n")).unwrap();
    let output = pantau(&["receipt", "verify", path.to_str().unwrap_or_default(), "--public-key", &public]);
    assert!(output.status.success(), "{}", stderr(&output));
    let other = public_key_hex(&signing_key(&[4; 32]));
    let output = pantau(&["receipt", "verify", &text, "--public-key", &other]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("NOT valid"));
}
