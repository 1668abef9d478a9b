//! `pantau open311 key create`: a new API key for an Open311 client, printed once; only its digest is stored.

use std::process::ExitCode;

use crate::cli::{Open311Args, Open311Command, Open311KeyCommand};
use crate::settings::ConfigError;

/// Creates the key and prints it on standard output.
#[allow(clippy::print_stdout)] // The key is the command's output.
pub async fn run(args: Open311Args) -> anyhow::Result<ExitCode> {
    let Open311Command::Key { command: Open311KeyCommand::Create { name, rate_per_minute, tenant, db } } = args.command;
    let db = super::open_migrated(&db.database_url).await?;
    let tenant = super::pick_tenant(&db, tenant.as_deref()).await?;
    let cx = store::ActionCx {
        db: &db,
        tenant: &tenant.id,
        actor: store::Actor::System("cli-open311"),
        now: jiff::Timestamp::now(),
        ids: &web::RandomIds,
    };
    let created = store::complaints::keys::create_api_key(&cx, &name, rate_per_minute).await;
    db.close().await;
    match created {
        Ok(key) => {
            println!("{key}");
            Ok(ExitCode::SUCCESS)
        }
        Err(store::StoreError::Invalid(problems)) => {
            let message =
                problems.iter().map(|it| web::problem_message(web::Lang::En, &it.problem)).collect::<Vec<_>>();
            let flag =
                if problems.iter().any(|it| it.field == "rate_per_minute") { "--rate-per-minute" } else { "--name" };
            Err(ConfigError(format!("{flag}: {}", message.join("; "))).into())
        }
        Err(err) => Err(err.into()),
    }
}
