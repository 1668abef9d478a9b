//! `pantau migrate`: applies pending migrations, so upgrades can run them before the new server starts.

use std::process::ExitCode;

use crate::cli::DbArgs;

/// Runs the migrations and reports how many were applied.
pub async fn run(args: DbArgs) -> anyhow::Result<ExitCode> {
    let db = store::Db::connect(&crate::settings::database_url(&args.database_url)?)
        .await
        .map_err(|err| crate::settings::ConfigError(err.to_string()))?;
    let pending = db.pending_migrations().await?;
    db.migrate().await?;
    tracing::info!(applied = pending, database = %store::db::mask_url(&args.database_url), "schema is up to date");
    db.close().await;
    Ok(ExitCode::SUCCESS)
}
