//! The printable receipt: an A4 page with the Pemda, the tracking number (and the secret, for the reporter's own
//! copy), the date, the deadline of verification, and a QR code of the signed verification address.

use axum::http::header;
use axum::response::{IntoResponse, Response};
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str};
use store::complaints::Item;

use crate::i18n::Lang;
use crate::view::format::{local_date, local_time};

/// WinAnsi bytes for the standard PDF fonts: Latin-1, the typographic dashes, quotes and ellipsis at their WinAnsi
/// places, a few symbols spelled out; anything else becomes '?'.
pub(crate) fn latin1(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for it in text.chars() {
        match it {
            '\u{2013}' => out.push(0x96),
            '\u{2014}' => out.push(0x97),
            '\u{2026}' => out.push(0x85),
            '\u{2018}' => out.push(0x91),
            '\u{2019}' => out.push(0x92),
            '\u{201c}' => out.push(0x93),
            '\u{201d}' => out.push(0x94),
            '\u{2022}' => out.push(0x95),
            '\u{20ac}' => out.push(0x80),
            '\u{2264}' => out.extend_from_slice(b"<="),
            '\u{2265}' => out.extend_from_slice(b">="),
            '\u{00f7}' => out.push(0xf7),
            '\u{2192}' => out.extend_from_slice(b"->"),
            _ => out.push(u8::try_from(u32::from(it)).ok().filter(|b| *b >= 0x20).unwrap_or(b'?')),
        }
    }
    out
}

struct Page {
    content: Content,
    y: f32,
}

impl Page {
    fn line(&mut self, size: f32, text: &str) {
        self.content.begin_text();
        self.content.set_font(Name(b"F1"), size);
        self.content.next_line(56.0, self.y);
        self.content.show(Str(&latin1(text)));
        self.content.end_text();
        self.y -= size * 1.6;
    }
}

/// The receipt PDF; `secret` is printed only on the reporter's copy.
pub fn receipt(
    lang: Lang,
    tenant: &domain::org::Tenant,
    item: &Item,
    secret: Option<&str>,
    verify_url: &str,
) -> Vec<u8> {
    let mut page = Page { content: Content::new(), y: 780.0 };
    let t = |key: &str| lang.t(&format!("complaints.pdf.{key}")).to_owned();
    page.line(11.0, &tenant.name);
    page.line(18.0, &t("title"));
    page.y -= 8.0;
    page.line(12.0, &format!("{}: {}", t("number"), item.number));
    if let Some(secret) = secret {
        page.line(12.0, &format!("{}: {}", t("secret"), domain::complaints::tracking::display_secret(secret)));
    }
    page.line(11.0, &format!("{}: {}", t("kind"), lang.t(&format!("complaints.kinds.{}", item.kind.code()))));
    page.line(11.0, &format!("{}: {}", t("received"), local_time(item.received_at_ms, tenant.zone)));
    let subject: String = item.title.chars().take(80).collect();
    page.line(11.0, &format!("{}: {}", t("subject"), subject));
    if let Some((sender, number, date)) = &item.letter {
        page.line(11.0, &format!("{}: {sender}, {number}, {date}", t("letter")));
    }
    if let Some(deadline) = item.deadline {
        page.line(11.0, &format!("{}: {}", t("verify_by"), local_date(deadline.due)));
    }
    page.y -= 6.0;
    page.line(9.0, &t("how_to_track"));
    page.line(9.0, &t("how_to_verify"));
    draw_qr(&mut page.content, verify_url, (56.0, page.y - 190.0), 180.0);
    page.y -= 206.0;
    page.line(7.0, &verify_url.chars().take(110).collect::<String>());
    if secret.is_some() {
        page.line(9.0, &t("keep_secret"));
    }
    document(page.content)
}

pub(crate) fn draw_qr(content: &mut Content, text: &str, (x, y): (f32, f32), size: f32) {
    let Ok(code) = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M) else { return };
    let width = code.width();
    #[allow(clippy::cast_precision_loss)]
    let module = size / width as f32;
    content.set_fill_gray(0.0);
    for (i, color) in code.to_colors().into_iter().enumerate() {
        if color == qrcode::Color::Dark {
            #[allow(clippy::cast_precision_loss)]
            let (col, row) = ((i % width) as f32, (i / width) as f32);
            content.rect(x + col * module, y + size - (row + 1.0) * module, module, module);
        }
    }
    content.fill_nonzero();
}

fn document(content: Content) -> Vec<u8> {
    let (catalog, tree, page_id, font, stream) = (Ref::new(1), Ref::new(2), Ref::new(3), Ref::new(4), Ref::new(5));
    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree).kids([page_id]).count(1);
    let mut page = pdf.page(page_id);
    page.media_box(Rect::new(0.0, 0.0, 595.0, 842.0));
    page.parent(tree);
    page.contents(stream);
    page.resources().fonts().pair(Name(b"F1"), font);
    page.finish();
    pdf.type1_font(font).base_font(Name(b"Helvetica")).encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.stream(stream, &content.finish());
    pdf.finish()
}

/// The PDF as a download named after the number.
pub fn response(number: &str, bytes: Vec<u8>) -> Response {
    let disposition = format!("inline; filename=\"tanda-terima-{number}.pdf\"");
    ([(header::CONTENT_TYPE, "application/pdf".to_owned()), (header::CONTENT_DISPOSITION, disposition)], bytes)
        .into_response()
}
