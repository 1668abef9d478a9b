//! A unit's PEKPPP self-assessment (F-01) in storage: the variant it is evaluated as, the levels its head enters for
//! the indicators Pantau does not measure (with a note), and evidence files per indicator, checked and cleaned as
//! complaint attachments are. The levels Pantau measures come from `measured`, never from these tables. Every
//! change is audited.

pub mod measured;

use domain::evaluation::{Instrument, Variant};
use domain::ids::{TenantId, UnitId};
use domain::problems::{FieldProblem, Problem, unsafe_text};
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::audit::{self, Change};
use crate::{ActionCx, Conn, StoreError};

/// An entered level.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Answer {
    /// The indicator.
    pub indicator_code: String,
    /// 0–5, when scored.
    pub level: Option<i64>,
    /// The head's note.
    pub note: String,
}

/// An evidence file, without its content.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Evidence {
    /// Id.
    pub id: String,
    /// The indicator.
    pub indicator_code: String,
    /// Name as uploaded.
    pub file_name: String,
    /// Media type served back.
    pub media_type: String,
    /// Bytes.
    pub size_bytes: i64,
}

fn invalid(field: &'static str, problem: Problem) -> StoreError {
    StoreError::Invalid(vec![FieldProblem { field, problem }])
}

fn entity(unit: &UnitId, year: i16) -> String {
    format!("{}/{year}", unit.as_str())
}

fn known(instrument: &Instrument, variant: Variant, code: &str) -> Result<(), StoreError> {
    if instrument.indicators(variant).iter().any(|(_, it)| it.code == code) {
        Ok(())
    } else {
        Err(invalid("indicator", Problem::UnknownCode { given: code.to_owned() }))
    }
}

/// The variant a unit is evaluated as in a year; luring (A) until its head chooses.
pub async fn find_variant(conn: &mut Conn, tenant: &TenantId, unit: &UnitId, year: i16) -> Result<Variant, StoreError> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT variant FROM pekppp_assessment WHERE tenant_id = $1 AND unit_id = $2 AND year = $3")
            .bind(tenant.as_str())
            .bind(unit.as_str())
            .bind(i64::from(year))
            .fetch_optional(conn)
            .await?;
    Ok(row.and_then(|(code,)| Variant::parse(&code)).unwrap_or(Variant::A))
}

/// Chooses the variant.
pub async fn save_variant(cx: &ActionCx<'_>, unit: &UnitId, year: i16, variant: Variant) -> Result<(), StoreError> {
    let mut tx = cx.db.begin_write().await?;
    sqlx::query(
        "INSERT INTO pekppp_assessment (tenant_id, unit_id, year, variant, updated_by, updated_at_ms)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (tenant_id, unit_id, year) DO UPDATE SET variant = excluded.variant,
            updated_by = excluded.updated_by, updated_at_ms = excluded.updated_at_ms",
    )
    .bind(cx.tenant.as_str())
    .bind(unit.as_str())
    .bind(i64::from(year))
    .bind(variant.code())
    .bind(cx.actor.user_id())
    .bind(cx.now_ms())
    .execute(&mut *tx)
    .await?;
    let change = Change {
        action: "pekppp.variant",
        entity_type: "pekppp_assessment",
        entity_id: entity(unit, year),
        before: None,
        after: Some(json!({ "variant": variant.code() })),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(())
}

/// Enters (or clears, with `None`) the level of an indicator Pantau does not measure, with a note.
pub async fn save_answer(
    cx: &ActionCx<'_>,
    instrument: &Instrument,
    (unit, year): (&UnitId, i16),
    code: &str,
    (level, note): (Option<u8>, &str),
) -> Result<(), StoreError> {
    let variant = {
        let mut conn = cx.db.conn().await?;
        find_variant(&mut conn, cx.tenant, unit, year).await?
    };
    known(instrument, variant, code)?;
    if instrument.indicators(variant).iter().any(|(_, it)| it.code == code && it.measure.is_some()) {
        return Err(invalid("indicator", Problem::NotApplicable));
    }
    if level.is_some_and(|it| it > 5) {
        return Err(invalid("level", Problem::OutOfRange { min: 0, max: 5 }));
    }
    let note = note.trim();
    if note.chars().count() > 2000 {
        return Err(invalid("note", Problem::TooLong { max: 2000 }));
    }
    if let Some(problem) = unsafe_text(note) {
        return Err(invalid("note", problem));
    }
    let mut tx = cx.db.begin_write().await?;
    sqlx::query(
        "INSERT INTO pekppp_answer (tenant_id, unit_id, year, indicator_code, level, note, updated_by, updated_at_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (tenant_id, unit_id, year, indicator_code) DO UPDATE SET level = excluded.level,
            note = excluded.note, updated_by = excluded.updated_by, updated_at_ms = excluded.updated_at_ms",
    )
    .bind(cx.tenant.as_str())
    .bind(unit.as_str())
    .bind(i64::from(year))
    .bind(code)
    .bind(level.map(i64::from))
    .bind(note)
    .bind(cx.actor.user_id())
    .bind(cx.now_ms())
    .execute(&mut *tx)
    .await?;
    let change = Change {
        action: "pekppp.answer",
        entity_type: "pekppp_assessment",
        entity_id: entity(unit, year),
        before: None,
        after: Some(json!({ "indicator": code, "level": level, "note": note })),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(())
}

/// The entered levels of a unit's year.
pub async fn list_answers(
    conn: &mut Conn,
    tenant: &TenantId,
    unit: &UnitId,
    year: i16,
) -> Result<Vec<Answer>, StoreError> {
    let mut rows: Vec<Answer> = sqlx::query_as(
        "SELECT indicator_code, level, note FROM pekppp_answer WHERE tenant_id = $1 AND unit_id = $2 AND year = $3
         ORDER BY indicator_code",
    )
    .bind(tenant.as_str())
    .bind(unit.as_str())
    .bind(i64::from(year))
    .fetch_all(conn)
    .await?;
    for row in &mut rows {
        row.level = row.level.filter(|it| (0..=5).contains(it));
    }
    Ok(rows)
}

mod evidence;
pub use evidence::{add_evidence, find_evidence_content, list_evidence};

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}
