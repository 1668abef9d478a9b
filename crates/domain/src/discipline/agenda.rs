//! What is due next in a case and what is late, each date counted on the unit's calendar.

use jiff::civil::Date;

use super::case::Case;
use super::rules::{Level, Rules};
use crate::calendar::Calendar;

/// Something due in a case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Due {
    /// What (`summons`, `examination`, `second_summons`, `team`, `decision`, `delivery`, `effective`,
    /// `objection`, `review`).
    pub code: &'static str,
    /// By (or on) this date; none where the rules set no date.
    pub date: Option<Date>,
    /// The date has passed and the step is not done.
    pub late: bool,
    /// The rule the date comes from.
    pub source: Option<String>,
}

impl Case {
    /// The steps now due, with their dates; empty once nothing is left to do.
    pub fn agenda(&self, rules: &Rules, calendar: &Calendar, today: Date) -> Vec<Due> {
        let dated = |code: &'static str, rule: &str, from: Date| {
            let deadline = super::deadlines::due(rules, calendar, rule, from);
            let date = deadline.as_ref().map(|it| it.date);
            Due { code, date, late: date.is_some_and(|it| today > it), source: deadline.map(|it| it.source) }
        };
        let undated = |code: &'static str| Due { code, date: None, late: false, source: None };
        if self.dropped.is_some() {
            return Vec::new();
        }
        if let Some((received, _)) = self.delivered {
            return self.after_delivery(rules, calendar, today, received);
        }
        if let Some((decided, _)) = &self.decision {
            return vec![match self.delivery_attempt {
                Some(attempt) => dated("delivery", "send_if_absent", attempt),
                None => dated("delivery", "delivery", *decided),
            }];
        }
        let Some(&(_, examination)) = self.summonses.last() else { return vec![undated("summons")] };
        let heard = self.examined.is_some() || self.missed >= 2;
        if heard {
            let mut due = Vec::new();
            if self.level == Some(Level::Berat) && !self.team {
                due.push(undated("team"));
            }
            due.push(undated("decision"));
            return due;
        }
        if self.missed == self.summonses.len() {
            return vec![dated("second_summons", "second_summons", examination)];
        }
        vec![Due { code: "examination", date: Some(examination), late: today > examination, source: None }]
    }

    fn after_delivery(&self, rules: &Rules, calendar: &Calendar, today: Date, received: Date) -> Vec<Due> {
        let mut due = Vec::new();
        // The effective date is shown until it has come.
        if let Some((_, effective)) = self.delivered.filter(|(_, effective)| today <= *effective) {
            let source = rules.deadline("effective").map(|it| it.source.clone());
            due.push(Due { code: "effective", date: Some(effective), late: false, source });
        }
        if self.objection.is_none() {
            let window = super::deadlines::due(rules, calendar, "objection", received);
            if let Some(window) = window.filter(|it| today <= it.date) {
                due.push(Due { code: "objection", date: Some(window.date), late: false, source: Some(window.source) });
            }
        } else if let (true, Some(filed)) = (self.review.is_none(), self.objection) {
            let deadline = super::deadlines::due(rules, calendar, "objection_decision", filed);
            let date = deadline.as_ref().map(|it| it.date);
            due.push(Due {
                code: "review",
                date,
                late: date.is_some_and(|it| today > it),
                source: deadline.map(|it| it.source),
            });
        }
        due
    }
}
