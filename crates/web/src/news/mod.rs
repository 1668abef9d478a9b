//! News monitoring on the web: the inbox, an article with its facts highlighted, the paste form, alias mapping,
//! preliminary reviews, feeds, search, and the JSON API; plus the ingest path and feed poller the CLI shares.

pub mod feeds;
pub mod ingest;
