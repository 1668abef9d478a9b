//! A unit's own indicators in storage: defined once per code, months saved all or none, blank cells kept by a sheet
//! and cleared by the form, and an indicator below 80 % of its target putting the unit on the watch list.

use domain::org::UnitTree;
use domain::scorecards::period::ScorePeriod;
use domain::scorecards::watch;
use jiff::civil::date;
use store::scorecards::cards::load_cards;
use store::scorecards::indicators::{self, MonthEntry, NewIndicator};
use store::scorecards::reader::Reader;
use store::scorecards::watch::list_watched;
use store::{ActionCx, Actor, StoreError};
use testkit::{SeqIds, TestDb, db_test, fixtures};

fn entry(code: &str, month: i8, target: Option<f64>, actual: Option<f64>) -> MonthEntry {
    MonthEntry { code: code.into(), month: (2026, month), target, actual }
}

async fn own_indicators_are_defined_saved_and_watched(db: TestDb) -> anyhow::Result<()> {
    let tenant = fixtures::tenant(&db, "kota-a").await?;
    let ids = SeqIds::default();
    let samsat = fixtures::unit(&db, &tenant, &ids, "UPT-SAMSAT", "").await?;
    let cx = ActionCx {
        db: &db,
        tenant: &tenant.id,
        actor: Actor::System("test"),
        now: "2026-12-07T03:00:00Z".parse()?,
        ids: &ids,
    };
    let new = NewIndicator {
        unit_id: samsat.id.as_str().into(),
        code: "pkb".into(),
        name: "Penerimaan Pajak Kendaraan Bermotor".into(),
        measure_unit: "rupiah".into(),
        polarity: "naik".into(),
        aggregation: "jumlah".into(),
    };
    let pkb = indicators::define(&cx, &new).await?;
    assert!(matches!(indicators::define(&cx, &new).await, Err(StoreError::Invalid(_))), "a code is used once");
    let bad = NewIndicator { polarity: "miring".into(), code: "lain".into(), ..new.clone() };
    assert!(matches!(indicators::define(&cx, &bad).await, Err(StoreError::Invalid(_))));
    // A sheet with one unknown code writes nothing.
    let rows = [entry("pkb", 10, Some(1000.0), Some(700.0)), entry("bbnkb", 10, Some(5.0), Some(5.0))];
    assert!(matches!(indicators::save_months(&cx, &samsat.id, &rows, false).await, Err(StoreError::Invalid(_))));
    let mut conn = db.conn().await?;
    assert!(indicators::list_months(&mut conn, &tenant.id, ("2026-01", "2026-12")).await?.is_empty());
    let rows = [entry("pkb", 10, Some(1000.0), Some(700.0)), entry("pkb", 11, Some(1000.0), None)];
    indicators::save_months(&cx, &samsat.id, &rows, false).await?;
    // A later sheet with the realisation only keeps November's target.
    indicators::save_months(&cx, &samsat.id, &[entry("pkb", 11, None, Some(800.0))], false).await?;
    let quarter = ScorePeriod::parse("2026-T4").unwrap();
    let standings = indicators::load_standings(&mut conn, &tenant.id, quarter, date(2026, 12, 7)).await?;
    let (_, standing) = &standings[&samsat.id][0];
    assert_eq!((standing.target, standing.actual, standing.achievement), (Some(2000.0), Some(1500.0), Some(0.75)));
    let tree = UnitTree::of_units(std::slice::from_ref(&samsat));
    let mut reader = Reader::cached(&mut conn, &db, &tenant.id).await?;
    let cards = load_cards(&mut reader, &tenant.id, &tree, quarter, date(2026, 12, 7)).await?;
    let listed =
        list_watched(&mut reader, &db.tenant_data(&tenant.id).await?.calendar, &tenant.id, watch::shipped(), &cards)
            .await?;
    assert_eq!(listed[&samsat.id].iter().map(|it| it.code.as_str()).collect::<Vec<_>>(), ["indikator_rendah"]);
    drop(conn);
    // The form clears what it leaves blank; the unit is off the list once the indicator reaches 80 %.
    indicators::save_months(&cx, &samsat.id, &[entry("pkb", 10, Some(1000.0), None)], true).await?;
    // The save moved the tenant's counter: the kept standings are read again.
    let mut conn = db.conn().await?;
    let mut reader = Reader::cached(&mut conn, &db, &tenant.id).await?;
    let cards = load_cards(&mut reader, &tenant.id, &tree, quarter, date(2026, 12, 7)).await?;
    assert!(
        list_watched(&mut reader, &db.tenant_data(&tenant.id).await?.calendar, &tenant.id, watch::shipped(), &cards)
            .await?
            .is_empty()
    );
    drop(conn);
    indicators::retire(&cx, &pkb.id).await?;
    let mut conn = db.conn().await?;
    assert!(indicators::list_indicators(&mut conn, &tenant.id, Some(&samsat.id), false).await?.is_empty());
    assert_eq!(indicators::list_indicators(&mut conn, &tenant.id, Some(&samsat.id), true).await?.len(), 1);
    Ok(())
}
db_test!(own_indicators_are_defined_saved_and_watched);
