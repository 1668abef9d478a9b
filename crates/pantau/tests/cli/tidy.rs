//! The tidy test: what lints cannot check (STYLE.md K2) — file headers, file length, honest tests, SQL escape
//! hatches, regulation citations, migration names, locale parity, templates without a page and store query names.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Files allowed past 400 lines, each with its reason; this list may only shrink.
const LONG_FILES: [(&str, &str); 0] = [];

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("workspace root exists")
}

fn files_under(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("readable directory").flatten() {
            let path = entry.path();
            let name = path.file_name().and_then(|it| it.to_str()).unwrap_or_default();
            if path.is_dir() && name != "target" && name != "node_modules" {
                stack.push(path);
            } else if path.extension().is_some_and(|it| it == extension) {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

pub(crate) fn rust_files() -> Vec<(String, String)> {
    files_under(&workspace().join("crates"), "rs")
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("UTF-8 source");
            let name = path.strip_prefix(workspace()).expect("under the workspace").display().to_string();
            (name, text)
        })
        .collect()
}

#[test]
fn every_rust_file_starts_with_a_module_doc() {
    let missing: Vec<_> =
        rust_files().into_iter().filter(|(_, text)| !text.starts_with("//!")).map(|(name, _)| name).collect();
    assert!(missing.is_empty(), "files without a `//!` first line: {missing:#?}");
}

#[test]
fn no_file_is_longer_than_400_lines() {
    let long: Vec<_> = rust_files()
        .into_iter()
        .filter(|(name, _)| !name.ends_with("tests.rs") && !LONG_FILES.iter().any(|(allowed, _)| name == allowed))
        .filter(|(_, text)| text.lines().count() > 400)
        .map(|(name, text)| format!("{name}: {} lines", text.lines().count()))
        .collect();
    assert!(long.is_empty(), "split these by concept (STYLE.md S1): {long:#?}");
}

#[test]
fn tests_are_honest() {
    let ignore = ["#[", "ignore]"].concat();
    let should_panic = ["#[", "should_panic"].concat();
    let bad: Vec<_> = rust_files()
        .into_iter()
        .filter(|(_, text)| text.contains(&ignore) || text.contains(&should_panic))
        .map(|(name, _)| name)
        .collect();
    assert!(bad.is_empty(), "no ignored or should_panic tests (STYLE.md X4): {bad:#?}");
}

#[test]
fn unchecked_sql_only_in_store() {
    let needle = ["Assert", "SqlSafe"].concat();
    let bad: Vec<_> = rust_files()
        .into_iter()
        .filter(|(name, text)| !name.starts_with("crates/store/") && text.contains(&needle))
        .map(|(name, _)| name)
        .collect();
    assert!(bad.is_empty(), "unchecked SQL outside store: {bad:#?}");
}

#[test]
fn sql_lives_only_in_store() {
    let statements = ["SELECT ", "INSERT INTO", "UPDATE ", "DELETE FROM", "sqlx::query"];
    let bad: Vec<_> = rust_files()
        .into_iter()
        .filter(|(name, _)| name.starts_with("crates/web/src/") || name.starts_with("crates/domain/src/"))
        // Test files (`tests.rs`, `tests_*.rs`) may read the database to check what a page stored.
        .filter(|(name, _)| !name.rsplit('/').next().is_some_and(|file| file.starts_with("tests")))
        .filter(|(_, text)| statements.iter().any(|it| text.contains(it)))
        .map(|(name, _)| name)
        .collect();
    assert!(bad.is_empty(), "SQL outside store (STYLE.md D1): {bad:?}");
}

#[test]
fn numbered_placeholders_only_through_the_sql_builder() {
    // `store::sql::Sql` writes each `$n` as it binds its value; a number written by hand drifts from its binds.
    let needles = [["$", "{"].concat(), ["'", "$", "'"].concat(), ["\"", "$", "\""].concat()];
    let bad: Vec<_> = rust_files()
        .into_iter()
        .filter(|(name, _)| name.starts_with("crates/store/src/") && name != "crates/store/src/sql.rs")
        .filter(|(_, text)| needles.iter().any(|it| text.contains(it.as_str())))
        .map(|(name, _)| name)
        .collect();
    assert!(bad.is_empty(), "placeholders numbered by hand, use store::sql::Sql (STYLE.md D1): {bad:?}");
}

#[test]
fn store_refusals_are_errors_not_nested_results() {
    // A refused action is `Err(StoreError::Invalid(..))` or `Err(StoreError::Refused(store::Refusal::..))` (STYLE.md E3).
    let needle = ["Result<", "Result<"].concat();
    let bad: Vec<_> = rust_files()
        .into_iter()
        .filter(|(name, text)| name.starts_with("crates/store/src/") && text.contains(&needle))
        .map(|(name, _)| name)
        .collect();
    assert!(bad.is_empty(), "store functions returning a Result inside a Result: {bad:?}");
}

/// Domain areas that hold no regulation (Pantau's own design), with the reason.
const AREAS_WITHOUT_REGULATION: [(&str, &str); 1] = [("audit", "the hash chain is Pantau's own tamper evidence")];

#[test]
fn every_domain_area_cites_its_regulation() {
    let domain = workspace().join("crates/domain/src");
    let mut uncited = Vec::new();
    for entry in std::fs::read_dir(&domain).expect("domain/src").flatten() {
        let area = entry.file_name().to_string_lossy().into_owned();
        if !entry.path().is_dir() || AREAS_WITHOUT_REGULATION.iter().any(|(it, _)| *it == area) {
            continue;
        }
        let cited = files_under(&entry.path(), "rs")
            .iter()
            .any(|path| std::fs::read_to_string(path).unwrap_or_default().contains("// Source:"));
        if !cited {
            uncited.push(area);
        }
    }
    assert!(uncited.is_empty(), "domain areas without a `// Source:` line: {uncited:?}");
}

#[test]
fn migration_names_follow_the_pattern() {
    let dir = workspace().join("crates/store/migrations");
    let mut bad = Vec::new();
    for path in files_under(&dir, "sql") {
        let name = path.file_name().and_then(|it| it.to_str()).unwrap_or_default().to_owned();
        let (stamp, rest) = name.split_at(name.find('_').unwrap_or(0));
        let area_and_what = rest.trim_start_matches('_').trim_end_matches(".sql");
        let ok = stamp.len() == 12
            && stamp.bytes().all(|it| it.is_ascii_digit())
            && area_and_what.contains('_')
            && area_and_what.bytes().all(|it| it.is_ascii_lowercase() || it.is_ascii_digit() || it == b'_');
        if !ok {
            bad.push(name);
        }
    }
    assert!(bad.is_empty(), "migrations must be <yyyymmddhhmm>_<area>_<what>.sql: {bad:?}");
}

fn locale_keys(lang: &str) -> BTreeSet<String> {
    fn flatten(prefix: &str, value: &toml::Value, out: &mut BTreeSet<String>) {
        match value {
            toml::Value::Table(table) => {
                table.iter().for_each(|(key, inner)| flatten(&format!("{prefix}.{key}"), inner, out))
            }
            _ => {
                out.insert(prefix.to_owned());
            }
        }
    }
    let mut keys = BTreeSet::new();
    for path in files_under(&workspace().join("crates/web/locales").join(lang), "toml") {
        let area = path.file_stem().and_then(|it| it.to_str()).unwrap_or_default().to_owned();
        let table: toml::Value =
            toml::from_str(&std::fs::read_to_string(&path).expect("locale file")).expect("valid TOML");
        flatten(&area, &table, &mut keys);
    }
    keys
}

#[test]
fn every_language_has_the_same_keys() {
    let indonesian = locale_keys("id");
    let english = locale_keys("en");
    let only_id: Vec<_> = indonesian.difference(&english).collect();
    let only_en: Vec<_> = english.difference(&indonesian).collect();
    assert!(only_id.is_empty() && only_en.is_empty(), "missing in en: {only_id:?}; missing in id: {only_en:?}");
}

#[test]
fn every_template_is_used() {
    let sources: String =
        rust_files().into_iter().filter(|(name, _)| name.starts_with("crates/web/")).map(|(_, it)| it).collect();
    let templates_dir = workspace().join("crates/web/templates");
    let all_templates: String =
        files_under(&templates_dir, "html").iter().map(|it| std::fs::read_to_string(it).unwrap_or_default()).collect();
    let unused: Vec<_> = files_under(&templates_dir, "html")
        .into_iter()
        .map(|path| path.strip_prefix(&templates_dir).expect("under templates").display().to_string())
        .filter(|name| name != "base.html" && name != "_macros.html")
        .filter(|name| {
            !sources.contains(&format!("\"{name}\"")) || !used_by_page_or_template(name, &sources, &all_templates)
        })
        .collect();
    assert!(unused.is_empty(), "templates that no page renders: {unused:?}");
}

fn used_by_page_or_template(name: &str, sources: &str, templates: &str) -> bool {
    // Registered in render.rs, and rendered by a handler or included by another template.
    sources.matches(&format!("\"{name}\"")).count() >= 2 || templates.contains(&format!("\"{name}\""))
}

/// Every `path::function` that docs/SECURITY.md names as the test behind a claim exists.
#[test]
fn security_claims_name_real_tests() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let text = std::fs::read_to_string(root.join("docs/SECURITY.md")).expect("docs/SECURITY.md exists");
    let mut named = 0;
    let mut missing = Vec::new();
    for piece in text.split('`').skip(1).step_by(2) {
        let Some((path, function)) = piece.split_once("::") else { continue };
        if !path.starts_with("crates/") {
            continue;
        }
        named += 1;
        let source = std::fs::read_to_string(root.join(path)).unwrap_or_default();
        if !source.contains(&format!("fn {function}(")) {
            missing.push(piece.to_owned());
        }
    }
    assert!(named >= 40, "SECURITY.md names its tests ({named} found)");
    assert!(missing.is_empty(), "SECURITY.md names tests that do not exist: {missing:#?}");
}

/// Domain and text types are never a stored format or a public API: nothing there derives `Serialize`
/// (docs/STYLE.md L4). Deserialize stays for the data files they read (rules, holidays, labels).
#[test]
fn domain_and_text_types_do_not_derive_serialize() {
    let needle = ["Serial", "ize"].concat();
    let bad: Vec<_> = rust_files()
        .into_iter()
        .filter(|(name, _)| name.starts_with("crates/domain/src/") || name.starts_with("crates/text/src/"))
        .filter(|(_, text)| {
            text.lines().any(|line| line.trim_start().starts_with("#[derive(") && line.contains(&needle))
        })
        .map(|(name, _)| name)
        .collect();
    assert!(bad.is_empty(), "domain and text types derive Serialize: {bad:?}");
}

#[test]
fn page_models_carry_typed_fields_not_json_values() {
    // A `serde_json::Value` field hides what a template reads from the compiler; wire formats built with `json!`
    // (Open311) and parsers are not page fields.
    let needle = ["serde_json::", "Value"].concat();
    let bad: Vec<_> = rust_files()
        .into_iter()
        .filter(|(name, _)| {
            name.starts_with("crates/web/src/") && !name.contains("/tests") && !name.ends_with("testing.rs")
        })
        .filter(|(_, text)| {
            text.lines().any(|line| {
                let line = line.trim_start();
                !line.starts_with("//")
                    && line.contains(':')
                    && line.ends_with(',')
                    && line.contains(&needle)
                    && !line.contains("::<")
                    && !line.contains("=>")
            })
        })
        .map(|(name, _)| name)
        .collect();
    assert!(bad.is_empty(), "page fields typed as JSON values: {bad:?}");
}

/// Store functions that take a connection first and are named by a verb, with the reason; keep this list short.
const STORE_VERBS: [(&str, &str); 4] = [
    ("audit::append", "the audit chain's own verb: every action appends its entry in its own transaction"),
    ("complaints::notify::announce", "queues a step's notifications inside the caller's transaction, reading settings"),
    ("complaints::notify::announce_with", "`announce` with the settings read before the write transaction"),
    ("surveys::services::check_unit", "a form check: a missing unit is the `unit_id` field's problem, not a result"),
];

/// What a store function's name starts with when its first parameter is a connection (STYLE.md N4).
const STORE_QUERY_PREFIXES: [&str; 9] = ["find", "load", "list", "count", "insert", "update", "delete", "lock", "next"];

/// The `pub` and `pub(crate)` async functions of a store file whose first parameter's type mentions `Conn`.
fn store_functions_taking_a_connection(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices("async fn ") {
        let line_start = text[..at].rfind('\n').map_or(0, |it| it + 1);
        let head = &text[line_start..at];
        if head != "pub " && head != "pub(crate) " {
            continue;
        }
        let rest = &text[at + "async fn ".len()..];
        let name: String = rest.chars().take_while(|it| it.is_ascii_alphanumeric() || *it == '_').collect();
        let Some(open) = rest.find('(') else { continue };
        let first = rest[open + 1..].split([',', ')']).next().unwrap_or_default();
        if first.split_once(':').is_some_and(|(_, ty)| ty.contains("Conn")) {
            out.push(name);
        }
    }
    out
}

#[test]
fn store_query_names_say_what_they_return() {
    let mut bad = Vec::new();
    let mut found = Vec::new();
    for (name, text) in rust_files().into_iter().filter(|(name, _)| name.starts_with("crates/store/src/")) {
        let module = name.trim_start_matches("crates/store/src/").trim_end_matches(".rs").trim_end_matches("/mod");
        let module = module.replace('/', "::");
        for function in store_functions_taking_a_connection(&text) {
            let said = STORE_QUERY_PREFIXES
                .iter()
                .any(|it| function == *it || function.strip_prefix(it).is_some_and(|rest| rest.starts_with('_')));
            let path = format!("{module}::{function}");
            if !said && !STORE_VERBS.iter().any(|(allowed, _)| *allowed == path) {
                bad.push(path.clone());
            }
            found.push(path);
        }
    }
    assert!(found.len() > 100, "the store's queries were found ({})", found.len());
    let stale: Vec<_> = STORE_VERBS.iter().filter(|(it, _)| !found.iter().any(|path| path == it)).collect();
    assert!(stale.is_empty(), "STORE_VERBS names functions that are gone: {stale:?}");
    assert!(
        bad.is_empty(),
        "store functions taking a connection start with find_/load_/list_/count_/insert_/update_/delete_/lock_/next_ \
         (STYLE.md N4), or are on STORE_VERBS with a reason: {bad:#?}"
    );
}
