//! Agency mentions: long names with bracketed abbreviations, short forms, places, merging and stops.

use super::*;
use crate::regions;

fn names(text: &str) -> Vec<String> {
    find(text, &regions::find(text)).into_iter().map(|it| it.name).collect()
}

#[test]
fn long_names_with_brackets_and_regions_merge_with_short_forms() {
    let text = "Badan Pendapatan Daerah (Bapenda) Provinsi Banten menengahi Kepala UPT Samsat Kota Serang dan Kasi \
                Samsat Kota Serang. Kata Plt. Kepala Bapenda Banten, sanksi menunggu BKD dan inspektorat.";
    assert_eq!(
        names(text),
        ["Badan Pendapatan Daerah Provinsi Banten", "UPT Samsat Kota Serang", "BKD", "inspektorat"]
    );
}

#[test]
fn abbreviations_with_tails_prefixes_and_misspellings() {
    let text = "Konflik DPM-PTSP Bontang. Pegawai Dinas Penanamam Modal Pelayanan Terpadu Satu Pintu (DPM- PTSP) Bontang \
                mendatangi Kantor DPM PTSP. Dinkop UKM Tangsel dan seluruh Dinas OPD Tangsel.";
    assert_eq!(names(text), ["Dinas Penanamam Modal Pelayanan Terpadu Satu Pintu Bontang", "Dinkop UKM Tangsel"]);
}

#[test]
fn places_and_names_stop_before_people() {
    let text = "Kepala Dinas Sosial Kota Bekasi Rina Marlina dan Puskesmas Pamulang serta Kecamatan Serpong. \
                Kepala Dinas menyebut Kantor Kelurahan Pamulang Barat.";
    assert_eq!(
        names(text),
        ["Dinas Sosial Kota Bekasi", "Puskesmas Pamulang", "Kecamatan Serpong", "Kantor Kelurahan Pamulang Barat"]
    );
}
