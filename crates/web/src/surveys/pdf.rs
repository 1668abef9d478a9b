//! The SKM report and the QR poster as documents, typeset by `documents` with `survey-report.typ` and
//! `survey-poster.typ`: the report's summary, elements with their bars, trend, units or services, profile and
//! follow-up plans as tables, signed by the officer the Pemda named; the poster with a large QR code.

use serde::Serialize;

use super::report_model::ReportModel;
use crate::documents::letterhead::{Frame, House, Signature, Style};
use crate::documents::{Assets, DocumentError, Prepared, Template};
use crate::i18n::Lang;
use crate::view::format::long_date;

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct ReportData {
    #[serde(flatten)]
    frame: Frame,
    heading: Vec<String>,
    no_survey: String,
    summary: Option<Summary>,
    elements: Option<Elements>,
    trend: Option<Table<TrendRow>>,
    parts: Option<Table<PartRow>>,
    profile: Option<Profile>,
    followups: Option<Table<FollowupRow>>,
    method: Option<String>,
    signature: Option<Signature>,
    style: Style,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct Summary {
    respondents_label: String,
    respondents: String,
    ikm_label: String,
    ikm: String,
    category_label: String,
    category: String,
    sample_note: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct Elements {
    title: String,
    headers: Vec<String>,
    rows: Vec<ElementRow>,
    weakest_note: Option<String>,
}

#[derive(Serialize)]
struct ElementRow {
    name: String,
    nrr: String,
    counts: String,
    share: f64,
    weakest: bool,
}

#[derive(Serialize)]
struct Table<R> {
    title: String,
    headers: Vec<String>,
    rows: Vec<R>,
}

#[derive(Serialize)]
struct TrendRow {
    period: String,
    respondents: String,
    value: String,
    share: f64,
}

#[derive(Serialize)]
struct PartRow {
    name: String,
    respondents: String,
    value: String,
}

#[derive(Serialize)]
struct Profile {
    title: String,
    rows: Vec<(String, String)>,
}

#[derive(Serialize)]
struct FollowupRow {
    element: String,
    action: String,
    owner: String,
    due: String,
    status: String,
}

fn value(ikm: Option<&super::report_model::IkmView>) -> String {
    ikm.map_or_else(|| "–".to_owned(), |it| format!("{} ({})", it.converted, it.letter))
}

/// The report of `model`, signed on `today` by the Pemda's report signer when it named one.
pub fn report(
    lang: Lang,
    house: &House,
    model: &ReportModel,
    today: jiff::civil::Date,
) -> Result<Prepared, DocumentError> {
    let t = |key: &str| lang.t(&format!("surveys.report.{key}")).to_owned();
    let period = model.period.as_ref().map(|it| it.1.clone());
    let mut heading = vec![t("title"), model.title.clone()];
    heading.extend(period.iter().map(|it| format!("{}: {it}", t("period"))));
    let footer = format!("{} · {}", t("title"), period.clone().unwrap_or_default());
    let has_data = model.period.is_some();
    let data = ReportData {
        frame: house.frame(lang, format!("{} — {}", t("title"), model.title), None, footer),
        heading,
        no_survey: t("no_survey"),
        summary: has_data.then(|| summary(lang, model)),
        elements: has_data.then(|| elements(lang, model)),
        trend: has_data.then(|| trend(lang, model)),
        parts: (has_data && !model.parts.is_empty()).then(|| parts(lang, model)),
        profile: has_data.then(|| profile(lang, model)),
        followups: (has_data && !model.followups.is_empty()).then(|| followups(lang, model)),
        method: has_data.then(|| t("method")),
        signature: has_data.then(|| house.report_signature(&long_date(lang, today))).flatten(),
        style: house.style(lang),
    };
    let ident = format!("skm-{}-{}", model.query.unit, period.unwrap_or_default());
    Prepared::new(Template::SurveyReport, &data, Assets { logo: house.logo(), qr: None }, &ident)
}

fn summary(lang: Lang, model: &ReportModel) -> Summary {
    let t = |key: &str| lang.t(&format!("surveys.report.{key}")).to_owned();
    let sample_note = model.sample.map(|(population, minimum, reached)| {
        let key = if reached { "sample_reached" } else { "sample_short" };
        let args = [("population", population.to_string()), ("minimum", minimum.to_string())];
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        format!("{}: {}", t("sample"), lang.tf(&format!("surveys.report.{key}"), &args))
    });
    Summary {
        respondents_label: t("respondents"),
        respondents: model.respondents.to_string(),
        ikm_label: t("converted"),
        ikm: model.ikm.as_ref().map_or_else(|| "–".to_owned(), |it| it.converted.clone()),
        category_label: t("category"),
        category: model
            .ikm
            .as_ref()
            .map_or_else(|| "–".to_owned(), |it| format!("{} ({})", it.letter, lang.t(&it.category_key))),
        sample_note,
    }
}

fn elements(lang: Lang, model: &ReportModel) -> Elements {
    let t = |key: &str| lang.t(&format!("surveys.report.{key}")).to_owned();
    let rows = model
        .elements
        .iter()
        .map(|row| ElementRow {
            name: format!("{} {}", row.code.to_uppercase(), row.name),
            nrr: row.nrr.clone().unwrap_or_else(|| t("not_applicable_short")),
            counts: row.answers.iter().map(u64::to_string).collect::<Vec<_>>().join(" / "),
            share: row.nrr_value / 4.0,
            weakest: row.weakest,
        })
        .collect();
    let weakest_note = (!model.weakest.is_empty()).then(|| format!("{}: {}", t("weakest"), model.weakest.join(", ")));
    Elements {
        title: t("elements"),
        headers: vec![t("element"), "NRR".to_owned(), "1 / 2 / 3 / 4".to_owned(), t("on_scale")],
        rows,
        weakest_note,
    }
}

fn trend(lang: Lang, model: &ReportModel) -> Table<TrendRow> {
    let t = |key: &str| lang.t(&format!("surveys.report.{key}")).to_owned();
    let rows = model
        .trend
        .iter()
        .map(|point| TrendRow {
            period: point.period.clone(),
            respondents: point.respondents.to_string(),
            value: value(point.ikm.as_ref()),
            share: point.ikm.as_ref().map_or(0.0, |it| it.converted_value / 100.0),
        })
        .collect();
    Table { title: t("trend"), headers: vec![t("period"), t("respondents"), t("converted"), String::new()], rows }
}

fn parts(lang: Lang, model: &ReportModel) -> Table<PartRow> {
    let t = |key: &str| lang.t(&format!("surveys.report.{key}")).to_owned();
    let rows = model
        .parts
        .iter()
        .map(|part| PartRow {
            name: part.name.clone(),
            respondents: part.respondents.to_string(),
            value: value(part.ikm.as_ref()),
        })
        .collect();
    let title = t(if model.scope == "tenant" { "units" } else { "services" });
    Table { title, headers: vec![t("name"), t("respondents"), t("converted")], rows }
}

fn profile(lang: Lang, model: &ReportModel) -> Profile {
    let rows = model
        .profile
        .iter()
        .map(|group| {
            let label = lang.t(&format!("surveys.profile.{}.label", group.field)).to_owned();
            let parts: Vec<String> = group
                .rows
                .iter()
                .filter(|it| it.1 > 0)
                .map(|(value, n, share)| {
                    format!("{} {n} ({share}%)", lang.t(&format!("surveys.profile.{}.{value}", group.field)))
                })
                .collect();
            (label, if parts.is_empty() { "–".to_owned() } else { parts.join(", ") })
        })
        .collect();
    Profile { title: lang.t("surveys.report.profile").to_owned(), rows }
}

fn followups(lang: Lang, model: &ReportModel) -> Table<FollowupRow> {
    let t = |key: &str| lang.t(&format!("surveys.report.{key}")).to_owned();
    let rows = model
        .followups
        .iter()
        .map(|plan| FollowupRow {
            element: plan.element.clone(),
            action: plan.action.clone(),
            owner: plan.owner.clone(),
            due: plan.due_on.clone(),
            status: lang.t(&format!("surveys.followup.status.{}", plan.status)).to_owned(),
        })
        .collect();
    Table { title: t("followups"), headers: vec![t("element"), t("action"), t("owner"), t("due"), t("status")], rows }
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct PosterData {
    #[serde(flatten)]
    frame: Frame,
    heading: String,
    service: String,
    invite: String,
    link: String,
    link_size: f64,
    notes: Vec<String>,
}

/// Points of the link under the QR code: 22 pt, smaller for a long address so it stays on one line of the text
/// area (about 467 pt; a DejaVu Sans character is at most 0.62 em wide in a web address), never under 9 pt.
fn link_size(link: &str) -> f64 {
    #[allow(clippy::cast_precision_loss)] // an address is far shorter than 2^52 characters
    let chars = link.chars().count().max(1) as f64;
    (460.0 / (chars * 0.62)).clamp(9.0, 22.0)
}

/// The A4 poster of a survey: the unit, the service, a large QR code of the short link, and the link written out.
pub fn poster(
    lang: Lang,
    house: &House,
    (unit, service): (&str, &str),
    link: &str,
    code: &str,
) -> Result<Prepared, DocumentError> {
    let t = |key: &str| lang.t(&format!("surveys.poster.{key}")).to_owned();
    let data = PosterData {
        frame: house.frame(lang, format!("{} — {service}", t("title")), Some(unit), link.to_owned()),
        heading: t("title"),
        service: service.to_owned(),
        invite: t("invite"),
        link: link.to_owned(),
        link_size: link_size(link),
        notes: vec![t("anonymous"), t("once")],
    };
    let assets = Assets { logo: house.logo(), qr: Some(link.to_owned()) };
    Prepared::new(Template::SurveyPoster, &data, assets, &format!("poster-skm-{code}"))
}
