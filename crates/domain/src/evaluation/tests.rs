//! The shipped instrument, its arithmetic worked by hand, broken files refused by place, and the measured ladders at
//! their boundaries.

use super::measured::*;
use super::*;

fn shipped() -> Instrument {
    Instrument::parse(SHIPPED_2025).expect("the shipped instrument is valid")
}

#[test]
fn the_shipped_instrument_has_six_aspects_and_thirty_indicators_per_variant() {
    let it = shipped();
    assert_eq!(it.header.year, 2025);
    assert_eq!(it.aspects.iter().map(|a| a.code.as_str()).collect::<Vec<_>>(), ["a", "b", "c", "d", "e", "f"]);
    assert_eq!(it.indicators(Variant::A).len(), 30);
    assert_eq!(it.indicators(Variant::B).len(), 30);
    let measured: Vec<&str> =
        it.indicators(Variant::B).iter().filter_map(|(_, i)| i.measure).map(Measure::code).collect();
    assert_eq!(measured.len(), 6, "{measured:?}");
}

#[test]
fn every_indicator_at_five_is_five_and_categories_follow_the_table() {
    let it = shipped();
    let all: BTreeMap<String, u8> = it.indicators(Variant::A).iter().map(|(_, i)| (i.code.clone(), 5)).collect();
    let full = it.project(Variant::A, &all);
    assert!((full.lower_bound - 5.0).abs() < 1e-9 && full.unscored.is_empty());
    assert_eq!(it.category(4.51).map(|c| c.code.as_str()), Some("A"));
    assert_eq!(it.category(4.50).map(|c| c.code.as_str()), Some("A-"));
    assert_eq!(it.category(3.0).map(|c| c.code.as_str()), Some("C"));
    assert_eq!(it.category(0.0).map(|c| c.code.as_str()), Some("F"));
}

#[test]
fn a_partial_projection_is_worked_by_hand() {
    let it = shipped();
    // Only 28.e.Ak at 4 and 8.a.Ak at 5: weights 0.10 × 0.25 = 0.025 and 0.24 × 0.07 = 0.0168.
    let levels: BTreeMap<String, u8> = [("28.e.Ak".to_owned(), 4), ("8.a.Ak".to_owned(), 5)].into();
    let got = it.project(Variant::A, &levels);
    assert!((got.lower_bound - (0.025 * 4.0 + 0.0168 * 5.0)).abs() < 1e-9);
    assert!((got.scored_weight - 0.0418).abs() < 1e-9);
    assert!((got.estimate.unwrap_or_default() - 0.184 / 0.0418).abs() < 1e-9);
    assert_eq!(got.unscored.len(), 28);
    // F-02 4.0 with F-03 3.0: 0.75 × 4 + 0.25 × 3 = 3.75.
    assert!((it.combine_ipp(4.0, Some(3.0)) - 3.75).abs() < 1e-9);
}

#[test]
fn broken_instruments_are_refused_by_place() {
    let heavy = SHIPPED_2025.replacen("weight = 0.24", "weight = 0.30", 1);
    assert!(matches!(Instrument::parse(&heavy), Err(InstrumentError::At { at, .. }) if at == "aspect"));
    let short = SHIPPED_2025.replacen("ladder = [\"tidak ada standar pelayanan\", ", "ladder = [", 1);
    assert!(matches!(Instrument::parse(&short), Err(InstrumentError::At { at, .. }) if at == "1.a.Ak"));
    let odd = SHIPPED_2025.replacen("measure = \"skm_cycle\"", "measure = \"horoscope\"", 1);
    assert!(matches!(Instrument::parse(&odd), Err(InstrumentError::At { at, .. }) if at == "6.a.B"));
    assert!(matches!(Instrument::parse("x = "), Err(InstrumentError::Syntax(_))));
}

#[test]
fn measured_ladders_at_their_boundaries() {
    assert_eq!(complaints_finished(90, 100), Some(5));
    assert_eq!(complaints_finished(89, 100), Some(4));
    assert_eq!(complaints_finished(49, 100), Some(3));
    assert_eq!(complaints_finished(0, 0), None);
    assert_eq!(response_speed(Some(24.0)), Some(5));
    assert_eq!(response_speed(Some(24.5)), Some(4));
    assert_eq!(response_speed(Some(337.0)), Some(0));
    assert_eq!(response_speed(None), None);
    assert_eq!(skm_followup_done(10, 10), Some(5));
    assert_eq!(skm_followup_done(9, 10), Some(4));
    assert_eq!(skm_followup_done(8, 10), Some(3));
    assert_eq!(skm_followup_done(2, 10), Some(2));
    assert_eq!(skm_followup_done(0, 10), Some(1));
    assert_eq!(skm_followup_speed(Some(1.0)), 5);
    assert_eq!(skm_followup_speed(Some(6.5)), 2);
    assert_eq!(skm_followup_speed(None), 0);
    assert_eq!(skm_cycle(true, true, true), 3);
    assert_eq!(skm_cycle(true, true, false), 2);
    assert_eq!(skm_cycle(true, false, true), 1);
    let all = Accountability {
        documented: true,
        archived: true,
        reported: true,
        evaluated: true,
        followed_up: true,
        published: true,
    };
    assert_eq!(accountability(all), 5);
    assert_eq!(accountability(Accountability { published: false, ..all }), 4);
    assert_eq!(accountability(Accountability { reported: false, ..all }), 2);
}

#[test]
fn an_edited_copy_may_change_values_but_keeps_the_year_and_every_code() {
    let shipped = shipped();
    // A Pemda confirms the split of the IPP against the official instrument and relabels a category.
    let edited = SHIPPED_2025
        .replace("evaluator = 0.75\nusers = 0.25\nstatus = \"PART\"", "evaluator = 0.7\nusers = 0.3\nstatus = \"OK\"")
        .replace("meaning = \"Pelayanan Prima\"", "meaning = \"Prima\"");
    let copy = Instrument::parse(&edited).expect("still a valid instrument");
    assert_eq!(copy.combine.evaluator, 0.7);
    assert_eq!(copy.check_copy_of(&shipped), Ok(()));
    let renamed = Instrument::parse(&SHIPPED_2025.replace("code = \"2.a.P\"", "code = \"2.a.X\"")).unwrap();
    assert!(matches!(renamed.check_copy_of(&shipped), Err(InstrumentError::At { at, .. }) if at == "2.a.P"));
    let year = Instrument::parse(&SHIPPED_2025.replace("year = 2025", "year = 2026")).unwrap();
    assert!(matches!(year.check_copy_of(&shipped), Err(InstrumentError::At { at, .. }) if at == "instrument"));
}
