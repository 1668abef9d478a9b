//! `pantau skm compute FILE.csv`: the index of a set of answers as JSON, computed by the same domain code as the
//! reports, so a published figure can be checked by anyone with the raw answers.

use std::process::ExitCode;

use domain::surveys::{ELEMENTS, Tally, elements, import};
use serde_json::json;

use crate::cli::{SkmArgs, SkmCommand};
use crate::settings::ConfigError;

/// Runs an SKM subcommand.
pub async fn run(args: &SkmArgs) -> anyhow::Result<ExitCode> {
    match &args.command {
        SkmCommand::Compute { file, not_applicable } => compute(file, not_applicable),
        SkmCommand::Rebuild { db, tenant } => rebuild(&db.database_url, tenant.as_deref()).await,
    }
}

/// Recomputes the totals of every tenant, or one.
#[allow(clippy::print_stdout)] // The counts are the command's output.
async fn rebuild(url: &str, only: Option<&str>) -> anyhow::Result<ExitCode> {
    let db = super::open_migrated(url).await?;
    let tenants = db.tenants().await?;
    for tenant in tenants.iter().filter(|it| only.is_none_or(|id| it.id.as_str() == id)) {
        let done = store::surveys::aggregates::rebuild(&db, &tenant.id).await?;
        println!(
            "tenant {}: totals of {} surveys recomputed from {} responses",
            tenant.id, done.surveys, done.responses
        );
    }
    db.close().await;
    Ok(ExitCode::SUCCESS)
}

/// Prints the computation; exit 2 with every bad row listed when the file is refused.
#[allow(clippy::print_stdout)] // The JSON is the command's output.
fn compute(file: &std::path::Path, not_applicable: &[String]) -> anyhow::Result<ExitCode> {
    let mut applicable = [true; 9];
    for code in not_applicable {
        let element = elements::find(code)
            .ok_or_else(|| ConfigError(format!("--not-applicable {code:?}: elements are u1 … u9")))?;
        applicable[ELEMENTS.iter().position(|it| it.code == element.code).unwrap_or(0)] = false;
    }
    let text =
        std::fs::read_to_string(file).map_err(|err| ConfigError(format!("cannot read {}: {err}", file.display())))?;
    let rows = import::read_csv(&text).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        ConfigError(format!("{} refused, nothing computed:\n  {}", file.display(), lines.join("\n  ")))
    })?;
    let mut tally = Tally::default();
    for row in &rows {
        tally.add(&row.answers)?;
    }
    let result = tally.ikm(&applicable);
    let elements: Vec<_> = ELEMENTS
        .iter()
        .enumerate()
        .map(|(n, element)| {
            let nrr = result.and_then(|it| it.nrr[n]);
            json!({
                "code": element.code, "name": element.name_id, "applicable": applicable[n],
                "answers": tally.count[n], "sum": tally.sum[n], "nrr": nrr, "nrr_display": nrr.map(|it| format!("{it:.2}")),
            })
        })
        .collect();
    let out = json!({
        "respondents": rows.len(),
        "elements": elements,
        "elements_used": result.map(|it| it.elements_used),
        "weight": result.map(|it| format!("1/{}", it.elements_used)),
        "ikm": result.map(|it| it.ikm),
        "ikm_display": result.map(|it| format!("{:.2}", it.ikm)),
        "ikm_converted": result.map(|it| it.converted),
        "ikm_converted_display": result.map(|it| it.display()),
        "category": result.map(|it| it.category.letter()),
        "category_name": result.map(|it| it.category.name_id()),
        "method": "PermenPANRB 14/2017: NRR = sum / answers per element; IKM = mean of the NRRs of the applicable, answered elements; converted = IKM × 25, rounded half up to 2 decimals for display and category (D < 65.00 ≤ C < 76.61 ≤ B < 88.31 ≤ A)",
    });
    println!("{}", serde_json::to_string_pretty(&out)?);
    Ok(ExitCode::SUCCESS)
}
