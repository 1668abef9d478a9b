//! The catalogue of obligations and prohibitions (each with the level its breach carries by impact) and the
//! authority matrix (which official may impose which level on which position type), as read from the rules file.

use serde::Deserialize;

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
    pub levels: Levels,
    /// What is not confirmed, or how the level is decided.
    #[serde(default)]
    pub note: Option<String>,
}

impl Item {
    /// The level of a breach of this item with this impact, if that impact applies.
    pub fn level(&self, impact: Impact) -> Option<Level> {
        match impact {
            Impact::Unit => self.levels.unit,
            Impact::Instansi => self.levels.instansi,
            Impact::Negara => self.levels.negara,
        }
    }
}

/// One row of the authority matrix.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct Authority {
    /// Code (`kepala_opd`).
    pub code: String,
    /// The office.
    pub name: String,
    /// Heaviest level it may impose.
    pub max_level: Level,
    /// Position types of the employees it may sanction (`pelaksana`, `fungsional`, `struktural`).
    pub positions: Vec<String>,
    /// Regulation, article, and how far it is confirmed.
    pub source: String,
}

impl Authority {
    /// Whether this office may sanction an employee of this position type.
    pub fn covers(&self, position: PositionType) -> bool {
        self.positions.iter().any(|it| it == position.code())
    }
}
