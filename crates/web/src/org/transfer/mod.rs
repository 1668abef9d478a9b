//! The unit register as CSV and XLSX files: one row per unit, parents referred to by code.
//!
//! The column names are a boundary (docs/ARCHITECTURE.md): `kode, kode_induk, jenis, nama, singkatan, alias,
//! zona_waktu, libur_cuti_bersama, aktif`; the English names `code, parent_code, kind, name, short_name, aliases,
//! time_zone, closed_on_cuti_bersama, active` are accepted too.

use domain::org::{RawUnit, Tenant, Unit};
use store::org::RowProblem;
use store::org::actions::ImportRow;

use crate::forms::message;
use crate::i18n::Lang;

/// Column names written on export, in order.
pub const COLUMNS: [&str; 9] =
    ["kode", "kode_induk", "jenis", "nama", "singkatan", "alias", "zona_waktu", "libur_cuti_bersama", "aktif"];
const ENGLISH: [&str; 9] =
    ["code", "parent_code", "kind", "name", "short_name", "aliases", "time_zone", "closed_on_cuti_bersama", "active"];
/// The field names of domain validation, in column order, to report problems under the file's column names.
const FIELDS: [&str; 9] =
    ["code", "parent_code", "kind", "name", "short_name", "aliases", "zone", "observes_cuti_bersama", "is_active"];

/// Why a file cannot be read at all (as opposed to bad rows).
#[derive(Debug, PartialEq, Eq)]
pub enum FileProblem {
    /// Not UTF-8 text, not a CSV, or not an XLSX workbook.
    Unreadable,
    /// A required column is missing.
    MissingColumn(&'static str),
    /// A column is not one of ours.
    UnknownColumn(String),
    /// No data rows.
    Empty,
    /// More rows than one import takes.
    TooManyRows(usize),
    /// The file is beyond a reading limit or malformed as CSV.
    Sheet(crate::sheets::SheetProblem),
}

/// Most rows in one file; a Pemda has hundreds of units, not tens of thousands.
pub const MAX_ROWS: usize = 5_000;

/// The column name under which a validation field is reported.
pub fn column_of(field: &str) -> &'static str {
    FIELDS.iter().position(|it| *it == field).map_or("kode", |idx| COLUMNS[idx])
}

/// Reads rows from a table whose first row is the header; rows are numbered as a spreadsheet shows them.
fn rows_from_table(table: Vec<Vec<String>>) -> Result<Vec<(usize, RawUnit)>, FileProblem> {
    let mut lines = table.into_iter();
    let header = lines.next().ok_or(FileProblem::Empty)?;
    let mut positions: [Option<usize>; 9] = [None; 9];
    for (idx, name) in header.iter().enumerate() {
        let name = name.trim().trim_start_matches('\u{feff}').to_lowercase();
        if name.is_empty() {
            continue;
        }
        let column = COLUMNS.iter().position(|it| *it == name).or_else(|| ENGLISH.iter().position(|it| *it == name));
        match column {
            Some(column) => positions[column] = Some(idx),
            None => return Err(FileProblem::UnknownColumn(name)),
        }
    }
    for required in [0, 2, 3] {
        if positions[required].is_none() {
            return Err(FileProblem::MissingColumn(COLUMNS[required]));
        }
    }
    let mut rows = Vec::new();
    for (idx, line) in lines.enumerate() {
        if line.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let cell = |column: usize| positions[column].and_then(|at| line.get(at)).cloned().unwrap_or_default();
        let raw = RawUnit {
            code: cell(0),
            parent_code: cell(1),
            kind: cell(2),
            name: cell(3),
            short_name: cell(4),
            aliases: cell(5),
            zone: cell(6),
            observes_cuti_bersama: cell(7),
            is_active: cell(8),
        };
        rows.push((idx + 2, raw));
    }
    match rows.len() {
        0 => Err(FileProblem::Empty),
        n if n > MAX_ROWS => Err(FileProblem::TooManyRows(n)),
        _ => Ok(rows),
    }
}

/// The cells of a file within the limits of an import of `max_rows` rows (see [`crate::sheets::read`]).
pub fn table(file_name: &str, bytes: &[u8], limits: crate::sheets::Limits) -> Result<Vec<Vec<String>>, FileProblem> {
    crate::sheets::read(file_name, bytes, limits).map_err(|problem| match problem {
        crate::sheets::SheetProblem::Unreadable => FileProblem::Unreadable,
        other => FileProblem::Sheet(other),
    })
}

/// What one unit file may hold.
const LIMITS: crate::sheets::Limits = crate::sheets::Limits::rows(MAX_ROWS);

/// Reads a CSV file of units.
pub fn read_csv(bytes: &[u8]) -> Result<Vec<(usize, RawUnit)>, FileProblem> {
    rows_from_table(table("unit.csv", bytes, LIMITS)?)
}

/// Reads the first sheet of an XLSX workbook of units.
pub fn read_xlsx(bytes: &[u8]) -> Result<Vec<(usize, RawUnit)>, FileProblem> {
    rows_from_table(table("unit.xlsx", bytes, LIMITS)?)
}

fn record(unit: &Unit) -> [String; 9] {
    let flag = |it: bool| if it { "ya" } else { "tidak" }.to_owned();
    [
        unit.draft.code.clone(),
        unit.draft.parent_code.clone().unwrap_or_default(),
        unit.draft.kind.code().to_owned(),
        unit.draft.name.clone(),
        unit.draft.short_name.clone().unwrap_or_default(),
        unit.draft.aliases.join("; "),
        unit.draft.zone.iana().to_owned(),
        flag(unit.draft.observes_cuti_bersama),
        flag(unit.draft.is_active),
    ]
}

/// Writes units as CSV (formulas neutralised, see [`crate::sheets::write_csv`]).
pub fn write_csv(units: &[Unit]) -> Result<Vec<u8>, csv::Error> {
    crate::sheets::write_csv(&COLUMNS, units.iter().map(record))
}

/// Writes units as an XLSX workbook with one sheet.
pub fn write_xlsx(units: &[Unit]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("unit")?;
    let bold = rust_xlsxwriter::Format::new().set_bold();
    for (col, name) in COLUMNS.iter().enumerate() {
        let col = u16::try_from(col).unwrap_or(u16::MAX);
        sheet.write_string_with_format(0, col, *name, &bold)?;
    }
    for (row, unit) in units.iter().enumerate() {
        let row = u32::try_from(row + 1).unwrap_or(u32::MAX);
        for (col, value) in record(unit).iter().enumerate() {
            sheet.write_string(row, u16::try_from(col).unwrap_or(u16::MAX), value)?;
        }
    }
    sheet.autofit();
    workbook.save_to_buffer()
}

/// The units with parents before their children and siblings by name, the order exports use.
pub fn in_tree_order(units: Vec<Unit>) -> Vec<Unit> {
    let tree = domain::org::UnitTree::of_units(&units);
    let mut by_id: std::collections::HashMap<_, _> = units.into_iter().map(|it| (it.id.clone(), it)).collect();
    tree.ordered().into_iter().filter_map(|(id, _)| by_id.remove(&id)).collect()
}

/// Why an import was refused as a whole: nothing of it was stored.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The file cannot be read as a unit register.
    File(FileProblem),
    /// These rows are wrong (every bad row, not just the first).
    Rows(Vec<RowProblem>),
}

/// Reads a file (a workbook when the name ends in `.xlsx`, else CSV) and checks every row's fields for the tenant;
/// problems between rows are found by the import action, so that every bad row is reported in one pass.
pub fn import_rows(file_name: &str, bytes: &[u8], tenant: &Tenant) -> Result<Vec<ImportRow>, Refusal> {
    let is_workbook = file_name.to_lowercase().ends_with(".xlsx");
    let rows = if is_workbook { read_xlsx(bytes) } else { read_csv(bytes) }.map_err(Refusal::File)?;
    Ok(rows
        .into_iter()
        .map(|(row, raw)| ImportRow { row, code: raw.code.clone(), draft: raw.parse(tenant.level, tenant.zone) })
        .collect())
}

/// Every message of a refusal in the user's language: `row N, column "X": reason` per bad row.
pub fn refusal_messages(lang: Lang, refusal: &Refusal) -> Vec<String> {
    match refusal {
        Refusal::File(problem) => vec![file_message(lang, problem)],
        Refusal::Rows(problems) => problems.iter().map(|it| row_message(lang, it)).collect(),
    }
}

fn row_message(lang: Lang, problem: &RowProblem) -> String {
    let row = problem.row.to_string();
    let column = column_of(problem.problem.field);
    let reason = message(lang, &problem.problem.problem);
    lang.tf("org.import.row_problem", &[("row", &row), ("column", column), ("reason", &reason)])
}

pub(crate) fn file_message(lang: Lang, problem: &FileProblem) -> String {
    match problem {
        FileProblem::Unreadable => lang.t("org.import.unreadable").to_owned(),
        FileProblem::MissingColumn(column) => lang.tf("org.import.missing_column", &[("column", column)]),
        FileProblem::UnknownColumn(column) => lang.tf("org.import.unknown_column", &[("column", column)]),
        FileProblem::Empty => lang.t("org.import.empty").to_owned(),
        FileProblem::TooManyRows(n) => {
            lang.tf("org.import.too_many_rows", &[("n", &n.to_string()), ("max", &MAX_ROWS.to_string())])
        }
        FileProblem::Sheet(problem) => crate::sheets::message(lang, problem),
    }
}

#[cfg(test)]
mod tests;
