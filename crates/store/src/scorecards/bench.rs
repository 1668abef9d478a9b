//! For `pantau bench scorecards`: many synthetic complaints written straight into the complaints table by the
//! database itself (engine-specific SQL generating the rows), spread over the given units in turn so that ids
//! interleave as real ones do, bypassing the running sums, which `rebuild` then recomputes.

use domain::ids::{TenantId, UnitId};

use crate::{Backend, Db, StoreError};

/// Writes `count` items received evenly over `span_ms` from `from_ms`, item `n` at unit `n mod units`: first answers
/// after 1–12 days (so some miss their 7-day deadline), four in five closed three days later, ratings 2–5.
pub async fn generate_items(
    db: &Db,
    tenant: &TenantId,
    units: &[UnitId],
    prefix: &str,
    (count, from_ms, span_ms): (i64, i64, i64),
) -> Result<(), StoreError> {
    if units.is_empty() || count <= 0 {
        return Ok(());
    }
    let values: Vec<String> =
        units.iter().enumerate().map(|(n, it)| format!("({n}, '{}')", it.as_str().replace('\'', "''"))).collect();
    let day = 86_400_000i64;
    let (seq, date) = match db.backend() {
        Backend::Sqlite => (
            "WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < $4 - 1)".to_owned(),
            "date(({at}) / 1000, 'unixepoch', '+7 days')".to_owned(),
        ),
        Backend::Postgres => (
            "WITH seq(n) AS (SELECT generate_series(0, $4::bigint - 1))".to_owned(),
            "to_char(to_timestamp(({at}) / 1000.0) + interval '7 days', 'YYYY-MM-DD')".to_owned(),
        ),
    };
    let received = "($5 + n * ($6 / $4))".to_owned();
    let answered = format!("{received} + (1 + n % 12) * {day}");
    let sql = format!(
        "{seq}, units(i, id) AS (VALUES {units})
         INSERT INTO complaint (tenant_id, id, number, secret_digest, kind, category, channel, confidentiality, title,
            body, state, escalation_level, missed_deadlines, n_reopened, dedup_key, correction_requested,
            received_at_ms, updated_at_ms, unit_id, verified_at_ms, answer_due_date, first_answer_at_ms, closed_at_ms,
            rating)
         SELECT $1, $2 || n, $2 || n, 'x', 'pengaduan', 'lainnya', 'web', 'publik', 'Uji beban', 'Isi uji beban',
            CASE WHEN n % 5 = 0 THEN 'ditanggapi' ELSE 'selesai' END, 0, 0, 0, $2 || n, 0,
            {received}, {received}, units.id, {received}, {due}, {answered},
            CASE WHEN n % 5 = 0 THEN NULL ELSE {answered} + 3 * {day} END,
            CASE WHEN n % 5 = 0 THEN NULL ELSE 2 + n % 4 END
         FROM seq JOIN units ON units.i = n % $3",
        units = values.join(", "),
        due = date.replace("{at}", &received),
    );
    let mut tx = db.begin_write().await?;
    sqlx::query(&sql)
        .bind(tenant.as_str())
        .bind(prefix)
        .bind(i64::try_from(units.len()).unwrap_or(1))
        .bind(count)
        .bind(from_ms)
        .bind(span_ms)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}
