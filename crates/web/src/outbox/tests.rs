//! The sender on both engines against a real HTTP receiver on loopback and an in-memory mailer: a filed item's
//! webhook arrives signed and its e-mail composed; a failing gateway is retried or given up with the reason kept;
//! without SMTP the e-mail fails visibly instead of waiting forever.

use std::sync::{Arc, Mutex};

use axum::http::{HeaderMap, StatusCode};
use domain::complaints::Channel;
use domain::complaints::intake::{RawItem, Source};
use lettre::transport::stub::AsyncStubTransport;
use store::complaints::deliveries;
use store::complaints::intake::{Submission, file};
use store::complaints::settings::{RawSettings, save};
use store::{ActionCx, Actor};
use testkit::{TestDb, db_test};

use super::{Mail, Mailer, Outbox, Report};
use crate::testing::demo_db;

const SECRET: &str = "kunci-webhook-uji-0001";

type Received = Arc<Mutex<Vec<(HeaderMap, String)>>>;

/// A gateway on loopback that answers every call with `status` and keeps what it received.
async fn gateway(status: StatusCode) -> anyhow::Result<(String, Received)> {
    let received: Received = Arc::default();
    let kept = Arc::clone(&received);
    let route = axum::routing::post(move |headers: HeaderMap, body: String| async move {
        kept.lock().expect("lock").push((headers, body));
        status
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}/kabar", listener.local_addr()?);
    tokio::spawn(async move { axum::serve(listener, axum::Router::new().route("/kabar", route)).await });
    Ok((url, received))
}

fn tenant() -> domain::ids::TenantId {
    domain::ids::TenantId::new(store::demo::DEMO_TENANT)
}

fn cx<'a>(db: &'a TestDb, tenant: &'a domain::ids::TenantId) -> ActionCx<'a> {
    ActionCx { db, tenant, actor: Actor::System("test"), now: testkit::now(), ids: &crate::RandomIds }
}

async fn file_one(db: &TestDb, webhook: &str) -> anyhow::Result<String> {
    let tenant = tenant();
    let cx = cx(db, &tenant);
    let raw = RawSettings {
        tier_simple: "5".into(),
        tier_no_field_check: "14".into(),
        tier_field_check: "60".into(),
        webhook_url: webhook.to_owned(),
        webhook_secret: SECRET.to_owned(),
    };
    save(&cx, &raw).await?;
    let raw = RawItem {
        kind: "pengaduan".into(),
        category: "kependudukan".into(),
        title: "Antrean cetak KTP tidak bergerak".into(),
        body: "Sejak pagi nomor antrean cetak KTP elektronik berhenti di angka dua puluh, petugas tidak ada.".into(),
        confidentiality: "publik".into(),
        name: "Wahyu Hidayat".into(),
        contact: "wahyu@contoh.id".into(),
        ..RawItem::default()
    };
    let submission = Submission {
        raw,
        source: Source::Citizen,
        channel: Channel::Web,
        ip: None,
        files: Vec::new(),
        registered_by: None,
    };
    Ok(file(&cx, submission).await?.item.number)
}

async fn a_filed_item_reaches_the_gateway_signed_and_the_reporter_by_mail(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let (url, received) = gateway(StatusCode::OK).await?;
    let number = file_one(&db, &url).await?;
    let stub = AsyncStubTransport::new_ok();
    let mail = Mail { mailer: Mailer::Stub(stub.clone()), from: "Pantau <pantau@contoh.go.id>".parse()? };
    let outbox = Outbox::new(Some(mail), Some("https://pantau.contoh.go.id".into()));
    let report = outbox.run_once(&db, testkit::now()).await?;
    assert_eq!(report, Report { sent: 2, retrying: 0, failed: 0 });

    let calls = received.lock().expect("lock").clone();
    let (headers, body) = &calls[0];
    let timestamp: i64 = headers["x-pantau-timestamp"].to_str()?.parse()?;
    assert_eq!(headers["x-pantau-signature"].to_str()?, super::webhook::signature(SECRET, timestamp, body));
    assert_eq!(headers["x-pantau-event"].to_str()?, "masuk");
    assert!(body.contains(&number) && body.contains("wahyu@contoh.id"), "{body}");

    let messages = stub.messages().await;
    let (envelope, text) = &messages[0];
    assert_eq!(envelope.to()[0].to_string(), "wahyu@contoh.id");
    assert!(text.contains(&number) && text.contains("https://pantau.contoh.go.id/lacak?nomor="), "{text}");
    assert_eq!(outbox.run_once(&db, testkit::now()).await?, Report::default(), "nothing is sent twice");
    Ok(())
}
db_test!(a_filed_item_reaches_the_gateway_signed_and_the_reporter_by_mail);

async fn failures_are_retried_or_given_up_with_their_reason(db: TestDb) -> anyhow::Result<()> {
    demo_db(&db).await?;
    let (url, received) = gateway(StatusCode::SERVICE_UNAVAILABLE).await?;
    file_one(&db, &url).await?;
    let outbox = Outbox::new(None, None);
    let report = outbox.run_once(&db, testkit::now()).await?;
    assert_eq!(report, Report { sent: 0, retrying: 1, failed: 1 }, "503 is retried; e-mail without SMTP is not");
    assert_eq!(received.lock().expect("lock").len(), 1);
    let tenant = tenant();
    let mut conn = db.conn().await?;
    let troubled = deliveries::list_troubled(&mut conn, &tenant, 10).await?;
    let reason = |channel: &str| {
        troubled.iter().find(|it| it.channel == channel).and_then(|it| it.last_error.clone()).unwrap_or_default()
    };
    assert!(reason("webhook").contains("503"), "{troubled:?}");
    assert!(reason("email").contains("SMTP"), "{troubled:?}");
    drop(conn);
    assert_eq!(outbox.run_once(&db, testkit::now()).await?, Report::default(), "the retry waits for its back-off");

    let (refusing, _) = gateway(StatusCode::BAD_REQUEST).await?;
    let cx = cx(&db, &tenant);
    let raw = RawSettings {
        tier_simple: "5".into(),
        tier_no_field_check: "14".into(),
        tier_field_check: "60".into(),
        webhook_url: refusing.clone(),
        webhook_secret: String::new(),
    };
    save(&cx, &raw).await?;
    file_one(&db, &refusing).await?;
    let later = testkit::now().checked_add(jiff::SignedDuration::from_mins(2))?;
    let report = outbox.run_once(&db, later).await?;
    assert_eq!(report.failed, 2, "a 400 is not retried: {report:?}");
    assert_eq!(report.retrying, 1, "the 503 comes back after its back-off: {report:?}");
    Ok(())
}
db_test!(failures_are_retried_or_given_up_with_their_reason);
