//! The migrations leave both engines with the same tables and columns, so one code base fits both; and their
//! errors are told apart the same way.

use std::collections::BTreeMap;

use testkit::TestDb;

const SQLITE_TABLES: &str = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx%' ORDER BY name";
const SQLITE_COLUMNS: &str = "SELECT name FROM pragma_table_info($1) ORDER BY name";
const PG_COLUMNS: &str = "
    SELECT CAST(table_name AS TEXT), CAST(column_name AS TEXT) FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name NOT LIKE '\\_sqlx%'
    ORDER BY table_name, column_name";

type Schema = BTreeMap<String, Vec<String>>;

async fn sqlite_schema(db: &TestDb) -> anyhow::Result<Schema> {
    let mut conn = db.conn().await?;
    let tables: Vec<(String,)> = sqlx::query_as(SQLITE_TABLES).fetch_all(&mut *conn).await?;
    let mut schema = Schema::new();
    for (table,) in tables {
        let columns: Vec<(String,)> = sqlx::query_as(SQLITE_COLUMNS).bind(&table).fetch_all(&mut *conn).await?;
        schema.insert(table, columns.into_iter().map(|(it,)| it).collect());
    }
    Ok(schema)
}

async fn postgres_schema(db: &TestDb) -> anyhow::Result<Schema> {
    let mut conn = db.conn().await?;
    let rows: Vec<(String, String)> = sqlx::query_as(PG_COLUMNS).fetch_all(&mut *conn).await?;
    let mut schema = Schema::new();
    for (table, column) in rows {
        schema.entry(table).or_default().push(column);
    }
    Ok(schema)
}

#[tokio::test]
async fn both_engines_have_the_same_tables_and_columns() -> anyhow::Result<()> {
    let sqlite = TestDb::sqlite().await?;
    let Some(postgres) = TestDb::postgres("schema::both_engines_have_the_same_tables_and_columns").await? else {
        return sqlite.cleanup().await;
    };
    let on_sqlite = sqlite_schema(&sqlite).await?;
    let on_postgres = postgres_schema(&postgres).await?;
    assert!(on_sqlite.len() >= 10, "the migrations create the tables: {on_sqlite:?}");
    assert_eq!(on_sqlite, on_postgres);
    sqlite.cleanup().await?;
    postgres.cleanup().await
}

/// PostgreSQL refuses a NUL in text with code 22021, whose low byte happens to be SQLite's "busy"; it must come back
/// as a database error, never as "database busy, retry later".
async fn a_refused_value_is_not_taken_for_a_busy_database(db: TestDb) -> anyhow::Result<()> {
    let mut conn = db.conn().await?;
    let result = sqlx::query("SELECT CAST($1 AS TEXT)").bind("a\u{0}b").fetch_one(&mut *conn).await;
    if let Err(err) = result {
        let err = store::StoreError::from(err);
        assert!(!matches!(err, store::StoreError::Busy), "{err}");
    }
    Ok(())
}
testkit::db_test!(a_refused_value_is_not_taken_for_a_busy_database);

/// The ordinary handle waits for the disk at every commit (what a receipt promises); only the handle the demo loads
/// through, and the tests' own, do not.
#[tokio::test]
async fn the_ordinary_handle_commits_to_disk_and_the_deferred_one_does_not() -> anyhow::Result<()> {
    let sqlite = TestDb::sqlite().await?;
    for (durability, expected) in [(store::Durability::Full, 2), (store::Durability::Deferred, 0)] {
        let db = store::Db::connect_with(sqlite.url(), durability).await?;
        let mut conn = db.conn().await?;
        let (level,): (i64,) = sqlx::query_as("PRAGMA synchronous").fetch_one(&mut *conn).await?;
        assert_eq!(level, expected, "{durability:?}");
        drop(conn);
        db.close().await;
    }
    let full = store::Db::connect(sqlite.url()).await?;
    let (level,): (i64,) = sqlx::query_as("PRAGMA synchronous").fetch_one(&mut *full.conn().await?).await?;
    assert_eq!(level, 2, "Db::connect is the durable handle");
    full.close().await;
    sqlite.cleanup().await?;
    let Some(pg) = TestDb::postgres("schema::the_ordinary_handle_commits_to_disk").await? else { return Ok(()) };
    for (durability, expected) in [(store::Durability::Full, "on"), (store::Durability::Deferred, "off")] {
        let db = store::Db::connect_with(pg.url(), durability).await?;
        let (level,): (String,) = sqlx::query_as("SHOW synchronous_commit").fetch_one(&mut *db.conn().await?).await?;
        assert_eq!(level, expected, "{durability:?}");
        db.close().await;
    }
    pg.cleanup().await
}
