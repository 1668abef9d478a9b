//! Discipline on both engines, continued: the authority rules and the catalogue's levels as the pages apply them —
//! which offices a decision offers, breaches levelled by position or only by the absence table, and the rules page.

use axum::http::StatusCode;
use testkit::{TestDb, db_test};

use super::tests::{employee_id, step};
use crate::testing::{TestApp, demo_db};

async fn the_decision_offers_only_the_offices_over_the_employee_in_this_pemda(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let siti = employee_id(&db, "199406202019032005").await?;
    let mut officer = TestApp::new(&db);
    officer.login("bkpsdm").await;
    let form = officer.get("/disiplin/kasus/baru").await;
    assert!(form.attr("#b-4f", "name").is_none(), "absence is opened from the attendance proposal only");
    assert!(form.text("#catalogue").contains("Menurut jenis jabatan"), "the wealth report follows the position");
    let facts = "Tidak menyampaikan laporan harta kekayaan sebagai bendahara penerimaan sampai batas waktu.";
    let wealth = [("employee", siti.as_str()), ("origin", "superior"), ("facts", facts), ("b_4e", "unit")];
    let opened = officer.post("/disiplin/kasus", &wealth).await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.text("main"));
    let case = opened.location();
    let summons = [("kind", "summons"), ("sent", "2026-04-06"), ("examination", "2026-04-20")];
    assert_eq!(step(&mut officer, &case, &summons).await.status, StatusCode::SEE_OTHER);
    let record = "Pegawai mengakui belum menyampaikan laporan karena lupa batas waktunya.";
    let examined = [("kind", "examined"), ("on", "2026-04-20"), ("record", record), ("signed", "on")];
    assert_eq!(step(&mut officer, &case, &examined).await.status, StatusCode::SEE_OTHER);
    let page = officer.get(&case).await;
    assert!(page.text("#summary").contains("Berat"), "an obliged pelaksana is one of the other officials: berat");
    // Kota: the pengawas above (ringan), the administrator two rungs above (sedang) and the Wali Kota (sedang, berat).
    let offered: Vec<String> = page.texts("#decided-official option").into_iter().skip(1).collect();
    assert_eq!(offered.len(), 3, "{offered:?}");
    assert!(offered[0].starts_with("Pejabat pengawas") && offered[0].ends_with("(ringan)"), "{offered:?}");
    assert!(offered[1].ends_with("(sedang)") && offered[2].ends_with("(sedang, berat)"), "{offered:?}");
    let unit_harm = [("employee", siti.as_str()), ("origin", "superior"), ("facts", facts), ("b_5m", "unit")];
    let refused = officer.post("/disiplin/kasus", &unit_harm).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text("#form-problems").contains("Pasal 5 huruf m"), "{}", refused.text("#form-problems"));
    let by_hand = [("employee", siti.as_str()), ("origin", "superior"), ("facts", facts), ("b_4f", "unit")];
    assert_eq!(officer.post("/disiplin/kasus", &by_hand).await.status, StatusCode::UNPROCESSABLE_ENTITY);
    Ok(())
}
db_test!(the_decision_offers_only_the_offices_over_the_employee_in_this_pemda);

async fn the_rules_page_shows_each_office_with_the_levels_per_position(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut officer = TestApp::new(&db);
    officer.login("bkpsdm").await;
    let page = officer.get("/disiplin/aturan").await;
    assert_eq!(page.status, StatusCode::OK);
    let authority = page.text("#authority");
    assert!(authority.contains("Pejabat Pembina Kepegawaian (Bupati/Wali Kota)"), "{authority}");
    assert!(authority.contains("Kecuali: Pemberhentian"), "an Ahli Utama's dismissal is left out: {authority}");
    assert!(authority.contains("Hanya pada Pemda: Provinsi"), "the JPT madya is a province's: {authority}");
    let catalogue = page.text("#catalogue");
    assert!(catalogue.contains("Menurut tabel") || catalogue.contains("Menurut jumlah hari"), "{catalogue}");
    Ok(())
}
db_test!(the_rules_page_shows_each_office_with_the_levels_per_position);
