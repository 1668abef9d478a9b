//! Discipline in storage: cases numbered without repeats when opened at once, replayed from their stored steps, and
//! nothing of one Pemda's register or cases visible to another.

use domain::ids::TenantId;
use store::discipline::cases::{self, NewCase};
use store::discipline::employees;
use store::{ActionCx, Actor, StoreError};
use testkit::{SeqIds, TestDb, db_test, fixtures};

async fn demo(db: &TestDb) -> anyhow::Result<TenantId> {
    store::demo::load_if_empty(db, &SeqIds::default(), testkit::now()).await?;
    Ok(TenantId::new(store::demo::DEMO_TENANT))
}

fn new_case(employee_id: &str, n: usize) -> NewCase {
    NewCase {
        employee_id: employee_id.to_owned(),
        origin: "superior".to_owned(),
        breaches: vec![("3d".to_owned(), "unit".to_owned())],
        facts: format!("Tidak menaati jadwal piket loket pada pekan ke-{n}."),
        ..NewCase::default()
    }
}

async fn cases_opened_at_once_get_distinct_numbers_and_stay_with_their_pemda(db: TestDb) -> anyhow::Result<()> {
    let tenant = demo(&db).await?;
    let ids = SeqIds::default();
    let cx = ActionCx { db: &db, tenant: &tenant, actor: Actor::System("test"), now: testkit::now(), ids: &ids };
    let rules = domain::discipline::shipped().clone();
    let employee = {
        let mut conn = db.conn().await?;
        employees::list(&mut conn, &tenant).await?.into_iter().next().expect("the demo has employees")
    };
    let mut opening = Vec::new();
    for n in 0..5 {
        let (cx, rules, case) = (&cx, &rules, new_case(&employee.id, n));
        opening.push(async move { cases::open(cx, rules, &case).await });
    }
    let mut numbers = Vec::new();
    for opened in testkit::run_all(opening).await {
        numbers.push(opened?.number);
    }
    numbers.sort();
    let expected: Vec<String> = (1..=5).map(|n| format!("HD-2026-{n:04}")).collect();
    assert_eq!(numbers, expected);

    let mut conn = db.conn().await?;
    let listed = cases::list(&mut conn, &tenant).await?;
    let file = cases::load(&mut conn, &tenant, &rules, &listed[0].id).await?;
    assert_eq!(file.employee.id, employee.id, "the case file replays with its employee");

    let other = fixtures::tenant(&db, "kab-b").await?;
    assert!(cases::list(&mut conn, &other.id).await?.is_empty());
    assert!(matches!(cases::load(&mut conn, &other.id, &rules, &listed[0].id).await, Err(StoreError::NotFound)));
    assert!(matches!(employees::load(&mut conn, &other.id, &employee.id).await, Err(StoreError::NotFound)));
    assert!(employees::list(&mut conn, &other.id).await?.is_empty());
    let foreign = ActionCx { tenant: &other.id, ..cx };
    assert!(cases::open(&foreign, &rules, &new_case(&employee.id, 9)).await.is_err(), "no case on another's employee");
    Ok(())
}
db_test!(cases_opened_at_once_get_distinct_numbers_and_stay_with_their_pemda);
