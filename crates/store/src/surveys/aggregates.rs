//! The running totals: how many answered 1–4 per element, and how many gave each profile answer, per survey. A
//! response changes them in its own transaction, so the reports read a few rows, never the responses; `rebuild`
//! recomputes them from the responses (after a repair, or to check them).

use std::collections::BTreeMap;

use domain::ids::TenantId;
use domain::surveys::profile::PROFILE;
use domain::surveys::response::Response;
use sqlx::Row;

use super::Channel;
use crate::sql::Sql;
use crate::{Conn, Db, StoreError};

/// A change to one survey's totals.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Delta {
    /// Per element, per answer value 1–4, the change in count.
    pub answers: [[i64; 4]; 9],
    /// Per (field, value), the change in count.
    pub profile: BTreeMap<(&'static str, &'static str), i64>,
    /// Change in respondents.
    pub respondents: i64,
}

impl Delta {
    /// Adds (`sign` 1) or removes (`sign` -1) one response.
    pub fn add(&mut self, response: &Response, channel: Channel, sign: i64) {
        for (n, answer) in response.answers.iter().enumerate() {
            if let Some(value) = answer {
                self.answers[n][usize::from(value - 1)] += sign;
            }
        }
        for (n, value) in response.profile.iter().enumerate() {
            if let Some(value) = value {
                *self.profile.entry((PROFILE[n].code, *value)).or_default() += sign;
            }
        }
        *self.profile.entry(("channel", channel.code())).or_default() += sign;
        self.respondents += sign;
    }
}

/// Applies a change to a survey's totals (call inside the response's transaction).
pub async fn update_totals(
    conn: &mut Conn,
    tenant: &TenantId,
    survey_id: &str,
    delta: &Delta,
) -> Result<(), StoreError> {
    let mut sql = Sql::new("INSERT INTO survey_tally (tenant_id, survey_id, element, n1, n2, n3, n4) VALUES ");
    sql.values(delta.answers.iter().enumerate(), |row, (n, counts)| {
        row.bind(tenant.as_str()).bind(survey_id).bind(n as i64 + 1);
        for count in counts {
            row.bind(*count);
        }
    });
    sql.push(
        " ON CONFLICT (tenant_id, survey_id, element) DO UPDATE SET n1 = survey_tally.n1 + excluded.n1,
            n2 = survey_tally.n2 + excluded.n2, n3 = survey_tally.n3 + excluded.n3, n4 = survey_tally.n4 + excluded.n4",
    );
    sql.execute(&mut *conn).await?;
    apply_profile(conn, tenant, survey_id, delta).await?;
    sqlx::query("UPDATE survey SET respondents = respondents + $1 WHERE tenant_id = $2 AND id = $3")
        .bind(delta.respondents)
        .bind(tenant.as_str())
        .bind(survey_id)
        .execute(&mut *conn)
        .await?;
    crate::scorecards::stamps::update_survey_stamp(conn, tenant, survey_id).await
}

async fn apply_profile(conn: &mut Conn, tenant: &TenantId, survey_id: &str, delta: &Delta) -> Result<(), StoreError> {
    if !delta.profile.is_empty() {
        let mut sql = Sql::new("INSERT INTO survey_profile_count (tenant_id, survey_id, field, value, n) VALUES ");
        sql.values(&delta.profile, |row, ((field, value), n)| {
            row.bind(tenant.as_str()).bind(survey_id).bind(*field).bind(*value).bind(*n);
        });
        sql.push(
            " ON CONFLICT (tenant_id, survey_id, field, value) DO UPDATE SET n = survey_profile_count.n + excluded.n",
        );
        sql.execute(&mut *conn).await?;
    }
    Ok(())
}

/// Answer counts per survey: `[element][value - 1]`.
pub use domain::surveys::report::Counts;

/// `SUM(CASE WHEN u1 = 1 THEN 1 ELSE 0 END), …` for every element and value, in `Counts` order.
fn count_columns() -> String {
    let mut columns = Vec::with_capacity(36);
    for element in 1..=9 {
        for value in 1..=4 {
            columns.push(format!("SUM(CASE WHEN u{element} = {value} THEN 1 ELSE 0 END)"));
        }
    }
    columns.join(", ")
}

fn counts_of(row: &sqlx::any::AnyRow, first: usize) -> Result<Counts, StoreError> {
    let mut counts: Counts = [[0; 4]; 9];
    for (n, slot) in counts.iter_mut().flatten().enumerate() {
        let value: Option<i64> = row.try_get(first + n)?;
        *slot = u64::try_from(value.unwrap_or(0)).unwrap_or(0);
    }
    Ok(counts)
}

/// The answer counts of surveys computed from the raw responses with one GROUP BY: what the totals replace, used by
/// `rebuild` and by the benchmark as the baseline.
pub async fn count_raw(
    conn: &mut Conn,
    tenant: &TenantId,
    survey_ids: &[String],
) -> Result<BTreeMap<String, (u64, Counts)>, StoreError> {
    if survey_ids.is_empty() {
        return Ok(BTreeMap::new());
    }
    let mut sql =
        Sql::new(&format!("SELECT survey_id, COUNT(*), {} FROM survey_response WHERE tenant_id = ", count_columns()));
    sql.bind(tenant.as_str())
        .push(" AND counted = 1 AND survey_id IN (")
        .bind_list(survey_ids)
        .push(") GROUP BY survey_id");
    let mut out = BTreeMap::new();
    for row in sql.fetch_rows(conn).await? {
        let id: String = row.try_get(0)?;
        let respondents: i64 = row.try_get(1)?;
        out.insert(id, (u64::try_from(respondents).unwrap_or(0), counts_of(&row, 2)?));
    }
    Ok(out)
}

/// What a rebuild did.
#[derive(Clone, Copy, Debug, Default)]
pub struct Rebuilt {
    /// Surveys whose totals were written.
    pub surveys: u64,
    /// Responses read.
    pub responses: u64,
}

/// Recomputes every total of a tenant from its responses, in one transaction.
pub async fn rebuild(db: &Db, tenant: &TenantId) -> Result<Rebuilt, StoreError> {
    let mut tx = db.begin_write().await?;
    let ids: Vec<(String,)> =
        sqlx::query_as("SELECT id FROM survey WHERE tenant_id = $1").bind(tenant.as_str()).fetch_all(&mut *tx).await?;
    let ids: Vec<String> = ids.into_iter().map(|(id,)| id).collect();
    for table in ["survey_tally", "survey_profile_count"] {
        let sql = format!("DELETE FROM {table} WHERE tenant_id = $1");
        sqlx::query(&sql).bind(tenant.as_str()).execute(&mut *tx).await?;
    }
    sqlx::query("UPDATE survey SET respondents = 0, held = 0 WHERE tenant_id = $1")
        .bind(tenant.as_str())
        .execute(&mut *tx)
        .await?;
    let mut done = Rebuilt::default();
    for chunk in ids.chunks(500) {
        for (id, (respondents, counts)) in count_raw(&mut tx, tenant, chunk).await? {
            let delta = Delta {
                answers: counts.map(|it| it.map(|n| i64::try_from(n).unwrap_or(i64::MAX))),
                profile: BTreeMap::new(),
                respondents: i64::try_from(respondents).unwrap_or(0),
            };
            update_totals(&mut tx, tenant, &id, &delta).await?;
            done.surveys += 1;
            done.responses += respondents;
        }
    }
    rebuild_profiles(&mut tx, tenant).await?;
    sqlx::query(
        "UPDATE survey SET held = (SELECT COUNT(*) FROM survey_response r WHERE r.tenant_id = survey.tenant_id
            AND r.survey_id = survey.id AND r.hold = 'burst') WHERE tenant_id = $1",
    )
    .bind(tenant.as_str())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(done)
}

/// Every (field, value) a profile count may have, the channel included, in a fixed order.
fn profile_keys() -> Vec<(&'static str, &'static str)> {
    let mut keys: Vec<(&'static str, &'static str)> =
        PROFILE.iter().flat_map(|field| field.values.iter().map(move |value| (field.code, *value))).collect();
    keys.extend([Channel::Web, Channel::Kiosk, Channel::Paper].map(|it| ("channel", it.code())));
    keys
}

/// The profile counts of every survey from the raw responses, in one pass over them.
async fn rebuild_profiles(conn: &mut Conn, tenant: &TenantId) -> Result<(), StoreError> {
    let keys = profile_keys();
    // Field names and values are our constants (domain::surveys::profile), never user input.
    let columns: Vec<String> =
        keys.iter().map(|(field, value)| format!("SUM(CASE WHEN {field} = '{value}' THEN 1 ELSE 0 END)")).collect();
    let sql = format!(
        "SELECT survey_id, {} FROM survey_response WHERE tenant_id = $1 AND counted = 1 GROUP BY survey_id",
        columns.join(", ")
    );
    let rows = sqlx::query(&sql).bind(tenant.as_str()).fetch_all(&mut *conn).await?;
    for row in rows {
        let survey: String = row.try_get(0)?;
        let mut delta = Delta::default();
        for (n, key) in keys.iter().enumerate() {
            let count: Option<i64> = row.try_get(n + 1)?;
            if let Some(count) = count.filter(|it| *it > 0) {
                delta.profile.insert(*key, count);
            }
        }
        if !delta.profile.is_empty() {
            apply_profile(conn, tenant, &survey, &delta).await?;
        }
    }
    Ok(())
}
