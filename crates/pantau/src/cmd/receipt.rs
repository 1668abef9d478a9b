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
                    println!("{}", serde_json::to_string_pretty(&payload)?);
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
