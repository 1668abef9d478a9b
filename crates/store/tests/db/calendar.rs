//! The tenant calendar in storage: entries change the working days of that tenant only.

use jiff::civil::date;
use testkit::{SeqIds, TestDb, db_test, fixtures};

use store::StoreError;
use store::calendar::actions::{RawEntry, add_entry, delete_entry};
use store::calendar::load_calendar;

fn regional(date_text: &str) -> RawEntry {
    RawEntry {
        date: date_text.to_owned(),
        kind: "libur_daerah".to_owned(),
        effect: "add".to_owned(),
        name: "Hari Jadi Kota".to_owned(),
        legal_basis: "Perda Kota Contoh 1/2020".to_owned(),
    }
}

async fn regional_holidays_apply_to_their_tenant_only(db: TestDb) -> anyhow::Result<()> {
    let kota = fixtures::tenant(&db, "kota-a").await?;
    let kab = fixtures::tenant(&db, "kab-b").await?;
    let ids = SeqIds::default();
    let entry = add_entry(&fixtures::cx(&db, &kota.id, &ids), &regional("2026-04-08")).await?;
    let mut conn = db.conn().await?;
    assert!(!load_calendar(&mut conn, &kota.id, None).await?.is_workday(date(2026, 4, 8)));
    assert!(load_calendar(&mut conn, &kab.id, None).await?.is_workday(date(2026, 4, 8)));
    let again = add_entry(&fixtures::cx(&db, &kota.id, &ids), &regional("2026-04-08")).await;
    assert!(matches!(again, Err(StoreError::Invalid(_))));
    delete_entry(&fixtures::cx(&db, &kota.id, &ids), &entry.id).await?;
    assert!(load_calendar(&mut conn, &kota.id, None).await?.is_workday(date(2026, 4, 8)));
    Ok(())
}
db_test!(regional_holidays_apply_to_their_tenant_only);

async fn moved_national_dates_can_be_removed(db: TestDb) -> anyhow::Result<()> {
    let kota = fixtures::tenant(&db, "kota-a").await?;
    let ids = SeqIds::default();
    let raw = RawEntry { kind: "cuti_bersama".to_owned(), effect: "remove".to_owned(), ..regional("2026-03-24") };
    add_entry(&fixtures::cx(&db, &kota.id, &ids), &raw).await?;
    let mut conn = db.conn().await?;
    assert!(load_calendar(&mut conn, &kota.id, None).await?.is_workday(date(2026, 3, 24)));
    Ok(())
}
db_test!(moved_national_dates_can_be_removed);

async fn bad_entries_are_refused_with_every_problem(db: TestDb) -> anyhow::Result<()> {
    let kota = fixtures::tenant(&db, "kota-a").await?;
    let ids = SeqIds::default();
    let raw = RawEntry {
        date: "2026-02-30".to_owned(),
        kind: "libur".to_owned(),
        effect: "add".to_owned(),
        name: String::new(),
        legal_basis: String::new(),
    };
    let Err(StoreError::Invalid(problems)) = add_entry(&fixtures::cx(&db, &kota.id, &ids), &raw).await else {
        panic!()
    };
    let fields: Vec<_> = problems.iter().map(|it| it.field).collect();
    assert_eq!(fields, ["date", "kind", "name", "legal_basis"]);
    Ok(())
}
db_test!(bad_entries_are_refused_with_every_problem);
