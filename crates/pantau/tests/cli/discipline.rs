//! `pantau import employees` and `pantau import attendance`: all rows or none with every bad row listed, the
//! proposals of the PP 94/2021 table printed; `pantau bench attendance` on a small run checks its own proposals.

use crate::{pantau, stderr, stdout};

fn demo_database(dir: &tempfile::TempDir) -> String {
    let url = format!("sqlite://{}", dir.path().join("disiplin.db").display());
    let output = pantau(&["demo", "--without-history", "--database-url", &url]);
    assert!(output.status.success(), "{}", stderr(&output));
    url
}

#[test]
fn the_register_and_attendance_import_all_rows_or_none() {
    let dir = tempfile::tempdir().unwrap();
    let url = demo_database(&dir);
    let register = dir.path().join("pegawai.csv");
    std::fs::write(
        &register,
        "nip;nama;status;golongan;jabatan;jenis_jabatan;kode_unit\n\
         198902112015031001;Teguh Prasetyo;pns;III/a;Pengelola Arsip;pelaksana;DINSOS\n\
         198902112015031001;Teguh Lagi;pns;III/a;Pengelola Arsip;pelaksana;DINSOS\n",
    )
    .unwrap();
    let register = register.to_str().unwrap();
    let refused = pantau(&["import", "employees", register, "--database-url", &url]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(stdout(&refused).contains("row 3"), "{}", stdout(&refused));
    std::fs::write(
        register,
        "nip;nama;status;golongan;jabatan;jenis_jabatan;kode_unit\n\
         198902112015031001;Teguh Prasetyo;pns;III/a;Pengelola Arsip;pelaksana;DINSOS\n",
    )
    .unwrap();
    let done = pantau(&["import", "employees", register, "--database-url", &url]);
    assert!(done.status.success(), "{}", stdout(&done));
    assert!(stdout(&done).contains("1 created"), "{}", stdout(&done));

    let attendance = dir.path().join("kehadiran.csv");
    let days = ["2026-02-02", "2026-02-03", "2026-02-04", "2026-02-05", "2026-02-06"];
    let mut text = String::from("nip,tanggal,status\n");
    for day in days {
        text.push_str(&format!("198902112015031001,{day},tanpa keterangan\n"));
    }
    std::fs::write(&attendance, format!("{text}198902112015031001,2025-12-31,hadir\n")).unwrap();
    let attendance = attendance.to_str().unwrap();
    let refused = pantau(&["import", "attendance", attendance, "--year", "2026", "--database-url", &url]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(stdout(&refused).contains("row 7"), "{}", stdout(&refused));
    std::fs::write(attendance, &text).unwrap();
    let done = pantau(&["import", "attendance", attendance, "--year", "2026", "--database-url", &url]);
    assert!(done.status.success(), "{}", stdout(&done));
    let report = stdout(&done);
    assert!(
        report.contains("198902112015031001 Teguh Prasetyo — 5 days, longest run 5 → teguran_tertulis"),
        "{report}"
    );
}

#[test]
fn the_attendance_benchmark_checks_its_proposals() {
    let output = pantau(&["bench", "attendance", "--employees", "120", "--days", "60", "--per-file", "50"]);
    assert!(output.status.success(), "{}\n{}", stdout(&output), stderr(&output));
    assert!(stdout(&output).contains("3 of 3 expected"), "{}", stdout(&output));
}
