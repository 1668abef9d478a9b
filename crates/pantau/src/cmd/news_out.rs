//! What `pantau news extract` prints, one JSON object per article: the shape label files share
//! (docs/ARCHITECTURE.md, CLI output), defined here and mapped from the text crate's types by hand.

use serde::Serialize;
use text::eval::Fields;
use text::extract::Found;

/// One article's fields.
#[derive(Serialize)]
pub struct FieldsOut<'a> {
    file: &'a str,
    relevant: bool,
    published_date: Option<&'a str>,
    province: Option<&'a str>,
    city_or_regency: Option<&'a str>,
    agencies: &'a [String],
    units: &'a [String],
    people: Vec<PersonOut<'a>>,
    categories: &'a [String],
    group: &'a str,
    /// With `--spans`: the cleaned text.
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    /// With `--spans`: what was found where (UTF-8 byte offsets into `text`).
    #[serde(skip_serializing_if = "Option::is_none")]
    found: Option<Vec<FoundOut>>,
}

#[derive(Serialize)]
struct PersonOut<'a> {
    name: &'a str,
    role: &'a str,
}

/// A highlighted span.
#[derive(Serialize)]
pub struct FoundOut {
    start: usize,
    end: usize,
    kind: &'static str,
    note: Option<&'static str>,
}

impl<'a> FieldsOut<'a> {
    /// The fields, and with `spans` the text and what was found in it.
    pub fn new(fields: &'a Fields, spans: Option<(&'a str, &[Found])>) -> FieldsOut<'a> {
        FieldsOut {
            file: &fields.file,
            relevant: fields.relevant,
            published_date: fields.published_date.as_deref(),
            province: fields.province.as_deref(),
            city_or_regency: fields.city_or_regency.as_deref(),
            agencies: &fields.agencies,
            units: &fields.units,
            people: fields.people.iter().map(|it| PersonOut { name: &it.name, role: &it.role }).collect(),
            categories: &fields.categories,
            group: &fields.group,
            text: spans.map(|(text, _)| text),
            found: spans.map(|(_, found)| found.iter().map(found_out).collect()),
        }
    }
}

fn found_out(found: &Found) -> FoundOut {
    FoundOut { start: found.start, end: found.end, kind: found.kind.code(), note: found.note }
}
