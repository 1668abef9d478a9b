//! The rules file: parsed, then checked (known levels, sanctions that exist, absence ranges rising without gaps or
//! overlaps), so a wrong edit is refused with a message instead of silently changing a penalty.

use std::sync::LazyLock;

use serde::Deserialize;
use thiserror::Error;

/// Level of a disciplinary sanction.
// Source: PP 94/2021 Pasal 8 ayat (1) (hukuman disiplin ringan, sedang, berat).
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Ringan.
    Ringan,
    /// Sedang.
    Sedang,
    /// Berat.
    Berat,
}

impl Level {
    /// Code as in the file.
    pub fn code(self) -> &'static str {
        match self {
            Level::Ringan => "ringan",
            Level::Sedang => "sedang",
            Level::Berat => "berat",
        }
    }
}

/// A sanction.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct Sanction {
    /// Code (`teguran_lisan`).
    pub code: String,
    /// Level.
    pub level: Level,
    /// Official name.
    pub name: String,
    /// Regulation, article.
    pub source: String,
}

/// One row of the absence table: from `from` to `to` days (open-ended without `to`).
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct AbsenceRow {
    /// First number of days.
    pub from: u32,
    /// Last number of days; none for "and more".
    pub to: Option<u32>,
    /// Sanction code.
    pub sanction: String,
}

#[derive(Clone, Debug, Deserialize)]
struct Consecutive {
    days: u32,
    sanction: String,
    source: String,
}

#[derive(Clone, Debug, Deserialize)]
struct Absence {
    source: String,
    #[serde(default)]
    note: Option<String>,
    rows: Vec<AbsenceRow>,
    consecutive: Consecutive,
}

/// A deadline of the procedure.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct DeadlineRule {
    /// Code (`effective`).
    pub code: String,
    /// Working days.
    pub workdays: u32,
    /// What it means.
    pub meaning: String,
    /// Regulation, article.
    pub source: String,
}

#[derive(Clone, Debug, Deserialize)]
struct File {
    sanctions: Vec<Sanction>,
    absence: Absence,
    deadlines: Vec<DeadlineRule>,
}

/// A rules file that cannot be used.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum RulesError {
    /// Not valid TOML of the expected shape.
    #[error("discipline rules: {0}")]
    Syntax(String),
    /// Refers to a sanction that is not listed.
    #[error("discipline rules: unknown sanction {0:?}")]
    UnknownSanction(String),
    /// Absence rows must rise from 1 day upward without gaps or overlaps, the last one open-ended.
    #[error("discipline rules: absence rows must follow each other without gaps ({0})")]
    AbsenceRows(String),
    /// A deadline the procedure needs is missing.
    #[error("discipline rules: deadline {0:?} missing")]
    MissingDeadline(String),
}

/// The discipline rules.
#[derive(Clone, Debug)]
pub struct Rules {
    file: File,
}

/// Deadlines the procedure uses.
pub const DEADLINES: [&str; 6] =
    ["summons_notice", "second_summons", "delivery", "send_if_absent", "effective", "objection"];

static SHIPPED: LazyLock<Rules> = LazyLock::new(|| {
    Rules::parse(include_str!("../../data/discipline.toml")).expect("the shipped rules are valid: tested")
});

/// The rules shipped with Pantau.
pub fn shipped() -> &'static Rules {
    &SHIPPED
}

impl Rules {
    /// Parses and checks a rules file.
    pub fn parse(text: &str) -> Result<Rules, RulesError> {
        let file: File = toml::from_str(text).map_err(|err| RulesError::Syntax(err.to_string()))?;
        let known = |code: &str| file.sanctions.iter().any(|it| it.code == code);
        for code in file.absence.rows.iter().map(|it| &it.sanction).chain([&file.absence.consecutive.sanction]) {
            if !known(code) {
                return Err(RulesError::UnknownSanction(code.clone()));
            }
        }
        let mut expected = file.absence.rows.first().map_or(0, |it| it.from);
        for (index, row) in file.absence.rows.iter().enumerate() {
            let last = index + 1 == file.absence.rows.len();
            let ok = row.from == expected && row.to.map_or(last, |to| to >= row.from && !last);
            if !ok || row.from == 0 {
                return Err(RulesError::AbsenceRows(format!("row {} ({} …)", index + 1, row.from)));
            }
            expected = row.to.map_or(u32::MAX, |to| to + 1);
        }
        for code in DEADLINES {
            if !file.deadlines.iter().any(|it| it.code == code) {
                return Err(RulesError::MissingDeadline(code.to_owned()));
            }
        }
        Ok(Rules { file })
    }

    /// Every sanction, lightest first.
    pub fn sanctions(&self) -> &[Sanction] {
        &self.file.sanctions
    }

    /// The sanction with this code.
    pub fn sanction(&self, code: &str) -> Option<&Sanction> {
        self.file.sanctions.iter().find(|it| it.code == code)
    }

    /// Rows of the absence table.
    pub fn absence_rows(&self) -> &[AbsenceRow] {
        &self.file.absence.rows
    }

    /// Source of the absence table, and its note.
    pub fn absence_source(&self) -> (&str, Option<&str>) {
        (&self.file.absence.source, self.file.absence.note.as_deref())
    }

    /// Consecutive days that alone give a sanction, the sanction's code and the source.
    pub fn consecutive(&self) -> (u32, &str, &str) {
        let it = &self.file.absence.consecutive;
        (it.days, &it.sanction, &it.source)
    }

    /// A deadline rule.
    pub fn deadline(&self, code: &str) -> Option<&DeadlineRule> {
        self.file.deadlines.iter().find(|it| it.code == code)
    }
}
