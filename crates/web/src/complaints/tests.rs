//! The complaint pages on both engines: a citizen files and follows an item, staff verify and answer it, the front
//! desk registers a letter, and a confidential reporter's identity never reaches the unit.

use axum::http::StatusCode;
use testkit::{TestDb, db_test};

use crate::testing::{TestApp, demo_db};

const FIELDS: &[(&str, &str)] = &[
    ("kind", "pengaduan"),
    ("category", "sikap_petugas"),
    ("unit", "DPMPTSP"),
    ("title", "Loket izin kosong pada jam layanan"),
    ("body", "Hari Senin pukul sepuluh tidak ada petugas di loket izin usaha, antrean menunggu satu jam."),
    ("confidentiality", "rahasia"),
    ("name", "Budi Santoso"),
    ("contact", "budi@contoh.id"),
];

fn receipt_of(response: &crate::testing::TestResponse) -> (String, String) {
    (response.text("#receipt-number"), response.text("#receipt-secret"))
}

async fn a_citizen_files_follows_and_rates_while_the_unit_never_sees_a_confidential_name(
    db: TestDb,
) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut citizen = TestApp::new(&db);
    let filed = citizen.post_multipart("/lapor", FIELDS, &[]).await;
    assert_eq!(filed.status, StatusCode::CREATED, "{}", filed.body);
    let (number, secret) = receipt_of(&filed);
    assert!(number.starts_with("ADU-2026-"), "{number}");
    let tracked = citizen.post("/lacak", &[("nomor", &number), ("kode", &secret)]).await;
    assert_eq!(tracked.status, StatusCode::OK);
    assert!(tracked.body.contains("Loket izin kosong"));
    let wrong = citizen.post("/lacak", &[("nomor", &number), ("kode", "AAAAA-AAAAA")]).await;
    assert_eq!(wrong.status, StatusCode::NOT_FOUND);

    let mut admin = TestApp::new(&db);
    admin.login("admin").await;
    let queue = admin.get("/pengaduan").await;
    let href = queue.attr("#queue tbody a", "href").unwrap_or_default();
    let page = admin.get(&href).await;
    assert!(page.text("#identity").contains("Budi Santoso"));
    assert!(page.text("#suggestion").contains("DPMPTSP") || page.body.contains("Penanaman Modal"));
    let step = admin.post(&format!("{href}/langkah"), &[("aksi", "verifikasi"), ("unit", "DPMPTSP")]).await;
    assert_eq!(step.status, StatusCode::SEE_OTHER, "{}", step.body);

    let mut operator = TestApp::new(&db);
    operator.login("operator.dpmptsp").await;
    let page = operator.get(&href).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains("Budi Santoso") && !page.body.contains("budi@contoh.id"));
    assert!(page.html().select(&scraper::Selector::parse("#identity-hidden").unwrap()).next().is_some());
    let answer = operator
        .post(
            &format!("{href}/langkah"),
            &[("aksi", "tindak_lanjut"), ("pesan", "Jadwal piket loket sudah diperbaiki.")],
        )
        .await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    let refused = operator.post(&format!("{href}/langkah"), &[("aksi", "verifikasi"), ("unit", "DPMPTSP")]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);

    let rated =
        citizen.post("/lacak/aksi", &[("nomor", &number), ("kode", &secret), ("aksi", "nilai"), ("nilai", "4")]).await;
    assert_eq!(rated.status, StatusCode::OK, "{}", rated.body);
    assert!(rated.body.contains("4/5"));
    let confirmed = citizen.post("/lacak/aksi", &[("nomor", &number), ("kode", &secret), ("aksi", "selesai")]).await;
    assert!(confirmed.body.contains("Tuntas"));
    Ok(())
}
db_test!(a_citizen_files_follows_and_rates_while_the_unit_never_sees_a_confidential_name);

async fn bad_input_comes_back_with_messages_and_nothing_stored(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut citizen = TestApp::new(&db);
    let fields = [("kind", "pengaduan"), ("category", ""), ("title", ""), ("body", "pendek"), ("contact", "budi@")];
    let refused = citizen.post_multipart("/lapor", &fields, &[("files", "foto.jpg", b"%PDF-1.4 bukan foto")]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    for message in ["Wajib diisi.", "Terlalu pendek", "Isi berkas tidak sesuai"] {
        assert!(refused.body.contains(message), "{message} missing");
    }
    let mut admin = TestApp::new(&db);
    admin.login("admin").await;
    assert!(admin.get("/pengaduan?tampil=semua").await.body.contains("Tidak ada laporan"));
    Ok(())
}
db_test!(bad_input_comes_back_with_messages_and_nothing_stored);

async fn the_front_desk_registers_a_letter_and_the_receipt_verifies(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut operator = TestApp::new(&db);
    operator.login("operator.dpmptsp").await;
    let fields = [
        ("kind", "surat_masuk"),
        ("unit", "DPMPTSP"),
        ("title", "Permohonan audiensi pedagang pasar"),
        ("letter_sender", "Paguyuban Pedagang Pasar Ciputat"),
        ("letter_number", "07/PPPC/III/2026"),
        ("letter_date", "2026-03-13"),
    ];
    let filed =
        operator.post_multipart("/pengaduan/baru", &fields, &[("files", "surat.pdf", b"%PDF-1.4 pindaian")]).await;
    assert_eq!(filed.status, StatusCode::CREATED, "{}", filed.body);
    let (number, secret) = receipt_of(&filed);
    assert!(number.starts_with("SRT-2026-"));
    let url = filed.attr(".qr + p a", "href").unwrap_or_default();
    let path = url.split_once("localhost").map_or(url.as_str(), |(_, rest)| rest).to_owned();
    let verified = operator.get(&path).await;
    assert!(verified.text("#verify-result").contains(&number), "{}", verified.body);
    let forged = operator.get(&path.replace("PANTAU1.", "PANTAU1.x")).await;
    assert!(forged.body.contains("tidak sah") || forged.body.contains("bukan tanda terima"));
    let pdf = operator.post("/lacak/tanda-terima.pdf", &[("nomor", &number), ("kode", &secret)]).await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert!(pdf.body.starts_with("%PDF-"));
    Ok(())
}
db_test!(the_front_desk_registers_a_letter_and_the_receipt_verifies);

async fn three_attachments_of_almost_the_largest_size_fit_in_one_form(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut citizen = TestApp::new(&db);
    let mut scan = b"%PDF-1.7\n".to_vec();
    scan.resize(4_900_000, b'0');
    scan.extend_from_slice(b"\n%%EOF\n");
    let files: Vec<(&str, &str, &[u8])> =
        vec![("files", "a.pdf", &scan[..]), ("files", "b.pdf", &scan[..]), ("files", "c.pdf", &scan[..])];
    let filed = citizen.post_multipart("/lapor", FIELDS, &files).await;
    assert_eq!(filed.status, StatusCode::CREATED, "{}", &filed.body[..filed.body.len().min(500)]);
    Ok(())
}
db_test!(three_attachments_of_almost_the_largest_size_fit_in_one_form);
