//! The database handle: one pool over SQLite or PostgreSQL, chosen by URL, with portable migrations.

use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{Any, AnyPool, ConnectOptions, Executor, Transaction};

use crate::StoreError;

/// A connection, pooled or inside a transaction; every query function takes one.
pub type Conn = sqlx::AnyConnection;

/// The engine behind a URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// SQLite, one file, the embedded default.
    Sqlite,
    /// PostgreSQL and engines speaking its protocol.
    Postgres,
}

/// When a commit returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Durability {
    /// After it reached the disk: every receipt is backed by stored data.
    Full,
    /// Before it reached the disk, for loading demo data and for the tests' own databases only: thousands of small
    /// transactions need not each wait for a flush, since a load cut short is loaded again. [`Db::flush`] on a
    /// `Full` handle makes what they wrote durable.
    Deferred,
}

/// The database of an installation.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
    cache: std::sync::Arc<crate::cache::ReadCache>,
    intake: std::sync::Arc<crate::complaints::batch::Queue>,
    figures: std::sync::Arc<crate::scorecards::cache::FiguresCache>,
}

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

impl Db {
    /// Connects to `sqlite://FILE` (created on first use) or `postgres://…`.
    pub async fn connect(url: &str) -> Result<Db, StoreError> {
        Db::connect_with(url, Durability::Full).await
    }

    /// Connects with the given durability of commits.
    pub async fn connect_with(url: &str, durability: Durability) -> Result<Db, StoreError> {
        sqlx::any::install_default_drivers();
        let backend = backend_of(url)?;
        let url = match backend {
            Backend::Sqlite if !url.contains("mode=") => {
                let sep = if url.contains('?') { '&' } else { '?' };
                format!("{url}{sep}mode=rwc")
            }
            _ => url.to_owned(),
        };
        let options: AnyConnectOptions = url
            .parse::<AnyConnectOptions>()
            .map_err(|err| StoreError::Config(format!("database URL {}: {err}", mask_url(&url))))?
            .log_statements(tracing::log::LevelFilter::Trace)
            .log_slow_statements(tracing::log::LevelFilter::Warn, Duration::from_millis(500));
        let pool = AnyPoolOptions::new()
            .max_connections(match backend {
                Backend::Sqlite => 8,
                Backend::Postgres => 16,
            })
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    let deferred = durability == Durability::Deferred;
                    if backend == Backend::Sqlite {
                        // WAL lets readers run beside the one writer; FULL sync makes a commit durable before a
                        // receipt is shown; the busy timeout queues writers instead of failing them.
                        conn.execute("PRAGMA journal_mode = WAL").await?;
                        conn.execute(if deferred { "PRAGMA synchronous = OFF" } else { "PRAGMA synchronous = FULL" })
                            .await?;
                        conn.execute("PRAGMA foreign_keys = ON").await?;
                        conn.execute("PRAGMA busy_timeout = 10000").await?;
                    } else if deferred {
                        conn.execute("SET synchronous_commit = off").await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await
            .map_err(|err| StoreError::Config(format!("cannot open database {}: {err}", mask_url(&url))))?;
        Ok(Db {
            pool,
            backend,
            cache: std::sync::Arc::default(),
            intake: std::sync::Arc::default(),
            figures: std::sync::Arc::default(),
        })
    }

    /// The short-lived copy of tenant data (see `cache`).
    pub fn cache(&self) -> &crate::cache::ReadCache {
        &self.cache
    }

    /// The figures behind the scorecards, kept per process (see `scorecards::cache`).
    pub fn figures(&self) -> &crate::scorecards::cache::FiguresCache {
        &self.figures
    }

    /// Filings waiting to be written together (see `complaints::batch`).
    pub(crate) fn intake_queue(&self) -> &crate::complaints::batch::Queue {
        &self.intake
    }

    /// The engine.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// A pooled connection for reads.
    pub async fn conn(&self) -> Result<sqlx::pool::PoolConnection<Any>, StoreError> {
        Ok(self.pool.acquire().await?)
    }

    /// Begins a write transaction.
    pub async fn begin_write(&self) -> Result<Transaction<'static, Any>, StoreError> {
        let tx = match self.backend {
            // A deferred SQLite transaction that reads first and writes later can fail with SQLITE_BUSY when it
            // upgrades its lock; taking the write lock up front makes writers queue on the busy timeout instead.
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        };
        Ok(tx)
    }

    /// A read-only transaction that sees one snapshot of the database through all its statements (SQLite's
    /// deferred transaction in WAL mode from its first read; PostgreSQL's repeatable read).
    pub async fn begin_snapshot(&self) -> Result<Transaction<'static, Any>, StoreError> {
        let tx = match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN").await?,
            Backend::Postgres => self.pool.begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").await?,
        };
        Ok(tx)
    }

    /// Applies every pending migration.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        MIGRATOR.run(&self.pool).await?;
        Ok(())
    }

    /// Whether the schema is at the newest migration.
    pub async fn pending_migrations(&self) -> Result<usize, StoreError> {
        let mut conn = self.conn().await?;
        let applied: Vec<(i64,)> =
            sqlx::query_as(SELECT_APPLIED_MIGRATIONS).fetch_all(&mut *conn).await.unwrap_or_default();
        Ok(MIGRATOR.iter().filter(|it| !applied.iter().any(|(version,)| *version == it.version)).count())
    }

    /// Checks that the database answers.
    pub async fn ping(&self) -> Result<(), StoreError> {
        let mut conn = self.conn().await?;
        sqlx::query("SELECT 1").execute(&mut *conn).await?;
        Ok(())
    }

    /// Makes what `Deferred` handles committed durable. SQLite copies its write-ahead log into the database file and
    /// syncs both (this handle syncs, being `Full`). PostgreSQL needs nothing: its WAL writer flushes deferred
    /// commits within three `wal_writer_delay`s (600 ms by default), and the next ordinary commit flushes them too.
    pub async fn flush(&self) -> Result<(), StoreError> {
        if self.backend == Backend::Sqlite {
            let mut conn = self.conn().await?;
            sqlx::query("PRAGMA wal_checkpoint(FULL)").execute(&mut *conn).await?;
        }
        Ok(())
    }

    /// Closes the pool, waiting for connections to be returned.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

const SELECT_APPLIED_MIGRATIONS: &str = "SELECT version FROM _sqlx_migrations WHERE success = TRUE";

/// The engine named by a URL's scheme.
pub fn backend_of(url: &str) -> Result<Backend, StoreError> {
    match url.split_once("://").map(|(scheme, _)| scheme) {
        Some("sqlite") => Ok(Backend::Sqlite),
        Some("postgres" | "postgresql") => Ok(Backend::Postgres),
        _ => Err(StoreError::Config(format!(
            "database URL must start with sqlite:// or postgres://, got {:?}",
            mask_url(url)
        ))),
    }
}

/// The URL with any password replaced by `***`, for messages and logs.
pub fn mask_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_owned() };
    let Some((userinfo, host)) = rest.split_once('@') else { return url.to_owned() };
    match userinfo.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_owned(),
    }
}
