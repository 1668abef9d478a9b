//! What the report pages read: the running totals of a set of surveys (a few rows each), never the responses.

use std::collections::BTreeMap;

use domain::ids::TenantId;

use super::aggregates::Counts;
use crate::sql::Sql;
use crate::{Conn, StoreError};

/// The totals of one survey.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Answer counts per element and value.
    pub counts: Counts,
    /// Count per (profile field, answer code); the field `channel` counts web, kiosk and paper.
    pub profile: BTreeMap<(String, String), u64>,
}

/// Surveys per query: far below either engine's limit on parameters.
const CHUNK: usize = 400;

/// The totals of these surveys (surveys without any response are absent).
pub async fn list_totals(
    conn: &mut Conn,
    tenant: &TenantId,
    survey_ids: &[String],
    with_profile: bool,
) -> Result<BTreeMap<String, Totals>, StoreError> {
    let mut out: BTreeMap<String, Totals> = BTreeMap::new();
    for chunk in survey_ids.chunks(CHUNK) {
        let mut sql = Sql::new("SELECT survey_id, element, n1, n2, n3, n4 FROM survey_tally WHERE tenant_id = ");
        sql.bind(tenant.as_str()).push(" AND survey_id IN (").bind_list(chunk).push(")");
        let rows: Vec<(String, i64, i64, i64, i64, i64)> = sql.fetch_all(&mut *conn).await?;
        for (survey, element, n1, n2, n3, n4) in rows {
            let Some(slot) = usize::try_from(element - 1).ok().filter(|it| *it < 9) else {
                return Err(StoreError::corrupt("survey_tally", format!("element {element}")));
            };
            let counts = [n1, n2, n3, n4].map(|it| u64::try_from(it).unwrap_or(0));
            out.entry(survey).or_default().counts[slot] = counts;
        }
        if !with_profile {
            continue;
        }
        let mut sql = Sql::new("SELECT survey_id, field, value, n FROM survey_profile_count WHERE tenant_id = ");
        sql.bind(tenant.as_str()).push(" AND survey_id IN (").bind_list(chunk).push(")");
        let rows: Vec<(String, String, String, i64)> = sql.fetch_all(&mut *conn).await?;
        for (survey, field, value, n) in rows {
            if n > 0 {
                out.entry(survey).or_default().profile.insert((field, value), u64::try_from(n).unwrap_or(0));
            }
        }
    }
    Ok(out)
}
