//! Public satisfaction surveys (Survei Kepuasan Masyarakat, SKM): the nine elements with their answer labels, the
//! satisfaction index (IKM) exactly as PermenPANRB 14/2017 defines it, its quality category, and the Krejcie–Morgan
//! minimum sample.

pub mod abuse;
pub mod elements;
pub mod ikm;
pub mod import;
pub mod paper;
pub mod period;
pub mod profile;
pub mod report;
pub mod response;
pub mod sample;

pub use elements::{ELEMENTS, Element};
pub use ikm::{Category, Ikm, Tally};
pub use period::{Period, PeriodKind};
pub use sample::min_sample;
