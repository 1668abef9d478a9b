//! Date forms, skip rules and `article_date` choices. Weekdays were checked against real calendars: 28 March 2024 was
//! a Thursday, 1 March 2024 a Friday, 7 September 2023 a Thursday, 7 October 2024 a Monday, 31 March 2024 a Sunday.

use jiff::civil::{Date, date};

use super::{DateForm, DateMention, article_date, find_dates};

/// Thursday 28 March 2024, a typical crawl date.
const REF: Date = date(2024, 3, 28);

fn only(text: &str, reference: Option<Date>) -> DateMention {
    let found = find_dates(text, reference);
    assert_eq!(found.len(), 1, "{text:?}: {found:?}");
    found[0]
}

fn none(text: &str, reference: Option<Date>) {
    let found = find_dates(text, reference);
    assert!(found.is_empty(), "{text:?}: {found:?}");
}

fn span(text: &str, m: DateMention) -> &str {
    &text[m.start..m.end]
}

#[test]
fn long_form() {
    let m = only("28 Maret 2024", None);
    assert_eq!((m.date, m.form, m.weekday_agrees, m.own_line), (date(2024, 3, 28), DateForm::Long, None, true));
}

#[test]
fn weekday_then_long_without_comma() {
    let text = "Acara digelar Kamis 28 Maret 2024 di balai kota.";
    let m = only(text, None);
    assert_eq!((span(text, m), m.weekday_agrees, m.own_line), ("Kamis 28 Maret 2024", Some(true), false));
}

#[test]
fn weekday_comma_long() {
    let text = "Kamis, 28 Maret 2024";
    let m = only(text, None);
    assert_eq!((span(text, m), m.date, m.weekday_agrees), (text, date(2024, 3, 28), Some(true)));
}

#[test]
fn weekday_in_parenthesis_with_numeric_date_that_disagrees() {
    let text = "Bupati meninjau lokasi, Kamis (1/3/2024).";
    let m = only(text, None);
    assert_eq!((span(text, m), m.date, m.form), ("Kamis (1/3/2024)", date(2024, 3, 1), DateForm::Numeric));
    assert_eq!(m.weekday_agrees, Some(false));
}

#[test]
fn weekday_comma_numeric() {
    let m = only("Kamis, 7/9/2023", None);
    assert_eq!((m.date, m.weekday_agrees), (date(2023, 9, 7), Some(true)));
}

#[test]
fn numeric_forms() {
    for text in ["7/9/2023", "07-09-2023", "7.9.2023", "07/09/2023"] {
        let m = only(text, None);
        assert_eq!((m.date, m.form, m.weekday_agrees), (date(2023, 9, 7), DateForm::Numeric, None), "{text}");
    }
}

#[test]
fn weekday_with_tanggal_or_tgl() {
    let m = only("Senin tanggal 7 Oktober 2024", None);
    assert_eq!((m.date, m.weekday_agrees), (date(2024, 10, 7), Some(true)));
    let text = "Rapat dilaksanakan Senin, tgl. 7 Okt 2024 pukul 09.00.";
    let m = only(text, None);
    assert_eq!((span(text, m), m.date), ("Senin, tgl. 7 Okt 2024", date(2024, 10, 7)));
}

#[test]
fn day_month_pair_takes_reference_year() {
    let text = "Wali kota meresmikan pasar, Senin (7/10).";
    let m = only(text, Some(date(2024, 10, 8)));
    assert_eq!((span(text, m), m.date, m.weekday_agrees), ("Senin (7/10)", date(2024, 10, 7), Some(true)));
}

#[test]
fn day_month_pair_across_new_year_takes_previous_year() {
    let m = only("Senin (30/12) warga berkumpul.", Some(date(2025, 1, 2)));
    assert_eq!((m.date, m.weekday_agrees), (date(2024, 12, 30), Some(true)));
    let m = only("Pasar murah digelar Jumat (16/8).", Some(date(2024, 8, 12)));
    assert_eq!((m.date, m.weekday_agrees), (date(2024, 8, 16), Some(true)));
}

#[test]
fn day_month_pair_needs_reference_and_weekday() {
    none("Wali kota meresmikan pasar, Senin (7/10).", None);
    none("Skor akhir 7/10 untuk pelayanan.", Some(REF));
}

#[test]
fn bare_weekday_resolves_to_latest_on_or_before_reference() {
    let text = "Hal itu disampaikan Kepala Dinas Kesehatan, Rabu.";
    let m = only(text, Some(REF));
    assert_eq!((span(text, m), m.date, m.form), ("Rabu", date(2024, 3, 27), DateForm::WeekdayOnly));
    assert_eq!(only("Rapat digelar pada Kamis (kemarin).", Some(REF)).date, REF);
    assert_eq!(only("Rabu lalu, warga memprotes.", Some(REF)).date, date(2024, 3, 27));
    assert_eq!(only("Banjir surut pada Minggu lalu.", Some(REF)).date, date(2024, 3, 24));
    assert_eq!(only("Jum'at pagi, petugas datang.", Some(REF)).date, date(2024, 3, 22));
}

#[test]
fn bare_weekday_needs_reference() {
    none("Hal itu disampaikan Kepala Dinas Kesehatan, Rabu.", None);
}

#[test]
fn weekday_names_that_are_not_dates() {
    for text in [
        "Kantor berada di Jalan Rabu nomor 5.",
        "Lokasinya di Jl. Kamis, dekat pasar.",
        "Warga Pasar Minggu mengeluh.",
        "Posyandu buka setiap Senin.",
        "Minggu lalu harga cabai naik.",
        "Minggu depan jadwal berubah.",
        "Pada rabu itu hujan.",
        "Tim Kamis Manis menang.",
        "Layanan buka Senin-Jumat.",
        "Jadwal piket Selasa dan Kamis.",
    ] {
        none(text, Some(REF));
    }
}

#[test]
fn month_names_and_abbreviations_in_any_case() {
    let cases = [
        ("1 Jan 2024", 1),
        ("1 januari 2024", 1),
        ("1 Feb 2024", 2),
        ("1 Pebruari 2024", 2),
        ("1 MARET 2024", 3),
        ("1 Mar. 2024", 3),
        ("1 Apr 2024", 4),
        ("1 Mei 2024", 5),
        ("1 Jun 2024", 6),
        ("1 Jul 2024", 7),
        ("1 Agu 2024", 8),
        ("1 Agt 2024", 8),
        ("1 Agus 2024", 8),
        ("1 Agustus 2024", 8),
        ("1 Sep 2024", 9),
        ("1 Sept 2024", 9),
        ("1 Okt 2024", 10),
        ("1 Nopember 2024", 11),
        ("1 Nov 2024", 11),
        ("1 Des 2024", 12),
    ];
    for (text, month) in cases {
        assert_eq!(only(text, None).date, date(2024, month, 1), "{text}");
    }
}

#[test]
fn impossible_dates_are_rejected() {
    for text in ["31/2/2024", "29/2/2023", "31 April 2024", "29 Februari 2100", "0/1/2024", "12/13/2024"] {
        none(text, None);
    }
}

#[test]
fn leap_days_are_accepted() {
    assert_eq!(only("Kamis, 29 Februari 2024", None).weekday_agrees, Some(true));
    assert_eq!(only("29/2/2000", None).date, date(2000, 2, 29));
}

#[test]
fn years_outside_range_are_rejected() {
    for text in ["5 Mei 1985", "1/1/2101", "1/1/1989", "3 Maret 21000"] {
        none(text, None);
    }
    assert_eq!(only("1/1/1990", None).date, date(1990, 1, 1));
    assert_eq!(only("31 Desember 2100", None).date, date(2100, 12, 31));
}

#[test]
fn years_laws_numbers_times_and_amounts_are_not_dates() {
    for text in [
        "Target tahun 2024 tercapai.",
        "Sesuai UU No 5 Tahun 2014 tentang ASN.",
        "Diatur dalam PP Nomor 94 Tahun 2021.",
        "Perpres 12/2020 mengatur hal itu.",
        "Surat Nomor 5/2/2020 sudah terbit.",
        "Surat No. 5/2/2020 sudah terbit.",
        "Rapat pukul 10:30 WIB.",
        "Rapat pukul 10.30 WIB.",
        "Anggaran Rp1.500.000 cair.",
        "Periode 2023-2024 berakhir.",
        "Dokumen 2024-03-28 diunggah.",
        "Kode 7/9-2023 salah.",
    ] {
        none(text, Some(REF));
    }
}

#[test]
fn furniture_lines_are_skipped() {
    for text in [
        "© 2024 Harian Daerah, 28 Maret 2024",
        "Copyright 1/3/2024 Media Kita",
        "Hak cipta COPYRIGHT, Kamis, 28 Maret 2024",
        "• 28 Maret 2024",
        "· 2 April 2024",
        "- 28 Maret 2024",
        "* 1/3/2024",
        "Baca juga: Banjir rendam tiga desa, 27 Maret 2024",
        "BACA JUGA 27/3/2024 Jalan rusak",
    ] {
        none(text, Some(REF));
    }
    assert_eq!(find_dates("-28 Maret 2024", None).len(), 1);
}

#[test]
fn spans_are_byte_offsets_in_multibyte_text() {
    let text = "Café “Rakyat” — dibuka Jum’at, 29 Maret 2024.";
    let m = only(text, None);
    assert_eq!((span(text, m), m.weekday_agrees), ("Jum’at, 29 Maret 2024", Some(true)));
    let m = only("Ahad, 31 Maret 2024", None);
    assert_eq!(m.weekday_agrees, Some(true));
}

#[test]
fn own_line_allows_punctuation_and_time() {
    for text in [
        "Kamis, 28 Maret 2024 10:30 WIB",
        "Kamis (28/3/2024) | 10.30 WITA",
        "  28 Maret 2024  \r",
        "Hari Kamis, 28/3/2024",
    ] {
        assert!(only(text, None).own_line, "{text}");
    }
    for text in ["Kamis, 28 Maret 2024 warga berkumpul", "Jakarta - Kamis, 28 Maret 2024"] {
        assert!(!only(text, None).own_line, "{text}");
    }
}

#[test]
fn mentions_come_in_order_across_lines() {
    let text = "Rapat 1 Maret 2024.\nLalu 7/3/2024 dan 8/3/2024.\nTerakhir, Rabu.";
    let found = find_dates(text, Some(REF));
    let dates: Vec<Date> = found.iter().map(|m| m.date).collect();
    assert_eq!(dates, [date(2024, 3, 1), date(2024, 3, 7), date(2024, 3, 8), date(2024, 3, 27)]);
    assert_eq!(span(text, found[2]), "8/3/2024");
}

#[test]
fn article_date_prefers_dateline() {
    let text = "Banjir Rendam Tiga Desa\nSamarinda - Rina Wulandari\nKamis, 28 Maret 2024 14:05 WITA\n\
                Banjir yang terjadi sejak 25 Maret 2024 merendam tiga desa.";
    let m = article_date(text, None).expect("date");
    assert_eq!((m.date, m.own_line), (date(2024, 3, 28), true));
}

#[test]
fn dateline_only_counts_near_the_top() {
    let mut text = String::from("Judul\n");
    text.push_str("Warga menggelar aksi pada 25 Maret 2024 di depan kantor bupati.\n");
    for _ in 0..6 {
        text.push_str("Paragraf lanjutan tanpa tanggal.\n");
    }
    text.push_str("28 Maret 2024\n");
    assert_eq!(article_date(&text, None).map(|m| m.date), Some(date(2024, 3, 25)));
}

#[test]
fn article_date_skips_disagreeing_weekday_when_possible() {
    let text = "Kegiatan digelar Senin, 28 Maret 2024 dan dilanjutkan Jumat (29/3/2024).";
    let m = article_date(text, None).expect("date");
    assert_eq!((m.date, m.weekday_agrees), (date(2024, 3, 29), Some(true)));
    let text = "Kegiatan digelar Senin, 28 Maret 2024.";
    assert_eq!(article_date(text, None).map(|m| m.weekday_agrees), Some(Some(false)));
}

#[test]
fn article_date_disagreeing_dateline_falls_through() {
    let text = "Jumat, 28 Maret 2024\nCamat meninjau jembatan, Kamis (28/3/2024).";
    let m = article_date(text, None).expect("date");
    assert_eq!((m.weekday_agrees, m.own_line), (Some(true), false));
}

#[test]
fn article_date_falls_back_to_bare_weekday_then_none() {
    let text = "Pernyataan itu disampaikan Sekda, Selasa.\nWarga berharap jalan segera diperbaiki.";
    assert_eq!(article_date(text, Some(REF)).map(|m| m.date), Some(date(2024, 3, 26)));
    assert_eq!(article_date(text, None), None);
    assert_eq!(article_date("Tanpa tanggal sama sekali.", Some(REF)), None);
    assert_eq!(article_date("", Some(REF)), None);
}

#[test]
fn realistic_article_with_byline_and_footer() {
    let text = "Pemkab Tanah Laut Salurkan Bantuan Pangan\n\
        Pelaihari - Dimas Prasetyo\n\
        Senin, 7 Oktober 2024 | 09:15 WITA\n\
        Pemerintah Kabupaten menyalurkan bantuan pangan kepada 1.250 keluarga, Senin (7/10).\n\
        Bantuan tahap kedua dijadwalkan pada 21 Oktober 2024, sesuai Perbup Nomor 12 Tahun 2024.\n\
        Baca juga: Harga Beras Naik, 1 Oktober 2024\n\
        • 30 September 2024 Pasar murah digelar\n\
        © 2024 Warta Borneo. Semua hak dilindungi.";
    let all = find_dates(text, Some(date(2024, 10, 8)));
    let dates: Vec<Date> = all.iter().map(|m| m.date).collect();
    assert_eq!(dates, [date(2024, 10, 7), date(2024, 10, 7), date(2024, 10, 21)]);
    let m = article_date(text, Some(date(2024, 10, 8))).expect("date");
    assert_eq!((span(text, m), m.own_line), ("Senin, 7 Oktober 2024", true));
}

#[test]
fn realistic_article_without_dateline() {
    let text = "Inspektorat Periksa Dugaan Pungli di Kelurahan\n\
        Inspektorat daerah memeriksa tiga pegawai kelurahan terkait dugaan pungutan liar, Kamis (7/9/2023).\n\
        Menurut Inspektur, laporan warga masuk sejak Minggu lalu dan ditindaklanjuti pada Senin.\n\
        Pemeriksaan mengacu pada PP 94/2021 tentang disiplin PNS.";
    let reference = Some(date(2023, 9, 8));
    let all = find_dates(text, reference);
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!((all[1].form, all[1].date), (DateForm::WeekdayOnly, date(2023, 9, 4)));
    let m = article_date(text, reference).expect("date");
    assert_eq!((m.date, m.form, m.weekday_agrees), (date(2023, 9, 7), DateForm::Numeric, Some(true)));
}

#[test]
fn realistic_article_with_only_relative_days() {
    let text = "Warga Protes Tumpukan Sampah\n\
        Puluhan warga mendatangi kantor camat, Rabu.\n\
        Mereka meminta dinas lingkungan hidup mengangkut sampah setiap Senin dan Kamis.";
    let m = article_date(text, Some(REF)).expect("date");
    assert_eq!((m.date, m.form), (date(2024, 3, 27), DateForm::WeekdayOnly));
}
