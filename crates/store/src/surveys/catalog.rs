//! Surveys: opened per service and period, with the elements that do not apply and the declared population; closed
//! when the period's collection ends.

use std::collections::BTreeMap;

use domain::ids::TenantId;
use domain::problems::{FieldProblem, Problem, Problems, required_text};
use domain::surveys::{ELEMENTS, Period};
use serde_json::json;

use super::rows::{SURVEY_COLUMNS, SurveyRow};
use super::services::parse_population;
use super::{Survey, services};
use crate::audit::{self, Change};
use crate::sql::Sql;
use crate::{ActionCx, Conn, StoreError};

/// A survey as typed.
#[derive(Clone, Debug, Default)]
pub struct RawSurvey {
    /// Service id.
    pub service_id: String,
    /// Period code, `2026-T4`.
    pub period: String,
    /// Service users in the period; empty takes nothing.
    pub population: String,
}

/// The settings that may change while a survey runs.
#[derive(Clone, Debug, Default)]
pub struct RawSettings {
    /// Service users in the period; empty for unknown.
    pub population: String,
    /// Per element, the reason it does not apply; empty when it applies.
    pub not_applicable: [String; 9],
}

/// Characters of a short-link code: no 0/o, 1/l/i, so a code read off a poster is typed right.
const CODE_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";

fn short_code(bytes: [u8; 32]) -> String {
    use sha2::Digest;
    // Hashed first: every byte of the digest varies, whatever the id source put where.
    sha2::Sha256::digest(bytes)
        .iter()
        .take(7)
        .map(|it| char::from(CODE_ALPHABET[usize::from(*it) % CODE_ALPHABET.len()]))
        .collect()
}

fn doc(survey: &Survey) -> serde_json::Value {
    json!({ "service_id": survey.service_id, "period": survey.period.code(), "code": survey.code,
        "open": survey.open, "not_applicable": survey.not_applicable, "population": survey.population })
}

fn invalid(field: &'static str, problem: Problem) -> StoreError {
    StoreError::Invalid(vec![FieldProblem { field, problem }])
}

/// Opens a survey of a service for a period.
pub async fn open(cx: &ActionCx<'_>, raw: &RawSurvey) -> Result<Survey, StoreError> {
    let mut problems = Problems::default();
    let period = Period::parse(&raw.period);
    if period.is_none() {
        problems.add("period", Problem::Malformed { given: raw.period.trim().to_owned() });
    }
    let population = parse_population(&mut problems, "population", &raw.population);
    let period = problems.finish(|| period).map_err(StoreError::Invalid)?.ok_or(StoreError::NotFound)?;
    let mut tx = cx.db.begin_write().await?;
    let service = match services::load(&mut tx, cx.tenant, raw.service_id.trim()).await {
        Ok(service) if service.active => service,
        Ok(_) | Err(StoreError::NotFound) => {
            return Err(invalid("service_id", Problem::NotFound { given: raw.service_id.trim().to_owned() }));
        }
        Err(err) => return Err(err),
    };
    let existing: Option<(String,)> =
        sqlx::query_as("SELECT id FROM survey WHERE tenant_id = $1 AND service_id = $2 AND period = $3")
            .bind(cx.tenant.as_str())
            .bind(&service.id)
            .bind(period.code())
            .fetch_optional(&mut *tx)
            .await?;
    if existing.is_some() {
        return Err(invalid("period", Problem::Taken { given: period.code() }));
    }
    let survey = Survey {
        id: cx.ids.new_id(),
        service_id: service.id.clone(),
        unit_id: service.unit_id.clone(),
        period,
        code: short_code(cx.ids.secret()),
        open: true,
        not_applicable: BTreeMap::new(),
        population: population.or(service.population.map(|year| year.div_ceil(u64::from(period.kind.per_year())))),
        respondents: 0,
        held: 0,
        created_at_ms: cx.now_ms(),
    };
    insert(&mut tx, cx, &survey).await?;
    let change = Change {
        action: "survey.open",
        entity_type: "survey",
        entity_id: survey.id.clone(),
        before: None,
        after: Some(doc(&survey)),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(survey)
}

async fn insert(conn: &mut Conn, cx: &ActionCx<'_>, survey: &Survey) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO survey (tenant_id, id, service_id, unit_id, period, period_kind, code, state, not_applicable,
            population, respondents, held, created_by, created_at_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $11, $8, 0, 0, $9, $10)",
    )
    .bind(cx.tenant.as_str())
    .bind(&survey.id)
    .bind(&survey.service_id)
    .bind(survey.unit_id.as_str())
    .bind(survey.period.code())
    .bind(survey.period.kind.code())
    .bind(&survey.code)
    .bind(survey.population.and_then(|it| i64::try_from(it).ok()))
    .bind(cx.actor.user_id())
    .bind(survey.created_at_ms)
    .bind(super::rows::write_not_applicable(&survey.not_applicable))
    .execute(conn)
    .await?;
    Ok(())
}

/// The declared population and the elements that do not apply, with their reasons.
type Settings = (Option<u64>, BTreeMap<String, String>);

fn parse_settings(raw: &RawSettings) -> Result<Settings, Vec<FieldProblem>> {
    const FIELDS: [&str; 9] = ["na_u1", "na_u2", "na_u3", "na_u4", "na_u5", "na_u6", "na_u7", "na_u8", "na_u9"];
    let mut problems = Problems::default();
    let population = parse_population(&mut problems, "population", &raw.population);
    let mut not_applicable = BTreeMap::new();
    for (n, reason) in raw.not_applicable.iter().enumerate() {
        if !reason.trim().is_empty() {
            let reason = required_text(&mut problems, FIELDS[n], reason, 200);
            not_applicable.insert(ELEMENTS[n].code.to_owned(), reason);
        }
    }
    if not_applicable.len() == ELEMENTS.len() {
        problems.add("na_u1", Problem::OutOfRange { min: 1, max: 9 });
    }
    problems.finish(|| (population, not_applicable))
}

/// Changes the population and the elements that do not apply; the totals stay, the index leaves those out.
pub async fn update_settings(cx: &ActionCx<'_>, id: &str, raw: &RawSettings) -> Result<Survey, StoreError> {
    let (population, not_applicable) = parse_settings(raw).map_err(StoreError::Invalid)?;
    let mut tx = cx.db.begin_write().await?;
    let before = load(&mut tx, cx.tenant, id).await?;
    let after = Survey { population, not_applicable, ..before.clone() };
    sqlx::query("UPDATE survey SET population = $1, not_applicable = $2 WHERE tenant_id = $3 AND id = $4")
        .bind(after.population.and_then(|it| i64::try_from(it).ok()))
        .bind(super::rows::write_not_applicable(&after.not_applicable))
        .bind(cx.tenant.as_str())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let change = Change {
        action: "survey.settings",
        entity_type: "survey",
        entity_id: id.to_owned(),
        before: Some(doc(&before)),
        after: Some(doc(&after)),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(after)
}

/// Closes a survey to responses, or opens it again.
pub async fn set_open(cx: &ActionCx<'_>, id: &str, open: bool) -> Result<Survey, StoreError> {
    let mut tx = cx.db.begin_write().await?;
    let before = load(&mut tx, cx.tenant, id).await?;
    let after = Survey { open, ..before.clone() };
    sqlx::query("UPDATE survey SET state = $1, closed_at_ms = $2 WHERE tenant_id = $3 AND id = $4")
        .bind(if open { "open" } else { "closed" })
        .bind((!open).then(|| cx.now_ms()))
        .bind(cx.tenant.as_str())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let change = Change {
        action: if open { "survey.reopen" } else { "survey.close" },
        entity_type: "survey",
        entity_id: id.to_owned(),
        before: Some(doc(&before)),
        after: Some(doc(&after)),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(after)
}

/// One survey.
pub async fn load(conn: &mut Conn, tenant: &TenantId, id: &str) -> Result<Survey, StoreError> {
    let sql = format!("SELECT {SURVEY_COLUMNS} FROM survey WHERE tenant_id = $1 AND id = $2");
    let row: Option<SurveyRow> = sqlx::query_as(&sql).bind(tenant.as_str()).bind(id).fetch_optional(conn).await?;
    row.ok_or(StoreError::NotFound)?.try_into()
}

/// The survey behind a short link.
pub async fn find_by_code(conn: &mut Conn, tenant: &TenantId, code: &str) -> Result<Option<Survey>, StoreError> {
    let sql = format!("SELECT {SURVEY_COLUMNS} FROM survey WHERE tenant_id = $1 AND code = $2");
    let code = code.trim().to_lowercase();
    let row: Option<SurveyRow> = sqlx::query_as(&sql).bind(tenant.as_str()).bind(code).fetch_optional(conn).await?;
    row.map(Survey::try_from).transpose()
}

/// Which surveys to list.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Only these periods (codes); empty for all.
    pub periods: Vec<String>,
    /// Only these units; `None` for all.
    pub unit_ids: Option<Vec<String>>,
    /// Only this service.
    pub service_id: Option<String>,
}

/// Surveys matching a filter, newest period first.
pub async fn list(conn: &mut Conn, tenant: &TenantId, filter: &Filter) -> Result<Vec<Survey>, StoreError> {
    if filter.unit_ids.as_ref().is_some_and(Vec::is_empty) {
        return Ok(Vec::new());
    }
    let mut sql = Sql::new(&format!("SELECT {SURVEY_COLUMNS} FROM survey WHERE tenant_id = "));
    sql.bind(tenant.as_str());
    if !filter.periods.is_empty() {
        sql.push(" AND period IN (").bind_list(&filter.periods).push(")");
    }
    if let Some(units) = &filter.unit_ids {
        sql.push(" AND unit_id IN (").bind_list(units).push(")");
    }
    if let Some(service) = &filter.service_id {
        sql.push(" AND service_id = ").bind(service);
    }
    sql.push(" ORDER BY period DESC, unit_id, service_id");
    sql.fetch_all::<SurveyRow>(conn).await?.into_iter().map(Survey::try_from).collect()
}
