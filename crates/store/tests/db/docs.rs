//! Stored JSON documents written before they carried a version still read: rows as the previous release wrote
//! them (a case's steps, breaches and letter fields, an article's facts, a survey's elements that do not apply) are
//! put back by hand and loaded through the ordinary functions.

use domain::ids::TenantId;
use store::discipline::cases::{self, NewCase};
use store::discipline::employees;
use store::{ActionCx, Actor};
use testkit::{SeqIds, TestDb, db_test};

/// A step, its letter fields and the breaches exactly as the release before versions wrote them.
const LEGACY_STEP: &str = r#"{"kind":"summons","sent":"2026-03-16","examination":"2026-04-06"}"#;
const LEGACY_DETAILS: &str = r#"{"letter_number":"800/17/BKPSDM","place":"Ruang Rapat BKPSDM"}"#;
const LEGACY_BREACHES: &str = r#"[{"code":"3d","impact":"unit","level":"ringan"}]"#;
const LEGACY_FACTS: &str = r#"{"found":[{"start":0,"end":7,"kind":"unit"},{"start":8,"end":14,"kind":"cue","note":"pengaduan_masyarakat"}],"agencies":[{"name":"DPMPTSP","keys":["dpmptsp"],"state":"unit","unit_id":"u-1"},{"name":"Dinas Kesehatan Kota Bogor","keys":["dinas kesehatan"],"state":"elsewhere"}],"people":[{"name":"Rahmat Santoso","role":"kepala"}],"furniture":2,"repeats":1}"#;

async fn demo(db: &TestDb) -> anyhow::Result<TenantId> {
    store::demo::load_if_empty(db, &SeqIds::default(), testkit::now()).await?;
    Ok(TenantId::new(store::demo::DEMO_TENANT))
}

async fn a_case_written_before_versions_still_replays(db: TestDb) -> anyhow::Result<()> {
    let tenant = demo(&db).await?;
    let ids = SeqIds::default();
    let cx = ActionCx { db: &db, tenant: &tenant, actor: Actor::System("test"), now: testkit::now(), ids: &ids };
    let rules = domain::discipline::shipped().clone();
    let mut conn = db.conn().await?;
    let employee = employees::list(&mut conn, &tenant).await?.remove(0);
    drop(conn);
    let new = NewCase {
        employee_id: employee.id.clone(),
        origin: "superior".into(),
        breaches: vec![("3d".into(), "unit".into())],
        facts: "Tidak menaati jadwal piket loket.".into(),
        ..NewCase::default()
    };
    let row = cases::open(&cx, &rules, &new).await?;
    let mut conn = db.conn().await?;
    sqlx::query("UPDATE discipline_case SET breaches = $1 WHERE tenant_id = $2 AND id = $3")
        .bind(LEGACY_BREACHES)
        .bind(tenant.as_str())
        .bind(&row.id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO discipline_step (tenant_id, case_id, seq, step, details, by_user, at_ms) VALUES ($1, $2, 1, $3, $4, NULL, 0)",
    )
    .bind(tenant.as_str())
    .bind(&row.id)
    .bind(LEGACY_STEP)
    .bind(LEGACY_DETAILS)
    .execute(&mut *conn)
    .await?;
    let file = cases::load(&mut conn, &tenant, &rules, &row.id).await?;
    assert_eq!(file.breaches[0].code, "3d");
    assert!(matches!(file.steps[0].step, domain::discipline::Step::Summons { .. }), "{:?}", file.steps[0].step);
    assert_eq!(file.steps[0].details.get("place").map(String::as_str), Some("Ruang Rapat BKPSDM"));
    assert_eq!(file.case.summonses.len(), 1, "the legacy step replays");
    Ok(())
}
db_test!(a_case_written_before_versions_still_replays);

async fn facts_and_survey_settings_written_before_versions_still_read(db: TestDb) -> anyhow::Result<()> {
    let tenant = demo(&db).await?;
    let ids = SeqIds::default();
    let cx = ActionCx { db: &db, tenant: &tenant, actor: Actor::System("test"), now: testkit::now(), ids: &ids };
    let mut conn = db.conn().await?;
    let extractor = text::extract::Extractor::new(store::news::load_register(&mut conn, &tenant).await?);
    let body = "Antrean izin usaha di DPMPTSP Tangsel masih panjang, warga mengadu kepada wali kota.";
    let article = text::extract::Article { body, format: text::input::Format::Text, title: None, reference: None };
    let origin = store::news::articles::Origin { kind: "api", source: "Uji".into(), url: None };
    drop(conn);
    let saved = store::news::articles::save(&cx, &extractor.extract(&article), extractor.register(), &origin).await?;
    let store::news::articles::Saved::New { id: article_id, .. } = saved else { panic!("a new article") };
    let mut conn = db.conn().await?;
    sqlx::query("UPDATE news_article SET facts = $1 WHERE tenant_id = $2 AND id = $3")
        .bind(LEGACY_FACTS)
        .bind(tenant.as_str())
        .bind(&article_id)
        .execute(&mut *conn)
        .await?;
    let loaded = store::news::listing::load(&mut conn, &tenant, &article_id).await?;
    assert_eq!(loaded.facts.agencies.len(), 2);
    assert_eq!(loaded.facts.found[1].note.as_deref(), Some("pengaduan_masyarakat"));
    assert_eq!((loaded.facts.furniture, loaded.facts.repeats), (2, 1));

    let survey: (String,) = sqlx::query_as("SELECT id FROM survey WHERE tenant_id = $1 LIMIT 1")
        .bind(tenant.as_str())
        .fetch_one(&mut *conn)
        .await?;
    sqlx::query("UPDATE survey SET not_applicable = $1 WHERE tenant_id = $2 AND id = $3")
        .bind(r#"{"u4":"Layanan ini tanpa biaya"}"#)
        .bind(tenant.as_str())
        .bind(&survey.0)
        .execute(&mut *conn)
        .await?;
    let loaded = store::surveys::catalog::load(&mut conn, &tenant, &survey.0).await?;
    assert_eq!(loaded.not_applicable.get("u4").map(String::as_str), Some("Layanan ini tanpa biaya"));
    Ok(())
}
db_test!(facts_and_survey_settings_written_before_versions_still_read);

async fn new_rows_carry_their_version(db: TestDb) -> anyhow::Result<()> {
    let tenant = demo(&db).await?;
    let mut conn = db.conn().await?;
    let (not_applicable,): (String,) = sqlx::query_as("SELECT not_applicable FROM survey WHERE tenant_id = $1 LIMIT 1")
        .bind(tenant.as_str())
        .fetch_one(&mut *conn)
        .await?;
    let value: serde_json::Value = serde_json::from_str(&not_applicable)?;
    assert_eq!(value["v"], 1, "{not_applicable}");
    Ok(())
}
db_test!(new_rows_carry_their_version);
