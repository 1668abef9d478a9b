//! Near-duplicates: the same event written up by several outlets. Articles are compared by MinHash signatures of
//! their word 3-shingles (gaoya); locality-sensitive hashing over bands of the signature finds candidates without
//! comparing every pair, and a candidate joins a group when the estimated Jaccard similarity reaches the threshold.
//! Band keys are stable numbers, so a database can index them and group an article against everything stored.

use std::hash::Hasher;

use gaoya::minhash::{MinHasher, MinHasher32, compute_minhash_similarity};

/// Hashes per signature.
pub const NUM_HASHES: usize = 128;
/// Bands of the signature used as LSH keys; `NUM_HASHES / BANDS` rows each.
// Choice: 64 bands of 2 rows put the LSH threshold near 0.125, below SIMILAR, so a story rewritten by a second
// outlet (a third of its word triples shared) still becomes a candidate; the similarity check then decides.
pub const BANDS: usize = 64;
/// Estimated Jaccard similarity of 3-shingles at which two articles are the same event.
// Choice: tuned on the same-event pairs of data/news-eval: every pair found, no other article joined.
pub const SIMILAR: f64 = 0.25;

/// Candidates taken from one band: bands that hundreds of articles share come from boilerplate, not from events.
pub const MAX_PER_BAND: usize = 50;

/// Candidates compared in full: those sharing most bands (a true near-duplicate shares many).
pub const MAX_COMPARED: usize = 16;

/// A text's MinHash signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature(pub Vec<u32>);

/// Computes signatures; build one and reuse it.
pub struct Hasher32 {
    inner: MinHasher32<std::hash::BuildHasherDefault<Fnv>>,
}

impl Default for Hasher32 {
    fn default() -> Self {
        // A fixed seed keeps signatures comparable across processes and releases.
        Self { inner: MinHasher32::new_with_hasher_and_seed(NUM_HASHES, std::hash::BuildHasherDefault::default(), 7) }
    }
}

impl Hasher32 {
    /// The signature of a cleaned text (folded words, 3-shingles).
    pub fn signature(&self, text: &str) -> Signature {
        let words: Vec<u64> =
            text.split(|ch: char| !ch.is_alphanumeric()).filter(|word| !word.is_empty()).map(word_hash).collect();
        let shingles = words.windows(3).map(|it| it[0].rotate_left(21) ^ it[1].rotate_left(42) ^ it[2]);
        if words.len() < 3 {
            return Signature(self.inner.create_signature(words.into_iter()));
        }
        Signature(self.inner.create_signature(shingles))
    }
}

impl Signature {
    /// Estimated Jaccard similarity.
    pub fn similarity(&self, other: &Signature) -> f64 {
        compute_minhash_similarity(&self.0, &other.0)
    }

    /// One stable key per band (band index mixed in, so equal rows in different bands differ).
    pub fn band_keys(&self) -> Vec<i64> {
        let rows = self.0.len() / BANDS;
        self.0
            .chunks(rows.max(1))
            .take(BANDS)
            .enumerate()
            .map(|(band, values)| {
                let mut hash: u64 = 0x9e37_79b9_7f4a_7c15 ^ band as u64;
                for value in values {
                    hash = splitmix(hash ^ u64::from(*value));
                }
                i64::from_le_bytes(hash.to_le_bytes())
            })
            .collect()
    }

    /// Bytes for storage (little-endian u32s).
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|it| it.to_le_bytes()).collect()
    }

    /// From stored bytes.
    pub fn from_bytes(bytes: &[u8]) -> Self {
        Self(bytes.chunks_exact(4).map(|it| u32::from_le_bytes([it[0], it[1], it[2], it[3]])).collect())
    }
}

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Hash of a word folded to lower case (bytes for ASCII, characters otherwise).
fn word_hash(word: &str) -> u64 {
    let mut hasher = Fnv::default();
    if word.is_ascii() {
        for byte in word.bytes() {
            hasher.write_u8(byte.to_ascii_lowercase());
        }
    } else {
        for ch in word.chars().flat_map(char::to_lowercase) {
            hasher.write_u32(ch as u32);
        }
    }
    hasher.finish()
}

/// FNV-1a: stable across runs, unlike the standard library's randomly keyed hasher.
#[derive(Clone, Copy, Debug)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Groups a batch in memory: each article gets the group of its most similar earlier article, or its own.
#[derive(Default)]
pub struct Grouper {
    bands: std::collections::HashMap<i64, Vec<usize>>,
    signatures: Vec<Signature>,
    groups: Vec<usize>,
}

impl Grouper {
    /// Adds an article; returns the index of the first article of its group.
    pub fn add(&mut self, signature: Signature) -> usize {
        let index = self.signatures.len();
        let keys = signature.band_keys();
        // Count shared bands per candidate; only the candidates sharing most bands are compared in full.
        let mut shared: std::collections::HashMap<usize, u32> = std::collections::HashMap::new();
        for key in &keys {
            // The newest members of a band first; a band shared by very many articles (boilerplate) is capped.
            for &other in self.bands.get(key).into_iter().flat_map(|it| it.iter().rev().take(MAX_PER_BAND)) {
                *shared.entry(other).or_default() += 1;
            }
        }
        let mut ranked: Vec<(usize, u32)> = shared.into_iter().collect();
        ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
        let best = ranked
            .iter()
            .take(MAX_COMPARED)
            .map(|(other, _)| (*other, signature.similarity(&self.signatures[*other])))
            .filter(|(_, similarity)| *similarity >= SIMILAR)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        let group = best.map_or(index, |(other, _)| self.groups[other]);
        for key in keys {
            self.bands.entry(key).or_default().push(index);
        }
        self.signatures.push(signature);
        self.groups.push(group);
        group
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewordings_group_and_other_events_do_not() {
        let hasher = Hasher32::default();
        let a = "Inspektorat Kota Serang memeriksa dua pejabat Samsat setelah keributan di ruang kerja kepala UPT pada \
                 Kamis pagi, kata Kepala Inspektorat kepada wartawan di kantornya.";
        let b = "Inspektorat Kota Serang memeriksa dua pejabat Samsat setelah keributan di ruang kerja kepala UPT pada \
                 Kamis, ujar Kepala Inspektorat kepada awak media di kantornya.";
        let c = "Harga cabai rawit di pasar tradisional naik tajam menjelang akhir pekan karena pasokan dari petani \
                 berkurang akibat hujan deras.";
        let mut grouper = Grouper::default();
        assert_eq!(grouper.add(hasher.signature(a)), 0);
        assert_eq!(grouper.add(hasher.signature(b)), 0);
        assert_eq!(grouper.add(hasher.signature(c)), 2);
        assert_eq!(hasher.signature(a).band_keys(), hasher.signature(a).band_keys());
    }
}
