//! `pantau bench intake`: how close complaint intake over HTTP comes to the database's own durable write rate, and
//! how fast it answers at a steady 200 requests per second. The server is the real router on a loopback socket,
//! with the per-address limits lifted (every request comes from 127.0.0.1); the baseline is
//! `store::bench::insert_one` on the same database.

use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;

use crate::cli::{BenchArgs, BenchCommand};

/// Targets of the issue: HTTP intake at least half the raw insert rate; p99 under 50 ms at 200 requests/s.
const MIN_RATIO: f64 = 0.5;
const MAX_P99_MS: f64 = 50.0;

struct Plan {
    seconds: u64,
    rate: u32,
    clients: usize,
}

/// Runs the benchmark and prints the figures; exit 1 when a target is missed.
#[allow(clippy::print_stdout)] // The figures are the command's output.
pub async fn run(args: BenchArgs) -> anyhow::Result<ExitCode> {
    let (database_url, seconds, rate, clients) = match args.command {
        BenchCommand::Intake { database_url, seconds, rate, clients } => (database_url, seconds, rate, clients),
        BenchCommand::Skm { database_url, responses, units, periods, samples } => {
            let plan = super::bench_skm::Plan { responses, units, periods, samples };
            return super::bench_skm::run(database_url, plan).await;
        }
        BenchCommand::Scorecards { database_url, complaints, responses, units, months, samples } => {
            let plan = super::bench_scorecards::Plan { complaints, responses, units, months, samples };
            return super::bench_scorecards::run(database_url, plan).await;
        }
        BenchCommand::Attendance { database_url, employees, days, per_file } => {
            let plan = super::bench_attendance::Plan { employees, days, per_file };
            return super::bench_attendance::run(database_url, plan).await;
        }
        BenchCommand::News { articles, subset, skip_baseline } => {
            return tokio::task::spawn_blocking(move || super::bench_news::run(articles, subset, skip_baseline))
                .await?;
        }
    };
    let scratch = tempfile::tempdir().context("creating a scratch folder")?;
    let url = database_url.unwrap_or_else(|| format!("sqlite://{}", scratch.path().join("bench.db").display()));
    let plan = Plan { seconds: seconds.max(1), rate: rate.max(1), clients: clients.max(1) };
    let db = super::open_migrated(&url).await?;
    store::demo::load_if_empty(&db, &web::RandomIds, jiff::Timestamp::now()).await?;
    println!("pantau bench intake · {} · {} s per phase", store::db::mask_url(&url), plan.seconds);

    let raw_rate = raw_inserts(&db, plan.seconds).await?;
    println!("raw durable single-row inserts:   {raw_rate:>8.1} /s");
    let (base, server) = start_server(db.clone()).await?;
    let client = reqwest::Client::builder().pool_max_idle_per_host(plan.clients * 2).build()?;
    // The steady rate is measured before the saturating phase, whose thousands of writes leave the database
    // checkpointing and vacuuming for a while afterwards.
    let latency = steady(&client, &base, &plan).await?;
    println!(
        "latency at {} req/s:              p50 {:.1} ms · p99 {:.1} ms · max {:.1} ms · {} sent, {} failed",
        plan.rate, latency.p50, latency.p99, latency.max, latency.sent, latency.failed
    );
    let http_rate = sustained(&client, &base, &plan).await?;
    let ratio = http_rate / raw_rate;
    println!("HTTP submissions ({:>2} clients):    {http_rate:>8.1} /s   ratio {:.0}%", plan.clients, ratio * 100.0);
    server.abort();
    db.close().await;
    let ok = ratio >= MIN_RATIO && latency.p99 < MAX_P99_MS && latency.failed == 0;
    println!("targets (ratio ≥ 50%, p99 < 50 ms, no failures): {}", if ok { "met" } else { "MISSED" });
    Ok(if ok { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

async fn raw_inserts(db: &store::Db, seconds: u64) -> anyhow::Result<f64> {
    store::bench::prepare(db).await?;
    let payload = "x".repeat(600);
    let started = Instant::now();
    let mut n: i64 = 0;
    while started.elapsed() < Duration::from_secs(seconds) {
        n += 1;
        store::bench::insert_one(db, n, &payload).await?;
    }
    let rate = n as f64 / started.elapsed().as_secs_f64();
    store::bench::finish(db).await?;
    Ok(rate)
}

/// The database a benchmark runs on (a scratch SQLite file in `scratch` when no URL is given), migrated, with the
/// demo Pemda loaded when it is empty; returns the URL too, for the report.
pub(super) async fn scratch_db(
    database_url: Option<String>,
    scratch: &tempfile::TempDir,
) -> anyhow::Result<(String, store::Db)> {
    let url = database_url.unwrap_or_else(|| format!("sqlite://{}", scratch.path().join("bench.db").display()));
    let db = super::open_migrated(&url).await?;
    store::demo::load_if_empty(&db, &web::RandomIds, jiff::Timestamp::now()).await?;
    Ok((url, db))
}

pub(super) async fn start_server(db: store::Db) -> anyhow::Result<(String, tokio::task::JoinHandle<()>)> {
    let config = web::WebConfig {
        public_rate_per_minute: u32::MAX,
        general_rate_per_second: u32::MAX,
        // Every bench client connects from loopback.
        connections: web::ConnectionLimits { per_address: 0, ..web::ConnectionLimits::default() },
        ..web::WebConfig::for_tests()
    };
    let app = web::App::new(db, config, Arc::new(web::RandomIds), jiff::Timestamp::now);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    let handle = tokio::spawn(async move {
        if let Err(err) = web::serve(app, listener).await {
            tracing::error!(error = %err, "bench server stopped");
        }
    });
    Ok((base, handle))
}

static SEQ: AtomicU64 = AtomicU64::new(0);

/// One submission; true when the receipt came back.
async fn submit(client: &reqwest::Client, base: &str) -> bool {
    let n = SEQ.fetch_add(1, Ordering::Relaxed);
    let body = serde_json::json!({
        "kind": "pengaduan", "category": "perizinan", "unit": "DPMPTSP", "confidentiality": "publik",
        "title": format!("Uji beban laporan {n}"),
        "body": format!("Pengujian kecepatan penerimaan laporan nomor {n}: loket izin tutup sebelum jam layanan."),
        "name": "Penguji Beban", "contact": format!("penguji{n}@contoh.id"),
    });
    let sent = client.post(format!("{base}/api/v1/complaints")).json(&body).send().await;
    sent.is_ok_and(|it| it.status() == reqwest::StatusCode::CREATED)
}

async fn sustained(client: &reqwest::Client, base: &str, plan: &Plan) -> anyhow::Result<f64> {
    let deadline = Instant::now() + Duration::from_secs(plan.seconds);
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..plan.clients {
        let (client, base) = (client.clone(), base.to_owned());
        tasks.spawn(async move {
            let mut done = 0u64;
            while Instant::now() < deadline {
                done += u64::from(submit(&client, &base).await);
            }
            done
        });
    }
    let mut total = 0u64;
    while let Some(done) = tasks.join_next().await {
        total += done?;
    }
    Ok(total as f64 / started.elapsed().as_secs_f64())
}

struct Latency {
    p50: f64,
    p99: f64,
    max: f64,
    sent: usize,
    failed: usize,
}

/// Requests on a fixed schedule, each timed from its send to its answer.
async fn steady(client: &reqwest::Client, base: &str, plan: &Plan) -> anyhow::Result<Latency> {
    let mut tick = tokio::time::interval(Duration::from_secs(1) / plan.rate);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
    let total = u64::from(plan.rate) * plan.seconds;
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..total {
        tick.tick().await;
        let (client, base) = (client.clone(), base.to_owned());
        tasks.spawn(async move {
            let started = Instant::now();
            let ok = submit(&client, &base).await;
            (ok, started.elapsed().as_secs_f64() * 1000.0)
        });
    }
    let mut times = Vec::new();
    let mut failed = 0;
    while let Some(result) = tasks.join_next().await {
        let (ok, ms) = result?;
        failed += usize::from(!ok);
        times.push(ms);
    }
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times.get(((times.len() as f64 - 1.0) * q).round() as usize).copied().unwrap_or(0.0);
    Ok(Latency { p50: at(0.50), p99: at(0.99), max: at(1.0), sent: times.len(), failed })
}
