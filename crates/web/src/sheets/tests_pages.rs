//! Every import page on both engines: a hostile workbook is refused with a message and the server keeps answering;
//! a malformed CSV stores nothing; CSV exports carry no live formula.

use axum::http::StatusCode;
use testkit::{TestDb, db_test};

use super::tests::{bomb_workbook, far_cell_workbook};
use crate::testing::{TestApp, demo_db};

/// Uploads each hostile file and checks the refusal names the problem and `/healthz` still answers.
async fn refuses_hostile_files(app: &mut TestApp, path: &str, fields: &[(&str, &str)], selector: &str) {
    let far = far_cell_workbook(1_048_575, 16_383);
    let bomb = bomb_workbook(300);
    let cases: [(&str, &[u8], &str); 2] = [("jauh.xlsx", &far, "paling banyak"), ("bom.xlsx", &bomb, "terlalu besar")];
    for (name, bytes, expected) in cases {
        let refused = app.post_multipart(path, fields, &[("file", name, bytes)]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{path} {name}: {}", refused.body);
        let messages = refused.texts(selector);
        assert!(messages.iter().any(|it| it.contains(expected)), "{path} {name}: {messages:?}");
        assert_eq!(app.get("/healthz").await.status, StatusCode::OK, "{path} {name}: the server still answers");
    }
}

async fn hostile_workbooks_are_refused_by_every_import(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut admin = TestApp::new(&db);
    admin.login("admin").await;
    refuses_hostile_files(&mut admin, "/unit/impor", &[], "#import-problems li").await;
    let mut officer = TestApp::new(&db);
    officer.login("bkpsdm").await;
    refuses_hostile_files(&mut officer, "/pegawai/impor", &[], "#import-problems li").await;
    refuses_hostile_files(&mut officer, "/disiplin/kehadiran", &[("year", "2026")], "#import-problems li").await;
    let (mut head, survey, _) = crate::surveys::tests::open_survey(&db).await?;
    refuses_hostile_files(&mut head, &format!("{survey}/impor"), &[], "#import .alert li").await;
    Ok(())
}
db_test!(hostile_workbooks_are_refused_by_every_import);

async fn a_csv_with_an_unclosed_quote_or_a_short_row_stores_nothing(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut admin = TestApp::new(&db);
    admin.login("admin").await;
    let swallowed = "kode,kode_induk,jenis,nama\nDISPORA,,dinas,\"Dinas Pemuda\nUPT-GOR,DISPORA,upt,UPT GOR\nUPT-KOLAM,DISPORA,upt,UPT Kolam\n";
    let refused = admin.upload("/unit/impor", "unit.csv", swallowed.as_bytes()).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    let messages = refused.texts("#import-problems li");
    assert!(messages[0].contains("baris 2") && messages[0].contains("kutip"), "{messages:?}");
    let short = "kode,kode_induk,jenis,nama\nDISPORA,,dinas,Dinas Pemuda\nUPT-GOR,DISPORA\n";
    let refused = admin.upload("/unit/impor", "unit.csv", short.as_bytes()).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    let messages = refused.texts("#import-problems li");
    assert!(messages[0].contains("Baris 3 berisi 2 kolom"), "{messages:?}");
    assert!(!admin.get("/unit?q=DISPORA").await.text("#unit-tree").contains("DISPORA"), "nothing stored");
    Ok(())
}
db_test!(a_csv_with_an_unclosed_quote_or_a_short_row_stores_nothing);

async fn csv_exports_write_formulas_as_text(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut admin = TestApp::new(&db);
    admin.login("admin").await;
    let units =
        "kode,jenis,nama,alias\nDINAS-X,dinas,\"=HYPERLINK(\"\"http://contoh.invalid\"\",\"\"klik\"\")\",@SUM(A1)\n";
    let stored = admin.upload("/unit/impor", "unit.csv", units.as_bytes()).await;
    assert_eq!(stored.status, StatusCode::OK, "{}", stored.body);
    let export = admin.get("/unit/ekspor.csv").await.body;
    assert!(
        export.contains("DINAS-X,,dinas,\"'=HYPERLINK(\"\"http://contoh.invalid\"\",\"\"klik\"\")\",,'@SUM(A1),"),
        "{export}"
    );
    let mut officer = TestApp::new(&db);
    officer.login("bkpsdm").await;
    let employees = "nip,nama,status,golongan,jabatan,jenis_jabatan,kode_unit\n\
        198703152010011002,-2+3+cmd|' /C calc'!A0,pns,III/b,+Analis,pelaksana,DPMPTSP\n";
    let stored = officer.upload("/pegawai/impor", "pegawai.csv", employees.as_bytes()).await;
    assert_eq!(stored.status, StatusCode::OK, "{}", stored.body);
    let export = officer.get("/pegawai/ekspor.csv").await.body;
    assert!(export.contains("198703152010011002,'-2+3+cmd|' /C calc'!A0,pns,III/b,'+Analis,"), "{export}");
    Ok(())
}
db_test!(csv_exports_write_formulas_as_text);
