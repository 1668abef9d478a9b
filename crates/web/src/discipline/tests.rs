//! Discipline pages on both engines: the register and attendance imports (all rows or none, row-level messages),
//! the proposals against the absence table, a heavy case from proposal to delivered decision with every guard on
//! the way, letters and the record export, who may read a case, the employee's own view, the sanction register,
//! and checked edits of the rules.

use axum::http::StatusCode;
use testkit::{TestDb, db_test};

use crate::testing::{TestApp, demo_db};

pub(crate) async fn employee_id(db: &TestDb, nip: &str) -> anyhow::Result<String> {
    let mut conn = db.conn().await?;
    let tenant = domain::ids::TenantId::new(store::demo::DEMO_TENANT);
    let found = store::discipline::employees::find_by_nip(&mut conn, &tenant, nip).await?;
    found.map(|it| it.id).ok_or_else(|| anyhow::anyhow!("no demo employee {nip}"))
}

const GOOD: &str = "nip,nama,status,golongan,jabatan,jenis_jabatan,kode_unit,nip_atasan,akun\n\
    198902112015031001,Teguh Prasetyo,pns,III/a,Pengelola Arsip,pelaksana,DINSOS,,\n\
    THL-DINSOS-002,Wawan Setiawan,non_asn,,Petugas Kebersihan,pelaksana,DINSOS,198902112015031001,\n";

async fn the_register_imports_all_rows_or_none_and_exports_what_the_reader_may_see(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut officer = TestApp::new(&db);
    officer.login("bkpsdm").await;
    let bad = format!(
        "{GOOD}19890211201503100,Salah NIP,pns,III/a,Staf,pelaksana,DINSOS,,\n\
        199001012015031009,Unit Hilang,pns,V/a,Staf,pelaksana,TIDAK-ADA,,\n"
    );
    let refused = officer.upload("/pegawai/impor", "pegawai.csv", bad.as_bytes()).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let problems = refused.texts("#import-problems li");
    assert!(problems.iter().any(|it| it.contains("baris 4") && it.contains("nip")), "{problems:?}");
    assert!(problems.iter().any(|it| it.contains("baris 5") && it.contains("golongan")), "{problems:?}");
    assert!(problems.iter().any(|it| it.contains("baris 5") && it.contains("kode_unit")), "{problems:?}");
    assert!(!officer.get("/pegawai").await.body.contains("Teguh Prasetyo"), "nothing of a refused file is stored");
    let done = officer.upload("/pegawai/impor", "pegawai.csv", GOOD.as_bytes()).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.text("main"));
    assert!(done.text("#import-result").contains('2'));
    let again = officer.upload("/pegawai/impor", "pegawai.csv", GOOD.as_bytes()).await;
    assert!(again.text("#import-result").contains("2 tidak berubah"));
    let export = officer.get("/pegawai/ekspor.csv").await;
    assert!(export.body.contains("198902112015031001,Teguh Prasetyo,pns,III/a"), "{}", export.body);
    let mut head = TestApp::new(&db);
    head.login("kadis.dpmptsp").await;
    let list = head.get("/pegawai").await;
    assert!(
        list.body.contains("Agus Salim Nugroho") && !list.body.contains("Teguh Prasetyo"),
        "unit head sees own unit"
    );
    let mut operator = TestApp::new(&db);
    operator.login("operator.dpmptsp").await;
    assert_eq!(operator.get("/pegawai").await.status, StatusCode::FORBIDDEN);
    assert_eq!(head.upload("/pegawai/impor", "pegawai.csv", GOOD.as_bytes()).await.status, StatusCode::FORBIDDEN);
    Ok(())
}
db_test!(the_register_imports_all_rows_or_none_and_exports_what_the_reader_may_see);

async fn attendance_is_refused_by_row_and_the_proposals_follow_the_table(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut officer = TestApp::new(&db);
    officer.login("bkpsdm").await;
    let page = officer.get("/disiplin/kehadiran?tahun=2026").await;
    let rows = page.texts("#proposals tbody tr");
    let row_of = |name: &str| rows.iter().find(|it| it.contains(name)).cloned().unwrap_or_default();
    assert!(row_of("Agus Salim").contains("Teguran tertulis"), "4 days: {rows:?}");
    assert!(row_of("Yogi Pratama").contains("6 bulan"), "12 days: {rows:?}");
    assert!(row_of("Irfan Maulana").contains("Pemberhentian"), "10 consecutive days: {rows:?}");
    let bad = "nip,tanggal,status\n199001172015032002,2026-02-02,tanpa keterangan\n\
        999999999999999999,2026-02-03,hadir\n199001172015032002,2026-02-02,hadir\n\
        199001172015032002,2025-12-31,hadir\n199001172015032002,2026-02-04,bolos\n";
    let fields = [("year", "2026")];
    let refused =
        officer.post_multipart("/disiplin/kehadiran", &fields, &[("file", "absen.csv", bad.as_bytes())]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let problems = refused.texts("#import-problems li");
    assert_eq!(problems.len(), 4, "{problems:?}");
    assert!(problems[0].contains("baris 3") && problems[0].contains("tidak ada di register"), "{problems:?}");
    assert!(problems[1].contains("baris 4") && problems[1].contains("dua kali"), "{problems:?}");
    assert!(problems[2].contains("baris 5") && problems[2].contains("di luar tahun"), "{problems:?}");
    assert!(problems[3].contains("baris 6") && problems[3].contains("bolos"), "{problems:?}");
    assert!(!refused.body.contains("Lestari"), "nothing of the refused file is stored");
    // Three unexcused working days for Lestari: Mon 2 – Wed 4 Feb 2026, plus a Saturday that does not count.
    let good = "nip,tanggal,status\n199001172015032002,2026-02-02,tanpa keterangan\n\
        199001172015032002,2026-02-03,Tanpa Keterangan\n199001172015032002,2026-02-04,tanpa_keterangan\n\
        199001172015032002,2026-02-07,tanpa keterangan\n199001172015032002,2026-02-05,sakit\n";
    let done = officer.post_multipart("/disiplin/kehadiran", &fields, &[("file", "absen.csv", good.as_bytes())]).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.text("main"));
    let lestari = done.texts("#proposals tbody tr").into_iter().find(|it| it.contains("Lestari")).unwrap_or_default();
    assert!(lestari.contains("Teguran lisan") && lestari.contains('3'), "{lestari}");
    Ok(())
}
db_test!(attendance_is_refused_by_row_and_the_proposals_follow_the_table);

pub(crate) async fn step(app: &mut TestApp, case: &str, fields: &[(&str, &str)]) -> crate::testing::TestResponse {
    app.post(&format!("{case}/langkah"), fields).await
}

/// The effective date on the calendar, the letters, the record with its chain digest, the view log and the register.
async fn what_a_delivered_case_leaves(officer: &mut TestApp, case: &str) -> anyhow::Result<()> {
    let page = officer.get(case).await;
    let calendar = domain::calendar::Calendar::new(
        domain::calendar::shipped(),
        &[],
        domain::calendar::CalendarRules {
            work_week: domain::calendar::WorkWeek::MONDAY_TO_FRIDAY,
            observes_cuti_bersama: true,
        },
    );
    let effective = calendar.add_workdays(jiff::civil::date(2026, 6, 9), 15);
    assert_eq!(page.text("#case-effective"), crate::view::format::long_date(crate::i18n::Lang::Id, effective));
    assert!(page.text("#case-sanction").contains("Pemberhentian"));
    for letter in page.texts("a.letter") {
        assert!(!letter.is_empty());
    }
    let links: Vec<String> = page
        .html()
        .select(&scraper::Selector::parse("a.letter").expect("selector"))
        .filter_map(|it| it.value().attr("href").map(str::to_owned))
        .collect();
    assert_eq!(links.len(), 3, "two summonses and the decision: {links:?}");
    for link in &links {
        let pdf = officer.get(link).await;
        assert_eq!(pdf.status, StatusCode::OK);
        assert!(pdf.body.starts_with("%PDF"), "{link}");
    }
    let record = officer.get(&format!("{case}/rekam.json")).await;
    let json: serde_json::Value = serde_json::from_str(&record.body)?;
    assert_eq!(json["steps"].as_array().map(Vec::len), Some(7));
    assert_eq!(json["audit"]["entries"].as_array().map(Vec::len), Some(8), "opening and seven steps");
    assert_eq!(json["audit"]["chain_digest"].as_str().map(str::len), Some(64));
    let views = officer.get(case).await.texts("#views li");
    assert!(
        views.iter().any(|it| it.contains("surat:keputusan")) && views.iter().any(|it| it.contains("rekam")),
        "{views:?}"
    );
    let register = officer.get("/disiplin/sanksi").await;
    assert!(register.text("#register").contains("Irfan Maulana"));
    assert!(officer.get("/disiplin/sanksi.csv").await.body.contains("199609142022031003"));
    Ok(())
}

/// Opens a case from the 2026 attendance proposal of an employee; a second case from the same proposal is refused.
async fn open_from_proposal(officer: &mut TestApp, irfan: &str) -> String {
    let form = officer.get(&format!("/disiplin/kasus/baru?employee={irfan}&origin=attendance&ref=2026")).await;
    assert_eq!(form.status, StatusCode::OK);
    assert_eq!(form.attr("#f-ref", "value").as_deref(), Some("2026"), "the proposal's year is carried into the form");
    let facts = "Sepuluh hari kerja berturut-turut tanpa keterangan menurut rekap kehadiran.";
    let opened = officer
        .post("/disiplin/kasus", &[("employee", irfan), ("origin", "attendance"), ("ref", "2026"), ("facts", facts)])
        .await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.text("main"));
    let case = opened.location();
    let again = officer
        .post("/disiplin/kasus", &[("employee", irfan), ("origin", "attendance"), ("ref", "2026"), ("facts", facts)])
        .await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY, "one proposal opens one case");
    case
}

/// Before the PPK decides a berat case of a pelaksana in a kota, every other office is refused with its reason.
async fn offices_without_the_power_are_refused(officer: &mut TestApp, case: &str) {
    // Two rungs above a pelaksana impose sedang only, one rung ringan only, three none (PP 94/2021, wave2 A3.2); the
    // JPT madya is a province's office, and a "lurah" no office of the rules.
    let refusals = [
        ("administrator", "hanya berwenang menjatuhkan hukuman tingkat sedang"),
        ("pengawas", "hanya berwenang menjatuhkan hukuman tingkat ringan"),
        ("jpt_pratama", "tidak berwenang"),
        ("jpt_madya", "tidak ada pada pemerintah daerah"),
        ("lurah", "tidak berwenang"),
    ];
    for (official, message) in refusals {
        let decided = [("kind", "decided"), ("on", "2026-06-08"), ("sanction", "pdhtaps"), ("official", official)];
        let refused = step(officer, case, &decided).await;
        assert!(refused.text("#step-error").contains(message), "{official}: {}", refused.text("#step-error"));
    }
}

async fn a_heavy_case_runs_from_the_proposal_to_the_delivered_decision_within_the_guards(
    db: TestDb,
) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let irfan = employee_id(&db, "199609142022031003").await?;
    let mut officer = TestApp::new(&db);
    officer.login("bkpsdm").await;
    let case = open_from_proposal(&mut officer, &irfan).await;
    let page = officer.get(&case).await;
    assert!(page.text("#summary").contains("Berat"), "the proposal's level: {}", page.text("#summary"));
    assert!(page.text("#due").contains("Surat panggilan I"));
    let short =
        step(&mut officer, &case, &[("kind", "summons"), ("sent", "2026-04-06"), ("examination", "2026-04-08")]).await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(short.text("#step-error").contains("paling cepat"), "{}", short.text("#step-error"));
    let summons =
        [("kind", "summons"), ("sent", "2026-04-06"), ("examination", "2026-05-04"), ("examiner", "Nur Aisyah")];
    assert_eq!(step(&mut officer, &case, &summons).await.status, StatusCode::SEE_OTHER);
    assert_eq!(step(&mut officer, &case, &[("kind", "absent")]).await.status, StatusCode::SEE_OTHER);
    let late =
        step(&mut officer, &case, &[("kind", "summons"), ("sent", "2026-05-29"), ("examination", "2026-06-15")]).await;
    assert!(late.text("#step-error").contains("Panggilan II paling lambat"), "{}", late.text("#step-error"));
    let second =
        [("kind", "summons"), ("sent", "2026-05-06"), ("examination", "2026-05-26"), ("examiner", "Nur Aisyah")];
    assert_eq!(step(&mut officer, &case, &second).await.status, StatusCode::SEE_OTHER);
    assert_eq!(step(&mut officer, &case, &[("kind", "absent")]).await.status, StatusCode::SEE_OTHER);
    let decide = |official: &'static str| {
        [("kind", "decided"), ("on", "2026-06-08"), ("sanction", "pdhtaps"), ("official", official)]
    };
    let no_team = step(&mut officer, &case, &decide("ppk")).await;
    assert!(no_team.text("#step-error").contains("tim pemeriksa"), "{}", no_team.text("#step-error"));
    let team = [("kind", "team_formed"), ("team", "Nur Aisyah; Inspektur Pembantu II; Kabid Disiplin BKPSDM")];
    assert_eq!(step(&mut officer, &case, &team).await.status, StatusCode::SEE_OTHER);
    offices_without_the_power_are_refused(&mut officer, &case).await;
    let decided = step(
        &mut officer,
        &case,
        &[("letter_number", "800/45/BKPSDM"), ("official_name", "Wali Kota")]
            .iter()
            .chain(decide("ppk").iter())
            .copied()
            .collect::<Vec<_>>(),
    )
    .await;
    assert_eq!(decided.status, StatusCode::SEE_OTHER, "{}", decided.body);
    assert_eq!(
        step(&mut officer, &case, &[("kind", "delivered"), ("on", "2026-06-09")]).await.status,
        StatusCode::SEE_OTHER
    );
    what_a_delivered_case_leaves(&mut officer, &case).await
}
db_test!(a_heavy_case_runs_from_the_proposal_to_the_delivered_decision_within_the_guards);

async fn a_case_is_read_only_by_handlers_members_and_the_employee(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let siti = employee_id(&db, "199406202019032005").await?;
    let mut officer = TestApp::new(&db);
    officer.login("bkpsdm").await;
    let facts = "Menolak melayani pemohon izin pada jam layanan tanpa alasan, menurut laporan atasan.";
    let opened = officer
        .post("/disiplin/kasus", &[("employee", &siti), ("origin", "superior"), ("facts", facts), ("b_3e", "unit")])
        .await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.text("main"));
    let case = opened.location();
    let no_breach =
        officer.post("/disiplin/kasus", &[("employee", &siti), ("origin", "superior"), ("facts", facts)]).await;
    assert_eq!(no_breach.status, StatusCode::UNPROCESSABLE_ENTITY);
    let bad_ref = officer
        .post(
            "/disiplin/kasus",
            &[
                ("employee", &siti),
                ("origin", "complaint"),
                ("ref", "ADU-2026-999999"),
                ("facts", facts),
                ("b_3e", "unit"),
            ],
        )
        .await;
    assert!(bad_ref.text("#form-problems").contains("ADU-2026-999999"), "{}", bad_ref.text("main"));
    let mut operator = TestApp::new(&db);
    operator.login("operator.dpmptsp").await;
    let own = operator.get(&case).await;
    assert_eq!(own.status, StatusCode::OK, "the employee reads their own case");
    assert!(own.body.contains("Ringan") && !own.body.contains("id=\"step-forms\""), "read only");
    assert!(operator.get("/disiplin").await.text("#cases").contains("Siti Nurhaliza"));
    assert_eq!(operator.get(&format!("{case}/rekam.json")).await.status, StatusCode::OK, "for an objection");
    let summons = [("kind", "summons"), ("sent", "2026-04-06"), ("examination", "2026-05-04")];
    assert_eq!(step(&mut operator, &case, &summons).await.status, StatusCode::FORBIDDEN);
    let mut head = TestApp::new(&db);
    head.login("kadis.dpmptsp").await;
    assert_eq!(head.get(&case).await.status, StatusCode::NOT_FOUND, "not a member yet");
    let mut admin = TestApp::new(&db);
    admin.login("admin").await;
    assert_eq!(admin.get(&case).await.status, StatusCode::NOT_FOUND, "administrators do not read cases");
    let added = officer.post(&format!("{case}/anggota"), &[("username", "kadis.dpmptsp"), ("role", "official")]).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER);
    let as_official = head.get(&case).await;
    assert_eq!(as_official.status, StatusCode::OK);
    assert!(as_official.body.contains("id=\"step-forms\""), "an official records steps");
    let unknown = officer.post(&format!("{case}/anggota"), &[("username", "tidak.ada"), ("role", "team")]).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    let islah = [("kind", "islah"), ("on", "2026-04-07"), ("note", "Mediasi dengan pemohon di kantor")];
    assert_eq!(step(&mut head, &case, &islah).await.status, StatusCode::SEE_OTHER);
    let page = officer.get(&case).await;
    assert_eq!(page.text("#case-state"), "Dalam proses", "an islah does not close the case");
    let views = page.texts("#views li");
    assert!(
        views.iter().any(|it| it.contains("Siti Nurhaliza")) && views.iter().any(|it| it.contains("Bambang")),
        "{views:?}"
    );
    Ok(())
}
db_test!(a_case_is_read_only_by_handlers_members_and_the_employee);

async fn nobody_handles_their_own_case(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut officer = TestApp::new(&db);
    officer.login("bkpsdm").await;
    let mut head = TestApp::new(&db);
    head.login("kadis.dpmptsp").await;
    let facts = "Tidak hadir pada apel pagi tiga kali tanpa keterangan, menurut laporan sekretaris dinas.";
    let bambang = employee_id(&db, "197205141998031002").await?;
    let fields = [("employee", bambang.as_str()), ("origin", "superior"), ("facts", facts), ("b_3e", "unit")];
    let own_case = officer.post("/disiplin/kasus", &fields).await.location();
    officer.post(&format!("{own_case}/anggota"), &[("username", "kadis.dpmptsp"), ("role", "official")]).await;
    let own_page = head.get(&own_case).await;
    assert_eq!(own_page.status, StatusCode::OK);
    assert!(!own_page.body.contains("id=\"step-forms\""), "nobody handles their own case");
    Ok(())
}
db_test!(nobody_handles_their_own_case);

async fn rules_edits_are_checked_before_they_are_stored(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut admin = TestApp::new(&db);
    admin.login("admin").await;
    let page = admin.get("/disiplin/aturan").await;
    assert_eq!(page.status, StatusCode::OK);
    let shipped = store::discipline::rules::SHIPPED;
    let broken = shipped.replace("sanction = \"teguran_tertulis\"", "sanction = \"teguran_keras\"");
    let refused = admin.post("/disiplin/aturan", &[("body", &broken)]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text("#rules-error").contains("teguran_keras"));
    let edited = shipped.replace("code = \"summons_notice\"\nworkdays = 7", "code = \"summons_notice\"\nworkdays = 8");
    let saved = admin.post("/disiplin/aturan", &[("body", &edited)]).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text("main"));
    assert!(saved.text("main").contains("salinan aturan yang sudah disunting"));
    let reset = admin.post("/disiplin/aturan", &[("body", ""), ("reset", "1")]).await;
    assert!(reset.text("main").contains("aturan bawaan Pantau"));
    let mut officer = TestApp::new(&db);
    officer.login("bkpsdm").await;
    let agus = employee_id(&db, "198811032014021001").await?;
    let facts = "Empat hari kerja tanpa keterangan menurut rekap kehadiran.";
    let opened = officer
        .post("/disiplin/kasus", &[("employee", &agus), ("origin", "attendance"), ("ref", "2026"), ("facts", facts)])
        .await;
    let summons = [("kind", "summons"), ("sent", "2026-04-06"), ("examination", "2026-04-20")];
    assert_eq!(step(&mut officer, &opened.location(), &summons).await.status, StatusCode::SEE_OTHER);
    let stricter =
        shipped.replace("code = \"summons_notice\"\nworkdays = 7", "code = \"summons_notice\"\nworkdays = 20");
    let breaks = admin.post("/disiplin/aturan", &[("body", &stricter)]).await;
    assert_eq!(breaks.status, StatusCode::UNPROCESSABLE_ENTITY, "a running case no longer fits");
    assert!(breaks.text("#rules-error").contains("HD-2026-0001"), "{}", breaks.text("#rules-error"));
    assert_eq!(officer.get(&opened.location()).await.status, StatusCode::OK, "the case still reads");
    assert_eq!(officer.get("/disiplin/aturan").await.status, StatusCode::OK);
    assert_eq!(officer.post("/disiplin/aturan", &[("body", shipped)]).await.status, StatusCode::FORBIDDEN);
    let audit = admin.get("/audit").await;
    assert!(audit.body.contains("discipline_rules"), "the edit is audited");
    Ok(())
}
db_test!(rules_edits_are_checked_before_they_are_stored);
