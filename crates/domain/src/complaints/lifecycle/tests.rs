//! Every (state, action, party) triple is checked against a table written out by hand from the process description.

use super::*;

use Action as A;
use Party as P;
use State as S;

fn start(kind: DeadlineKind) -> Clock {
    Clock::Start(kind)
}

/// The allowed transitions, written out one by one.
fn allowed() -> Vec<(S, A, P, S, Clock)> {
    let mut rows = vec![
        (S::Received, A::Verify, P::Administrator, S::Assigned, start(DeadlineKind::Answer)),
        (S::Contested, A::Verify, P::Administrator, S::Assigned, start(DeadlineKind::Answer)),
        (S::Assigned, A::Reassign, P::Administrator, S::Assigned, start(DeadlineKind::Answer)),
        (S::InProgress, A::Reassign, P::Administrator, S::Assigned, start(DeadlineKind::Answer)),
        (S::Assigned, A::ReturnToAdministrator, P::Unit, S::Received, start(DeadlineKind::Verify)),
        (S::Assigned, A::Answer, P::Unit, S::Answered, start(DeadlineKind::AutoClose)),
        (S::InProgress, A::Answer, P::Unit, S::Answered, start(DeadlineKind::AutoClose)),
        (S::Answered, A::Reply, P::Reporter, S::InProgress, start(DeadlineKind::Answer)),
        (S::Answered, A::Reopen, P::Reporter, S::Assigned, start(DeadlineKind::Answer)),
        (S::Answered, A::Rate, P::Reporter, S::Answered, Clock::Keep),
        (S::Closed, A::Rate, P::Reporter, S::Closed, Clock::Keep),
        (S::Closed, A::Contest, P::Reporter, S::Contested, start(DeadlineKind::Review)),
        (S::Closed, A::Redact, P::Administrator, S::Closed, Clock::Keep),
        (S::Closed, A::RequestCorrection, P::Reporter, S::Closed, Clock::Keep),
        (S::Answered, A::Close(Outcome::Resolved), P::Reporter, S::Closed, Clock::Stop),
        (S::Answered, A::Close(Outcome::Resolved), P::System, S::Closed, Clock::Stop),
    ];
    for tier in Tier::ALL {
        rows.push((S::Assigned, A::Respond(*tier), P::Unit, S::InProgress, start(DeadlineKind::Resolve(*tier))));
    }
    for state in [S::Received, S::Contested, S::Assigned] {
        rows.push((state, A::Split, P::Administrator, state, Clock::Keep));
    }
    let open = [S::Received, S::Assigned, S::InProgress, S::Answered, S::Contested];
    for state in open {
        if state != S::Answered {
            rows.push((state, A::Reply, P::Reporter, state, Clock::Keep));
        }
        rows.push((state, A::Comment, P::Administrator, state, Clock::Keep));
        rows.push((state, A::Comment, P::Unit, state, Clock::Keep));
        rows.push((state, A::Escalate, P::System, state, Clock::Keep));
        rows.push((state, A::Redact, P::Administrator, state, Clock::Keep));
        rows.push((state, A::RequestCorrection, P::Reporter, state, Clock::Keep));
        rows.push((state, A::Close(Outcome::Withdrawn), P::Reporter, S::Closed, Clock::Stop));
        for outcome in [Outcome::NotAuthority, Outcome::Duplicate, Outcome::NotPublicService, Outcome::TooGeneral] {
            rows.push((state, A::Close(outcome), P::Administrator, S::Closed, Clock::Stop));
        }
    }
    for outcome in [Outcome::Resolved, Outcome::ResolvedInPart, Outcome::NotResolved] {
        rows.push((S::Answered, A::Close(outcome), P::Administrator, S::Closed, Clock::Stop));
        rows.push((S::Answered, A::Close(outcome), P::Unit, S::Closed, Clock::Stop));
    }
    rows
}

#[test]
fn every_triple_is_allowed_exactly_as_the_table_says() {
    let table = allowed();
    let mut n_allowed = 0;
    for state in State::ALL {
        for action in Action::all() {
            for party in Party::ALL {
                let expected = table
                    .iter()
                    .find(|(s, a, p, _, _)| s == state && *a == action && p == party)
                    .map(|(_, _, _, to, clock)| Transition { to: *to, clock: *clock });
                let got = apply(*state, action, *party);
                match expected {
                    Some(transition) => {
                        n_allowed += 1;
                        assert_eq!(got, Ok(transition), "{state:?} {action:?} {party:?}");
                    }
                    None => assert!(got.is_err(), "{state:?} {action:?} {party:?} should be refused, got {got:?}"),
                }
            }
        }
    }
    assert_eq!(n_allowed, table.len(), "the table has duplicate rows");
}

#[test]
fn refusals_say_whether_the_party_or_the_state_is_wrong() {
    assert_eq!(apply(S::Received, A::Verify, P::Unit), Err(Refusal::NotForParty { party: P::Unit, action: A::Verify }));
    assert_eq!(
        apply(S::Closed, A::Verify, P::Administrator),
        Err(Refusal::NotInState { state: S::Closed, action: A::Verify })
    );
}

#[test]
fn a_unit_cannot_close_before_it_has_answered() {
    assert!(apply(S::Assigned, A::Close(Outcome::Resolved), P::Unit).is_err());
    assert!(apply(S::InProgress, A::Close(Outcome::Resolved), P::Administrator).is_err());
}

#[test]
fn deadlines_follow_the_lapor_limits_and_the_configured_tiers() {
    let tiers = Tiers::default();
    assert_eq!(DeadlineKind::Verify.workdays(tiers), 3);
    assert_eq!(DeadlineKind::Answer.workdays(tiers), 5);
    assert_eq!(DeadlineKind::AutoClose.workdays(tiers), 10);
    assert_eq!(DeadlineKind::Resolve(Tier::Simple).workdays(tiers), 5);
    assert_eq!(DeadlineKind::Resolve(Tier::NoFieldCheck).workdays(tiers), 14);
    assert_eq!(DeadlineKind::Resolve(Tier::FieldCheck).workdays(tiers), 60);
    let custom = Tiers { simple: 2, no_field_check: 10, field_check: 45 };
    assert_eq!(DeadlineKind::Resolve(Tier::Simple).workdays(custom), 2);
    assert_eq!(DeadlineKind::Resolve(Tier::FieldCheck).workdays(custom), 45);
}

#[test]
fn deadline_codes_round_trip_and_only_the_reporters_clock_does_not_escalate() {
    for kind in [
        DeadlineKind::Verify,
        DeadlineKind::Answer,
        DeadlineKind::Resolve(Tier::Simple),
        DeadlineKind::Resolve(Tier::NoFieldCheck),
        DeadlineKind::Resolve(Tier::FieldCheck),
        DeadlineKind::AutoClose,
        DeadlineKind::Review,
    ] {
        assert_eq!(DeadlineKind::parse(kind.code()), Some(kind));
        assert_eq!(kind.escalates(), kind != DeadlineKind::AutoClose);
    }
}

#[test]
fn escalation_climbs_to_the_inspectorate_after_three_more_working_days() {
    assert_eq!(escalation_level(0), 1);
    assert_eq!(escalation_level(2), 1);
    assert_eq!(escalation_level(3), 2);
    assert_eq!(escalation_level(40), 2);
}

#[test]
fn outcomes_that_name_something_require_a_note() {
    let needing: Vec<_> = Outcome::ALL.iter().filter(|it| it.needs_note()).collect();
    assert_eq!(needing, [&Outcome::NotResolved, &Outcome::NotAuthority, &Outcome::Duplicate]);
}
