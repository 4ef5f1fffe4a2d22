//! What the fuzz targets share: the repository's own taxonomy, and a checker of the HTML that
//! article bodies become. The checker is written apart from `dostyk::render::markdown` on purpose: a
//! property checked with the code under test would share its blind spots.

use dostyk::load::config::SiteConfig;
use dostyk::load::taxonomy::Taxonomy;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The repository (this package lives in its `fuzz/` folder).
pub fn repo() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// `content/taxonomy.toml` as the site reads it, loaded once per process.
pub fn taxonomy() -> &'static Taxonomy {
    static TAXONOMY: OnceLock<Taxonomy> = OnceLock::new();
    TAXONOMY.get_or_init(|| {
        let config = SiteConfig::load(repo(), None).expect("site.toml loads");
        Taxonomy::load(&repo().join("content/taxonomy.toml"), &config).expect("taxonomy loads")
    })
}

/// Where an article of `year` with `slug` lives, as the loader is given it.
pub fn article_path(year: u16, slug: &str) -> PathBuf {
    PathBuf::from(format!("content/articles/{year}/{slug}.md"))
}

/// Text from fuzzer bytes: invalid UTF-8 is replaced rather than skipped, so that no run is
/// wasted on inputs the parsers could never be given (they take `&str`).
pub fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// Tags an article body may contain: what Markdown makes, the table box, footnotes and
/// highlighted code. No `h1` (the page title is the only one), nothing raw HTML could add.
pub const BODY_TAGS: &[&str] = &[
    "p",
    "a",
    "img",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "em",
    "strong",
    "del",
    "code",
    "pre",
    "span",
    "ul",
    "ol",
    "li",
    "blockquote",
    "hr",
    "br",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "div",
    "sup",
];

/// Tags the importer's Markdown may turn into: it escapes every other piece of syntax.
pub const IMPORTED_TAGS: &[&str] = &["p", "ul", "li"];

const VOID: &[&str] = &["img", "hr", "br"];

const ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "alt",
    "title",
    "class",
    "id",
    "tabindex",
    "data-lang",
    "start",
    "style",
];

/// Checks `html` (a rendered body) as a browser would read it: only `tags`, every tag closed
/// in order, only known attributes (no `on…` handlers), quoted values, `href` and `src` with a
/// harmless scheme, `&` only in a character reference, and no NUL.
pub fn check_html(html: &str, tags: &[&str]) -> Result<(), String> {
    let mut open: Vec<&str> = Vec::new();
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        match c {
            '<' => {
                let end = rest
                    .find('>')
                    .ok_or_else(|| format!("a tag never closes: {}", head(rest)))?;
                let tag = &rest[1..end];
                if let Some(name) = tag.strip_prefix('/') {
                    match open.pop() {
                        Some(top) if top == name => {}
                        top => return Err(format!("</{name}> closes {top:?}")),
                    }
                } else {
                    let name = start_tag(tag, tags)?;
                    if !VOID.contains(&name) {
                        open.push(name);
                    }
                }
                rest = &rest[end + 1..];
            }
            '&' => {
                let len = reference_len(rest)
                    .ok_or_else(|| format!("a bare `&` in the HTML: {}", head(rest)))?;
                rest = &rest[len..];
            }
            '\0' => {
                let at = html.len() - rest.len();
                let from = html.floor_char_boundary(at.saturating_sub(60));
                return Err(format!("a NUL in the HTML after {:?}", &html[from..at]));
            }
            '>' => return Err(format!("a bare `>` in the HTML: {}", head(rest))),
            c => rest = &rest[c.len_utf8()..],
        }
    }
    match open.last() {
        Some(tag) => Err(format!("<{tag}> is never closed")),
        None => Ok(()),
    }
}

/// Checks the inside of a start tag (`a href="…"`) and returns its name.
fn start_tag<'a>(tag: &'a str, tags: &[&str]) -> Result<&'a str, String> {
    let name_len = tag
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(tag.len());
    let name = &tag[..name_len];
    if !tags.contains(&name) {
        return Err(format!("tag <{tag}> is not allowed here"));
    }
    let mut attrs = &tag[name_len..];
    loop {
        let trimmed = attrs.trim_start_matches(' ');
        if trimmed.is_empty() || (trimmed == "/" && VOID.contains(&name)) {
            return Ok(name);
        }
        if trimmed.len() == attrs.len() {
            return Err(format!("no space before an attribute in <{tag}>"));
        }
        let (attr, after) = trimmed
            .split_once("=\"")
            .ok_or_else(|| format!("an attribute without a quoted value in <{tag}>"))?;
        if !ATTRIBUTES.contains(&attr) {
            return Err(format!("attribute `{attr}` is not allowed: <{tag}>"));
        }
        let (value, after) = after
            .split_once('"')
            .ok_or_else(|| format!("an unterminated value in <{tag}>"))?;
        if value.contains('<') {
            return Err(format!("a `<` inside an attribute value: <{tag}>"));
        }
        let value = decode(value).ok_or_else(|| format!("a bare `&` in <{tag}>"))?;
        match attr {
            "href" | "src" if !harmless_url(&value) => {
                return Err(format!("an unsafe {attr} {value:?} in <{tag}>"));
            }
            "style"
                if !matches!(
                    value.as_str(),
                    "text-align: left" | "text-align: center" | "text-align: right"
                ) =>
            {
                return Err(format!("an unexpected style in <{tag}>"));
            }
            _ => {}
        }
        attrs = after;
    }
}

/// The length of the character reference `s` starts with (`&amp;`, `&#x27;`), if it is one.
fn reference_len(s: &str) -> Option<usize> {
    let end = s.find(';')?;
    let name = &s[1..end];
    let ok = match name.strip_prefix('#') {
        Some(number) => match number.strip_prefix(['x', 'X']) {
            Some(hex) => !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()),
            None => !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()),
        },
        None => matches!(name, "amp" | "lt" | "gt" | "quot" | "apos" | "nbsp"),
    };
    ok.then_some(end + 1)
}

/// `s` with its character references decoded, or `None` for a bare `&`.
pub fn decode(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let len = reference_len(rest)?;
        let name = &rest[1..len - 1];
        let c = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{a0}',
            _ => {
                let number = &name[1..];
                let code = match number.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => number.parse().ok(),
                };
                code.and_then(char::from_u32).unwrap_or('\u{fffd}')
            }
        };
        out.push(c);
        rest = &rest[len..];
    }
    out.push_str(rest);
    Some(out)
}

/// Whether a browser would follow `url` only to http(s), mailto, tel or a relative address.
/// Follows the URL standard's parsing rather than `dostyk::render::markdown::is_safe_url`: leading
/// and trailing C0 controls and spaces are stripped and tabs and newlines removed anywhere,
/// then a scheme is a letter followed by letters, digits, `+`, `-` or `.` before a `:`.
pub fn harmless_url(url: &str) -> bool {
    let url: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let scheme_len = url
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
        .unwrap_or(url.len());
    let starts_with_letter = url.starts_with(|c: char| c.is_ascii_alphabetic());
    if !starts_with_letter || !url[scheme_len..].starts_with(':') {
        return true;
    }
    matches!(
        url[..scheme_len].to_ascii_lowercase().as_str(),
        "http" | "https" | "mailto" | "tel"
    )
}

/// The text a reader sees in `html`: tags dropped, character references decoded.
pub fn visible_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    decode(&text).unwrap_or(text)
}

/// Words separated by single spaces: how texts are compared when line breaks do not matter.
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn head(s: &str) -> &str {
    let end = s.char_indices().nth(60).map_or(s.len(), |(i, _)| i);
    &s[..end]
}
