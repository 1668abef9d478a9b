//! The shipped complaint categories (`data/complaint_categories.toml`); each is an Open311 service as well.

use std::sync::LazyLock;

use serde::Deserialize;

/// A category of complaints.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct Category {
    /// Stable code; the Open311 `service_code`.
    pub code: String,
    /// Indonesian name.
    pub name_id: String,
    /// English name.
    pub name_en: String,
    /// Words that hint at this category in a complaint's text (Open311 `keywords`).
    #[serde(default)]
    pub keywords: Vec<String>,
}

#[derive(Deserialize)]
struct File {
    category: Vec<Category>,
}

static CATEGORIES: LazyLock<Vec<Category>> = LazyLock::new(|| {
    // The file ships inside the binary and a unit test parses it, so a failure here is a build defect.
    #[allow(clippy::expect_used)]
    let file: File =
        toml::from_str(include_str!("../../data/complaint_categories.toml")).expect("shipped categories parse");
    file.category
});

/// Every category, in display order.
pub fn categories() -> &'static [Category] {
    &CATEGORIES
}

/// The category with this code.
pub fn find_category(code: &str) -> Option<&'static Category> {
    let code = code.trim();
    categories().iter().find(|it| it.code.eq_ignore_ascii_case(code))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_shipped_categories_parse_with_unique_codes_and_an_other_category() {
        let all = super::categories();
        assert!(all.len() >= 5);
        let mut codes: Vec<_> = all.iter().map(|it| it.code.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), all.len());
        assert!(super::find_category("LAINNYA").is_some());
        assert!(super::find_category("nope").is_none());
    }
}
