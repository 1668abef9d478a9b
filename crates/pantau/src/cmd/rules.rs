//! `pantau rules absence | effective-date`: the discipline rules of PP 94/2021 (data/discipline.toml) as other tools
//! need them, computed by the same domain code as the case file.

use std::process::ExitCode;

use domain::discipline::{due, propose, shipped};
use serde_json::json;

use crate::cli::{RulesAction, RulesArgs};

/// Prints the rule's result.
#[allow(clippy::print_stdout)] // The JSON or the bare date is the command's output.
pub async fn run(args: RulesArgs) -> anyhow::Result<ExitCode> {
    let rules = shipped();
    match args.action {
        RulesAction::Absence { days, longest_run } => {
            let proposal = propose(rules, days, longest_run);
            let out = match proposal {
                Some(it) => json!({ "days": days, "longest_run": longest_run, "level": it.level.code(),
                    "sanction": it.sanction, "name": it.name, "reason": it.reason }),
                None => json!({ "days": days, "longest_run": longest_run, "level": null, "sanction": null }),
            };
            println!("{out}");
        }
        RulesAction::EffectiveDate { received, scope } => {
            let (calendar, zone) = super::calendar::calendar_of(&scope).await?;
            let received = super::calendar::parse_date(&received, zone, "RECEIVED")?;
            let deadline = due(rules, &calendar, "effective", received)
                .ok_or_else(|| crate::settings::ConfigError("the rules lack the `effective` deadline".to_owned()))?;
            println!("{}", deadline.date);
        }
    }
    Ok(ExitCode::SUCCESS)
}
