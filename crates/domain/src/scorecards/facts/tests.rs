//! Hand-counted facts of single items: on time, late, unanswered, closed with a rating, and the delta of a change.

use jiff::civil::date;

use super::*;

fn calendar() -> Calendar {
    crate::calendar::office_calendar()
}

fn item() -> Milestones {
    // Received Monday 2 Nov 2026, distributed Tuesday 3 Nov, first answer due Tuesday 10 Nov (5 working days).
    Milestones {
        received: date(2026, 11, 2),
        assigned: Some(date(2026, 11, 3)),
        answer_due: Some(date(2026, 11, 10)),
        first_answer: None,
        closed: None,
        rating: None,
    }
}

#[test]
fn an_item_answered_on_time_counts_on_its_deadline_day() {
    let answered = Milestones { first_answer: Some(date(2026, 11, 6)), ..item() };
    let facts = facts_of(&answered, &calendar());
    assert!(facts.contains(&Fact { day: date(2026, 11, 10), measure: Measure::OnTime, n: 1 }));
    // Wednesday 4, Thursday 5, Friday 6: three working days after the distribution.
    assert!(facts.contains(&Fact { day: date(2026, 11, 6), measure: Measure::AnswerDays(3), n: 1 }));
    assert!(!facts.iter().any(|it| it.measure == Measure::Late));
}

#[test]
fn a_late_answer_counts_on_the_day_it_came_and_spans_the_weekend_in_working_days() {
    let late = Milestones { first_answer: Some(date(2026, 11, 16)), ..item() };
    let facts = facts_of(&late, &calendar());
    assert!(facts.contains(&Fact { day: date(2026, 11, 16), measure: Measure::Late, n: 1 }));
    assert!(facts.contains(&Fact { day: date(2026, 11, 10), measure: Measure::LateByDue, n: 1 }));
    // 4–6 Nov, 9–13 Nov, 16 Nov: nine working days.
    assert!(facts.contains(&Fact { day: date(2026, 11, 16), measure: Measure::AnswerDays(9), n: 1 }));
    assert!(!facts.iter().any(|it| it.measure == Measure::OnTime));
}

#[test]
fn an_unanswered_item_is_due_but_neither_on_time_nor_late() {
    let facts = facts_of(&item(), &calendar());
    let measures: Vec<Measure> = facts.iter().map(|it| it.measure).collect();
    assert_eq!(measures, [Measure::Received, Measure::Due]);
}

#[test]
fn a_closing_counts_its_duration_from_receipt_and_its_rating() {
    let closed = Milestones {
        first_answer: Some(date(2026, 11, 5)),
        closed: Some(date(2026, 11, 20)),
        rating: Some(4),
        ..item()
    };
    let facts = facts_of(&closed, &calendar());
    // 3–6, 9–13, 16–20 Nov: fourteen working days.
    assert!(facts.contains(&Fact { day: date(2026, 11, 20), measure: Measure::CloseDays(14), n: 1 }));
    assert!(facts.contains(&Fact { day: date(2026, 11, 20), measure: Measure::RatingSum, n: 4 }));
    assert!(facts.contains(&Fact { day: date(2026, 11, 20), measure: Measure::Rated, n: 1 }));
}

#[test]
fn closed_without_an_answer_meets_the_deadline_on_the_closing_day() {
    let closed = Milestones { closed: Some(date(2026, 11, 4)), ..item() };
    let facts = facts_of(&closed, &calendar());
    assert!(facts.contains(&Fact { day: date(2026, 11, 10), measure: Measure::OnTime, n: 1 }));
}

#[test]
fn the_delta_of_a_first_answer_moves_only_what_changed() {
    let before = facts_of(&item(), &calendar());
    let after = facts_of(&Milestones { first_answer: Some(date(2026, 11, 4)), ..item() }, &calendar());
    let change = delta(&before, &after);
    assert_eq!(
        change,
        [
            Fact { day: date(2026, 11, 4), measure: Measure::AnswerDays(1), n: 1 },
            Fact { day: date(2026, 11, 10), measure: Measure::OnTime, n: 1 },
        ]
    );
    assert!(delta(&after, &after).is_empty());
}

#[test]
fn measure_codes_round_trip() {
    for measure in [Measure::Received, Measure::AnswerDays(0), Measure::CloseDays(DAYS_CAP), Measure::CaseOpened] {
        assert_eq!(Measure::parse(&measure.code()), Some(measure));
    }
    for bad in ["", "answer_wd:", "answer_wd:-1", "answer_wd:9999", "x:1", "diterima"] {
        assert_eq!(Measure::parse(bad), None, "{bad}");
    }
    assert_eq!(Stream::parse("surat"), Some(Stream::Letters));
}

#[test]
fn durations_over_the_cap_share_the_last_bucket() {
    assert_eq!(elapsed(&calendar(), date(2024, 1, 1), date(2026, 12, 31)), DAYS_CAP);
    assert_eq!(elapsed(&calendar(), date(2026, 11, 10), date(2026, 11, 10)), 0);
    assert_eq!(elapsed(&calendar(), date(2026, 11, 10), date(2026, 11, 2)), 0);
}
