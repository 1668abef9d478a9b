//! Paper questionnaires typed into a spreadsheet: the table's columns, found by their header names (Indonesian or
//! English, any order), and the rows turned into raw responses for [`super::response::check`].

use super::response::RawResponse;

/// The template's header, in order: respondent, the nine elements, the profile, the suggestion.
pub const COLUMNS: [&str; 16] = [
    "responden",
    "u1",
    "u2",
    "u3",
    "u4",
    "u5",
    "u6",
    "u7",
    "u8",
    "u9",
    "jenis_kelamin",
    "umur",
    "pendidikan",
    "pekerjaan",
    "jam_layanan",
    "saran",
];

/// English names accepted for the same columns.
const ENGLISH: [&str; 16] = [
    "respondent",
    "u1",
    "u2",
    "u3",
    "u4",
    "u5",
    "u6",
    "u7",
    "u8",
    "u9",
    "sex",
    "age",
    "education",
    "occupation",
    "time_slot",
    "suggestion",
];

/// Most respondents in one file (a year of a large unit's paper forms).
pub const MAX_ROWS: usize = 20_000;

/// Why a table cannot be read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TableProblem {
    /// A required column (`responden`, `u1` … `u9`) is missing.
    MissingColumn(&'static str),
    /// A header names no column of the template.
    UnknownColumn(String),
    /// No data rows.
    Empty,
    /// More than [`MAX_ROWS`] rows.
    TooManyRows(usize),
}

/// One data row: its line as a spreadsheet numbers it, the respondent id, and the values.
#[derive(Clone, Debug)]
pub struct PaperRow {
    /// Line number (the header is line 1).
    pub line: usize,
    /// Respondent id as written (may be empty; reported by the caller).
    pub respondent: String,
    /// The values.
    pub raw: RawResponse,
}

fn column_index(header: &str) -> Option<usize> {
    let name = header.trim().trim_start_matches('\u{feff}').to_lowercase().replace([' ', '-'], "_");
    COLUMNS.iter().position(|it| *it == name).or_else(|| ENGLISH.iter().position(|it| *it == name))
}

/// Reads a table whose first row is the header; fully blank rows are skipped.
pub fn rows(table: &[Vec<String>]) -> Result<Vec<PaperRow>, TableProblem> {
    let Some((header, data)) = table.split_first() else { return Err(TableProblem::Empty) };
    let mut positions: [Option<usize>; 16] = [None; 16];
    for (at, name) in header.iter().enumerate() {
        if name.trim().is_empty() {
            continue;
        }
        match column_index(name) {
            Some(column) => positions[column] = Some(at),
            None => return Err(TableProblem::UnknownColumn(name.trim().to_owned())),
        }
    }
    if let Some(missing) = (0..10).find(|it| positions[*it].is_none()) {
        return Err(TableProblem::MissingColumn(COLUMNS[missing]));
    }
    let cell = |row: &Vec<String>, column: usize| -> String {
        positions[column].and_then(|at| row.get(at)).map(|it| it.trim().to_owned()).unwrap_or_default()
    };
    let mut out = Vec::new();
    for (index, row) in data.iter().enumerate() {
        if row.iter().all(|it| it.trim().is_empty()) {
            continue;
        }
        let raw = RawResponse {
            answers: std::array::from_fn(|n| cell(row, n + 1)),
            profile: std::array::from_fn(|n| cell(row, n + 10)),
            suggestion: cell(row, 15),
        };
        out.push(PaperRow { line: index + 2, respondent: cell(row, 0), raw });
    }
    match out.len() {
        0 => Err(TableProblem::Empty),
        n if n > MAX_ROWS => Err(TableProblem::TooManyRows(n)),
        _ => Ok(out),
    }
}

#[cfg(test)]
mod tests {
    use super::{TableProblem, rows};

    fn table(lines: &[&str]) -> Vec<Vec<String>> {
        lines.iter().map(|line| line.split(',').map(str::to_owned).collect()).collect()
    }

    #[test]
    fn columns_are_found_by_name_in_any_order_and_blank_rows_skipped() {
        let read = rows(&table(&[
            "umur,responden,u1,u2,u3,u4,u5,u6,u7,u8,u9",
            "26_35,K-01,4,3,3,3,,3,4,3,3",
            ",,,,,,,,,,",
            "56,K-02,2,2,2,2,,2,2,2,2",
        ]))
        .expect("readable");
        assert_eq!(read.len(), 2);
        assert_eq!((read[0].line, read[0].respondent.as_str()), (2, "K-01"));
        assert_eq!(read[0].raw.profile[1], "26_35");
        assert_eq!(read[1].line, 4);
        assert_eq!(read[1].raw.answers[0], "2");
    }

    #[test]
    fn english_headers_work_and_wrong_headers_are_named() {
        assert!(rows(&table(&["respondent,u1,u2,u3,u4,u5,u6,u7,u8,u9,sex", "A,4,4,4,4,4,4,4,4,4,p"])).is_ok());
        assert_eq!(
            rows(&table(&["responden,u1,u2,u3,u4,u5,u6,u7,u8", "A,4,4,4,4,4,4,4,4"])).err(),
            Some(TableProblem::MissingColumn("u9"))
        );
        assert_eq!(
            rows(&table(&["responden,u1,u2,u3,u4,u5,u6,u7,u8,u9,nama", "A,4,4,4,4,4,4,4,4,4,Budi"])).err(),
            Some(TableProblem::UnknownColumn("nama".into()))
        );
        assert_eq!(rows(&table(&["responden,u1,u2,u3,u4,u5,u6,u7,u8,u9"])).err(), Some(TableProblem::Empty));
    }
}
