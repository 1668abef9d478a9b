//! `pantau setup`: registers a new Pemda (tenant) and its first administrator, in one transaction, so that a real
//! installation needs no demo data.

use std::io::BufRead;
use std::process::ExitCode;

use domain::org::RawTenant;
use domain::people::RawUser;

use crate::cli::SetupArgs;
use crate::settings::ConfigError;

/// Validates every field first, then writes the tenant and the account together; prints what was created.
#[allow(clippy::print_stdout)] // The outcome is the command's output.
pub async fn run(args: SetupArgs) -> anyhow::Result<ExitCode> {
    let tenant_id = domain::org::check_tenant_id(&args.id).map_err(|_| {
        ConfigError(format!("--id must be 3 to 40 lower-case letters, digits or '-', got {:?}", args.id))
    })?;
    let password = admin_password()?;
    let raw_tenant = RawTenant {
        name: args.name,
        level: args.level,
        region_code: args.region_code,
        zone: args.zone,
        host: args.host.unwrap_or_default(),
    };
    let raw_admin = RawUser {
        username: args.admin_username,
        display_name: args.admin_display_name,
        email: args.admin_email.unwrap_or_default(),
        password,
        is_active: "ya".to_owned(),
        grants: vec![("administrator".to_owned(), String::new())],
    };
    let mut problems: Vec<String> = Vec::new();
    let tenant = raw_tenant.parse().map_err(|found| problems.extend(describe("", &found))).ok();
    let admin = raw_admin.parse(true).map_err(|found| problems.extend(describe("admin-", &found))).ok();
    let (Some(tenant), Some(admin)) = (tenant, admin) else {
        return Err(ConfigError(format!("nothing was created:\n  {}", problems.join("\n  "))).into());
    };
    let db = super::open_migrated(&args.db.database_url).await?;
    let cx = store::ActionCx {
        db: &db,
        tenant: &tenant_id,
        actor: store::Actor::System("setup"),
        now: jiff::Timestamp::now(),
        ids: &web::RandomIds,
    };
    let installed = store::org::actions::install(&cx, tenant, admin).await;
    db.close().await;
    match installed {
        Ok((tenant, admin)) => {
            println!("created tenant {} ({}) with administrator {}", tenant.id, tenant.name, admin.username);
            println!("start the server with `pantau serve` and sign in at /masuk");
            Ok(ExitCode::SUCCESS)
        }
        Err(store::StoreError::Duplicate) => Err(ConfigError(format!(
            "a tenant with id {:?} or the same --host already exists; nothing was created",
            tenant_id.as_str()
        ))
        .into()),
        Err(other) => Err(other.into()),
    }
}

/// The administrator's password: from `PANTAU_ADMIN_PASSWORD`, else the first line of standard input. Never a
/// flag, because command lines are visible to every user of the machine.
fn admin_password() -> Result<String, ConfigError> {
    if let Ok(password) = std::env::var("PANTAU_ADMIN_PASSWORD") {
        return Ok(password);
    }
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|err| ConfigError(format!("cannot read the administrator's password from standard input: {err}")))?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

fn describe(prefix: &str, problems: &[domain::problems::FieldProblem]) -> Vec<String> {
    problems
        .iter()
        .map(|it| {
            // The account's password comes from PANTAU_ADMIN_PASSWORD or standard input, not from a flag.
            let flag = match it.field {
                "password" => "the administrator's password".to_owned(),
                field => format!("--{prefix}{}", field.replace('_', "-")),
            };
            format!("{flag}: {}", web::problem_message(web::Lang::En, &it.problem))
        })
        .collect()
}
