//! Public satisfaction surveys (Survei Kepuasan Masyarakat, SKM): the nine elements with their answer labels, the
//! satisfaction index (IKM) exactly as PermenPANRB 14/2017 defines it, its quality category, and the Krejcie–Morgan
//! minimum sample.

pub mod elements;
pub mod ikm;
pub mod import;
pub mod sample;

pub use elements::{ELEMENTS, Element};
pub use ikm::{Category, Ikm, Tally};
pub use sample::min_sample;
