//! The step forms of the case file: one form per step kind, read into a `domain::discipline::Step` and the letter
//! fields stored beside it; refusals of the guards turned into messages in the user's language.

use std::collections::HashMap;

use domain::discipline::employee::PositionType;
use domain::discipline::{Outcome, RecordProblem, Refusal, Rules, Step, check_examination_record, check_team};
use jiff::civil::Date;
use store::discipline::steps::Details;

use crate::i18n::Lang;

/// Letter and record fields a step may carry.
const DETAILS: [&str; 10] =
    ["letter_number", "place", "time", "examiner", "record", "note", "team", "official", "official_name", "signed_at"];

/// Reads a submitted step form; the message of the first problem otherwise.
pub fn read(
    lang: Lang,
    rules: &Rules,
    position: PositionType,
    form: &[(String, String)],
) -> Result<(Step, Details), String> {
    let fields: HashMap<&str, &str> = form.iter().map(|(k, v)| (k.as_str(), v.trim())).collect();
    let get = |name: &str| fields.get(name).copied().unwrap_or("");
    let date = |name: &'static str| -> Result<Date, String> {
        get(name).parse::<Date>().map_err(|_| {
            lang.tf("discipline.step.bad_date", &[("field", lang.t(&format!("discipline.step.field.{name}")))])
        })
    };
    let step = match get("kind") {
        "summons" => Step::Summons { sent: date("sent")?, examination: date("examination")? },
        "absent" => Step::Absent,
        "examined" => {
            check_examination_record(get("record"), get("signed") == "on").map_err(|it| record_message(lang, it))?;
            Step::Examined { on: date("on")? }
        }
        "team_formed" => {
            check_team(get("team")).map_err(|it| record_message(lang, it))?;
            Step::TeamFormed
        }
        "relieved" => Step::Relieved { on: date("on")? },
        "islah" => Step::Islah { on: date("on")? },
        "dropped" => Step::Dropped { on: date("on")? },
        "decided" => decided(lang, rules, position, (get("sanction"), get("official")), date("on")?)?,
        "absent_at_delivery" => Step::AbsentAtDelivery { on: date("on")? },
        "delivered" => Step::Delivered { on: date("on")? },
        "objection" => Step::Objection { on: date("on")? },
        "reviewed" => {
            let outcome = match get("outcome") {
                "confirmed" => Outcome::Confirmed,
                "annulled" => Outcome::Annulled,
                "changed" => Outcome::Changed { sanction: get("changed_sanction").to_owned() },
                _ => return Err(lang.t("discipline.step.outcome_required").to_owned()),
            };
            Step::Reviewed { on: date("on")?, outcome }
        }
        _ => return Err(lang.t("discipline.step.unknown").to_owned()),
    };
    let details: Details = DETAILS
        .iter()
        .filter(|name| !get(name).is_empty())
        .map(|name| ((*name).to_owned(), get(name).chars().take(20_000).collect()))
        .collect();
    Ok((step, details))
}

fn decided(
    lang: Lang,
    rules: &Rules,
    position: PositionType,
    (sanction, official): (&str, &str),
    on: Date,
) -> Result<Step, String> {
    if rules.sanction(sanction).is_none() {
        return Err(lang.t("discipline.step.sanction_required").to_owned());
    }
    // Source: PP 94/2021 Pasal 15–23 as the authority matrix of the rules file (which office over which position).
    let authority = rules
        .authority_over(official, position)
        .ok_or_else(|| lang.t("discipline.step.official_not_authorised").to_owned())?;
    Ok(Step::Decided { on, sanctions: vec![sanction.to_owned()], authority })
}

fn record_message(lang: Lang, problem: RecordProblem) -> String {
    let key = match problem {
        RecordProblem::RecordMissing => "discipline.step.record_required",
        RecordProblem::Unsigned => "discipline.step.bap_unsigned",
        RecordProblem::TeamUnnamed => "discipline.step.team_required",
    };
    lang.t(key).to_owned()
}

/// The message of a refusal, with its date where it has one.
pub fn refusal(lang: Lang, refusal: &Refusal) -> String {
    let date = |it: &Date| crate::view::format::long_date(lang, *it);
    let (key, arg) = match refusal {
        Refusal::SummonsTooShort { earliest } => ("summons_too_short", date(earliest)),
        Refusal::SummonsOutOfOrder => ("summons_out_of_order", String::new()),
        Refusal::SecondSummonsLate { latest } => ("second_summons_late", date(latest)),
        Refusal::NothingDue => ("nothing_due", String::new()),
        Refusal::NoRecord => ("no_record", String::new()),
        Refusal::TeamRequired => ("team_required", String::new()),
        Refusal::OneSanction => ("one_sanction", String::new()),
        Refusal::UnknownSanction(code) => ("unknown_sanction", code.clone()),
        Refusal::AboveLevel(level) => ("above_level", (*level).to_owned()),
        Refusal::OutsideAuthority(level) => ("outside_authority", (*level).to_owned()),
        Refusal::AlreadyDecided => ("already_decided", String::new()),
        Refusal::DeliveryOutOfTime { latest } => ("delivery_out_of_time", date(latest)),
        Refusal::ReliefNotAllowed => ("relief_not_allowed", String::new()),
        Refusal::Closed => ("closed", String::new()),
        Refusal::ObjectionOutOfTime { latest } => ("objection_out_of_time", date(latest)),
        Refusal::BeforePrevious => ("before_previous", String::new()),
    };
    lang.tf(&format!("discipline.refusal.{key}"), &[("value", &arg)])
}
