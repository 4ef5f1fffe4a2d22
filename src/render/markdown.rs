//! Markdown to HTML for article bodies. Imported text comes from outside, so raw HTML is
//! shown as text and only harmless link targets survive.

pub use crate::load::markdown_source::OPTIONS;
use crate::load::markdown_source::without_nuls;
use crate::render::highlight;
use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Parser, Tag, TagEnd};
use pulldown_cmark_escape::{escape_href, escape_html};
use std::borrow::Cow;

/// Stands for the UI tree's language code in the links of a rendered body: one rendering
/// serves both trees, each linking to its own copy of the other article. [`render_body`]
/// turns a NUL in the text into U+FFFD, as `CommonMark` asks, so only these markers can be
/// NULs in the HTML.
const TREE: char = '\0';

/// Where links to other articles' files point (`[text](../2025/slug.md)`).
pub trait ArticleLinks {
    /// `None` when `dest` is no link to an article file; else the linked page's path inside
    /// a UI tree (`articles/<slug>/`, with the `#fragment` kept), or why it cannot be found.
    fn resolve(&self, dest: &str) -> Option<Result<String, String>>;

    /// Whether `dest`, an image's address, is a photo this renderer shows as [`Self::figure`].
    fn is_figure(&self, _dest: &str) -> bool {
        false
    }

    /// The HTML of the photo an image of the project's files shows (`![alt](astana.jpg)`).
    fn figure(&self, _dest: &str, _alt: &str) -> String {
        String::new()
    }
}

/// No article links: `.md` targets stay as written.
pub struct NoArticleLinks;

impl ArticleLinks for NoArticleLinks {
    fn resolve(&self, _: &str) -> Option<Result<String, String>> {
        None
    }
}

/// A rendered body, for every UI tree at once (see [`Body::in_tree`]).
#[derive(Debug, Clone, Default)]
pub struct Body {
    html: String,
    /// Links to article files that lead nowhere: byte offset in the Markdown, and why.
    pub problems: Vec<(usize, String)>,
}

impl Body {
    /// The HTML as the `lang` tree shows it.
    pub fn in_tree(&self, lang: &str) -> Cow<'_, str> {
        if self.html.contains(TREE) {
            Cow::Owned(self.html.replace(TREE, lang))
        } else {
            Cow::Borrowed(&self.html)
        }
    }
}

/// The HTML of an article body, without resolving links to other articles.
pub fn render(markdown: &str) -> String {
    render_body(markdown, &NoArticleLinks, "/").html
}

/// The HTML of an article body; links to other articles' files become links to their pages
/// under `base_path`, in whichever tree shows the body.
pub fn render_body(markdown: &str, links: &dyn ArticleLinks, base_path: &str) -> Body {
    // From here on `markdown` is the text as parsed, and `source` as given (for offsets).
    let (source, cleaned) = (markdown, without_nuls(markdown));
    let markdown: &str = &cleaned;
    let mut events = Vec::new();
    let mut problems = Vec::new();
    let mut code: Option<(String, String)> = None;
    // Per open link: how it was written out.
    let mut open_links: Vec<LinkKind> = Vec::new();
    // Per open image: whether it was kept (its source is safe).
    let mut images: Vec<bool> = Vec::new();
    // An open image of a photo: its address, its title and its alt text so far.
    let mut figure: Option<(CowStr, CowStr, String)> = None;
    // A photo that so far stands alone in its paragraph: where the paragraph opened in
    // `events`, and the photo's title.
    let mut lone: Option<(usize, CowStr)> = None;
    for (event, range) in Parser::new_ext(markdown, OPTIONS).into_offset_iter() {
        if let Some((opened, title)) = lone.take() {
            // A paragraph of nothing but a photo is a figure, its title the caption
            // (`![alt](astana.jpg "caption")`). Anything beside it keeps the paragraph.
            if matches!(event, Event::End(TagEnd::Paragraph)) {
                events[opened] = Event::Html("<figure class=\"figure\">".into());
                events.push(Event::Html(figure_end(&title).into()));
                continue;
            }
        }
        if let Some((lang, text)) = &mut code {
            match event {
                Event::Text(t) => text.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    events.push(Event::Html(highlight::code_block(text, lang).into()));
                    code = None;
                }
                _ => {}
            }
            continue;
        }
        if let Some((dest, title, alt)) = &mut figure {
            match event {
                Event::Text(t) | Event::Code(t) => alt.push_str(&t),
                Event::End(TagEnd::Image) => {
                    let html = links.figure(dest, alt);
                    if matches!(events.last(), Some(Event::Start(Tag::Paragraph))) {
                        lone = Some((
                            events.len() - 1,
                            std::mem::replace(title, CowStr::Borrowed("")),
                        ));
                    }
                    events.push(Event::Html(html.into()));
                    figure = None;
                }
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) if links.is_figure(&dest_url) => {
                figure = Some((dest_url, title, String::new()));
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new()));
            }
            Event::Html(html) | Event::InlineHtml(html) => events.push(Event::Text(html)),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => match links.resolve(&dest_url) {
                Some(Ok(path)) => {
                    events.push(Event::Html(article_link(base_path, &path, &title).into()));
                    open_links.push(LinkKind::Article);
                }
                Some(Err(why)) => {
                    problems.push((range.start, why));
                    open_links.push(LinkKind::Dropped);
                }
                None if is_safe_url(&dest_url) => {
                    events.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }));
                    open_links.push(LinkKind::Kept);
                }
                None => open_links.push(LinkKind::Dropped),
            },
            Event::End(TagEnd::Link) => match open_links.pop() {
                Some(LinkKind::Article) => events.push(Event::Html("</a>".into())),
                Some(LinkKind::Dropped) => {}
                Some(LinkKind::Kept) | None => events.push(Event::End(TagEnd::Link)),
            },
            // A wide table scrolls inside its own box, which keyboard users can focus.
            Event::Start(Tag::Table(alignments)) => {
                events.push(Event::Html(
                    "<div class=\"table-scroll\" tabindex=\"0\">".into(),
                ));
                events.push(Event::Start(Tag::Table(alignments)));
            }
            Event::End(TagEnd::Table) => {
                events.push(Event::End(TagEnd::Table));
                events.push(Event::Html("</div>\n".into()));
            }
            // An image with an unsafe source becomes its alt text: `<img src="">` would be
            // invalid HTML and make browsers fetch the page itself.
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let safe = is_safe_url(&dest_url);
                images.push(safe);
                if safe {
                    events.push(Event::Start(Tag::Image {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }));
                }
            }
            Event::End(TagEnd::Image) => {
                if images.pop().unwrap_or(true) {
                    events.push(Event::End(TagEnd::Image));
                }
            }
            // The page title is the only h1: a `#` heading in the body becomes an h2.
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                events.push(Event::Start(Tag::Heading {
                    level: demote(level),
                    id,
                    classes,
                    attrs,
                }));
            }
            Event::End(TagEnd::Heading(level)) => {
                events.push(Event::End(TagEnd::Heading(demote(level))));
            }
            other => events.push(other),
        }
    }
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    if markdown.len() != source.len() {
        for (offset, _) in &mut problems {
            *offset = source_offset(source, *offset);
        }
    }
    Body { html, problems }
}

/// The offset in `source` of `offset` in [`without_nuls`]`(source)`: every NUL before it
/// grew by two bytes.
fn source_offset(source: &str, offset: usize) -> usize {
    let mut grown = 0;
    for (nul, _) in source.match_indices('\0') {
        if nul + grown >= offset {
            break;
        }
        grown += '\u{fffd}'.len_utf8() - 1;
    }
    offset - grown
}

/// The links to article files in `markdown` that lead nowhere: byte offset, and why.
pub fn link_problems(markdown: &str, links: &dyn ArticleLinks) -> Vec<(usize, String)> {
    // The text as `render_body` reads it, so that both find the same problems.
    let cleaned = without_nuls(markdown);
    Parser::new_ext(&cleaned, OPTIONS)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. }) => match links.resolve(&dest_url) {
                Some(Err(why)) => Some((source_offset(markdown, range.start), why)),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

enum LinkKind {
    /// Passed to pulldown-cmark as it was.
    Kept,
    /// A link to another article, written out here with the tree marker.
    Article,
    /// An unsafe target, or an article file that does not exist: only the text stays.
    Dropped,
}

/// `<a href="/base/␀/articles/slug/">`, ␀ standing for the tree (see [`TREE`]).
fn article_link(base_path: &str, path: &str, title: &CowStr) -> String {
    let mut tag = String::from("<a href=\"");
    let _ = escape_href(&mut tag, base_path);
    tag.push(TREE);
    tag.push('/');
    let _ = escape_href(&mut tag, path);
    tag.push('"');
    if !title.is_empty() {
        tag.push_str(" title=\"");
        let _ = escape_html(&mut tag, title);
        tag.push('"');
    }
    tag.push('>');
    tag
}

/// The text of a Markdown document without its markup, paragraphs on their own lines:
/// what a reader reads, for comparing texts.
pub fn plain_text(markdown: &str) -> String {
    let mut text = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, OPTIONS) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_) | TagEnd::CodeBlock,
            ) => text.push('\n'),
            _ => {}
        }
    }
    text
}

/// What closes a figure: its caption, when the image has a title.
fn figure_end(title: &str) -> String {
    let title = title.trim();
    if title.is_empty() {
        return "</figure>\n".to_string();
    }
    let mut out = String::from("<figcaption>");
    let _ = escape_html(&mut out, title);
    out.push_str("</figcaption></figure>\n");
    out
}

fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        other => other,
    }
}

/// Relative URLs and http(s), mailto and tel links pass; `javascript:`, `data:`, `vbscript:`
/// and every other scheme do not, however they are spelt.
pub fn is_safe_url(url: &str) -> bool {
    // Browsers ignore ASCII whitespace and control characters inside a scheme.
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect();
    match cleaned.find([':', '/', '?', '#']) {
        Some(i) if cleaned.as_bytes()[i] == b':' => {
            let scheme = cleaned[..i].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto" | "tel")
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_comes_out_as_text() {
        let html = render(
            "Hello <script>alert(1)</script> <b onclick=\"x()\">b</b>\n\n<div>block</div>\n",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<b "), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(html.contains("&lt;div&gt;"), "{html}");
    }

    #[test]
    fn dangerous_links_lose_their_target() {
        let html = render(
            "[click](javascript:alert(1)) [x](JaVa\tScRiPt:alert(1)) [d](data:text/html,hi) [ok](https://kz.kz/a) [rel](../b/)",
        );
        assert!(!html.to_lowercase().contains("javascript"), "{html}");
        assert!(!html.contains("data:"), "{html}");
        assert!(
            html.contains("<a href=\"https://kz.kz/a\">ok</a>"),
            "{html}"
        );
        assert!(html.contains("<a href=\"../b/\">rel</a>"), "{html}");
        assert!(html.contains("click"), "the link text stays: {html}");
    }

    #[test]
    fn images_with_script_urls_become_their_alt_text() {
        let html = render("![alt](javascript:alert(1)) ![ok](a.png)");
        assert!(!html.contains("javascript"), "{html}");
        assert!(!html.contains("src=\"\""), "{html}");
        assert!(
            html.contains("<p>alt <img src=\"a.png\" alt=\"ok\" /></p>"),
            "{html}"
        );
    }

    #[test]
    fn tables_footnotes_strikethrough() {
        let html = render("| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1] ~~old~~\n\n[^1]: Note.\n");
        assert!(
            html.contains("<div class=\"table-scroll\" tabindex=\"0\"><table>"),
            "{html}"
        );
        assert!(html.contains("<del>old</del>"), "{html}");
        assert!(html.contains("footnote-definition"), "{html}");
    }

    #[test]
    fn fenced_code_is_highlighted_and_headings_demoted() {
        let html = render("# Top\n\n## Sub\n\n```toml\na = 1\n```\n");
        assert!(html.contains("<h2>Top</h2>"), "{html}");
        assert!(
            html.contains("<h2>Sub</h2>"),
            "levels below h1 stay: {html}"
        );
        assert!(html.contains("hl-code"), "{html}");
    }

    #[test]
    fn nuls_become_replacement_characters_not_tree_markers() {
        let body = render_body("a\0b [x](missing.md)\0\n", &Missing, "/");
        assert_eq!(body.in_tree("kk"), "<p>a\u{fffd}b x\u{fffd}</p>\n");
        assert_eq!(body.problems, vec![(4, "missing".to_string())]);
    }

    struct Missing;

    impl ArticleLinks for Missing {
        fn resolve(&self, _: &str) -> Option<Result<String, String>> {
            Some(Err("missing".into()))
        }
    }

    #[test]
    fn dialogue_dash_escaped_stays_a_paragraph() {
        let html = render("\\- Боиси хушнудист, — гуфт.\n");
        assert_eq!(html, "<p>- Боиси хушнудист, — гуфт.</p>\n");
    }
}
