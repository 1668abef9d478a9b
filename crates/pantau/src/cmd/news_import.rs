//! `pantau news import PATH…` and `pantau news poll`: files and feeds into a tenant's news inbox.

use std::path::PathBuf;
use std::process::ExitCode;

use store::news::articles::{Origin, Saved};
use store::{ActionCx, Actor};
use web::news::ingest::{self, Incoming};

use super::news_files::{self, Read};

/// Imports files; prints one line per article and a summary. Exit 1 when something was skipped.
#[allow(clippy::print_stdout)] // The per-file report is the command's output.
pub async fn run(paths: &[PathBuf], url: &str, tenant: Option<&str>) -> anyhow::Result<ExitCode> {
    let db = super::open_migrated(url).await?;
    let tenant = super::pick_tenant(&db, tenant).await?;
    let ids = web::RandomIds;
    let cx = ActionCx {
        db: &db,
        tenant: &tenant.id,
        actor: Actor::System("news-import"),
        now: jiff::Timestamp::now(),
        ids: &ids,
    };
    let extractor = ingest::extractor(&cx).await?;
    let (mut new, mut duplicate, mut skipped) = (0, 0, 0);
    for path in news_files::files(paths)? {
        for read in news_files::read(&path) {
            let item = match read {
                Read::Item(item) => item,
                Read::Skipped(name, skip) => {
                    println!("{name}: skipped: {skip}");
                    skipped += 1;
                    continue;
                }
            };
            let source = path.file_name().map_or_else(|| item.name.clone(), |it| it.to_string_lossy().into_owned());
            let incoming = Incoming {
                body: item.body.clone(),
                format: item.format,
                title: item.title.clone(),
                published: item.published,
                origin: Origin { kind: "file", source, url: item.url.clone() },
            };
            // Each article stamped when it is stored, as the pages and feeds do.
            let cx = ActionCx { now: jiff::Timestamp::now(), actor: Actor::System("news-import"), ..cx };
            match ingest::ingest(&cx, &extractor, &incoming).await {
                Ok(Saved::New { id, group_id, notified }) => {
                    new += 1;
                    let grouped = if group_id == id { String::new() } else { format!(", same event as {group_id}") };
                    println!("{}: new article {id}{grouped}, {notified} staff notified", item.name);
                }
                Ok(Saved::Duplicate { id }) => {
                    duplicate += 1;
                    println!("{}: already stored as {id}", item.name);
                }
                Err(store::StoreError::Invalid(_)) => {
                    skipped += 1;
                    println!("{}: skipped: no article text left after cleaning", item.name);
                }
                Err(err) => return Err(err.into()),
            }
        }
    }
    println!("{new} new, {duplicate} already stored, {skipped} skipped");
    db.close().await;
    Ok(if skipped > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Polls the due feeds once.
#[allow(clippy::print_stdout)] // The per-feed report is the command's output.
pub async fn poll(url: &str, reach: web::news::fetch::Reach) -> anyhow::Result<ExitCode> {
    let db = super::open_migrated(url).await?;
    let fetcher = web::news::fetch::Fetcher::new(reach);
    let polled = web::news::feeds::poll_due(&db, &web::RandomIds, &fetcher).await?;
    let mut failed = false;
    for feed in &polled {
        match &feed.outcome {
            Ok(new) => println!("{}: {new} new", feed.title),
            Err(err) => {
                failed = true;
                println!("{}: failed: {err}", feed.title);
            }
        }
    }
    if polled.is_empty() {
        println!("no feed is due");
    }
    db.close().await;
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
