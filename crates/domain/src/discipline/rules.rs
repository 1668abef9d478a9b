//! The rules file: parsed, then checked (known levels, sanctions that exist, absence ranges rising without gaps or
//! overlaps), so a wrong edit is refused with a message instead of silently changing a penalty.

use std::sync::LazyLock;

use serde::Deserialize;
use thiserror::Error;

use super::catalogue::{Authority, Item, Power};
use super::employee::PositionType;
use crate::org::TenantLevel;

/// Level of a disciplinary sanction.
// Source: PP 94/2021 Pasal 8 ayat (1) (hukuman disiplin ringan, sedang, berat).
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
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
    /// Months it runs from the effective date; none for a reprimand or a dismissal.
    #[serde(default)]
    pub months: Option<u32>,
    /// What it blocks or causes while it runs (`kgb_ditunda`, `kenaikan_pangkat_ditunda`, `diberhentikan`).
    #[serde(default)]
    pub consequences: Vec<String>,
    /// `banding` when challenged by banding administratif; keberatan otherwise.
    #[serde(default)]
    pub appeal: Option<String>,
}

impl Sanction {
    /// How the sanction is challenged.
    // Source: PP 79/2021 (banding administratif against dismissal; keberatan against other decisions).
    pub fn appeal_kind(&self) -> &str {
        self.appeal.as_deref().unwrap_or("keberatan")
    }
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
    /// The article of this row.
    #[serde(default)]
    pub source: Option<String>,
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
    catalogue: Vec<Item>,
    authority: Vec<Authority>,
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
    /// Absence rows must rise without gaps or overlaps from their first row, the last one open-ended.
    #[error("discipline rules: absence rows must follow each other without gaps ({0})")]
    AbsenceRows(String),
    /// A deadline the procedure needs is missing.
    #[error("discipline rules: deadline {0:?} missing")]
    MissingDeadline(String),
    /// A catalogue item or authority row is unusable (duplicate code, no level, unknown position type).
    #[error("discipline rules: {0}")]
    Entry(String),
}

/// The discipline rules.
#[derive(Clone, Debug)]
pub struct Rules {
    file: File,
}

/// Deadlines the procedure uses.
pub const DEADLINES: [&str; 7] =
    ["summons_notice", "second_summons", "delivery", "send_if_absent", "effective", "objection", "objection_decision"];

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
        check_entries(&file)?;
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

    /// The obligations and prohibitions.
    pub fn catalogue(&self) -> &[Item] {
        &self.file.catalogue
    }

    /// The catalogue item with this code.
    pub fn item(&self, code: &str) -> Option<&Item> {
        self.file.catalogue.iter().find(|it| it.code == code)
    }

    /// The authority matrix.
    pub fn authorities(&self) -> &[Authority] {
        &self.file.authority
    }

    /// The authority row with this code.
    pub fn authority(&self, code: &str) -> Option<&Authority> {
        self.file.authority.iter().find(|it| it.code == code)
    }

    /// Whether office `code` of a Pemda of `tenant_level` may impose `sanction` on an employee of `position`; the
    /// heaviest level it may impose on them when it may (what a decision step records), else why not.
    pub fn may_impose(
        &self,
        code: &str,
        (position, tenant_level): (PositionType, TenantLevel),
        sanction: &str,
    ) -> Result<Level, AuthorityRefusal> {
        let office = self.authority(code).ok_or(AuthorityRefusal::UnknownOffice)?;
        if !office.exists_in(tenant_level) {
            return Err(AuthorityRefusal::NotInThisPemda);
        }
        let power = office.power_over(position).ok_or(AuthorityRefusal::NotOverPosition)?;
        let sanction = self.sanction(sanction).ok_or(AuthorityRefusal::UnknownSanction)?;
        if !power.levels.contains(&sanction.level) {
            return Err(AuthorityRefusal::LevelNotAllowed(power.levels.clone()));
        }
        if power.except.contains(&sanction.code) {
            return Err(AuthorityRefusal::Excluded);
        }
        Ok(power.levels.iter().copied().max().unwrap_or(sanction.level))
    }

    /// The offices of a Pemda of `tenant_level` that may sanction an employee of `position`, with the levels.
    pub fn offices_over(&self, position: PositionType, tenant_level: TenantLevel) -> Vec<(&Authority, &Power)> {
        self.file
            .authority
            .iter()
            .filter(|it| it.exists_in(tenant_level))
            .filter_map(|it| it.power_over(position).map(|power| (it, power)))
            .collect()
    }
}

/// Why an office may not impose a sanction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AuthorityRefusal {
    /// No office with this code.
    UnknownOffice,
    /// The office does not exist in a Pemda of this level.
    NotInThisPemda,
    /// The office may not sanction an employee of this position.
    NotOverPosition,
    /// No sanction with this code.
    UnknownSanction,
    /// The office imposes only these levels on this position.
    LevelNotAllowed(Vec<Level>),
    /// The office may not impose this sanction (another office's).
    Excluded,
}

fn check_authority(file: &File, row: &Authority) -> Result<(), RulesError> {
    let entry = |what: String| Err(RulesError::Entry(format!("authority {:?}: {what}", row.code)));
    if let Some(bad) = row.tenant_levels.iter().find(|it| TenantLevel::parse(it).is_none()) {
        return entry(format!("unknown Pemda level {bad:?}"));
    }
    if row.over.is_empty() {
        return entry("names no position".to_owned());
    }
    for power in &row.over {
        if let Some(bad) = power.positions.iter().find(|it| PositionType::parse(it).is_none()) {
            return entry(format!("unknown position type {bad:?}"));
        }
        if power.levels.is_empty() || power.positions.is_empty() {
            return entry("a rule without positions or levels".to_owned());
        }
        if let Some(bad) = power.except.iter().find(|code| !file.sanctions.iter().any(|it| &it.code == *code)) {
            return entry(format!("unknown sanction {bad:?}"));
        }
    }
    Ok(())
}

fn check_entries(file: &File) -> Result<(), RulesError> {
    let mut seen = std::collections::HashSet::new();
    // `propose` and `heaviest` rank sanctions by their place in the file: lightest first, each code once.
    for pair in file.sanctions.windows(2) {
        if pair[1].level < pair[0].level {
            return Err(RulesError::Entry(format!("sanction {:?} is listed after a heavier level", pair[1].code)));
        }
    }
    for sanction in &file.sanctions {
        if !seen.insert(sanction.code.as_str()) {
            return Err(RulesError::Entry(format!("sanction code {:?} twice", sanction.code)));
        }
        if let Some(appeal) = sanction.appeal.as_deref().filter(|it| !matches!(*it, "keberatan" | "banding")) {
            return Err(RulesError::Entry(format!(
                "sanction {:?}: appeal must be keberatan or banding, not {appeal:?}",
                sanction.code
            )));
        }
        let known = ["kgb_ditunda", "kenaikan_pangkat_ditunda", "diberhentikan"];
        if let Some(bad) = sanction.consequences.iter().find(|it| !known.contains(&it.as_str())) {
            return Err(RulesError::Entry(format!("sanction {:?}: unknown consequence {bad:?}", sanction.code)));
        }
    }
    seen.clear();
    for item in &file.catalogue {
        if !seen.insert(item.code.as_str()) {
            return Err(RulesError::Entry(format!("catalogue code {:?} twice", item.code)));
        }
        let levels = &item.levels;
        let by_impact = levels.unit.is_some() || levels.instansi.is_some() || levels.negara.is_some();
        if !by_impact && item.by_position.is_empty() && !item.from_absence_table {
            return Err(RulesError::Entry(format!("catalogue item {:?} has no level", item.code)));
        }
        if let Some(bad) = item.by_position.keys().find(|it| PositionType::parse(it).is_none()) {
            return Err(RulesError::Entry(format!("catalogue item {:?}: unknown position type {bad:?}", item.code)));
        }
        if item.kind != "kewajiban" && item.kind != "larangan" {
            return Err(RulesError::Entry(format!(
                "catalogue item {:?}: kind must be kewajiban or larangan",
                item.code
            )));
        }
    }
    seen.clear();
    for row in &file.authority {
        if !seen.insert(row.code.as_str()) {
            return Err(RulesError::Entry(format!("authority code {:?} twice", row.code)));
        }
        check_authority(file, row)?;
    }
    if file.catalogue.is_empty() || file.authority.is_empty() {
        return Err(RulesError::Entry("the catalogue and the authority matrix may not be empty".to_owned()));
    }
    Ok(())
}
