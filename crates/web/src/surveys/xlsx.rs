//! The SKM report as an XLSX workbook: the summary with the element table and a bar chart of the NRRs, the trend
//! with its chart, the parts, the profile breakdown and the follow-up plans, one sheet each.

use rust_xlsxwriter::{Chart, ChartType, Format, Workbook, Worksheet, XlsxError};

use super::report_model::ReportModel;
use crate::i18n::Lang;

fn header(sheet: &mut Worksheet, row: u32, names: &[String], bold: &Format) -> Result<(), XlsxError> {
    for (col, name) in (0u16..).zip(names) {
        sheet.write_string_with_format(row, col, name, bold)?;
    }
    Ok(())
}

fn summary(book: &mut Workbook, lang: Lang, tenant: &str, model: &ReportModel, bold: &Format) -> Result<(), XlsxError> {
    let t = |key: &str| lang.t(&format!("surveys.report.{key}")).to_owned();
    let sheet = book.add_worksheet().set_name(t("sheet_summary"))?;
    sheet.set_column_width(0, 34)?;
    sheet.write_string(0, 0, tenant)?;
    sheet.write_string_with_format(1, 0, t("title"), bold)?;
    sheet.write_string_with_format(2, 0, &model.title, bold)?;
    sheet.write_string(3, 0, t("period"))?;
    sheet.write_string(3, 1, model.period.as_ref().map(|it| it.1.as_str()).unwrap_or_default())?;
    sheet.write_string(4, 0, t("respondents"))?;
    sheet.write_number(4, 1, model.respondents as f64)?;
    if let Some(ikm) = &model.ikm {
        sheet.write_string(5, 0, "IKM (1–4)")?;
        sheet.write_string(5, 1, &ikm.ikm)?;
        sheet.write_string(6, 0, t("converted"))?;
        sheet.write_string(6, 1, &ikm.converted)?;
        sheet.write_string(7, 0, t("category"))?;
        sheet.write_string(7, 1, format!("{} ({})", ikm.letter, lang.t(&ikm.category_key)))?;
    }
    if let Some((population, minimum, reached)) = model.sample {
        let key = if reached { "sample_reached" } else { "sample_short" };
        let text = lang.tf(
            &format!("surveys.report.{key}"),
            &[("population", &population.to_string()), ("minimum", &minimum.to_string())],
        );
        sheet.write_string(8, 0, text)?;
    }
    let names =
        [t("element"), "NRR".to_owned(), "1".to_owned(), "2".to_owned(), "3".to_owned(), "4".to_owned(), t("weakest")];
    header(sheet, 10, &names, bold)?;
    for (row, element) in (11u32..).zip(&model.elements) {
        sheet.write_string(row, 0, format!("{} {}", element.code.to_uppercase(), element.name))?;
        match (&element.nrr, &element.not_applicable) {
            (Some(_), _) => sheet.write_number(row, 1, (element.nrr_value * 100.0).round() / 100.0)?,
            (None, Some(reason)) => sheet.write_string(row, 1, format!("{} ({reason})", t("not_applicable_short")))?,
            (None, None) => sheet.write_string(row, 1, "–")?,
        };
        for (col, n) in (2u16..).zip(element.answers) {
            sheet.write_number(row, col, n as f64)?;
        }
        if element.weakest {
            sheet.write_string(row, 6, "✓")?;
        }
    }
    let mut chart = Chart::new(ChartType::Bar);
    chart.title().set_name(&t("elements"));
    let sheet_name = t("sheet_summary");
    chart
        .add_series()
        .set_categories((sheet_name.as_str(), 11, 0, 19, 0))
        .set_values((sheet_name.as_str(), 11, 1, 19, 1))
        .set_name("NRR");
    chart.y_axis().set_min(1.0).set_max(4.0);
    sheet.insert_chart(10, 8, &chart)?;
    Ok(())
}

fn trend(book: &mut Workbook, lang: Lang, model: &ReportModel, bold: &Format) -> Result<(), XlsxError> {
    let t = |key: &str| lang.t(&format!("surveys.report.{key}")).to_owned();
    let name = t("sheet_trend");
    let sheet = book.add_worksheet().set_name(&name)?;
    sheet.set_column_width(0, 20)?;
    header(sheet, 0, &[t("period"), t("respondents"), t("converted"), t("category")], bold)?;
    for (row, point) in (1u32..).zip(&model.trend) {
        sheet.write_string(row, 0, &point.period)?;
        sheet.write_number(row, 1, point.respondents as f64)?;
        if let Some(ikm) = &point.ikm {
            sheet.write_number(row, 2, ikm.converted_value)?;
            sheet.write_string(row, 3, ikm.letter)?;
        }
    }
    let last = u32::try_from(model.trend.len()).unwrap_or(1).max(1);
    let mut chart = Chart::new(ChartType::Column);
    chart.title().set_name(&t("trend"));
    chart
        .add_series()
        .set_categories((name.as_str(), 1, 0, last, 0))
        .set_values((name.as_str(), 1, 2, last, 2))
        .set_name(&t("converted"));
    chart.y_axis().set_min(25.0).set_max(100.0);
    sheet.insert_chart(1, 5, &chart)?;
    Ok(())
}

fn tables(book: &mut Workbook, lang: Lang, model: &ReportModel, bold: &Format) -> Result<(), XlsxError> {
    let t = |key: &str| lang.t(&format!("surveys.report.{key}")).to_owned();
    let sheet = book.add_worksheet().set_name(t("sheet_parts"))?;
    sheet.set_column_width(0, 50)?;
    header(sheet, 0, &[t("name"), t("respondents"), t("converted"), t("category")], bold)?;
    for (row, part) in (1u32..).zip(&model.parts) {
        sheet.write_string(row, 0, &part.name)?;
        sheet.write_number(row, 1, part.respondents as f64)?;
        if let Some(ikm) = &part.ikm {
            sheet.write_number(row, 2, ikm.converted_value)?;
            sheet.write_string(row, 3, ikm.letter)?;
        }
    }
    let sheet = book.add_worksheet().set_name(t("sheet_profile"))?;
    sheet.set_column_width(0, 24)?;
    sheet.set_column_width(1, 30)?;
    header(sheet, 0, &[t("question"), t("answer"), t("respondents"), "%".to_owned()], bold)?;
    let mut row = 1u32;
    for group in &model.profile {
        for (value, n, share) in &group.rows {
            sheet.write_string(row, 0, lang.t(&format!("surveys.profile.{}.label", group.field)))?;
            sheet.write_string(row, 1, lang.t(&format!("surveys.profile.{}.{value}", group.field)))?;
            sheet.write_number(row, 2, *n as f64)?;
            sheet.write_string(row, 3, share)?;
            row += 1;
        }
    }
    let sheet = book.add_worksheet().set_name(t("sheet_followups"))?;
    sheet.set_column_width(1, 30)?;
    sheet.set_column_width(2, 50)?;
    header(sheet, 0, &[t("unit"), t("element"), t("action"), t("owner"), t("due"), t("status")], bold)?;
    for (row, plan) in (1u32..).zip(&model.followups) {
        sheet.write_string(row, 0, &plan.unit)?;
        sheet.write_string(row, 1, &plan.element)?;
        sheet.write_string(row, 2, &plan.action)?;
        sheet.write_string(row, 3, &plan.owner)?;
        sheet.write_string(row, 4, &plan.due_on)?;
        sheet.write_string(row, 5, lang.t(&format!("surveys.followup.status.{}", plan.status)))?;
    }
    Ok(())
}

/// The workbook.
pub fn report(lang: Lang, tenant: &str, model: &ReportModel) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    summary(&mut book, lang, tenant, model, &bold)?;
    trend(&mut book, lang, model, &bold)?;
    tables(&mut book, lang, model, &bold)?;
    book.save_to_buffer()
}
