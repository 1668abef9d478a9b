//! `pantau import employees` and `pantau import attendance`: the same readers, checks and all-or-nothing actions as
//! the upload pages; every bad row printed, exit 1 when anything is refused.

use std::process::ExitCode;

use store::{Refusal, StoreError};

use crate::cli::ImportWhat;
use crate::settings::ConfigError;

fn context<'a>(db: &'a store::Db, tenant: &'a domain::ids::TenantId) -> store::ActionCx<'a> {
    store::ActionCx {
        db,
        tenant,
        actor: store::Actor::System("cli-import"),
        now: jiff::Timestamp::now(),
        ids: &web::RandomIds,
    }
}

/// Imports a register or an attendance file.
#[allow(clippy::print_stdout)] // The outcome is the command's output.
pub async fn import(what: ImportWhat) -> anyhow::Result<ExitCode> {
    let (file, year, tenant, db) = match what {
        ImportWhat::Employees { file, tenant, db } => (file, None, tenant, db),
        ImportWhat::Attendance { file, year, tenant, db } => (file, Some(year), tenant, db),
        ImportWhat::Units { .. } => unreachable!("units are imported by cmd::units"),
    };
    let bytes = std::fs::read(&file).map_err(|err| ConfigError(format!("cannot read {}: {err}", file.display())))?;
    let db = super::open_migrated(&db.database_url).await?;
    let tenant = super::pick_tenant(&db, tenant.as_deref()).await?;
    let name = file.display().to_string();
    let files = web::discipline_files::employee_rows;
    let lang = web::Lang::En;
    let outcome: Result<String, Vec<String>> = match year {
        None => match files(&name, &bytes) {
            Ok(rows) => match store::discipline::employees::import(&context(&db, &tenant.id), rows).await {
                Ok(it) => {
                    Ok(format!("{} created, {} updated, {} unchanged", it.n_created, it.n_updated, it.n_unchanged))
                }
                Err(StoreError::Refused(Refusal::Rows(problems))) => {
                    Err(web::discipline_files::employee_messages(lang, &problems))
                }
                Err(err) => return Err(err.into()),
            },
            Err(problem) => Err(web::discipline_files::file_messages(lang, &problem)),
        },
        Some(year) => match web::discipline_files::attendance_rows(&name, &bytes) {
            Ok(rows) => {
                let mut conn = db.conn().await?;
                let rules = store::discipline::rules::load(&mut conn, &tenant.id).await?;
                drop(conn);
                match store::discipline::attendance::import(&context(&db, &tenant.id), &rules, year, &name, &rows).await
                {
                    Ok(it) => Ok(proposals(&db, &tenant.id, year, &it).await?),
                    Err(StoreError::Refused(Refusal::AttendanceRows(problems))) => {
                        Err(web::discipline_files::attendance_messages(lang, &problems))
                    }
                    Err(err) => return Err(err.into()),
                }
            }
            Err(problem) => Err(web::discipline_files::file_messages(lang, &problem)),
        },
    };
    db.close().await;
    match outcome {
        Ok(summary) => {
            println!("{}: {summary}", file.display());
            Ok(ExitCode::SUCCESS)
        }
        Err(problems) => {
            println!("{}: nothing imported", file.display());
            for line in problems {
                println!("  {line}");
            }
            Ok(ExitCode::FAILURE)
        }
    }
}

async fn proposals(
    db: &store::Db,
    tenant: &domain::ids::TenantId,
    year: i16,
    done: &store::discipline::attendance::Outcome,
) -> anyhow::Result<String> {
    let mut conn = db.conn().await?;
    let found = store::discipline::attendance::list_proposals(&mut conn, tenant, i64::from(year)).await?;
    let mut out = format!("{} rows of {} employees stored; proposals for {year}:", done.n_rows, done.n_employees);
    for it in found {
        let sanction = it.sanction.unwrap_or_default();
        out.push_str(&format!(
            "\n  {} {} — {} days, longest run {} → {sanction}",
            it.nip, it.name, it.days, it.longest_run
        ));
    }
    Ok(out)
}
