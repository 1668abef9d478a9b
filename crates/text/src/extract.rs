//! The whole pipeline for one article: decode, clean, find regions, agencies, people, the date and the categories,
//! link agencies to the register, and sign the text for near-duplicate grouping. Pure: the caller reads files and
//! stores results.

use jiff::civil::Date;
use sha2::{Digest, Sha256};

use crate::input::Format;
use crate::near_dup::{Hasher32, Signature};
use crate::people::Person;
use crate::register::{Link, Register};
use crate::{agencies, categories, clean, dates, html, people, regions};

/// What a highlighted span is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FoundKind {
    /// The article's date.
    Date,
    /// A province or kabupaten/kota.
    Region,
    /// An agency linked to a unit.
    Unit,
    /// An agency not linked.
    Agency,
    /// A person's name.
    Person,
    /// A person's role.
    Role,
    /// A cue of a category.
    Cue,
}

impl FoundKind {
    /// Code as pages, the stored facts and the CLI write it.
    pub fn code(self) -> &'static str {
        match self {
            FoundKind::Date => "date",
            FoundKind::Region => "region",
            FoundKind::Unit => "unit",
            FoundKind::Agency => "agency",
            FoundKind::Person => "person",
            FoundKind::Role => "role",
            FoundKind::Cue => "cue",
        }
    }
}

/// A span of the cleaned text and what was found there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Byte offset in [`Extraction::text`].
    pub start: usize,
    /// End offset.
    pub end: usize,
    /// Kind.
    pub kind: FoundKind,
    /// Category of a cue, role of a person.
    pub note: Option<&'static str>,
}

/// An agency with its link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundAgency {
    /// Fullest form in the article.
    pub name: String,
    /// Keys for the register.
    pub keys: Vec<String>,
    /// The link.
    pub link: Link,
    /// Spans of its mentions.
    pub spans: Vec<(usize, usize)>,
}

/// Everything extracted from one article.
#[derive(Clone, Debug)]
pub struct Extraction {
    /// Headline.
    pub title: Option<String>,
    /// Cleaned text, one paragraph per line.
    pub text: String,
    /// Lines dropped as page furniture.
    pub furniture: usize,
    /// Paragraphs dropped as repeats.
    pub repeats: usize,
    /// About public administration or service.
    pub relevant: bool,
    /// Article/event date.
    pub published_date: Option<Date>,
    /// Province code.
    pub province: Option<&'static str>,
    /// Kabupaten/kota code.
    pub city_or_regency: Option<&'static str>,
    /// Agencies.
    pub agencies: Vec<FoundAgency>,
    /// People with roles.
    pub people: Vec<Person>,
    /// Categories.
    pub categories: Vec<&'static str>,
    /// Spans for highlighting, sorted by start.
    pub found: Vec<Found>,
    /// MinHash signature.
    pub signature: Signature,
    /// SHA-256 of the folded cleaned text: the same article twice has the same hash.
    pub content_hash: String,
}

impl Extraction {
    /// Indices (into the register) of linked units, without repeats.
    pub fn linked_units(&self) -> Vec<usize> {
        let mut out = Vec::new();
        for agency in &self.agencies {
            if let Link::Unit(index) = agency.link
                && !out.contains(&index)
            {
                out.push(index);
            }
        }
        out
    }

    /// Negative for the units it names: a relevant article in a category worth an alert.
    pub fn is_negative(&self) -> bool {
        self.relevant && self.categories.iter().any(|it| categories::NEGATIVE.contains(it))
    }
}

/// One article to extract.
#[derive(Clone, Copy, Debug)]
pub struct Article<'a> {
    /// Body as received.
    pub body: &'a str,
    /// Text or HTML.
    pub format: Format,
    /// Headline when the source gives one apart from the body.
    pub title: Option<&'a str>,
    /// Date a bare weekday ("Rabu") is counted back from: the publication or crawl date, when known.
    pub reference: Option<Date>,
}

/// Runs the pipeline; holds the register and the MinHash family.
#[derive(Default)]
pub struct Extractor {
    register: Register,
    hasher: Hasher32,
}

impl Extractor {
    /// An extractor linking to this register.
    pub fn new(register: Register) -> Self {
        Self { register, hasher: Hasher32::default() }
    }

    /// The register.
    pub fn register(&self) -> &Register {
        &self.register
    }

    /// Extracts one article.
    pub fn extract(&self, article: &Article<'_>) -> Extraction {
        let (raw, page_title) = match article.format {
            Format::Html => {
                let page = html::page(article.body);
                (page.text, page.title)
            }
            Format::Text | Format::JsonLines => (article.body.to_owned(), None),
        };
        let cleaned = clean::clean(&raw);
        // The headline from the cleaned text, so a bullet date or an ad line above it is never taken.
        let title = article.title.map(str::to_owned).or(page_title).or_else(|| headline(&cleaned.text));
        let text = cleaned.text;
        let region_mentions = regions::find(&text);
        let dateline_end = text.char_indices().nth(150).map_or(text.len(), |(at, _)| at);
        let place = regions::place(&region_mentions, dateline_end);
        let found_agencies = agencies::find(&text, &region_mentions);
        let mut org_spans: Vec<(usize, usize)> = region_mentions.iter().map(|it| (it.start, it.end)).collect();
        org_spans.extend(found_agencies.iter().flat_map(|it| it.spans.iter().copied()));
        let people = people::find(&text, &org_spans);
        let topics = categories::topics(&text, found_agencies.len());
        let date = dates::article_date(&text, article.reference);
        let agencies: Vec<FoundAgency> = found_agencies
            .into_iter()
            .map(|agency| FoundAgency {
                link: self.register.link(&agency, &place),
                name: agency.name,
                keys: agency.keys,
                spans: agency.spans,
            })
            .collect();
        let found = spans(date.as_ref(), &region_mentions, &agencies, &people, &topics.cues);
        Extraction {
            title,
            signature: self.hasher.signature(&text),
            content_hash: content_hash(&text),
            furniture: cleaned.furniture,
            repeats: cleaned.repeats,
            relevant: topics.relevant,
            published_date: date.map(|it| it.date),
            province: place.province,
            city_or_regency: place.city_or_regency,
            agencies,
            people,
            categories: topics.categories,
            found,
            text,
        }
    }
}

/// Every span found, for highlighting.
fn spans(
    date: Option<&dates::DateMention>,
    regions: &[regions::RegionMention],
    agencies: &[FoundAgency],
    people: &[Person],
    cues: &[categories::Cue],
) -> Vec<Found> {
    let mut found = Vec::new();
    let mut add = |start: usize, end: usize, kind: FoundKind, note: Option<&'static str>| {
        found.push(Found { start, end, kind, note });
    };
    if let Some(it) = date {
        add(it.start, it.end, FoundKind::Date, None);
    }
    regions.iter().for_each(|it| add(it.start, it.end, FoundKind::Region, None));
    for agency in agencies {
        let kind = if matches!(agency.link, Link::Unit(_)) { FoundKind::Unit } else { FoundKind::Agency };
        agency.spans.iter().for_each(|(start, end)| add(*start, *end, kind, None));
    }
    for person in people {
        add(person.start, person.end, FoundKind::Person, Some(person.role));
        add(person.role_span.0, person.role_span.1, FoundKind::Role, Some(person.role));
    }
    cues.iter().for_each(|it| add(it.start, it.end, FoundKind::Cue, Some(it.category)));
    without_overlaps(found)
}

/// A first line short enough to be a headline.
fn headline(raw: &str) -> Option<String> {
    let first = raw.lines().map(str::trim).find(|it| !it.is_empty())?;
    let fits = first.chars().count() <= 160 && !first.ends_with('.') && first.split_whitespace().count() >= 3;
    fits.then(|| first.to_owned())
}

fn content_hash(text: &str) -> String {
    let folded: String = text.chars().filter(|it| it.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    hex::encode(Sha256::digest(folded.as_bytes()))
}

/// Sorted spans where an earlier or longer one wins an overlap, so highlights never nest.
fn without_overlaps(mut found: Vec<Found>) -> Vec<Found> {
    let rank = |kind: FoundKind| match kind {
        FoundKind::Date => 0,
        FoundKind::Person => 1,
        FoundKind::Unit => 2,
        FoundKind::Agency => 3,
        FoundKind::Role => 4,
        FoundKind::Region => 5,
        FoundKind::Cue => 6,
    };
    found.sort_by(|a, b| a.start.cmp(&b.start).then(rank(a.kind).cmp(&rank(b.kind))).then(b.end.cmp(&a.end)));
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for item in found {
        if out.last().is_none_or(|last| item.start >= last.end) {
            out.push(item);
        }
    }
    out
}
