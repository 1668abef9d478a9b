//! People and roles: role before name, name before role, places of camat and lurah, bylines left out.

use super::*;
use crate::{agencies, regions};

fn people(text: &str) -> Vec<(String, &'static str)> {
    let regions = regions::find(text);
    let mut spans: Vec<(usize, usize)> = regions.iter().map(|it| (it.start, it.end)).collect();
    for agency in agencies::find(text, &regions) {
        spans.extend(agency.spans);
    }
    find(text, &spans).into_iter().map(|it| (it.name, it.role)).collect()
}

#[test]
fn role_before_name() {
    assert_eq!(
        people("Petisi itu sampai ke Wali Kota Bontang Basri Rase yang datang ke kantor."),
        [("Basri Rase".to_owned(), "Wali Kota")]
    );
    assert_eq!(
        people("Hal itu ditekankan oleh Kepala Samsat Tabanan I Ketut Sadar, S.Sos, M.H. saat apel pagi di kantor."),
        [("I Ketut Sadar".to_owned(), "Kepala")]
    );
    assert_eq!(
        people(
            "Penjabat Sekretaris Daerah Kabupaten Pandeglang, Banten, Ferry Hasan menegaskan akan memberi sanksi tegas."
        ),
        [("Ferry Hasan".to_owned(), "Penjabat Sekretaris Daerah")]
    );
    assert_eq!(
        people("Baru saja Kepala DPM-PTSP Aspianur dilantik di kantor wali kota."),
        [("Aspianur".to_owned(), "Kepala")]
    );
    assert_eq!(
        people("Antrean dijelaskan oleh Kasi Pelayanan Dodi Irawan kepada warga."),
        [("Dodi Irawan".to_owned(), "Kepala Seksi")]
    );
}

#[test]
fn name_before_role_and_no_bylines() {
    assert_eq!(
        people("Hal ini disampaikan Deni selaku Plt. Kepala Bapenda Banten."),
        [("Deni".to_owned(), "Plt. Kepala")]
    );
    assert_eq!(people("petisi kepada Nurbaenah, Sekretaris OPD."), [("Nurbaenah".to_owned(), "Sekretaris")]);
    assert!(people("Bontang - M Rifki\nSekretaris dan Kepala DPM-PTSP dipanggil. (M. Uki)").is_empty());
}
