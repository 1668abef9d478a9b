//! News in storage: an article saved once and linked to the Pemda's units, near-duplicates grouped, reviews numbered
//! without gaps or repeats when opened at once, and nothing of one Pemda visible to another.

use domain::ids::TenantId;
use store::news::articles::{self, Origin, Saved};
use store::news::{listing, reviews};
use store::{ActionCx, Actor, StoreError};
use testkit::{SeqIds, TestDb, db_test, fixtures};
use text::extract::{Article, Extractor};
use text::input::Format;

const REPORT: &str = "Antrean Izin Usaha Menumpuk di DPMPTSP Tangsel\nTangsel - Senin, 2 Maret 2026\n\
    Warga mengeluhkan pelayanan perizinan di Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Tangerang \
    Selatan. Antrean berkas izin usaha menumpuk sejak pagi dan pengaduan warga belum dijawab petugas loket.\n";

async fn demo(db: &TestDb) -> anyhow::Result<TenantId> {
    store::demo::load_if_empty(db, &SeqIds::default(), testkit::now()).await?;
    Ok(TenantId::new(store::demo::DEMO_TENANT))
}

async fn save(cx: &ActionCx<'_>, body: &str, url: &str) -> anyhow::Result<Saved> {
    let register = {
        let mut conn = cx.db.conn().await?;
        store::news::load_register(&mut conn, cx.tenant).await?
    };
    let extractor = Extractor::new(register);
    let extraction = extractor.extract(&Article { body, format: Format::Text, title: None, reference: None });
    let origin = Origin { kind: "api", source: "Warta Contoh".into(), url: Some(url.into()) };
    Ok(articles::save(cx, &extraction, extractor.register(), &origin).await?)
}

async fn an_article_is_stored_once_linked_and_kept_to_its_pemda(db: TestDb) -> anyhow::Result<()> {
    let tenant = demo(&db).await?;
    let ids = SeqIds::default();
    let cx = ActionCx { db: &db, tenant: &tenant, actor: Actor::System("test"), now: testkit::now(), ids: &ids };
    let Saved::New { id, group_id, .. } = save(&cx, REPORT, "https://warta.contoh/a").await? else {
        panic!("a new article")
    };
    assert_eq!(id, group_id, "the first article of its event");
    let again = save(&cx, REPORT, "https://warta.contoh/a-ulang").await?;
    assert_eq!(again, Saved::Duplicate { id: id.clone() }, "the same text is the stored article");
    let mut conn = db.conn().await?;
    let stored = listing::load(&mut conn, &tenant, &id).await?;
    assert!(!stored.unit_ids.is_empty(), "linked to the DPMPTSP");
    assert!(stored.body.contains("Antrean berkas"));

    let other = fixtures::tenant(&db, "kab-b").await?;
    assert!(matches!(listing::load(&mut conn, &other.id, &id).await, Err(StoreError::NotFound)));
    let (found, total) =
        listing::list(&mut conn, &other.id, &listing::Filter { all: true, ..Default::default() }, (50, 0)).await?;
    assert!(found.is_empty() && total == 0, "another Pemda sees none of it");
    let foreign = ActionCx { tenant: &other.id, ..cx };
    let refused = reviews::open(&foreign, &id, None, "Telaah atas artikel Pemda lain").await;
    assert!(refused.is_err(), "no review of another Pemda's article");
    Ok(())
}
db_test!(an_article_is_stored_once_linked_and_kept_to_its_pemda);

async fn reviews_opened_at_once_get_distinct_numbers(db: TestDb) -> anyhow::Result<()> {
    let tenant = demo(&db).await?;
    let ids = SeqIds::default();
    let cx = ActionCx { db: &db, tenant: &tenant, actor: Actor::System("test"), now: testkit::now(), ids: &ids };
    let Saved::New { id, .. } = save(&cx, REPORT, "https://warta.contoh/b").await? else { panic!("a new article") };
    let opened = futures_join(&cx, &id, 6).await;
    let mut numbers: Vec<String> =
        opened.into_iter().collect::<Result<Vec<_>, _>>()?.into_iter().map(|it| it.number).collect();
    numbers.sort();
    let expected: Vec<String> = (1..=6).map(|n| format!("TA-2026-{n:04}")).collect();
    assert_eq!(numbers, expected);
    Ok(())
}
db_test!(reviews_opened_at_once_get_distinct_numbers);

/// Opens `n` reviews of one article concurrently.
async fn futures_join(cx: &ActionCx<'_>, article: &str, n: usize) -> Vec<Result<reviews::Review, StoreError>> {
    let mut handles = Vec::new();
    for k in 0..n {
        let summary = format!("Telaah ke-{k} atas antrean izin usaha");
        handles.push(async move { reviews::open(cx, article, None, &summary).await });
    }
    let mut out = Vec::new();
    for result in testkit::run_all(handles).await {
        out.push(result);
    }
    out
}
