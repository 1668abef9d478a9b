//! The PEKPPP levels of the indicators Pantau measures itself, from figures it keeps: complaints followed up to
//! completion, the speed of the first response, the complaint-handling steps it records, the SKM cycle and its
//! follow-up plans. Each function returns the ladder level (0–5) the figure reaches, or `None` without data.
// Source: the ladders in ../shared/reference/evaluation.md §1.4 (indicators 6.a.B, 8.a.Ak, 9.a.Ak, 26.e.P (B),
// 27.e.Ak, 28.e.Ak); where a step of a ladder is not known the data file marks the indicator UNCONF.

/// What Pantau measures for an indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Measure {
    /// 28.e.Ak: share of complaints followed up to completion.
    ComplaintsFinished,
    /// 26.e.P (B): how fast the first response comes.
    ComplaintResponseSpeed,
    /// 27.e.Ak: documented, archived, reported, evaluated, followed up, published.
    ComplaintAccountability,
    /// 6.a.B: SKM held as the regulation says, published, followed up.
    SkmCycle,
    /// 8.a.Ak: share of SKM follow-up plans done.
    SkmFollowupDone,
    /// 9.a.Ak: how soon the SKM follow-up plans were done.
    SkmFollowupSpeed,
}

impl Measure {
    /// Stable code, as the instrument file names it.
    pub fn code(self) -> &'static str {
        match self {
            Measure::ComplaintsFinished => "complaints_finished",
            Measure::ComplaintResponseSpeed => "complaint_response_speed",
            Measure::ComplaintAccountability => "complaint_accountability",
            Measure::SkmCycle => "skm_cycle",
            Measure::SkmFollowupDone => "skm_followup_done",
            Measure::SkmFollowupSpeed => "skm_followup_speed",
        }
    }

    /// From its code.
    pub fn parse(code: &str) -> Option<Measure> {
        [
            Measure::ComplaintsFinished,
            Measure::ComplaintResponseSpeed,
            Measure::ComplaintAccountability,
            Measure::SkmCycle,
            Measure::SkmFollowupDone,
            Measure::SkmFollowupSpeed,
        ]
        .into_iter()
        .find(|it| it.code() == code)
    }
}

/// 28.e.Ak from the complaints of the year that were closed, of those received. Pantau counts its own register as
/// the channel the Pemda connects to SP4N-LAPOR!: ≥ 90 % → 5, 50–90 % → 4, below 50 % → 3.
pub fn complaints_finished(closed: i64, received: i64) -> Option<u8> {
    if received <= 0 {
        return None;
    }
    let share = closed as f64 / received as f64;
    Some(if share >= 0.9 {
        5
    } else if share >= 0.5 {
        4
    } else {
        3
    })
}

/// 26.e.P (B) from the median hours to the first response: ≤ 24 → 5, ≤ 72 → 4, ≤ 120 → 3, ≤ 168 → 2, ≤ 336 → 1,
/// beyond → 0.
pub fn response_speed(median_hours: Option<f64>) -> Option<u8> {
    let hours = median_hours?;
    Some(match hours {
        h if h <= 24.0 => 5,
        h if h <= 72.0 => 4,
        h if h <= 120.0 => 3,
        h if h <= 168.0 => 2,
        h if h <= 336.0 => 1,
        _ => 0,
    })
}

/// The steps of 27.e.Ak a unit's complaint handling shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Accountability {
    /// Items recorded with their history (every item in Pantau is).
    pub documented: bool,
    /// Kept (Pantau keeps every item).
    pub archived: bool,
    /// Reported: the unit's figures were read out in a report (a scorecard export or a digest).
    pub reported: bool,
    /// Evaluated: a leader looked at the unit (a decision about it, or a scorecard review).
    pub evaluated: bool,
    /// Followed up: items answered.
    pub followed_up: bool,
    /// Published: the figures are public.
    pub published: bool,
}

/// 27.e.Ak: one level per step, in the ladder's order; a step missing stops the count.
pub fn accountability(steps: Accountability) -> u8 {
    let ordered =
        [steps.documented, steps.archived, steps.reported, steps.evaluated && steps.followed_up, steps.published];
    let mut level = 0;
    for step in ordered {
        if !step {
            break;
        }
        level += 1;
    }
    level
}

/// 6.a.B from the SKM of the year: none → 0; held without an adequate sample → 1; held as the regulation says → 2;
/// and published (Pantau publishes every report electronically at /skm/laporan) → 3. Levels 4 and 5 ask for print
/// publication too, and 5 for the follow-up, which Pantau cannot see; the steps below 3 are Pantau's reading of the
/// ladder (UNCONF).
pub fn skm_cycle(held: bool, sample_adequate: bool, published: bool) -> u8 {
    match (held, sample_adequate, published) {
        (false, ..) => 0,
        (true, false, _) => 1,
        (true, true, false) => 2,
        (true, true, true) => 3,
    }
}

/// 8.a.Ak from the follow-up plans of the year's SKM: none planned → `None`; 100 % done → 5; above 80 % → 4;
/// 30–80 % → 3; below 30 % → 2; planned, none done → 1.
pub fn skm_followup_done(done: i64, planned: i64) -> Option<u8> {
    if planned <= 0 {
        return None;
    }
    let share = done as f64 / planned as f64;
    Some(match share {
        s if s >= 1.0 => 5,
        s if s > 0.8 => 4,
        s if s >= 0.3 => 3,
        s if s > 0.0 => 2,
        _ => 1,
    })
}

/// 9.a.Ak from the longest time, in months after the SKM report, any follow-up plan took to be done (`None` while
/// one is still open): ≤ 1 → 5, ≤ 3 → 4, ≤ 6 → 3, ≤ 9 → 2, ≤ 12 → 1, beyond or not all done → 0.
pub fn skm_followup_speed(longest_months: Option<f64>) -> u8 {
    match longest_months {
        Some(m) if m <= 1.0 => 5,
        Some(m) if m <= 3.0 => 4,
        Some(m) if m <= 6.0 => 3,
        Some(m) if m <= 9.0 => 2,
        Some(m) if m <= 12.0 => 1,
        _ => 0,
    }
}
