//! The baseline `pantau bench` compares Pantau with: the cheapest durable write this database can do, one
//! single-row transaction committed at a time through the same pool and the same write path as every action.

use crate::{Db, StoreError};

/// Creates the scratch table (kept apart from Pantau's own tables and dropped by [`finish`]).
pub async fn prepare(db: &Db) -> Result<(), StoreError> {
    let mut conn = db.conn().await?;
    sqlx::query("CREATE TABLE IF NOT EXISTS bench_row (id BIGINT PRIMARY KEY, payload TEXT NOT NULL)")
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM bench_row").execute(&mut *conn).await?;
    Ok(())
}

/// Inserts one row in its own write transaction and commits it.
pub async fn insert_one(db: &Db, id: i64, payload: &str) -> Result<(), StoreError> {
    let mut tx = db.begin_write().await?;
    sqlx::query("INSERT INTO bench_row (id, payload) VALUES ($1, $2)").bind(id).bind(payload).execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(())
}

/// Drops the scratch table.
pub async fn finish(db: &Db) -> Result<(), StoreError> {
    let mut conn = db.conn().await?;
    sqlx::query("DROP TABLE IF EXISTS bench_row").execute(&mut *conn).await?;
    Ok(())
}
