//! `pantau import units` and `pantau export units`: the unit register as CSV or XLSX, through the same reader,
//! validation and all-or-nothing action as the upload page.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::{ExportArgs, ExportWhat, FileFormat, ImportArgs, ImportWhat};
use crate::settings::ConfigError;

/// Imports every row or none; prints every bad row and exits 1 when any is wrong.
#[allow(clippy::print_stdout)] // The outcome is the command's output.
pub async fn import(args: ImportArgs) -> anyhow::Result<ExitCode> {
    let (file, tenant, db) = match args.what {
        ImportWhat::Units { file, tenant, db } => (file, tenant, db),
        other => return super::discipline::import(other).await,
    };
    let bytes = std::fs::read(&file).map_err(|err| ConfigError(format!("cannot read {}: {err}", file.display())))?;
    let db = super::open_migrated(&db.database_url).await?;
    let tenant = super::pick_tenant(&db, tenant.as_deref()).await?;
    let name = file.display().to_string();
    let outcome = match web::units_file::import_rows(&name, &bytes, &tenant) {
        Ok(rows) => {
            let cx = store::ActionCx {
                db: &db,
                tenant: &tenant.id,
                actor: store::Actor::System("cli-import"),
                now: jiff::Timestamp::now(),
                ids: &web::RandomIds,
            };
            match store::org::actions::import_units(&cx, rows).await {
                Err(store::StoreError::Refused(store::Refusal::Rows(problems))) => {
                    Err(web::units_file::Refusal::Rows(problems))
                }
                done => Ok(done?),
            }
        }
        Err(refusal) => Err(refusal),
    };
    db.close().await;
    match outcome {
        Ok(done) => {
            println!(
                "{}: {} created, {} updated, {} unchanged",
                file.display(),
                done.n_created,
                done.n_updated,
                done.n_unchanged
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(refusal) => {
            println!("{}: nothing imported", file.display());
            for line in web::units_file::refusal_messages(web::Lang::En, &refusal) {
                println!("  {line}");
            }
            Ok(ExitCode::FAILURE)
        }
    }
}

/// Writes the register, parents before children.
pub async fn export(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let ExportWhat::Units { format, output, tenant, db } = args.what;
    let db = super::open_migrated(&db.database_url).await?;
    let tenant = super::pick_tenant(&db, tenant.as_deref()).await?;
    let mut conn = db.conn().await?;
    let units = store::org::queries::list_units(&mut conn, &tenant.id).await?;
    drop(conn);
    db.close().await;
    let units = web::units_file::in_tree_order(units);
    let bytes = match format {
        FileFormat::Csv => web::units_file::write_csv(&units).context("writing CSV")?,
        FileFormat::Xlsx => web::units_file::write_xlsx(&units).context("writing XLSX")?,
    };
    match (output, format) {
        (Some(path), _) => std::fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))?,
        (None, FileFormat::Csv) => std::io::stdout().lock().write_all(&bytes).context("writing to standard output")?,
        (None, FileFormat::Xlsx) => {
            return Err(ConfigError("an XLSX export needs --output FILE".to_owned()).into());
        }
    }
    Ok(ExitCode::SUCCESS)
}
