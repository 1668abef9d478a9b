//! People with an official role: "Wali Kota Bontang Basri Rase", "Kepala Samsat Tabanan I Ketut Sadar, S.Sos",
//! "Deni selaku Plt. Kepala Bapenda Banten", "Nurbaenah, Sekretaris OPD". The role is normalised to one vocabulary
//! (Kadis → Kepala, Kasi → Kepala Seksi, Sekda → Sekretaris Daerah); degrees and honorifics are left out of the name.
//! Bylines carry no role and so are never taken.

mod lexicon;

use lexicon::{HONORIFICS, NOT_NAMES, PLACE_ROLES, PLACE_TAILS, ROLE_STARTS, ROLES};

use crate::fold::{self, Word};

/// A person and the role the article gives them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    /// Name without degrees and honorifics.
    pub name: String,
    /// Role from the normalised vocabulary.
    pub role: &'static str,
    /// Span of the name in the cleaned text.
    pub start: usize,
    /// End of the name's span.
    pub end: usize,
    /// Span of the role.
    pub role_span: (usize, usize),
}

/// Finds people with roles. `org_spans` are agency and region spans that may stand between a role and a name.
pub fn find(text: &str, org_spans: &[(usize, usize)]) -> Vec<Person> {
    let words: Vec<Word<'_>> = fold::words(text).collect();
    let lower: Vec<String> = words.iter().map(|w| w.text.to_lowercase()).collect();
    // Title-case lines (headlines) name nobody: "Wali Kota Lantik Pejabat Baru".
    let headline = headline_words(text, &words);
    let places = place_words(&words, &lower);
    let scan = Scan { text, words: &words, lower: &lower, org_spans, places: &places };
    let mut found: Vec<Person> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if headline[i] {
            i += 1;
            continue;
        }
        let hit = scan.role_then_name(i).or_else(|| scan.name_then_role(i));
        match hit {
            Some((person, next)) => {
                let duplicate = found.iter().any(|it| same_person(&it.name, &person.name));
                if !duplicate {
                    found.push(person);
                }
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    found
}

fn same_person(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    a == b || a.split(' ').next() == Some(b.as_str()) || b.split(' ').next() == Some(a.as_str())
}

struct Scan<'a> {
    text: &'a str,
    words: &'a [Word<'a>],
    lower: &'a [String],
    org_spans: &'a [(usize, usize)],
    /// Place names written after "Kecamatan"/"Kelurahan": "Camat Serpong Rachmat Hidayat" starts with one.
    places: &'a [String],
}

fn headline_words(text: &str, words: &[Word<'_>]) -> Vec<bool> {
    let mut out = vec![false; words.len()];
    let mut start = 0;
    while start < words.len() {
        let line_end = text[words[start].start..].find('\n').map_or(text.len(), |it| words[start].start + it);
        let end = words[start..].iter().position(|w| w.start >= line_end).map_or(words.len(), |it| start + it);
        let line = &words[start..end];
        let capitals = line.iter().filter(|w| w.is_capitalized() || w.text.chars().all(|c| c.is_ascii_digit())).count();
        if line.len() >= 4 && capitals * 10 >= line.len() * 8 {
            out[start..end].iter_mut().for_each(|it| *it = true);
        }
        start = end.max(start + 1);
    }
    out
}

fn place_words(words: &[Word<'_>], lower: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, word) in lower.iter().enumerate() {
        if word == "kecamatan" || word == "kelurahan" {
            out.extend(words[i + 1..].iter().take(3).take_while(|w| w.is_capitalized()).map(|w| w.text.to_lowercase()));
        }
    }
    out
}

impl Scan<'_> {
    fn gap(&self, i: usize) -> &str {
        if i == 0 || i >= self.words.len() {
            return "\n";
        }
        self.text[self.words[i - 1].end..self.words[i].start].trim_matches(' ')
    }

    /// The role starting at word `i`: its normalised form and the index after it.
    fn role_at(&self, i: usize) -> Option<(&'static str, usize)> {
        let first = self.lower.get(i)?;
        if !ROLE_STARTS.contains(&first.as_str()) {
            return None;
        }
        ROLES.iter().find_map(|(phrase, role)| {
            let fits = phrase.iter().enumerate().all(|(k, part)| {
                self.lower.get(i + k).is_some_and(|it| it == part) && (k == 0 || matches!(self.gap(i + k), "" | "."))
            });
            fits.then_some((*role, i + phrase.len()))
        })
    }

    fn in_org(&self, i: usize) -> bool {
        let word = &self.words[i];
        self.org_spans.iter().any(|(start, end)| word.start >= *start && word.end <= *end)
    }

    fn org_word(&self, i: usize) -> bool {
        self.in_org(i) || (self.words[i].is_capitalized() && crate::agencies::is_name_word(&self.lower[i]))
    }

    fn name_word(&self, i: usize) -> bool {
        let word = &self.words[i];
        word.is_capitalized()
            && !word.text.contains('.')
            && !NOT_NAMES.contains(&self.lower[i].as_str())
            && self.role_at(i).is_none()
            && !self.in_org(i)
            && (!word.text.chars().all(char::is_uppercase) || word.text.chars().count() == 1)
    }

    /// A name starting at `i`: skips an honorific, takes up to five capitalised words joined by spaces.
    fn name_at(&self, mut i: usize) -> Option<(usize, usize)> {
        if HONORIFICS.contains(&self.lower.get(i)?.as_str()) && self.gap(i + 1).starts_with('.') {
            i += 1;
        }
        if i >= self.words.len() || !self.name_word(i) {
            return None;
        }
        let mut last = i;
        while last + 1 < self.words.len() && last - i < 4 && self.gap(last + 1).is_empty() && self.name_word(last + 1) {
            last += 1;
        }
        Some((i, last))
    }

    fn person(&self, role: &'static str, role_span: (usize, usize), (first, last): (usize, usize)) -> Person {
        let (start, end) = (self.words[first].start, self.words[last].end);
        Person { name: self.text[start..end].to_owned(), role, start, end, role_span }
    }

    /// "Kepala Dinas Sosial Kota Bekasi, Rina Marlina".
    fn role_then_name(&self, i: usize) -> Option<(Person, usize)> {
        let (role, mut j) = self.role_at(i)?;
        let role_span = (self.words[i].start, self.words[j - 1].end);
        // The organisation between role and name: agency and region spans, commas inside it.
        while j < self.words.len() && (self.in_org(j) || (self.org_word(j) && matches!(self.gap(j), "" | ","))) {
            j += 1;
        }
        let gap = self.gap(j);
        if !(gap.is_empty() || gap == ",") {
            return None;
        }
        let mut name = self.name_at(j)?;
        if PLACE_ROLES.contains(&role) {
            name = self.after_place(name)?;
        }
        Some((self.person(role, role_span, name), name.1 + 1))
    }

    /// The person's part of "Serpong Rachmat Hidayat" or "Tamalate, Andi Rusli Amir" after a camat or lurah.
    fn after_place(&self, (first, last): (usize, usize)) -> Option<(usize, usize)> {
        if self.gap(last + 1) == ","
            && let Some(next) = self.name_at(last + 1)
            && (last == first || self.places.contains(&self.lower[first]))
        {
            return Some(next);
        }
        let mut start = first;
        while start < last && self.places.contains(&self.lower[start]) {
            start += 1;
        }
        if start == first && last - first >= 2 {
            start += 1;
        }
        while start < last && PLACE_TAILS.contains(&self.lower[start].as_str()) {
            start += 1;
        }
        (last - start >= 1 || last == first).then_some((start, last))
    }

    /// "Deni selaku Plt. Kepala Bapenda", "Nurbaenah, Sekretaris OPD".
    fn name_then_role(&self, i: usize) -> Option<(Person, usize)> {
        let (first, last) = self.name_at(i)?;
        let after = last + 1;
        let linked =
            self.lower.get(after).is_some_and(|it| it == "selaku" || it == "sebagai") && self.gap(after).is_empty();
        let role_at = if linked { after + 1 } else { after };
        if !linked && self.gap(after) != "," {
            return None;
        }
        // An apposition needs a name in mid-sentence, or two words: a capitalised sentence opener is no name.
        let mid_sentence = first > 0 && self.gap(first).is_empty() && !self.words[first - 1].is_capitalized();
        if !(linked || mid_sentence || last > first) {
            return None;
        }
        let (role, next) = self.role_at(role_at)?;
        let role_span = (self.words[role_at].start, self.words[next - 1].end);
        Some((self.person(role, role_span, (first, last)), next))
    }
}

#[cfg(test)]
mod tests;
