//! News monitoring on the web: the inbox, an article with its facts highlighted, the paste form, alias mapping,
//! preliminary reviews, feeds, search and notices, and the JSON API; plus the ingest path and feed poller the CLI
//! shares.

mod article;
pub mod feeds;
pub mod fetch;
mod highlight;
mod inbox;
pub mod indexing;
pub mod ingest;
mod manage;
pub mod search;

use axum::Router;
use axum::routing::{get, post};

use crate::app::App;

/// Page routes.
pub fn routes() -> Router<App> {
    Router::new()
        .route("/berita", get(inbox::show))
        .route("/berita/tambah", get(manage::add_form).post(manage::add))
        .route("/berita/cari", get(search::page))
        .route("/berita/telaah", get(manage::reviews))
        .route("/berita/telaah/{id}/selesai", post(manage::close_review))
        .route("/berita/sumber", get(manage::feeds).post(manage::add_feed))
        .route("/berita/sumber/{id}/status", post(manage::feed_state))
        .route("/berita/{id}", get(article::show))
        .route("/berita/{id}/petakan", post(article::map_alias))
        .route("/berita/{id}/telaah", post(article::open_review))
        .route("/notifikasi", get(inbox::notices))
}

/// Unit ids a user may see news of: `None` for all (tenant-wide grant); the decision is the domain's.
pub(crate) fn visible_units(access: &domain::people::Access, tree: &domain::org::UnitTree) -> Option<Vec<String>> {
    let units = access.visible_units(domain::people::Permission::ViewNews, tree)?;
    Some(units.into_iter().map(|it| it.as_str().to_owned()).collect())
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_feeds;
