//! Tenancy of the SQL: every statement in the store names `tenant_id`, so no query can read or change another
//! Pemda's rows by forgetting it; the few that work across tenants on purpose (background jobs, the tenant list,
//! housekeeping) are listed here with the reason.

use crate::tidy::rust_files;

/// Statements that do not filter by tenant on purpose: (file, the statement's start, why).
const ACROSS_TENANTS: &[(&str, &str, &str)] = &[
    ("crates/store/src/bench.rs", "DELETE FROM bench_row", "the benchmark's own scratch table"),
    ("crates/store/src/bench.rs", "INSERT INTO bench_row", "the benchmark's own scratch table"),
    ("crates/store/src/db.rs", "SELECT 1", "the health check"),
    (
        "crates/store/src/scorecards/bench.rs",
        "WITH RECURSIVE seq(n)",
        "a number series heading an insert with tenant_id",
    ),
    ("crates/store/src/scorecards/bench.rs", "WITH seq(n)", "a number series heading an insert with tenant_id"),
    ("crates/store/src/db.rs", "SELECT version FROM _sqlx_migrations", "which migrations ran"),
    (
        "crates/store/src/complaints/deliveries.rs",
        "SELECT {COLUMNS} FROM delivery",
        "the sender takes due rows of every tenant; the columns start with tenant_id",
    ),
    (
        "crates/store/src/news/feeds.rs",
        "SELECT {COLUMNS} FROM news_feed",
        "the poller takes due feeds of every tenant; the columns start with tenant_id",
    ),
    (
        "crates/store/src/org/queries.rs",
        "SELECT id, name, level, region_code, time_zone, host FROM tenant",
        "the tenant table is keyed by its own id",
    ),
    ("crates/store/src/org/queries.rs", "INSERT INTO tenant", "the tenant table is keyed by its own id"),
    ("crates/store/src/org/queries.rs", "UPDATE tenant SET", "the tenant table is keyed by its own id"),
    (
        "crates/store/src/people/queries.rs",
        "DELETE FROM login_session WHERE expires_at_ms",
        "housekeeping of expired sessions of every tenant",
    ),
    (
        "crates/store/src/surveys/responses.rs",
        "INSERT INTO survey_response ({RESPONSE_COLUMNS})",
        "RESPONSE_COLUMNS starts with tenant_id",
    ),
];

/// The string literals of a Rust source, plain and raw.
fn string_literals(source: &str) -> Vec<String> {
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'/' if bytes.get(at + 1) == Some(&b'/') => {
                while at < bytes.len() && bytes[at] != b'\n' {
                    at += 1;
                }
            }
            b'\'' => {
                // A char literal ('"') or a lifetime ('a): skip the quote and what a char literal holds.
                if bytes.get(at + 2) == Some(&b'\'') {
                    at += 3;
                } else if bytes.get(at + 1) == Some(&b'\\') {
                    at += 4;
                } else {
                    at += 1;
                }
            }
            b'r' if matches!(bytes.get(at + 1), Some(b'"' | b'#')) && !is_ident(bytes.get(at.wrapping_sub(1))) => {
                let hashes = bytes[at + 1..].iter().take_while(|it| **it == b'#').count();
                let start = at + 2 + hashes;
                let closing = format!("\"{}", "#".repeat(hashes));
                let end = source[start..].find(&closing).map_or(bytes.len(), |it| start + it);
                out.push(source[start..end].to_owned());
                at = end + closing.len();
            }
            b'"' => {
                let mut end = at + 1;
                while end < bytes.len() && bytes[end] != b'"' {
                    end += if bytes[end] == b'\\' { 2 } else { 1 };
                }
                out.push(source[at + 1..end.min(bytes.len())].to_owned());
                at = end + 1;
            }
            _ => at += 1,
        }
    }
    out
}

fn is_ident(byte: Option<&u8>) -> bool {
    byte.is_some_and(|it| it.is_ascii_alphanumeric() || *it == b'_')
}

fn is_statement(text: &str) -> bool {
    let start = text.trim_start().to_uppercase();
    ["SELECT ", "INSERT INTO", "UPDATE ", "DELETE FROM", "WITH "].iter().any(|it| start.starts_with(it))
}

#[test]
fn every_statement_filters_by_tenant_or_says_why_not() {
    let mut missing = Vec::new();
    let mut statements = 0;
    for (name, source) in rust_files().into_iter().filter(|(name, _)| name.starts_with("crates/store/src/")) {
        for literal in string_literals(&source).into_iter().filter(|it| is_statement(it)) {
            statements += 1;
            let allowed =
                ACROSS_TENANTS.iter().any(|(file, start, _)| name == *file && literal.trim_start().starts_with(start));
            if !literal.contains("tenant_id") && !allowed {
                let first: String = literal.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(90).collect();
                missing.push(format!("{name}: {first}"));
            }
        }
    }
    assert!(statements > 150, "the statements were found ({statements})");
    assert!(missing.is_empty(), "statements without tenant_id and not on the list: {missing:#?}");
}
