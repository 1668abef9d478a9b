//! CSV in: UTF-8 (a byte-order mark allowed), `;` when the header uses it and no `,` (spreadsheets with Indonesian
//! settings write that), else `,`. Every row must have the header's number of fields, and a quote must be closed:
//! a reader that guessed would report "2 new units" while two rows vanished into one cell.

use super::{Limits, SheetProblem, place};

pub(super) fn read(bytes: &[u8], limits: Limits) -> Result<Vec<Vec<String>>, SheetProblem> {
    let text = std::str::from_utf8(bytes).map_err(|_| SheetProblem::Unreadable)?;
    let first_line = text.lines().next().unwrap_or_default();
    let separator = if first_line.contains(';') && !first_line.contains(',') { b';' } else { b',' };
    check_quotes(text.as_bytes(), separator)?;
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(separator).from_reader(text.as_bytes());
    let mut table = Vec::new();
    let mut width = None;
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(_) => return Err(SheetProblem::Unreadable),
        }
        let line = record.position().map_or(table.len() + 1, |it| usize::try_from(it.line()).unwrap_or(usize::MAX));
        let expected = *width.get_or_insert(record.len());
        if record.iter().all(|it| it.trim().is_empty()) {
            continue;
        }
        if record.len() != expected {
            return Err(SheetProblem::FieldCount { line, expected, found: record.len() });
        }
        if line > limits.max_rows {
            return Err(SheetProblem::TooManyRows { max: limits.max_rows });
        }
        if expected > limits.max_columns {
            return Err(SheetProblem::TooManyColumns { row: line, max: limits.max_columns });
        }
        for (column, field) in record.iter().enumerate() {
            place(&mut table, (line - 1, column), field.to_owned(), limits)?;
        }
    }
    Ok(table)
}

/// Finds a quoted field that is never closed, as the CSV parser reads quotes (RFC 4180: a quote opens a field only
/// at its start, `""` inside stands for one quote).
fn check_quotes(bytes: &[u8], separator: u8) -> Result<(), SheetProblem> {
    let (mut line, mut opened_at) = (1, 0);
    let (mut at_field_start, mut quoted) = (true, false);
    let mut iter = bytes.iter().peekable();
    while let Some(&byte) = iter.next() {
        if quoted {
            if byte == b'"' {
                if iter.peek() == Some(&&b'"') {
                    iter.next();
                } else {
                    quoted = false;
                }
            } else if byte == b'\n' {
                line += 1;
            }
            continue;
        }
        match byte {
            b'"' if at_field_start => {
                quoted = true;
                opened_at = line;
                at_field_start = false;
            }
            b'\n' => {
                line += 1;
                at_field_start = true;
            }
            b'\r' => at_field_start = true,
            it if it == separator => at_field_start = true,
            _ => at_field_start = false,
        }
    }
    if quoted { Err(SheetProblem::UnclosedQuote { line: opened_at }) } else { Ok(()) }
}
