//! Discipline pages on both engines.
