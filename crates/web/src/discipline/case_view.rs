//! The case file as the page shows it: codes turned into names, dates written out in the reader's language.

use serde_json::{Value, json};
use store::discipline::cases::CaseFile;

use super::letters;
use crate::i18n::Lang;

/// The case's own fields.
pub fn case(rules: &domain::discipline::Rules, file: &CaseFile, lang: Lang) -> Value {
    let date = |it: jiff::civil::Date| crate::view::format::long_date(lang, it);
    let parsed = |it: Option<&str>| it.and_then(|it| it.parse().ok()).map(date);
    let row = &file.row;
    json!({ "id": row.id, "number": row.number, "origin": row.origin, "origin_ref": row.origin_ref,
        "level": row.level, "state": row.state, "facts": row.facts, "evidence": row.evidence,
        "sanction": row.sanction.as_deref().map(|code| rules.sanction(code).map_or(code.to_owned(), |it| it.name.clone())),
        "effective_on": parsed(row.effective_on.as_deref()), "ends_on": parsed(row.ends_on.as_deref()),
        "relieved": file.case.relieved.map(date), "islah": file.case.islah.iter().map(|it| date(*it)).collect::<Vec<_>>() })
}

/// The employee.
pub fn employee(file: &CaseFile, unit: Option<String>) -> Value {
    let it = &file.employee;
    json!({ "name": it.name, "nip": it.nip, "grade": it.grade, "position": it.position,
        "position_type": it.position_type, "status": it.status, "unit": unit })
}

/// The alleged breaches with their articles.
pub fn breaches(rules: &domain::discipline::Rules, file: &CaseFile) -> Vec<Value> {
    file.breaches
        .iter()
        .map(|it| {
            let item = rules.item(&it.code);
            json!({ "code": it.code, "impact": it.impact, "level": it.level.code(),
                "article": item.map(|i| i.article.clone()), "text": item.map(|i| i.text.clone()) })
        })
        .collect()
}

/// A recorded step as the page shows it.
#[derive(serde::Serialize)]
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
    rules: &domain::discipline::Rules,
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
