//! Decision pages saved from the website as HTML: the article text is taken with a real HTML
//! parser (html5ever, through scraper): entities decoded, block elements become line breaks,
//! list items become `- ` lines, scripts, styles, navigation, forms and cookie banners dropped.
//!
//! The result is the text the decision is parsed from; spans point into it, and
//! [`crate::Decision::text`] keeps it for HTML input.

use scraper::{ElementRef, Html, Node, Selector};

/// Whether bytes of text look like an HTML page.
pub(crate) fn looks_like_html(text: &str) -> bool {
    let head = text
        .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .as_bytes();
    let window = &head[..head.len().min(512)];
    if window.first() != Some(&b'<') {
        return false; // text, not markup (every test below needs a leading '<')
    }
    let starts = |p: &[u8]| window.len() >= p.len() && window[..p.len()].eq_ignore_ascii_case(p);
    let has_body = || window.windows(5).any(|w| w.eq_ignore_ascii_case(b"<body"));
    starts(b"<!doctype html") || starts(b"<html") || has_body()
}

const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "form", "button",
    "iframe", "svg", "select", "input", "head", "aside",
];

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "table",
    "tr",
    "td",
    "th",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "br",
    "hr",
    "body",
];

/// Whether an element is page furniture by its id or class: cookie banners, breadcrumbs,
/// menus, share links, skip links.
fn is_furniture(el: &ElementRef) -> bool {
    let v = el.value();
    let names = v.id().into_iter().chain(v.classes());
    names.into_iter().any(|n| {
        let n = n.to_ascii_lowercase();
        [
            "cookie",
            "consent",
            "banner",
            "breadcrumb",
            "menu",
            "share",
            "skip",
            "navbar",
            "site-header",
            "site-footer",
        ]
        .iter()
        .any(|f| n.contains(f))
    })
}

/// The text of an HTML page's article (or main content, or body).
///
/// ```
/// let html = "<html><head><title>x</title><script>var a;</script></head><body>\
///   <nav>Home</nav><div id=\"cookie-banner\">Accept cookies</div>\
///   <article><h1>Some Council (24 000 001)</h1><p>Decision : Upheld</p>\
///   <h2>The complaint</h2><ol><li>Mr X says &ldquo;no&rdquo; &amp; more.</li></ol></article></body></html>";
/// assert_eq!(
///     ombudsman::html_to_text(html),
///     "Some Council (24 000 001)\nDecision : Upheld\nThe complaint\n- Mr X says “no” & more.\n"
/// );
/// ```
pub fn html_to_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let root = ["article", "main", "#content", "body"]
        .iter()
        .filter_map(|s| Selector::parse(s).ok())
        .find_map(|sel| doc.select(&sel).next());
    let mut out = String::with_capacity(html.len() / 2);
    match root {
        Some(el) => walk(el, &mut out),
        None => walk(doc.root_element(), &mut out),
    }
    // one line per block, no blank lines, no trailing spaces
    let mut text = String::with_capacity(out.len());
    for line in out.lines() {
        let line = line
            .split(|c: char| c.is_whitespace() && c != '\u{a0}')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if !line.is_empty() && line != "-" {
            text.push_str(&line);
            text.push('\n');
        }
    }
    text
}

fn walk(el: ElementRef, out: &mut String) {
    let name = el.value().name();
    if SKIPPED.contains(&name) || is_furniture(&el) {
        return;
    }
    let block = BLOCKS.contains(&name);
    if block {
        out.push('\n');
    }
    if name == "li" {
        out.push_str("- ");
    }
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(_) => {
                if let Some(e) = ElementRef::wrap(child) {
                    walk(e, out);
                }
            }
            _ => {}
        }
    }
    if block {
        out.push('\n');
    }
}
