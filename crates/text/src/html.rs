//! From an HTML page to the article's paragraphs: the main container (`article`, `itemprop=articleBody`, the usual
//! content classes of Indonesian news themes) when there is one, else the body; menus, headers, footers, sidebars,
//! share bars, comment sections, scripts and forms are left out; every block element becomes a line.

use scraper::{ElementRef, Html, Node, Selector};

/// Headline and body text of a page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    /// `<h1>` inside the article, else `<title>` without the site name.
    pub title: Option<String>,
    /// One paragraph per line.
    pub text: String,
}

const SKIP_TAGS: [&str; 14] = [
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "svg",
    "button",
    "select",
    "template",
    "figcaption",
];
const BLOCK_TAGS: [&str; 17] = [
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "br",
    "tr",
    "section",
    "article",
    "pre",
    "dd",
    "dt",
];
/// Class or id fragments of page furniture in common news themes.
const SKIP_MARKS: [&str; 16] = [
    "nav",
    "menu",
    "sidebar",
    "footer",
    "share",
    "social",
    "related",
    "comment",
    "widget",
    "breadcrumb",
    "baca-juga",
    "advert",
    "iklan",
    "banner",
    "popular",
    "terkait",
];
const MAIN_SELECTORS: &str = "[itemprop=articleBody], article .entry-content, .entry-content, .post-content, \
    .article-content, .detail-content, .read__content, .content-detail, .post-body, article, main";

/// Extracts a page's headline and text.
pub fn page(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let main = Selector::parse(MAIN_SELECTORS).ok().and_then(|sel| doc.select(&sel).next());
    let body = Selector::parse("body").ok().and_then(|sel| doc.select(&sel).next());
    let root = main.or(body).unwrap_or_else(|| doc.root_element());
    let mut text = String::with_capacity(html.len() / 3);
    if let Some(line) = date_line(&doc, root) {
        text.push_str(&line);
        text.push('\n');
    }
    walk(root, &mut text);
    Page { title: title(&doc, main), text }
}

/// The publication line of the page's meta block (`<time>`, `.date`, `.meta`), when it lies outside the article
/// container: themes often print it above the body.
fn date_line(doc: &Html, root: ElementRef<'_>) -> Option<String> {
    let selector = Selector::parse(
        "[itemprop=datePublished], article time, .entry-meta, .post-meta, .meta, .date, .tanggal, time",
    )
    .ok()?;
    let found = doc.select(&selector).find(|el| {
        let text: String = el.text().collect();
        text.chars().any(|it| it.is_ascii_digit()) && text.len() < 200
    })?;
    let inside = root.descendants().any(|node| node.id() == found.id());
    let text: String = found.text().collect::<Vec<_>>().join(" ");
    (!inside).then(|| text.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn walk(element: ElementRef<'_>, out: &mut String) {
    for child in element.children() {
        match child.value() {
            Node::Text(text) => push_text(out, text),
            Node::Element(el) => {
                let name = el.name();
                if SKIP_TAGS.contains(&name) || is_furniture(el) {
                    continue;
                }
                let block = BLOCK_TAGS.contains(&name);
                if block {
                    end_line(out);
                }
                if let Some(child_ref) = ElementRef::wrap(child) {
                    walk(child_ref, out);
                }
                if block {
                    end_line(out);
                }
            }
            _ => {}
        }
    }
}

fn is_furniture(el: &scraper::node::Element) -> bool {
    let marks = |value: &str| {
        let value = value.to_ascii_lowercase();
        SKIP_MARKS.iter().any(|mark| value.contains(mark))
    };
    el.attr("class").is_some_and(marks) || el.attr("id").is_some_and(marks) || el.attr("hidden").is_some()
}

fn push_text(out: &mut String, text: &str) {
    for piece in text.split_whitespace() {
        if !(out.is_empty() || out.ends_with('\n') || out.ends_with(' ')) {
            out.push(' ');
        }
        out.push_str(piece);
    }
    if text.ends_with(char::is_whitespace) && !out.is_empty() && !out.ends_with('\n') && !out.ends_with(' ') {
        out.push(' ');
    }
}

fn end_line(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

fn title(doc: &Html, main: Option<ElementRef<'_>>) -> Option<String> {
    let h1 = Selector::parse("h1").ok()?;
    let in_main = main.and_then(|it| it.select(&h1).next());
    let heading = in_main.or_else(|| doc.select(&h1).next()).map(|it| it.text().collect::<String>());
    let from_head = || {
        let sel = Selector::parse("title").ok()?;
        let raw: String = doc.select(&sel).next()?.text().collect();
        // Site names follow the headline after " - " or " | ".
        Some(raw.split(" | ").next().unwrap_or_default().split(" - ").next().unwrap_or_default().to_owned())
    };
    heading.or_else(from_head).map(|it| it.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|it| !it.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_article_and_drops_the_furniture() {
        let html = r#"<html><head><title>Camat Dilantik - Warta Kota</title><script>var x = 1;</script></head>
            <body><nav><a>Beranda</a><a>Daerah</a></nav>
            <article><h1>Camat Baru Dilantik</h1><div class="share">Bagikan</div>
            <p>Wali Kota melantik camat <b>baru</b> pada Senin.</p><p>Kedua.</p>
            <div class="baca-juga">Baca juga: lain</div></article>
            <aside>Terpopuler</aside><footer>Hak cipta</footer></body></html>"#;
        let page = page(html);
        assert_eq!(page.title.as_deref(), Some("Camat Baru Dilantik"));
        assert_eq!(page.text, "Camat Baru Dilantik\nWali Kota melantik camat baru pada Senin.\nKedua.\n");
    }
}
