//! The tables of the rules page: the rules file in force as the reader's language writes it.

use domain::discipline::employee::PositionType;
use domain::discipline::{Impact, Item, Level, Rules};
use serde::Serialize;

use crate::i18n::Lang;

/// Every table of the page.
#[derive(Serialize)]
pub struct Tables {
    catalogue: Vec<CatalogueRow>,
    sanctions: Vec<SanctionRow>,
    deadlines: Vec<DeadlineRow>,
    authorities: Vec<OfficeRow>,
}

#[derive(Serialize)]
struct CatalogueRow {
    code: String,
    kind: String,
    article: String,
    text: String,
    note: Option<String>,
    unit: Option<&'static str>,
    instansi: Option<&'static str>,
    negara: Option<&'static str>,
    /// `position: level` pairs when the level follows the position instead of the impact.
    by_position: Vec<String>,
    from_absence_table: bool,
}

#[derive(Serialize)]
struct SanctionRow {
    code: String,
    level: &'static str,
    name: String,
    source: String,
    months: Option<u32>,
    appeal: String,
}

#[derive(Serialize)]
struct DeadlineRow {
    code: String,
    workdays: u32,
    meaning: String,
    source: String,
}

#[derive(Serialize)]
struct OfficeRow {
    code: String,
    name: String,
    /// The Pemda levels it exists in, by name; empty for every level.
    pemda: Vec<&'static str>,
    powers: Vec<PowerRow>,
    source: String,
}

#[derive(Serialize)]
struct PowerRow {
    positions: String,
    levels: String,
    /// Sanctions of those levels left to another office, by name.
    except: Vec<String>,
    note: Option<String>,
}

/// The tables of `rules`, names in `lang`.
pub fn tables(rules: &Rules, lang: Lang) -> Tables {
    Tables {
        catalogue: rules.catalogue().iter().map(|it| catalogue_row(it, lang)).collect(),
        sanctions: rules
            .sanctions()
            .iter()
            .map(|it| SanctionRow {
                code: it.code.clone(),
                level: it.level.code(),
                name: it.name.clone(),
                source: it.source.clone(),
                months: it.months,
                appeal: it.appeal_kind().to_owned(),
            })
            .collect(),
        deadlines: domain::discipline::DEADLINES
            .iter()
            .filter_map(|code| rules.deadline(code))
            .map(|it| DeadlineRow {
                code: it.code.clone(),
                workdays: it.workdays,
                meaning: it.meaning.clone(),
                source: it.source.clone(),
            })
            .collect(),
        authorities: office_rows(rules, lang),
    }
}

fn position_name(lang: Lang, code: &str) -> String {
    PositionType::parse(code)
        .map_or_else(|| code.to_owned(), |it| lang.t(&format!("discipline.position_type.{}", it.code())).to_owned())
}

fn catalogue_row(item: &Item, lang: Lang) -> CatalogueRow {
    let level = |impact| item.level(impact).map(Level::code);
    let by_position = item
        .by_position
        .iter()
        .map(|(position, level)| {
            format!("{}: {}", position_name(lang, position), super::step_form::levels_text(lang, &[*level]))
        })
        .collect();
    CatalogueRow {
        code: item.code.clone(),
        kind: item.kind.clone(),
        article: item.article.clone(),
        text: item.text.clone(),
        note: item.note.clone(),
        unit: level(Impact::Unit),
        instansi: level(Impact::Instansi),
        negara: level(Impact::Negara),
        by_position,
        from_absence_table: item.from_absence_table,
    }
}

fn office_rows(rules: &Rules, lang: Lang) -> Vec<OfficeRow> {
    rules
        .authorities()
        .iter()
        .map(|office| OfficeRow {
            code: office.code.clone(),
            name: office.name.clone(),
            pemda: office
                .tenant_levels
                .iter()
                .filter_map(|it| domain::org::TenantLevel::parse(it))
                .map(|it| lang.t(&format!("org.levels.{}", it.code())))
                .collect(),
            powers: office
                .over
                .iter()
                .map(|power| PowerRow {
                    positions: power.positions.iter().map(|it| position_name(lang, it)).collect::<Vec<_>>().join(", "),
                    levels: super::step_form::levels_text(lang, &power.levels),
                    except: power
                        .except
                        .iter()
                        .map(|code| rules.sanction(code).map_or_else(|| code.clone(), |it| it.name.clone()))
                        .collect(),
                    note: power.note.clone(),
                })
                .collect(),
            source: office.source.clone(),
        })
        .collect()
}
