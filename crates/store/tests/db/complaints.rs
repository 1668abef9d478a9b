//! Complaints in storage: intake and receipts, the lifecycle with deadlines on the unit's calendar, the deadline job,
//! redaction, splitting, and what the audit trail keeps.

use domain::complaints::intake::{RawItem, Source};
use domain::complaints::{Action, Channel, Outcome, Party, State, Tier, receipt};
use domain::ids::TenantId;
use domain::org::Tenant;
use domain::people::RawUser;
use jiff::civil::date;
use store::complaints::actions::{Step, take};
use store::complaints::intake::{Filed, Submission, file};
use store::complaints::queries::{self, ItemFilter};
use store::complaints::{NewFile, deliveries, escalation, keys, redaction, reporter};
use store::{ActionCx, Actor, Db, StoreError};
use testkit::{SeqIds, TestDb, db_test, fixtures};

const BODY: &str = "Loket perizinan di lantai dua kosong sejak pukul sembilan, nomor saya 0812 3456 7890.";

fn raw(confidentiality: &str) -> RawItem {
    RawItem {
        kind: "pengaduan".into(),
        category: "sikap_petugas".into(),
        title: "Loket perizinan kosong".into(),
        body: BODY.into(),
        confidentiality: confidentiality.into(),
        name: "Dewi Lestari".into(),
        contact: "dewi@contoh.id".into(),
        ..RawItem::default()
    }
}

fn submission(raw: RawItem) -> Submission {
    Submission {
        raw,
        source: Source::Citizen,
        channel: Channel::Web,
        ip: Some("10.1.2.3".into()),
        files: Vec::new(),
        registered_by: None,
    }
}

struct World {
    tenant: Tenant,
    ids: SeqIds,
    unit: domain::org::Unit,
}

async fn world(db: &Db) -> anyhow::Result<World> {
    let tenant = fixtures::tenant(db, "kota-a").await?;
    let ids = SeqIds::default();
    let unit = fixtures::unit(db, &tenant, &ids, "DPMPTSP", "").await?;
    for (username, role, scope, email) in [
        ("kepala", "unit_head", unit.id.as_str(), "kepala@contoh.id"),
        ("inspektur", "inspector", "", "inspektur@contoh.id"),
        ("sekda", "leader", "", "sekda@contoh.id"),
        ("operator", "operator", unit.id.as_str(), "operator@contoh.id"),
    ] {
        let raw = RawUser {
            username: username.into(),
            display_name: username.into(),
            email: email.into(),
            password: "kata sandi yang panjang".into(),
            is_active: "ya".into(),
            grants: vec![(role.into(), scope.into())],
        };
        let draft = raw.parse(true).map_err(|it| anyhow::anyhow!("{it:?}"))?;
        store::people::actions::create_user(&fixtures::cx(db, &tenant.id, &ids), draft).await?;
    }
    Ok(World { tenant, ids, unit })
}

fn at<'a>(db: &'a Db, world: &'a World, when: &str) -> ActionCx<'a> {
    ActionCx { db, tenant: &world.tenant.id, actor: Actor::System("test"), now: when.parse().unwrap(), ids: &world.ids }
}

async fn count(db: &Db, sql: &str) -> anyhow::Result<i64> {
    let mut conn = db.conn().await?;
    let (n,): (i64,) = sqlx::query_as(sql).fetch_one(&mut *conn).await?;
    Ok(n)
}

async fn a_filed_item_gets_a_number_a_secret_and_a_receipt_that_verifies_offline(db: TestDb) -> anyhow::Result<()> {
    let world = world(&db).await?;
    let cx = fixtures::cx(&db, &world.tenant.id, &world.ids);
    let Filed { item, secret, receipt: text } = file(&cx, submission(raw("publik"))).await?;
    assert_eq!(item.number, "ADU-2026-000001");
    assert_eq!(item.state, State::Received);
    // Filed Monday 16 March 2026; Nyepi and the Idul Fitri days are not working days.
    assert_eq!(item.deadline.map(|it| it.due), Some(date(2026, 3, 26)));
    let mut conn = db.conn().await?;
    let public_key = keys::find_public_key(&mut conn, &world.tenant.id).await?.unwrap();
    let payload = receipt::verify(&text, &public_key)?;
    assert_eq!(payload.number, item.number);
    assert_eq!(payload.received_at, "2026-03-16T09:00:00+07:00");
    assert!(
        reporter::find_with_secret(&mut conn, &world.tenant.id, "adu-2026-000001", &secret.to_lowercase())
            .await?
            .is_some()
    );
    assert!(reporter::find_with_secret(&mut conn, &world.tenant.id, &item.number, "AAAAAAAAAA").await?.is_none());
    let other = TenantId::new("kota-b");
    assert!(reporter::find_with_secret(&mut conn, &other, &item.number, &secret).await?.is_none());
    // The same text and contact again within a day is stored and flagged, not lost.
    let again = file(&cx, submission(raw("publik"))).await?;
    assert_eq!(again.item.possible_duplicate_of.as_deref(), Some("ADU-2026-000001"));
    Ok(())
}
db_test!(a_filed_item_gets_a_number_a_secret_and_a_receipt_that_verifies_offline);

async fn anonymous_items_keep_no_identity_or_address_and_bad_input_stores_nothing(db: TestDb) -> anyhow::Result<()> {
    let world = world(&db).await?;
    let cx = fixtures::cx(&db, &world.tenant.id, &world.ids);
    let filed = file(&cx, submission(raw("anonim"))).await?;
    assert_eq!((filed.item.reporter_name, filed.item.reporter_contact), (None, None));
    assert_eq!(count(&db, "SELECT COUNT(*) FROM complaint WHERE reporter_ip IS NOT NULL").await?, 0);
    let named = file(&cx, submission(raw("rahasia"))).await?;
    assert_eq!(named.item.reporter_name.as_deref(), Some("Dewi Lestari"));
    let before = count(&db, "SELECT COUNT(*) FROM complaint").await?;
    let bad = RawItem { body: "pendek".into(), unit: "TIDAK-ADA".into(), ..raw("publik") };
    let mut sub = submission(bad);
    sub.files = vec![NewFile { file_name: "foto.jpg".into(), bytes: b"MZ not an image".to_vec() }];
    let Err(StoreError::Invalid(problems)) = file(&cx, sub).await else { panic!("refused") };
    let fields: Vec<_> = problems.iter().map(|it| it.field).collect();
    assert_eq!(fields, ["body", "unit", "files"]);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM complaint").await?, before);
    Ok(())
}
db_test!(anonymous_items_keep_no_identity_or_address_and_bad_input_stores_nothing);

async fn the_lifecycle_runs_on_the_units_calendar_and_every_step_is_audited(db: TestDb) -> anyhow::Result<()> {
    let world = world(&db).await?;
    let cx = fixtures::cx(&db, &world.tenant.id, &world.ids);
    let item = file(&cx, submission(raw("publik"))).await?.item;
    let refused = take(&cx, &item.id, Step::new(Action::Answer, Party::Unit)).await;
    assert!(matches!(refused, Err(StoreError::Invalid(_))), "an answer needs a text");
    let mut answer = Step::new(Action::Answer, Party::Unit);
    answer.body = Some("Sudah kami tangani.".into());
    assert!(matches!(take(&cx, &item.id, answer.clone()).await, Err(StoreError::Refused(_))));
    let mut verify = Step::new(Action::Verify, Party::Administrator);
    verify.unit = Some(world.unit.id.clone());
    let item = take(&at(&db, &world, "2026-04-06T03:00:00Z"), &item.id, verify).await?;
    assert_eq!(item.state, State::Assigned);
    // Monday 6 April + 5 working days = Monday 13 April.
    assert_eq!(item.deadline.map(|it| it.due), Some(date(2026, 4, 13)));
    let mut respond = Step::new(Action::Respond(Tier::NoFieldCheck), Party::Unit);
    respond.body = Some("Kami periksa jadwal piket loket.".into());
    let item = take(&at(&db, &world, "2026-04-07T03:00:00Z"), &item.id, respond).await?;
    assert_eq!(item.deadline.map(|it| it.due), Some(date(2026, 4, 27)));
    let item = take(&at(&db, &world, "2026-04-08T03:00:00Z"), &item.id, answer).await?;
    assert_eq!(item.state, State::Answered);
    let mut rate = Step::new(Action::Rate, Party::Reporter);
    rate.rating = Some(2);
    take(&cx, &item.id, rate).await?;
    let mut reopen = Step::new(Action::Reopen, Party::Reporter);
    reopen.body = Some("Loket masih kosong hari ini.".into());
    let item = take(&at(&db, &world, "2026-04-09T03:00:00Z"), &item.id, reopen).await?;
    assert_eq!((item.state, item.n_reopened, item.rating), (State::Assigned, 1, Some(2)));
    let mut close = Step::new(Action::Close(Outcome::NotAuthority), Party::Administrator);
    assert!(matches!(take(&cx, &item.id, close.clone()).await, Err(StoreError::Invalid(_))), "must name the body");
    close.note = Some("Ombudsman RI Perwakilan Banten".into());
    let item = take(&cx, &item.id, close).await?;
    assert_eq!((item.state, item.outcome), (State::Closed, Some(Outcome::NotAuthority)));
    let mut contest = Step::new(Action::Contest, Party::Reporter);
    contest.body = Some("Ini tentang loket Pemda, bukan instansi lain.".into());
    let item = take(&cx, &item.id, contest).await?;
    assert_eq!(item.state, State::Contested);
    let mut conn = db.conn().await?;
    let events = queries::list_events(&mut conn, &world.tenant.id, &item.id).await?;
    assert_eq!(events.len(), 8);
    // The audit trail holds digests of what the reporter wrote, never the words.
    let rows: Vec<(Option<String>,)> = sqlx::query_as("SELECT after_doc FROM audit_log").fetch_all(&mut *conn).await?;
    let all_docs = rows.into_iter().filter_map(|it| it.0).collect::<Vec<_>>().join(" ");
    assert!(all_docs.contains("ADU-2026-000001"));
    for secret_text in ["0812 3456 7890", "Dewi", "dewi@contoh.id", "Loket masih kosong"] {
        assert!(!all_docs.contains(secret_text), "audit trail shows {secret_text}");
    }
    Ok(())
}
db_test!(the_lifecycle_runs_on_the_units_calendar_and_every_step_is_audited);

async fn missed_deadlines_escalate_twice_and_quiet_answers_close_themselves(db: TestDb) -> anyhow::Result<()> {
    let world = world(&db).await?;
    let cx = fixtures::cx(&db, &world.tenant.id, &world.ids);
    let item = file(&cx, submission(raw("rahasia"))).await?.item;
    let mut verify = Step::new(Action::Verify, Party::Administrator);
    verify.unit = Some(world.unit.id.clone());
    take(&at(&db, &world, "2026-04-06T03:00:00Z"), &item.id, verify).await?;
    // Due Monday 13 April; on Tuesday 14 the head hears of it, three working days later the inspectorate too.
    let report = escalation::run(&db, &world.ids, "2026-04-13T10:00:00Z".parse()?).await?;
    assert_eq!(report, escalation::JobReport::default());
    let report = escalation::run(&db, &world.ids, "2026-04-14T01:00:00Z".parse()?).await?;
    assert_eq!(report.escalated, 1);
    let mut conn = db.conn().await?;
    let item = queries::load_item(&mut conn, &world.tenant.id, &item.id).await?;
    assert_eq!((item.escalation_level, item.missed_deadlines), (1, 1));
    let again = escalation::run(&db, &world.ids, "2026-04-15T01:00:00Z".parse()?).await?;
    assert_eq!(again.escalated, 0, "level 1 is not repeated");
    escalation::run(&db, &world.ids, "2026-04-17T01:00:00Z".parse()?).await?;
    let item = queries::load_item(&mut conn, &world.tenant.id, &item.id).await?;
    assert_eq!(item.escalation_level, 2);
    let due = deliveries::list_due(&mut conn, i64::MAX, 100).await?;
    let recipients: Vec<_> = due.iter().filter(|it| it.subject == "eskalasi").map(|it| it.recipient.as_str()).collect();
    assert!(recipients.contains(&"kepala@contoh.id"), "{recipients:?}");
    assert!(recipients.contains(&"inspektur@contoh.id") && recipients.contains(&"sekda@contoh.id"));
    assert!(!recipients.contains(&"operator@contoh.id"));
    // A confidential reporter's address only ever goes to the reporter.
    for delivery in due.iter().filter(|it| it.recipient != "dewi@contoh.id") {
        assert!(!delivery.payload.contains("dewi@contoh.id"), "{delivery:?}");
    }
    let mut answer = Step::new(Action::Answer, Party::Unit);
    answer.body = Some("Petugas piket sudah ditambah.".into());
    take(&at(&db, &world, "2026-04-20T03:00:00Z"), &item.id, answer).await?;
    let report = escalation::run(&db, &world.ids, "2026-05-06T01:00:00Z".parse()?).await?;
    assert_eq!(report.auto_closed, 1);
    let item = queries::load_item(&mut conn, &world.tenant.id, &item.id).await?;
    assert_eq!((item.state, item.outcome), (State::Closed, Some(Outcome::Resolved)));
    Ok(())
}
db_test!(missed_deadlines_escalate_twice_and_quiet_answers_close_themselves);

async fn redaction_keeps_only_digests_and_split_items_open_with_the_original_secret(db: TestDb) -> anyhow::Result<()> {
    let world = world(&db).await?;
    let cx = fixtures::cx(&db, &world.tenant.id, &world.ids);
    let mut sub = submission(raw("publik"));
    sub.files = vec![NewFile { file_name: "surat.pdf".into(), bytes: b"%PDF-1.4 wajah terlihat".to_vec() }];
    let filed = file(&cx, sub).await?;
    let mut conn = db.conn().await?;
    let attachments = queries::list_attachments(&mut conn, &world.tenant.id, &filed.item.id).await?;
    let change = redaction::Redaction {
        title: "Loket perizinan kosong".into(),
        body: "Loket perizinan di lantai dua kosong sejak pukul sembilan, nomor saya [dihapus].".into(),
        clear_identity: false,
        clear_location: true,
        attachment_ids: vec![attachments[0].id.clone()],
        event_bodies: Vec::new(),
        reason: "Permintaan pelapor: nomor telepon tertulis di teks.".into(),
    };
    let item = redaction::redact(&cx, &filed.item.id, &change).await?;
    assert!(!item.body.contains("3456"));
    let (_, content) =
        queries::load_attachment_content(&mut conn, &world.tenant.id, &item.id, &attachments[0].id).await?;
    assert_eq!(content, None);
    let rows: Vec<(Option<String>, Option<String>)> =
        sqlx::query_as("SELECT before_doc, after_doc FROM audit_log").fetch_all(&mut *conn).await?;
    for (before, after) in rows {
        assert!(!before.unwrap_or_default().contains("3456") && !after.unwrap_or_default().contains("3456"));
    }
    let part =
        redaction::split(&cx, &item.id, "Antrean PBG lambat", "Pengajuan PBG saya belum diproses tiga minggu.").await?;
    let stored = queries::load_item(&mut conn, &world.tenant.id, &part.id).await?;
    assert_eq!(stored.split_from.as_deref(), Some(item.number.as_str()));
    assert_eq!((stored.state, stored.verified_at_ms, stored.outcome), (State::Received, None, None));
    assert_ne!(part.number, item.number);
    assert!(reporter::find_with_secret(&mut conn, &world.tenant.id, &part.number, &filed.secret).await?.is_some());
    Ok(())
}
db_test!(redaction_keeps_only_digests_and_split_items_open_with_the_original_secret);

async fn queue_public_list_counts_and_open311_keys(db: TestDb) -> anyhow::Result<()> {
    let world = world(&db).await?;
    let cx = fixtures::cx(&db, &world.tenant.id, &world.ids);
    let public = file(&cx, submission(raw("publik"))).await?.item;
    let secret = file(&cx, submission(RawItem { title: "Lain".into(), ..raw("rahasia") })).await?.item;
    for id in [&public.id, &secret.id] {
        let mut verify = Step::new(Action::Verify, Party::Administrator);
        verify.unit = Some(world.unit.id.clone());
        take(&cx, id, verify).await?;
    }
    let mut conn = db.conn().await?;
    let listed = queries::list_items(
        &mut conn,
        &world.tenant.id,
        &ItemFilter { public_only: true, limit: 50, ..Default::default() },
    )
    .await?;
    assert_eq!(listed.iter().map(|it| it.number.as_str()).collect::<Vec<_>>(), [public.number.as_str()]);
    let queue =
        ItemFilter { units: Some(vec![world.unit.id.clone()]), open_only: true, limit: 50, ..Default::default() };
    assert_eq!(queries::list_items(&mut conn, &world.tenant.id, &queue).await?.len(), 2);
    let late = ItemFilter { overdue_at_ms: Some(i64::MAX), limit: 50, ..Default::default() };
    assert_eq!(queries::list_items(&mut conn, &world.tenant.id, &late).await?.len(), 2);
    let counts = queries::list_unit_counts(&mut conn, &world.tenant.id, testkit::now().as_millisecond(), false).await?;
    assert_eq!((counts[0].total, counts[0].open, counts[0].overdue), (2, 2, 0));
    let key = keys::create_open311_key(&cx, "Aplikasi warga").await?;
    assert_eq!(keys::find_open311_client(&mut conn, &world.tenant.id, &key).await?.as_deref(), Some("Aplikasi warga"));
    assert_eq!(keys::find_open311_client(&mut conn, &world.tenant.id, "p311_salah").await?, None);
    assert_eq!(keys::find_open311_client(&mut conn, &TenantId::new("kota-b"), &key).await?, None);
    Ok(())
}
db_test!(queue_public_list_counts_and_open311_keys);

async fn concurrent_filings_get_distinct_numbers_and_keep_the_chain_whole(db: TestDb) -> anyhow::Result<()> {
    let world = world(&db).await?;
    let cx = fixtures::cx(&db, &world.tenant.id, &world.ids);
    let one = |n: u32| {
        let mut raw = raw("publik");
        raw.body = format!("{BODY} Laporan warga ke-{n}.");
        file(&cx, submission(raw))
    };
    // No counter row exists yet for the year: every filing races to create it.
    // The last two are the same text from the same contact: whether they share a batch or not, one is flagged.
    let (a, b, c, d, e, f) = tokio::join!(one(1), one(2), one(3), one(4), one(5), one(5));
    let filed: Vec<Filed> = [a, b, c, d, e, f].into_iter().collect::<Result<_, _>>()?;
    let flagged: Vec<_> = filed.iter().filter_map(|it| it.item.possible_duplicate_of.clone()).collect();
    assert_eq!(flagged.len(), 1, "{flagged:?}");
    let mut numbers: Vec<String> = filed.into_iter().map(|it| it.item.number).collect();
    numbers.sort();
    numbers.dedup();
    assert_eq!(numbers.len(), 6, "{numbers:?}");
    assert_eq!(numbers.last().map(String::as_str), Some("ADU-2026-000006"));
    // Filings that arrive together are written in one transaction; the audit chain must still be whole.
    let reports = store::audit::verify(&db, Some(&world.tenant.id)).await?;
    assert!(reports.iter().all(|it| it.outcome.is_ok()), "{reports:?}");
    assert_eq!(count(&db, "SELECT COUNT(*) FROM complaint_event").await?, 6);
    Ok(())
}
db_test!(concurrent_filings_get_distinct_numbers_and_keep_the_chain_whole);
