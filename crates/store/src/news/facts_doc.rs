//! The stored form of an article's facts (`news_article.facts`), mapped by hand to and from `text::facts::Facts`.
//! Version 1 is the shape the column had before versions existed.

use serde::{Deserialize, Serialize};
use text::facts::{AgencyFact, Facts, PersonFact, SpanFact};

use crate::StoreError;

/// Newest version.
pub const VERSION: u32 = 1;
const TABLE: &str = "news_article";

#[derive(Serialize, Deserialize)]
struct FactsDoc {
    found: Vec<SpanDoc>,
    agencies: Vec<AgencyDoc>,
    people: Vec<PersonDoc>,
    furniture: usize,
    repeats: usize,
}

#[derive(Serialize, Deserialize)]
struct SpanDoc {
    start: usize,
    end: usize,
    kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct AgencyDoc {
    name: String,
    keys: Vec<String>,
    state: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    unit_id: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct PersonDoc {
    name: String,
    role: String,
}

/// The facts' stored text.
pub fn write(facts: &Facts) -> String {
    let doc = FactsDoc {
        found: facts
            .found
            .iter()
            .map(|it| SpanDoc { start: it.start, end: it.end, kind: it.kind.clone(), note: it.note.clone() })
            .collect(),
        agencies: facts
            .agencies
            .iter()
            .map(|it| AgencyDoc {
                name: it.name.clone(),
                keys: it.keys.clone(),
                state: it.state.clone(),
                unit_id: it.unit_id.clone(),
            })
            .collect(),
        people: facts.people.iter().map(|it| PersonDoc { name: it.name.clone(), role: it.role.clone() }).collect(),
        furniture: facts.furniture,
        repeats: facts.repeats,
    };
    crate::docs::write(VERSION, &doc)
}

/// The facts from their stored text.
pub fn read(text: &str) -> Result<Facts, StoreError> {
    let (version, doc): (u32, FactsDoc) = crate::docs::read(text, TABLE)?;
    crate::docs::known(version, VERSION, TABLE)?;
    Ok(Facts {
        found: doc
            .found
            .into_iter()
            .map(|it| SpanFact { start: it.start, end: it.end, kind: it.kind, note: it.note })
            .collect(),
        agencies: doc
            .agencies
            .into_iter()
            .map(|it| AgencyFact { name: it.name, keys: it.keys, state: it.state, unit_id: it.unit_id })
            .collect(),
        people: doc.people.into_iter().map(|it| PersonFact { name: it.name, role: it.role }).collect(),
        furniture: doc.furniture,
        repeats: doc.repeats,
    })
}
