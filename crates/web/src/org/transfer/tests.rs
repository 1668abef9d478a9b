//! Tests of reading and writing the unit file formats.

use super::*;

#[test]
fn csv_with_semicolons_and_bom_reads_with_spreadsheet_row_numbers() {
    let text =
        "\u{feff}kode;kode_induk;jenis;nama\nDINKES;;dinas;Dinas Kesehatan\n;;;\nPKM;DINKES;upt;Puskesmas Contoh\n";
    let rows = read_csv(text.as_bytes()).unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].0, 2);
    assert_eq!(rows[1].0, 4);
    assert_eq!(rows[1].1.parent_code, "DINKES");
}

#[test]
fn english_headers_are_accepted_and_unknown_ones_refused() {
    let rows = read_csv(b"code,kind,name\nX,dinas,Dinas X\n").unwrap();
    assert_eq!(rows[0].1.code, "X");
    assert_eq!(
        read_csv(b"kode,jenis,nama,warna\nX,dinas,Y,merah\n"),
        Err(FileProblem::UnknownColumn("warna".to_owned()))
    );
    assert_eq!(read_csv(b"kode,nama\nX,Y\n"), Err(FileProblem::MissingColumn("jenis")));
    assert_eq!(read_csv(b"kode,jenis,nama\n"), Err(FileProblem::Empty));
    assert_eq!(read_csv(&[0xff, 0xfe, 0x00]), Err(FileProblem::Unreadable));
}

#[test]
fn xlsx_round_trips_through_the_writer() {
    let raw = RawUnit {
        code: "DPMPTSP".to_owned(),
        kind: "dinas".to_owned(),
        name: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu".to_owned(),
        aliases: "DPM-PTSP; Dinas PMPTSP".to_owned(),
        ..RawUnit::default()
    };
    let draft = raw.parse(domain::org::TenantLevel::Kota, domain::calendar::Zone::Wita).unwrap();
    let unit = Unit { id: domain::ids::UnitId::new("u1"), draft, parent_id: None };
    let bytes = write_xlsx(std::slice::from_ref(&unit)).unwrap();
    let rows = read_xlsx(&bytes).unwrap();
    let back = rows[0].1.parse(domain::org::TenantLevel::Kota, domain::calendar::Zone::Wib).unwrap();
    assert_eq!(back, unit.draft);
    let csv = write_csv(std::slice::from_ref(&unit)).unwrap();
    let back = read_csv(&csv).unwrap()[0].1.parse(domain::org::TenantLevel::Kota, domain::calendar::Zone::Wib).unwrap();
    assert_eq!(back, unit.draft);
}
