//! Accounts and sessions in storage: unique usernames, login, lock-out, sessions per tenant.

use domain::people::RawUser;
use testkit::{SeqIds, TestDb, db_test, fixtures, now};

use store::people::actions::{self, LoginOutcome, SessionPolicy};
use store::{ActionCx, StoreError};

const POLICY: SessionPolicy = SessionPolicy { lifetime_ms: 8 * 3_600_000, idle_ms: 3_600_000 };

async fn login_opens_a_session_that_resumes(db: TestDb) -> anyhow::Result<()> {
    let kota = fixtures::tenant(&db, "kota-a").await?;
    let ids = SeqIds::default();
    let user = fixtures::user(&db, &kota, &ids, "budi", ("administrator", "")).await?;
    let outcome = actions::login(
        &ActionCx { now: now(), ..fixtures::cx(&db, &kota.id, &ids) },
        ("Budi", "kata sandi yang panjang".to_owned()),
        POLICY,
    )
    .await?;
    let LoginOutcome::Success { token, user: user_id } = outcome else { panic!("expected success, got {outcome:?}") };
    assert_eq!(user_id, user.id);
    let session = actions::resume_session(&db, &kota.id, &token, now(), POLICY).await?.expect("live");
    assert_eq!(session.user.username, "budi");
    let other = fixtures::tenant(&db, "kab-b").await?;
    assert!(actions::resume_session(&db, &other.id, &token, now(), POLICY).await?.is_none(), "other tenant");
    let later = now().checked_add(jiff::SignedDuration::from_hours(2))?;
    assert!(actions::resume_session(&db, &kota.id, &token, later, POLICY).await?.is_none(), "idle too long");
    Ok(())
}
db_test!(login_opens_a_session_that_resumes);

async fn repeated_failures_lock_the_account(db: TestDb) -> anyhow::Result<()> {
    let kota = fixtures::tenant(&db, "kota-a").await?;
    let ids = SeqIds::default();
    fixtures::user(&db, &kota, &ids, "budi", ("operator", "")).await?;
    for _ in 0..5 {
        let outcome = actions::login(
            &ActionCx { now: now(), ..fixtures::cx(&db, &kota.id, &ids) },
            ("budi", "salah sekali".to_owned()),
            POLICY,
        )
        .await?;
        assert!(matches!(outcome, LoginOutcome::Invalid));
    }
    let right = actions::login(
        &ActionCx { now: now(), ..fixtures::cx(&db, &kota.id, &ids) },
        ("budi", "kata sandi yang panjang".to_owned()),
        POLICY,
    )
    .await?;
    assert!(matches!(right, LoginOutcome::Locked { .. }), "locked even with the right password: {right:?}");
    let unknown = actions::login(
        &ActionCx { now: now(), ..fixtures::cx(&db, &kota.id, &ids) },
        ("siapa", "apa saja".to_owned()),
        POLICY,
    )
    .await?;
    assert!(matches!(unknown, LoginOutcome::Invalid));
    let later = now().checked_add(jiff::SignedDuration::from_mins(2))?;
    let after_lock = actions::login(
        &ActionCx { now: later, ..fixtures::cx(&db, &kota.id, &ids) },
        ("budi", "kata sandi yang panjang".to_owned()),
        POLICY,
    )
    .await?;
    assert!(matches!(after_lock, LoginOutcome::Success { .. }));
    Ok(())
}
db_test!(repeated_failures_lock_the_account);

async fn usernames_are_unique_per_tenant(db: TestDb) -> anyhow::Result<()> {
    let kota = fixtures::tenant(&db, "kota-a").await?;
    let kab = fixtures::tenant(&db, "kab-b").await?;
    let ids = SeqIds::default();
    fixtures::user(&db, &kota, &ids, "budi", ("operator", "")).await?;
    fixtures::user(&db, &kab, &ids, "budi", ("operator", "")).await?;
    let again = fixtures::user(&db, &kota, &ids, "budi", ("operator", "")).await;
    let err = again.unwrap_err().downcast::<StoreError>()?;
    assert!(matches!(err, StoreError::Invalid(ref p) if p[0].field == "username"));
    Ok(())
}
db_test!(usernames_are_unique_per_tenant);

async fn deactivation_and_password_change_end_sessions(db: TestDb) -> anyhow::Result<()> {
    let kota = fixtures::tenant(&db, "kota-a").await?;
    let ids = SeqIds::default();
    let user = fixtures::user(&db, &kota, &ids, "budi", ("operator", "")).await?;
    let LoginOutcome::Success { token, .. } = actions::login(
        &ActionCx { now: now(), ..fixtures::cx(&db, &kota.id, &ids) },
        ("budi", "kata sandi yang panjang".to_owned()),
        POLICY,
    )
    .await?
    else {
        panic!()
    };
    let raw = RawUser {
        username: "budi".to_owned(),
        display_name: "Budi".to_owned(),
        is_active: "tidak".to_owned(),
        grants: vec![("operator".to_owned(), String::new())],
        ..RawUser::default()
    };
    actions::update_user(&fixtures::cx(&db, &kota.id, &ids), &user.id, raw.parse(false).unwrap()).await?;
    assert!(actions::resume_session(&db, &kota.id, &token, now(), POLICY).await?.is_none());
    Ok(())
}
db_test!(deactivation_and_password_change_end_sessions);

async fn grants_on_unknown_units_are_refused(db: TestDb) -> anyhow::Result<()> {
    let kota = fixtures::tenant(&db, "kota-a").await?;
    let ids = SeqIds::default();
    let result = fixtures::user(&db, &kota, &ids, "budi", ("operator", "unit-lain")).await;
    let err = result.unwrap_err().downcast::<StoreError>()?;
    assert!(matches!(err, StoreError::Invalid(ref p) if p[0].field == "grants"));
    Ok(())
}
db_test!(grants_on_unknown_units_are_refused);
