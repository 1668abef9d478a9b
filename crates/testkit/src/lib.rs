//! Test support: a fresh database per test on SQLite and PostgreSQL, a fixed clock, predictable ids, fixtures.
//!
//! `db_test!(name)` turns `async fn name(db: TestDb) -> anyhow::Result<()>` into `name::sqlite` and
//! `name::postgres`. The PostgreSQL half reads `PANTAU_TEST_PG_URL`; when it is unset the test says SKIPPED and
//! passes on a laptop, and fails when `CI=true`.

pub mod fixtures;

use std::ops::Deref;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use jiff::Timestamp;
use store::{Db, Durability, IdSource};

/// A migrated database that exists for one test.
#[derive(Clone, Debug)]
pub struct TestDb {
    db: Db,
    url: String,
    cleanup: Arc<Cleanup>,
}

#[derive(Debug)]
enum Cleanup {
    Sqlite(#[allow(dead_code)] tempfile::TempDir), // Held so the directory lives as long as the test.
    Postgres { admin_url: String, schema: String },
}

impl Deref for TestDb {
    type Target = Db;
    fn deref(&self) -> &Db {
        &self.db
    }
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

impl TestDb {
    /// A fresh SQLite file in a temporary directory. Test databases commit without waiting for the disk
    /// (`Durability::Deferred`): nothing of a test outlives it, and the suite spent minutes in flushes; what the
    /// ordinary handle promises is checked by `store`'s durability test and by the crash test with the real binary.
    pub async fn sqlite() -> anyhow::Result<TestDb> {
        let dir = tempfile::tempdir()?;
        let url = format!("sqlite://{}", dir.path().join("test.db").display());
        let db = Db::connect_with(&url, Durability::Deferred).await?;
        db.migrate().await?;
        Ok(TestDb { db, url, cleanup: Arc::new(Cleanup::Sqlite(dir)) })
    }

    /// A fresh schema in the PostgreSQL database of `PANTAU_TEST_PG_URL`, or `None` (after saying so) when it is
    /// unset outside CI.
    pub async fn postgres(test: &str) -> anyhow::Result<Option<TestDb>> {
        let Some(admin_url) = pg_url(test)? else { return Ok(None) };
        let schema = format!(
            "t_{}_{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed),
            Timestamp::now().as_millisecond() % 1_000_000
        );
        let admin = Db::connect(&admin_url).await?;
        let mut conn = admin.conn().await?;
        sqlx::query(&format!("CREATE SCHEMA {schema}")).execute(&mut *conn).await?;
        drop(conn);
        admin.close().await;
        let sep = if admin_url.contains('?') { '&' } else { '?' };
        let url = format!("{admin_url}{sep}options=-c%20search_path%3D{schema}");
        let db = Db::connect_with(&url, Durability::Deferred).await?;
        db.migrate().await?;
        Ok(Some(TestDb { db, url, cleanup: Arc::new(Cleanup::Postgres { admin_url, schema }) }))
    }

    /// The engine.
    pub fn backend(&self) -> store::Backend {
        self.db.backend()
    }

    /// The URL of this database, to hand to a `pantau` subprocess.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Drops the PostgreSQL schema; the SQLite directory goes with the last clone.
    pub async fn cleanup(self) -> anyhow::Result<()> {
        self.db.close().await;
        if let Cleanup::Postgres { admin_url, schema } = &*self.cleanup {
            let admin = Db::connect(admin_url).await?;
            let mut conn = admin.conn().await?;
            sqlx::query(&format!("DROP SCHEMA {schema} CASCADE")).execute(&mut *conn).await?;
            drop(conn);
            admin.close().await;
        }
        Ok(())
    }
}

fn pg_url(test: &str) -> anyhow::Result<Option<String>> {
    match std::env::var("PANTAU_TEST_PG_URL") {
        Ok(url) if !url.trim().is_empty() => Ok(Some(url)),
        _ if std::env::var("CI").is_ok_and(|it| it == "true") => {
            anyhow::bail!("PANTAU_TEST_PG_URL is unset but CI=true: the PostgreSQL half of {test} must run in CI")
        }
        _ => {
            #[allow(clippy::print_stderr)] // The skip must be loud on a developer's terminal.
            {
                eprintln!("SKIPPED (PANTAU_TEST_PG_URL unset): {test}");
            }
            Ok(None)
        }
    }
}

/// Defines `name::sqlite` and `name::postgres` tests that run `async fn name(db: TestDb) -> anyhow::Result<()>`.
#[macro_export]
macro_rules! db_test {
    ($name:ident) => {
        mod $name {
            #[tokio::test]
            async fn sqlite() -> anyhow::Result<()> {
                let db = $crate::TestDb::sqlite().await?;
                super::$name(db.clone()).await?;
                db.cleanup().await
            }

            #[tokio::test]
            async fn postgres() -> anyhow::Result<()> {
                let test = concat!(module_path!(), "::", stringify!($name));
                let Some(db) = $crate::TestDb::postgres(test).await? else {
                    return Ok(());
                };
                super::$name(db.clone()).await?;
                db.cleanup().await
            }
        }
    };
}

/// The fixed instant tests run at: Monday 16 March 2026, 09:00 WIB.
pub fn now() -> Timestamp {
    "2026-03-16T02:00:00Z".parse().expect("a valid RFC 3339 literal")
}

/// Ids `id-000001`, `id-000002`, … and secrets derived from the same counter.
#[derive(Debug, Default)]
pub struct SeqIds(AtomicU64);

impl IdSource for SeqIds {
    fn new_id(&self) -> String {
        format!("id-{:06}", self.0.fetch_add(1, Ordering::Relaxed) + 1)
    }

    fn secret(&self) -> [u8; 32] {
        let n = self.0.fetch_add(1, Ordering::Relaxed) + 1;
        let mut out = [0u8; 32];
        out[..8].copy_from_slice(&n.to_be_bytes());
        out[8..16].copy_from_slice(&n.wrapping_mul(0x9E37_79B9_7F4A_7C15).to_be_bytes());
        out
    }
}

/// Runs futures at the same time on the current task and returns their outputs in order: enough to open several
/// records at once against a database pool, without a crate for `join_all`.
pub async fn run_all<F: std::future::Future>(futures: Vec<F>) -> Vec<F::Output> {
    let mut pinned: Vec<std::pin::Pin<Box<F>>> = futures.into_iter().map(Box::pin).collect();
    let mut done: Vec<Option<F::Output>> = pinned.iter().map(|_| None).collect();
    std::future::poll_fn(|context| {
        for (slot, future) in done.iter_mut().zip(pinned.iter_mut()) {
            if slot.is_none()
                && let std::task::Poll::Ready(value) = future.as_mut().poll(context)
            {
                *slot = Some(value);
            }
        }
        if done.iter().all(Option::is_some) { std::task::Poll::Ready(()) } else { std::task::Poll::Pending }
    })
    .await;
    done.into_iter().map(|it| it.expect("every future finished")).collect()
}
