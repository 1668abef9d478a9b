//! `pantau receipt verify`: checks a receipt offline with the tenant's public key.

use std::process::ExitCode;

use domain::complaints::receipt;

use crate::cli::{ReceiptArgs, ReceiptCommand};

/// Runs a receipt subcommand.
#[allow(clippy::print_stdout, clippy::print_stderr)] // The verdict is the command's output.
pub fn run(args: &ReceiptArgs) -> anyhow::Result<ExitCode> {
    match &args.command {
        ReceiptCommand::Verify { receipt: given, public_key } => {
            // A path that exists is read; anything else is taken as the receipt text itself.
            let text = match std::fs::read_to_string(given) {
                Ok(content) => content,
                Err(_) => given.clone(),
            };
            match receipt::verify(&text, public_key) {
                Ok(payload) => {
                    // The keys of the signed payload itself (t, n, k, at, u, d), as docs/COMPLAINTS.md lists them.
                    let mut shown = serde_json::json!({
                        "t": payload.tenant, "n": payload.number, "k": payload.kind, "at": payload.received_at,
                        "d": payload.text_digest,
                    });
                    if let Some(unit) = payload.unit {
                        shown["u"] = serde_json::Value::String(unit);
                    }
                    println!("{}", serde_json::to_string_pretty(&shown)?);
                    Ok(ExitCode::SUCCESS)
                }
                Err(err) => {
                    eprintln!("receipt NOT valid: {err}");
                    Ok(ExitCode::from(1))
                }
            }
        }
    }
}
