//! Translations: every visible word comes from `locales/<lang>/<area>.toml`, Indonesian first, English second.
//!
//! Keys are `<area>.<page>.<element>`; the area is the file name and the rest the TOML path inside it.

use std::collections::HashMap;
use std::sync::LazyLock;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};

/// A language of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Bahasa Indonesia, the default.
    Id,
    /// English.
    En,
}

impl Lang {
    /// The language code used in cookies, `lang` attributes and URLs.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// Parses a code.
    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "id" | "id-id" | "in" => Some(Lang::Id),
            "en" | "en-us" | "en-gb" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language chosen by the `lang` cookie, else Indonesian. `Accept-Language` is ignored on purpose: staff
    /// on English-language browsers should still see the official Indonesian terms unless they switch.
    pub fn from_headers(headers: &HeaderMap) -> Lang {
        headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|it| it.to_str().ok())
            .flat_map(|it| it.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == "lang")
            .and_then(|(_, value)| Lang::parse(value))
            .unwrap_or(Lang::Id)
    }

    /// The text of a key in this language; the key itself when missing (a test forbids that).
    pub fn t(self, key: &str) -> &'static str {
        let catalog = match self {
            Lang::Id => &*ID,
            Lang::En => &*EN,
        };
        catalog.get(key).map(String::as_str).unwrap_or_else(|| missing(key))
    }

    /// The text of a key with `{name}` placeholders filled in.
    pub fn tf(self, key: &str, args: &[(&str, &str)]) -> String {
        let mut text = self.t(key).to_owned();
        for (name, value) in args {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }
}

fn missing(key: &str) -> &'static str {
    tracing::warn!(key, "missing translation");
    // Leaking is bounded by the number of distinct missing keys, which the locale test keeps at zero.
    Box::leak(key.to_owned().into_boxed_str())
}

impl<S: Send + Sync> FromRequestParts<S> for Lang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Lang, Self::Rejection> {
        Ok(Lang::from_headers(&parts.headers))
    }
}

/// (area, Indonesian file, English file).
const FILES: [(&str, &str, &str); 15] = [
    ("common", include_str!("../../locales/id/common.toml"), include_str!("../../locales/en/common.toml")),
    ("home", include_str!("../../locales/id/home.toml"), include_str!("../../locales/en/home.toml")),
    ("dashboard", include_str!("../../locales/id/dashboard.toml"), include_str!("../../locales/en/dashboard.toml")),
    ("auth", include_str!("../../locales/id/auth.toml"), include_str!("../../locales/en/auth.toml")),
    ("org", include_str!("../../locales/id/org.toml"), include_str!("../../locales/en/org.toml")),
    ("people", include_str!("../../locales/id/people.toml"), include_str!("../../locales/en/people.toml")),
    ("calendar", include_str!("../../locales/id/calendar.toml"), include_str!("../../locales/en/calendar.toml")),
    ("audit", include_str!("../../locales/id/audit.toml"), include_str!("../../locales/en/audit.toml")),
    ("complaints", include_str!("../../locales/id/complaints.toml"), include_str!("../../locales/en/complaints.toml")),
    ("surveys", include_str!("../../locales/id/surveys.toml"), include_str!("../../locales/en/surveys.toml")),
    ("errors", include_str!("../../locales/id/errors.toml"), include_str!("../../locales/en/errors.toml")),
    ("news", include_str!("../../locales/id/news.toml"), include_str!("../../locales/en/news.toml")),
    ("discipline", include_str!("../../locales/id/discipline.toml"), include_str!("../../locales/en/discipline.toml")),
    ("documents", include_str!("../../locales/id/documents.toml"), include_str!("../../locales/en/documents.toml")),
    ("scorecards", include_str!("../../locales/id/scorecards.toml"), include_str!("../../locales/en/scorecards.toml")),
];

static ID: LazyLock<HashMap<String, String>> = LazyLock::new(|| load(|(_, id, _)| id));
static EN: LazyLock<HashMap<String, String>> = LazyLock::new(|| load(|(_, _, en)| en));

fn load(pick: impl Fn(&(&str, &'static str, &'static str)) -> &'static str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for file in &FILES {
        let table: toml::Table =
            toml::from_str(pick(file)).expect("locale files are valid TOML: i18n::tests::catalogs_match checks it");
        flatten(file.0, &toml::Value::Table(table), &mut out);
    }
    out
}

fn flatten(prefix: &str, value: &toml::Value, out: &mut HashMap<String, String>) {
    match value {
        toml::Value::Table(table) => {
            for (key, inner) in table {
                flatten(&format!("{prefix}.{key}"), inner, out);
            }
        }
        toml::Value::String(text) => {
            out.insert(prefix.to_owned(), text.clone());
        }
        other => {
            out.insert(prefix.to_owned(), other.to_string());
        }
    }
}

/// Every key of a language, for the tests.
#[cfg(test)]
pub fn keys(lang: Lang) -> Vec<String> {
    let catalog = match lang {
        Lang::Id => &*ID,
        Lang::En => &*EN,
    };
    catalog.keys().cloned().collect()
}

#[cfg(test)]
mod tests;
