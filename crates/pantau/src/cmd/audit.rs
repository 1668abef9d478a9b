//! `pantau audit verify`: recomputes every tenant's hash chain and names the first row that does not fit.

use std::process::ExitCode;

use crate::cli::{AuditAction, AuditArgs};

/// Verifies the chains; exit 1 when any is broken.
#[allow(clippy::print_stdout)] // The verdict is the command's output.
pub async fn run(args: AuditArgs) -> anyhow::Result<ExitCode> {
    let AuditAction::Verify { db, tenant } = args.action;
    let db = super::open_migrated(&db.database_url).await?;
    let only = tenant.map(domain::ids::TenantId::new);
    let reports = store::audit::verify(&db, only.as_ref()).await?;
    db.close().await;
    let mut broken = false;
    for report in &reports {
        match &report.outcome {
            Ok(verified) => println!(
                "ok      tenant {}: {} entries, chain intact, head {}",
                report.tenant, verified.n_entries, verified.head_hash
            ),
            Err(at) => {
                broken = true;
                println!("BROKEN  tenant {}: {}", report.tenant, web::break_message(web::Lang::En, at));
            }
        }
    }
    if reports.is_empty() {
        println!("no audit entries yet");
    }
    Ok(if broken { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
