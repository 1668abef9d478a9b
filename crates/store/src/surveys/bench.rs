//! For `pantau bench skm`: many synthetic responses written straight into the responses table by the database
//! itself (engine-specific SQL generating the rows), bypassing the running totals, which `aggregates::rebuild` then
//! recomputes; and the plain GROUP BY over the raw rows that the totals replace.

use domain::ids::TenantId;

use crate::{Backend, Db, StoreError};

/// Writes `count` responses to one survey in one statement: random answers 1–4 (skewed towards 3), a profile, no
/// suggestion, all counted. `prefix` keeps the ids unique across surveys.
pub async fn generate(db: &Db, tenant: &TenantId, survey_id: &str, prefix: &str, count: i64) -> Result<(), StoreError> {
    // 1 + (r mod 7 mapped 0,1,2,2,2,3,3): answers 1, 2, 3, 3, 3, 4, 4 — an index around 70–75, category C/B.
    let sql = match db.backend() {
        Backend::Sqlite => {
            const ANSWER: &str =
                "(CASE abs(random()) % 7 WHEN 0 THEN 1 WHEN 1 THEN 2 WHEN 5 THEN 4 WHEN 6 THEN 4 ELSE 3 END)";
            format!(
                "WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < $4)
                 INSERT INTO survey_response (tenant_id, id, survey_id, submitted_at_ms, channel, u1, u2, u3, u4, u5, u6,
                    u7, u8, u9, sex, age, counted)
                 SELECT $1, $2 || n, $3, 1767225600000 + n * 1000, 'web', {a}, {a}, {a}, {a}, {a}, {a}, {a}, {a}, {a},
                    CASE n % 2 WHEN 0 THEN 'l' ELSE 'p' END, CASE n % 3 WHEN 0 THEN '26_35' WHEN 1 THEN '36_45' ELSE NULL END, 1
                 FROM seq",
                a = ANSWER
            )
        }
        Backend::Postgres => {
            const ANSWER: &str =
                "(CASE floor(random() * 7)::int WHEN 0 THEN 1 WHEN 1 THEN 2 WHEN 5 THEN 4 WHEN 6 THEN 4 ELSE 3 END)";
            format!(
                "INSERT INTO survey_response (tenant_id, id, survey_id, submitted_at_ms, channel, u1, u2, u3, u4, u5, u6,
                    u7, u8, u9, sex, age, counted)
                 SELECT $1, $2 || n, $3, 1767225600000 + n * 1000, 'web', {a}, {a}, {a}, {a}, {a}, {a}, {a}, {a}, {a},
                    CASE n % 2 WHEN 0 THEN 'l' ELSE 'p' END, CASE n % 3 WHEN 0 THEN '26_35' WHEN 1 THEN '36_45' ELSE NULL END, 1
                 FROM generate_series(1, $4::bigint) AS n",
                a = ANSWER
            )
        }
    };
    let mut tx = db.begin_write().await?;
    sqlx::query(&sql).bind(tenant.as_str()).bind(prefix).bind(survey_id).bind(count).execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(())
}

/// Refreshes the planner's statistics after the bulk load (PostgreSQL plans from them; SQLite's are optional).
pub async fn analyze(db: &Db) -> Result<(), StoreError> {
    let mut conn = db.conn().await?;
    sqlx::query("ANALYZE").execute(&mut *conn).await?;
    Ok(())
}
