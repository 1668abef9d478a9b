//! Scoring an extractor against a labelled set: precision, recall and F1 per field. Single-valued fields (date,
//! province, kabupaten/kota) count a wrong value as both a false positive and a false negative; list fields are
//! matched one to one; agencies and people match leniently (case, punctuation, a bracketed abbreviation, one name
//! containing the other), because "as written" has more than one honest form; groups are scored by pairs.

use std::collections::HashMap;

use serde::Deserialize;

/// One article's fields, as `pantau news extract` prints them and a label file holds them.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
pub struct Fields {
    /// The article's file, relative to the label file.
    pub file: String,
    /// Date a bare weekday is counted back from (labels only).
    #[serde(default)]
    pub reference_date: Option<String>,
    /// About public administration or service.
    pub relevant: bool,
    /// `YYYY-MM-DD`.
    pub published_date: Option<String>,
    /// Official province name.
    pub province: Option<String>,
    /// Official kabupaten/kota name.
    pub city_or_regency: Option<String>,
    /// Agencies as written.
    pub agencies: Vec<String>,
    /// Linked unit codes.
    pub units: Vec<String>,
    /// People with roles.
    pub people: Vec<PersonField>,
    /// Categories.
    pub categories: Vec<String>,
    /// Near-duplicate group.
    pub group: String,
}

/// A person with a role.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
pub struct PersonField {
    /// Name.
    pub name: String,
    /// Role.
    pub role: String,
}

/// Counts of one field.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Right answers given.
    pub tp: u32,
    /// Wrong answers given.
    pub fp: u32,
    /// Right answers missed.
    pub fn_: u32,
}

impl Counts {
    /// tp / (tp + fp); 1 when nothing was answered.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// tp / (tp + fn); 1 when nothing was to be found.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }

    fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

fn ratio(a: u32, b: u32) -> f64 {
    if b == 0 { 1.0 } else { f64::from(a) / f64::from(b) }
}

/// The fields scored, in report order.
pub const FIELDS: [&str; 11] = [
    "relevant",
    "published_date",
    "province",
    "city_or_regency",
    "agencies",
    "units",
    "people",
    "people_roles",
    "categories",
    "group",
    "region",
];

/// Scores predictions against labels (matched by `file`).
pub fn score(labels: &[Fields], predicted: &[Fields]) -> Vec<(&'static str, Counts)> {
    let by_file: HashMap<&str, &Fields> = predicted.iter().map(|it| (it.file.as_str(), it)).collect();
    let mut totals: HashMap<&'static str, Counts> = HashMap::new();
    let empty = Fields::default();
    for gold in labels {
        let guess = by_file.get(gold.file.as_str()).copied().unwrap_or(&empty);
        let mut add = |field: &'static str, counts: Counts| totals.entry(field).or_default().add(counts);
        add("relevant", single(gold.relevant.then_some("yes"), guess.relevant.then_some("yes")));
        add("published_date", single(gold.published_date.as_deref(), guess.published_date.as_deref()));
        add("province", single(gold.province.as_deref(), guess.province.as_deref()));
        add("city_or_regency", single(gold.city_or_regency.as_deref(), guess.city_or_regency.as_deref()));
        let region = single(gold.province.as_deref(), guess.province.as_deref());
        let mut both = region;
        both.add(single(gold.city_or_regency.as_deref(), guess.city_or_regency.as_deref()));
        add("region", both);
        add("agencies", matched(&gold.agencies, &guess.agencies, |a, b| lenient(a, b)));
        add("units", matched(&gold.units, &guess.units, |a, b| a == b));
        add("categories", matched(&gold.categories, &guess.categories, |a, b| a == b));
        add("people", matched(&gold.people, &guess.people, |a, b| lenient(&a.name, &b.name)));
        add("people_roles", matched(&gold.people, &guess.people, |a, b| lenient(&a.name, &b.name) && a.role == b.role));
    }
    totals.insert("group", pairs(labels, predicted));
    FIELDS.iter().map(|field| (*field, totals.get(field).copied().unwrap_or_default())).collect()
}

fn single(gold: Option<&str>, guess: Option<&str>) -> Counts {
    match (gold, guess) {
        (Some(a), Some(b)) if a == b => Counts { tp: 1, ..Counts::default() },
        (Some(_), Some(_)) => Counts { tp: 0, fp: 1, fn_: 1 },
        (Some(_), None) => Counts { fn_: 1, ..Counts::default() },
        (None, Some(_)) => Counts { fp: 1, ..Counts::default() },
        (None, None) => Counts::default(),
    }
}

fn matched<T>(gold: &[T], guess: &[T], same: impl Fn(&T, &T) -> bool) -> Counts {
    let mut used = vec![false; guess.len()];
    let mut tp = 0;
    for item in gold {
        if let Some(index) = (0..guess.len()).find(|&i| !used[i] && same(item, &guess[i])) {
            used[index] = true;
            tp += 1;
        }
    }
    let total_gold = u32::try_from(gold.len()).unwrap_or(u32::MAX);
    let total_guess = u32::try_from(guess.len()).unwrap_or(u32::MAX);
    Counts { tp, fp: total_guess - tp, fn_: total_gold - tp }
}

/// Equal after folding and dropping bracketed parts, or one contains the other as whole words.
pub fn lenient(a: &str, b: &str) -> bool {
    let (a, b) = (words(a), words(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    long.windows(short.len()).any(|window| window == short.as_slice())
}

fn words(raw: &str) -> Vec<String> {
    let mut out = String::new();
    let mut depth = 0;
    for ch in raw.chars() {
        match ch {
            '(' => depth += 1,
            ')' => depth = (depth - 1).max(0),
            _ if depth == 0 => out.push(ch),
            _ => {}
        }
    }
    out.split(|ch: char| !ch.is_alphanumeric()).filter(|it| !it.is_empty()).map(str::to_lowercase).collect()
}

/// Pairs of articles put in one group: right when the labels also group them.
fn pairs(labels: &[Fields], predicted: &[Fields]) -> Counts {
    let guess: HashMap<&str, &str> = predicted.iter().map(|it| (it.file.as_str(), it.group.as_str())).collect();
    let mut counts = Counts::default();
    for (i, a) in labels.iter().enumerate() {
        for b in &labels[i + 1..] {
            let gold_same = a.group == b.group;
            let guess_same = match (guess.get(a.file.as_str()), guess.get(b.file.as_str())) {
                (Some(x), Some(y)) => x == y,
                _ => false,
            };
            match (gold_same, guess_same) {
                (true, true) => counts.tp += 1,
                (false, true) => counts.fp += 1,
                (true, false) => counts.fn_ += 1,
                (false, false) => {}
            }
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lenient_matching_and_counts() {
        assert!(lenient(
            "Badan Pendapatan Daerah (Bapenda) Provinsi Banten",
            "Badan Pendapatan Daerah Provinsi Banten"
        ));
        assert!(lenient("Samsat Tabanan", "Kantor Samsat Tabanan"));
        assert!(!lenient("Dinas Sosial", "Dinas Kesehatan"));
        let counts = matched(&["a", "b"], &["b", "c", "d"], |x, y| x == y);
        assert_eq!(counts, Counts { tp: 1, fp: 2, fn_: 1 });
        assert!((counts.f1() - 0.4).abs() < 1e-9);
    }

    #[test]
    fn groups_score_by_pairs() {
        let item = |file: &str, group: &str| Fields { file: file.into(), group: group.into(), ..Fields::default() };
        let labels = [item("a", "g1"), item("b", "g1"), item("c", "c")];
        let guess = [item("a", "x"), item("b", "x"), item("c", "x")];
        assert_eq!(pairs(&labels, &guess), Counts { tp: 1, fp: 2, fn_: 0 });
    }
}
