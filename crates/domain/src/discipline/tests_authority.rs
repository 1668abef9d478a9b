//! The authority rules against the matrix of PP 94/2021 as transcribed in shared/reference/regulations-wave2.md
//! A3.2–A3.3: who may impose which level on whom, in a kabupaten/kota and in a province.

use super::employee::PositionType::{self, *};
use super::rules::{AuthorityRefusal, Level, shipped};
use crate::org::TenantLevel::{self, Kabupaten, Kota, Provinsi};

/// A sanction of each level of the shipped rules.
fn one_of(level: Level) -> &'static str {
    match level {
        Level::Ringan => "teguran_tertulis",
        Level::Sedang => "potong_tukin_6",
        Level::Berat => "turun_jabatan_12",
    }
}

fn may(office: &str, position: PositionType, pemda: TenantLevel, level: Level) -> bool {
    shipped().may_impose(office, (position, pemda), one_of(level)).is_ok()
}

#[test]
fn in_a_kabupaten_each_rung_is_sanctioned_by_the_offices_of_the_matrix() {
    use Level::*;
    // A3.3 row by row: (accused, level) → the offices that may impose it.
    let table: [(PositionType, Level, &[&str]); 12] = [
        (JptPratama, Ringan, &["ppk"]),
        (JptPratama, Sedang, &["ppk"]),
        (JptPratama, Berat, &["ppk"]),
        (Administrator, Ringan, &["jpt_pratama"]),
        (Administrator, Sedang, &["ppk"]),
        (Pengawas, Ringan, &["administrator"]),
        (Pengawas, Sedang, &["jpt_pratama", "ppk"]),
        (Pelaksana, Ringan, &["pengawas"]),
        (Pelaksana, Sedang, &["administrator", "ppk"]),
        (Pelaksana, Berat, &["ppk"]),
        (Fungsional, Sedang, &["administrator", "jpt_pratama"]),
        (Fungsional, Berat, &["ppk"]),
    ];
    let offices = ["pengawas", "administrator", "jpt_pratama", "jpt_madya", "ppk", "ppk_provinsi"];
    for (accused, level, allowed) in table {
        for pemda in [Kabupaten, Kota] {
            let found: Vec<&str> = offices.into_iter().filter(|it| may(it, accused, pemda, level)).collect();
            assert_eq!(found, allowed, "{accused:?} {level:?} in a {pemda:?}");
        }
    }
}

#[test]
fn a_kabupaten_sekda_holds_no_power_over_agency_heads_and_a_province_differs() {
    let rules = shipped();
    // A kabupaten Sekda is a JPT pratama: same rung as a Kepala Dinas.
    assert_eq!(
        rules.may_impose("jpt_pratama", (JptPratama, Kabupaten), "teguran_lisan"),
        Err(AuthorityRefusal::NotOverPosition)
    );
    // In a province the Sekda (JPT madya) gives ringan to a Kepala Dinas and the Gubernur does not.
    assert!(may("jpt_madya", JptPratama, Provinsi, Level::Ringan));
    assert!(!may("ppk_provinsi", JptPratama, Provinsi, Level::Ringan));
    assert!(may("ppk_provinsi", JptPratama, Provinsi, Level::Sedang));
    assert!(!may("ppk_provinsi", Pelaksana, Provinsi, Level::Sedang), "the Gubernur imposes only berat below JPT");
    assert_eq!(
        rules.may_impose("jpt_madya", (JptPratama, Kota), "teguran_lisan"),
        Err(AuthorityRefusal::NotInThisPemda)
    );
    assert_eq!(rules.may_impose("ppk", (Pelaksana, Provinsi), "pdhtaps"), Err(AuthorityRefusal::NotInThisPemda));
}

#[test]
fn dismissal_of_an_ahli_utama_is_left_to_the_president_and_levels_are_named() {
    let rules = shipped();
    assert_eq!(rules.may_impose("ppk", (FungsionalAhliUtama, Kabupaten), "pdhtaps"), Err(AuthorityRefusal::Excluded));
    assert_eq!(rules.may_impose("ppk", (FungsionalAhliUtama, Kabupaten), "turun_jabatan_12"), Ok(Level::Berat));
    assert_eq!(
        rules.may_impose("administrator", (Pelaksana, Kabupaten), "teguran_lisan"),
        Err(AuthorityRefusal::LevelNotAllowed(vec![Level::Sedang]))
    );
    assert_eq!(rules.may_impose("pengawas", (Pelaksana, Kabupaten), "teguran_lisan"), Ok(Level::Ringan));
    assert_eq!(
        rules.may_impose("camat", (Pelaksana, Kabupaten), "teguran_lisan"),
        Err(AuthorityRefusal::UnknownOffice)
    );
    assert_eq!(rules.may_impose("ppk", (Struktural, Kabupaten), "pdhtaps"), Err(AuthorityRefusal::NotOverPosition));
    let offices: Vec<&str> = rules.offices_over(Pelaksana, Kota).iter().map(|(it, _)| it.code.as_str()).collect();
    assert_eq!(offices, ["pengawas", "administrator", "ppk"]);
}
