//! Checking what a citizen, a front-desk operator or an API client sends, field by field, before anything is stored.

use jiff::civil::Date;

use super::{Confidentiality, Kind, find_category};
use crate::problems::{Problem, Problems, optional_text, required_text};

/// Limits of the intake fields.
pub mod limits {
    /// Title.
    pub const TITLE_MAX: usize = 150;
    /// Shortest text that can describe a problem.
    pub const BODY_MIN: usize = 20;
    /// Longest text.
    pub const BODY_MAX: usize = 5000;
    /// Name, sender, place.
    pub const NAME_MAX: usize = 120;
    /// Contact (e-mail or phone).
    pub const CONTACT_MAX: usize = 120;
    /// Letter number.
    pub const LETTER_NUMBER_MAX: usize = 80;
}

/// An item as sent: every field as text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawItem {
    /// Kind code.
    pub kind: String,
    /// Category code.
    pub category: String,
    /// Unit code, when the reporter knows it.
    pub unit: String,
    /// Short title (for a letter: its subject).
    pub title: String,
    /// The text.
    pub body: String,
    /// Place in words.
    pub location: String,
    /// Latitude, WGS 84.
    pub latitude: String,
    /// Longitude, WGS 84.
    pub longitude: String,
    /// Confidentiality code.
    pub confidentiality: String,
    /// Reporter's name.
    pub name: String,
    /// Reporter's e-mail or phone.
    pub contact: String,
    /// Letter: sender.
    pub letter_sender: String,
    /// Letter: its number.
    pub letter_number: String,
    /// Letter: its date, YYYY-MM-DD.
    pub letter_date: String,
}

/// A place.
#[derive(Clone, Debug, PartialEq)]
pub struct Location {
    /// Place in words.
    pub text: Option<String>,
    /// Coordinates, when given.
    pub point: Option<(f64, f64)>,
}

/// Who filed, when they chose to say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reporter {
    /// Name.
    pub name: Option<String>,
    /// E-mail or phone.
    pub contact: Option<Contact>,
}

/// A way to reach the reporter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Contact {
    /// E-mail address, lower-cased.
    Email(String),
    /// Phone number, digits with an optional leading '+'.
    Phone(String),
}

impl Contact {
    /// As stored.
    pub fn as_str(&self) -> &str {
        match self {
            Contact::Email(it) | Contact::Phone(it) => it,
        }
    }

    /// Parses an e-mail address or a phone number.
    pub fn parse(raw: &str) -> Option<Contact> {
        let raw = raw.trim();
        if raw.contains('@') {
            return crate::problems::is_email(raw).then(|| Contact::Email(raw.to_lowercase()));
        }
        let plus = raw.starts_with('+');
        let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
        let only_phone_chars = raw.chars().all(|it| it.is_ascii_digit() || " +-().".contains(it));
        (only_phone_chars && (8..=15).contains(&digits.len()))
            .then(|| Contact::Phone(if plus { format!("+{digits}") } else { digits }))
    }
}

/// A letter's particulars.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Letter {
    /// Sender.
    pub sender: String,
    /// Letter number as written on it.
    pub number: String,
    /// Letter date.
    pub date: Date,
}

/// A checked item, ready to store.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemDraft {
    /// Kind.
    pub kind: Kind,
    /// Category code.
    pub category: String,
    /// Unit code as given (checked against the register by storage).
    pub unit: Option<String>,
    /// Title.
    pub title: String,
    /// Text.
    pub body: String,
    /// Place.
    pub location: Option<Location>,
    /// Confidentiality.
    pub confidentiality: Confidentiality,
    /// Reporter, `None` for anonymous items.
    pub reporter: Option<Reporter>,
    /// Letter particulars, for letters.
    pub letter: Option<Letter>,
}

/// Where an item comes from, which decides what it may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// A citizen on the web, the API or Open311.
    Citizen,
    /// A front-desk operator on the citizen's behalf.
    FrontDesk,
}

impl RawItem {
    /// Checks every field; `today` (in the unit's zone) bounds the letter date.
    pub fn parse(&self, source: Source, today: Date) -> Result<ItemDraft, Vec<FieldProblem>> {
        let mut problems = Problems::default();
        let kind = parse_kind(&mut problems, &self.kind, source);
        let category = match find_category(&self.category) {
            Some(it) => it.code.clone(),
            None if self.category.trim().is_empty() && kind == Some(Kind::SuratMasuk) => "lainnya".to_owned(),
            None if self.category.trim().is_empty() => {
                problems.add("category", Problem::Required);
                String::new()
            }
            None => {
                problems.add("category", Problem::UnknownCode { given: self.category.trim().to_owned() });
                String::new()
            }
        };
        let unit = optional_text(&mut problems, "unit", &self.unit, 40);
        let title = required_text(&mut problems, "title", &self.title, limits::TITLE_MAX);
        let body = self.body.trim().to_owned();
        let n_chars = body.chars().count();
        if body.is_empty() && kind != Some(Kind::SuratMasuk) {
            problems.add("body", Problem::Required);
        } else if n_chars > limits::BODY_MAX {
            problems.add("body", Problem::TooLong { max: limits::BODY_MAX });
        } else if n_chars < limits::BODY_MIN && kind != Some(Kind::SuratMasuk) {
            problems.add("body", Problem::TooShort { min: limits::BODY_MIN });
        }
        let location = self.parse_location(&mut problems);
        let confidentiality = match Confidentiality::parse(&self.confidentiality) {
            Some(it) => it,
            None if self.confidentiality.trim().is_empty() => Confidentiality::Public,
            None => {
                problems.add("confidentiality", Problem::UnknownCode { given: self.confidentiality.clone() });
                Confidentiality::Public
            }
        };
        // Anonymous means nothing that identifies the reporter is kept, even when the form sent it.
        let reporter = (confidentiality != Confidentiality::Anonymous).then(|| self.parse_reporter(&mut problems));
        let letter = (kind == Some(Kind::SuratMasuk)).then(|| self.parse_letter(&mut problems, today)).flatten();
        let kind = kind.unwrap_or(Kind::Pengaduan);
        problems.finish(|| ItemDraft {
            kind,
            category,
            unit,
            title,
            body,
            location,
            confidentiality,
            reporter: reporter.filter(|it| it.name.is_some() || it.contact.is_some()),
            letter,
        })
    }

    fn parse_location(&self, problems: &mut Problems) -> Option<Location> {
        let text = optional_text(problems, "location", &self.location, limits::NAME_MAX);
        let coordinate = |problems: &mut Problems, field: &'static str, raw: &str, min: f64, max: f64| {
            let raw = raw.trim();
            if raw.is_empty() {
                return None;
            }
            match raw.replace(',', ".").parse::<f64>() {
                Ok(value) if value.is_finite() && (min..=max).contains(&value) => Some(value),
                Ok(_) => {
                    #[allow(clippy::cast_possible_truncation)]
                    problems.add(field, Problem::OutOfRange { min: min as i64, max: max as i64 });
                    None
                }
                Err(_) => {
                    problems.add(field, Problem::Malformed { given: raw.to_owned() });
                    None
                }
            }
        };
        // Choice: Indonesia's extent with a margin, so a swapped latitude and longitude is caught.
        let lat = coordinate(problems, "latitude", &self.latitude, -11.5, 6.5);
        let lon = coordinate(problems, "longitude", &self.longitude, 94.0, 141.5);
        let point = match (lat, lon) {
            (Some(lat), Some(lon)) => Some((lat, lon)),
            (None, None) => None,
            (Some(_), None) => {
                problems.add("longitude", Problem::Required);
                None
            }
            (None, Some(_)) => {
                problems.add("latitude", Problem::Required);
                None
            }
        };
        (text.is_some() || point.is_some()).then_some(Location { text, point })
    }

    fn parse_reporter(&self, problems: &mut Problems) -> Reporter {
        let name = optional_text(problems, "name", &self.name, limits::NAME_MAX);
        let contact = match self.contact.trim() {
            "" => None,
            raw if raw.chars().count() > limits::CONTACT_MAX => {
                problems.add("contact", Problem::TooLong { max: limits::CONTACT_MAX });
                None
            }
            raw => {
                let parsed = Contact::parse(raw);
                if parsed.is_none() {
                    problems.add("contact", Problem::Malformed { given: raw.to_owned() });
                }
                parsed
            }
        };
        Reporter { name, contact }
    }

    fn parse_letter(&self, problems: &mut Problems, today: Date) -> Option<Letter> {
        let sender = required_text(problems, "letter_sender", &self.letter_sender, limits::NAME_MAX);
        let number = required_text(problems, "letter_number", &self.letter_number, limits::LETTER_NUMBER_MAX);
        let date = match self.letter_date.trim() {
            "" => {
                problems.add("letter_date", Problem::Required);
                None
            }
            raw => match raw.parse::<Date>() {
                Ok(date) if date <= today => Some(date),
                Ok(_) => {
                    problems.add("letter_date", Problem::InFuture);
                    None
                }
                Err(_) => {
                    problems.add("letter_date", Problem::Malformed { given: raw.to_owned() });
                    None
                }
            },
        };
        Some(Letter { sender, number, date: date? })
    }
}

fn parse_kind(problems: &mut Problems, raw: &str, source: Source) -> Option<Kind> {
    match Kind::parse(raw) {
        Some(Kind::SuratMasuk) if source == Source::Citizen => {
            problems.add("kind", Problem::UnknownCode { given: raw.trim().to_owned() });
            None
        }
        Some(kind) => Some(kind),
        None if raw.trim().is_empty() => {
            problems.add("kind", Problem::Required);
            None
        }
        None => {
            problems.add("kind", Problem::UnknownCode { given: raw.trim().to_owned() });
            None
        }
    }
}

use crate::problems::FieldProblem;

#[cfg(test)]
mod tests;
