//! `pantau bench attendance`: a synthetic register of employees across the demo units, then a year of daily
//! attendance for each, imported file by file through `store::discipline::attendance::import` (row checks, the
//! writes in one transaction per file, the yearly totals and proposals), reported as rows per second. The
//! proposals are checked against what the generated absences must give, so a fast wrong answer fails.

use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use domain::discipline::employee::RawEmployee;
use domain::ids::TenantId;
use store::discipline::employees::ImportRow;
use store::{ActionCx, Actor, Refusal, StoreError};

/// What to generate.
pub struct Plan {
    /// Employees.
    pub employees: usize,
    /// Weekdays per employee.
    pub days: usize,
    /// Employees per file.
    pub per_file: usize,
}

const YEAR: i16 = 2025;

/// A PNS NIP of the right shape, unique for `n` below 18 million.
fn nip(n: usize) -> String {
    let born = jiff::civil::date(1970, 1, 1).checked_add(jiff::Span::new().days(i64::try_from(n / 2000).unwrap_or(0)));
    let born = born.unwrap_or(jiff::civil::date(1970, 1, 1));
    format!("{}201001{}{:03}", born.strftime("%Y%m%d"), (n / 1000) % 2 + 1, n % 1000)
}

/// The status of employee `n` on weekday `d`: every 50th employee is away without leave on 12 weekdays,
/// one day apart (a sedang proposal; no run of 10), every 7th takes two days of leave, the rest are present.
fn status(n: usize, d: usize) -> &'static str {
    match (n % 50, n % 7, d) {
        (0, _, 30..=52) if d.is_multiple_of(2) => "tanpa keterangan",
        (_, 0, 60 | 61) => "cuti",
        (_, _, 100) if n.is_multiple_of(3) => "sakit",
        _ => "hadir",
    }
}

fn weekdays(count: usize) -> Vec<String> {
    let mut out = Vec::with_capacity(count);
    let mut day = jiff::civil::date(YEAR, 1, 1);
    while out.len() < count && day.year() == YEAR {
        if day.weekday().to_monday_one_offset() <= 5 {
            out.push(day.to_string());
        }
        day = day.tomorrow().unwrap_or(day);
    }
    out
}

async fn register(cx: &ActionCx<'_>, plan: &Plan) -> anyhow::Result<()> {
    let data = cx.db.tenant_data(cx.tenant).await?;
    let units: Vec<String> = data.units.iter().map(|it| it.draft.code.clone()).collect();
    let rows = (0..plan.employees)
        .map(|n| ImportRow {
            row: n + 2,
            raw: RawEmployee {
                nip: nip(n),
                name: format!("Pegawai Uji {n:05}"),
                status: "pns".into(),
                grade: "III/a".into(),
                position: "Pengadministrasi Umum".into(),
                position_type: "pelaksana".into(),
                unit_code: units[n % units.len()].clone(),
                superior_nip: String::new(),
            },
            account: String::new(),
        })
        .collect();
    match store::discipline::employees::import(cx, rows).await {
        Err(StoreError::Refused(Refusal::Rows(problems))) => {
            anyhow::bail!("generated register refused: {:?}", problems.first())
        }
        done => done?,
    };
    Ok(())
}

/// Runs the benchmark and prints the figures.
#[allow(clippy::print_stdout, clippy::cast_precision_loss)] // The figures are the command's output.
pub async fn run(database_url: Option<String>, plan: Plan) -> anyhow::Result<ExitCode> {
    let scratch = tempfile::tempdir().context("creating a scratch folder")?;
    let (url, db) = super::bench::scratch_db(database_url, &scratch).await?;
    let tenant = TenantId::new(store::demo::DEMO_TENANT);
    let cx = ActionCx {
        db: &db,
        tenant: &tenant,
        actor: Actor::System("bench"),
        now: jiff::Timestamp::now(),
        ids: &web::RandomIds,
    };
    println!(
        "pantau bench attendance · {} · {} employees × {} weekdays of {YEAR}",
        store::db::mask_url(&url),
        plan.employees,
        plan.days
    );
    let started = Instant::now();
    register(&cx, &plan).await?;
    println!("register import:                   {:>8.1} s", started.elapsed().as_secs_f64());
    let mut conn = db.conn().await?;
    let rules = store::discipline::rules::load(&mut conn, &tenant).await?;
    drop(conn);
    let days = weekdays(plan.days);
    let (mut rows_done, mut busy) = (0usize, 0.0f64);
    for first in (0..plan.employees).step_by(plan.per_file.max(1)) {
        let last = (first + plan.per_file.max(1)).min(plan.employees);
        let rows: Vec<[String; 3]> = (first..last)
            .flat_map(|n| days.iter().enumerate().map(move |(d, day)| [nip(n), day.clone(), status(n, d).to_owned()]))
            .collect();
        let started = Instant::now();
        let outcome = store::discipline::attendance::import(&cx, &rules, YEAR, "bench", &rows).await;
        busy += started.elapsed().as_secs_f64();
        let outcome = match outcome {
            Err(StoreError::Refused(Refusal::AttendanceRows(problems))) => {
                anyhow::bail!("generated attendance refused: {:?}", problems.first())
            }
            done => done?,
        };
        rows_done += outcome.n_rows;
    }
    let mut conn = db.conn().await?;
    let proposals = store::discipline::attendance::list_proposals(&mut conn, &tenant, i64::from(YEAR)).await?;
    let expected = (0..plan.employees).filter(|n| n % 50 == 0).count();
    let right = proposals.iter().filter(|it| it.days == 12 && it.sanction.as_deref() == Some("potong_tukin_6")).count();
    println!("attendance rows imported:          {rows_done:>8}");
    println!("import + threshold evaluation:     {busy:>8.1} s");
    println!("rows per second:                   {:>8.0}", rows_done as f64 / busy.max(f64::EPSILON));
    println!("proposals (12 days → potong_tukin_6): {right} of {expected} expected, {} in all", proposals.len());
    db.close().await;
    if right != expected || proposals.len() != expected {
        println!("FAILED: the proposals do not match the generated absences");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}
