//! `pantau calendar add-workdays | workdays`: the same working-day functions every deadline uses, printed bare so
//! scripts can use them.

use std::process::ExitCode;

use domain::calendar::{Calendar, CalendarRules, WorkWeek, Zone};
use jiff::civil::Date;

use crate::cli::{CalendarAction, CalendarArgs, CalendarScope};
use crate::settings::ConfigError;

/// Computes and prints one date or one count.
#[allow(clippy::print_stdout)] // The bare result is the command's output.
pub async fn run(args: CalendarArgs) -> anyhow::Result<ExitCode> {
    match args.action {
        CalendarAction::AddWorkdays { date, n, scope } => {
            let (calendar, zone) = calendar_of(&scope).await?;
            let start = parse_date(&date, zone, "DATE")?;
            warn_uncovered(&calendar, start);
            println!("{}", calendar.add_workdays(start, n));
        }
        CalendarAction::Workdays { from, to, scope } => {
            let (calendar, zone) = calendar_of(&scope).await?;
            let from = parse_date(&from, zone, "FROM")?;
            let to = parse_date(&to, zone, "TO")?;
            warn_uncovered(&calendar, from);
            warn_uncovered(&calendar, to);
            println!("{}", calendar.workdays_between(from, to));
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) async fn calendar_of(scope: &CalendarScope) -> anyhow::Result<(Calendar, Zone)> {
    let zone = Zone::parse(&scope.zone).map_err(|err| ConfigError(format!("--zone: {err}")))?;
    let Some(tenant) = &scope.tenant else {
        let rules = CalendarRules { work_week: WorkWeek::MONDAY_TO_FRIDAY, observes_cuti_bersama: true };
        return Ok((Calendar::new(domain::calendar::shipped(), &[], rules), zone));
    };
    let db = super::open_migrated(&scope.database_url).await?;
    let tenant = super::pick_tenant(&db, Some(tenant)).await?;
    let mut conn = db.conn().await?;
    let calendar = store::calendar::load_calendar(&mut conn, &tenant.id, None).await?;
    drop(conn);
    db.close().await;
    Ok((calendar, zone))
}

pub(crate) fn parse_date(raw: &str, zone: Zone, name: &str) -> Result<Date, ConfigError> {
    if raw.eq_ignore_ascii_case("today") {
        return Ok(zone.local_date(jiff::Timestamp::now()));
    }
    raw.parse().map_err(|_| ConfigError(format!("{name} must be a date YYYY-MM-DD or `today`, got {raw:?}")))
}

fn warn_uncovered(calendar: &Calendar, date: Date) {
    if !calendar.covers(date) {
        tracing::warn!(%date, covered = ?calendar.covered_years(), "no national holiday data for this year: only weekends and the tenant's own entries count");
    }
}
