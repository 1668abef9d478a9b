//! The two catalogs have the same keys, and every key used in templates and code exists.

use std::collections::BTreeSet;

use super::*;

#[test]
fn catalogs_have_the_same_keys() {
    let id: BTreeSet<String> = keys(Lang::Id).into_iter().collect();
    let en: BTreeSet<String> = keys(Lang::En).into_iter().collect();
    let only_id: Vec<_> = id.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&id).collect();
    assert!(only_id.is_empty() && only_en.is_empty(), "only in id: {only_id:?}; only in en: {only_en:?}");
}

#[test]
fn every_key_used_in_templates_and_code_exists() {
    let id: BTreeSet<String> = keys(Lang::Id).into_iter().collect();
    let mut missing = Vec::new();
    for (name, source) in crate::render::sources() {
        for key in used_keys(source, "t(\"") {
            if !id.contains(&key) {
                missing.push(format!("{name}: {key}"));
            }
        }
    }
    for (name, source) in crate::testing::rust_sources() {
        for key in used_keys(&source, ".t(\"").into_iter().chain(used_keys(&source, ".tf(\"")) {
            if !id.contains(&key) && key.contains('.') {
                missing.push(format!("{name}: {key}"));
            }
        }
    }
    assert!(missing.is_empty(), "missing translation keys: {missing:#?}");
}

fn used_keys(source: &str, marker: &str) -> Vec<String> {
    source
        .match_indices(marker)
        // `input("name"` ends in `t("` too; a call of `t` starts a word.
        .filter(|(idx, _)| {
            marker.starts_with('.')
                || !source[..*idx].ends_with(|it: char| it.is_alphanumeric() || it == '_' || it == '.')
        })
        .filter_map(|(idx, _)| {
            let rest = &source[idx + marker.len()..];
            rest.find('"').map(|end| rest[..end].to_owned())
        })
        // A key ending in a dot is a prefix joined with a value (`t("common.weekdays." ~ d)`).
        .filter(|key| !key.contains('{') && !key.is_empty() && !key.ends_with('.'))
        .collect()
}

#[test]
fn placeholders_are_filled() {
    assert_eq!(Lang::parse("EN"), Some(Lang::En));
    let text = Lang::Id.tf("errors.field.too_long", &[("max", "40")]);
    assert!(text.contains("40"), "{text}");
}
