//! The SKM report as PDF (A4, the standard fonts, tables and bar charts drawn as rectangles), and the QR poster a
//! unit prints for its counter.

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str};

use super::report_model::ReportModel;
use crate::complaints::pdf::{draw_qr, latin1};
use crate::i18n::Lang;

const LEFT: f32 = 50.0;
const BOTTOM: f32 = 60.0;
const TOP: f32 = 790.0;

/// Pages being written.
struct Writer {
    pages: Vec<Content>,
    y: f32,
}

impl Writer {
    fn new() -> Writer {
        Writer { pages: vec![Content::new()], y: TOP }
    }

    fn page(&mut self) -> &mut Content {
        self.pages.last_mut().expect("a writer always has a page")
    }

    fn room(&mut self, height: f32) {
        if self.y - height < BOTTOM {
            self.pages.push(Content::new());
            self.y = TOP;
        }
    }

    fn text_at(&mut self, (x, y): (f32, f32), size: f32, bold: bool, text: &str) {
        let content = self.page();
        content.begin_text();
        content.set_font(Name(if bold { b"F2" } else { b"F1" }), size);
        content.next_line(x, y);
        content.show(Str(&latin1(text)));
        content.end_text();
    }

    fn line(&mut self, size: f32, bold: bool, text: &str) {
        self.room(size * 1.6);
        let y = self.y;
        self.text_at((LEFT, y), size, bold, text);
        self.y -= size * 1.6;
    }

    /// One table row: texts at column offsets.
    fn row(&mut self, size: f32, bold: bool, cells: &[(f32, String)]) {
        self.room(size * 1.7);
        let y = self.y;
        for (x, text) in cells {
            self.text_at((LEFT + x, y), size, bold, text);
        }
        self.y -= size * 1.7;
    }

    fn bar(&mut self, x: f32, width: f32, gray: f32) {
        let y = self.y + 11.0;
        let content = self.page();
        content.set_fill_gray(gray);
        content.rect(LEFT + x, y, width.max(0.5), 7.0);
        content.fill_nonzero();
        content.set_fill_gray(0.0);
    }

    fn gap(&mut self, height: f32) {
        self.y -= height;
    }

    fn finish(self) -> Vec<u8> {
        let mut pdf = Pdf::new();
        let (catalog, tree, regular, bold) = (Ref::new(1), Ref::new(2), Ref::new(3), Ref::new(4));
        pdf.catalog(catalog).pages(tree);
        let count = i32::try_from(self.pages.len()).unwrap_or(1);
        let ids: Vec<Ref> = (0..count).map(|n| Ref::new(5 + 2 * n)).collect();
        pdf.pages(tree).kids(ids.iter().copied()).count(count);
        for (content, id) in self.pages.into_iter().zip(&ids) {
            let stream = Ref::new(id.get() + 1);
            let mut page = pdf.page(*id);
            page.media_box(Rect::new(0.0, 0.0, 595.0, 842.0));
            page.parent(tree);
            page.contents(stream);
            page.resources().fonts().pair(Name(b"F1"), regular).pair(Name(b"F2"), bold);
            page.finish();
            pdf.stream(stream, &content.finish());
        }
        pdf.type1_font(regular).base_font(Name(b"Helvetica")).encoding_predefined(Name(b"WinAnsiEncoding"));
        pdf.type1_font(bold).base_font(Name(b"Helvetica-Bold")).encoding_predefined(Name(b"WinAnsiEncoding"));
        pdf.finish()
    }
}

fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(max - 1).collect::<String>())
    }
}

/// The report as PDF.
pub fn report(lang: Lang, tenant: &str, model: &ReportModel) -> Vec<u8> {
    let t = |key: &str| lang.t(&format!("surveys.report.{key}")).to_owned();
    let mut w = Writer::new();
    w.line(10.0, false, tenant);
    w.line(16.0, true, &t("title"));
    w.line(12.0, true, &model.title);
    let Some((_, period)) = &model.period else {
        w.line(11.0, false, &t("no_survey"));
        return w.finish();
    };
    w.line(11.0, false, &format!("{}: {period}", t("period")));
    w.gap(6.0);
    w.line(11.0, false, &format!("{}: {}", t("respondents"), model.respondents));
    if let Some(ikm) = &model.ikm {
        let category = lang.t(&ikm.category_key);
        w.line(
            11.0,
            true,
            &format!(
                "IKM {} · {} {} · {} {} ({category})",
                ikm.ikm,
                t("converted"),
                ikm.converted,
                t("category"),
                ikm.letter
            ),
        );
    }
    if let Some((population, minimum, reached)) = model.sample {
        let key = if reached { "sample_reached" } else { "sample_short" };
        let text = lang.tf(
            &format!("surveys.report.{key}"),
            &[("population", &population.to_string()), ("minimum", &minimum.to_string())],
        );
        w.line(9.0, false, &text);
    }
    elements(&mut w, lang, model);
    trend_and_parts(&mut w, lang, model);
    profile_and_plans(&mut w, lang, model);
    w.gap(10.0);
    w.line(8.0, false, &t("method"));
    w.finish()
}

fn elements(w: &mut Writer, lang: Lang, model: &ReportModel) {
    let t = |key: &str| lang.t(&format!("surveys.report.{key}")).to_owned();
    w.gap(8.0);
    w.line(12.0, true, &t("elements"));
    w.row(9.0, true, &[(0.0, t("element")), (230.0, "NRR".to_owned()), (270.0, "1 / 2 / 3 / 4".to_owned())]);
    for row in &model.elements {
        let name = cut(&format!("{} {}", row.code.to_uppercase(), row.name), 48);
        let nrr = row.nrr.clone().unwrap_or_else(|| t("not_applicable_short"));
        let counts = row.answers.iter().map(u64::to_string).collect::<Vec<_>>().join(" / ");
        #[allow(clippy::cast_possible_truncation)]
        let width = (row.nrr_value / 4.0 * 110.0) as f32;
        w.bar(385.0, width, if row.weakest { 0.35 } else { 0.7 });
        w.row(9.0, row.weakest, &[(0.0, name), (230.0, nrr), (270.0, counts)]);
    }
    if !model.weakest.is_empty() {
        w.line(9.0, false, &format!("{}: {}", t("weakest"), model.weakest.join(", ")));
    }
}

fn trend_and_parts(w: &mut Writer, lang: Lang, model: &ReportModel) {
    let t = |key: &str| lang.t(&format!("surveys.report.{key}")).to_owned();
    w.gap(8.0);
    w.line(12.0, true, &t("trend"));
    for point in &model.trend {
        let value = point.ikm.as_ref().map_or_else(|| "–".to_owned(), |it| format!("{} ({})", it.converted, it.letter));
        #[allow(clippy::cast_possible_truncation)]
        let width = point.ikm.as_ref().map_or(0.0, |it| (it.converted_value / 100.0 * 150.0) as f32);
        w.bar(300.0, width, 0.6);
        w.row(9.0, false, &[(0.0, point.period.clone()), (120.0, point.respondents.to_string()), (190.0, value)]);
    }
    if !model.parts.is_empty() {
        w.gap(8.0);
        w.line(12.0, true, &t(if model.scope == "tenant" { "units" } else { "services" }));
        for part in &model.parts {
            let value =
                part.ikm.as_ref().map_or_else(|| "–".to_owned(), |it| format!("{} ({})", it.converted, it.letter));
            w.row(9.0, false, &[(0.0, cut(&part.name, 60)), (330.0, part.respondents.to_string()), (400.0, value)]);
        }
    }
}

fn profile_and_plans(w: &mut Writer, lang: Lang, model: &ReportModel) {
    let t = |key: &str| lang.t(&format!("surveys.report.{key}")).to_owned();
    w.gap(8.0);
    w.line(12.0, true, &t("profile"));
    for group in &model.profile {
        let label = lang.t(&format!("surveys.profile.{}.label", group.field));
        let parts: Vec<String> = group
            .rows
            .iter()
            .filter(|it| it.1 > 0)
            .map(|(value, n, share)| {
                format!("{} {n} ({share}%)", lang.t(&format!("surveys.profile.{}.{value}", group.field)))
            })
            .collect();
        w.line(8.5, false, &cut(&format!("{label}: {}", parts.join(", ")), 125));
    }
    if !model.followups.is_empty() {
        w.gap(8.0);
        w.line(12.0, true, &t("followups"));
        for plan in &model.followups {
            let status = lang.t(&format!("surveys.followup.status.{}", plan.status));
            w.line(9.0, true, &cut(&format!("{} — {}", plan.element, plan.action), 100));
            w.line(
                8.5,
                false,
                &format!("{}: {} · {}: {} · {status}", t("owner"), cut(&plan.owner, 50), t("due"), plan.due_on),
            );
        }
    }
}

/// The A4 poster: the unit, the service, a large QR code of the short link, and the link written out.
pub fn poster(lang: Lang, tenant: &str, unit: &str, service: &str, link: &str) -> Vec<u8> {
    let t = |key: &str| lang.t(&format!("surveys.poster.{key}")).to_owned();
    let mut w = Writer::new();
    w.line(12.0, false, tenant);
    w.line(12.0, false, &cut(unit, 70));
    w.gap(20.0);
    w.line(26.0, true, &t("title"));
    w.line(16.0, false, &cut(service, 50));
    w.gap(10.0);
    w.line(12.0, false, &t("invite"));
    let y = w.y - 340.0;
    draw_qr(w.page(), link, (LEFT + 70.0, y), 320.0);
    w.y = y - 30.0;
    w.line(20.0, true, link);
    w.gap(10.0);
    w.line(11.0, false, &t("anonymous"));
    w.line(11.0, false, &t("once"));
    w.finish()
}
