//! Markdown rendering with its sanitiser: whatever the text, the HTML holds only what Markdown
//! makes (no raw HTML, no `h1`, no event handlers), links and images lead nowhere but to
//! http(s), mailto, tel or relative addresses, every tag is closed, and the marker that stands
//! for the UI tree never shows.

#![no_main]

use dostyk::render::markdown::{self, ArticleLinks};
use dostyk_fuzz::{BODY_TAGS, check_html, text};
use libfuzzer_sys::fuzz_target;

/// Links to `….md` files resolve to a page whose path carries the file's name as written, so
/// that hostile names reach the HTML; names with `missing` in them are broken links.
struct Links;

impl ArticleLinks for Links {
    fn resolve(&self, dest: &str) -> Option<Result<String, String>> {
        let (file, fragment) = dest.split_once('#').unwrap_or((dest, ""));
        let stem = file.strip_suffix(".md")?;
        if stem.contains("missing") {
            return Some(Err(format!("no article {file}")));
        }
        let name = stem.rsplit('/').next().unwrap_or(stem);
        Some(Ok(if fragment.is_empty() {
            format!("articles/{name}/")
        } else {
            format!("articles/{name}/#{fragment}")
        }))
    }
}

fuzz_target!(|data: &[u8]| {
    let source = text(data);
    // `render` is `render_body` without article links, and highlighting a fenced block is
    // most of the time of a run: a text with a fence is rendered once, with links.
    if !source.contains("```") && !source.contains("~~~") {
        let html = markdown::render(&source);
        if let Err(why) = check_html(&html, BODY_TAGS) {
            panic!("render: {why}\nmarkdown: {source:?}\nhtml: {html}");
        }
    }

    let body = markdown::render_body(&source, &Links, "/dostyk/");
    for tree in ["kk", "tg"] {
        let html = body.in_tree(tree);
        if let Err(why) = check_html(&html, BODY_TAGS) {
            panic!("render_body ({tree}): {why}\nmarkdown: {source:?}\nhtml: {html}");
        }
    }
    // Broken links are reported at their place in the text, by both ways of finding them.
    let problems = markdown::link_problems(&source, &Links);
    assert_eq!(
        problems, body.problems,
        "link_problems and render_body disagree on {source:?}"
    );
    for (offset, _) in &problems {
        assert!(source.is_char_boundary(*offset) && *offset < source.len());
    }

    let _ = markdown::plain_text(&source);
    let _ = dostyk::load::excerpt(&source, 220);
});
