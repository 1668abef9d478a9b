//! Indonesian stemmer for search: the index stores stems so that "pelayanan", "melayani" and "dilayani" meet at
//! "layan". It follows the confix-stripping family (Nazief & Adriani 1996; Asian et al. 2007; Arifin et al. 2009) but
//! has no root dictionary, because shipping and loading one per tokenizer would dominate indexing cost. In its place:
//!
//! * a short word list (`lexicon.rs`) of roots that look affixed ("pesan", "sekolah", "pegawai") and of readings the
//!   rules cannot choose alone ("mengirim" is k-irim, "memiliki" is m-ilik); a listed word is never cut further;
//! * shape heuristics where a dictionary would be consulted: "-i" is a suffix only after di-, meN-, ter- or peN- and
//!   never leaves a one-syllable root ("menjadi" stays "jadi"); "-kan" is read as root "k" + "-an" after ke- and peN-
//!   ("pendidikan" gives "didik"); loanword endings "-si" and diphthong "-ai" keep their i unless the shorter root is
//!   listed ("dimutasi" gives "mutasi", "didanai" gives "dana");
//! * no step may leave fewer than three letters, and at most three prefixes are removed.
//!
//! Decisions worth knowing: "pemerintahan" stems to "pemerintah" (listed) so government does not merge with
//! "perintah" (command); "kecamatan", "kelurahan" and "kementerian" are listed whole so the office names, which occur in
//! almost every article as place names, do not drown searches for "camat", "lurah" or "menteri".
//!
//! Every reading is a slice of the input plus at most one restored consonant, so unchanged words and plain slices are
//! returned borrowed and only recoded stems ("menulis" to "tulis") allocate.

mod lexicon;
mod prefix;
#[cfg(test)]
mod tests;

use std::borrow::Cow;

use prefix::Kind;

/// Shortest stem any step may leave.
const MIN_STEM: usize = 3;
/// Source: Nazief & Adriani (1996): at most three derivational prefixes.
const MAX_PREFIXES: usize = 3;
/// Longer tokens are identifiers or run-together text, not words worth stemming.
const MAX_WORD: usize = 40;

/// Stem of a lower-case word; words that are protected or too short come back unchanged.
#[must_use]
pub fn stem(word: &str) -> Cow<'_, str> {
    let bytes = word.as_bytes();
    if bytes.len() <= MIN_STEM || bytes.len() > MAX_WORD {
        return Cow::Borrowed(word);
    }
    if !bytes.iter().all(u8::is_ascii_lowercase) {
        return reduplicated(word).unwrap_or(Cow::Borrowed(word));
    }
    if lexicon::contains(bytes) {
        return Cow::Borrowed(word);
    }
    let piece = best_reading(bytes);
    let body = &word[piece.start..piece.end];
    if piece.head.is_empty() {
        Cow::Borrowed(body)
    } else {
        let mut owned = String::with_capacity(piece.head.len() + body.len());
        owned.push_str(piece.head);
        owned.push_str(body);
        Cow::Owned(owned)
    }
}

/// True for domain words that the rules would break.
#[must_use]
pub fn is_protected(word: &str) -> bool {
    lexicon::contains(word.as_bytes())
}

/// "kegiatan-kegiatan" stems like "kegiatan"; other mixed tokens ("ke-2", "covid-19") are left alone.
fn reduplicated(word: &str) -> Option<Cow<'_, str>> {
    let (left, right) = word.split_once('-')?;
    (left == right && left.bytes().all(|b| b.is_ascii_lowercase())).then(|| stem(left))
}

/// A candidate stem: `head` (a consonant meN-/peN- had swallowed) followed by `bytes[start..end]`.
#[derive(Clone, Copy, Debug)]
struct Piece {
    start: usize,
    end: usize,
    head: &'static str,
}

impl Piece {
    fn len(self) -> usize {
        self.head.len() + self.end - self.start
    }

    fn listed(self, bytes: &[u8]) -> bool {
        lexicon::contains_parts(self.head.as_bytes(), &bytes[self.start..self.end])
    }
}

/// Outcome of stripping prefixes from one reading.
#[derive(Clone, Copy, Debug)]
struct Found {
    piece: Piece,
    /// The stem is a listed word: this reading wins outright.
    hit: bool,
    /// A prefix-like start could not be removed because too little was left: a sign that an inflectional ending was
    /// really part of the root ("bertanya" is not "berta" + "-nya").
    weak: bool,
    stripped: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Suffix {
    None,
    I,
    Kan,
    An,
}

impl Suffix {
    fn len(self) -> usize {
        match self {
            Suffix::None => 0,
            Suffix::I => 1,
            Suffix::An => 2,
            Suffix::Kan => 3,
        }
    }
}

/// Tries every reading in order of likelihood: a listed stem wins at once, otherwise the first reading whose
/// inflectional cut did not leave an unstrippable prefix.
fn best_reading(bytes: &[u8]) -> Piece {
    let (ends, count) = inflection_ends(bytes);
    let mut fallback: Option<Piece> = None;
    for &end in &ends[..count] {
        if end < bytes.len() && lexicon::contains(&bytes[..end]) {
            return Piece { start: 0, end, head: "" };
        }
        let (suffixes, n) = suffix_alternatives(&bytes[..end]);
        let mut first: Option<Found> = None;
        for &suffix in &suffixes[..n] {
            let Some(found) = try_suffix(bytes, end, suffix) else { continue };
            if found.hit {
                return found.piece;
            }
            first.get_or_insert(found);
        }
        let Some(found) = first else { continue };
        if !found.weak {
            return found.piece;
        }
        fallback.get_or_insert(found.piece);
    }
    fallback.unwrap_or(Piece { start: 0, end: bytes.len(), head: "" })
}

/// Where the word may end once particles and possessives are gone, most likely first.
/// Source: Nazief & Adriani (1996): particles (-lah, -kah, -tah, -pun) precede possessives (-ku, -mu, -nya).
fn inflection_ends(bytes: &[u8]) -> ([usize; 4], usize) {
    let mut ends = [0usize; 4];
    let mut count = 0;
    let len = bytes.len();
    let particle = [b"lah", b"kah", b"tah", b"pun"].iter().any(|p| bytes.ends_with(*p)) && len - 3 >= MIN_STEM;
    let particle_ends: &[usize] = if particle { &[len - 3, len] } else { &[len] };
    for &end in particle_ends {
        let body = &bytes[..end];
        if body.ends_with(b"nya") && end - 3 >= MIN_STEM {
            ends[count] = end - 3;
            ends[count + 1] = end;
            count += 2;
        } else if (body.ends_with(b"ku") || body.ends_with(b"mu")) && end - 2 >= MIN_STEM {
            // Roots in -ku/-mu ("berlaku", "bertemu") outnumber possessives in news prose, so keep them by default.
            ends[count] = end;
            ends[count + 1] = end - 2;
            count += 2;
        } else {
            ends[count] = end;
            count += 1;
        }
    }
    (ends, count)
}

/// Derivational suffix readings for a word, most likely first, honouring the forbidden confixes.
/// Source: Nazief & Adriani (1996), disallowed pairs be-i, di-an, ke-i, ke-kan, me-an, se-i, se-kan, te-an.
fn suffix_alternatives(bytes: &[u8]) -> ([Suffix; 3], usize) {
    use Suffix::{An, I, Kan, None};
    // Only a start that some prefix rule accepts counts for the confix checks: "temuan" is temu-an, not te-...-an.
    let prefixed = !prefix::readings(bytes).as_slice().is_empty();
    let class = if prefixed { bytes.get(..2).unwrap_or_default() } else { b"" };
    let outer = matches!(class, b"me" | b"di" | b"te");
    let list: &[Suffix] = if bytes.ends_with(b"kan") {
        match class {
            b"me" | b"di" | b"te" => &[Kan, None],
            b"ke" | b"se" => &[An, None],
            // peN- forms nouns with -an, so "pendidikan" is pen-didik-an rather than pen-didi-kan.
            b"pe" => &[An, Kan, None],
            b"be" => &[Kan, An, None],
            // Without a prefix, a consonant before k cannot end a root ("jelaskan"); a vowel usually does ("tindakan").
            _ if bytes.len() > 3 && !prefix::is_vowel(bytes[bytes.len() - 4]) => &[Kan, An, None],
            _ => &[An, Kan, None],
        }
    } else if bytes.ends_with(b"an") {
        if outer { &[None] } else { &[An, None] }
    } else if bytes.ends_with(b"i") && (outer || class == b"pe") {
        // Loanwords in -si ("mutasi") and roots in -ai ("nilai") keep the i unless the listed root says otherwise.
        if bytes.ends_with(b"si") || bytes.ends_with(b"ai") { &[None, I] } else { &[I, None] }
    } else {
        &[None]
    };
    let mut out = [None; 3];
    out[..list.len()].copy_from_slice(list);
    (out, list.len())
}

fn try_suffix(bytes: &[u8], end: usize, suffix: Suffix) -> Option<Found> {
    let body_end = end.checked_sub(suffix.len())?;
    if body_end < MIN_STEM {
        return Option::None;
    }
    let mut found = strip_prefixes(bytes, body_end);
    if suffix == Suffix::None || found.hit {
        return Some(found);
    }
    let one_syllable = prefix::syllables(&bytes[found.piece.start..found.piece.end]) <= 1;
    if suffix == Suffix::I {
        // "-i" only comes with a prefix, and a one-syllable remainder means the i was the root's ("menjadi").
        if found.stripped == 0 {
            return Option::None;
        }
        if one_syllable {
            found.piece.end += 1;
        }
    } else if found.stripped == 0 && one_syllable {
        // Bare one-syllable roots hardly take -an/-kan, so "layan" and "bukan" are roots, not "lay" + "-an".
        return Option::None;
    }
    Some(found)
}

/// Removes up to three prefixes from `bytes[..end]`, letting a listed word stop the process early.
fn strip_prefixes(bytes: &[u8], end: usize) -> Found {
    let mut piece = Piece { start: 0, end, head: "" };
    let mut used: [Option<Kind>; MAX_PREFIXES] = [Option::None; MAX_PREFIXES];
    let mut count = 0;
    let mut weak = false;
    loop {
        if piece.listed(bytes) {
            return Found { piece, hit: true, weak: false, stripped: count };
        }
        // A restored consonant means meN-/peN- was the innermost prefix.
        if count == MAX_PREFIXES || !piece.head.is_empty() {
            break;
        }
        let readings = prefix::readings(&bytes[piece.start..end]);
        let list = readings.as_slice();
        let Some(kind) = list.first().map(|r| r.kind) else { break };
        if (count > 0 && kind.outermost_only()) || used.contains(&Some(kind)) {
            break;
        }
        let mut chosen: Option<Piece> = Option::None;
        for reading in list {
            let next = Piece { start: piece.start + reading.skip, end, head: reading.head };
            if next.len() < MIN_STEM {
                continue;
            }
            if next.listed(bytes) {
                return Found { piece: next, hit: true, weak: false, stripped: count + 1 };
            }
            chosen.get_or_insert(next);
        }
        let Some(next) = chosen else {
            weak = count == 0;
            break;
        };
        used[count] = Some(kind);
        count += 1;
        piece = next;
    }
    Found { piece, hit: false, weak, stripped: count }
}
