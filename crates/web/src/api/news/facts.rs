//! The public form of an article's facts, as `GET /api/v1/news/{id}` has published it: highlight spans (UTF-8 byte
//! offsets into the cleaned text), agencies with their link, people with their role, and what cleaning dropped.

use serde::Serialize;
use text::facts::Facts;
use utoipa::ToSchema;

/// Everything found in an article.
#[derive(Serialize, ToSchema)]
pub struct FactsOut {
    /// Highlight spans, sorted, not overlapping.
    found: Vec<SpanOut>,
    /// Agencies named.
    agencies: Vec<AgencyOut>,
    /// People with their role.
    people: Vec<PersonOut>,
    /// Page-furniture lines dropped.
    furniture: usize,
    /// Repeated paragraphs dropped.
    repeats: usize,
}

/// A highlighted span.
#[derive(Serialize, ToSchema)]
struct SpanOut {
    start: usize,
    end: usize,
    /// `date`, `region`, `unit`, `agency`, `person`, `role`, `cue`.
    kind: String,
    /// Category of a cue, role of a person.
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

/// An agency and its link.
#[derive(Serialize, ToSchema)]
struct AgencyOut {
    name: String,
    keys: Vec<String>,
    /// `unit`, `unlinked` (of the Pemda's region, not in the register) or `elsewhere`.
    state: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit_id: Option<String>,
}

/// A person.
#[derive(Serialize, ToSchema)]
struct PersonOut {
    name: String,
    role: String,
}

impl From<&Facts> for FactsOut {
    fn from(facts: &Facts) -> FactsOut {
        FactsOut {
            found: facts
                .found
                .iter()
                .map(|it| SpanOut { start: it.start, end: it.end, kind: it.kind.clone(), note: it.note.clone() })
                .collect(),
            agencies: facts
                .agencies
                .iter()
                .map(|it| AgencyOut {
                    name: it.name.clone(),
                    keys: it.keys.clone(),
                    state: it.state.clone(),
                    unit_id: it.unit_id.clone(),
                })
                .collect(),
            people: facts.people.iter().map(|it| PersonOut { name: it.name.clone(), role: it.role.clone() }).collect(),
            furniture: facts.furniture,
            repeats: facts.repeats,
        }
    }
}
