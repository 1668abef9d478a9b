//! Row structs of the survey tables and their conversion to records.

use domain::ids::UnitId;
use domain::surveys::Period;

use super::{Service, Survey};
use crate::StoreError;

pub(crate) const SERVICE_COLUMNS: &str = "id, unit_id, name, description, population, active";

#[derive(sqlx::FromRow)]
pub(crate) struct ServiceRow {
    pub id: String,
    pub unit_id: String,
    pub name: String,
    pub description: String,
    pub population: Option<i64>,
    pub active: i64,
}

impl From<ServiceRow> for Service {
    fn from(row: ServiceRow) -> Service {
        Service {
            id: row.id,
            unit_id: UnitId::new(row.unit_id),
            name: row.name,
            description: row.description,
            population: row.population.and_then(|it| u64::try_from(it).ok()),
            active: row.active != 0,
        }
    }
}

pub(crate) const SURVEY_COLUMNS: &str = "id, service_id, unit_id, period, code, state, not_applicable, population, \
                                         respondents, held, created_at_ms";

#[derive(sqlx::FromRow)]
pub(crate) struct SurveyRow {
    pub id: String,
    pub service_id: String,
    pub unit_id: String,
    pub period: String,
    pub code: String,
    pub state: String,
    pub not_applicable: String,
    pub population: Option<i64>,
    pub respondents: i64,
    pub held: i64,
    pub created_at_ms: i64,
}

impl TryFrom<SurveyRow> for Survey {
    type Error = StoreError;
    fn try_from(row: SurveyRow) -> Result<Survey, StoreError> {
        let period = Period::parse(&row.period).ok_or_else(|| StoreError::corrupt("survey", row.period.clone()))?;
        let (version, not_applicable) = crate::docs::read(&row.not_applicable, "survey")?;
        crate::docs::known(version, NOT_APPLICABLE_VERSION, "survey")?;
        Ok(Survey {
            id: row.id,
            service_id: row.service_id,
            unit_id: UnitId::new(row.unit_id),
            period,
            code: row.code,
            open: row.state == "open",
            not_applicable,
            population: row.population.and_then(|it| u64::try_from(it).ok()),
            respondents: u64::try_from(row.respondents).unwrap_or(0),
            held: u64::try_from(row.held).unwrap_or(0),
            created_at_ms: row.created_at_ms,
        })
    }
}

/// Newest version of `survey.not_applicable` (element code → reason).
const NOT_APPLICABLE_VERSION: u32 = 1;

/// The stored text of the elements that do not apply.
pub(super) fn write_not_applicable(reasons: &std::collections::BTreeMap<String, String>) -> String {
    crate::docs::write(NOT_APPLICABLE_VERSION, reasons)
}
