//! The desk on both engines: each role sees the sections that concern it, with figures from the demo year, and
//! nothing of units outside its scope.

use testkit::{TestDb, db_test};

use crate::testing::{TestApp, demo_with_history};

async fn each_role_sees_what_needs_it_today(db: TestDb) -> anyhow::Result<()> {
    demo_with_history(&db).await?;
    let mut leader = TestApp::new(&db);
    leader.login("sekda").await;
    let desk = leader.get("/beranda").await;
    assert!(desk.texts("#desk-watch li").len() >= 3, "{}", desk.text("#desk-watch"));
    assert!(!desk.texts("#desk-weakest-on_time li").is_empty());
    assert!(desk.texts("#desk-news li").iter().any(|it| it.contains("Satpol PP")), "{}", desk.text("#desk-news"));
    assert!(desk.text("#desk-own").is_empty() && desk.text("#desk-cases").is_empty());

    let mut head = TestApp::new(&db);
    head.login("kadis.dpmptsp").await;
    let desk = head.get("/beranda").await;
    let own = desk.texts("#desk-own li");
    assert_eq!(own.len(), 1, "{own:?}");
    assert!(own[0].contains("Dinas Penanaman Modal"));
    assert!(desk.text("#desk-weakest-on_time").is_empty(), "a unit head does not rank the Pemda");
    assert!(desk.texts("#desk-watch li").iter().all(|it| it.contains("Penanaman Modal")), "only their own unit");
    assert!(!desk.text("#desk-queue").is_empty());

    let mut operator = TestApp::new(&db);
    operator.login("operator.dpmptsp").await;
    let desk = operator.get("/beranda").await;
    assert!(desk.text("#desk-watch").is_empty() && desk.text("#desk-news").is_empty());
    assert!(!desk.text("#desk-queue").is_empty());

    let mut personnel = TestApp::new(&db);
    personnel.login("bkpsdm").await;
    assert!(!personnel.get("/beranda").await.text("#desk-cases").is_empty());
    Ok(())
}
db_test!(each_role_sees_what_needs_it_today);
