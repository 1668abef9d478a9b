//! The procedure's dates, counted in working days of the unit's calendar: never without one.

use super::rules::Rules;
use crate::calendar::Calendar;
use jiff::civil::Date;

/// A computed date and the rule it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deadline {
    /// Rule code.
    pub code: String,
    /// The date.
    pub date: Date,
    /// Working days counted.
    pub workdays: u32,
    /// Regulation, article.
    pub source: String,
}

/// The date of deadline `code` counted from `from` (the day of the event not counted); `None` for an unknown code.
// Source: PerBKN 6/2022 Pasal 50 ayat (1) (effective on the 15th working day after receipt) and the other rows of
// data/discipline.toml.
pub fn due(rules: &Rules, calendar: &Calendar, code: &str, from: Date) -> Option<Deadline> {
    let rule = rules.deadline(code)?;
    Some(Deadline {
        code: rule.code.clone(),
        date: calendar.add_workdays(from, rule.workdays),
        workdays: rule.workdays,
        source: rule.source.clone(),
    })
}
