//! Survey periods: a quarter (triwulan), a half year (semester) or a calendar year, written `2026-T3`, `2026-S2`,
//! `2026`. Trends compare a period with the ones of the same kind before it.

use jiff::civil::Date;

/// How long a survey period runs.
// Source: PermenPANRB 14/2017 Pasal 1 ayat (1) (at least once a year); PermenPANRB 16/2014 (triwulan, semesteran,
// tahunan), regulations.md §1.1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PeriodKind {
    /// Three months.
    Quarter,
    /// Six months.
    Semester,
    /// A calendar year.
    Year,
}

impl PeriodKind {
    /// Every kind, shortest first.
    pub const ALL: [PeriodKind; 3] = [PeriodKind::Quarter, PeriodKind::Semester, PeriodKind::Year];

    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            PeriodKind::Quarter => "triwulan",
            PeriodKind::Semester => "semester",
            PeriodKind::Year => "tahun",
        }
    }

    /// Parses [`PeriodKind::code`].
    pub fn parse(code: &str) -> Option<PeriodKind> {
        PeriodKind::ALL.into_iter().find(|it| it.code() == code.trim())
    }

    /// Periods of this kind in a year.
    pub fn per_year(self) -> u8 {
        match self {
            PeriodKind::Quarter => 4,
            PeriodKind::Semester => 2,
            PeriodKind::Year => 1,
        }
    }
}

/// One period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    /// Calendar year.
    pub year: i16,
    /// Its kind.
    pub kind: PeriodKind,
    /// 1-based number within the year (always 1 for a year).
    pub index: u8,
}

/// Years a period may name.
pub const YEARS: std::ops::RangeInclusive<i16> = 2000..=2100;

impl Period {
    /// A period, if the year and number exist.
    pub fn new(year: i16, kind: PeriodKind, index: u8) -> Option<Period> {
        (YEARS.contains(&year) && (1..=kind.per_year()).contains(&index)).then_some(Period { year, kind, index })
    }

    /// `2026-T3`, `2026-S2` or `2026`.
    pub fn code(self) -> String {
        match self.kind {
            PeriodKind::Quarter => format!("{}-T{}", self.year, self.index),
            PeriodKind::Semester => format!("{}-S{}", self.year, self.index),
            PeriodKind::Year => self.year.to_string(),
        }
    }

    /// Parses [`Period::code`].
    pub fn parse(code: &str) -> Option<Period> {
        let code = code.trim().to_ascii_uppercase();
        let (year, rest) = match code.split_once('-') {
            Some((_, "")) => return None,
            Some((year, rest)) => (year, rest),
            None => (code.as_str(), ""),
        };
        let year: i16 = year.parse().ok().filter(|_| year.len() == 4)?;
        let (kind, index) = match rest.split_at_checked(1) {
            None | Some(("", _)) => (PeriodKind::Year, 1),
            Some(("T", n)) => (PeriodKind::Quarter, n.parse().ok()?),
            Some(("S", n)) => (PeriodKind::Semester, n.parse().ok()?),
            Some(_) => return None,
        };
        Period::new(year, kind, index)
    }

    /// The period of this kind holding a day.
    pub fn containing(kind: PeriodKind, day: Date) -> Period {
        let months_each = 12 / kind.per_year();
        let index = u8::try_from(day.month() - 1).unwrap_or(0) / months_each + 1;
        Period { year: day.year(), kind, index }
    }

    /// First day.
    pub fn first_day(self) -> Date {
        let months_each = 12 / self.kind.per_year();
        let month = i8::try_from((self.index - 1) * months_each + 1).unwrap_or(1);
        Date::new(self.year, month, 1).unwrap_or(Date::MIN)
    }

    /// Last day.
    pub fn last_day(self) -> Date {
        self.next().first_day().yesterday().unwrap_or(Date::MAX)
    }

    /// The period of the same kind after this one.
    pub fn next(self) -> Period {
        if self.index == self.kind.per_year() {
            Period { year: self.year + 1, index: 1, ..self }
        } else {
            Period { index: self.index + 1, ..self }
        }
    }

    /// The period of the same kind before this one.
    pub fn previous(self) -> Period {
        if self.index == 1 {
            Period { year: self.year - 1, index: self.kind.per_year(), ..self }
        } else {
            Period { index: self.index - 1, ..self }
        }
    }

    /// The `n` periods up to and including this one, oldest first.
    pub fn trail(self, n: usize) -> Vec<Period> {
        let mut out = vec![self];
        while out.len() < n {
            let first = out[0].previous();
            out.insert(0, first);
        }
        out
    }

    /// Indonesian name: "Triwulan III 2026", "Semester II 2026", "Tahun 2026".
    pub fn name_id(self) -> String {
        const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];
        let roman = ROMAN[usize::from(self.index.clamp(1, 4) - 1)];
        match self.kind {
            PeriodKind::Quarter => format!("Triwulan {roman} {}", self.year),
            PeriodKind::Semester => format!("Semester {roman} {}", self.year),
            PeriodKind::Year => format!("Tahun {}", self.year),
        }
    }

    /// English name: "Q3 2026", "H2 2026", "Year 2026".
    pub fn name_en(self) -> String {
        match self.kind {
            PeriodKind::Quarter => format!("Q{} {}", self.index, self.year),
            PeriodKind::Semester => format!("H{} {}", self.index, self.year),
            PeriodKind::Year => format!("Year {}", self.year),
        }
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::{Period, PeriodKind};

    #[test]
    fn codes_round_trip_and_nonsense_is_refused() {
        for code in ["2026-T1", "2026-T4", "2026-S2", "2026"] {
            assert_eq!(Period::parse(code).map(Period::code).as_deref(), Some(code));
        }
        assert_eq!(Period::parse("2026-t3").map(Period::code).as_deref(), Some("2026-T3"));
        for bad in ["2026-T5", "2026-S3", "2026-T0", "26-T1", "2026-X1", "", "1999", "2026-"] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn days_and_neighbours() {
        let q3 = Period::parse("2026-T3").expect("valid");
        assert_eq!((q3.first_day(), q3.last_day()), (date(2026, 7, 1), date(2026, 9, 30)));
        let s1 = Period::parse("2024-S1").expect("valid");
        assert_eq!(s1.last_day(), date(2024, 6, 30));
        let year = Period::parse("2026").expect("valid");
        assert_eq!((year.first_day(), year.last_day()), (date(2026, 1, 1), date(2026, 12, 31)));
        assert_eq!(Period::parse("2026-T1").expect("valid").previous().code(), "2025-T4");
        assert_eq!(Period::parse("2026-S2").expect("valid").next().code(), "2027-S1");
        let trail: Vec<String> = q3.trail(4).into_iter().map(Period::code).collect();
        assert_eq!(trail, ["2025-T4", "2026-T1", "2026-T2", "2026-T3"]);
        assert_eq!(Period::containing(PeriodKind::Quarter, date(2026, 11, 23)).code(), "2026-T4");
        assert_eq!(Period::containing(PeriodKind::Semester, date(2026, 6, 30)).code(), "2026-S1");
        assert_eq!(q3.name_id(), "Triwulan III 2026");
    }
}
