//! Checks of a laid-out document that a reader would notice: text that runs past the margins. Typst breaks lines
//! within the text area, so only what cannot break (a long number, a web address, a table too narrow) overflows.

use typst::layout::{Abs, Frame, FrameItem, Point, Transform};
use typst_layout::PagedDocument;

/// The text runs that start left of the left margin or end right of the right margin, as `page n: "text"`.
pub fn overflows(document: &PagedDocument, (left, right): (Abs, Abs)) -> Vec<String> {
    let mut found = Vec::new();
    for (n, page) in document.pages().iter().enumerate() {
        let limits = (left, page.frame.width() - right);
        walk(&page.frame, Transform::identity(), limits, &mut |(from, to), text| {
            found.push(format!(
                "page {}, {:.1}–{:.1} pt of {:.1}–{:.1}: {text:?}",
                n + 1,
                from.to_pt(),
                to.to_pt(),
                limits.0.to_pt(),
                limits.1.to_pt()
            ));
        });
    }
    found
}

fn walk(frame: &Frame, ts: Transform, (min, max): (Abs, Abs), report: &mut dyn FnMut((Abs, Abs), &str)) {
    // Half a point of slack: glyph advances are rounded differently in the PDF.
    let slack = Abs::pt(0.5);
    for (pos, item) in frame.items() {
        match item {
            FrameItem::Group(group) => {
                let inner = ts.pre_concat(Transform::translate(pos.x, pos.y)).pre_concat(group.transform);
                walk(&group.frame, inner, (min, max), report);
            }
            FrameItem::Text(text) => {
                let start = pos.transform(ts);
                let end = Point::new(pos.x + text.width(), pos.y).transform(ts);
                if start.x < min - slack || end.x > max + slack {
                    report((start.x, end.x), &text.text);
                }
            }
            _ => {}
        }
    }
}
