//! The audit chain in storage: actions append to it, and rows changed behind the application's back are found.

use domain::audit::Break;
use testkit::{SeqIds, TestDb, db_test, fixtures};

use store::audit;

async fn chain_after_some_actions(db: &TestDb) -> anyhow::Result<domain::ids::TenantId> {
    let tenant = fixtures::tenant(db, "kota-a").await?;
    let ids = SeqIds::default();
    fixtures::unit(db, &tenant, &ids, "DINKES", "").await?;
    fixtures::unit(db, &tenant, &ids, "PKM", "DINKES").await?;
    fixtures::unit(db, &tenant, &ids, "DISHUB", "").await?;
    Ok(tenant.id)
}

async fn intact_chain_verifies(db: TestDb) -> anyhow::Result<()> {
    let tenant = chain_after_some_actions(&db).await?;
    let reports = audit::verify(&db, None).await?;
    assert_eq!(reports.len(), 1);
    let verified = reports[0].outcome.as_ref().expect("intact");
    assert_eq!(verified.n_entries, 4, "tenant.create and three unit.create");
    assert_eq!(reports[0].tenant, tenant);
    Ok(())
}
db_test!(intact_chain_verifies);

async fn hand_edited_row_is_named(db: TestDb) -> anyhow::Result<()> {
    chain_after_some_actions(&db).await?;
    let mut conn = db.conn().await?;
    sqlx::query("UPDATE audit_log SET after_doc = '{\"name\":\"palsu\"}' WHERE seq = 3").execute(&mut *conn).await?;
    let reports = audit::verify(&db, None).await?;
    assert_eq!(reports[0].outcome, Err(Break::Edited { seq: 3 }));
    Ok(())
}
db_test!(hand_edited_row_is_named);

async fn deleted_rows_are_named(db: TestDb) -> anyhow::Result<()> {
    chain_after_some_actions(&db).await?;
    let mut conn = db.conn().await?;
    sqlx::query("DELETE FROM audit_log WHERE seq = 2").execute(&mut *conn).await?;
    assert_eq!(audit::verify(&db, None).await?[0].outcome, Err(Break::Missing { from_seq: 2, found_seq: 3 }));
    sqlx::query("DELETE FROM audit_log WHERE seq >= 2").execute(&mut *conn).await?;
    assert_eq!(audit::verify(&db, None).await?[0].outcome, Err(Break::Truncated { last_seq: 1, head_seq: 4 }));
    Ok(())
}
db_test!(deleted_rows_are_named);

async fn reordered_rows_are_named(db: TestDb) -> anyhow::Result<()> {
    chain_after_some_actions(&db).await?;
    let mut conn = db.conn().await?;
    // Swap the positions of entries 2 and 3.
    sqlx::query("UPDATE audit_log SET seq = 100 WHERE seq = 2").execute(&mut *conn).await?;
    sqlx::query("UPDATE audit_log SET seq = 2 WHERE seq = 3").execute(&mut *conn).await?;
    sqlx::query("UPDATE audit_log SET seq = 3 WHERE seq = 100").execute(&mut *conn).await?;
    assert_eq!(audit::verify(&db, None).await?[0].outcome, Err(Break::Edited { seq: 2 }));
    Ok(())
}
db_test!(reordered_rows_are_named);

async fn chains_are_per_tenant(db: TestDb) -> anyhow::Result<()> {
    chain_after_some_actions(&db).await?;
    fixtures::tenant(&db, "kab-b").await?;
    let reports = audit::verify(&db, None).await?;
    assert_eq!(reports.len(), 2);
    assert!(reports.iter().all(|it| it.outcome.is_ok()));
    let mut conn = db.conn().await?;
    let other =
        audit::queries::list_entries_before(&mut conn, &domain::ids::TenantId::new("kab-b"), i64::MAX, 50).await?;
    assert_eq!(other.len(), 1);
    assert_eq!(other[0].action, "tenant.create");
    Ok(())
}
db_test!(chains_are_per_tenant);
