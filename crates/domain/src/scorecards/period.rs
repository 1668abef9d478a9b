//! Scorecard periods: a month `2026-11`, a quarter `2026-T4`, a half year `2026-S2` or a year `2026`. A survey
//! period (quarter, half, year) is a scorecard period too; a month is the scorecard's own addition.

use jiff::civil::Date;

use crate::surveys::period::{Period as SurveyPeriod, PeriodKind};

/// One scorecard period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ScorePeriod {
    /// A calendar month: year and month 1–12.
    Month(i16, i8),
    /// A quarter, half year or year, as surveys name them.
    Span(SurveyPeriod),
}

impl ScorePeriod {
    /// Parses `2026-11`, `2026-T4`, `2026-S2` or `2026`.
    pub fn parse(code: &str) -> Option<ScorePeriod> {
        let code = code.trim();
        if let Some((year, month)) = code.split_once('-')
            && month.len() == 2
            && month.bytes().all(|it| it.is_ascii_digit())
        {
            let year: i16 = year.parse().ok().filter(|_| year.len() == 4)?;
            let month: i8 = month.parse().ok().filter(|it| (1..=12).contains(it))?;
            return crate::surveys::period::YEARS.contains(&year).then_some(ScorePeriod::Month(year, month));
        }
        SurveyPeriod::parse(code).map(ScorePeriod::Span)
    }

    /// The code [`ScorePeriod::parse`] reads.
    pub fn code(self) -> String {
        match self {
            ScorePeriod::Month(year, month) => format!("{year}-{month:02}"),
            ScorePeriod::Span(period) => period.code(),
        }
    }

    /// The period of the same length holding a day.
    pub fn containing(like: ScorePeriod, day: Date) -> ScorePeriod {
        match like {
            ScorePeriod::Month(..) => ScorePeriod::Month(day.year(), day.month()),
            ScorePeriod::Span(period) => ScorePeriod::Span(SurveyPeriod::containing(period.kind, day)),
        }
    }

    /// The current month of a day.
    pub fn month_of(day: Date) -> ScorePeriod {
        ScorePeriod::Month(day.year(), day.month())
    }

    /// First day.
    pub fn first_day(self) -> Date {
        match self {
            ScorePeriod::Month(year, month) => Date::new(year, month, 1).unwrap_or(Date::MIN),
            ScorePeriod::Span(period) => period.first_day(),
        }
    }

    /// Last day.
    pub fn last_day(self) -> Date {
        match self {
            ScorePeriod::Month(..) => self.next().first_day().yesterday().unwrap_or(Date::MAX),
            ScorePeriod::Span(period) => period.last_day(),
        }
    }

    /// Whether a day falls within the period.
    pub fn contains(self, day: Date) -> bool {
        self.first_day() <= day && day <= self.last_day()
    }

    /// The period of the same length after this one.
    pub fn next(self) -> ScorePeriod {
        match self {
            ScorePeriod::Month(year, 12) => ScorePeriod::Month(year + 1, 1),
            ScorePeriod::Month(year, month) => ScorePeriod::Month(year, month + 1),
            ScorePeriod::Span(period) => ScorePeriod::Span(period.next()),
        }
    }

    /// The period of the same length before this one.
    pub fn previous(self) -> ScorePeriod {
        match self {
            ScorePeriod::Month(year, 1) => ScorePeriod::Month(year - 1, 12),
            ScorePeriod::Month(year, month) => ScorePeriod::Month(year, month - 1),
            ScorePeriod::Span(period) => ScorePeriod::Span(period.previous()),
        }
    }

    /// The `n` periods up to and including this one, oldest first.
    pub fn trail(self, n: usize) -> Vec<ScorePeriod> {
        let mut out = vec![self];
        while out.len() < n {
            let first = out[0].previous();
            out.insert(0, first);
        }
        out
    }

    /// The months of the period, `(year, month)`, in order.
    pub fn months(self) -> Vec<(i16, i8)> {
        let mut out = Vec::new();
        let mut month = ScorePeriod::month_of(self.first_day());
        while month.first_day() <= self.last_day() {
            if let ScorePeriod::Month(y, m) = month {
                out.push((y, m));
            }
            month = month.next();
        }
        out
    }

    /// The survey periods whose totals a scorecard of this period reads: every quarter, half and year within it;
    /// for a month, the quarter that holds it. Where a service ran surveys of two lengths in the span, the reader
    /// takes the shorter ones, so no answer counts twice.
    // Choice: SKM runs per quarter at the most often (PermenPANRB 14/2017), so a month shows its quarter's index.
    pub fn survey_periods(self) -> Vec<SurveyPeriod> {
        if let ScorePeriod::Month(..) = self {
            return vec![SurveyPeriod::containing(PeriodKind::Quarter, self.first_day())];
        }
        let (first, last) = (self.first_day(), self.last_day());
        let mut out = Vec::new();
        for kind in PeriodKind::ALL {
            let mut period = SurveyPeriod::containing(kind, first);
            while period.first_day() <= last {
                if period.first_day() >= first && period.last_day() <= last {
                    out.push(period);
                }
                period = period.next();
            }
        }
        out
    }

    /// Indonesian name: "November 2026", "Triwulan IV 2026".
    pub fn name_id(self) -> String {
        match self {
            ScorePeriod::Month(year, month) => format!("{} {year}", MONTHS_ID[month_index(month)]),
            ScorePeriod::Span(period) => period.name_id(),
        }
    }

    /// English name: "November 2026", "Q4 2026".
    pub fn name_en(self) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        match self {
            ScorePeriod::Month(year, month) => format!("{} {year}", MONTHS[month_index(month)]),
            ScorePeriod::Span(period) => period.name_en(),
        }
    }
}

/// The Indonesian names of the months, January first.
pub const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

fn month_index(month: i8) -> usize {
    usize::try_from(month.clamp(1, 12) - 1).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::ScorePeriod;

    #[test]
    fn the_four_lengths_parse_and_print() {
        for code in ["2026-11", "2026-01", "2026-T4", "2026-S2", "2026"] {
            assert_eq!(ScorePeriod::parse(code).map(ScorePeriod::code).as_deref(), Some(code));
        }
        for bad in ["2026-13", "2026-00", "2026-1", "26-11", "2026-T5", "", "kemarin", "1999-05"] {
            assert_eq!(ScorePeriod::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn days_neighbours_and_months() {
        let nov = ScorePeriod::parse("2026-11").expect("valid");
        assert_eq!((nov.first_day(), nov.last_day()), (date(2026, 11, 1), date(2026, 11, 30)));
        assert_eq!(ScorePeriod::parse("2024-02").expect("valid").last_day(), date(2024, 2, 29));
        assert_eq!(ScorePeriod::parse("2026-01").expect("valid").previous().code(), "2025-12");
        assert_eq!(nov.next().next().code(), "2027-01");
        assert_eq!(ScorePeriod::parse("2026-S2").expect("valid").months().len(), 6);
        assert_eq!(ScorePeriod::parse("2026").expect("valid").months()[11], (2026, 12));
        let trail: Vec<String> = nov.trail(3).into_iter().map(ScorePeriod::code).collect();
        assert_eq!(trail, ["2026-09", "2026-10", "2026-11"]);
        assert_eq!(ScorePeriod::containing(nov, date(2027, 3, 9)).code(), "2027-03");
        assert!(nov.contains(date(2026, 11, 30)) && !nov.contains(date(2026, 12, 1)));
        let quarters: Vec<String> = nov.survey_periods().into_iter().map(|it| it.code()).collect();
        assert_eq!(quarters, ["2026-T4"]);
        let half: Vec<String> =
            ScorePeriod::parse("2026-S2").expect("valid").survey_periods().into_iter().map(|it| it.code()).collect();
        assert_eq!(half, ["2026-T3", "2026-T4", "2026-S2"]);
        assert_eq!(nov.name_id(), "November 2026");
    }
}
