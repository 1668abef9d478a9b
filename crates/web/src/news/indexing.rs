//! Keeping the search index up with the database: before a search, each kind (news articles, complaints) is caught up
//! from its watermark, a page at a time, completing the last millisecond of each page so that rows stamped alike are
//! never skipped; when the index holds more documents than the database, or newer ones, the database was replaced or
//! restored under it and the tenant's part of that kind is rebuilt.

use domain::ids::TenantId;

use crate::app::App;
use crate::error::WebError;

/// Rows read from the database per round.
const BATCH: i64 = 2000;

fn failed(err: impl std::fmt::Display) -> WebError {
    WebError::BadRequest(err.to_string())
}

/// Brings a tenant's part of the index up to date; returns the documents written.
pub async fn catch_up(app: &App, tenant: &TenantId) -> Result<usize, WebError> {
    let _one_at_a_time = app.indexing().lock().await;
    Ok(catch_up_kind(app, tenant, "news").await? + catch_up_kind(app, tenant, "complaint").await?)
}

async fn catch_up_kind(app: &App, tenant: &TenantId, kind: &'static str) -> Result<usize, WebError> {
    let index = app.search();
    let (stored, newest) = {
        let mut conn = app.db().conn().await?;
        match kind {
            "news" => store::news::listing::count_and_newest(&mut conn, tenant).await?,
            _ => store::news::listing::count_complaints_and_newest(&mut conn, tenant).await?,
        }
    };
    let indexed = index.count(tenant.as_str(), kind).map_err(failed)?;
    if indexed > usize::try_from(stored).unwrap_or(usize::MAX) || index.watermark(tenant.as_str(), kind) > newest {
        tracing::warn!(tenant = %tenant.as_str(), kind, indexed, stored, "search index does not match the database; rebuilding");
        index.reset(tenant.as_str(), kind).map_err(failed)?;
    }
    let mut done = 0;
    loop {
        let since = index.watermark(tenant.as_str(), kind);
        let docs = read_page(app, tenant, kind, since).await?;
        if docs.is_empty() {
            return Ok(done);
        }
        done += docs.len();
        // Indexing is CPU work; off the async threads.
        let owned = app.clone();
        tokio::task::spawn_blocking(move || owned.search().upsert(&docs)).await.map_err(failed)?.map_err(failed)?;
    }
}

async fn read_page(app: &App, tenant: &TenantId, kind: &'static str, since: i64) -> Result<Vec<search::Doc>, WebError> {
    let mut conn = app.db().conn().await?;
    let doc = |id: String,
               title: String,
               body: String,
               date: String,
               categories: Vec<String>,
               units: Vec<String>,
               updated_ms: i64| {
        search::Doc {
            tenant: tenant.as_str().to_owned(),
            kind: kind.to_owned(),
            id,
            title,
            body,
            date,
            categories,
            units,
            updated_ms,
        }
    };
    if kind == "news" {
        let mut rows = store::news::listing::list_changed_since(&mut conn, tenant, since, BATCH).await?;
        if rows.len() == usize::try_from(BATCH).unwrap_or(usize::MAX) {
            let last = rows.last().map_or(since, |it| it.5);
            rows.retain(|it| it.5 != last);
            rows.extend(store::news::listing::list_changed_at(&mut conn, tenant, last).await?);
        }
        let ids: Vec<String> = rows.iter().map(|it| it.0.clone()).collect();
        let units = store::news::listing::list_units_of(&mut conn, tenant, &ids).await?;
        return Ok(rows
            .into_iter()
            .map(|(id, title, body, date, categories, updated)| {
                let linked = units.iter().filter(|(a, _)| *a == id).map(|(_, u)| u.clone()).collect();
                let categories = categories.split(',').filter(|it| !it.is_empty()).map(str::to_owned).collect();
                doc(id, title.unwrap_or_default(), body, date.unwrap_or_default(), categories, linked, updated)
            })
            .collect());
    }
    let mut rows = store::news::listing::list_complaint_docs(&mut conn, tenant, (since, None), BATCH).await?;
    if rows.len() == usize::try_from(BATCH).unwrap_or(usize::MAX) {
        let last = rows.last().map_or(since, |it| it.6);
        rows.retain(|it| it.6 != last);
        rows.extend(
            store::news::listing::list_complaint_docs(&mut conn, tenant, (since, Some(last)), BATCH * 100).await?,
        );
    }
    Ok(rows
        .into_iter()
        .map(|(id, title, body, received, category, unit, updated)| {
            let date = jiff::Timestamp::from_millisecond(received)
                .map(|it| it.to_string()[..10].to_owned())
                .unwrap_or_default();
            doc(id, title, body, date, vec![category], unit.into_iter().collect(), updated)
        })
        .collect())
}
