//! `pantau scorecard --period P`: every unit's figures as JSON or CSV, the same rows as the API and the pages;
//! `pantau scorecard rebuild`: the running sums recomputed from the items.

use std::io::Write;
use std::process::ExitCode;

use domain::scorecards::period::ScorePeriod;
use web::scorecards::{Scope, load};

use crate::cli::{CardFormat, CardScope, ScorecardArgs, ScorecardCommand, ScorecardShow};
use crate::settings::ConfigError;

/// Runs `pantau scorecard`.
pub async fn run(args: &ScorecardArgs) -> anyhow::Result<ExitCode> {
    match &args.command {
        Some(ScorecardCommand::Rebuild { tenant, db }) => rebuild(&db.database_url, tenant.as_deref()).await,
        None => show(&args.show).await,
    }
}

async fn show(args: &ScorecardShow) -> anyhow::Result<ExitCode> {
    let raw = args
        .period
        .as_deref()
        .ok_or_else(|| ConfigError("--period is required: 2026-11, 2026-T4, 2026-S2 or 2026".to_owned()))?;
    let period = ScorePeriod::parse(raw).ok_or_else(|| {
        ConfigError(format!("--period {raw:?}: a month 2026-11, a quarter 2026-T4, a half 2026-S2 or a year 2026"))
    })?;
    let db = super::open_migrated(&args.db.database_url).await?;
    let tenant = super::pick_tenant(&db, args.tenant.as_deref()).await?;
    let as_of = match &args.as_of {
        Some(raw) => raw.parse().map_err(|_| ConfigError(format!("--as-of {raw:?}: a date YYYY-MM-DD")))?,
        None => tenant.zone.local_date(jiff::Timestamp::now()),
    };
    let scope = match args.scope {
        CardScope::Unit => Scope::Unit,
        CardScope::Tree => Scope::Tree,
    };
    let cards = load(&db, &tenant.id, (period, as_of), scope, None).await?;
    let bytes = match args.format {
        CardFormat::Json => serde_json::to_vec_pretty(&cards.rows)?,
        CardFormat::Csv => web::scorecards::csv(&cards.rows)?,
    };
    db.close().await;
    let mut out = std::io::stdout().lock();
    out.write_all(&bytes)?;
    out.write_all(b"\n")?;
    Ok(ExitCode::SUCCESS)
}

/// Recomputes the sums of every tenant, or one.
#[allow(clippy::print_stdout)] // The counts are the command's output.
async fn rebuild(url: &str, only: Option<&str>) -> anyhow::Result<ExitCode> {
    let db = super::open_migrated(url).await?;
    let tenants = db.tenants().await?;
    for tenant in tenants.iter().filter(|it| only.is_none_or(|id| it.id.as_str() == id)) {
        let started = std::time::Instant::now();
        let done = store::scorecards::rebuild::rebuild(&db, &tenant.id).await?;
        println!(
            "tenant {}: scorecard sums of {} units recomputed from {} items, {} reporter steps and {} articles, reviews \
             and cases in {:.1} s",
            tenant.id,
            done.units,
            done.items,
            done.steps,
            done.events,
            started.elapsed().as_secs_f64()
        );
    }
    db.close().await;
    Ok(ExitCode::SUCCESS)
}
