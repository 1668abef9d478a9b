//! The self-assessment page's model: the instrument with each indicator's level (measured or entered), its ladder
//! text, the figures or the note behind it and its files, and the projection above them.

use std::collections::BTreeMap;

use domain::evaluation::measured::Measure;
use domain::evaluation::{Indicator, Variant};
use domain::ids::UnitId;
use domain::people::Permission;
use serde::Serialize;
use store::evaluation::measured::{Figures, load_figures};
use store::evaluation::{self as stored};

use crate::error::WebError;
use crate::i18n::Lang;
use crate::layout::Layout;
use crate::staff::Staff;
use crate::view::TenantView;
use crate::view::format::decimal;

#[derive(Serialize)]
pub(super) struct FileView {
    pub id: String,
    pub file_name: String,
}

#[derive(Serialize)]
pub(super) struct Choice {
    pub value: String,
    pub label: String,
}

#[derive(Serialize)]
pub(super) struct IndicatorView {
    pub code: String,
    pub name: String,
    pub weight: String,
    pub status: String,
    pub measured: bool,
    pub level: Option<u8>,
    pub level_text: String,
    pub evidence: String,
    pub note: String,
    pub files: Vec<FileView>,
    pub choices: Vec<Choice>,
}

#[derive(Serialize)]
pub(super) struct AspectView {
    pub code: String,
    pub name: String,
    pub weight: String,
    pub status: String,
    pub indicators: Vec<IndicatorView>,
}

#[derive(Serialize)]
pub(super) struct Page {
    #[serde(flatten)]
    layout: Layout,
    unit_id: String,
    unit_name: String,
    year: i16,
    variant: &'static str,
    instrument: String,
    source: String,
    can_edit: bool,
    lower_bound: String,
    estimate: Option<String>,
    category: Option<String>,
    scored: String,
    unscored: usize,
    combine: String,
    pub aspects: Vec<AspectView>,
    problems: Vec<String>,
    variants: Vec<Choice>,
}

fn pct(lang: Lang, share: f64) -> String {
    format!("{} %", decimal(lang, share * 100.0, 1))
}

/// The page for a unit's year.
pub(super) async fn build(
    staff: &Staff,
    (unit, unit_name): (&UnitId, String),
    year: i16,
    problems: Vec<String>,
) -> Result<Page, WebError> {
    let instrument = super::instrument(staff, year).await?;
    let tenant = &staff.tenant.0.id;
    let view = TenantView::of(staff).await?;
    let today = staff.tenant.0.zone.local_date(staff.app.now());
    let as_of = today.min(jiff::civil::date(year, 12, 31));
    let mut conn = staff.app.db().conn().await?;
    let variant = stored::find_variant(&mut conn, tenant, unit, year).await?;
    let figures = load_figures(&mut conn, tenant, (view.tree(), unit), year, as_of).await?;
    let answers: BTreeMap<String, stored::Answer> = stored::list_answers(&mut conn, tenant, unit, year)
        .await?
        .into_iter()
        .map(|it| (it.indicator_code.clone(), it))
        .collect();
    let files = stored::list_evidence(&mut conn, tenant, unit, year).await?;
    drop(conn);
    let lang = staff.lang;
    let (aspects, levels) = aspects_of(lang, (&instrument, variant), &figures, (&answers, &files));
    let projection = instrument.project(variant, &levels);
    let category =
        projection.estimate.and_then(|it| instrument.category(it)).map(|it| format!("{} — {}", it.code, it.meaning));
    let can_edit = staff.user.access.can_unit(Permission::ManageUnitIndicators, unit, view.tree());
    let combine = lang.tf(
        "scorecards.pekppp.combine",
        &[
            ("evaluator", &pct(lang, instrument.combine.evaluator)),
            ("users", &pct(lang, instrument.combine.users)),
            ("status", &instrument.combine.status),
        ],
    );
    Ok(Page {
        layout: staff.layout.clone(),
        unit_id: unit.as_str().to_owned(),
        unit_name,
        year,
        variant: variant.code(),
        instrument: instrument.header.name.clone(),
        source: instrument.header.source.clone(),
        can_edit,
        lower_bound: decimal(lang, projection.lower_bound, 2),
        estimate: projection.estimate.map(|it| decimal(lang, it, 2)),
        category,
        scored: pct(lang, projection.scored_weight),
        unscored: projection.unscored.len(),
        combine,
        aspects,
        problems,
        variants: variants(lang),
    })
}

type Entered<'a> = (&'a BTreeMap<String, stored::Answer>, &'a [stored::Evidence]);

/// The aspects of the variant with each indicator's view, and the levels found.
fn aspects_of(
    lang: Lang,
    (instrument, variant): (&domain::evaluation::Instrument, Variant),
    figures: &Figures,
    (answers, files): Entered<'_>,
) -> (Vec<AspectView>, BTreeMap<String, u8>) {
    let mut levels: BTreeMap<String, u8> = BTreeMap::new();
    let mut aspects = Vec::new();
    for aspect in &instrument.aspects {
        let mut indicators = Vec::new();
        for indicator in aspect.indicators.iter().filter(|it| it.variants.contains(&variant)) {
            let shown = indicator_view(lang, indicator, figures, answers.get(&indicator.code), files);
            if let Some(level) = shown.level {
                levels.insert(indicator.code.clone(), level);
            }
            indicators.push(shown);
        }
        aspects.push(AspectView {
            code: aspect.code.clone(),
            name: aspect.name.clone(),
            weight: pct(lang, aspect.weight),
            status: aspect.status.clone(),
            indicators,
        });
    }
    (aspects, levels)
}

fn indicator_view(
    lang: Lang,
    indicator: &Indicator,
    figures: &Figures,
    answer: Option<&stored::Answer>,
    files: &[stored::Evidence],
) -> IndicatorView {
    let level = match indicator.measure {
        Some(measure) => figures.level(measure),
        None => answer.and_then(|it| it.level).and_then(|it| u8::try_from(it).ok()),
    };
    IndicatorView {
        code: indicator.code.clone(),
        name: indicator.name.clone(),
        weight: pct(lang, indicator.weight),
        status: indicator.status.clone(),
        measured: indicator.measure.is_some(),
        level,
        level_text: level.map(|it| indicator.ladder[usize::from(it)].clone()).unwrap_or_default(),
        evidence: indicator.measure.map(|it| evidence_text(lang, it, figures)).unwrap_or_default(),
        note: answer.map(|it| it.note.clone()).unwrap_or_default(),
        files: files
            .iter()
            .filter(|it| it.indicator_code == indicator.code)
            .map(|it| FileView { id: it.id.clone(), file_name: it.file_name.clone() })
            .collect(),
        choices: (0..=5u8)
            .map(|n| Choice { value: n.to_string(), label: format!("{n} — {}", indicator.ladder[usize::from(n)]) })
            .collect(),
    }
}

/// The figures behind a measured level, in words.
fn evidence_text(lang: Lang, measure: Measure, f: &Figures) -> String {
    let share =
        |part: i64, whole: i64| if whole > 0 { pct(lang, part as f64 / whole as f64) } else { "—".to_owned() };
    let key = format!("scorecards.pekppp.evidence.{}", measure.code());
    let args: Vec<(&str, String)> = match measure {
        Measure::ComplaintsFinished => vec![
            ("closed", f.closed.to_string()),
            ("received", f.received.to_string()),
            ("share", share(f.closed.min(f.received), f.received)),
        ],
        Measure::ComplaintResponseSpeed => {
            vec![("days", f.median_answer_days.map_or_else(|| "—".to_owned(), |it| decimal(lang, it, 1)))]
        }
        Measure::ComplaintAccountability => vec![("decisions", f.decisions.to_string())],
        Measure::SkmCycle => vec![
            ("respondents", f.skm_respondents.to_string()),
            (
                "sample",
                lang.t(match f.skm_sample_adequate {
                    Some(true) => "scorecards.pekppp.sample.enough",
                    Some(false) => "scorecards.pekppp.sample.short",
                    None => "scorecards.pekppp.sample.unknown",
                })
                .to_owned(),
            ),
            ("plans", f.followups_planned.to_string()),
        ],
        Measure::SkmFollowupDone => {
            vec![("done", f.followups_done.to_string()), ("planned", f.followups_planned.to_string())]
        }
        Measure::SkmFollowupSpeed => {
            vec![("months", f.followups_longest_months.map_or_else(|| "—".to_owned(), |it| decimal(lang, it, 1)))]
        }
    };
    let args: Vec<(&str, &str)> = args.iter().map(|(name, value)| (*name, value.as_str())).collect();
    lang.tf(&key, &args)
}

/// The variants as choices.
fn variants(lang: Lang) -> Vec<Choice> {
    [Variant::A, Variant::B]
        .iter()
        .map(|it| Choice {
            value: it.code().to_owned(),
            label: lang.t(&format!("scorecards.pekppp.variant.{}", it.code())).to_owned(),
        })
        .collect()
}
