//! The architecture test: the arrows between crates point down only, and no crate depends on what its layer must
//! never contain (STYLE.md §2).

use std::collections::BTreeMap;

/// For each workspace crate: normal dependencies (not dev) that it may never have.
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
