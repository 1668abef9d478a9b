//! A plain A4 letter in the usual official layout: the letterhead (Pemda and unit, centred, over a double rule),
//! the title and number centred, then paragraphs, label–value rows and a signature block; text wraps and flows
//! onto further pages. Helvetica and Helvetica-Bold with WinAnsi text (see complaints::pdf::latin1).

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str};

use crate::complaints::pdf::latin1;

const LEFT: f32 = 70.0;
const RIGHT: f32 = 525.0;
const TOP: f32 = 790.0;
const BOTTOM: f32 = 70.0;

/// A letter being written.
pub struct Letter {
    pages: Vec<Content>,
    y: f32,
}

/// Approximate width of Helvetica text: the standard fonts average about half the size per character.
fn width(text: &str, size: f32) -> f32 {
    #[allow(clippy::cast_precision_loss)]
    let n = text.chars().count() as f32;
    n * size * 0.5
}

impl Letter {
    /// A letter with the letterhead.
    pub fn new(government: &str, unit: &str, address: &str) -> Letter {
        let mut letter = Letter { pages: vec![Content::new()], y: TOP };
        letter.centred(true, 13.0, &government.to_uppercase());
        letter.centred(true, 12.0, &unit.to_uppercase());
        if !address.is_empty() {
            letter.centred(false, 9.0, address);
        }
        let y = letter.y + 4.0;
        let page = letter.page();
        page.set_line_width(1.5);
        page.move_to(LEFT, y);
        page.line_to(RIGHT, y);
        page.stroke();
        page.set_line_width(0.5);
        page.move_to(LEFT, y - 3.0);
        page.line_to(RIGHT, y - 3.0);
        page.stroke();
        letter.y -= 18.0;
        letter
    }

    fn page(&mut self) -> &mut Content {
        self.pages.last_mut().expect("a letter has a page")
    }

    fn room(&mut self, height: f32) {
        if self.y - height < BOTTOM {
            self.pages.push(Content::new());
            self.y = TOP;
        }
    }

    fn text(&mut self, bold: bool, size: f32, x: f32, text: &str) {
        self.room(size * 1.5);
        let y = self.y;
        let page = self.page();
        page.begin_text();
        page.set_font(Name(if bold { b"F2" } else { b"F1" }), size);
        page.next_line(x, y);
        page.show(Str(&latin1(text)));
        page.end_text();
    }

    /// A centred line.
    pub fn centred(&mut self, bold: bool, size: f32, text: &str) {
        let x = (LEFT + RIGHT - width(text, size)) / 2.0;
        self.text(bold, size, x.max(LEFT), text);
        self.y -= size * 1.45;
    }

    /// A paragraph wrapped to the margins.
    pub fn paragraph(&mut self, text: &str) {
        self.wrapped(LEFT, text);
        self.y -= 6.0;
    }

    fn wrapped(&mut self, x: f32, text: &str) {
        let size = 11.0;
        for source_line in text.lines() {
            let mut line = String::new();
            for word in source_line.split_whitespace() {
                let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
                if width(&candidate, size) > RIGHT - x && !line.is_empty() {
                    self.text(false, size, x, &line);
                    self.y -= size * 1.45;
                    line = word.to_owned();
                } else {
                    line = candidate;
                }
            }
            self.text(false, size, x, &line);
            self.y -= size * 1.45;
        }
    }

    /// `label : value` rows, the values wrapped in their column.
    pub fn rows(&mut self, rows: &[(String, String)]) {
        for (label, value) in rows {
            self.text(false, 11.0, LEFT + 20.0, label);
            self.text(false, 11.0, LEFT + 150.0, ":");
            self.wrapped(LEFT + 160.0, value);
        }
        self.y -= 6.0;
    }

    /// The signature block on the right: place and date, office, room to sign, name, NIP.
    pub fn signature(&mut self, place_date: &str, office: &str, name: &str, nip: &str) {
        self.room(120.0);
        self.y -= 10.0;
        let x = 300.0;
        self.wrapped(x, place_date);
        self.wrapped(x, office);
        self.y -= 50.0;
        self.text(true, 11.0, x, name);
        self.y -= 16.0;
        if !nip.is_empty() {
            self.text(false, 11.0, x, &format!("NIP. {nip}"));
            self.y -= 16.0;
        }
    }

    /// Two signature blocks side by side (the examination record is signed by both sides).
    pub fn two_signatures(&mut self, left: (&str, &str), right: (&str, &str)) {
        self.room(110.0);
        self.y -= 10.0;
        let top = self.y;
        for (x, (role, name)) in [(LEFT, left), (300.0, right)] {
            self.y = top;
            self.text(false, 11.0, x, role);
            self.y -= 66.0;
            self.text(true, 11.0, x, name);
        }
        self.y -= 20.0;
    }

    /// Vertical space.
    pub fn gap(&mut self, points: f32) {
        self.y -= points;
    }

    /// A line of text at the left margin.
    pub fn line(&mut self, bold: bool, text: &str) {
        self.text(bold, 11.0, LEFT, text);
        self.y -= 16.0;
    }

    /// The PDF bytes.
    pub fn finish(self) -> Vec<u8> {
        let (catalog, tree, regular, bold) = (Ref::new(1), Ref::new(2), Ref::new(3), Ref::new(4));
        let mut pdf = Pdf::new();
        pdf.catalog(catalog).pages(tree);
        let ids: Vec<(Ref, Ref)> = (0..self.pages.len())
            .map(|index| {
                let base = i32::try_from(index * 2).unwrap_or(0) + 5;
                (Ref::new(base), Ref::new(base + 1))
            })
            .collect();
        pdf.pages(tree).kids(ids.iter().map(|it| it.0)).count(i32::try_from(ids.len()).unwrap_or(1));
        for ((page_id, stream), content) in ids.into_iter().zip(self.pages) {
            let mut page = pdf.page(page_id);
            page.media_box(Rect::new(0.0, 0.0, 595.0, 842.0));
            page.parent(tree);
            page.contents(stream);
            let mut resources = page.resources();
            let mut fonts = resources.fonts();
            fonts.pair(Name(b"F1"), regular);
            fonts.pair(Name(b"F2"), bold);
            fonts.finish();
            resources.finish();
            page.finish();
            pdf.stream(stream, &content.finish());
        }
        pdf.type1_font(regular).base_font(Name(b"Helvetica")).encoding_predefined(Name(b"WinAnsiEncoding"));
        pdf.type1_font(bold).base_font(Name(b"Helvetica-Bold")).encoding_predefined(Name(b"WinAnsiEncoding"));
        pdf.finish()
    }
}
