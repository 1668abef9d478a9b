//! The figures behind the PEKPPP indicators Pantau measures, for one unit (alone) and one evaluation year as it
//! stood at the end of a day: complaints received and closed and the median working days to the first answer (from
//! the scorecard sums), the year's SKM (held, sample, follow-up plans and how long they took) and the leaders'
//! decisions about the unit. `Figures::level` turns them into ladder levels with `domain::evaluation::measured`.

use domain::evaluation::measured::{self, Accountability, Measure};
use domain::ids::{TenantId, UnitId};
use domain::org::UnitTree;
use domain::scorecards::period::ScorePeriod;
use jiff::civil::Date;

use crate::scorecards::cards::load_unit_card;
use crate::scorecards::reader::Reader;
use crate::{Conn, StoreError};

/// What Pantau knows of a unit's year.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Figures {
    /// Complaints, aspirations and information requests received in the year.
    pub received: i64,
    /// Closed in the year.
    pub closed: i64,
    /// Median working days from distribution to the first answer.
    pub median_answer_days: Option<f64>,
    /// Respondents of the year's surveys.
    pub skm_respondents: u64,
    /// Whether they reach the minimum sample (`None` without a declared population).
    pub skm_sample_adequate: Option<bool>,
    /// SKM follow-up plans of the year's periods.
    pub followups_planned: i64,
    /// Of those, done.
    pub followups_done: i64,
    /// The longest time, in months after its survey period ended, a done plan took.
    pub followups_longest_months: Option<f64>,
    /// Leaders' decisions about the unit taken in the year.
    pub decisions: i64,
}

impl Figures {
    /// The ladder level a figure reaches; `None` without data.
    pub fn level(&self, measure: Measure) -> Option<u8> {
        match measure {
            Measure::ComplaintsFinished => measured::complaints_finished(self.closed.min(self.received), self.received),
            // Working days counted as whole days of 24 hours: the ladder's hours, read on the unit's calendar.
            Measure::ComplaintResponseSpeed => measured::response_speed(self.median_answer_days.map(|it| it * 24.0)),
            Measure::ComplaintAccountability => (self.received > 0).then(|| {
                measured::accountability(Accountability {
                    documented: true,
                    archived: true,
                    // The scorecards, their exports and the weekly digest report every unit's figures.
                    reported: true,
                    evaluated: self.decisions > 0,
                    followed_up: self.closed > 0,
                    // No public page of a unit's complaint figures yet.
                    published: false,
                })
            }),
            Measure::SkmCycle => Some(measured::skm_cycle(
                self.skm_respondents > 0,
                self.skm_sample_adequate.unwrap_or(false),
                // The SKM report of every survey is public at /skm/laporan.
                self.skm_respondents > 0,
            )),
            Measure::SkmFollowupDone => measured::skm_followup_done(self.followups_done, self.followups_planned),
            Measure::SkmFollowupSpeed => (self.followups_planned > 0).then(|| {
                let all_done = self.followups_done == self.followups_planned;
                measured::skm_followup_speed(if all_done { self.followups_longest_months } else { None })
            }),
        }
    }
}

/// The figures of a unit's evaluation year as they stood at the end of `as_of`.
pub async fn load_figures(
    conn: &mut Conn,
    tenant: &TenantId,
    (tree, unit): (&UnitTree, &UnitId),
    year: i16,
    as_of: Date,
) -> Result<Figures, StoreError> {
    let period = ScorePeriod::parse(&year.to_string()).ok_or_else(|| StoreError::corrupt("year", year.to_string()))?;
    let cards = load_unit_card(&mut Reader::direct(conn), tenant, (tree, unit), period, as_of).await?;
    let card = cards.own.get(unit).cloned().unwrap_or_default();
    let followups: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT period, status, updated_at_ms FROM survey_followup WHERE tenant_id = $1 AND unit_id = $2
            AND period LIKE $3",
    )
    .bind(tenant.as_str())
    .bind(unit.as_str())
    .bind(format!("{year}%"))
    .fetch_all(&mut *conn)
    .await?;
    let done: Vec<&(String, String, i64)> = followups.iter().filter(|it| it.1 == "selesai").collect();
    let longest = done
        .iter()
        .filter_map(|(code, _, at)| {
            let end = ScorePeriod::parse(code)?.last_day();
            let end_ms = end.to_zoned(jiff::tz::TimeZone::UTC).ok()?.timestamp().as_millisecond();
            Some(((*at - end_ms) as f64 / (30.0 * 86_400_000.0)).max(0.0))
        })
        .fold(None, |worst: Option<f64>, it| Some(worst.map_or(it, |w| w.max(it))));
    let (decisions,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM watch_decision WHERE tenant_id = $1 AND unit_id = $2 AND decided_on LIKE $3",
    )
    .bind(tenant.as_str())
    .bind(unit.as_str())
    .bind(format!("{year}-%"))
    .fetch_one(&mut *conn)
    .await?;
    Ok(Figures {
        received: card.complaints.received,
        closed: card.complaints.closed,
        median_answer_days: card.complaints.median_answer_days,
        skm_respondents: card.skm.as_ref().map_or(0, |it| it.respondents),
        skm_sample_adequate: card.skm.as_ref().and_then(|it| it.sample).map(|it| it.reached),
        followups_planned: i64::try_from(followups.len()).unwrap_or(0),
        followups_done: i64::try_from(done.len()).unwrap_or(0),
        followups_longest_months: longest,
        decisions,
    })
}
