//! The step forms of the case file: one form per step kind, read into a `domain::discipline::Step` and the letter
//! fields stored beside it; refusals of the guards turned into messages in the user's language.

use std::collections::HashMap;

use domain::discipline::employee::{PositionType, Status, check_nip};
use domain::discipline::{
    AuthorityRefusal, Level, Outcome, RecordProblem, Refusal, Rules, Step, check_examination_record, check_team,
};
use domain::org::TenantLevel;
use jiff::civil::Date;
use store::discipline::steps::Details;

use crate::i18n::Lang;

/// Letter and record fields a step may carry.
const DETAILS: [&str; 12] = [
    "letter_number",
    "place",
    "time",
    "examiner",
    "examiner_nip",
    "record",
    "note",
    "team",
    "official",
    "official_name",
    "official_nip",
    "signed_at",
];

/// Reads a submitted step form for an employee of `position` in a Pemda of `pemda` level; the message of the first
/// problem otherwise.
pub fn read(
    lang: Lang,
    rules: &Rules,
    accused: (PositionType, TenantLevel),
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
        "decided" => decided(lang, rules, accused, (get("sanction"), get("official")), date("on")?)?,
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
    // A signer's NIP is printed under the name on the letter: a wrong one is refused, not printed.
    for name in ["examiner_nip", "official_nip"] {
        if !get(name).is_empty() && check_nip(get(name), Status::Pns).is_err() {
            return Err(
                lang.tf("discipline.step.bad_nip", &[("field", lang.t(&format!("discipline.step.field.{name}")))])
            );
        }
    }
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
    accused: (PositionType, TenantLevel),
    (sanction, official): (&str, &str),
    on: Date,
) -> Result<Step, String> {
    if rules.sanction(sanction).is_none() {
        return Err(lang.t("discipline.step.sanction_required").to_owned());
    }
    // Source: PP 94/2021 as the authority rules of the rules file (which office imposes which level on whom).
    let authority = rules.may_impose(official, accused, sanction).map_err(|it| authority_message(lang, &it))?;
    Ok(Step::Decided { on, sanctions: vec![sanction.to_owned()], authority })
}

fn authority_message(lang: Lang, refusal: &AuthorityRefusal) -> String {
    let key = match refusal {
        AuthorityRefusal::UnknownSanction => "discipline.step.sanction_required",
        AuthorityRefusal::UnknownOffice | AuthorityRefusal::NotOverPosition => {
            "discipline.step.official_not_authorised"
        }
        AuthorityRefusal::NotInThisPemda => "discipline.step.official_not_in_pemda",
        AuthorityRefusal::Excluded => "discipline.step.official_excluded",
        AuthorityRefusal::LevelNotAllowed(levels) => {
            return lang.tf("discipline.step.official_levels", &[("value", &levels_text(lang, levels))]);
        }
    };
    lang.t(key).to_owned()
}

/// Levels by name, lowercase, joined (`ringan, sedang`).
pub fn levels_text(lang: Lang, levels: &[Level]) -> String {
    let names: Vec<String> =
        levels.iter().map(|it| lang.t(&format!("discipline.level.{}", it.code())).to_lowercase()).collect();
    names.join(", ")
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
