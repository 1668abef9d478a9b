//! The pieces of a report model: element rows, profile breakdown, the parts table and the follow-up rows.

use std::collections::BTreeMap;

use domain::org::Unit;
use domain::surveys::profile::PROFILE;
use domain::surveys::report::Summary;
use domain::surveys::{ELEMENTS, Period};
use store::surveys::followups::Followup;
use store::surveys::reports::Totals;
use store::surveys::{Service, Survey};

use super::report_model::{
    ElementRow, FollowupRow, Merged, PartRow, ProfileGroup, ReportModel, ReportQuery, Scope, ikm_view, merge,
    summarize, unit_name,
};
use crate::i18n::Lang;

pub(super) fn empty(scope: &Scope, query: &ReportQuery, periods: Vec<(String, String)>) -> ReportModel {
    ReportModel {
        scope: scope.kind,
        title: scope.title.clone(),
        query: query.clone(),
        unit_id: scope.unit.as_ref().map(|it| it.as_str().to_owned()),
        period: None,
        periods,
        surveys: 0,
        respondents: 0,
        held: 0,
        ikm: None,
        elements: Vec::new(),
        weakest: Vec::new(),
        trend: Vec::new(),
        profile: Vec::new(),
        sample: None,
        parts: Vec::new(),
        followups: Vec::new(),
    }
}

/// The element's name in the page's language.
pub fn element_name(lang: Lang, n: usize) -> &'static str {
    if lang == Lang::Id { ELEMENTS[n].name_id } else { ELEMENTS[n].name_en }
}

pub(super) fn fill_summary(
    model: &mut ReportModel,
    lang: Lang,
    current: &[&Survey],
    merged: &Merged,
    summary: &Summary,
) {
    model.surveys = current.len();
    model.respondents = merged.respondents;
    model.held = merged.held;
    model.ikm = ikm_view(lang, summary);
    model.sample = summary.sample.map(|it| (it.population, it.minimum, it.reached));
    let nrr = summary.ikm.map(|it| it.nrr).unwrap_or([None; 9]);
    model.elements = (0..9)
        .map(|n| {
            // A reason is shown when the element applies in none of the surveys; the first survey's reason stands
            // for all of them.
            let not_applicable = (!merged.applicable[n]).then(|| {
                current.iter().find_map(|it| it.not_applicable.get(ELEMENTS[n].code).cloned()).unwrap_or_default()
            });
            ElementRow {
                code: ELEMENTS[n].code,
                name: element_name(lang, n),
                nrr: nrr[n].map(|it| crate::view::format::decimal(lang, it, 2)),
                nrr_value: nrr[n].unwrap_or(0.0),
                answers: merged.counts[n],
                not_applicable,
                weakest: summary.weakest.contains(&n),
            }
        })
        .collect();
    model.weakest = summary
        .weakest
        .iter()
        .map(|n| format!("{} {}", ELEMENTS[*n].code.to_uppercase(), element_name(lang, *n)))
        .collect();
}

pub(super) fn fill_profile(model: &mut ReportModel, lang: Lang, profiles: &BTreeMap<String, Totals>, respondents: u64) {
    let mut counts: BTreeMap<(String, String), u64> = BTreeMap::new();
    for totals in profiles.values() {
        for (key, n) in &totals.profile {
            *counts.entry(key.clone()).or_default() += n;
        }
    }
    let share = |n: u64| {
        if respondents == 0 {
            "0".to_owned()
        } else {
            crate::view::format::decimal(lang, n as f64 * 100.0 / respondents as f64, 1)
        }
    };
    let fields =
        PROFILE.iter().map(|it| (it.code, it.values.to_vec())).chain([("channel", vec!["web", "kiosk", "kertas"])]);
    model.profile = fields
        .map(|(field, values)| {
            let mut rows: Vec<(String, u64, String)> = values
                .iter()
                .map(|value| {
                    let n = counts.get(&(field.to_owned(), (*value).to_owned())).copied().unwrap_or(0);
                    ((*value).to_owned(), n, share(n))
                })
                .collect();
            let answered: u64 = rows.iter().map(|it| it.1).sum();
            rows.push((
                "none".to_owned(),
                respondents.saturating_sub(answered),
                share(respondents.saturating_sub(answered)),
            ));
            ProfileGroup { field, rows }
        })
        .collect();
}

pub(super) fn parts(
    (lang, scope, period): (Lang, &Scope, &Period),
    (units, services): (&[Unit], &[Service]),
    current: &[&Survey],
    totals: &BTreeMap<String, Totals>,
) -> Vec<PartRow> {
    let code = period.code();
    let mut rows: Vec<PartRow> = match scope.kind {
        "tenant" => {
            let mut by_unit: BTreeMap<String, Vec<&Survey>> = BTreeMap::new();
            for survey in current {
                by_unit.entry(survey.unit_id.as_str().to_owned()).or_default().push(survey);
            }
            by_unit
                .into_iter()
                .map(|(unit, list)| {
                    let merged = merge(list.into_iter(), totals);
                    PartRow {
                        name: unit_name(units, &domain::ids::UnitId::new(unit.clone())),
                        href: format!("/skm/laporan?unit={unit}&period={code}"),
                        respondents: merged.respondents,
                        ikm: ikm_view(lang, &summarize(&merged)),
                    }
                })
                .collect()
        }
        "unit" => current
            .iter()
            .map(|survey| {
                let merged = merge(std::iter::once(*survey), totals);
                let service = services.iter().find(|it| it.id == survey.service_id);
                let name = match service {
                    Some(service) if Some(&service.unit_id) != scope.unit.as_ref() => {
                        format!("{} ({})", service.name, unit_name(units, &service.unit_id))
                    }
                    Some(service) => service.name.clone(),
                    None => survey.service_id.clone(),
                };
                PartRow {
                    name,
                    href: format!("/skm/laporan?service={}&period={code}", survey.service_id),
                    respondents: merged.respondents,
                    ikm: ikm_view(lang, &summarize(&merged)),
                }
            })
            .collect(),
        _ => Vec::new(),
    };
    // Weakest first: the leader's question is which unit fails; parts without any response go last.
    rows.sort_by(|a, b| {
        let key = |it: &PartRow| it.ikm.as_ref().map_or(f64::MAX, |ikm| ikm.converted_value);
        key(a).total_cmp(&key(b)).then_with(|| a.name.cmp(&b.name))
    });
    rows
}

pub(super) fn followup_rows(lang: Lang, units: &[Unit], plans: Vec<Followup>) -> Vec<FollowupRow> {
    plans
        .into_iter()
        .map(|it| {
            let n = ELEMENTS.iter().position(|e| e.code == it.element).unwrap_or(0);
            FollowupRow {
                id: it.id,
                unit: unit_name(units, &it.unit_id),
                element: format!("{} {}", it.element.to_uppercase(), element_name(lang, n)),
                action: it.action,
                owner: it.owner,
                due_on: it.due_on.to_string(),
                status: it.status,
                note: it.note,
            }
        })
        .collect()
}
