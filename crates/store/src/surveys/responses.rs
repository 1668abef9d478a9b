//! Storing responses: one from a phone or a kiosk, or a file of paper forms; each changes the survey's totals in
//! the same transaction, and the thank-you page (or the import's summary) is shown only after the commit.

use domain::surveys::abuse::{self, Arrival};
use domain::surveys::response::Response;
use serde_json::json;

use super::aggregates::{self, Delta};
use super::{Channel, Survey};
use crate::audit::{self, Change};
use crate::sql::Sql;
use crate::{ActionCx, Conn, StoreError};

/// Where a single response came from, with what the abuse rules need.
#[derive(Clone, Debug)]
pub enum Source {
    /// A phone or browser: digests of its device cookie and network address, and the unit's local date.
    Web {
        /// Digest of the device cookie.
        device: String,
        /// Digest of the network address.
        address: String,
        /// The day in the unit's zone, `2026-11-23`.
        day: String,
    },
    /// A kiosk by id.
    Kiosk {
        /// Kiosk id.
        kiosk_id: String,
    },
}

/// What became of a response.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stored {
    /// In the totals.
    Counted,
    /// Stored, held for staff review (too many too fast).
    Held,
    /// Refused: this device already answered for this service today.
    AlreadyToday,
    /// Refused: the survey is closed.
    Closed,
}

const RESPONSE_COLUMNS: &str = "tenant_id, id, survey_id, submitted_at_ms, channel, kiosk_id, u1, u2, u3, u4, u5, u6, \
                                u7, u8, u9, sex, age, education, occupation, time_slot, suggestion, address_digest, \
                                respondent_ref, import_id, counted, hold";

struct NewResponse<'a> {
    id: String,
    channel: Channel,
    kiosk_id: Option<&'a str>,
    response: &'a Response,
    address: Option<&'a str>,
    respondent_ref: Option<&'a str>,
    import_id: Option<&'a str>,
    held: bool,
}

async fn insert(
    conn: &mut Conn,
    cx: &ActionCx<'_>,
    survey: &Survey,
    rows: &[NewResponse<'_>],
) -> Result<(), StoreError> {
    let mut sql = Sql::new(&format!("INSERT INTO survey_response ({RESPONSE_COLUMNS}) VALUES "));
    sql.values(rows, |tuple, row| {
        tuple
            .bind(cx.tenant.as_str())
            .bind(&row.id)
            .bind(&survey.id)
            .bind(cx.now_ms())
            .bind(row.channel.code())
            .bind(row.kiosk_id);
        for answer in row.response.answers {
            tuple.bind(answer.map(i64::from));
        }
        for value in row.response.profile {
            tuple.bind(value);
        }
        tuple
            .bind(row.response.suggestion.as_deref())
            .bind(row.address)
            .bind(row.respondent_ref)
            .bind(row.import_id)
            .bind(i64::from(!row.held))
            .bind(row.held.then_some("burst"));
    });
    sql.execute(conn).await?;
    Ok(())
}

async fn still_open(conn: &mut Conn, cx: &ActionCx<'_>, survey: &Survey) -> Result<bool, StoreError> {
    let state: Option<(String,)> = sqlx::query_as("SELECT state FROM survey WHERE tenant_id = $1 AND id = $2")
        .bind(cx.tenant.as_str())
        .bind(&survey.id)
        .fetch_optional(conn)
        .await?;
    Ok(state.is_some_and(|(it,)| it == "open"))
}

/// Stores one response from a phone or a kiosk.
pub async fn submit(
    cx: &ActionCx<'_>,
    survey: &Survey,
    source: &Source,
    response: &Response,
) -> Result<Stored, StoreError> {
    let mut tx = cx.db.begin_write().await?;
    if !still_open(&mut tx, cx, survey).await? {
        return Ok(Stored::Closed);
    }
    let Some(arrival) = arrive(&mut tx, cx, survey, source).await? else { return Ok(Stored::AlreadyToday) };
    let held = abuse::is_burst(arrival);
    let (channel, kiosk_id, address) = match source {
        Source::Web { address, .. } => (Channel::Web, None, Some(address.as_str())),
        Source::Kiosk { kiosk_id } => (Channel::Kiosk, Some(kiosk_id.as_str()), None),
    };
    let row = NewResponse {
        id: cx.ids.new_id(),
        channel,
        kiosk_id,
        response,
        address,
        respondent_ref: None,
        import_id: None,
        held,
    };
    insert(&mut tx, cx, survey, &[row]).await?;
    if held {
        sqlx::query("UPDATE survey SET held = held + 1 WHERE tenant_id = $1 AND id = $2")
            .bind(cx.tenant.as_str())
            .bind(&survey.id)
            .execute(&mut *tx)
            .await?;
    } else {
        let mut delta = Delta::default();
        delta.add(response, channel, 1);
        aggregates::update_totals(&mut tx, cx.tenant, &survey.id, &delta).await?;
    }
    tx.commit().await?;
    Ok(if held { Stored::Held } else { Stored::Counted })
}

/// What the abuse rules need about an arriving response; `None` when the device already answered today.
async fn arrive(
    tx: &mut Conn,
    cx: &ActionCx<'_>,
    survey: &Survey,
    source: &Source,
) -> Result<Option<Arrival>, StoreError> {
    Ok(Some(match source {
        Source::Web { device, address, day } => {
            let claimed = sqlx::query(
                "INSERT INTO survey_device_day (tenant_id, service_id, day, device_digest) VALUES ($1, $2, $3, $4)
                 ON CONFLICT DO NOTHING",
            )
            .bind(cx.tenant.as_str())
            .bind(&survey.service_id)
            .bind(day)
            .bind(device)
            .execute(&mut *tx)
            .await?;
            if claimed.rows_affected() == 0 {
                return Ok(None);
            }
            let (recent,): (i64,) = sqlx::query_as(
                "SELECT COUNT(*) FROM survey_response WHERE tenant_id = $1 AND survey_id = $2 AND address_digest = $3
                 AND submitted_at_ms > $4",
            )
            .bind(cx.tenant.as_str())
            .bind(&survey.id)
            .bind(address)
            .bind(cx.now_ms() - abuse::WINDOW_MS)
            .fetch_one(&mut *tx)
            .await?;
            Arrival::Web { same_address_recently: u64::try_from(recent).unwrap_or(0) }
        }
        Source::Kiosk { kiosk_id } => {
            let last: Option<(Option<i64>,)> =
                sqlx::query_as("SELECT last_response_at_ms FROM survey_kiosk WHERE tenant_id = $1 AND id = $2")
                    .bind(cx.tenant.as_str())
                    .bind(kiosk_id)
                    .fetch_optional(&mut *tx)
                    .await?;
            sqlx::query("UPDATE survey_kiosk SET last_response_at_ms = $1 WHERE tenant_id = $2 AND id = $3")
                .bind(cx.now_ms())
                .bind(cx.tenant.as_str())
                .bind(kiosk_id)
                .execute(&mut *tx)
                .await?;
            Arrival::Kiosk { since_previous_ms: last.and_then(|(it,)| it).map(|at| cx.now_ms() - at) }
        }
    }))
}

/// What an import stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    /// Import id (every response carries it).
    pub import_id: String,
    /// Responses stored.
    pub count: usize,
}

/// Rows per INSERT statement (26 values each stays under SQLite's 32 766 parameters).
const CHUNK: usize = 500;

/// Stores a file of paper forms, all or nothing; `rows` are already checked (respondent id, response).
pub async fn import(
    cx: &ActionCx<'_>,
    survey: &Survey,
    file_name: &str,
    rows: &[(String, Response)],
) -> Result<Imported, StoreError> {
    import_as(cx, survey, (Channel::Paper, file_name), rows).await
}

/// [`import`] under another channel: the demo data stands for phone answers.
pub(crate) async fn import_as(
    cx: &ActionCx<'_>,
    survey: &Survey,
    (channel, file_name): (Channel, &str),
    rows: &[(String, Response)],
) -> Result<Imported, StoreError> {
    let import_id = cx.ids.new_id();
    let mut tx = cx.db.begin_write().await?;
    refuse_known_respondents(&mut tx, cx, survey, rows).await?;
    let mut delta = Delta::default();
    for chunk in rows.chunks(CHUNK) {
        let new: Vec<NewResponse<'_>> = chunk
            .iter()
            .map(|(respondent, response)| {
                delta.add(response, channel, 1);
                NewResponse {
                    id: cx.ids.new_id(),
                    channel,
                    kiosk_id: None,
                    response,
                    address: None,
                    respondent_ref: Some(respondent.as_str()),
                    import_id: Some(import_id.as_str()),
                    held: false,
                }
            })
            .collect();
        insert(&mut tx, cx, survey, &new).await?;
    }
    aggregates::update_totals(&mut tx, cx.tenant, &survey.id, &delta).await?;
    let change = Change {
        action: "survey.import",
        entity_type: "survey",
        entity_id: survey.id.clone(),
        before: None,
        after: Some(json!({ "import_id": import_id, "file": file_name, "responses": rows.len() })),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(Imported { import_id, count: rows.len() })
}

/// A file imported twice would count its forms twice: respondent ids already stored for the survey are refused.
async fn refuse_known_respondents(
    conn: &mut Conn,
    cx: &ActionCx<'_>,
    survey: &Survey,
    rows: &[(String, Response)],
) -> Result<(), StoreError> {
    let mut known = Vec::new();
    for chunk in rows.chunks(CHUNK) {
        let mut sql = Sql::new("SELECT respondent_ref FROM survey_response WHERE tenant_id = ");
        sql.bind(cx.tenant.as_str()).push(" AND survey_id = ").bind(&survey.id);
        sql.push(" AND respondent_ref IN (").bind_list(chunk.iter().map(|(respondent, _)| respondent)).push(")");
        known.extend(sql.fetch_all::<(String,)>(&mut *conn).await?.into_iter().map(|(it,)| it));
    }
    if known.is_empty() {
        return Ok(());
    }
    known.sort();
    Err(StoreError::Invalid(
        known
            .into_iter()
            .take(50)
            .map(|given| domain::problems::FieldProblem {
                field: "responden",
                problem: domain::problems::Problem::Taken { given },
            })
            .collect(),
    ))
}
