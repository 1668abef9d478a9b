//! The architecture test: the arrows between workspace crates are exactly the allowed ones (an allow-list, so a new
//! sideways edge fails), and no crate depends on what its layer must never contain (docs/STYLE.md L1–L4).

use std::collections::BTreeMap;

/// For each workspace crate, the workspace crates it may depend on (normal dependencies, not dev).
/// `store → text` is allowed on purpose: text is pure (no I/O, no clock) like domain, and store keeps what text
/// computes (an article's facts, its near-duplicate signature, the register an extraction links against); text never
/// knows store. Decided in docs/ARCHITECTURE.md.
const ALLOWED: [(&str, &[&str]); 7] = [
    ("pantau-domain", &[]),
    ("pantau-text", &["pantau-domain"]),
    ("pantau-search", &["pantau-text"]),
    ("pantau-store", &["pantau-domain", "pantau-text"]),
    ("pantau-web", &["pantau-domain", "pantau-text", "pantau-search", "pantau-store"]),
    ("pantau", &["pantau-domain", "pantau-text", "pantau-search", "pantau-store", "pantau-web"]),
    ("pantau-testkit", &["pantau-domain", "pantau-store"]),
];

/// For each workspace crate: outside dependencies (normal, not dev) that it may never have.
const FORBIDDEN: [(&str, &[&str]); 6] = [
    ("pantau-domain", &["pantau-store", "pantau-web", "sqlx", "axum", "tokio", "reqwest", "tantivy", "rand"]),
    ("pantau-text", &["pantau-store", "pantau-web", "sqlx", "axum", "tokio", "reqwest", "tantivy"]),
    ("pantau-search", &["pantau-store", "pantau-web", "sqlx", "axum"]),
    ("pantau-store", &["pantau-web", "axum", "minijinja", "askama", "utoipa"]),
    ("pantau-web", &["pantau"]),
    ("pantau-testkit", &["pantau-web"]),
];

fn dependencies() -> BTreeMap<String, Vec<String>> {
    let output = std::process::Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--no-deps", "--offline"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(output.status.success(), "cargo metadata: {}", String::from_utf8_lossy(&output.stderr));
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).expect("metadata is JSON");
    let mut out = BTreeMap::new();
    for package in metadata["packages"].as_array().expect("packages") {
        let name = package["name"].as_str().unwrap_or_default().to_owned();
        let normal: Vec<String> = package["dependencies"]
            .as_array()
            .expect("dependencies")
            .iter()
            .filter(|dep| dep["kind"].is_null())
            .filter_map(|dep| dep["name"].as_str().map(str::to_owned))
            .collect();
        out.insert(name, normal);
    }
    out
}

#[test]
fn layers_depend_downward_only() {
    let deps = dependencies();
    let mut broken = Vec::new();
    for (krate, forbidden) in FORBIDDEN {
        let have = deps.get(krate).unwrap_or_else(|| panic!("{krate} is a workspace member"));
        broken.extend(
            forbidden.iter().filter(|it| have.iter().any(|dep| dep == *it)).map(|it| format!("{krate} -> {it}")),
        );
    }
    assert!(broken.is_empty(), "forbidden dependencies: {broken:?}");
}

#[test]
fn workspace_edges_are_exactly_the_allowed_ones() {
    let deps = dependencies();
    let members: Vec<&str> = ALLOWED.iter().map(|(name, _)| *name).collect();
    assert_eq!(deps.keys().filter(|it| it.starts_with("pantau")).count(), members.len(), "every crate is listed");
    let mut unexpected = Vec::new();
    for (krate, allowed) in ALLOWED {
        let have = deps.get(krate).unwrap_or_else(|| panic!("{krate} is a workspace member"));
        for dep in have.iter().filter(|it| members.contains(&it.as_str())) {
            if !allowed.contains(&dep.as_str()) {
                unexpected.push(format!("{krate} -> {dep}"));
            }
        }
    }
    assert!(unexpected.is_empty(), "workspace edges outside the allow-list: {unexpected:?}");
}

#[test]
fn testkit_is_only_a_dev_dependency() {
    let users: Vec<_> = dependencies()
        .into_iter()
        .filter(|(_, deps)| deps.iter().any(|it| it == "pantau-testkit"))
        .map(|(name, _)| name)
        .collect();
    assert!(users.is_empty(), "testkit is test support, not a normal dependency of {users:?}");
}

#[test]
fn domain_uses_no_clock_and_no_randomness() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../domain/src");
    let mut stack = vec![root];
    let mut bad = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("domain/src").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let is_test = path.file_name().is_some_and(|it| it == "tests.rs");
            if !is_test
                && ["Timestamp::now(", "Zoned::now(", "SystemTime::now(", "std::fs::", "std::net::"]
                    .iter()
                    .any(|it| text.contains(it))
            {
                bad.push(path.display().to_string());
            }
        }
    }
    assert!(bad.is_empty(), "domain reads the clock, files or network: {bad:?}");
}

#[test]
fn every_area_folder_is_in_the_map() {
    // docs/ARCHITECTURE.md names each folder of the layered crates as `crate::folder`, so a new area or toolkit
    // folder cannot be added without a line on the map (docs/STYLE.md C4).
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let map = std::fs::read_to_string(root.join("docs/ARCHITECTURE.md")).expect("the map exists");
    let mut missing = Vec::new();
    for krate in ["domain", "text", "search", "store", "web"] {
        let entries = std::fs::read_dir(root.join("crates").join(krate).join("src")).expect("a crate's source folder");
        for entry in entries.flatten().filter(|it| it.path().is_dir()) {
            let name = format!("`{krate}::{}", entry.file_name().to_string_lossy());
            if !map.contains(&name) {
                missing.push(name);
            }
        }
    }
    assert!(missing.is_empty(), "folders missing from docs/ARCHITECTURE.md: {missing:?}");
}
