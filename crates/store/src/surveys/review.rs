//! Responses held for review (too many from one address, or a kiosk pressed faster than a person reads), and the
//! respondents' suggestions, for staff.

use domain::ids::TenantId;
use domain::surveys::profile::PROFILE;
use domain::surveys::response::Response;
use serde_json::json;

use super::aggregates::{self, Delta};
use super::{Channel, Survey};
use crate::audit::{self, Change};
use crate::{ActionCx, Conn, StoreError};

/// A stored response as staff see it (no address, no device).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredResponse {
    /// Id.
    pub id: String,
    /// When it arrived.
    pub submitted_at_ms: i64,
    /// Channel code.
    pub channel: String,
    /// The response.
    pub response: Response,
    /// `burst` while held, `ditolak` once set aside, `None` when counted.
    pub hold: Option<String>,
}

type ResponseRow = (String, i64, String, [Option<i64>; 9], [Option<String>; 5], Option<String>, Option<String>);

const COLUMNS: &str = "id, submitted_at_ms, channel, u1, u2, u3, u4, u5, u6, u7, u8, u9, sex, age, education, \
                       occupation, time_slot, suggestion, hold";

fn decode(row: &sqlx::any::AnyRow) -> Result<ResponseRow, StoreError> {
    use sqlx::Row;
    let answers: [Option<i64>; 9] = [
        row.try_get(3)?,
        row.try_get(4)?,
        row.try_get(5)?,
        row.try_get(6)?,
        row.try_get(7)?,
        row.try_get(8)?,
        row.try_get(9)?,
        row.try_get(10)?,
        row.try_get(11)?,
    ];
    let profile: [Option<String>; 5] =
        [row.try_get(12)?, row.try_get(13)?, row.try_get(14)?, row.try_get(15)?, row.try_get(16)?];
    Ok((row.try_get(0)?, row.try_get(1)?, row.try_get(2)?, answers, profile, row.try_get(17)?, row.try_get(18)?))
}

fn to_stored(row: ResponseRow) -> StoredResponse {
    let (id, submitted_at_ms, channel, answers, profile, suggestion, hold) = row;
    let profile = std::array::from_fn(|n| {
        profile[n].as_deref().and_then(|given| PROFILE[n].values.iter().find(|it| **it == given).copied())
    });
    StoredResponse {
        id,
        submitted_at_ms,
        channel,
        response: Response {
            answers: answers.map(|it| it.and_then(|v| u8::try_from(v).ok()).filter(|v| (1..=4).contains(v))),
            profile,
            suggestion,
        },
        hold,
    }
}

/// Responses of a survey: those held (`held_only`), or the newest with a suggestion.
pub async fn list(
    conn: &mut Conn,
    tenant: &TenantId,
    survey_id: &str,
    held_only: bool,
    limit: i64,
) -> Result<Vec<StoredResponse>, StoreError> {
    let filter = if held_only { "hold = 'burst'" } else { "suggestion IS NOT NULL AND counted = 1" };
    let sql = format!(
        "SELECT {COLUMNS} FROM survey_response WHERE tenant_id = $1 AND survey_id = $2 AND {filter}
         ORDER BY submitted_at_ms DESC LIMIT $3"
    );
    let rows = sqlx::query(&sql).bind(tenant.as_str()).bind(survey_id).bind(limit).fetch_all(conn).await?;
    rows.iter().map(|row| decode(row).map(to_stored)).collect()
}

/// Counts a held response in after all, or sets it aside for good.
pub async fn decide(cx: &ActionCx<'_>, survey: &Survey, response_id: &str, accept: bool) -> Result<(), StoreError> {
    let mut tx = cx.db.begin_write().await?;
    let sql = format!("SELECT {COLUMNS} FROM survey_response WHERE tenant_id = $1 AND survey_id = $2 AND id = $3");
    let row = sqlx::query(&sql)
        .bind(cx.tenant.as_str())
        .bind(&survey.id)
        .bind(response_id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StoreError::NotFound)?;
    let stored = to_stored(decode(&row)?);
    if stored.hold.as_deref() != Some("burst") {
        return Err(StoreError::NotFound);
    }
    sqlx::query("UPDATE survey_response SET counted = $1, hold = $2 WHERE tenant_id = $3 AND id = $4")
        .bind(i64::from(accept))
        .bind((!accept).then_some("ditolak"))
        .bind(cx.tenant.as_str())
        .bind(response_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE survey SET held = held - 1 WHERE tenant_id = $1 AND id = $2")
        .bind(cx.tenant.as_str())
        .bind(&survey.id)
        .execute(&mut *tx)
        .await?;
    if accept {
        let channel = if stored.channel == "kiosk" { Channel::Kiosk } else { Channel::Web };
        let mut delta = Delta::default();
        delta.add(&stored.response, channel, 1);
        aggregates::update_totals(&mut tx, cx.tenant, &survey.id, &delta).await?;
    }
    let change = Change {
        action: if accept { "survey_response.accept" } else { "survey_response.reject" },
        entity_type: "survey_response",
        entity_id: response_id.to_owned(),
        before: Some(json!({ "hold": "burst" })),
        after: Some(json!({ "survey_id": survey.id, "counted": accept })),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(())
}
