//! `pantau demo`: loads the demo Pemda into an empty database and prints its accounts.

use std::process::ExitCode;

use crate::cli::DbArgs;

/// Loads the demo data when the database has no tenant; says so either way.
pub async fn run(args: DbArgs) -> anyhow::Result<ExitCode> {
    let db = super::open_migrated(&args.database_url).await?;
    let loaded = store::demo::load_full_if_empty(&db, &web::RandomIds, jiff::Timestamp::now()).await?;
    if loaded {
        print_accounts();
    } else {
        tracing::warn!("the database already holds a tenant; demo data not loaded");
    }
    db.close().await;
    Ok(ExitCode::SUCCESS)
}

/// Prints the demo accounts and their shared password.
#[allow(clippy::print_stdout)] // The accounts are the command's output.
pub fn print_accounts() {
    println!("Akun demo (kata sandi / password: {}):", store::demo::DEMO_PASSWORD);
    for account in store::demo::DEMO_ACCOUNTS {
        let scope = account.unit_code.map(|it| format!(" ({it})")).unwrap_or_default();
        println!("  {:<18} {}{scope}", account.username, account.role);
    }
}
