//! The register and attendance files: CSV (`,` or `;`) or XLSX with a header row, Indonesian or English column
//! names, rows numbered as a spreadsheet shows them. Column names are a boundary (docs/DISCIPLINE.md).

use domain::discipline::attendance::RowProblem as AttendanceProblem;
use domain::discipline::employee::RawEmployee;
use store::discipline::employees::{Employee, ImportRow};
use store::org::RowProblem;

use crate::forms::message;
use crate::i18n::Lang;
use crate::org::transfer::{FileProblem, file_message};
use crate::sheets::Limits;

/// Register columns, written on export in this order.
pub const EMPLOYEE_COLUMNS: [&str; 9] =
    ["nip", "nama", "status", "golongan", "jabatan", "jenis_jabatan", "kode_unit", "nip_atasan", "akun"];
const EMPLOYEE_ENGLISH: [&str; 9] =
    ["nip", "name", "status", "grade", "position", "position_type", "unit_code", "superior_nip", "account"];
/// Attendance columns.
pub const ATTENDANCE_COLUMNS: [&str; 3] = ["nip", "tanggal", "status"];
const ATTENDANCE_ENGLISH: [&str; 3] = ["nip", "date", "status"];

/// Most rows of a register file.
pub const MAX_EMPLOYEES: usize = 50_000;
/// Most rows of an attendance file: a year of 4 000 employees; a larger Pemda imports one file per agency.
pub const MAX_ATTENDANCE_ROWS: usize = 1_000_000;

const EMPLOYEE_LIMITS: Limits = Limits::rows(MAX_EMPLOYEES);
const ATTENDANCE_LIMITS: Limits = Limits::rows(MAX_ATTENDANCE_ROWS).with_unzipped(256 << 20);

/// Positions of the named columns in the header; `required` columns must be there.
fn positions<const N: usize>(
    header: &[String],
    names: [&'static str; N],
    english: [&'static str; N],
    required: &[usize],
) -> Result<[Option<usize>; N], FileProblem> {
    let mut found = [None; N];
    for (idx, name) in header.iter().enumerate() {
        let name = name.trim().trim_start_matches('\u{feff}').to_lowercase().replace(' ', "_");
        if name.is_empty() {
            continue;
        }
        match names.iter().position(|it| *it == name).or_else(|| english.iter().position(|it| *it == name)) {
            Some(column) => found[column] = Some(idx),
            None => return Err(FileProblem::UnknownColumn(name)),
        }
    }
    if let Some(missing) = required.iter().find(|it| found[**it].is_none()) {
        return Err(FileProblem::MissingColumn(names[*missing]));
    }
    Ok(found)
}

/// Rows of a register file, each with its spreadsheet row number.
pub fn employee_rows(file_name: &str, bytes: &[u8]) -> Result<Vec<ImportRow>, FileProblem> {
    let mut lines = crate::org::transfer::table(file_name, bytes, EMPLOYEE_LIMITS)?.into_iter();
    let header = lines.next().ok_or(FileProblem::Empty)?;
    let at = positions(&header, EMPLOYEE_COLUMNS, EMPLOYEE_ENGLISH, &[0, 1, 2, 4, 5, 6])?;
    let mut rows = Vec::new();
    for (idx, line) in lines.enumerate() {
        if line.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let cell = |column: usize| at[column].and_then(|it| line.get(it)).cloned().unwrap_or_default();
        let raw = RawEmployee {
            nip: cell(0),
            name: cell(1),
            status: cell(2),
            grade: cell(3),
            position: cell(4),
            position_type: cell(5),
            unit_code: cell(6),
            superior_nip: cell(7),
        };
        rows.push(ImportRow { row: idx + 2, raw, account: cell(8) });
    }
    match rows.len() {
        0 => Err(FileProblem::Empty),
        n if n > MAX_EMPLOYEES => Err(FileProblem::TooManyRows(n)),
        _ => Ok(rows),
    }
}

/// Rows of an attendance file as (NIP, date, status); the domain numbers problems from row 2, as here.
pub fn attendance_rows(file_name: &str, bytes: &[u8]) -> Result<Vec<[String; 3]>, FileProblem> {
    let mut lines = crate::org::transfer::table(file_name, bytes, ATTENDANCE_LIMITS)?.into_iter();
    let header = lines.next().ok_or(FileProblem::Empty)?;
    let at = positions(&header, ATTENDANCE_COLUMNS, ATTENDANCE_ENGLISH, &[0, 1, 2])?;
    // Blank lines keep their place so row numbers stay those of the spreadsheet; they are reported as bad dates.
    let rows: Vec<[String; 3]> = lines
        .map(|line| std::array::from_fn(|column| at[column].and_then(|it| line.get(it)).cloned().unwrap_or_default()))
        .collect();
    let trailing_blank = rows.iter().rev().take_while(|it| it.iter().all(|cell| cell.trim().is_empty())).count();
    let rows = rows[..rows.len() - trailing_blank].to_vec();
    if rows.is_empty() { Err(FileProblem::Empty) } else { Ok(rows) }
}

/// Register column of a validation field.
fn employee_column(field: &str) -> &'static str {
    EMPLOYEE_ENGLISH.iter().position(|it| *it == field).map_or("nip", |idx| EMPLOYEE_COLUMNS[idx])
}

/// `row N, column "X": reason` for each bad register row.
pub fn employee_messages(lang: Lang, problems: &[RowProblem]) -> Vec<String> {
    problems
        .iter()
        .map(|it| {
            let reason = message(lang, &it.problem.problem);
            let row = it.row.to_string();
            lang.tf(
                "org.import.row_problem",
                &[("row", &row), ("column", employee_column(it.problem.field)), ("reason", &reason)],
            )
        })
        .collect()
}

/// The same for attendance rows.
pub fn attendance_messages(lang: Lang, problems: &[AttendanceProblem]) -> Vec<String> {
    problems
        .iter()
        .map(|it| {
            let column = match it.column {
                "date" => "tanggal",
                other => other,
            };
            let reason = lang.tf(&format!("discipline.attendance.problem.{}", it.problem), &[("given", &it.given)]);
            let row = it.row.to_string();
            lang.tf("org.import.row_problem", &[("row", &row), ("column", column), ("reason", &reason)])
        })
        .collect()
}

/// The message of a file that cannot be read at all.
pub fn file_messages(lang: Lang, problem: &FileProblem) -> Vec<String> {
    if let FileProblem::TooManyRows(n) = problem {
        let (n, max) = (n.to_string(), MAX_EMPLOYEES.to_string());
        return vec![lang.tf("org.import.too_many_rows", &[("n", &n), ("max", &max)])];
    }
    vec![file_message(lang, problem)]
}

/// One register row for export, in [`EMPLOYEE_COLUMNS`] order; `unit_code` and `account` resolved by the caller.
pub fn employee_record(it: &Employee, unit_code: &str, account: &str) -> [String; 9] {
    [
        it.nip.clone(),
        it.name.clone(),
        it.status.clone(),
        it.grade.clone().unwrap_or_default(),
        it.position.clone(),
        it.position_type.clone(),
        unit_code.to_owned(),
        it.superior_nip.clone().unwrap_or_default(),
        account.to_owned(),
    ]
}
