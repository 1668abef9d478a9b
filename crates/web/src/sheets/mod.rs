//! Spreadsheet files in and out: CSV and XLSX read row by row within limits checked before anything is allocated,
//! and CSV written so that no cell is taken for a formula by the spreadsheet that opens it.
//!
//! Every import (units, employees, attendance, paper surveys; pages and CLI alike) reads through [`read`], so a
//! file cannot make Pantau allocate by what it claims: a cell at `XFD1048576`, a zip bomb, a quote never closed.

mod csv_in;
mod csv_out;
mod xlsx_in;

pub use csv_out::{neutralise, write_csv};

use crate::i18n::Lang;

/// How much of a file one import reads; a file beyond any limit is refused whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Rows, the header included, counted by the row number a spreadsheet shows.
    pub max_rows: usize,
    /// Columns of any row.
    pub max_columns: usize,
    /// Characters of one cell (Excel's own limit is 32 767).
    pub max_cell_chars: usize,
    /// Bytes of a workbook once unzipped, all of its parts together.
    pub max_unzipped_bytes: u64,
}

impl Limits {
    /// The limits of an import of `max_data_rows` rows at most.
    pub const fn rows(max_data_rows: usize) -> Limits {
        Limits { max_rows: max_data_rows + 1, max_columns: 64, max_cell_chars: 32_767, max_unzipped_bytes: 96 << 20 }
    }

    /// Larger workbooks (a year of attendance).
    pub const fn with_unzipped(self, bytes: u64) -> Limits {
        Limits { max_unzipped_bytes: bytes, ..self }
    }
}

/// Why a file cannot be read as a table at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SheetProblem {
    /// Not UTF-8 text, not a CSV, or not an XLSX workbook (or one protected by a password).
    Unreadable,
    /// A row beyond the limit has content.
    TooManyRows {
        /// Most rows, the header included.
        max: usize,
    },
    /// A cell beyond the last column the import takes has content.
    TooManyColumns {
        /// The row of that cell.
        row: usize,
        /// Most columns.
        max: usize,
    },
    /// A cell is longer than the limit.
    CellTooLong {
        /// Its row.
        row: usize,
        /// Most characters.
        max: usize,
    },
    /// The workbook unpacks to more than the limit (a zip bomb, or a file that needs the command line).
    TooLarge {
        /// Most megabytes once unpacked.
        max_mb: u64,
    },
    /// A quoted CSV field is never closed: every following row would vanish into it.
    UnclosedQuote {
        /// The line where the quote opens.
        line: usize,
    },
    /// A cell holds a control character or a text-direction override.
    UnsafeCharacter {
        /// Its row.
        row: usize,
        /// The character, as `U+0000`.
        code: String,
    },
    /// A CSV row has another number of fields than the header.
    FieldCount {
        /// The line of the row.
        line: usize,
        /// Fields of the header.
        expected: usize,
        /// Fields of the row.
        found: usize,
    },
}

/// The cells of a file with a header row: rows are indexed so that `table[n]` is spreadsheet row (or CSV line)
/// `n + 1`, blank rows included, so callers number their messages as the user's program shows them. An XLSX file
/// is read when the name ends in `.xlsx` or the bytes are a zip archive, else CSV with `,` or `;`.
pub fn read(file_name: &str, bytes: &[u8], limits: Limits) -> Result<Vec<Vec<String>>, SheetProblem> {
    if file_name.to_lowercase().ends_with(".xlsx") || bytes.starts_with(b"PK\x03\x04") {
        xlsx_in::read(bytes, limits)
    } else {
        csv_in::read(bytes, limits)
    }
}

/// A spreadsheet shows `'=1` as the text `=1`; an exported cell that was neutralised reads back as it was.
fn restore(cell: String) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) && neutralise(rest) == cell => rest.to_owned(),
        _ => cell,
    }
}

/// Puts a cell into its row, refusing what lies beyond the limits before growing anything.
fn place(
    table: &mut Vec<Vec<String>>,
    (row, column): (usize, usize),
    value: String,
    limits: Limits,
) -> Result<(), SheetProblem> {
    if row >= limits.max_rows {
        return Err(SheetProblem::TooManyRows { max: limits.max_rows });
    }
    if column >= limits.max_columns {
        return Err(SheetProblem::TooManyColumns { row: row + 1, max: limits.max_columns });
    }
    if value.chars().count() > limits.max_cell_chars {
        return Err(SheetProblem::CellTooLong { row: row + 1, max: limits.max_cell_chars });
    }
    if let Some(it) = domain::problems::unsafe_character(&value) {
        return Err(SheetProblem::UnsafeCharacter { row: row + 1, code: format!("U+{:04X}", u32::from(it)) });
    }
    if table.len() <= row {
        table.resize_with(row + 1, Vec::new);
    }
    let cells = &mut table[row];
    if cells.len() <= column {
        cells.resize_with(column + 1, String::new);
    }
    cells[column] = restore(value);
    Ok(())
}

/// The sentence for a problem, in the user's language.
pub fn message(lang: Lang, problem: &SheetProblem) -> String {
    let n = |it: &usize| it.to_string();
    match problem {
        SheetProblem::Unreadable => lang.t("errors.sheet.unreadable").to_owned(),
        SheetProblem::TooManyRows { max } => lang.tf("errors.sheet.too_many_rows", &[("max", &n(&(max - 1)))]),
        SheetProblem::TooManyColumns { row, max } => {
            lang.tf("errors.sheet.too_many_columns", &[("row", &n(row)), ("max", &n(max))])
        }
        SheetProblem::CellTooLong { row, max } => {
            lang.tf("errors.sheet.cell_too_long", &[("row", &n(row)), ("max", &n(max))])
        }
        SheetProblem::TooLarge { max_mb } => lang.tf("errors.sheet.too_large", &[("mb", &max_mb.to_string())]),
        SheetProblem::UnsafeCharacter { row, code } => {
            lang.tf("errors.sheet.unsafe_character", &[("row", &n(row)), ("code", code)])
        }
        SheetProblem::UnclosedQuote { line } => lang.tf("errors.sheet.unclosed_quote", &[("line", &n(line))]),
        SheetProblem::FieldCount { line, expected, found } => {
            lang.tf("errors.sheet.field_count", &[("line", &n(line)), ("expected", &n(expected)), ("found", &n(found))])
        }
    }
}

/// At most this many files are parsed at once, so that a burst of large uploads cannot together exhaust memory;
/// each one is bounded by its [`Limits`].
const PARALLEL_PARSES: usize = 2;

static PARSES: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(PARALLEL_PARSES);

/// Runs the reading of an uploaded file on the blocking pool, two at a time: a panic in it becomes an error of this
/// request, never the end of the server.
pub async fn off_thread<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, crate::error::WebError> {
    let _permit = PARSES.acquire().await.map_err(|err| crate::error::WebError::Internal(err.to_string()))?;
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|err| crate::error::WebError::Internal(format!("file reader: {err}")))
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_pages;
