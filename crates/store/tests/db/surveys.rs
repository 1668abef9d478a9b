//! Surveys in storage: the running totals always equal a recount of the responses, whatever path the responses took
//! (phone, kiosk, paper, held and accepted); one device answers a service once a day; a closed survey takes nothing.

use domain::ids::TenantId;
use domain::surveys::response::Response;
use store::surveys::responses::{Source, Stored, import, submit};
use store::surveys::{aggregates, catalog, reports, review, services};
use store::{ActionCx, Actor};
use testkit::{SeqIds, TestDb, db_test};

fn response(answers: [Option<u8>; 9], sex: Option<&'static str>) -> Response {
    Response { answers, profile: [sex, None, None, None, None], suggestion: None }
}

fn web(device: &str, address: &str) -> Source {
    Source::Web { device: device.to_owned(), address: address.to_owned(), day: "2026-03-16".to_owned() }
}

async fn the_running_totals_equal_a_recount_of_the_responses(db: TestDb) -> anyhow::Result<()> {
    store::demo::load_if_empty(&db, &SeqIds::default(), testkit::now()).await?;
    let tenant = TenantId::new(store::demo::DEMO_TENANT);
    let ids = SeqIds::default();
    let cx = ActionCx { db: &db, tenant: &tenant, actor: Actor::System("test"), now: testkit::now(), ids: &ids };
    let unit = store::org::queries::list_units(&mut *db.conn().await?, &tenant).await?.remove(0).id;
    let raw = services::RawService {
        unit_id: unit.as_str().to_owned(),
        name: "Layanan uji".into(),
        population: "1000".into(),
        active: true,
        ..Default::default()
    };
    let service = services::create(&cx, &raw).await?;
    let raw =
        catalog::RawSurvey { service_id: service.id.clone(), period: "2026-T1".into(), population: String::new() };
    let survey = catalog::open(&cx, &raw).await?;
    assert_eq!(survey.population, Some(250), "a quarter of the yearly users");

    let all_fours = response([Some(4); 9], Some("p"));
    assert_eq!(submit(&cx, &survey, &web("hp-1", "ip-1"), &all_fours).await?, Stored::Counted);
    assert_eq!(submit(&cx, &survey, &web("hp-1", "ip-1"), &all_fours).await?, Stored::AlreadyToday);
    for n in 2..=6 {
        let device = format!("hp-{n}");
        let mut answers = [Some(3); 9];
        answers[8] = None;
        let stored = submit(&cx, &survey, &web(&device, "ip-1"), &response(answers, Some("l"))).await?;
        // Five from one address in half an hour count; the sixth waits for review.
        assert_eq!(stored, if n == 6 { Stored::Held } else { Stored::Counted }, "response {n}");
    }
    let paper =
        vec![("K-1".to_owned(), response([Some(1), Some(2), None, None, None, None, None, None, Some(4)], None))];
    import(&cx, &survey, "kertas.csv", &paper).await?;
    let held = review::list(&mut *db.conn().await?, &tenant, &survey.id, true, 10).await?;
    assert_eq!(held.len(), 1);
    review::decide(&cx, &survey, &held[0].id, true).await?;

    // Every survey, the demo's imported ones included.
    let all = catalog::list(&mut *db.conn().await?, &tenant, &catalog::Filter::default()).await?;
    let ids: Vec<String> = all.iter().map(|it| it.id.clone()).collect();
    let before = reports::list_totals(&mut *db.conn().await?, &tenant, &ids, true).await?;
    let rebuilt = aggregates::rebuild(&db, &tenant).await?;
    assert_eq!(rebuilt.responses, all.iter().map(|it| it.respondents).sum::<u64>());
    let after = reports::list_totals(&mut *db.conn().await?, &tenant, &ids, true).await?;
    assert_eq!(before, after, "running totals equal the recount");
    let counts = &after[&survey.id].counts;
    assert_eq!(counts[0], [1, 0, 5, 1], "u1: one 1 (paper), five 3s, one 4");
    assert_eq!(counts[8], [0, 0, 0, 2], "u9: the first respondent and the paper form");
    let survey = catalog::load(&mut *db.conn().await?, &tenant, &survey.id).await?;
    assert_eq!((survey.respondents, survey.held), (7, 0));

    let closed = catalog::set_open(&cx, &survey.id, false).await?;
    assert_eq!(submit(&cx, &closed, &web("hp-9", "ip-9"), &all_fours).await?, Stored::Closed);
    let taken = catalog::open(&cx, &raw).await;
    assert!(matches!(taken, Err(store::StoreError::Invalid(_))), "one survey per service and period");
    Ok(())
}
db_test!(the_running_totals_equal_a_recount_of_the_responses);

async fn another_pemda_sees_none_of_the_surveys(db: TestDb) -> anyhow::Result<()> {
    store::demo::load_if_empty(&db, &SeqIds::default(), testkit::now()).await?;
    let tenant = TenantId::new(store::demo::DEMO_TENANT);
    let mut conn = db.conn().await?;
    let surveys = catalog::list(&mut conn, &tenant, &catalog::Filter::default()).await?;
    assert!(!surveys.is_empty(), "the demo runs surveys");
    let other = testkit::fixtures::tenant(&db, "kab-b").await?;
    assert!(catalog::list(&mut conn, &other.id, &catalog::Filter::default()).await?.is_empty());
    assert!(matches!(catalog::load(&mut conn, &other.id, &surveys[0].id).await, Err(store::StoreError::NotFound)));
    assert!(catalog::find_by_code(&mut conn, &other.id, &surveys[0].code).await?.is_none());
    Ok(())
}
db_test!(another_pemda_sees_none_of_the_surveys);
