//! The cleaned text as HTML paragraphs with the extracted facts marked in place: each span becomes a `<mark>` whose
//! class names the kind (date, region, unit, agency, person, role, cue) and whose title says what it is.

use text::facts::SpanFact;

use crate::i18n::Lang;

fn escape(out: &mut String, text: &str) {
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
}

/// HTML of the body with marks; spans are byte offsets into `body`, sorted and not overlapping.
pub fn render(lang: Lang, body: &str, spans: &[SpanFact]) -> String {
    let mut out = String::with_capacity(body.len() * 2);
    let mut spans = spans
        .iter()
        .filter(|it| it.end <= body.len() && body.is_char_boundary(it.start) && body.is_char_boundary(it.end))
        .peekable();
    let mut line_start = 0;
    for line in body.split_inclusive('\n') {
        let line_end = line_start + line.trim_end_matches('\n').len();
        out.push_str("<p>");
        let mut at = line_start;
        while let Some(span) = spans.peek() {
            if span.start >= line_end {
                break;
            }
            let span = spans.next().filter(|it| it.start >= at && it.end <= line_end);
            let Some(span) = span else { continue };
            escape(&mut out, &body[at..span.start]);
            let label = match span.note.as_deref() {
                Some(note) if span.kind == "cue" => lang.t(&format!("news.categories.{note}")).to_owned(),
                Some(note) => format!("{} · {note}", lang.t(&format!("news.marks.{}", span.kind))),
                None => lang.t(&format!("news.marks.{}", span.kind)).to_owned(),
            };
            out.push_str(&format!("<mark class=\"f-{}\" title=\"", span.kind));
            escape(&mut out, &label);
            out.push_str("\">");
            escape(&mut out, &body[span.start..span.end]);
            out.push_str("</mark>");
            at = span.end;
        }
        escape(&mut out, &body[at..line_end]);
        out.push_str("</p>\n");
        line_start += line.len();
    }
    out
}
