//! The scorecards of a period as an XLSX workbook for the monthly meeting: a title, then one row per unit with every
//! field of the JSON rows under headers in the reader's language, numbers as numbers.

use rust_xlsxwriter::{Format, Workbook, XlsxError};
use serde_json::Value;

use super::rows::{COLUMNS, ScorecardRow};
use crate::i18n::Lang;

/// The workbook's bytes.
pub fn workbook(
    lang: Lang,
    (tenant, period, as_of): (&str, &str, &str),
    rows: &[ScorecardRow],
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet().set_name(lang.t("scorecards.xlsx.sheet"))?;
    sheet.write_string_with_format(0, 0, tenant, &bold)?;
    sheet.write_string_with_format(1, 0, format!("{} · {period} · {as_of}", lang.t("scorecards.xlsx.title")), &bold)?;
    for (col, name) in (0u16..).zip(COLUMNS) {
        sheet.write_string_with_format(3, col, lang.t(&format!("scorecards.columns.{name}")), &bold)?;
    }
    for (row, card) in (4u32..).zip(rows) {
        let value = serde_json::to_value(card).unwrap_or_default();
        for (col, name) in (0u16..).zip(COLUMNS) {
            match &value[name] {
                Value::Number(n) => {
                    sheet.write_number(row, col, n.as_f64().unwrap_or_default())?;
                }
                Value::String(text) => {
                    sheet.write_string(row, col, text)?;
                }
                Value::Bool(flag) => {
                    sheet.write_string(row, col, lang.t(if *flag { "common.yes" } else { "common.no" }))?;
                }
                Value::Array(items) => {
                    let joined: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
                    sheet.write_string(row, col, joined.join(", "))?;
                }
                _ => {}
            }
        }
    }
    sheet.set_column_width(2, 40)?;
    sheet.set_freeze_panes(4, 3)?;
    book.save_to_buffer()
}
