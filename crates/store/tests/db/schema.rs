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
