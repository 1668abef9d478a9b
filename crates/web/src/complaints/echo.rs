//! The complaint form's fields as typed, shown again next to their problems: the page's own model of the form,
//! mapped from the domain's raw item.

use domain::complaints::intake::RawItem;
use serde::Serialize;

/// The form's fields as typed, shown again next to their problems.
#[derive(Serialize)]
pub(super) struct FormEcho {
    kind: String,
    category: String,
    unit: String,
    title: String,
    body: String,
    location: String,
    latitude: String,
    longitude: String,
    confidentiality: String,
    name: String,
    contact: String,
    letter_sender: String,
    letter_number: String,
    letter_date: String,
}

impl From<RawItem> for FormEcho {
    fn from(raw: RawItem) -> FormEcho {
        FormEcho {
            kind: raw.kind,
            category: raw.category,
            unit: raw.unit,
            title: raw.title,
            body: raw.body,
            location: raw.location,
            latitude: raw.latitude,
            longitude: raw.longitude,
            confidentiality: raw.confidentiality,
            name: raw.name,
            contact: raw.contact,
            letter_sender: raw.letter_sender,
            letter_number: raw.letter_number,
            letter_date: raw.letter_date,
        }
    }
}
