//! Full-text search over a Pemda's news articles and complaints: a tantivy index whose analyzer lower-cases,
//! folds accents and stems Indonesian words (with the domain words the stemmer protects), so "pelayanan",
//! "dilayani" and "layanan" meet, while "sekolah" and "masalah" stay whole. Phrases ("kantor kosong"), field
//! filters (`kategori:korupsi`) and the page's filters are supported; hits are ranked by BM25 with the title counting
//! double, and come with a highlighted snippet.
//!
//! The index is a cache of the database: every document is keyed by tenant, kind and id, so writing a document again
//! replaces it, and [`SearchIndex::watermark`] tells a caller from which change time to catch up.

mod analyzer;
mod index;

pub use analyzer::{ANALYZER, analyzer};
pub use index::{Doc, Hit, Query, SearchError, SearchIndex};
