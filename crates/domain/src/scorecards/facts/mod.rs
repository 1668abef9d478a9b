//! What one item adds to its unit's scorecard: counts on the days its milestones fell, local to the unit. The store
//! keeps the sums per unit and day in the item's own transaction (the facts of the row before a change are taken
//! away and those after it added), so a scorecard reads a few sums, never the items; a rebuild adds up the facts of
//! every item again and must land on the same sums.

use jiff::civil::Date;

use crate::calendar::Calendar;

/// Which part of the scorecard a fact belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stream {
    /// Complaints, aspirations and information requests.
    Complaints,
    /// Incoming letters (surat masuk).
    Letters,
    /// News articles linked to the unit.
    News,
    /// Discipline cases about the unit's employees.
    Discipline,
}

impl Stream {
    /// Every stream.
    pub const ALL: [Stream; 4] = [Stream::Complaints, Stream::Letters, Stream::News, Stream::Discipline];

    /// Stable code, stored.
    pub fn code(self) -> &'static str {
        match self {
            Stream::Complaints => "pengaduan",
            Stream::Letters => "surat",
            Stream::News => "berita",
            Stream::Discipline => "disiplin",
        }
    }

    /// Parses [`Stream::code`].
    pub fn parse(code: &str) -> Option<Stream> {
        Stream::ALL.into_iter().find(|it| it.code() == code)
    }
}

/// What a fact counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Measure {
    /// An item received (on the day it came in).
    Received,
    /// An item closed (on the day it was closed).
    Closed,
    /// A first-answer deadline that falls on this day.
    Due,
    /// Of those, answered (or closed) by the deadline; counted on the deadline's day.
    OnTime,
    /// Answered (or closed) after its deadline; counted on the day of the answer.
    Late,
    /// The same late answer counted on its deadline's day, to tell how long the still-open ones have waited.
    LateByDue,
    /// A first answer that took this many working days from the distribution to the unit.
    AnswerDays(u16),
    /// A closing that took this many working days from receipt.
    CloseDays(u16),
    /// The sum of the ratings of items closed that day.
    RatingSum,
    /// How many items closed that day carry a rating.
    Rated,
    /// The reporter reopened an item.
    Reopened,
    /// The reporter contested a closing.
    Contested,
    /// A negative article about the unit published that day.
    NegativeNews,
    /// A preliminary review (telaah awal) opened that day about an article on the unit.
    ReviewOpened,
    /// A discipline case opened that day about one of the unit's employees.
    CaseOpened,
}

/// Working days above which durations share one bucket; the median is exact below it.
pub const DAYS_CAP: u16 = 250;

impl Measure {
    /// Stable code, stored: `received`, `answer_wd:3`, …
    pub fn code(self) -> String {
        match self {
            Measure::AnswerDays(n) => format!("answer_wd:{n}"),
            Measure::CloseDays(n) => format!("close_wd:{n}"),
            other => other.plain_code().to_owned(),
        }
    }

    fn plain_code(self) -> &'static str {
        match self {
            Measure::Received => "received",
            Measure::Closed => "closed",
            Measure::Due => "due",
            Measure::OnTime => "on_time",
            Measure::Late => "late",
            Measure::LateByDue => "late_by_due",
            Measure::AnswerDays(_) => "answer_wd",
            Measure::CloseDays(_) => "close_wd",
            Measure::RatingSum => "rating_sum",
            Measure::Rated => "rated",
            Measure::Reopened => "reopened",
            Measure::Contested => "contested",
            Measure::NegativeNews => "negative_news",
            Measure::ReviewOpened => "review_opened",
            Measure::CaseOpened => "case_opened",
        }
    }

    /// Parses [`Measure::code`].
    pub fn parse(code: &str) -> Option<Measure> {
        if let Some((kind, n)) = code.split_once(':') {
            let n: u16 = n.parse().ok().filter(|it| *it <= DAYS_CAP)?;
            return match kind {
                "answer_wd" => Some(Measure::AnswerDays(n)),
                "close_wd" => Some(Measure::CloseDays(n)),
                _ => None,
            };
        }
        const PLAIN: [Measure; 13] = [
            Measure::Received,
            Measure::Closed,
            Measure::Due,
            Measure::OnTime,
            Measure::Late,
            Measure::LateByDue,
            Measure::RatingSum,
            Measure::Rated,
            Measure::Reopened,
            Measure::Contested,
            Measure::NegativeNews,
            Measure::ReviewOpened,
            Measure::CaseOpened,
        ];
        PLAIN.into_iter().find(|it| it.plain_code() == code)
    }
}

/// One count on one day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Fact {
    /// The day, local to the unit.
    pub day: Date,
    /// What is counted.
    pub measure: Measure,
    /// How much.
    pub n: i64,
}

/// The milestones of a complaint or letter, as local days of its handling unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Milestones {
    /// Received.
    pub received: Date,
    /// Distributed to the unit (verified).
    pub assigned: Option<Date>,
    /// The last day for the unit's first answer.
    pub answer_due: Option<Date>,
    /// The unit's first answer.
    pub first_answer: Option<Date>,
    /// Closed (and not reopened since).
    pub closed: Option<Date>,
    /// The reporter's rating, 1–5.
    pub rating: Option<i64>,
}

/// The facts of one item.
// Source: "answered on time" is the first answer by its deadline (issue 17); the first-answer clock is LAPOR!'s
// 5 hari kerja (regulations.md §2.2). Choice: an item closed without an answer meets its deadline on the closing day.
pub fn facts_of(item: &Milestones, calendar: &Calendar) -> Vec<Fact> {
    let mut out = vec![Fact { day: item.received, measure: Measure::Received, n: 1 }];
    if let Some(due) = item.answer_due {
        out.push(Fact { day: due, measure: Measure::Due, n: 1 });
        match item.first_answer.or(item.closed) {
            Some(met) if met <= due => out.push(Fact { day: due, measure: Measure::OnTime, n: 1 }),
            Some(met) => {
                out.push(Fact { day: met, measure: Measure::Late, n: 1 });
                out.push(Fact { day: due, measure: Measure::LateByDue, n: 1 });
            }
            None => {}
        }
    }
    if let (Some(assigned), Some(answer)) = (item.assigned, item.first_answer) {
        let days = elapsed(calendar, assigned, answer);
        out.push(Fact { day: answer, measure: Measure::AnswerDays(days), n: 1 });
    }
    if let Some(closed) = item.closed {
        out.push(Fact { day: closed, measure: Measure::Closed, n: 1 });
        out.push(Fact { day: closed, measure: Measure::CloseDays(elapsed(calendar, item.received, closed)), n: 1 });
        if let Some(rating) = item.rating {
            out.push(Fact { day: closed, measure: Measure::RatingSum, n: rating });
            out.push(Fact { day: closed, measure: Measure::Rated, n: 1 });
        }
    }
    out
}

/// Working days from one day to a later one, the first not counted (as deadlines count them), capped.
pub fn elapsed(calendar: &Calendar, from: Date, to: Date) -> u16 {
    match from.tomorrow() {
        Ok(first) if first <= to => {
            u16::try_from(calendar.workdays_between(first, to)).unwrap_or(DAYS_CAP).min(DAYS_CAP)
        }
        _ => 0,
    }
}

/// The difference `after − before` of two sets of facts, summed per day and measure, zeros left out.
pub fn delta(before: &[Fact], after: &[Fact]) -> Vec<Fact> {
    let mut sums: std::collections::BTreeMap<(Date, Measure), i64> = std::collections::BTreeMap::new();
    for fact in before {
        *sums.entry((fact.day, fact.measure)).or_default() -= fact.n;
    }
    for fact in after {
        *sums.entry((fact.day, fact.measure)).or_default() += fact.n;
    }
    sums.into_iter().filter(|(_, n)| *n != 0).map(|((day, measure), n)| Fact { day, measure, n }).collect()
}

#[cfg(test)]
mod tests;
