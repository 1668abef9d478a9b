//! Statements built with `store::sql::Sql` on both engines: a multi-row insert stores each value in its column, an
//! IN list split into chunks reads what one list would, and a filter mixing text and integer values binds each
//! where its parameter stands.

use domain::complaints::intake::{RawItem, Source};
use domain::complaints::{Channel, State};
use domain::ids::TenantId;
use store::complaints::deliveries::{self, Delivery};
use store::complaints::intake::{Submission, file};
use store::complaints::queries::{self, ItemFilter};
use store::surveys::{catalog, reports};
use store::{ActionCx, Actor};
use testkit::{SeqIds, TestDb, db_test, fixtures};

async fn a_multi_row_insert_stores_each_value_in_its_column(db: TestDb) -> anyhow::Result<()> {
    let tenant = TenantId::new("kota-a");
    let delivery = |n: i64, complaint: Option<&str>| Delivery {
        tenant: tenant.clone(),
        id: format!("d-{n}"),
        complaint_id: complaint.map(str::to_owned),
        channel: if n == 2 { "webhook" } else { "email" }.to_owned(),
        recipient: format!("petugas{n}@contoh.id"),
        subject: format!("Pengaduan {n}"),
        payload: format!("{{\"n\":{n}}}"),
        status: "pending".to_owned(),
        attempts: 0,
        next_attempt_at_ms: 1_000 + n,
        last_error: None,
        created_at_ms: 1_000 + n,
    };
    let rows = vec![delivery(1, None), delivery(2, Some("c-2")), delivery(3, None)];
    let mut conn = db.conn().await?;
    deliveries::insert_deliveries(&mut conn, &rows).await?;
    assert_eq!(deliveries::list_due(&mut conn, 2_000, 10).await?, rows, "three rows, every value where it belongs");
    Ok(())
}
db_test!(a_multi_row_insert_stores_each_value_in_its_column);

async fn an_in_list_split_into_chunks_reads_what_one_list_would(db: TestDb) -> anyhow::Result<()> {
    store::demo::load_if_empty(&db, &SeqIds::default(), testkit::now()).await?;
    let tenant = TenantId::new(store::demo::DEMO_TENANT);
    let mut conn = db.conn().await?;
    let surveys = catalog::list(&mut conn, &tenant, &catalog::Filter::default()).await?;
    let ids: Vec<String> = surveys.iter().map(|it| it.id.clone()).collect();
    let alone = reports::list_totals(&mut conn, &tenant, &ids, true).await?;
    let answered: Vec<String> = alone.keys().cloned().collect();
    assert!(answered.len() >= 2, "the demo's surveys have answers");
    // 450 unknown ids after the first survey put the others in a second statement (400 ids each).
    let mut padded = vec![answered[0].clone()];
    padded.extend((0..450).map(|n| format!("tidak-ada-{n}")));
    padded.extend(answered[1..].iter().cloned());
    assert_eq!(reports::list_totals(&mut conn, &tenant, &padded, true).await?, alone);

    let first = &surveys[0];
    let filter = catalog::Filter {
        periods: vec!["2001-T1".to_owned(), first.period.code()],
        unit_ids: Some(vec!["tidak-ada".to_owned(), first.unit_id.as_str().to_owned()]),
        service_id: Some(first.service_id.clone()),
    };
    let found = catalog::list(&mut conn, &tenant, &filter).await?;
    assert_eq!(found.iter().map(|it| it.id.as_str()).collect::<Vec<_>>(), [first.id.as_str()]);
    Ok(())
}
db_test!(an_in_list_split_into_chunks_reads_what_one_list_would);

fn submission(title: &str) -> Submission {
    let raw = RawItem {
        kind: "pengaduan".into(),
        category: "sikap_petugas".into(),
        title: title.into(),
        body: "Loket perizinan di lantai dua kosong sejak pukul sembilan pagi.".into(),
        confidentiality: "publik".into(),
        name: "Dewi Lestari".into(),
        contact: "dewi@contoh.id".into(),
        ..RawItem::default()
    };
    Submission { raw, source: Source::Citizen, channel: Channel::Web, ip: None, files: Vec::new(), registered_by: None }
}

async fn a_filter_binds_text_and_integers_where_they_stand(db: TestDb) -> anyhow::Result<()> {
    let tenant = fixtures::tenant(&db, "kota-a").await?;
    let ids = SeqIds::default();
    let mut filed = Vec::new();
    for (n, day) in ["2026-03-16T02:00:00Z", "2026-03-17T02:00:00Z", "2026-03-18T02:00:00Z"].iter().enumerate() {
        let cx = ActionCx { db: &db, tenant: &tenant.id, actor: Actor::System("test"), now: day.parse()?, ids: &ids };
        filed.push(file(&cx, submission(&format!("Loket kosong {n}"))).await?.item);
    }
    let numbers = |items: Vec<store::complaints::Item>| items.into_iter().map(|it| it.number).collect::<Vec<_>>();
    let filter = ItemFilter {
        state: Some(State::Received),
        categories: vec!["lainnya".to_owned(), "sikap_petugas".to_owned()],
        numbers: filed.iter().map(|it| it.number.clone()).chain(["ADU-1999-000001".to_owned()]).collect(),
        received_between: Some((filed[1].received_at_ms, filed[2].received_at_ms)),
        limit: 50,
        ..Default::default()
    };
    let mut conn = db.conn().await?;
    assert_eq!(numbers(queries::list_items(&mut conn, &tenant.id, &filter).await?), [filed[1].number.clone()]);
    let from_the_second = ItemFilter { received_between: Some((filed[1].received_at_ms, i64::MAX)), ..filter };
    let found = numbers(queries::list_items(&mut conn, &tenant.id, &from_the_second).await?);
    assert_eq!(found, [filed[2].number.clone(), filed[1].number.clone()], "newest first");
    Ok(())
}
db_test!(a_filter_binds_text_and_integers_where_they_stand);

async fn a_missing_coordinate_then_a_present_one_bind_on_one_connection(db: TestDb) -> anyhow::Result<()> {
    // sqlx's Any driver once bound a missing f64 as float4, so the statement prepared first refused the next value.
    let tenant = fixtures::tenant(&db, "kota-a").await?;
    let ids = SeqIds::default();
    let cx = ActionCx { db: &db, tenant: &tenant.id, actor: Actor::System("test"), now: testkit::now(), ids: &ids };
    let mut item = file(&cx, submission("Loket kosong")).await?.item;
    let mut conn = db.conn().await?;
    item.point = None;
    queries::update_item(&mut conn, &tenant.id, &item).await?;
    item.point = Some((-6.3459, 106.7216));
    queries::update_item(&mut conn, &tenant.id, &item).await?;
    let filter = ItemFilter { numbers: vec![item.number.clone()], limit: 5, ..Default::default() };
    let found = queries::list_items(&mut conn, &tenant.id, &filter).await?;
    assert_eq!(found[0].point, Some((-6.3459, 106.7216)));
    Ok(())
}
db_test!(a_missing_coordinate_then_a_present_one_bind_on_one_connection);
