//! The case file as the page shows it: codes turned into names, dates written out in the reader's language.

use domain::discipline::Rules;
use domain::discipline::employee::PositionType;
use domain::org::TenantLevel;
use serde::Serialize;
use store::discipline::cases::CaseFile;

use super::letters;
use crate::i18n::Lang;

/// The case's own fields.
#[derive(Serialize)]
pub struct CaseView {
    id: String,
    number: String,
    origin: String,
    origin_ref: Option<String>,
    level: String,
    state: String,
    facts: String,
    evidence: String,
    /// The sanction imposed, by name.
    sanction: Option<String>,
    effective_on: Option<String>,
    ends_on: Option<String>,
    relieved: Option<String>,
    islah: Vec<String>,
}

/// The case's own fields.
pub fn case(rules: &Rules, file: &CaseFile, lang: Lang) -> CaseView {
    let date = |it: jiff::civil::Date| crate::view::format::long_date(lang, it);
    let parsed = |it: Option<&str>| it.and_then(|it| it.parse().ok()).map(date);
    let row = &file.row;
    CaseView {
        id: row.id.clone(),
        number: row.number.clone(),
        origin: row.origin.clone(),
        origin_ref: row.origin_ref.clone(),
        level: row.level.clone(),
        state: row.state.clone(),
        facts: row.facts.clone(),
        evidence: row.evidence.clone(),
        sanction: row
            .sanction
            .as_deref()
            .map(|code| rules.sanction(code).map_or(code.to_owned(), |it| it.name.clone())),
        effective_on: parsed(row.effective_on.as_deref()),
        ends_on: parsed(row.ends_on.as_deref()),
        relieved: file.case.relieved.map(date),
        islah: file.case.islah.iter().map(|it| date(*it)).collect(),
    }
}

/// The employee concerned.
#[derive(Serialize)]
pub struct EmployeeView {
    name: String,
    nip: String,
    grade: Option<String>,
    position: String,
    position_type: String,
    status: String,
    unit: Option<String>,
}

/// The employee concerned, with the unit's name.
pub fn employee(file: &CaseFile, unit: Option<String>) -> EmployeeView {
    let it = &file.employee;
    EmployeeView {
        name: it.name.clone(),
        nip: it.nip.clone(),
        grade: it.grade.clone(),
        position: it.position.clone(),
        position_type: it.position_type.clone(),
        status: it.status.clone(),
        unit,
    }
}

/// An alleged breach with its article.
#[derive(Serialize)]
pub struct BreachView {
    code: String,
    impact: String,
    level: &'static str,
    article: Option<String>,
    text: Option<String>,
}

/// The alleged breaches with their articles.
pub fn breaches(rules: &Rules, file: &CaseFile) -> Vec<BreachView> {
    file.breaches
        .iter()
        .map(|it| {
            let item = rules.item(&it.code);
            BreachView {
                code: it.code.clone(),
                impact: it.impact.clone(),
                level: it.level.code(),
                article: item.map(|i| i.article.clone()),
                text: item.map(|i| i.text.clone()),
            }
        })
        .collect()
}

/// An office the decision form offers, with the levels it may impose on this employee.
#[derive(Serialize)]
pub struct OfficeOption {
    code: String,
    name: String,
    levels: String,
}

/// The offices of this Pemda that may sanction an employee of this position.
pub fn offices(rules: &Rules, (position, pemda): (PositionType, TenantLevel), lang: Lang) -> Vec<OfficeOption> {
    rules
        .offices_over(position, pemda)
        .into_iter()
        .map(|(office, power)| OfficeOption {
            code: office.code.clone(),
            name: office.name.clone(),
            levels: super::step_form::levels_text(lang, &power.levels),
        })
        .collect()
}

/// A recorded step as the page shows it.
#[derive(Serialize)]
pub struct StepRow {
    seq: i64,
    kind: &'static str,
    /// The step, its sanction codes replaced by their names.
    step: super::wire::StepOut,
    /// Letter fields, the official's office by name.
    details: store::discipline::steps::Details,
    by: Option<String>,
    at: String,
    letter: Option<&'static str>,
}

/// The steps, with sanctions and offices by name and the letter each produces.
pub fn steps(
    rules: &Rules,
    file: &CaseFile,
    name_of: &dyn Fn(&str) -> String,
    zone: domain::calendar::Zone,
) -> Vec<StepRow> {
    file.steps
        .iter()
        .map(|it| {
            let mut step = super::wire::StepOut::from(&it.step);
            if let Some(sanctions) = step.sanctions.as_mut() {
                for code in sanctions.iter_mut() {
                    if let Some(sanction) = rules.sanction(code) {
                        code.clone_from(&sanction.name);
                    }
                }
            }
            let mut details = it.details.clone();
            if let Some(official) = details.get_mut("official")
                && let Some(row) = rules.authority(official)
            {
                official.clone_from(&row.name);
            }
            StepRow {
                seq: it.seq,
                kind: step.kind,
                step,
                details,
                by: it.by_user.as_deref().map(name_of),
                at: crate::view::format::local_time(it.at_ms, zone),
                letter: letters::letter_of(&it.step),
            }
        })
        .collect()
}
