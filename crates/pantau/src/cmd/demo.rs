//! `pantau demo`: loads the demo Pemda into an empty database and prints its accounts.

use std::process::ExitCode;

use crate::cli::DemoArgs;

/// Loads the demo data when the database has no tenant; says so either way.
pub async fn run(args: DemoArgs) -> anyhow::Result<ExitCode> {
    let url = &args.db.database_url;
    let db = super::open_migrated(url).await?;
    let loaded = if args.without_history {
        store::demo::load_if_empty(&db, &web::RandomIds, jiff::Timestamp::now()).await?
    } else {
        load_if_empty(&db, url).await?
    };
    if loaded {
        print_accounts();
    } else {
        tracing::warn!("the database already holds a tenant; demo data not loaded");
    }
    db.close().await;
    Ok(ExitCode::SUCCESS)
}

/// Loads the demo Pemda with its year of history when the database holds no tenant. The load runs about 7 000 small
/// transactions; they go through a second handle whose commits do not each wait for the disk, and `db` (durable)
/// then makes them durable. An in-memory SQLite database has no second handle, so it loads through `db`.
pub async fn load_if_empty(db: &store::Db, database_url: &str) -> anyhow::Result<bool> {
    let now = jiff::Timestamp::now();
    if database_url.contains(":memory:") {
        return Ok(store::demo::load_full_if_empty(db, &web::RandomIds, now).await?);
    }
    let bulk = store::Db::connect_with(database_url, store::Durability::Deferred).await?;
    let loaded = store::demo::load_full_if_empty(&bulk, &web::RandomIds, now).await;
    bulk.close().await;
    let loaded = loaded?;
    db.flush().await?;
    Ok(loaded)
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
