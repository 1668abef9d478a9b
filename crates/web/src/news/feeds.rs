//! Polling RSS/Atom feeds: fetch each due feed, parse it (feed-rs), and take in every entry: its content when the
//! feed carries the article, else the linked page. An entry already stored (same address or text) is skipped, so
//! polling is idempotent; a feed that fails keeps its error for the feeds page and is tried again next interval.

use std::time::Duration;

use store::news::articles::{Origin, Saved};
use store::news::feeds::{self, Feed};
use store::{ActionCx, Actor, Db, IdSource};
use text::input::Format;

use super::fetch::{Fetcher, Reach};
use super::ingest::{self, Incoming};

/// Entries shorter than this are summaries: the linked page is fetched instead.
const SUMMARY_CHARS: usize = 600;

/// Outcome of one feed's poll.
#[derive(Clone, Debug)]
pub struct Polled {
    /// Feed title.
    pub title: String,
    /// New articles, or what went wrong.
    pub outcome: Result<i64, String>,
}

/// Polls every due feed once.
pub async fn poll_due(db: &Db, ids: &dyn IdSource, http: &Fetcher) -> Result<Vec<Polled>, store::StoreError> {
    let now = jiff::Timestamp::now();
    let due = {
        let mut conn = db.conn().await?;
        feeds::list_due(&mut conn, now.as_millisecond(), 50).await?
    };
    let mut out = Vec::new();
    for feed in due {
        let tenant = domain::ids::TenantId::new(feed.tenant_id.clone());
        let cx = ActionCx { db, tenant: &tenant, actor: Actor::System("news-feed"), now, ids };
        let outcome = poll_one(&cx, http, &feed).await;
        if let Err(err) = &outcome {
            tracing::warn!(feed = %feed.url, error = %err, "feed poll failed");
        }
        let mut conn = db.conn().await?;
        feeds::update_poll(&mut conn, &feed, now.as_millisecond(), outcome.clone()).await?;
        out.push(Polled { title: feed.title.clone(), outcome });
    }
    Ok(out)
}

/// Polls forever (in `pantau serve`), every minute.
pub async fn run_forever(db: Db, ids: std::sync::Arc<dyn IdSource + Send + Sync>, reach: Reach) {
    let http = Fetcher::new(reach);
    loop {
        if let Err(err) = poll_due(&db, ids.as_ref(), &http).await {
            tracing::warn!(error = %err, "feed polling failed");
        }
        tokio::time::sleep(Duration::from_secs(60)).await;
    }
}

async fn poll_one(cx: &ActionCx<'_>, http: &Fetcher, feed: &Feed) -> Result<i64, String> {
    let bytes = http.get(&feed.url).await.map_err(|err| err.to_string())?;
    let parsed = feed_rs::parser::parse(bytes.as_slice()).map_err(|err| format!("not an RSS/Atom feed: {err}"))?;
    let extractor = ingest::extractor(cx).await.map_err(|err| err.to_string())?;
    let mut new = 0;
    for entry in parsed.entries {
        let url = entry.links.first().map(|it| it.href.clone());
        let content = entry.content.as_ref().and_then(|it| it.body.clone());
        let summary = entry.summary.as_ref().map(|it| it.content.clone());
        let mut body = content.or(summary).unwrap_or_default();
        if body.chars().count() < SUMMARY_CHARS
            && let Some(page) = url.as_deref()
            && let Ok(bytes) = http.get(page).await
            && let Ok(text) = text::input::decode(&bytes)
        {
            body = text.to_owned();
        }
        if body.trim().is_empty() {
            continue;
        }
        let format = if body.trim_start().starts_with('<') { Format::Html } else { Format::detect("", &body) };
        let incoming = Incoming {
            body,
            format,
            title: entry.title.map(|it| it.content),
            published: entry.published.or(entry.updated).and_then(|it| it.date_naive().to_string().parse().ok()),
            origin: Origin { kind: "feed", source: feed.title.clone(), url },
        };
        match ingest::ingest(cx, &extractor, &incoming).await {
            Ok(Saved::New { .. }) => new += 1,
            Ok(Saved::Duplicate { .. }) | Err(store::StoreError::Invalid(_)) => {}
            Err(err) => return Err(err.to_string()),
        }
    }
    Ok(new)
}
