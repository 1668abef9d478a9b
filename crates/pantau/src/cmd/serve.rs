//! `pantau serve`: checks every setting, opens and migrates the database, loads the demo when asked, and serves.

use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;

use crate::cli::ServeArgs;
use crate::settings::web_config;

/// Serves until interrupted.
pub async fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    // Every setting is checked before the database is touched, so a typo never half-starts the server.
    let config = web_config(&args)?;
    let metrics_address = crate::settings::metrics_listen(&args)?;
    let outbox = crate::settings::outbox(&args, config.public_url.clone())?;
    let db = super::open_migrated(&args.database_url).await?;
    if args.demo && super::demo::load_if_empty(&db, &args.database_url).await? {
        tracing::info!("demo Pemda loaded");
    }
    if let Some(tenant) = &config.default_tenant {
        super::pick_tenant(&db, Some(tenant)).await.map_err(|_| {
            crate::settings::ConfigError(format!(
                "PANTAU_DEFAULT_TENANT / --default-tenant: no tenant {tenant:?} in the database"
            ))
        })?;
    }
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .with_context(|| format!("cannot listen on {} (PANTAU_LISTEN / --listen)", config.listen))?;
    let address = listener.local_addr()?;
    banner(&args, address);
    let reach = config.feeds_reach.clone();
    let public_url = config.public_url.clone();
    let app = web::App::new(db.clone(), config, Arc::new(web::RandomIds), jiff::Timestamp::now);
    let metrics = match metrics_address {
        Some(address) => Some(serve_metrics(app.clone(), address).await?),
        None => None,
    };
    let job = tokio::spawn(deadline_job(db.clone(), public_url));
    let sender = tokio::spawn(outbox.run_forever(db.clone(), std::time::Duration::from_secs(10)));
    let feeds = (!args.no_feed_polling)
        .then(|| tokio::spawn(web::news::feeds::run_forever(db.clone(), Arc::new(web::RandomIds), reach)));
    web::serve(app, listener).await.context("serving")?;
    job.abort();
    sender.abort();
    if let Some(metrics) = metrics {
        metrics.abort();
    }
    if let Some(feeds) = feeds {
        feeds.abort();
    }
    db.close().await;
    Ok(ExitCode::SUCCESS)
}

/// Serves `/metrics` alone on its own address, for Prometheus on the operators' network.
async fn serve_metrics(
    app: web::App,
    address: std::net::SocketAddr,
) -> anyhow::Result<tokio::task::JoinHandle<std::io::Result<()>>> {
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .with_context(|| format!("cannot listen on {address} (PANTAU_METRICS_LISTEN / --metrics-listen)"))?;
    tracing::info!(%address, "metrics listening");
    let limits = app.config().connections;
    let router = web::metrics_router(app);
    Ok(tokio::spawn(web::serve_router(router, listener, limits, std::future::pending())))
}

#[allow(clippy::print_stdout)] // The start-up banner is for the person who started the server.
fn banner(args: &ServeArgs, address: std::net::SocketAddr) {
    println!("Pantau berjalan di / is running at http://{address}/");
    println!("Basis data / database: {}", store::db::mask_url(&args.database_url));
    if args.demo {
        super::demo::print_accounts();
    }
    tracing::info!(%address, "listening");
}

/// Every minute: escalates items whose deadline passed and closes answered items the reporter left unanswered;
/// records who came on or left the watch list and escalates leaders' decisions whose plan is overdue; queues the
/// weekly digests once their week is due.
async fn deadline_job(db: store::Db, public_url: Option<String>) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(60));
    loop {
        tick.tick().await;
        match store::complaints::escalation::run(&db, &web::RandomIds, jiff::Timestamp::now()).await {
            Ok(report) if report.escalated + report.auto_closed > 0 => {
                tracing::info!(escalated = report.escalated, auto_closed = report.auto_closed, "deadline job");
            }
            Ok(_) => {}
            Err(err) => tracing::warn!(error = %err, "deadline job failed; retrying next minute"),
        }
        match store::scorecards::sweep::run(&db, &web::RandomIds, jiff::Timestamp::now()).await {
            Ok(report) if report != store::scorecards::sweep::SweepReport::default() => {
                tracing::info!(entered = report.entered, left = report.left, escalated = report.escalated, "watch job");
            }
            Ok(_) => {}
            Err(err) => tracing::warn!(error = %err, "watch job failed; retrying next minute"),
        }
        match web::scorecards::digest::send_weekly(&db, &web::RandomIds, jiff::Timestamp::now(), public_url.as_deref())
            .await
        {
            Ok(0) => {}
            Ok(queued) => tracing::info!(queued, "weekly digests queued"),
            Err(err) => tracing::warn!(error = %err, "digest job failed; retrying next minute"),
        }
    }
}
