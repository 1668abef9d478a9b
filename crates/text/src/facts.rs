//! The stored form of an extraction: what pages need to show an article again (highlight spans, agencies with
//! their links, people) without running the extractor. Its stored JSON form is `store::news::facts_doc`.

use crate::extract::Extraction;
use crate::register::{Link, Register};

/// A highlighted span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpanFact {
    /// Byte offset in the cleaned text.
    pub start: usize,
    /// End offset.
    pub end: usize,
    /// `date`, `region`, `unit`, `agency`, `person`, `role`, `cue`.
    pub kind: String,
    /// Category of a cue, role of a person.
    pub note: Option<String>,
}

/// An agency and its link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgencyFact {
    /// Name as written (fullest form).
    pub name: String,
    /// Register keys.
    pub keys: Vec<String>,
    /// `unit`, `unlinked` (of the Pemda's region, not in the register) or `elsewhere`.
    pub state: String,
    /// Linked unit id.
    pub unit_id: Option<String>,
}

/// A person with a role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonFact {
    /// Name.
    pub name: String,
    /// Role.
    pub role: String,
}

/// Everything stored about an extraction besides the text and the indexed columns.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facts {
    /// Spans, sorted, not overlapping.
    pub found: Vec<SpanFact>,
    /// Agencies.
    pub agencies: Vec<AgencyFact>,
    /// People.
    pub people: Vec<PersonFact>,
    /// Page-furniture lines dropped.
    pub furniture: usize,
    /// Repeated paragraphs dropped.
    pub repeats: usize,
}

impl Facts {
    /// The facts of an extraction made with `register`.
    pub fn of(extraction: &Extraction, register: &Register) -> Self {
        let found = extraction
            .found
            .iter()
            .map(|it| SpanFact {
                start: it.start,
                end: it.end,
                kind: it.kind.code().to_owned(),
                note: it.note.map(str::to_owned),
            })
            .collect();
        let agencies = extraction
            .agencies
            .iter()
            .map(|agency| {
                let (state, unit_id) = match agency.link {
                    Link::Unit(index) => ("unit", register.units().get(index).map(|it| it.id.clone())),
                    Link::Unlinked => ("unlinked", None),
                    Link::Elsewhere => ("elsewhere", None),
                };
                AgencyFact { name: agency.name.clone(), keys: agency.keys.clone(), state: state.to_owned(), unit_id }
            })
            .collect();
        let people =
            extraction.people.iter().map(|it| PersonFact { name: it.name.clone(), role: it.role.to_owned() }).collect();
        Facts { found, agencies, people, furniture: extraction.furniture, repeats: extraction.repeats }
    }

    /// Agencies of the Pemda's region that did not link: staff may map them to a unit.
    pub fn unlinked(&self) -> impl Iterator<Item = &AgencyFact> {
        self.agencies.iter().filter(|it| it.state == "unlinked")
    }
}
