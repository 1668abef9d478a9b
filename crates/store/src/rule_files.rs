//! A Pemda's edited copy of a rules file Pantau ships: the kinds of leaders' decisions and their deadlines, and a
//! year's PEKPPP instrument (weights, ladders and categories the reference marks as partly confirmed). The copy is
//! stored whole once its parser accepted it, audited with the text before and after; without one the shipped file
//! is in force, and going back to it deletes the copy.

use domain::evaluation::{Instrument, SHIPPED_2025};
use domain::ids::TenantId;
use domain::scorecards::decisions::{self, Kinds};
use serde_json::json;

use crate::audit::{self, Change};
use crate::{ActionCx, Conn, Refusal, StoreError};

/// The decision kinds' file.
pub const DECISION_KINDS: &str = "watch_decisions";

/// The PEKPPP instrument file of a year.
pub fn pekppp(year: i16) -> String {
    format!("pekppp-{year}")
}

/// A Pemda's copy of a file, if it keeps one.
pub async fn find_rule_file(conn: &mut Conn, tenant: &TenantId, name: &str) -> Result<Option<String>, StoreError> {
    let row: Option<(String,)> = sqlx::query_as("SELECT body FROM rule_file WHERE tenant_id = $1 AND name = $2")
        .bind(tenant.as_str())
        .bind(name)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(|(body,)| body))
}

/// Stores a Pemda's copy after `check` accepted it, or (`None`) deletes it so that the shipped file is in force.
/// `shipped` is what the audit entry shows as the text of a Pemda without a copy.
pub async fn save_rule_file(
    cx: &ActionCx<'_>,
    (name, shipped): (&str, &str),
    body: Option<&str>,
    check: impl FnOnce(&str) -> Result<(), String>,
) -> Result<(), StoreError> {
    if let Some(body) = body {
        check(body).map_err(Refusal::RuleFile)?;
    }
    let mut tx = cx.db.begin_write().await?;
    let before = find_rule_file(&mut tx, cx.tenant, name).await?;
    match body {
        Some(body) => {
            sqlx::query(
                "INSERT INTO rule_file (tenant_id, name, body, updated_by, updated_at_ms) VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (tenant_id, name) DO UPDATE SET body = excluded.body, updated_by = excluded.updated_by,
                    updated_at_ms = excluded.updated_at_ms",
            )
            .bind(cx.tenant.as_str())
            .bind(name)
            .bind(body)
            .bind(cx.actor.user_id())
            .bind(cx.now_ms())
            .execute(&mut *tx)
            .await?;
        }
        None => {
            sqlx::query("DELETE FROM rule_file WHERE tenant_id = $1 AND name = $2")
                .bind(cx.tenant.as_str())
                .bind(name)
                .execute(&mut *tx)
                .await?;
        }
    }
    let change = Change {
        action: if body.is_some() { "rule_file.save" } else { "rule_file.reset" },
        entity_type: "rule_file",
        entity_id: name.to_owned(),
        before: Some(json!({ "body": before.as_deref().unwrap_or(shipped), "edited": before.is_some() })),
        after: Some(json!({ "body": body.unwrap_or(shipped), "edited": body.is_some() })),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(())
}

/// Checks a decision-kinds file.
pub fn check_decision_kinds(text: &str) -> Result<(), String> {
    Kinds::parse(text).map(drop).map_err(|err| err.to_string())
}

/// The kinds of decision in force for a Pemda: its copy, or the shipped file.
pub async fn load_decision_kinds(conn: &mut Conn, tenant: &TenantId) -> Result<Kinds, StoreError> {
    match find_rule_file(conn, tenant, DECISION_KINDS).await? {
        Some(body) => Kinds::parse(&body).map_err(|err| StoreError::corrupt("rule_file", err.to_string())),
        None => Ok(decisions::shipped().clone()),
    }
}

/// The instrument Pantau ships for evaluation year `year`: the 2025 one until a newer year ships.
pub fn shipped_instrument_text(_year: i16) -> &'static str {
    SHIPPED_2025
}

/// Checks a Pemda's copy of the instrument of `year`: a valid instrument with the shipped one's year and codes.
pub fn check_instrument(year: i16, text: &str) -> Result<(), String> {
    let shipped = Instrument::parse(shipped_instrument_text(year)).map_err(|err| err.to_string())?;
    let copy = Instrument::parse(text).map_err(|err| err.to_string())?;
    copy.check_copy_of(&shipped).map_err(|err| err.to_string())
}

/// The instrument a Pemda's units are judged by in `year`: its copy, or the shipped one.
pub async fn load_instrument(conn: &mut Conn, tenant: &TenantId, year: i16) -> Result<Instrument, StoreError> {
    let shipped = shipped_instrument_text(year);
    let name = pekppp(Instrument::parse(shipped).map_or(year, |it| it.header.year));
    let body = find_rule_file(conn, tenant, &name).await?;
    Instrument::parse(body.as_deref().unwrap_or(shipped))
        .map_err(|err| StoreError::corrupt("rule_file", err.to_string()))
}
