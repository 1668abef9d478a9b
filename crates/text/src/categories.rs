//! Issue categories and relevance, by weighted cue phrases. A category applies when its cues add up to a threshold,
//! so a passing word does not tag an article; relevance weighs public-administration cues against sport,
//! entertainment and business ones.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// The categories, in the order pages list them.
pub const CATEGORIES: [&str; 10] = [
    "konflik_internal",
    "disiplin_asn",
    "netralitas_asn",
    "kualitas_pelayanan",
    "pengaduan_masyarakat",
    "sanksi",
    "pemeriksaan_inspektorat",
    "zona_integritas",
    "korupsi",
    "kepegawaian_lain",
];

/// Categories that make an article about a unit "negative" (worth an alert to its head and the inspectorate).
pub const NEGATIVE: [&str; 8] = [
    "konflik_internal",
    "disiplin_asn",
    "netralitas_asn",
    "kualitas_pelayanan",
    "pengaduan_masyarakat",
    "sanksi",
    "pemeriksaan_inspektorat",
    "korupsi",
];

const GOVERNMENT: usize = 10;
const OFF_TOPIC: usize = 11;

/// (cue, group, weight): group is an index of [`CATEGORIES`], or government / off-topic cues for relevance.
// Choice: cues written from the vocabulary of PP 94/2021, UU 20/2023, PermenPANRB 90/2021 and local reporting;
// tuned on data/news-eval (see docs/NEWS.md for the scores).
const CUES: &[(&str, usize, u32)] = &[
    ("konflik internal", 0, 3),
    ("perselisihan", 0, 2),
    ("cekcok", 0, 2),
    ("bertengkar", 0, 2),
    ("pertengkaran", 0, 2),
    ("keributan", 0, 2),
    ("perusakan", 0, 2),
    ("adu mulut", 0, 2),
    ("mosi tidak percaya", 0, 3),
    ("petisi", 0, 2),
    ("islah", 0, 2),
    ("mediasi", 0, 1),
    ("perseteruan", 0, 2),
    ("saling lapor", 0, 2),
    ("tidak harmonis", 0, 2),
    ("berseteru", 0, 2),
    ("ribut", 0, 1),
    ("dianiaya", 0, 1),
    ("memukul", 0, 1),
    ("disiplin", 1, 2),
    ("indisipliner", 1, 3),
    ("bolos", 1, 2),
    ("mangkir", 1, 2),
    ("tidak masuk kerja", 1, 2),
    ("jam kerja", 1, 1),
    ("kantor sepi", 1, 2),
    ("kantor kosong", 1, 2),
    ("terlambat", 1, 1),
    ("kehadiran", 1, 1),
    ("apel pagi", 1, 1),
    ("sidak", 1, 2),
    ("inspeksi mendadak", 1, 2),
    ("absensi", 1, 1),
    ("pp 94", 1, 2),
    ("pp nomor 94", 1, 2),
    ("hukuman disiplin", 1, 3),
    ("tidak di tempat", 1, 1),
    ("keluyuran", 1, 2),
    ("netralitas", 2, 3),
    ("politik praktis", 2, 3),
    ("pilkada", 2, 1),
    ("pemilu", 2, 1),
    ("kampanye", 2, 1),
    ("pasangan calon", 2, 1),
    ("paslon", 2, 1),
    ("bawaslu", 2, 2),
    ("partai politik", 2, 1),
    ("tidak netral", 2, 3),
    ("alat peraga kampanye", 2, 1),
    ("pelayanan publik", 3, 2),
    ("kualitas pelayanan", 3, 2),
    ("pelayanan prima", 3, 2),
    ("antrean", 3, 2),
    ("antrian", 3, 2),
    ("pelayanan yang buruk", 3, 3),
    ("pelayanan buruk", 3, 3),
    ("lambat", 3, 1),
    ("berbelit", 3, 2),
    ("standar pelayanan", 3, 2),
    ("mutu pelayanan", 3, 2),
    ("loket", 3, 1),
    ("pelayanan", 3, 1),
    ("layanan", 3, 1),
    ("waktu pelayanan", 3, 1),
    ("kepuasan", 3, 1),
    ("survei kepuasan", 3, 2),
    ("jam pelayanan", 3, 1),
    ("pengaduan", 4, 2),
    ("keluhan", 4, 2),
    ("mengeluhkan", 4, 2),
    ("mengeluh", 4, 2),
    ("aduan", 4, 2),
    ("mengadu", 4, 2),
    ("laporan warga", 4, 2),
    ("tanda terima", 4, 2),
    ("lapor", 4, 1),
    ("sp4n", 4, 2),
    ("aspirasi", 4, 1),
    ("warga kecewa", 4, 2),
    ("dikeluhkan", 4, 2),
    ("protes", 4, 1),
    ("sanksi", 5, 2),
    ("hukuman", 5, 1),
    ("dicopot", 5, 3),
    ("pencopotan", 5, 3),
    ("diberhentikan", 5, 2),
    ("pemberhentian", 5, 2),
    ("penurunan jabatan", 5, 3),
    ("teguran", 5, 2),
    ("dijatuhi", 5, 2),
    ("dibebastugaskan", 5, 3),
    ("nonjob", 5, 2),
    ("dinonaktifkan", 5, 3),
    ("penundaan kenaikan", 5, 2),
    ("pemotongan tunjangan", 5, 2),
    ("inspektorat", 6, 2),
    ("pemeriksaan", 6, 1),
    ("diperiksa", 6, 1),
    ("audit", 6, 1),
    ("klarifikasi", 6, 1),
    ("menyelidiki", 6, 1),
    ("investigasi", 6, 1),
    ("itda", 6, 2),
    ("apip", 6, 2),
    ("inspektur", 6, 2),
    ("telaah", 6, 1),
    ("memeriksa", 6, 1),
    ("tim pemeriksa", 6, 2),
    ("zona integritas", 7, 3),
    ("wbk", 7, 3),
    ("wbbm", 7, 3),
    ("wilayah bebas dari korupsi", 7, 3),
    ("wilayah bebas korupsi", 7, 3),
    ("birokrasi bersih", 7, 2),
    ("pembangunan zi", 7, 3),
    ("korupsi", 8, 2),
    ("tipikor", 8, 3),
    ("gratifikasi", 8, 3),
    ("pungli", 8, 3),
    ("pungutan liar", 8, 3),
    ("suap", 8, 2),
    ("penyuapan", 8, 3),
    ("tersangka", 8, 1),
    ("kejari", 8, 1),
    ("kejaksaan", 8, 1),
    ("kpk", 8, 2),
    ("penyalahgunaan anggaran", 8, 3),
    ("kerugian negara", 8, 3),
    ("mark up", 8, 2),
    ("penggelembungan", 8, 2),
    ("operasi tangkap tangan", 8, 3),
    ("ott", 8, 2),
    ("saber pungli", 8, 3),
    ("penyelewengan", 8, 2),
    ("mutasi", 9, 2),
    ("rotasi", 9, 2),
    ("pelantikan", 9, 2),
    ("dilantik", 9, 1),
    ("promosi jabatan", 9, 2),
    ("pppk", 9, 2),
    ("cpns", 9, 2),
    ("honorer", 9, 2),
    ("formasi", 9, 1),
    ("kenaikan pangkat", 9, 2),
    ("pensiun", 9, 1),
    ("sppd", 9, 2),
    ("perjalanan dinas", 9, 1),
    ("cuti", 9, 1),
    ("tunjangan", 9, 1),
    ("tpp", 9, 1),
    ("jabatan", 9, 1),
    ("seleksi terbuka", 9, 2),
    ("lelang jabatan", 9, 2),
    ("penempatan pegawai", 9, 2),
    ("non-asn", 9, 1),
    ("pasien", 3, 1),
    ("lama menunggu", 3, 2),
    ("menunggu", 3, 1),
    ("berjam-jam", 3, 2),
    ("dilayani", 3, 1),
    ("memprotes", 4, 2),
    ("laporan masyarakat", 4, 2),
    ("dilaporkan", 4, 1),
    ("ombudsman", 4, 2),
    ("fiktif", 8, 3),
    ("mencopot", 5, 3),
    ("pembebasan dari jabatan", 5, 3),
    ("hukuman disiplin", 5, 3),
    ("penurunan pangkat", 5, 3),
    ("asn", GOVERNMENT, 2),
    ("pns", GOVERNMENT, 2),
    ("aparatur", GOVERNMENT, 2),
    ("pegawai", GOVERNMENT, 1),
    ("pemerintah", GOVERNMENT, 1),
    ("pemkot", GOVERNMENT, 2),
    ("pemkab", GOVERNMENT, 2),
    ("pemprov", GOVERNMENT, 2),
    ("dinas", GOVERNMENT, 2),
    ("opd", GOVERNMENT, 2),
    ("pelayanan publik", GOVERNMENT, 2),
    ("kecamatan", GOVERNMENT, 1),
    ("kelurahan", GOVERNMENT, 1),
    ("wali kota", GOVERNMENT, 1),
    ("walikota", GOVERNMENT, 1),
    ("bupati", GOVERNMENT, 1),
    ("sekda", GOVERNMENT, 2),
    ("sekretaris daerah", GOVERNMENT, 2),
    ("inspektorat", GOVERNMENT, 2),
    ("puskesmas", GOVERNMENT, 1),
    ("samsat", GOVERNMENT, 2),
    ("camat", GOVERNMENT, 1),
    ("lurah", GOVERNMENT, 1),
    ("bkpsdm", GOVERNMENT, 2),
    ("bkd", GOVERNMENT, 2),
    ("perangkat daerah", GOVERNMENT, 2),
    ("birokrasi", GOVERNMENT, 1),
    ("sepak bola", OFF_TOPIC, 3),
    ("pertandingan", OFF_TOPIC, 2),
    ("liga", OFF_TOPIC, 2),
    ("gol", OFF_TOPIC, 1),
    ("klub", OFF_TOPIC, 2),
    ("pemain", OFF_TOPIC, 2),
    ("pelatih", OFF_TOPIC, 1),
    ("turnamen", OFF_TOPIC, 2),
    ("konser", OFF_TOPIC, 3),
    ("film", OFF_TOPIC, 2),
    ("artis", OFF_TOPIC, 2),
    ("selebriti", OFF_TOPIC, 3),
    ("album", OFF_TOPIC, 2),
    ("penyanyi", OFF_TOPIC, 2),
    ("sinetron", OFF_TOPIC, 3),
    ("penggemar", OFF_TOPIC, 2),
    ("saham", OFF_TOPIC, 2),
    ("ihsg", OFF_TOPIC, 3),
    ("investor", OFF_TOPIC, 1),
    ("emiten", OFF_TOPIC, 3),
    ("laba bersih", OFF_TOPIC, 3),
    ("penjualan", OFF_TOPIC, 1),
    ("harga emas", OFF_TOPIC, 3),
    ("promo", OFF_TOPIC, 2),
    ("diskon", OFF_TOPIC, 2),
    ("resep", OFF_TOPIC, 2),
    ("kuliner", OFF_TOPIC, 2),
    ("wisatawan", OFF_TOPIC, 1),
    ("juara", OFF_TOPIC, 1),
    ("atlet", OFF_TOPIC, 2),
    ("medali", OFF_TOPIC, 2),
    ("skuad", OFF_TOPIC, 2),
    ("startup", OFF_TOPIC, 2),
    ("pasar modal", OFF_TOPIC, 3),
    ("perusahaan", OFF_TOPIC, 1),
    ("produk", OFF_TOPIC, 1),
];

/// A category needs this weight.
// Choice: tuned on data/news-eval; 4 means two strong cues or one strong cue said twice.
const THRESHOLD: u32 = 4;
/// ... and this share (percent) of the strongest category's weight.
const SHARE: u32 = 55;

struct Matcher {
    automaton: AhoCorasick,
    /// Per pattern, the groups it counts for (a cue such as "inspektorat" counts for a category and relevance).
    groups: Vec<Vec<(usize, u32)>>,
}

static MATCHER: LazyLock<Matcher> = LazyLock::new(|| {
    let mut patterns: Vec<&str> = Vec::new();
    let mut groups: Vec<Vec<(usize, u32)>> = Vec::new();
    for (cue, group, weight) in CUES {
        match patterns.iter().position(|it| it == cue) {
            Some(index) => groups[index].push((*group, *weight)),
            None => {
                patterns.push(cue);
                groups.push(vec![(*group, *weight)]);
            }
        }
    }
    let automaton = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        // A DFA: larger in memory (a few MB), several times faster per byte than the default NFA.
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(&patterns)
        .expect("category cues build: plain strings");
    Matcher { automaton, groups }
});

/// A cue found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    /// Byte span.
    pub start: usize,
    /// End of the span.
    pub end: usize,
    /// Category it supports.
    pub category: &'static str,
}

/// Categories and relevance of a cleaned text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Topics {
    /// Categories that reached the threshold, in [`CATEGORIES`] order.
    pub categories: Vec<&'static str>,
    /// About public administration or public service.
    pub relevant: bool,
    /// Cues of the categories found, for highlighting.
    pub cues: Vec<Cue>,
}

/// Weighs the cues of a text. `agencies` is the number of agencies found, a strong sign of relevance.
pub fn topics(text: &str, agencies: usize) -> Topics {
    let bytes = text.as_bytes();
    let mut scores = [0u32; 12];
    let mut hits = [0u32; 12];
    let mut cues = Vec::new();
    for found in MATCHER.automaton.find_iter(text) {
        let (start, end) = (found.start(), found.end());
        let boundary = |at: Option<&u8>| at.is_none_or(|it| !it.is_ascii_alphanumeric());
        // A cue may carry a particle or possessive ("sanksinya"), not other letters ("pelayanannya" yes, "dinasti" no).
        let suffix = ["nya", "lah", "pun"].iter().find(|it| text[end..].starts_with(**it)).map_or(0, |it| it.len());
        let after = if boundary(bytes.get(end)) { true } else { suffix > 0 && boundary(bytes.get(end + suffix)) };
        if !(boundary(start.checked_sub(1).and_then(|it| bytes.get(it))) && after) {
            continue;
        }
        for &(group, weight) in &MATCHER.groups[found.pattern().as_usize()] {
            hits[group] += 1;
            // Repeats count, with diminishing weight: the fourth "pelayanan" adds little.
            scores[group] += if hits[group] <= 3 { weight } else { u32::from(hits[group] % 3 == 0) };
            if group < CATEGORIES.len() {
                cues.push(Cue { start, end, category: CATEGORIES[group] });
            }
        }
    }
    let government = scores[GOVERNMENT] + u32::try_from(agencies.min(5)).unwrap_or(5) * 2;
    let relevant = government >= 4 && government > scores[OFF_TOPIC];
    // A category must also hold its own beside the article's main one: an Integrity Zone story speaks of service
    // throughout without being about a service failure.
    let top = scores[..CATEGORIES.len()].iter().copied().max().unwrap_or(0);
    let categories: Vec<&'static str> = if relevant {
        CATEGORIES
            .iter()
            .enumerate()
            .filter(|(index, _)| scores[*index] >= THRESHOLD && scores[*index] * 100 >= top * SHARE)
            .map(|(_, name)| *name)
            .collect()
    } else {
        Vec::new()
    };
    cues.retain(|cue| categories.contains(&cue.category));
    Topics { categories, relevant, cues }
}
