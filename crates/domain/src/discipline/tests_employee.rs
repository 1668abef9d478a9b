//! Employee rows: NIP structure for PNS/CPNS, grades per status, every problem of a row at once.

use super::employee::*;

fn raw(nip: &str, status: &str, grade: &str) -> RawEmployee {
    RawEmployee {
        nip: nip.into(),
        name: "Rina Marlina".into(),
        status: status.into(),
        grade: grade.into(),
        position: "Analis Kepegawaian".into(),
        position_type: "fungsional".into(),
        unit_code: "BKPSDM".into(),
        superior_nip: "197805122005011003".into(),
    }
}

#[test]
fn a_civil_servants_nip_carries_birth_date_appointment_and_sex() {
    // 1985-03-14 born, appointed 2010-01, woman (2), number 004.
    assert_eq!(check_nip("19850314 201001 2 004", Status::Pns), Ok("198503142010012004".into()));
    assert!(check_nip("198502302010012004", Status::Pns).is_err(), "30 February");
    assert!(check_nip("198503142010132004", Status::Pns).is_err(), "month 13");
    assert!(check_nip("198503142010013004", Status::Pns).is_err(), "sex digit 3");
    assert!(check_nip("19850314201001200", Status::Pns).is_err(), "17 digits");
    assert_eq!(check_nip("199001012023212001", Status::Pppk), Ok("199001012023212001".into()));
    assert_eq!(check_nip("HNR-0042", Status::NonAsn), Ok("HNR-0042".into()));
}

#[test]
fn grades_follow_the_status() {
    assert_eq!(check_grade("iii/B", Status::Pns), Ok(Some("III/b".into())));
    assert_eq!(check_grade("IV/e", Status::Pns), Ok(Some("IV/e".into())));
    assert!(check_grade("III/e", Status::Pns).is_err(), "only IV has room e");
    assert_eq!(check_grade("ix", Status::Pppk), Ok(Some("IX".into())));
    assert!(check_grade("XVIII", Status::Pppk).is_err());
    assert_eq!(check_grade("", Status::NonAsn), Ok(None));
    assert!(check_grade("", Status::Pns).is_err());
}

#[test]
fn a_row_reports_every_problem() {
    let ok = raw("198503142010012004", "PNS", "III/c").parse().expect("valid");
    assert_eq!((ok.status, ok.grade.as_deref()), (Status::Pns, Some("III/c")));
    let mut bad = raw("1985", "PNS", "Z");
    bad.position_type = "kepala".into();
    bad.name = String::new();
    let problems = bad.parse().expect_err("invalid");
    let fields: Vec<&str> = problems.iter().map(|it| it.field).collect();
    assert_eq!(fields, ["nip", "grade", "name", "position_type"]);
    let unknown = raw("1985", "tetap", "Z").parse().expect_err("invalid");
    assert_eq!(unknown.iter().map(|it| it.field).collect::<Vec<_>>(), ["status"], "NIP and grade wait for a status");
}
