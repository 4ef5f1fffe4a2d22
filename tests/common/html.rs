//! Reading a built site back: its files, its pages parsed as HTML, and what list pages show.

use scraper::{ElementRef, Html, Selector};
use std::collections::BTreeMap;
use std::path::Path;

/// A built site's output folder, read back.
pub(crate) trait ReadBack {
    /// The output folder.
    fn out(&self) -> &Path;

    /// The page at `rel`, parsed.
    fn html(&self, rel: &str) -> Html {
        page(self.out(), rel)
    }

    /// The file at `rel`, as text.
    fn text(&self, rel: &str) -> String {
        read_text(self.out(), rel)
    }

    /// Whether the output has the file `rel`.
    fn exists(&self, rel: &str) -> bool {
        self.out().join(rel).is_file()
    }
}

/// Whether the file (or URL path) `name` ends in `.EXTENSION`. The names compared are the
/// generator's own, lower case by design: `.HTML` would be a bug to find, not a page.
pub(crate) fn has_extension(name: &str, extension: &str) -> bool {
    Path::new(name).extension().is_some_and(|e| e == extension)
}

/// Every file under `dir`, by relative path with `/` separators, with its bytes.
pub(crate) fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in
            std::fs::read_dir(&folder).unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        {
            let entry = entry.expect("dir entry");
            let path = entry.path();
            if entry.file_type().expect("file type").is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .expect("under dir")
                    .to_string_lossy()
                    .replace('\\', "/");
                files.insert(rel, std::fs::read(&path).expect("read output file"));
            }
        }
    }
    files
}

pub(crate) fn read_text(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

pub(crate) fn page(out: &Path, rel: &str) -> Html {
    Html::parse_document(&read_text(out, rel))
}

pub(crate) fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("selector {css:?}: {e:?}"))
}

/// The first element matching `css`, or a panic naming the page.
pub(crate) fn one<'a>(doc: &'a Html, css: &str, what: &str) -> ElementRef<'a> {
    doc.select(&sel(css))
        .next()
        .unwrap_or_else(|| panic!("{what}: no element matches {css:?}"))
}

pub(crate) fn attr<'a>(doc: &'a Html, css: &str, name: &str, what: &str) -> &'a str {
    one(doc, css, what)
        .value()
        .attr(name)
        .unwrap_or_else(|| panic!("{what}: {css:?} has no {name}"))
}

/// The element's text, whitespace collapsed.
pub(crate) fn text_of(element: ElementRef) -> String {
    element
        .text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The language an element is in: its own `lang` or its nearest ancestor's.
pub(crate) fn effective_lang(element: ElementRef) -> Option<String> {
    std::iter::once(*element)
        .chain(element.ancestors())
        .filter_map(|node| node.value().as_element())
        .find_map(|e| e.attr("lang"))
        .map(str::to_string)
}

/// The stories a list page shows, in order: for each `.story`, the article slug of its title
/// link and the slugs its "also in" line links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Listed {
    pub slug: String,
    pub href: String,
    pub lang: Option<String>,
    pub datetime: Option<String>,
    pub also_in: Vec<String>,
}

pub(crate) fn listed_stories(doc: &Html, what: &str) -> Vec<Listed> {
    let heading_link = sel("h1 a, h2 a, h3 a, h4 a, h5 a, h6 a");
    let also = sel(".also-in a");
    let time = sel("time[datetime]");
    doc.select(&sel(".story"))
        .map(|story| {
            let link = story
                .select(&heading_link)
                .next()
                .unwrap_or_else(|| panic!("{what}: a .story without a title link"));
            let href = link.value().attr("href").expect("title link has href");
            Listed {
                slug: slug_of(href),
                href: href.to_string(),
                lang: effective_lang(link),
                datetime: story
                    .select(&time)
                    .next()
                    .and_then(|t| t.value().attr("datetime"))
                    .map(str::to_string),
                also_in: story
                    .select(&also)
                    .filter_map(|a| a.value().attr("href"))
                    .map(slug_of)
                    .collect(),
            }
        })
        .collect()
}

/// `/REPO/kk/articles/some-slug/` → `some-slug`.
pub(crate) fn slug_of(href: &str) -> String {
    let path = href.split(['#', '?']).next().unwrap_or_default();
    let mut parts = path.trim_end_matches('/').rsplit('/');
    let slug = parts.next().unwrap_or_default();
    assert_eq!(
        parts.next(),
        Some("articles"),
        "{href} is not an article link"
    );
    slug.to_string()
}
