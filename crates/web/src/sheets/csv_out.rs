//! CSV out: UTF-8 with a byte-order mark (spreadsheets then open it with the right encoding), and every cell that a
//! spreadsheet would run as a formula written as text instead.

/// A cell as a spreadsheet will take it as text: one starting with `=`, `+`, `-`, `@`, a tab or a carriage return
/// gets a leading apostrophe, unless it is a plain number such as `-5` or `+62`.
// Source: OWASP, "CSV Injection" (https://owasp.org/www-community/attacks/CSV_Injection).
pub fn neutralise(cell: &str) -> String {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let number = cell.trim().parse::<f64>().is_ok_and(f64::is_finite) && !cell.starts_with(['\t', '\r']);
    if risky && !number { format!("'{cell}") } else { cell.to_owned() }
}

/// The header and rows as CSV bytes, every cell neutralised.
pub fn write_csv<R, C>(header: &[&str], rows: R) -> Result<Vec<u8>, csv::Error>
where
    R: IntoIterator<Item = C>,
    C: IntoIterator,
    C::Item: AsRef<str>,
{
    let mut writer = csv::Writer::from_writer(vec![0xEF, 0xBB, 0xBF]);
    writer.write_record(header)?;
    for row in rows {
        writer.write_record(row.into_iter().map(|cell| neutralise(cell.as_ref())))?;
    }
    writer.into_inner().map_err(|err| csv::Error::from(err.into_error()))
}
