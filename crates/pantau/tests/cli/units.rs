//! `pantau import units` and `pantau export units`: all rows or none, every bad row listed, round trip.

use crate::{pantau, stderr, stdout};

fn demo_database(dir: &tempfile::TempDir) -> String {
    let url = format!("sqlite://{}", dir.path().join("units.db").display());
    let output = pantau(&["demo", "--without-history", "--database-url", &url]);
    assert!(output.status.success(), "{}", stderr(&output));
    url
}

#[test]
fn export_then_import_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let url = demo_database(&dir);
    let file = dir.path().join("unit.csv");
    let file = file.to_str().unwrap();
    let output = pantau(&["export", "units", "--output", file, "--database-url", &url]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.starts_with("\u{feff}kode,kode_induk,jenis,nama"), "{text}");
    assert!(text.contains("DPMPTSP"), "{text}");
    let output = pantau(&["import", "units", file, "--database-url", &url]);
    assert!(output.status.success(), "{}", stdout(&output));
    assert!(stdout(&output).contains("0 created, 0 updated"), "{}", stdout(&output));
}

#[test]
fn a_file_with_bad_rows_imports_nothing_and_lists_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let url = demo_database(&dir);
    let file = dir.path().join("baru.csv");
    std::fs::write(
        &file,
        "kode,kode_induk,jenis,nama\nDISPERKIM,,dinas,Dinas Perumahan dan Kawasan Permukiman\nX1,TIDAKADA,upt,UPT Contoh\nX2,,planet,Badan Antariksa\n",
    )
    .unwrap();
    let output = pantau(&["import", "units", file.to_str().unwrap(), "--database-url", &url]);
    assert_eq!(output.status.code(), Some(1));
    let report = stdout(&output);
    assert!(report.contains("nothing imported"), "{report}");
    assert!(report.contains("row 4"), "{report}");
    let exported = pantau(&["export", "units", "--database-url", &url]);
    assert!(!stdout(&exported).contains("DISPERKIM"), "the good row was not stored either");
}

#[test]
fn xlsx_export_needs_an_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let url = demo_database(&dir);
    let output = pantau(&["export", "units", "--format", "xlsx", "--database-url", &url]);
    assert_eq!(output.status.code(), Some(2));
    let file = dir.path().join("unit.xlsx");
    let output = pantau(&["export", "units", "--format", "xlsx", "-o", file.to_str().unwrap(), "--database-url", &url]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(std::fs::read(&file).unwrap().starts_with(b"PK"), "an XLSX is a zip file");
}

#[test]
fn a_workbook_with_a_cell_far_away_is_refused_not_allocated() {
    let dir = tempfile::tempdir().unwrap();
    let url = demo_database(&dir);
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "kode").unwrap();
    sheet.write_string(1_048_575, 16_383, "x").unwrap();
    let file = dir.path().join("jauh.xlsx");
    std::fs::write(&file, workbook.save_to_buffer().unwrap()).unwrap();
    for kind in ["units", "employees"] {
        let output = pantau(&["import", kind, file.to_str().unwrap(), "--database-url", &url]);
        assert_eq!(output.status.code(), Some(1), "{kind}: refused, not aborted: {}", stderr(&output));
        let report = format!("{}{}", stdout(&output), stderr(&output));
        assert!(report.contains("at most"), "{kind}: {report}");
    }
    let output = pantau(&["import", "attendance", file.to_str().unwrap(), "--year", "2026", "--database-url", &url]);
    assert_eq!(output.status.code(), Some(1), "attendance: {}", stderr(&output));
}
