//! Search (wired later).
