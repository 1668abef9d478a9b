//! Word-to-stem expectations grouped by the rule they exercise, plus properties (idempotence, borrowing) that the
//! search index relies on.

use std::borrow::Cow;

use super::{is_protected, lexicon, stem};

/// (word, expected stem), grouped by rule.
const CASES: &[(&str, &str)] = &[
    // Particles and possessives, alone and stacked.
    ("bukunya", "buku"),
    ("apakah", "apa"),
    ("walaupun", "walau"),
    ("kesehatannyalah", "sehat"),
    ("rumahnya", "rumah"),
    ("sekolahnya", "sekolah"),
    ("bertanya", "tanya"),
    ("berlaku", "laku"),
    ("mengolah", "olah"),
    // Derivational suffixes.
    ("makanan", "makan"),
    ("bantuan", "bantu"),
    ("keluhan", "keluh"),
    ("tindakan", "tindak"),
    ("jelaskan", "jelas"),
    // di-, ke-, se-, ter-, ber-.
    ("dilakukan", "laku"),
    ("diberikan", "beri"),
    ("disampaikan", "sampai"),
    ("ditemui", "temu"),
    ("kebijakan", "bijak"),
    ("kerusakan", "rusak"),
    ("kegiatan", "giat"),
    ("sebanyak", "banyak"),
    ("tersebut", "sebut"),
    ("terakhir", "akhir"),
    ("terdiri", "diri"),
    ("berasal", "asal"),
    ("bekerja", "kerja"),
    ("belajar", "ajar"),
    ("berdasarkan", "dasar"),
    ("berupa", "rupa"),
    ("keberhasilan", "hasil"),
    // meN- with recoding.
    ("menyapu", "sapu"),
    ("memukul", "pukul"),
    ("menulis", "tulis"),
    ("mengambil", "ambil"),
    ("mengecat", "cat"),
    ("membangun", "bangun"),
    ("mendukung", "dukung"),
    ("menggunakan", "guna"),
    ("melihat", "lihat"),
    ("menyatakan", "nyata"),
    ("mengirim", "kirim"),
    ("memiliki", "milik"),
    ("mengelola", "kelola"),
    ("mengesahkan", "sah"),
    ("mengetahui", "tahu"),
    ("mengevaluasi", "evaluasi"),
    ("memperbaiki", "baik"),
    ("mempunyai", "punya"),
    ("memberdayakan", "daya"),
    ("menjadi", "jadi"),
    ("mencari", "cari"),
    ("menilai", "nilai"),
    ("memakan", "makan"),
    ("memerintahkan", "perintah"),
    ("mengatasi", "atas"),
    // peN-, per-, pe-.
    ("penyakit", "sakit"),
    ("pemukul", "pukul"),
    ("penulis", "tulis"),
    ("pengambil", "ambil"),
    ("pelayanan", "layan"),
    ("pelajar", "ajar"),
    ("pendidikan", "didik"),
    ("pembangunan", "bangun"),
    ("penggunaan", "guna"),
    ("pengecekan", "cek"),
    ("pengaduan", "adu"),
    ("peraturan", "atur"),
    ("perubahan", "ubah"),
    ("perumahan", "rumah"),
    ("pertanyaan", "tanya"),
    ("pekerja", "kerja"),
    ("petugas", "tugas"),
    ("pemberdayaan", "daya"),
    ("penyelenggaraan", "selenggara"),
    ("kepegawaian", "pegawai"),
    ("pemerintahan", "pemerintah"),
    ("kepemimpinan", "pimpin"),
    // Loanwords and -si endings.
    ("dimutasi", "mutasi"),
    ("diverifikasi", "verifikasi"),
    ("didanai", "dana"),
    // Rounds found while probing news vocabulary.
    ("dipenuhi", "penuh"),
    ("temuan", "temu"),
    ("menikah", "nikah"),
    ("pemberitahuan", "beritahu"),
    ("kepentingan", "penting"),
    ("menangani", "tangan"),
    ("mengganti", "ganti"),
    ("menari", "tari"),
    ("pengertian", "erti"),
    ("diketahui", "tahu"),
    ("kepercayaan", "percaya"),
    ("pemenang", "menang"),
    ("perencanaan", "rencana"),
    ("memberantas", "berantas"),
    ("mengakibatkan", "akibat"),
    ("berkelanjutan", "lanjut"),
    ("mensosialisasikan", "sosialisasi"),
    // Reduplication.
    ("kegiatan-kegiatan", "giat"),
];

/// Words that must come back exactly as given.
const UNCHANGED: &[&str] = &[
    "disiplin",
    "sekolah",
    "masalah",
    "pegawai",
    "pemilu",
    "pilkada",
    "pemda",
    "pemkot",
    "pemkab",
    "pemprov",
    "bupati",
    "wali",
    "walikota",
    "camat",
    "lurah",
    "kelurahan",
    "kecamatan",
    "dinas",
    "daerah",
    "negara",
    "negeri",
    "kantor",
    "perda",
    "perwali",
    "perbup",
    "bapenda",
    "bappeda",
    "samsat",
    "puskesmas",
    "inspektorat",
    "kepala",
    "sekretaris",
    "perempuan",
    "pertama",
    "pemerintah",
    "makan",
    "ikan",
    "jalan",
    "bulan",
    "tahun",
    "teman",
    "badan",
    "taman",
    "pasukan",
    "kali",
    "hati",
    "mati",
    "ganti",
    "korupsi",
    "netralitas",
    "integritas",
    "sanksi",
    "mutasi",
    "aplikasi",
    "organisasi",
    "kawasan",
    "salah",
    "sudah",
    "adalah",
    "lelah",
    "tanah",
    "rumah",
    "wilayah",
    "sejarah",
    "musyawarah",
    "ibadah",
    "sedekah",
    "nikah",
    "pena",
    "beras",
    "meja",
    "mereka",
    "dengan",
    "dari",
    "kami",
    "kita",
    "saya",
    "perlu",
    "pergi",
    "tetapi",
    "bahwa",
    "kepada",
    "terhadap",
    "setiap",
    "sesuai",
    "selaku",
    "selama",
    "sebagai",
    "setelah",
    "langkah",
    "jumlah",
    "berita",
    "pesan",
    "persen",
    "perkara",
    "ketua",
    "kemudian",
    "dewan",
    "tersangka",
    "sengketa",
    "dingin",
    "selatan",
    "kembali",
    "keluarga",
];

/// Short words and tokens that are not plain lower-case words.
const UNTOUCHED: &[&str] = &["ke", "di", "asn", "opd", "ktp", "ber", "ke-2", "covid-19", "Menulis", "café", ""];

#[test]
fn cases_stem_as_expected() {
    let failures: Vec<String> = CASES
        .iter()
        .filter(|(word, want)| stem(word) != *want)
        .map(|(word, want)| format!("{word}: got {}, want {want}", stem(word)))
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn protected_and_root_words_are_unchanged() {
    let failures: Vec<&str> = UNCHANGED.iter().copied().filter(|w| stem(w) != *w).collect();
    assert!(failures.is_empty(), "{failures:?}");
}

#[test]
fn short_and_non_word_tokens_are_unchanged() {
    for word in UNTOUCHED {
        assert_eq!(stem(word), *word);
    }
}

#[test]
fn stems_never_drop_below_three_letters() {
    for word in ["beri", "pesan", "menu", "dini", "peta", "diri", "telah", "kenal"] {
        assert!(stem(word).len() >= 3, "{word}");
    }
}

#[test]
fn stemming_is_idempotent() {
    let all = CASES.iter().flat_map(|(w, s)| [*w, *s]).chain(UNCHANGED.iter().copied()).chain(lexicon::WORDS);
    for word in all {
        let once = stem(word).into_owned();
        assert_eq!(stem(&once), once, "{word}");
    }
}

#[test]
fn unchanged_and_sliced_stems_borrow() {
    assert!(matches!(stem("sekolah"), Cow::Borrowed(_)));
    assert!(matches!(stem("dilakukan"), Cow::Borrowed(_)));
    assert!(matches!(stem("menulis"), Cow::Owned(_)));
}

#[test]
fn lexicon_is_sorted_and_unique() {
    assert!(lexicon::WORDS.windows(2).all(|w| w[0] < w[1]));
    assert!(lexicon::WORDS.iter().all(|w| w.len() <= 16 && w.bytes().all(|b| b.is_ascii_lowercase())));
    assert!(lexicon::WORDS.iter().all(|w| lexicon::contains(w.as_bytes())));
    assert!(!lexicon::contains(b"pelayanan") && !lexicon::contains(b""));
}

#[test]
fn protection_covers_domain_words_only_when_listed() {
    assert!(is_protected("pegawai"));
    assert!(is_protected("pemerintah"));
    assert!(!is_protected("pemerintahan"));
    assert!(!is_protected("pelayanan"));
}
