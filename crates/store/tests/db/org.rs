//! Units and service points in storage: tenancy, codes, the tree, and all-or-nothing imports.

use domain::ids::TenantId;
use domain::org::{RawServicePoint, RawUnit, UnitDraft};
use domain::problems::{FieldProblem, Problem};
use testkit::{SeqIds, TestDb, db_test, fixtures};

use store::org::actions::ImportRow;
use store::org::{actions, queries};
use store::{Refusal, StoreError};

fn draft(code: &str, parent: &str, name: &str) -> UnitDraft {
    let raw = RawUnit {
        code: code.to_owned(),
        parent_code: parent.to_owned(),
        kind: "dinas".to_owned(),
        name: name.to_owned(),
        aliases: "DPM-PTSP; DPM PTSP".to_owned(),
        ..RawUnit::default()
    };
    raw.parse(domain::org::TenantLevel::Kota, domain::calendar::Zone::Wib).unwrap()
}

async fn units_of_another_tenant_are_invisible(db: TestDb) -> anyhow::Result<()> {
    let kota = fixtures::tenant(&db, "kota-a").await?;
    let kab = fixtures::tenant(&db, "kab-b").await?;
    let ids = SeqIds::default();
    let unit = fixtures::unit(&db, &kota, &ids, "DINKES", "").await?;
    let mut conn = db.conn().await?;
    assert_eq!(queries::list_units(&mut conn, &kota.id).await?.len(), 1);
    assert!(queries::list_units(&mut conn, &kab.id).await?.is_empty());
    assert!(matches!(queries::load_unit(&mut conn, &kab.id, &unit.id).await, Err(StoreError::NotFound)));
    Ok(())
}
db_test!(units_of_another_tenant_are_invisible);

async fn aliases_are_stored_and_deduplicated(db: TestDb) -> anyhow::Result<()> {
    let kota = fixtures::tenant(&db, "kota-a").await?;
    let ids = SeqIds::default();
    let cx = fixtures::cx(&db, &kota.id, &ids);
    let saved = actions::save_unit(&cx, None, draft("DPMPTSP", "", "Dinas Penanaman Modal dan PTSP")).await?;
    let mut conn = db.conn().await?;
    let loaded = queries::load_unit(&mut conn, &kota.id, &saved.id).await?;
    assert_eq!(loaded.draft.aliases, ["DPM-PTSP"], "DPM PTSP folds to the same key");
    Ok(())
}
db_test!(aliases_are_stored_and_deduplicated);

async fn taken_codes_and_cycles_are_refused(db: TestDb) -> anyhow::Result<()> {
    let kota = fixtures::tenant(&db, "kota-a").await?;
    let ids = SeqIds::default();
    let cx = fixtures::cx(&db, &kota.id, &ids);
    let top = actions::save_unit(&cx, None, draft("BAPENDA", "", "Badan Pendapatan Daerah")).await?;
    actions::save_unit(&cx, None, draft("SAMSAT", "BAPENDA", "UPT Samsat")).await?;
    let taken = actions::save_unit(&cx, None, draft("bapenda", "", "Lain")).await;
    assert!(matches!(taken, Err(StoreError::Invalid(ref p)) if p[0].field == "code"));
    let cycle = actions::save_unit(&cx, Some(&top.id), draft("BAPENDA", "SAMSAT", "Badan Pendapatan Daerah")).await;
    assert!(matches!(cycle, Err(StoreError::Invalid(ref p)) if p[0].problem == Problem::Cycle));
    Ok(())
}
db_test!(taken_codes_and_cycles_are_refused);

async fn import_with_a_bad_row_imports_nothing(db: TestDb) -> anyhow::Result<()> {
    let kota = fixtures::tenant(&db, "kota-a").await?;
    let ids = SeqIds::default();
    let cx = fixtures::cx(&db, &kota.id, &ids);
    let bad_kind = FieldProblem { field: "kind", problem: Problem::UnknownCode { given: "planet".to_owned() } };
    let rows = vec![
        ImportRow::valid(2, draft("DINKES", "", "Dinas Kesehatan")),
        ImportRow::valid(3, draft("PKM", "DINKES", "Puskesmas")),
        ImportRow::valid(4, draft("UPT-X", "TIDAK-ADA", "UPT X")),
        ImportRow::valid(5, draft("DINKES", "", "Dinas Kesehatan lagi")),
        ImportRow { row: 6, code: "BADAN-X".to_owned(), draft: Err(vec![bad_kind]) },
        // A child of the row with a bad field is not reported as an orphan: only row 6 itself is wrong.
        ImportRow::valid(7, draft("UPT-Y", "BADAN-X", "UPT Y")),
    ];
    let Err(StoreError::Refused(Refusal::Rows(problems))) = actions::import_units(&cx, rows).await else {
        panic!("refused by row")
    };
    let rows: Vec<usize> = problems.iter().map(|it| it.row).collect();
    assert_eq!(rows, [4, 5, 6], "field problems and problems between rows come together");
    let mut conn = db.conn().await?;
    assert!(queries::list_units(&mut conn, &kota.id).await?.is_empty());
    Ok(())
}
db_test!(import_with_a_bad_row_imports_nothing);

async fn import_creates_updates_and_orders_parents_first(db: TestDb) -> anyhow::Result<()> {
    let kota = fixtures::tenant(&db, "kota-a").await?;
    let ids = SeqIds::default();
    let cx = fixtures::cx(&db, &kota.id, &ids);
    actions::save_unit(&cx, None, draft("DINKES", "", "Dinas Kesehatan")).await?;
    // The child comes before its parent in the file.
    let rows = vec![
        ImportRow::valid(2, draft("PKM", "UPTD", "Puskesmas")),
        ImportRow::valid(3, draft("UPTD", "DINKES", "UPTD")),
        ImportRow::valid(4, draft("DINKES", "", "Dinas Kesehatan Kota")),
    ];
    let outcome = actions::import_units(&cx, rows).await?;
    assert_eq!((outcome.n_created, outcome.n_updated, outcome.n_unchanged), (2, 1, 0));
    let again = vec![ImportRow::valid(2, draft("DINKES", "", "Dinas Kesehatan Kota"))];
    assert_eq!(actions::import_units(&cx, again).await?.n_unchanged, 1);
    let mut conn = db.conn().await?;
    let units = queries::list_units(&mut conn, &kota.id).await?;
    let pkm = units.iter().find(|it| it.draft.code == "PKM").unwrap();
    assert_eq!(pkm.draft.parent_code.as_deref(), Some("UPTD"));
    Ok(())
}
db_test!(import_creates_updates_and_orders_parents_first);

async fn service_points_keep_their_hours(db: TestDb) -> anyhow::Result<()> {
    let kota = fixtures::tenant(&db, "kota-a").await?;
    let ids = SeqIds::default();
    let unit = fixtures::unit(&db, &kota, &ids, "DISDUKCAPIL", "").await?;
    let cx = fixtures::cx(&db, &kota.id, &ids);
    let mut raw =
        RawServicePoint { name: "Loket KTP-el".to_owned(), min_staff: "3".to_owned(), ..RawServicePoint::default() };
    raw.opens[0] = "08:00".to_owned();
    raw.closes[0] = "15.30".to_owned();
    let point = actions::save_service_point(&cx, &unit.id, None, raw.parse().unwrap()).await?;
    let mut conn = db.conn().await?;
    let listed = queries::list_service_points(&mut conn, &kota.id, &unit.id).await?;
    assert_eq!(listed, vec![point.clone()]);
    assert_eq!(listed[0].hours[0].closes.to_string(), "15:30:00");
    assert!(queries::list_service_points(&mut conn, &TenantId::new("lain"), &unit.id).await?.is_empty());
    actions::delete_service_point(&cx, &unit.id, &point.id).await?;
    assert!(queries::list_service_points(&mut conn, &kota.id, &unit.id).await?.is_empty());
    Ok(())
}
db_test!(service_points_keep_their_hours);
