//! Public satisfaction surveys in storage: services, surveys per service and period, responses with the running
//! totals kept in the same transaction, paper imports, kiosks, held responses, follow-up plans and reports.

pub mod aggregates;
pub mod bench;
pub mod catalog;
pub mod followups;
pub mod kiosks;
pub mod reports;
pub mod responses;
pub mod review;
mod rows;
pub mod services;

use std::collections::BTreeMap;

use domain::ids::UnitId;
use domain::surveys::Period;

/// A service (jenis layanan) of a unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Service {
    /// Id.
    pub id: String,
    /// The unit offering it.
    pub unit_id: UnitId,
    /// Name.
    pub name: String,
    /// What it is.
    pub description: String,
    /// Service users per year, as declared.
    pub population: Option<u64>,
    /// Whether new surveys may be opened for it.
    pub active: bool,
}

/// A survey of one service in one period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Survey {
    /// Id.
    pub id: String,
    /// The service.
    pub service_id: String,
    /// The service's unit.
    pub unit_id: UnitId,
    /// The period.
    pub period: Period,
    /// Short-link code.
    pub code: String,
    /// Whether it takes responses.
    pub open: bool,
    /// Elements marked not applicable, with the reason.
    pub not_applicable: BTreeMap<String, String>,
    /// Service users in the period, as declared.
    pub population: Option<u64>,
    /// Responses in the totals.
    pub respondents: u64,
    /// Responses held for review.
    pub held: u64,
    /// When it was opened.
    pub created_at_ms: i64,
}

impl Survey {
    /// Which of `u1` … `u9` count.
    pub fn applicable(&self) -> [bool; 9] {
        std::array::from_fn(|n| !self.not_applicable.contains_key(domain::surveys::ELEMENTS[n].code))
    }
}

/// Where a response came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    /// A phone or browser, through the short link or the QR poster.
    Web,
    /// A kiosk tablet at the counter.
    Kiosk,
    /// A paper form typed in by staff.
    Paper,
}

impl Channel {
    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            Channel::Web => "web",
            Channel::Kiosk => "kiosk",
            Channel::Paper => "kertas",
        }
    }
}
