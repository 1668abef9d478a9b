//! The catalogue of obligations and prohibitions (each with the level its breach carries by impact, by position or
//! by the absence table) and the authority rules (which office may impose which levels on which positions), as read
//! from the rules file.

use serde::Deserialize;

use crate::org::TenantLevel;

use super::employee::PositionType;
use super::rules::Level;

/// Where a breach did harm; the level of most breaches follows it.
// Source: PP 94/2021 Pasal 9–11 (dampak negatif pada unit kerja, instansi, pemerintah dan/atau negara).
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Impact {
    /// On the work unit.
    Unit,
    /// On the agency.
    Instansi,
    /// On government or the state.
    Negara,
}

impl Impact {
    /// Every impact, least first.
    pub const ALL: [Impact; 3] = [Impact::Unit, Impact::Instansi, Impact::Negara];

    /// Code as in the file.
    pub fn code(self) -> &'static str {
        match self {
            Impact::Unit => "unit",
            Impact::Instansi => "instansi",
            Impact::Negara => "negara",
        }
    }

    /// Parses a code.
    pub fn parse(code: &str) -> Option<Impact> {
        Impact::ALL.into_iter().find(|it| it.code() == code)
    }
}

/// Levels by impact; an impact left out cannot be chosen for this item.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
pub struct Levels {
    /// On the unit.
    #[serde(default)]
    pub unit: Option<Level>,
    /// On the agency.
    #[serde(default)]
    pub instansi: Option<Level>,
    /// On government or the state.
    #[serde(default)]
    pub negara: Option<Level>,
}

/// An obligation or a prohibition.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct Item {
    /// Code (`5g`).
    pub code: String,
    /// `kewajiban` or `larangan`.
    pub kind: String,
    /// Regulation, article, letter.
    pub article: String,
    /// What it says, short.
    pub text: String,
    /// Levels by impact.
    #[serde(default)]
    pub levels: Levels,
    /// Levels by the employee's position (position code → level); when given, the impact does not matter.
    #[serde(default)]
    pub by_position: std::collections::BTreeMap<String, Level>,
    /// Levelled by the unexcused-absence table: a case for it is opened from an attendance proposal.
    #[serde(default)]
    pub from_absence_table: bool,
    /// What is not confirmed, or how the level is decided.
    #[serde(default)]
    pub note: Option<String>,
}

impl Item {
    /// The level of a breach of this item with this impact, if that impact applies (items levelled by position or
    /// by the absence table have none by impact).
    pub fn level(&self, impact: Impact) -> Option<Level> {
        match impact {
            Impact::Unit => self.levels.unit,
            Impact::Instansi => self.levels.instansi,
            Impact::Negara => self.levels.negara,
        }
    }

    /// The level of a breach by an employee of this position with this impact.
    pub fn level_for(&self, impact: Impact, position: PositionType) -> Option<Level> {
        if self.by_position.is_empty() { self.level(impact) } else { self.by_position.get(position.code()).copied() }
    }

    /// Whether a case can name this item by hand (not only from an attendance proposal).
    pub fn chosen_by_hand(&self) -> bool {
        !self.from_absence_table
    }
}

/// An office that may impose sanctions, and on whom.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct Authority {
    /// Code (`jpt_pratama`).
    pub code: String,
    /// The office.
    pub name: String,
    /// Pemda levels the office exists in (`provinsi`, `kabupaten`, `kota`); every level when empty.
    #[serde(default)]
    pub tenant_levels: Vec<String>,
    /// What it imposes on whom.
    pub over: Vec<Power>,
    /// Regulation, article, and how far it is confirmed.
    pub source: String,
}

/// The levels an office imposes on employees of some positions.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct Power {
    /// Position codes of the accused.
    pub positions: Vec<String>,
    /// Levels it may impose on them.
    pub levels: Vec<Level>,
    /// Sanctions of those levels it may not impose (`pdhtaps` of an Ahli Utama is the President's).
    #[serde(default)]
    pub except: Vec<String>,
    /// What the rule leaves to another office.
    #[serde(default)]
    pub note: Option<String>,
}

impl Authority {
    /// Whether the office exists in a Pemda of this level (`provinsi`, `kabupaten`, `kota`).
    pub fn exists_in(&self, tenant_level: TenantLevel) -> bool {
        self.tenant_levels.is_empty() || self.tenant_levels.iter().any(|it| it == tenant_level.code())
    }

    /// What the office may impose on an employee of this position.
    pub fn power_over(&self, position: PositionType) -> Option<&Power> {
        self.over.iter().find(|it| it.positions.iter().any(|code| code == position.code()))
    }

    /// Whether this office may sanction an employee of this position type at all.
    pub fn covers(&self, position: PositionType) -> bool {
        self.power_over(position).is_some()
    }
}
