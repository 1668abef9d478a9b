//! News pages on both engines: pasting an article (cleaned, highlighted, linked, stored once), mapping an unlinked
//! agency name to a unit once for every article, search with stemming and phrases, preliminary reviews with their
//! number, notices of negative articles, the API, and who sees what.

use axum::http::StatusCode;
use testkit::{TestDb, db_test};

use crate::testing::{TestApp, demo_db};

const FIRST: &str = "Keluhan Warga atas Antrean di Dinkop UKM Tangsel\n\
    Tangsel - Kamis, 12 September 2024\n\
    Sejumlah warga mengeluhkan pelayanan yang lambat di Dinas Koperasi dan UKM Kota Tangerang Selatan. Antrean \
    mengular sejak pagi dan pengaduan warga tidak dijawab.\n\
    TINGGALKAN KOMENTAR\n\
    Kepala Dinas Sosial Kota Tangerang Selatan, Rahmat Santoso, mengatakan keluhan itu akan dibahas bersama.\n\
    Sejumlah warga mengeluhkan pelayanan yang lambat di Dinas Koperasi dan UKM Kota Tangerang Selatan. Antrean \
    mengular sejak pagi dan pengaduan warga tidak dijawab.\n";

const UNLINKED: &str = "Petugas Damkar Tangsel Dikeluhkan\nTangsel - Senin, 2 September 2024\n\
    Warga mengeluhkan pelayanan Dinas Pemadam Kebakaran dan Penyelamatan Tangsel yang lambat datang. Pengaduan \
    warga menumpuk dan antrean laporan tidak dijawab petugas.\n";

async fn paste(app: &mut TestApp, body: &str) -> String {
    let added = app.post("/berita/tambah", &[("title", ""), ("url", ""), ("published", ""), ("body", body)]).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    added.location().split('?').next().unwrap_or_default().to_owned()
}

async fn a_pasted_article_is_cleaned_highlighted_linked_and_stored_once(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut inspector = TestApp::new(&db);
    inspector.login("inspektur").await;
    let path = paste(&mut inspector, FIRST).await;
    assert!(path.starts_with("/berita/"), "{path}");
    let page = inspector.get(&path).await;
    assert_eq!(page.status, StatusCode::OK);
    let text = page.text("article.news-text");
    assert!(!text.contains("TINGGALKAN KOMENTAR"), "page furniture dropped");
    assert_eq!(text.matches("Antrean mengular").count(), 1, "repeated paragraph dropped");
    assert_eq!(page.text("#article-text mark.f-date"), "Kamis, 12 September 2024");
    assert!(
        page.texts("#article-text mark.f-unit").iter().any(|it| it.contains("Dinas Koperasi dan UKM")),
        "{:?}",
        page.texts("mark")
    );
    assert_eq!(page.text("#article-text mark.f-person"), "Rahmat Santoso");
    assert!(page.text("#h-units + ul").contains("Dinas Koperasi dan Usaha Kecil Menengah"));
    assert_eq!(paste(&mut inspector, FIRST).await, path, "the same article twice is one record");
    let empty = inspector.post("/berita/tambah", &[("body", "  ")]).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.body.contains("Tempelkan teks berita."));
    let inbox = inspector.get("/berita?kategori=pengaduan_masyarakat").await;
    let id = path.trim_start_matches("/berita/");
    assert!(inbox.body.contains(id), "{}", inbox.text("main"));
    let none = inspector.get("/berita?kategori=korupsi").await;
    assert!(!none.body.contains(id));
    Ok(())
}
db_test!(a_pasted_article_is_cleaned_highlighted_linked_and_stored_once);

async fn an_unlinked_agency_mapped_once_links_every_article(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut inspector = TestApp::new(&db);
    inspector.login("inspektur").await;
    let path = paste(&mut inspector, UNLINKED).await;
    let page = inspector.get(&path).await;
    assert!(page.body.contains("belum tertaut"), "{}", page.text("aside"));
    let name = page.attr("form.inline input[name=name]", "value").unwrap_or_default();
    assert_eq!(name, "Dinas Pemadam Kebakaran dan Penyelamatan Tangsel");
    let satpol = crate::testing::demo_unit_id(&db, "SATPOL-PP").await?;
    let mapped = inspector.post(&format!("{path}/petakan"), &[("name", &name), ("unit_id", satpol.as_str())]).await;
    assert_eq!(mapped.status, StatusCode::SEE_OTHER, "{}", mapped.body);
    let page = inspector.get(&path).await;
    assert!(page.text("#h-units + ul").contains("Satuan Polisi Pamong Praja"), "{}", page.text("aside"));
    let later = paste(
        &mut inspector,
        &UNLINKED.replace("Senin, 2 September", "Selasa, 3 September").replace("menumpuk", "bertambah banyak sekali"),
    )
    .await;
    let later_page = inspector.get(&later).await;
    assert!(later_page.text("#h-units + ul").contains("Satuan Polisi Pamong Praja"), "the alias is remembered");
    assert!(
        later_page.text("#h-group + ul").contains("Damkar"),
        "same event grouped: {}",
        later_page.text("#h-group + ul")
    );
    Ok(())
}
db_test!(an_unlinked_agency_mapped_once_links_every_article);

async fn search_stems_phrases_and_filters(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut inspector = TestApp::new(&db);
    inspector.login("inspektur").await;
    let path = paste(&mut inspector, FIRST).await;
    paste(&mut inspector, UNLINKED).await;
    let stemmed = inspector.get("/berita/cari?q=dilayani").await;
    assert_eq!(stemmed.status, StatusCode::OK);
    assert!(stemmed.body.contains("2 hasil"), "{}", stemmed.text("main"));
    let phrase = inspector.get("/berita/cari?q=%22antrean+mengular%22").await;
    assert!(
        phrase.body.contains("1 hasil") && phrase.body.contains(path.trim_start_matches("/berita/")),
        "{}",
        phrase.text("main")
    );
    assert!(phrase.body.contains("<b>"), "highlighted snippet");
    let filtered = inspector.get("/berita/cari?q=warga&kategori=korupsi").await;
    assert!(filtered.body.contains("0 hasil"));
    let bad = inspector.get("/berita/cari?q=%22tanpa+tutup").await;
    assert_eq!(bad.status, StatusCode::OK);
    let api = inspector.get("/api/v1/news/search?q=layanan").await;
    let json: serde_json::Value = serde_json::from_str(&api.body)?;
    assert_eq!(json["total"], 2, "{json}");
    Ok(())
}
db_test!(search_stems_phrases_and_filters);

async fn reviews_are_numbered_and_negative_news_notifies_the_unit_head(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut inspector = TestApp::new(&db);
    inspector.login("inspektur").await;
    let dpmptsp = "Warga Keluhkan Izin Lambat di DPMPTSP Tangsel\nTangsel - Rabu, 4 September 2024\n\
        Pelayanan perizinan di Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Tangerang Selatan \
        dikeluhkan warga. Antrean panjang dan pengaduan warga soal izin yang lambat tidak dijawab petugas loket.\n";
    let path = paste(&mut inspector, dpmptsp).await;
    let mut head = TestApp::new(&db);
    head.login("kadis.dpmptsp").await;
    let notices = head.get("/notifikasi").await;
    let id = path.trim_start_matches("/berita/");
    assert!(notices.body.contains(id), "{}", notices.text("main"));
    let other = paste(&mut inspector, FIRST).await;
    assert_eq!(head.get(&other).await.status, StatusCode::NOT_FOUND, "outside the unit head's scope");
    assert!(!head.get("/berita").await.body.contains(other.trim_start_matches("/berita/")));
    let unit = crate::testing::demo_unit_id(&db, "DPMPTSP").await?;
    let opened = inspector
        .post(&format!("{path}/telaah"), &[("unit_id", unit.as_str()), ("summary", "Klarifikasi antrean izin")])
        .await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.body);
    let page = inspector.get(&path).await;
    assert!(page.text("#h-reviews + ul").contains("TA-2026-0001"), "{}", page.text("#h-reviews + ul"));
    let empty = inspector.post(&format!("{path}/telaah"), &[("unit_id", ""), ("summary", "")]).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(head.post(&format!("{path}/telaah"), &[("summary", "x")]).await.status, StatusCode::FORBIDDEN);
    let mut operator = TestApp::new(&db);
    operator.login("operator.dpmptsp").await;
    assert_eq!(operator.get("/berita").await.status, StatusCode::FORBIDDEN);
    Ok(())
}
db_test!(reviews_are_numbered_and_negative_news_notifies_the_unit_head);

async fn the_api_adds_lists_and_refuses_bad_input(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut inspector = TestApp::new(&db);
    inspector.login("inspektur").await;
    let body = serde_json::json!({ "title": "Uji API", "text": FIRST, "url": "https://contoh.invalid/berita/1" });
    let created = inspector.post_json("/api/v1/news", &body).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let again = inspector.post_json("/api/v1/news", &body).await;
    assert_eq!(again.status, StatusCode::OK);
    let bad = inspector.post_json("/api/v1/news", &serde_json::json!({ "text": "isi", "url": "ftp://x" })).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let list = inspector.get("/api/v1/news?category=pengaduan_masyarakat").await;
    let json: serde_json::Value = serde_json::from_str(&list.body)?;
    assert_eq!(json["total"], 1, "{json}");
    let id = json["articles"][0]["id"].as_str().unwrap_or_default().to_owned();
    let one: serde_json::Value = serde_json::from_str(&inspector.get(&format!("/api/v1/news/{id}")).await.body)?;
    assert_eq!(one["published_date"], "2024-09-12");
    assert!(one["facts"]["agencies"].as_array().is_some_and(|it| !it.is_empty()));
    Ok(())
}
db_test!(the_api_adds_lists_and_refuses_bad_input);

async fn complaints_are_searched_within_the_queue_scope(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let mut citizen = TestApp::new(&db);
    let fields: &[(&str, &str)] = &[
        ("kind", "pengaduan"),
        ("category", "sikap_petugas"),
        ("unit", "DPMPTSP"),
        ("title", "Petugas loket izin tidak melayani"),
        ("body", "Sejak pagi petugas loket izin usaha tidak berada di tempat sehingga warga tidak dilayani."),
        ("confidentiality", "rahasia"),
        ("name", "Sri Wahyuni"),
        ("contact", "sri@contoh.id"),
    ];
    let filed = citizen.post_multipart("/lapor", fields, &[]).await;
    assert_eq!(filed.status, StatusCode::CREATED, "{}", filed.body);
    let mut operator = TestApp::new(&db);
    operator.login("operator.dpmptsp").await;
    let found = operator.get("/berita/cari?q=pelayanan&jenis=pengaduan").await;
    assert_eq!(found.status, StatusCode::OK);
    assert!(found.body.contains("1 hasil") && found.body.contains("Petugas loket izin"), "{}", found.text("main"));
    let mut inspector = TestApp::new(&db);
    inspector.login("inspektur").await;
    let both = inspector.get("/berita/cari?q=layanan").await;
    assert!(both.body.contains("Pengaduan"), "{}", both.text("main"));
    let mut other = TestApp::new(&db);
    other.login("bkpsdm").await;
    let none = other.get("/berita/cari?q=layanan&jenis=pengaduan").await;
    assert!(none.body.contains("0 hasil"), "complaints outside the queue scope stay hidden: {}", none.text("main"));
    Ok(())
}
db_test!(complaints_are_searched_within_the_queue_scope);
