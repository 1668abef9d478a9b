//! Indonesian news text, without I/O: decoding and cleaning (page furniture, repeated paragraphs), near-duplicate
//! grouping (MinHash), and extraction of the article's date, region, agencies (linked to a unit register), people
//! with their roles and issue categories. Everything found carries the byte span of the cleaned text it came from,
//! so pages can highlight it. The search analyzer's stemmer lives here too.
#![warn(missing_docs)]

pub mod agencies;
pub mod categories;
pub mod clean;
pub mod dates;
pub mod eval;
pub mod extract;
pub mod facts;
pub mod fold;
pub mod html;
pub mod input;
pub mod near_dup;
pub mod people;
pub mod regions;
pub mod register;
pub mod stem;

pub use extract::{Extraction, Extractor, Found, FoundKind};
