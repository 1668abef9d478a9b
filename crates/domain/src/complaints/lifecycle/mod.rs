//! The lifecycle of an item as a state machine: every allowed transition, the party that may take it, and the
//! deadline it starts. Anything not listed in [`apply`] is refused.

use super::coded_enum;

coded_enum!(
    /// Where an item stands.
    State {
        /// Filed, waiting for a complaint administrator to verify it.
        Received => "diterima",
        /// Verified and distributed to a unit, waiting for the unit's first answer.
        Assigned => "didisposisikan",
        /// The unit answered with a follow-up plan and a tier; the follow-up is under way.
        InProgress => "diproses",
        /// The unit posted its follow-up; waiting for the reporter (closes itself after a quiet period).
        Answered => "ditanggapi",
        /// The reporter contested a closing; waiting for an administrator's review.
        Contested => "keberatan",
        /// Closed with an outcome.
        Closed => "selesai",
    }
);

coded_enum!(
    /// How an item was closed. Each outcome says something different to the reporter.
    Outcome {
        /// Resolved.
        Resolved => "tuntas",
        /// Resolved in part.
        ResolvedInPart => "tuntas_sebagian",
        /// Not resolved; the reason is given.
        NotResolved => "tidak_tuntas",
        /// Not the tenant's authority; the body that is is named.
        // Source: LAPOR! v3 admin action "Bukan Wewenang" (regulations.md §2.2).
        NotAuthority => "bukan_wewenang",
        /// A duplicate of another item, which is named.
        Duplicate => "duplikat",
        /// Not about public service.
        // Source: LAPOR! v3 archive reason "Tidak relevan dengan kinerja pemerintah" (regulations.md §2.2).
        NotPublicService => "bukan_pelayanan_publik",
        /// Too general to act on.
        // Source: LAPOR! v3 archive reason "Masukan terlalu umum" (regulations.md §2.2).
        TooGeneral => "terlalu_umum",
        /// Withdrawn by the reporter.
        Withdrawn => "dicabut",
    }
);

coded_enum!(
    /// How long the follow-up may take, chosen by the unit when it answers.
    Tier {
        /// Information request or simple complaint.
        Simple => "sederhana",
        /// A complaint that needs no field check.
        NoFieldCheck => "tanpa_cek_lapangan",
        /// A complaint that needs a field check.
        FieldCheck => "cek_lapangan",
    }
);

coded_enum!(
    /// Who takes a transition.
    Party {
        /// The citizen who filed the item (proven by the tracking secret).
        Reporter => "pelapor",
        /// A complaint administrator of the Pemda (admin koordinator).
        Administrator => "admin",
        /// The handling unit's operator or head.
        Unit => "unit",
        /// Pantau's background job.
        System => "sistem",
    }
);

impl Outcome {
    /// What the closing must name: the reason, the competent body, or the other item.
    pub fn needs_note(self) -> bool {
        matches!(self, Outcome::NotResolved | Outcome::NotAuthority | Outcome::Duplicate)
    }
}

/// Working days per step; the tiers are configurable per tenant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tiers {
    /// Information request or simple complaint.
    pub simple: u32,
    /// No field check needed.
    pub no_field_check: u32,
    /// Field check needed.
    pub field_check: u32,
}

impl Default for Tiers {
    // Source: KemenPANRB on LAPOR! (5 / 14 / 60 hari), treated as working days (regulations.md §2.2).
    fn default() -> Tiers {
        Tiers { simple: 5, no_field_check: 14, field_check: 60 }
    }
}

impl Tiers {
    /// The accepted range of one tier, in working days.
    pub const RANGE: std::ops::RangeInclusive<u32> = 1..=365;

    /// The days of one tier.
    pub fn days(self, tier: Tier) -> u32 {
        match tier {
            Tier::Simple => self.simple,
            Tier::NoFieldCheck => self.no_field_check,
            Tier::FieldCheck => self.field_check,
        }
    }
}

/// The clock a state runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeadlineKind {
    /// Verify and distribute.
    // Source: LAPOR! FAQ, verification within 3 hari kerja (regulations.md §2.2).
    Verify,
    /// The unit's first answer (coordination and follow-up plan).
    // Source: LAPOR! practice, follow-up formula within 5 hari kerja (regulations.md §2.2).
    Answer,
    /// The follow-up itself, by tier.
    Resolve(Tier),
    /// The reporter's reply; without one the item closes itself.
    // Source: LAPOR! practice, deemed complete 10 hari kerja after the follow-up without reply (regulations.md §2.2).
    AutoClose,
    /// Review of a contested closing. Choice: the verification limit, since it is the same administrator's work.
    Review,
}

impl DeadlineKind {
    /// Every clock, each tier of the follow-up apart.
    pub const ALL: [DeadlineKind; 7] = [
        DeadlineKind::Verify,
        DeadlineKind::Answer,
        DeadlineKind::Resolve(Tier::Simple),
        DeadlineKind::Resolve(Tier::NoFieldCheck),
        DeadlineKind::Resolve(Tier::FieldCheck),
        DeadlineKind::AutoClose,
        DeadlineKind::Review,
    ];

    /// Working days the clock gives.
    pub fn workdays(self, tiers: Tiers) -> u32 {
        match self {
            DeadlineKind::Verify | DeadlineKind::Review => 3,
            DeadlineKind::Answer => 5,
            DeadlineKind::Resolve(tier) => tiers.days(tier),
            DeadlineKind::AutoClose => 10,
        }
    }

    /// Stable text code.
    pub fn code(self) -> &'static str {
        match self {
            DeadlineKind::Verify => "verifikasi",
            DeadlineKind::Answer => "tanggapan",
            DeadlineKind::Resolve(Tier::Simple) => "penyelesaian_sederhana",
            DeadlineKind::Resolve(Tier::NoFieldCheck) => "penyelesaian_tanpa_cek_lapangan",
            DeadlineKind::Resolve(Tier::FieldCheck) => "penyelesaian_cek_lapangan",
            DeadlineKind::AutoClose => "tutup_otomatis",
            DeadlineKind::Review => "telaah_keberatan",
        }
    }

    /// Parses a code written by [`DeadlineKind::code`].
    pub fn parse(code: &str) -> Option<DeadlineKind> {
        DeadlineKind::ALL.into_iter().find(|it| it.code() == code)
    }

    /// Whether missing this deadline is the Pemda's failure (escalated), rather than the reporter's silence.
    pub fn escalates(self) -> bool {
        !matches!(self, DeadlineKind::AutoClose)
    }
}

/// Something done to an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Verify and distribute to a unit.
    Verify,
    /// Give the item to another unit.
    Reassign,
    /// The unit sends the item back to the administrators as not its own.
    ReturnToAdministrator,
    /// The unit's first answer, setting the tier.
    Respond(Tier),
    /// The unit's follow-up answer.
    Answer,
    /// A message from the reporter.
    Reply,
    /// A note or message from staff; changes nothing else.
    Comment,
    /// The reporter finds the answer wrong.
    Reopen,
    /// The reporter rates the answer.
    Rate,
    /// Close with an outcome.
    Close(Outcome),
    /// The reporter contests a closing.
    Contest,
    /// A missed deadline climbs a level.
    Escalate,
    /// Personal data removed on the reporter's request.
    Redact,
    /// Part of the item is split off into a new item.
    Split,
    /// The reporter asks for personal data submitted by mistake to be corrected or removed.
    RequestCorrection,
}

impl Action {
    /// Every action, with every outcome and tier.
    pub fn all() -> Vec<Action> {
        let mut all = vec![
            Action::Verify,
            Action::Reassign,
            Action::ReturnToAdministrator,
            Action::Answer,
            Action::Reply,
            Action::Comment,
            Action::Reopen,
            Action::Rate,
            Action::Contest,
            Action::Escalate,
            Action::Redact,
            Action::Split,
            Action::RequestCorrection,
        ];
        all.extend(Tier::ALL.iter().map(|it| Action::Respond(*it)));
        all.extend(Outcome::ALL.iter().map(|it| Action::Close(*it)));
        all
    }

    /// Stable text code, as recorded in the item's history and the audit trail.
    pub fn code(self) -> String {
        match self {
            Action::Verify => "verifikasi".into(),
            Action::Reassign => "disposisi_ulang".into(),
            Action::ReturnToAdministrator => "kembalikan".into(),
            Action::Respond(tier) => format!("tanggapan_awal:{}", tier.code()),
            Action::Answer => "tindak_lanjut".into(),
            Action::Reply => "balasan_pelapor".into(),
            Action::Comment => "catatan".into(),
            Action::Reopen => "buka_kembali".into(),
            Action::Rate => "penilaian".into(),
            Action::Close(outcome) => format!("tutup:{}", outcome.code()),
            Action::Contest => "keberatan".into(),
            Action::Escalate => "eskalasi".into(),
            Action::Redact => "redaksi".into(),
            Action::Split => "pisah".into(),
            Action::RequestCorrection => "permintaan_koreksi".into(),
        }
    }
}

/// What happens to the deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    /// The current deadline stays.
    Keep,
    /// A new deadline starts now.
    Start(DeadlineKind),
    /// No deadline runs any more.
    Stop,
}

/// The result of an allowed action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Transition {
    /// The state after.
    pub to: State,
    /// The deadline after.
    pub clock: Clock,
}

/// Why an action was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// The action does not apply in this state.
    #[error("{action:?} is not possible while the item is {state:?}")]
    NotInState {
        /// Current state.
        state: State,
        /// Refused action.
        action: Action,
    },
    /// The party may not take this action.
    #[error("{party:?} may not {action:?}")]
    NotForParty {
        /// Who tried.
        party: Party,
        /// Refused action.
        action: Action,
    },
}

/// Whether the state counts as open (Open311 `status=open`).
pub fn is_open(state: State) -> bool {
    state != State::Closed
}

/// The parties that may take an action at all.
fn parties(action: Action) -> &'static [Party] {
    use Party::*;
    match action {
        Action::Verify | Action::Reassign | Action::Redact | Action::Split => &[Administrator],
        Action::ReturnToAdministrator | Action::Respond(_) | Action::Answer => &[Unit],
        Action::Reply | Action::Reopen | Action::Rate | Action::Contest | Action::RequestCorrection => &[Reporter],
        Action::Comment => &[Administrator, Unit],
        Action::Escalate => &[System],
        Action::Close(Outcome::Withdrawn) => &[Reporter],
        Action::Close(Outcome::Resolved) => &[Administrator, Unit, Reporter, System],
        Action::Close(Outcome::ResolvedInPart | Outcome::NotResolved) => &[Administrator, Unit],
        Action::Close(_) => &[Administrator],
    }
}

/// Applies an action by a party to an item in a state.
pub fn apply(state: State, action: Action, party: Party) -> Result<Transition, Refusal> {
    use State::*;
    if !parties(action).contains(&party) {
        return Err(Refusal::NotForParty { party, action });
    }
    let keep = |to| Ok(Transition { to, clock: Clock::Keep });
    let start = |to, kind| Ok(Transition { to, clock: Clock::Start(kind) });
    let open = is_open(state);
    match (action, state) {
        (Action::Verify, Received | Contested) => start(Assigned, DeadlineKind::Answer),
        (Action::Reassign, Assigned | InProgress) => start(Assigned, DeadlineKind::Answer),
        (Action::ReturnToAdministrator, Assigned) => start(Received, DeadlineKind::Verify),
        (Action::Respond(tier), Assigned) => start(InProgress, DeadlineKind::Resolve(tier)),
        (Action::Answer, Assigned | InProgress) => start(Answered, DeadlineKind::AutoClose),
        // A reply to an answer keeps the item from closing itself and asks the unit to answer again.
        (Action::Reply, Answered) => start(InProgress, DeadlineKind::Answer),
        (Action::Reply | Action::Comment | Action::Escalate | Action::Redact, _) if open => keep(state),
        (Action::Redact | Action::RequestCorrection, Closed) => keep(state),
        (Action::RequestCorrection, _) => keep(state),
        (Action::Reopen, Answered) => start(Assigned, DeadlineKind::Answer),
        (Action::Rate, Answered | Closed) => keep(state),
        (Action::Split, Received | Contested | Assigned) => keep(state),
        (Action::Contest, Closed) => start(Contested, DeadlineKind::Review),
        (Action::Close(outcome), _) if open && may_close(outcome, party, state) => {
            Ok(Transition { to: Closed, clock: Clock::Stop })
        }
        _ => Err(Refusal::NotInState { state, action }),
    }
}

fn may_close(outcome: Outcome, party: Party, state: State) -> bool {
    match party {
        Party::Reporter => outcome == Outcome::Withdrawn || state == State::Answered,
        // The unit and the system close only after a follow-up was posted.
        Party::Unit | Party::System => state == State::Answered,
        // An administrator may rule out an item at any open stage, but a result needs an answer first.
        Party::Administrator => match outcome {
            Outcome::Resolved | Outcome::ResolvedInPart | Outcome::NotResolved => state == State::Answered,
            _ => true,
        },
    }
}

/// The escalation level an overdue item should have reached: 1 = the unit head, 2 = the inspectorate and the
/// leader's overview.
// Choice: level 2 after 3 more working days overdue, the verification limit (regulations.md §2.2 leaves the ladder open).
pub fn escalation_level(workdays_overdue: u32) -> u8 {
    if workdays_overdue >= 3 { 2 } else { 1 }
}

#[cfg(test)]
mod tests;
