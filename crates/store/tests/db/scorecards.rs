//! Scorecards in storage: the sums each item keeps in its own transaction give the hand-counted figures, and a
//! rebuild from the items lands on exactly the same sums after a mixed history.

use domain::complaints::intake::{RawItem, Source};
use domain::complaints::{Action, Channel, Outcome, Party, Tier};
use domain::org::{Tenant, Unit, UnitTree};
use domain::scorecards::period::ScorePeriod;
use jiff::civil::date;
use store::complaints::actions::{Step, take};
use store::complaints::intake::{Submission, file};
use store::complaints::{Item, escalation, redaction};
use store::scorecards::cards::load_cards;
use store::scorecards::reader::Reader;
use store::scorecards::rebuild::rebuild;
use store::{ActionCx, Actor, Db};
use testkit::{SeqIds, TestDb, db_test, fixtures};

struct World {
    tenant: Tenant,
    ids: SeqIds,
    dinas: Unit,
    upt: Unit,
}

async fn world(db: &Db) -> anyhow::Result<World> {
    let tenant = fixtures::tenant(db, "kota-a").await?;
    let ids = SeqIds::default();
    let dinas = fixtures::unit(db, &tenant, &ids, "DPMPTSP", "").await?;
    let upt = fixtures::unit(db, &tenant, &ids, "UPT-PERIZINAN", "DPMPTSP").await?;
    Ok(World { tenant, ids, dinas, upt })
}

fn at<'a>(db: &'a Db, world: &'a World, when: &str) -> ActionCx<'a> {
    ActionCx { db, tenant: &world.tenant.id, actor: Actor::System("test"), now: when.parse().unwrap(), ids: &world.ids }
}

async fn filed(db: &Db, world: &World, kind: &str) -> anyhow::Result<Item> {
    let raw = RawItem {
        kind: kind.into(),
        category: "sikap_petugas".into(),
        title: "Petugas loket tidak ada di tempat".into(),
        body: "Saya menunggu dua jam di loket izin usaha dan tidak ada petugas yang melayani.".into(),
        confidentiality: "publik".into(),
        letter_sender: "Koperasi Tani Makmur".into(),
        letter_number: "12/KTM/III/2026".into(),
        letter_date: "2026-03-10".into(),
        ..RawItem::default()
    };
    let source = if kind == "surat_masuk" { Source::FrontDesk } else { Source::Citizen };
    let submission =
        Submission { raw, source, channel: Channel::Web, ip: None, files: Vec::new(), registered_by: None };
    Ok(file(&fixtures::cx(db, &world.tenant.id, &world.ids), submission).await?.item)
}

async fn step(cx: &ActionCx<'_>, id: &str, action: Action, party: Party) -> anyhow::Result<Item> {
    let mut step = Step::new(action, party);
    step.body = Some("Sudah kami tindak lanjuti di loket.".into());
    step.note = Some("Ombudsman RI".into());
    step.rating = Some(4);
    Ok(take(cx, id, step).await?)
}

async fn assign(cx: &ActionCx<'_>, id: &str, unit: &Unit, action: Action) -> anyhow::Result<()> {
    let mut step = Step::new(action, Party::Administrator);
    step.unit = Some(unit.id.clone());
    take(cx, id, step).await?;
    Ok(())
}

/// Every sum as stored, in a fixed order.
async fn sums(db: &Db) -> anyhow::Result<Vec<(String, String, String, String, i64)>> {
    let mut conn = db.conn().await?;
    let mut out = Vec::new();
    for (table, when) in [("scorecard_day", "day"), ("scorecard_month", "month")] {
        let rows: Vec<(String, String, String, String, i64)> = sqlx::query_as(&format!(
            "SELECT '{table}' || ':' || unit_id, stream, {when}, measure, n FROM {table} WHERE n <> 0
             ORDER BY unit_id, stream, {when}, measure"
        ))
        .fetch_all(&mut *conn)
        .await?;
        out.extend(rows);
    }
    Ok(out)
}

/// Filings in March; distribution, answers, a reassignment, a reopening, closings, a contest, a split, a redaction
/// and the deadline job in April.
async fn history(db: &Db, world: &World) -> anyhow::Result<[Item; 5]> {
    let (dinas, upt) = (&world.dinas, &world.upt);
    let on_time = filed(db, world, "pengaduan").await?;
    let silent = filed(db, world, "pengaduan").await?;
    let late = filed(db, world, "aspirasi").await?;
    let moved = filed(db, world, "pengaduan").await?;
    let letter = filed(db, world, "surat_masuk").await?;
    // Monday 6 April: everything distributed; first answers due Monday 13 April.
    for (item, unit) in [(&on_time, dinas), (&silent, dinas), (&late, upt), (&moved, dinas), (&letter, dinas)] {
        assign(&at(db, world, "2026-04-06T03:00:00Z"), &item.id, unit, Action::Verify).await?;
    }
    step(&at(db, world, "2026-04-07T03:00:00Z"), &on_time.id, Action::Respond(Tier::Simple), Party::Unit).await?;
    step(&at(db, world, "2026-04-08T03:00:00Z"), &on_time.id, Action::Answer, Party::Unit).await?;
    step(&at(db, world, "2026-04-08T05:00:00Z"), &on_time.id, Action::Rate, Party::Reporter).await?;
    step(&at(db, world, "2026-04-09T03:00:00Z"), &on_time.id, Action::Reopen, Party::Reporter).await?;
    step(&at(db, world, "2026-04-10T03:00:00Z"), &on_time.id, Action::Answer, Party::Unit).await?;
    // Wednesday 8 April the item moves to the UPT: its clock restarts there, due Wednesday 15 April.
    assign(&at(db, world, "2026-04-08T03:00:00Z"), &moved.id, upt, Action::Reassign).await?;
    escalation::run(db, &world.ids, "2026-04-14T01:00:00Z".parse()?).await?;
    step(&at(db, world, "2026-04-15T03:00:00Z"), &late.id, Action::Respond(Tier::Simple), Party::Unit).await?;
    step(&at(db, world, "2026-04-10T03:00:00Z"), &letter.id, Action::Respond(Tier::Simple), Party::Unit).await?;
    step(&at(db, world, "2026-04-10T05:00:00Z"), &letter.id, Action::Answer, Party::Unit).await?;
    let outcome = Action::Close(Outcome::Resolved);
    step(&at(db, world, "2026-04-20T03:00:00Z"), &on_time.id, outcome, Party::Administrator).await?;
    step(&at(db, world, "2026-04-20T04:00:00Z"), &letter.id, outcome, Party::Administrator).await?;
    step(&at(db, world, "2026-04-21T03:00:00Z"), &letter.id, Action::Contest, Party::Reporter).await?;
    let cx = at(db, world, "2026-04-22T03:00:00Z");
    redaction::split(&cx, &silent.id, "Bagian kedua laporan", "Antrean di loket pembayaran juga tidak dilayani.")
        .await?;
    Ok([on_time, silent, late, moved, letter])
}

async fn the_running_sums_give_the_hand_counted_figures_and_a_rebuild_lands_on_them(db: TestDb) -> anyhow::Result<()> {
    let world = world(&db).await?;
    history(&db, &world).await?;
    let tree = UnitTree::of_units(&[world.dinas.clone(), world.upt.clone()]);
    let april = ScorePeriod::parse("2026-04").unwrap();
    let mut conn = db.conn().await?;
    let mut conn = Reader::direct(&mut conn);
    let cards = load_cards(&mut conn, &world.tenant.id, &tree, april, date(2026, 4, 30)).await?;
    let dinas = &cards.own[&world.dinas.id].complaints;
    // Two first answers were due on 13 April at the dinas (the moved item left with its deadline): one met.
    assert_eq!((dinas.due, dinas.on_time, dinas.overdue_open), (2, 1, 1));
    assert_eq!((dinas.closed, dinas.reopened, dinas.mean_rating), (1, 1, Some(4.0)));
    // One working day from distribution (6 April) to the first answer (7 April).
    assert_eq!(dinas.median_answer_days, Some(1.0));
    let upt = &cards.own[&world.upt.id].complaints;
    // Due 13 April, answered 15 April: late; moved item due 15 April, never answered.
    assert_eq!((upt.due, upt.on_time, upt.overdue_open, upt.on_time_rate), (2, 0, 1, Some(0.0)));
    // 7, 8, 9, 10, 13, 14, 15 April.
    assert_eq!(upt.median_answer_days, Some(7.0));
    let letters = &cards.own[&world.dinas.id].letters;
    assert_eq!((letters.due, letters.on_time, letters.closed, letters.contested), (1, 1, 0, 1));
    let whole = &cards.rolled[&world.dinas.id].complaints;
    assert_eq!((whole.due, whole.on_time, whole.overdue_open), (4, 1, 2));
    // Nothing was received in April; four complaints and one letter in March.
    assert_eq!(whole.received, 0);
    let march =
        load_cards(&mut conn, &world.tenant.id, &tree, ScorePeriod::parse("2026-03").unwrap(), date(2026, 4, 30))
            .await?;
    assert_eq!(march.rolled[&world.dinas.id].complaints.received, 4);
    // As it stood on 10 April, nothing had passed its deadline yet.
    let early = load_cards(&mut conn, &world.tenant.id, &tree, april, date(2026, 4, 10)).await?;
    assert_eq!(early.rolled[&world.dinas.id].complaints.due, 0);
    let kept = sums(&db).await?;
    assert!(!kept.is_empty());
    let done = rebuild(&db, &world.tenant.id).await?;
    assert_eq!((done.units, done.steps), (2, 2));
    assert_eq!(sums(&db).await?, kept, "the rebuild disagrees with the running sums");
    Ok(())
}
db_test!(the_running_sums_give_the_hand_counted_figures_and_a_rebuild_lands_on_them);

async fn a_rebuild_repairs_sums_that_drifted(db: TestDb) -> anyhow::Result<()> {
    let world = world(&db).await?;
    history(&db, &world).await?;
    let kept = sums(&db).await?;
    let mut conn = db.conn().await?;
    sqlx::query("UPDATE scorecard_month SET n = n + 7 WHERE measure = 'due'").execute(&mut *conn).await?;
    sqlx::query("DELETE FROM scorecard_day WHERE measure = 'received'").execute(&mut *conn).await?;
    drop(conn);
    assert_ne!(sums(&db).await?, kept);
    rebuild(&db, &world.tenant.id).await?;
    assert_eq!(sums(&db).await?, kept);
    Ok(())
}
db_test!(a_rebuild_repairs_sums_that_drifted);

/// The cards and the watch list read through the figures cache, and the same read straight from the tables.
async fn both_ways(db: &Db, world: &World) -> anyhow::Result<[(store::scorecards::cards::Cards, usize); 2]> {
    let tree = UnitTree::of_units(&[world.dinas.clone(), world.upt.clone()]);
    let april = ScorePeriod::parse("2026-04").unwrap();
    let data = db.tenant_data(&world.tenant.id).await?;
    let rules = domain::scorecards::watch::shipped();
    let mut out = Vec::new();
    for cached in [true, false] {
        let mut conn = db.conn().await?;
        let mut reader = match cached {
            true => Reader::cached(&mut conn, db, &world.tenant.id).await?,
            false => Reader::direct(&mut conn),
        };
        let cards = load_cards(&mut reader, &world.tenant.id, &tree, april, date(2026, 4, 30)).await?;
        let listed =
            store::scorecards::watch::list_watched(&mut reader, &data.calendar, &world.tenant.id, rules, &cards)
                .await?;
        out.push((cards, listed.len()));
    }
    let [cached, direct] = <[_; 2]>::try_from(out).map_err(|_| anyhow::anyhow!("two reads"))?;
    assert_eq!(cached, direct, "the kept figures differ from the tables");
    Ok([cached, direct])
}

async fn the_kept_figures_follow_every_write_and_a_rebuild(db: TestDb) -> anyhow::Result<()> {
    let world = world(&db).await?;
    let items = history(&db, &world).await?;
    let [before, _] = both_ways(&db, &world).await?;
    assert_eq!(before.0.own[&world.dinas.id].complaints.overdue_open, 1);
    let mut conn = db.conn().await?;
    let reader = Reader::cached(&mut conn, &db, &world.tenant.id).await?;
    reader.keep_whole(&world.tenant.id, "rows", 7u8);
    assert_eq!(reader.find_whole::<u8>(&world.tenant.id, "rows"), Some(7));
    drop(conn);
    // The item left without an answer at the dinas gets its first answer, late: one unit's counter moves.
    let silent = &items[1];
    step(&at(&db, &world, "2026-04-23T03:00:00Z"), &silent.id, Action::Respond(Tier::Simple), Party::Unit).await?;
    let mut conn = db.conn().await?;
    let reader = Reader::cached(&mut conn, &db, &world.tenant.id).await?;
    assert_eq!(reader.find_whole::<u8>(&world.tenant.id, "rows"), None, "a value of every unit goes with any write");
    drop(conn);
    let [after, _] = both_ways(&db, &world).await?;
    assert_eq!(after.0.own[&world.dinas.id].complaints.overdue_open, 0);
    assert_eq!(after.0.own[&world.upt.id], before.0.own[&world.upt.id]);
    // Sums repaired by a rebuild are read again: the rebuild moves every unit's counter.
    let mut conn = db.conn().await?;
    sqlx::query("UPDATE scorecard_month SET n = n + 5 WHERE measure = 'received'").execute(&mut *conn).await?;
    drop(conn);
    let mut conn = db.conn().await?;
    let tree = UnitTree::of_units(&[world.dinas.clone(), world.upt.clone()]);
    let march = ScorePeriod::parse("2026-03").unwrap();
    let mut reader = Reader::cached(&mut conn, &db, &world.tenant.id).await?;
    let kept = load_cards(&mut reader, &world.tenant.id, &tree, march, date(2026, 4, 30)).await?;
    drop(conn);
    rebuild(&db, &world.tenant.id).await?;
    let mut conn = db.conn().await?;
    let mut reader = Reader::cached(&mut conn, &db, &world.tenant.id).await?;
    let rebuilt = load_cards(&mut reader, &world.tenant.id, &tree, march, date(2026, 4, 30)).await?;
    assert_eq!(rebuilt.rolled[&world.dinas.id].complaints.received, 4);
    assert_ne!(kept, rebuilt);
    Ok(())
}
db_test!(the_kept_figures_follow_every_write_and_a_rebuild);
