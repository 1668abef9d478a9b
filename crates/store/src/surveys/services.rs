//! Services (jenis layanan): defined by a unit, each surveyed on its own.

use domain::ids::{TenantId, UnitId};
use domain::problems::{FieldProblem, Problem, Problems, optional_text, required_text};
use serde_json::json;

use super::Service;
use super::rows::{SERVICE_COLUMNS, ServiceRow};
use crate::audit::{self, Change};
use crate::{ActionCx, Conn, StoreError};

/// A service as typed.
#[derive(Clone, Debug, Default)]
pub struct RawService {
    /// Unit id.
    pub unit_id: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Yearly service users, empty when unknown.
    pub population: String,
    /// Whether it is offered.
    pub active: bool,
}

/// Largest population a unit may declare.
pub const POPULATION_MAX: i64 = 100_000_000;

/// Parses a declared population: empty is `None`.
pub fn parse_population(problems: &mut Problems, field: &'static str, raw: &str) -> Option<u64> {
    let text: String = raw.trim().chars().filter(|it| !matches!(it, '.' | ',' | ' ')).collect();
    if text.is_empty() {
        return None;
    }
    match text.parse::<i64>() {
        Ok(n) if (1..=POPULATION_MAX).contains(&n) => u64::try_from(n).ok(),
        _ => {
            problems.add(field, Problem::OutOfRange { min: 1, max: POPULATION_MAX });
            None
        }
    }
}

fn parse(raw: &RawService) -> Result<Service, Vec<FieldProblem>> {
    let mut problems = Problems::default();
    let name = required_text(&mut problems, "name", &raw.name, 120);
    let description = optional_text(&mut problems, "description", &raw.description, 500).unwrap_or_default();
    let population = parse_population(&mut problems, "population", &raw.population);
    if raw.unit_id.trim().is_empty() {
        problems.add("unit_id", Problem::Required);
    }
    problems.finish(|| Service {
        id: String::new(),
        unit_id: UnitId::new(raw.unit_id.trim().to_owned()),
        name,
        description,
        population,
        active: raw.active,
    })
}

fn doc(service: &Service) -> serde_json::Value {
    json!({ "unit_id": service.unit_id.as_str(), "name": service.name, "description": service.description,
        "population": service.population, "active": service.active })
}

/// Refuses a unit that does not exist, as a problem of the `unit_id` field.
pub(crate) async fn check_unit(conn: &mut Conn, tenant: &TenantId, unit: &UnitId) -> Result<(), StoreError> {
    match crate::org::queries::load_unit(conn, tenant, unit).await {
        Err(StoreError::NotFound) => Err(StoreError::Invalid(vec![FieldProblem {
            field: "unit_id",
            problem: Problem::NotFound { given: unit.as_str().to_owned() },
        }])),
        other => other.map(|_| ()),
    }
}

fn taken(name: &str) -> StoreError {
    StoreError::Invalid(vec![FieldProblem { field: "name", problem: Problem::Taken { given: name.to_owned() } }])
}

/// Defines a service.
pub async fn create(cx: &ActionCx<'_>, raw: &RawService) -> Result<Service, StoreError> {
    let mut service = parse(raw).map_err(StoreError::Invalid)?;
    service.id = cx.ids.new_id();
    let mut tx = cx.db.begin_write().await?;
    check_unit(&mut tx, cx.tenant, &service.unit_id).await?;
    let inserted = sqlx::query(
        "INSERT INTO survey_service (tenant_id, id, unit_id, name, description, population, active, created_at_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(cx.tenant.as_str())
    .bind(&service.id)
    .bind(service.unit_id.as_str())
    .bind(&service.name)
    .bind(&service.description)
    .bind(service.population.and_then(|it| i64::try_from(it).ok()))
    .bind(i64::from(service.active))
    .bind(cx.now_ms())
    .execute(&mut *tx)
    .await;
    if let Err(sqlx::Error::Database(db)) = &inserted
        && db.is_unique_violation()
    {
        return Err(taken(&service.name));
    }
    inserted?;
    let change = Change {
        action: "survey_service.create",
        entity_type: "survey_service",
        entity_id: service.id.clone(),
        before: None,
        after: Some(doc(&service)),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(service)
}

/// Changes a service (its unit stays).
pub async fn update(cx: &ActionCx<'_>, id: &str, raw: &RawService) -> Result<Service, StoreError> {
    let mut tx = cx.db.begin_write().await?;
    let before = load(&mut tx, cx.tenant, id).await?;
    let mut after = parse(&RawService { unit_id: before.unit_id.as_str().to_owned(), ..raw.clone() })
        .map_err(StoreError::Invalid)?;
    after.id = before.id.clone();
    let updated = sqlx::query(
        "UPDATE survey_service SET name = $1, description = $2, population = $3, active = $4
         WHERE tenant_id = $5 AND id = $6",
    )
    .bind(&after.name)
    .bind(&after.description)
    .bind(after.population.and_then(|it| i64::try_from(it).ok()))
    .bind(i64::from(after.active))
    .bind(cx.tenant.as_str())
    .bind(id)
    .execute(&mut *tx)
    .await;
    if let Err(sqlx::Error::Database(db)) = &updated
        && db.is_unique_violation()
    {
        return Err(taken(&after.name));
    }
    updated?;
    let change = Change {
        action: "survey_service.update",
        entity_type: "survey_service",
        entity_id: id.to_owned(),
        before: Some(doc(&before)),
        after: Some(doc(&after)),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(after)
}

/// One service.
pub async fn load(conn: &mut Conn, tenant: &TenantId, id: &str) -> Result<Service, StoreError> {
    let sql = format!("SELECT {SERVICE_COLUMNS} FROM survey_service WHERE tenant_id = $1 AND id = $2");
    let row: Option<ServiceRow> = sqlx::query_as(&sql).bind(tenant.as_str()).bind(id).fetch_optional(conn).await?;
    row.map(Service::from).ok_or(StoreError::NotFound)
}

/// Every service of the tenant, by unit and name.
pub async fn list(conn: &mut Conn, tenant: &TenantId) -> Result<Vec<Service>, StoreError> {
    let sql = format!("SELECT {SERVICE_COLUMNS} FROM survey_service WHERE tenant_id = $1 ORDER BY unit_id, name");
    let rows: Vec<ServiceRow> = sqlx::query_as(&sql).bind(tenant.as_str()).fetch_all(conn).await?;
    Ok(rows.into_iter().map(Service::from).collect())
}
