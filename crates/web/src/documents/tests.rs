//! Every document of the demo typeset as a Pemda would print it: the sample letter, a receipt with its secret and
//! its staff copy, the SKM report and poster, and the three letters of a case walked to its decision. Each must lay
//! out with no text past the margins, and its PDF must give its words back to a text extractor (the fonts are
//! embedded with their Unicode maps). Set `PANTAU_DOCUMENTS_OUT` to a folder to keep the PDFs and look at them.

use std::sync::Arc;

use axum::http::StatusCode;
use domain::complaints::Channel;
use domain::complaints::intake::{RawItem, Source};
use store::complaints::intake::Submission;
use store::{ActionCx, Actor};
use testkit::{SeqIds, TestDb, db_test};

use super::letterhead::House;
use super::{Prepared, margins, overflows};
use crate::discipline::tests::{employee_id, step};
use crate::i18n::Lang;
use crate::testing::{TestApp, demo_db};
use crate::{App, WebConfig};

/// Typesets `prepared` and checks it; `words` must come back out of the PDF.
#[allow(clippy::print_stderr)] // the measurement docs/PERFORMANCE.md quotes: printed, never asserted
fn check(name: &str, prepared: &Prepared, words: &[&str]) -> anyhow::Result<()> {
    // The time is printed for docs/PERFORMANCE.md (`--nocapture`), never asserted.
    let started = std::time::Instant::now();
    let document = prepared.typeset()?;
    let past = overflows(&document, margins());
    assert!(past.is_empty(), "{name}: text past the margins: {past:?}");
    let pdf = prepared.pdf()?;
    eprintln!(
        "{name}: {} page(s), {} bytes, typeset twice in {:?}",
        document.pages().len(),
        pdf.len(),
        started.elapsed()
    );
    let text = pdf_extract::extract_text_from_mem(&pdf)?;
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for word in words {
        assert!(flat.contains(word), "{name}: {word:?} not in the extracted text: {flat}");
    }
    if let Ok(dir) = std::env::var("PANTAU_DOCUMENTS_OUT") {
        std::fs::create_dir_all(&dir)?;
        std::fs::write(format!("{dir}/{name}.pdf"), &pdf)?;
    }
    Ok(())
}

async fn a_receipt(app: &App, house: &House, tenant: &domain::org::Tenant) -> anyhow::Result<()> {
    let raw = RawItem {
        kind: "pengaduan".into(),
        category: "sikap_petugas".into(),
        title: "Loket perizinan kosong pada jam layanan dan berkas saya tidak diterima siapa pun".into(),
        body: "Saya datang pukul 09.15 membawa berkas izin usaha mikro; loket nomor 3 kosong sampai pukul 11.00."
            .into(),
        confidentiality: "publik".into(),
        name: "Dewi Lestari".into(),
        contact: "dewi@contoh.id".into(),
        ..RawItem::default()
    };
    let submission = Submission {
        raw,
        source: Source::Citizen,
        channel: Channel::Web,
        ip: None,
        files: Vec::new(),
        registered_by: None,
    };
    let ids = SeqIds::default();
    let cx =
        ActionCx { db: app.db(), tenant: &tenant.id, actor: Actor::System("test"), now: testkit::now(), ids: &ids };
    let filed = store::complaints::intake::file(&cx, submission).await?;
    let url = format!("https://pantau.contoh.go.id/verifikasi?r={}", filed.receipt);
    let own = crate::complaints::pdf::receipt(Lang::Id, (tenant, house), &filed.item, Some(&filed.secret), &url)?;
    let number = filed.item.number.as_str();
    check(
        "tanda-terima",
        &own,
        &["TANDA TERIMA", number, "Kode rahasia", "Loket perizinan kosong", "PEMERINTAH KOTA"],
    )?;
    let staff = crate::complaints::pdf::receipt(Lang::En, (tenant, house), &filed.item, None, &url)?;
    check("tanda-terima-staf", &staff, &[number, "Page 1 of 1"])?;
    Ok(())
}

async fn the_survey_documents(app: &App, house: &House, tenant: &domain::org::Tenant) -> anyhow::Result<()> {
    let scope = crate::tenant::Tenant(tenant.clone());
    let query = crate::surveys::report_model::ReportQuery::default();
    let model = crate::surveys::report_model::build(app, &scope, Lang::Id, &query).await?;
    let report = crate::surveys::pdf::report(Lang::Id, house, &model, jiff::civil::date(2026, 7, 1))?;
    check("laporan-skm", &report, &["Hasil Survei Kepuasan Masyarakat", "Nilai per unsur", "Dra. Rina Marlina"])?;
    let link = "https://pantau.contoh.go.id/s/ABCD2345";
    let poster =
        crate::surveys::pdf::poster(Lang::Id, house, ("Dinas Kependudukan", "Perekaman KTP-el"), link, "ABCD2345")?;
    check("poster-skm", &poster, &["Bagaimana layanan kami?", "Perekaman KTP-el", link])?;
    let long = "https://pengaduan-dan-survei-layanan.tangerangselatankota.go.id/s/ABCD2345";
    let unit = "Unit Pelaksana Teknis Daerah Pusat Kesehatan Masyarakat Kecamatan Pondok Aren Kota Tangerang Selatan";
    let poster =
        crate::surveys::pdf::poster(Lang::Id, house, (unit, "Pemeriksaan kesehatan ibu dan anak"), long, "ABCD2345")?;
    check("poster-skm-panjang", &poster, &[long, "KECAMATAN PONDOK AREN"])?;
    Ok(())
}

/// A ringan case of the demo, from the attendance proposal to the decision, with every letter field filled.
async fn a_decided_case(db: &TestDb) -> anyhow::Result<String> {
    let agus = employee_id(db, "198811032014021001").await?;
    let mut officer = TestApp::new(db);
    officer.login("bkpsdm").await;
    let facts = "Empat hari kerja tanpa keterangan pada Januari dan Februari menurut rekap kehadiran.";
    let opened = officer
        .post("/disiplin/kasus", &[("employee", &agus), ("origin", "attendance"), ("ref", "2026"), ("facts", facts)])
        .await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.text("main"));
    let case = opened.location();
    let summons = [
        ("kind", "summons"),
        ("sent", "2026-04-06"),
        ("examination", "2026-04-20"),
        ("letter_number", "800.1.6.4/117/DPMPTSP/IV/2026"),
        ("time", "09.00 WIB"),
        ("place", "Ruang Rapat Kepala Dinas, Gedung Pelayanan Terpadu Lantai 3"),
        ("examiner", "Rudi Hartono, S.Sos."),
        ("examiner_nip", "198207252008011004"),
    ];
    let record = "Pegawai mengakui tidak masuk kerja empat hari tanpa keterangan karena mengurus orang tua yang sakit \
        di luar kota dan tidak memberi kabar kepada atasan. Pegawai menyatakan tidak akan mengulanginya.";
    let examined = [
        ("kind", "examined"),
        ("on", "2026-04-20"),
        ("record", record),
        ("signed", "on"),
        ("examiner", "Rudi Hartono, S.Sos."),
        ("examiner_nip", "198207252008011004"),
    ];
    let decided = [
        ("kind", "decided"),
        ("on", "2026-04-27"),
        ("sanction", "teguran_tertulis"),
        ("official", "pengawas"),
        ("official_name", "Rudi Hartono, S.Sos."),
        ("official_nip", "198207252008011004"),
        ("letter_number", "800.1.6.4/131/DPMPTSP/IV/2026"),
        ("place", "Tangerang Selatan"),
    ];
    for fields in [&summons[..], &examined[..], &decided[..]] {
        let done = step(&mut officer, &case, fields).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{:?}: {}", fields[0], done.text("#step-error"));
    }
    Ok(case.rsplit('/').next().unwrap_or_default().to_owned())
}

async fn the_letters_of_a_case(db: &TestDb, house: &House, tenant: &domain::org::Tenant) -> anyhow::Result<()> {
    let id = a_decided_case(db).await?;
    let rules = domain::discipline::shipped();
    let mut conn = db.conn().await?;
    let file = store::discipline::cases::load(&mut conn, &tenant.id, rules, &id).await?;
    let context = crate::discipline::letter_docs::Context {
        house,
        unit: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu".to_owned(),
        rules,
        file: &file,
    };
    let expected: [(&str, &[&str]); 3] = [
        (
            "panggilan",
            &["SURAT PANGGILAN I", "800.1.6.4/117/DPMPTSP/IV/2026", "Agus Salim Nugroho", "NIP. 198207252008011004"],
        ),
        ("bap", &["BERITA ACARA PEMERIKSAAN", "mengurus orang tua", "Yang diperiksa", "Pemeriksa"]),
        (
            "keputusan",
            &["MEMUTUSKAN", "KESATU", "Menimbang", "Teguran tertulis", "Tembusan", "Ditetapkan di Tangerang Selatan"],
        ),
    ];
    for (kind, words) in expected {
        let stored = file
            .steps
            .iter()
            .find(|it| crate::discipline::letters::letter_of(&it.step) == Some(kind))
            .ok_or_else(|| anyhow::anyhow!("no {kind} step"))?;
        check(kind, &context.prepare(kind, stored)?, words)?;
    }
    Ok(())
}

async fn every_document_of_the_demo_typesets_within_its_margins(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let app = App::new((*db).clone(), WebConfig::for_tests(), Arc::new(crate::RandomIds), testkit::now);
    let tenant = {
        let mut conn = db.conn().await?;
        store::org::queries::load_tenant(&mut conn, &domain::ids::TenantId::new(store::demo::DEMO_TENANT)).await?
    };
    let house = House::of(&app, &tenant).await?;
    let sample = crate::org::pages::documents::sample_letter(Lang::Id, &house, jiff::civil::date(2026, 12, 7))?;
    check("contoh-surat", &sample, &["CONTOH SURAT", "“seperti ini”", "Drs. H. Ahmad Fauzi", "Halaman 1 dari 1"])?;
    a_receipt(&app, &house, &tenant).await?;
    the_survey_documents(&app, &house, &tenant).await?;
    the_letters_of_a_case(&db, &house, &tenant).await
}
db_test!(every_document_of_the_demo_typesets_within_its_margins);
