//! What the report pages read: the running totals of a set of surveys (a few rows each), never the responses.

use std::collections::BTreeMap;

use domain::ids::TenantId;

use domain::surveys::report::{self, Summary};

use super::Survey;
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

/// Counts of several surveys together; an element counts only in surveys where it applies.
pub struct Merged {
    /// Answer counts of the applicable elements.
    pub counts: Counts,
    /// Elements applicable in at least one survey.
    pub applicable: [bool; 9],
    /// Respondents counted.
    pub respondents: u64,
    /// Responses held for review.
    pub held: u64,
    /// The declared populations added up, when every survey declares one.
    pub population: Option<u64>,
}

/// Adds up the totals of surveys (an element counts only where it applies).
pub fn merge<'a>(surveys: impl Iterator<Item = &'a Survey>, totals: &BTreeMap<String, Totals>) -> Merged {
    let mut merged =
        Merged { counts: [[0; 4]; 9], applicable: [false; 9], respondents: 0, held: 0, population: Some(0) };
    let mut any = false;
    for survey in surveys {
        any = true;
        let applicable = survey.applicable();
        if let Some(totals) = totals.get(&survey.id) {
            let mut counts = totals.counts;
            for (n, row) in counts.iter_mut().enumerate() {
                if !applicable[n] {
                    *row = [0; 4];
                }
            }
            report::add(&mut merged.counts, &counts);
        }
        for (slot, it) in merged.applicable.iter_mut().zip(applicable) {
            *slot |= it;
        }
        merged.respondents += survey.respondents;
        merged.held += survey.held;
        merged.population = merged.population.zip(survey.population).map(|(a, b)| a + b);
    }
    if !any {
        merged.population = None;
    }
    merged
}

/// The report figures of merged surveys.
pub fn summarize(merged: &Merged) -> Summary {
    report::summarize(&merged.counts, merged.respondents, &merged.applicable, merged.population)
}
