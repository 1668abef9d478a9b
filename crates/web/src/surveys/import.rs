//! Paper questionnaires: the template to type them into (CSV or XLSX), and reading an uploaded file into checked
//! responses, every bad row listed with its line, so a file is either stored whole or not at all.

use axum::response::Response;
use domain::surveys::paper::{self, COLUMNS, TableProblem};
use domain::surveys::response::{Completeness, Response as SurveyResponse, check};
use rust_xlsxwriter::{Format, Workbook};

use crate::error::WebError;
use crate::forms::message;
use crate::i18n::Lang;
use crate::org::transfer::FileProblem;
use crate::render::download;

/// Largest upload: 20 000 rows of a spreadsheet fit easily.
pub const UPLOAD_LIMIT: usize = 8 * 1024 * 1024;

/// `GET /skm/templat.csv`: the header row only, so nothing but real forms is ever imported.
pub async fn template_csv() -> Result<Response, WebError> {
    let bytes = crate::sheets::write_csv(&COLUMNS, std::iter::empty::<[&str; 0]>())
        .map_err(|err| WebError::Internal(err.to_string()))?;
    Ok(download("text/csv; charset=utf-8", "templat-skm.csv", bytes))
}

/// What a column takes, for the instructions sheet.
fn allowed(lang: Lang, column: usize) -> String {
    match column {
        0 => lang.t("surveys.template.respondent").to_owned(),
        1..=9 => {
            let element = &domain::surveys::ELEMENTS[column - 1];
            let labels: Vec<String> =
                element.answers_id.iter().zip(1..).map(|(label, n)| format!("{n} = {label}")).collect();
            format!(
                "{}: {} · {}",
                super::report_parts::element_name(lang, column - 1),
                labels.join(", "),
                lang.t("surveys.template.empty_ok")
            )
        }
        10..=14 => {
            let field = &domain::surveys::profile::PROFILE[column - 10];
            let values: Vec<String> = field
                .values
                .iter()
                .map(|value| format!("{value} = {}", lang.t(&format!("surveys.profile.{}.{value}", field.code))))
                .collect();
            format!("{}: {}", lang.t(&format!("surveys.profile.{}.label", field.code)), values.join(", "))
        }
        _ => lang.t("surveys.template.suggestion").to_owned(),
    }
}

/// `GET /skm/templat.xlsx`: the form sheet with its header, and a sheet explaining every column.
pub async fn template_xlsx(lang: Lang) -> Result<Response, WebError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let xlsx = |err: rust_xlsxwriter::XlsxError| WebError::Internal(err.to_string());
    let sheet = workbook.add_worksheet().set_name(lang.t("surveys.template.sheet_forms")).map_err(xlsx)?;
    for (col, name) in (0u16..).zip(COLUMNS) {
        sheet.write_string_with_format(0, col, name, &bold).map_err(xlsx)?;
    }
    sheet.set_column_width(15, 40).map_err(xlsx)?;
    let help = workbook.add_worksheet().set_name(lang.t("surveys.template.sheet_help")).map_err(xlsx)?;
    help.write_string_with_format(0, 0, lang.t("surveys.template.intro"), &bold).map_err(xlsx)?;
    help.set_column_width(0, 16).map_err(xlsx)?;
    help.set_column_width(1, 120).map_err(xlsx)?;
    for (row, name) in (2u32..).zip(COLUMNS) {
        help.write_string_with_format(row, 0, name, &bold).map_err(xlsx)?;
        help.write_string(row, 1, allowed(lang, usize::try_from(row - 2).unwrap_or(0))).map_err(xlsx)?;
    }
    let bytes = workbook.save_to_buffer().map_err(xlsx)?;
    Ok(download("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "templat-skm.xlsx", bytes))
}

/// Reads an uploaded file: the checked rows (respondent id, response), or every message to show.
pub fn read(
    lang: Lang,
    file_name: &str,
    bytes: &[u8],
    applicable: &[bool; 9],
) -> Result<Vec<(String, SurveyResponse)>, Vec<String>> {
    let limits = crate::sheets::Limits::rows(paper::MAX_ROWS);
    let table = crate::org::transfer::table(file_name, bytes, limits);
    let table = table.map_err(|problem| vec![file_message(lang, &problem)])?;
    let rows = paper::rows(&table).map_err(|problem| vec![table_message(lang, &problem)])?;
    let mut good = Vec::new();
    let mut messages = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for row in rows {
        let line = row.line.to_string();
        let mut problems: Vec<String> = Vec::new();
        if row.respondent.is_empty() {
            problems.push(format!("responden: {}", lang.t("errors.field.required")));
        } else if row.respondent.chars().count() > 60 {
            problems.push(format!("responden: {}", lang.tf("errors.field.too_long", &[("max", "60")])));
        } else if !seen.insert(row.respondent.clone()) {
            problems.push(lang.tf("surveys.import.duplicate", &[("given", &row.respondent)]));
        }
        match check(&row.raw, applicable, Completeness::AtLeastOne) {
            Ok(response) if problems.is_empty() => good.push((row.respondent, response)),
            Ok(_) => {}
            Err(found) => {
                problems.extend(found.iter().map(|it| format!("{}: {}", column(it.field), message(lang, &it.problem))))
            }
        }
        if !problems.is_empty() {
            messages.push(lang.tf("surveys.import.row", &[("line", &line), ("problems", &problems.join("; "))]));
        }
    }
    if messages.is_empty() { Ok(good) } else { Err(messages) }
}

/// The template's column of a validation field.
fn column(field: &str) -> &str {
    match domain::surveys::profile::field_index(field) {
        Some(n) => COLUMNS[10 + n],
        None if field == "suggestion" => "saran",
        None if field == "answers" => "u1–u9",
        None => field,
    }
}

fn file_message(lang: Lang, problem: &FileProblem) -> String {
    match problem {
        FileProblem::Empty => lang.t("surveys.import.empty").to_owned(),
        FileProblem::Sheet(problem) => crate::sheets::message(lang, problem),
        _ => lang.t("surveys.import.unreadable").to_owned(),
    }
}

fn table_message(lang: Lang, problem: &TableProblem) -> String {
    match problem {
        TableProblem::MissingColumn(name) => lang.tf("surveys.import.missing_column", &[("column", name)]),
        TableProblem::UnknownColumn(name) => lang.tf("surveys.import.unknown_column", &[("column", name)]),
        TableProblem::Empty => lang.t("surveys.import.empty").to_owned(),
        TableProblem::TooManyRows(n) => {
            lang.tf("surveys.import.too_many", &[("rows", &n.to_string()), ("max", &paper::MAX_ROWS.to_string())])
        }
    }
}
