//! The case file as a sequence of steps with due-process guards: a summons reaches the employee at least 7 working
//! days before the examination, summons II only after a missed examination and within 7 working days of it, no
//! decision without an examination record (BAP) except after a no-show on summons II, an examination team before a
//! heavy decision, one sanction per case within the proposed level and the official's authority, delivery within 14
//! working days of the decision, and an effective date counted from receipt. Every date is counted on a calendar.

use jiff::civil::Date;
use thiserror::Error;

use super::rules::{Level, Rules};
use crate::calendar::Calendar;

/// A step someone takes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// A summons sent on `sent` for an examination on `examination`.
    Summons {
        /// Sent (delivered) on.
        sent: Date,
        /// Examination date.
        examination: Date,
    },
    /// The employee did not come to the examination of the last summons.
    Absent,
    /// The examination took place; the record (BAP) is signed by both sides.
    Examined {
        /// Date.
        on: Date,
    },
    /// The examination team was formed.
    TeamFormed,
    /// The employee was relieved of duty until the decision (a heavy sanction is likely).
    Relieved {
        /// From.
        on: Date,
    },
    /// The case stops without a sanction (the breach is not proven).
    Dropped {
        /// Date.
        on: Date,
    },
    /// A mediation or reconciliation (islah): recorded, the disciplinary question stays open.
    Islah {
        /// Date.
        on: Date,
    },
    /// The decision, by an official who may impose up to `authority`.
    Decided {
        /// Signed on.
        on: Date,
        /// Sanction codes chosen (exactly one is accepted).
        sanctions: Vec<String>,
        /// Heaviest level the deciding official may impose on this employee.
        authority: Level,
    },
    /// The employee did not come to receive the decision.
    AbsentAtDelivery {
        /// Date of the failed handover.
        on: Date,
    },
    /// The employee received the decision (in person, or the day it was sent after a failed handover).
    Delivered {
        /// Date of receipt.
        on: Date,
    },
    /// The employee filed a keberatan or banding administratif.
    Objection {
        /// Filed on.
        on: Date,
    },
    /// The outcome of the objection or appeal.
    Reviewed {
        /// Date.
        on: Date,
        /// Confirmed, annulled, or changed to another sanction.
        outcome: Outcome,
    },
}

/// What the objection or appeal decided.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The decision stands.
    Confirmed,
    /// The decision is annulled.
    Annulled,
    /// Replaced by another sanction.
    Changed {
        /// The sanction now in force.
        sanction: String,
    },
}

/// Why a step is refused.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum Refusal {
    /// The summons leaves fewer working days than the rule requires.
    #[error("the examination must be on or after {earliest} (7 working days after the summons)")]
    SummonsTooShort {
        /// Earliest allowed examination date.
        earliest: Date,
    },
    /// A third summons, or a second one before a missed examination.
    #[error("a second summons only follows a missed examination, and there is no third")]
    SummonsOutOfOrder,
    /// Summons II later than 7 working days after the missed examination.
    #[error("summons II must be sent by {latest}")]
    SecondSummonsLate {
        /// Latest date.
        latest: Date,
    },
    /// Nothing to be absent from, or already examined.
    #[error("no examination was due")]
    NothingDue,
    /// No decision without a BAP, unless the employee missed summons II.
    #[error("no decision without an examination record, except after a missed second summons")]
    NoRecord,
    /// A heavy sanction needs the examination team.
    #[error("a heavy sanction needs an examination team")]
    TeamRequired,
    /// One case, one sanction.
    #[error("one case ends in exactly one sanction")]
    OneSanction,
    /// The sanction is not in the rules.
    #[error("unknown sanction {0:?}")]
    UnknownSanction(String),
    /// Heavier than the level the case was examined for.
    #[error("the sanction is heavier than the level examined ({0})")]
    AboveLevel(&'static str),
    /// Heavier than the official may impose.
    #[error("the official may impose at most {0} sanctions")]
    OutsideAuthority(&'static str),
    /// A second decision.
    #[error("the case is already decided")]
    AlreadyDecided,
    /// Delivered before the decision or after its deadline.
    #[error("delivery must be between the decision and {latest}")]
    DeliveryOutOfTime {
        /// Latest date.
        latest: Date,
    },
    /// Relief from duty only while a heavy case is open.
    #[error("relief from duty is for a heavy case between summons and decision")]
    ReliefNotAllowed,
    /// The case is closed (dropped, or decided where the step needs it open).
    #[error("the case is closed")]
    Closed,
    /// Objection before receipt or after its window, or twice.
    #[error("an objection is filed once, between receipt and {latest}")]
    ObjectionOutOfTime {
        /// Latest date.
        latest: Date,
    },
    /// A date before the step it follows.
    #[error("the date is before the step it follows")]
    BeforePrevious,
}

/// The state of a case.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Case {
    /// Level the case is about (from the proposal or the alleged breaches).
    pub level: Option<Level>,
    /// Summonses sent: (sent, examination date).
    pub summonses: Vec<(Date, Date)>,
    /// Examinations missed.
    pub missed: usize,
    /// Examined with a BAP on.
    pub examined: Option<Date>,
    /// Team formed.
    pub team: bool,
    /// Islah dates.
    pub islah: Vec<Date>,
    /// Decision: date and sanction code.
    pub decision: Option<(Date, String)>,
    /// Received on, and the effective date.
    pub delivered: Option<(Date, Date)>,
    /// Relieved of duty from.
    pub relieved: Option<Date>,
    /// Stopped without a sanction on.
    pub dropped: Option<Date>,
    /// Failed handover of the decision.
    pub delivery_attempt: Option<Date>,
    /// Objection filed on.
    pub objection: Option<Date>,
    /// Outcome of the objection.
    pub review: Option<(Date, Outcome)>,
}

impl Case {
    /// A case about breaches of `level`.
    pub fn new(level: Level) -> Case {
        Case { level: Some(level), ..Case::default() }
    }

    /// Applies a step, or says why not; `calendar` is the employee's unit's.
    pub fn apply(&self, rules: &Rules, calendar: &Calendar, step: &Step) -> Result<Case, Refusal> {
        let mut next = self.clone();
        let closing = matches!(step, Step::Objection { .. } | Step::Reviewed { .. });
        if self.dropped.is_some() || (self.review.is_some() && closing) {
            return Err(Refusal::Closed);
        }
        match step {
            Step::Summons { sent, examination } => {
                self.check_summons(rules, calendar, sent, examination)?;
                next.summonses.push((*sent, *examination));
            }
            Step::Absent => {
                if self.summonses.len() != self.missed + 1 || self.examined.is_some() {
                    return Err(Refusal::NothingDue);
                }
                next.missed += 1;
            }
            Step::Examined { on } => {
                // One examination, answering a summons the employee has not already missed.
                let answered = self.summonses.len() > self.missed;
                if !answered || self.examined.is_some() || self.decision.is_some() {
                    return Err(Refusal::NothingDue);
                }
                if self.summonses.last().is_some_and(|(sent, _)| on < sent) {
                    return Err(Refusal::BeforePrevious);
                }
                next.examined = Some(*on);
            }
            Step::TeamFormed => {
                if self.team || self.decision.is_some() {
                    return Err(Refusal::NothingDue);
                }
                next.team = true;
            }
            Step::Islah { on } => next.islah.push(*on),
            Step::Relieved { on } => {
                // Source: PP 94/2021 (pembebasan sementara dari tugas jabatan when berat is likely) [article unconfirmed].
                let open = !self.summonses.is_empty() && self.decision.is_none() && self.relieved.is_none();
                if self.level != Some(Level::Berat) || !open {
                    return Err(Refusal::ReliefNotAllowed);
                }
                next.relieved = Some(*on);
            }
            Step::Dropped { on } => {
                if self.decision.is_some() {
                    return Err(Refusal::AlreadyDecided);
                }
                next.dropped = Some(*on);
            }
            Step::AbsentAtDelivery { .. } | Step::Delivered { .. } | Step::Objection { .. } | Step::Reviewed { .. } => {
                self.after_decision(rules, calendar, step, &mut next)?;
            }
            Step::Decided { on, sanctions, authority } => {
                let heard = self.examined.or(self.summonses.last().map(|it| it.1));
                if heard.is_some_and(|it| *on < it) {
                    return Err(Refusal::BeforePrevious);
                }
                next.decision = Some((*on, self.decide(rules, sanctions, *authority)?));
            }
        }
        Ok(next)
    }

    /// Checks a summons against the one before it and the notice it must give.
    fn check_summons(
        &self,
        rules: &Rules,
        calendar: &Calendar,
        sent: &Date,
        examination: &Date,
    ) -> Result<(), Refusal> {
        let at = |code: &str, from: Date| super::deadlines::due(rules, calendar, code, from).map_or(from, |it| it.date);
        match (self.summonses.len(), self.missed) {
            (0, _) => {}
            (1, 1) => {
                // Source: PP 94/2021 Pasal 26 ayat (3): summons II within 7 working days of the missed date.
                let latest = at("second_summons", self.summonses[0].1);
                if *sent > latest {
                    return Err(Refusal::SecondSummonsLate { latest });
                }
            }
            _ => return Err(Refusal::SummonsOutOfOrder),
        }
        // Source: PP 94/2021 Pasal 26 ayat (2): at least 7 working days between summons and examination.
        let earliest = at("summons_notice", *sent);
        if *examination < earliest {
            return Err(Refusal::SummonsTooShort { earliest });
        }
        Ok(())
    }

    /// The steps after the decision: handover, receipt with the effective date, objection and its outcome.
    fn after_decision(&self, rules: &Rules, calendar: &Calendar, step: &Step, next: &mut Case) -> Result<(), Refusal> {
        let at = |code: &str, from: Date| super::deadlines::due(rules, calendar, code, from).map_or(from, |it| it.date);
        match step {
            Step::AbsentAtDelivery { on } => {
                let Some((decided, _)) = &self.decision else { return Err(Refusal::NothingDue) };
                let latest = at("delivery", *decided);
                if self.delivered.is_some() || self.delivery_attempt.is_some() || on < decided || *on > latest {
                    return Err(Refusal::DeliveryOutOfTime { latest });
                }
                next.delivery_attempt = Some(*on);
            }
            Step::Objection { on } => {
                let Some((received, _)) = self.delivered else { return Err(Refusal::NothingDue) };
                // Source: PP 79/2021 Pasal 11 ayat (3): within 14 working days after receipt.
                let latest = at("objection", received);
                if self.objection.is_some() || *on < received || *on > latest {
                    return Err(Refusal::ObjectionOutOfTime { latest });
                }
                next.objection = Some(*on);
            }
            Step::Reviewed { on, outcome } => {
                let Some(filed) = self.objection else { return Err(Refusal::NothingDue) };
                if *on < filed {
                    return Err(Refusal::BeforePrevious);
                }
                if let Outcome::Changed { sanction } = outcome
                    && rules.sanction(sanction).is_none()
                {
                    return Err(Refusal::UnknownSanction(sanction.clone()));
                }
                next.review = Some((*on, outcome.clone()));
            }
            Step::Delivered { on } => {
                let Some((decided, _)) = &self.decision else { return Err(Refusal::NothingDue) };
                // Source: PP 94/2021 Pasal 37 ayat (3): delivered within 14 working days of the decision;
                // PerBKN 6/2022 Pasal 49 ayat (8): sent within 3 working days after a failed handover.
                let latest = match self.delivery_attempt {
                    Some(attempt) => at("send_if_absent", attempt),
                    None => at("delivery", *decided),
                };
                if self.delivered.is_some() || on < decided || *on > latest {
                    return Err(Refusal::DeliveryOutOfTime { latest });
                }
                // Source: PerBKN 6/2022 Pasal 50 ayat (1): effective on the 15th working day after receipt.
                next.delivered = Some((*on, at("effective", *on)));
            }
            _ => {}
        }
        Ok(())
    }

    /// The sanction in force at the end: the decision's, unless an objection annulled or changed it.
    pub fn sanction(&self) -> Option<&str> {
        match &self.review {
            Some((_, Outcome::Annulled)) => None,
            Some((_, Outcome::Changed { sanction })) => Some(sanction),
            _ => self.decision.as_ref().map(|(_, code)| code.as_str()),
        }
    }

    fn decide(&self, rules: &Rules, sanctions: &[String], authority: Level) -> Result<String, Refusal> {
        if self.decision.is_some() {
            return Err(Refusal::AlreadyDecided);
        }
        // Source: PP 94/2021 Pasal 26 ayat (4): after a missed summons II the decision rests on the evidence.
        let no_show = self.missed >= 2;
        if self.examined.is_none() && !no_show {
            return Err(Refusal::NoRecord);
        }
        let [code] = sanctions else { return Err(Refusal::OneSanction) };
        let sanction = rules.sanction(code).ok_or_else(|| Refusal::UnknownSanction(code.clone()))?;
        // Source: PerBKN 6/2022 Pasal 29 (tim pemeriksa mandatory for berat).
        if sanction.level == Level::Berat && !self.team {
            return Err(Refusal::TeamRequired);
        }
        if self.level.is_some_and(|level| sanction.level > level) {
            return Err(Refusal::AboveLevel(self.level.map_or("", Level::code)));
        }
        if sanction.level > authority {
            return Err(Refusal::OutsideAuthority(authority.code()));
        }
        Ok(sanction.code.clone())
    }
}

/// The heaviest of several sanctions: one examination of several breaches ends in one sanction.
// Source: PerBKN 6/2022 (one penalty, the heaviest, for several breaches examined together) [partly confirmed].
pub fn heaviest<'a>(rules: &'a Rules, codes: &[&str]) -> Option<&'a super::rules::Sanction> {
    rules.sanctions().iter().rev().find(|it| codes.contains(&it.code.as_str()))
}
