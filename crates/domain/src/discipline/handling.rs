//! Who handles a case and how far, which steps are worth offering now, what a step's record must hold, and the
//! breaches a case is opened for: decisions the pages and the API used to make on their own, kept here beside the
//! guards so every door asks the same rules.

use super::case::Case;
use super::catalogue::Impact;
use super::employee::PositionType;
use super::rules::{Level, Rules};
use crate::ids::UnitId;
use crate::org::UnitTree;
use crate::people::{Access, Permission};
use crate::problems::{FieldProblem, Problem, Problems};

/// How far a user may go with a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// Personnel unit or inspectorate with the employee's unit in scope: reads and records steps.
    Handler,
    /// Authorised official added to the case: reads and records steps.
    Official,
    /// Examination team member: reads.
    Team,
    /// The employee concerned: reads.
    Own,
}

impl Reach {
    /// Whether steps may be recorded.
    pub fn acts(self) -> bool {
        matches!(self, Reach::Handler | Reach::Official)
    }
}

/// A user's part in a case, as recorded when they were added to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Membership {
    /// Not added.
    None,
    /// Added as the authorised official.
    Official,
    /// Added to the examination team.
    Team,
}

impl Membership {
    /// From the stored role code (`official`, `team`).
    pub fn parse(code: &str) -> Membership {
        match code {
            "official" => Membership::Official,
            "team" => Membership::Team,
            _ => Membership::None,
        }
    }
}

/// The user's reach on a case about an employee of `unit`, or `None` (the case does not exist for them).
// Source: PP 94/2021 Pasal 26–27 (the direct superior, the examination team and the authorised official handle a
// case); the personnel unit and the inspectorate handling in their scope, and the employee reading their own case,
// are Pantau's choice (docs/DISCIPLINE.md).
pub fn reach(
    access: &Access,
    (unit, tree): (&UnitId, &UnitTree),
    is_employee: bool,
    membership: Membership,
) -> Option<Reach> {
    // Nobody handles their own case, whatever their role: they read it as the employee concerned.
    if is_employee {
        return Some(Reach::Own);
    }
    if access.can_unit(Permission::HandleDiscipline, unit, tree) {
        return Some(Reach::Handler);
    }
    match membership {
        Membership::Official => Some(Reach::Official),
        Membership::Team => Some(Reach::Team),
        Membership::None => None,
    }
}

impl Case {
    /// Step kinds worth offering in this state (codes as the forms name them); the guards still decide.
    pub fn offered_steps(&self) -> Vec<&'static str> {
        if self.dropped.is_some() || self.review.is_some() {
            return Vec::new();
        }
        let open = self.decision.is_none();
        let heard = self.examined.is_some() || self.missed >= 2;
        let summoned = self.summonses.len() > self.missed;
        let offers = [
            (
                "summons",
                open && !heard && (self.summonses.is_empty() || (self.summonses.len() == 1 && self.missed == 1)),
            ),
            ("absent", open && self.examined.is_none() && summoned),
            ("examined", open && self.examined.is_none() && summoned),
            ("team_formed", open && !self.team && self.level >= Some(Level::Sedang)),
            (
                "relieved",
                open && self.level == Some(Level::Berat) && !self.summonses.is_empty() && self.relieved.is_none(),
            ),
            ("decided", open && heard),
            ("dropped", open),
            ("absent_at_delivery", !open && self.delivered.is_none() && self.delivery_attempt.is_none()),
            ("delivered", !open && self.delivered.is_none()),
            ("objection", self.delivered.is_some() && self.objection.is_none()),
            ("reviewed", self.objection.is_some()),
            ("islah", true),
        ];
        offers.into_iter().filter(|(_, when)| *when).map(|(kind, _)| kind).collect()
    }
}

/// What a step's record lacks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordProblem {
    /// The examination record (BAP) says too little to be one.
    RecordMissing,
    /// The BAP is not signed by both sides.
    Unsigned,
    /// The team's members are not named.
    TeamUnnamed,
}

/// An examination needs a written record signed by the examiner and the employee.
// Source: PerBKN 6/2022 (BAP signed by the examiner and the employee examined) [partly confirmed].
pub fn check_examination_record(record: &str, signed: bool) -> Result<(), RecordProblem> {
    if record.trim().chars().count() < 10 {
        return Err(RecordProblem::RecordMissing);
    }
    if !signed {
        return Err(RecordProblem::Unsigned);
    }
    Ok(())
}

/// A team is formed of named members.
// Source: PP 94/2021 Pasal 27 (tim pemeriksa: the direct superior, the supervision and personnel units).
pub fn check_team(members: &str) -> Result<(), RecordProblem> {
    if members.trim().is_empty() { Err(RecordProblem::TeamUnnamed) } else { Ok(()) }
}

/// An alleged breach: catalogue item and impact, with the level they give.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Breach {
    /// Catalogue code.
    pub code: String,
    /// Impact code, `absensi` for an attendance proposal.
    pub impact: String,
    /// Level.
    pub level: Level,
}

/// The breaches a case is opened for: an attendance proposal gives one breach of the duty to come to work at the
/// level of the absence table; otherwise each (catalogue item, impact) pair gives the level the catalogue sets. A
/// case from attendance without a valid proposal is refused for its reference, not for missing breaches.
// Source: PP 94/2021 Pasal 4 huruf f (masuk kerja), levelled by the absence table (Pasal 9–11) instead of impact.
pub fn breaches(
    rules: &Rules,
    (requested, position): (&[(String, String)], PositionType),
    (proposal, from_attendance): (Option<Level>, bool),
) -> Result<Vec<Breach>, Vec<FieldProblem>> {
    if let Some(level) = proposal {
        return Ok(vec![Breach { code: "4f".to_owned(), impact: "absensi".to_owned(), level }]);
    }
    let mut problems = Problems::default();
    if requested.is_empty() && !from_attendance {
        problems.add("breaches", Problem::Required);
    }
    let mut found = Vec::new();
    for (code, impact) in requested {
        let item = rules.item(code).filter(|it| it.chosen_by_hand());
        let level = Impact::parse(impact).and_then(|it| item.and_then(|item| item.level_for(it, position)));
        match (item, level) {
            (None, _) => problems.add("breaches", Problem::UnknownCode { given: code.clone() }),
            (Some(item), None) => problems.add("breaches", Problem::NoLevel { given: item.article.clone() }),
            (Some(_), Some(level)) => found.push(Breach { code: code.clone(), impact: impact.clone(), level }),
        }
    }
    problems.finish(|| found)
}
