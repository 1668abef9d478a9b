//! Survey answers from a CSV file: respondent id, then `u1` … `u9` with 1–4 or empty. A header row is optional. Every
//! bad row is reported, so a file is fixed in one pass; callers store all rows or none.

use super::ikm::Answers;

/// One respondent as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The respondent id as written.
    pub respondent: String,
    /// The answers.
    pub answers: Answers,
}

/// What is wrong with one row (line numbers count from 1, the header included).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {problem}")]
pub struct RowProblem {
    /// Line in the file.
    pub line: u64,
    /// What is wrong, in English for the command line.
    pub problem: String,
}

fn is_header(record: &csv::StringRecord) -> bool {
    record.get(1).is_some_and(|it| it.trim().eq_ignore_ascii_case("u1"))
}

fn answer(raw: &str, column: usize) -> Result<Option<u8>, String> {
    match raw.trim() {
        "" => Ok(None),
        text => match text.parse::<u8>() {
            Ok(value @ 1..=4) => Ok(Some(value)),
            _ => Err(format!("u{column}: {text:?} is not 1, 2, 3, 4 or empty")),
        },
    }
}

fn row(record: &csv::StringRecord) -> Result<Row, String> {
    if record.len() != 10 {
        return Err(format!("{} columns, expected 10 (respondent id, u1 … u9)", record.len()));
    }
    let respondent = record.get(0).unwrap_or_default().trim().to_owned();
    if respondent.is_empty() {
        return Err("the respondent id is empty".to_owned());
    }
    let mut answers: Answers = [None; 9];
    let mut problems = Vec::new();
    for (n, slot) in answers.iter_mut().enumerate() {
        match answer(record.get(n + 1).unwrap_or_default(), n + 1) {
            Ok(value) => *slot = value,
            Err(problem) => problems.push(problem),
        }
    }
    if answers.iter().all(Option::is_none) && problems.is_empty() {
        problems.push("no element is answered".to_owned());
    }
    if problems.is_empty() { Ok(Row { respondent, answers }) } else { Err(problems.join("; ")) }
}

/// Reads every row, or lists every bad one.
pub fn read_csv(text: &str) -> Result<Vec<Row>, Vec<RowProblem>> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (index, record) in reader.records().enumerate() {
        let line = index as u64 + 1;
        let record = match record {
            Ok(record) => record,
            Err(err) => {
                problems.push(RowProblem { line, problem: err.to_string() });
                continue;
            }
        };
        if index == 0 && is_header(&record) {
            continue;
        }
        match row(&record) {
            Ok(row) if !seen.insert(row.respondent.clone()) => {
                problems.push(RowProblem { line, problem: format!("respondent {:?} appears twice", row.respondent) });
            }
            Ok(row) => rows.push(row),
            Err(problem) => problems.push(RowProblem { line, problem }),
        }
    }
    if rows.is_empty() && problems.is_empty() {
        problems.push(RowProblem { line: 1, problem: "the file holds no respondent".to_owned() });
    }
    if problems.is_empty() { Ok(rows) } else { Err(problems) }
}

#[cfg(test)]
mod tests {
    use super::read_csv;

    #[test]
    fn a_header_is_optional_and_empty_cells_are_unanswered() {
        let rows = read_csv("id,u1,u2,u3,u4,u5,u6,u7,u8,u9\nR1,4,3,3,,3,3,4,3,3\n").expect("valid");
        assert_eq!(rows[0].answers[3], None);
        assert_eq!(read_csv("R1,4,3,3,4,3,3,4,3,3\n").expect("valid").len(), 1);
    }

    #[test]
    fn every_bad_row_is_listed() {
        let problems =
            read_csv("R1,4,3,3,4,3,3,4,3,3\nR2,5,3\nR3,4,0,3,4,3,3,4,3,3\nR1,4,3,3,4,3,3,4,3,3\n,,,,,,,,,\n")
                .expect_err("bad rows");
        let lines: Vec<u64> = problems.iter().map(|it| it.line).collect();
        assert_eq!(lines, [2, 3, 4, 5]);
        assert!(problems[1].problem.contains("u2"), "{problems:?}");
    }
}
