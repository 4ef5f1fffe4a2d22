//! Helpers shared by the integration tests: building a project into a temporary folder, small
//! fixture sites written from strings, reading the output back, and checking its links.
//!
//! Each test binary uses only some of these, hence the `dead_code` allowance.
#![allow(dead_code)]

use scraper::{ElementRef, Html, Selector};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The base URLs every site is checked under: a domain root and a GitHub Pages project sub-path.
pub const ROOT_BASE: &str = "http://127.0.0.1:8000/";
pub const SUB_BASE: &str = "http://127.0.0.1:8000/REPO/";

/// The crate's own folder: its `content/` is the real archive.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A site built into a temporary folder; the folder goes away when this is dropped.
pub struct Built {
    _dir: tempfile::TempDir,
    pub out: PathBuf,
    pub base_url: String,
    pub report: dostyk::BuildReport,
}

impl Built {
    /// The path part of the base URL: `/` or `/REPO/`.
    pub fn base_path(&self) -> String {
        base_path(&self.base_url)
    }

    pub fn html(&self, rel: &str) -> Html {
        page(&self.out, rel)
    }

    pub fn text(&self, rel: &str) -> String {
        read_text(&self.out, rel)
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.out.join(rel).is_file()
    }

    /// Every file of the output, relative, with `/` separators.
    pub fn files(&self) -> BTreeSet<String> {
        snapshot(&self.out).into_keys().collect()
    }

    pub fn html_files(&self) -> Vec<String> {
        self.files()
            .into_iter()
            .filter(|f| f.ends_with(".html"))
            .collect()
    }
}

/// Builds the repository's own project (its `content/`, `site.toml`, templates) for `base_url`.
pub fn build_repo(base_url: &str) -> Built {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("public");
    let report = dostyk::build(&dostyk::BuildOptions {
        project: dostyk::Project::new(repo_root()),
        out: out.clone(),
        base_url: Some(base_url.to_string()),
        when_busy: dostyk::output::WhenBusy::Wait,
        search: true,
    })
    .unwrap_or_else(|e| panic!("the repository's content builds:\n{e}"));
    Built {
        _dir: dir,
        out,
        base_url: base_url.to_string(),
        report,
    }
}

// ---------------------------------------------------------------------------------------------
// Fixture sites
// ---------------------------------------------------------------------------------------------

pub const SITE_TOML: &str = r#"base_url = "http://127.0.0.1:8000/"
ui_languages = ["kk", "tg"]
page_size = 20
feed_length = 20
landing_stories = 6

[languages.kk]
title = "Сынақ"
description = "Сынақ сайты"

[languages.tg]
title = "Санҷиш"
description = "Сомонаи санҷишӣ"
"#;

pub const TAXONOMY_TOML: &str = r#"[[countries]]
id = "kazakhstan"
label = { kk = "Қазақстан", tg = "Қазоқистон" }

[[countries]]
id = "tajikistan"
label = { kk = "Тәжікстан", tg = "Тоҷикистон" }

[[countries]]
id = "uzbekistan"
label = { kk = "Өзбекстан", tg = "Ӯзбекистон" }

[[topics]]
id = "trade"
label = { kk = "Сауда", tg = "Савдо" }

[[topics]]
id = "water"
label = { kk = "Су", tg = "Об" }

[[topics]]
id = "diplomacy"
label = { kk = "Дипломатия", tg = "Дипломатия" }
"#;

/// A small project in a temporary folder: `site/` holds the project, `out/` the output.
pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub root: PathBuf,
    pub out: PathBuf,
}

impl Default for Fixture {
    fn default() -> Self {
        Self::new()
    }
}

impl Fixture {
    /// A project with the default `site.toml` and taxonomy and no articles.
    pub fn new() -> Fixture {
        Self::with_config(SITE_TOML)
    }

    /// A project with its own `site.toml`.
    pub fn with_config(site_toml: &str) -> Fixture {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("site");
        let out = dir.path().join("out");
        let fixture = Fixture { dir, root, out };
        fixture.write("site.toml", site_toml);
        fixture.write("content/taxonomy.toml", TAXONOMY_TOML);
        fixture
    }

    /// Writes a file of the project, creating its folders.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.root.join(rel);
        std::fs::create_dir_all(path.parent().expect("a file has a folder")).expect("mkdir");
        std::fs::write(&path, contents).expect("write fixture file");
        path
    }

    pub fn remove(&self, rel: &str) {
        std::fs::remove_file(self.root.join(rel)).expect("remove fixture file");
    }

    /// Writes `content/articles/<rel>` (e.g. `2025/some-slug.md`).
    pub fn article(&self, rel: &str, text: impl AsRef<[u8]>) -> PathBuf {
        self.write(&format!("content/articles/{rel}"), text)
    }

    /// The path of a project file as error messages name it.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    pub fn build(&self) -> Result<dostyk::BuildReport, dostyk::Error> {
        self.build_for(None)
    }

    pub fn build_for(&self, base_url: Option<&str>) -> Result<dostyk::BuildReport, dostyk::Error> {
        dostyk::build(&dostyk::BuildOptions {
            project: dostyk::Project::new(&self.root),
            out: self.out.clone(),
            base_url: base_url.map(str::to_string),
            when_busy: dostyk::output::WhenBusy::Wait,
            search: true,
        })
    }

    /// Builds and panics with every diagnostic if the build fails.
    pub fn build_ok(&self) -> dostyk::BuildReport {
        self.build()
            .unwrap_or_else(|e| panic!("fixture site builds:\n{e}"))
    }

    pub fn html(&self, rel: &str) -> Html {
        page(&self.out, rel)
    }

    pub fn text(&self, rel: &str) -> String {
        read_text(&self.out, rel)
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.out.join(rel).is_file()
    }

    /// Names in the temporary folder beside the project and the output: a failed or finished
    /// build must leave only `site` and `out` there.
    pub fn siblings(&self) -> BTreeSet<String> {
        std::fs::read_dir(self.dir.path())
            .expect("read temp dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect()
    }
}

/// One article file's text, front matter and body.
#[derive(Clone, Debug)]
pub struct ArticleSpec {
    pub title: String,
    pub date: String,
    pub lang: String,
    pub countries: Vec<String>,
    pub topics: Vec<String>,
    pub story: Option<String>,
    pub outlet: String,
    pub body: String,
}

impl ArticleSpec {
    pub fn new(title: &str, date: &str, lang: &str) -> ArticleSpec {
        ArticleSpec {
            title: title.into(),
            date: date.into(),
            lang: lang.into(),
            countries: vec!["kazakhstan".into(), "tajikistan".into()],
            topics: vec!["trade".into()],
            story: None,
            outlet: "Test Agency".into(),
            body: format!("{title}: the first paragraph of the text.\n\nA second paragraph.\n"),
        }
    }

    pub fn countries(mut self, ids: &[&str]) -> Self {
        self.countries = ids.iter().map(|s| s.to_string()).collect();
        self
    }

    pub fn topics(mut self, ids: &[&str]) -> Self {
        self.topics = ids.iter().map(|s| s.to_string()).collect();
        self
    }

    pub fn story(mut self, id: &str) -> Self {
        self.story = Some(id.into());
        self
    }

    pub fn body(mut self, body: &str) -> Self {
        self.body = body.into();
        self
    }

    /// The file's text. Line 1 is `+++`, line 2 `title`, line 3 `date`, line 4 `lang`,
    /// line 5 `countries`, line 6 `topics`; tests that check line numbers rely on this.
    pub fn text(&self) -> String {
        let list = |items: &[String]| {
            items
                .iter()
                .map(|i| format!("{i:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut text = String::from("+++\n");
        text.push_str(&format!("title = {}\n", toml_string(&self.title)));
        text.push_str(&format!("date = {}\n", self.date));
        text.push_str(&format!("lang = {:?}\n", self.lang));
        text.push_str(&format!("countries = [{}]\n", list(&self.countries)));
        text.push_str(&format!("topics = [{}]\n", list(&self.topics)));
        if let Some(story) = &self.story {
            text.push_str(&format!("story = {story:?}\n"));
        }
        text.push_str("[source]\n");
        text.push_str(&format!("outlet = {}\n", toml_string(&self.outlet)));
        text.push_str("+++\n\n");
        text.push_str(&self.body);
        text
    }
}

/// A TOML basic string.
pub fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

// ---------------------------------------------------------------------------------------------
// Reading the output
// ---------------------------------------------------------------------------------------------

/// Every file under `dir`, by relative path with `/` separators, with its bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap_or_else(|e| panic!("{folder:?}: {e}")) {
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

pub fn read_text(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

pub fn page(out: &Path, rel: &str) -> Html {
    Html::parse_document(&read_text(out, rel))
}

pub fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("selector {css:?}: {e:?}"))
}

/// The first element matching `css`, or a panic naming the page.
pub fn one<'a>(doc: &'a Html, css: &str, what: &str) -> ElementRef<'a> {
    doc.select(&sel(css))
        .next()
        .unwrap_or_else(|| panic!("{what}: no element matches {css:?}"))
}

pub fn attr<'a>(doc: &'a Html, css: &str, name: &str, what: &str) -> &'a str {
    one(doc, css, what)
        .value()
        .attr(name)
        .unwrap_or_else(|| panic!("{what}: {css:?} has no {name}"))
}

/// The element's text, whitespace collapsed.
pub fn text_of(element: ElementRef) -> String {
    element
        .text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The language an element is in: its own `lang` or its nearest ancestor's.
pub fn effective_lang(element: ElementRef) -> Option<String> {
    std::iter::once(*element)
        .chain(element.ancestors())
        .filter_map(|node| node.value().as_element())
        .find_map(|e| e.attr("lang"))
        .map(str::to_string)
}

/// The stories a list page shows, in order: for each `.story`, the article slug of its title
/// link and the slugs its "also in" line links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub slug: String,
    pub href: String,
    pub lang: Option<String>,
    pub datetime: Option<String>,
    pub also_in: Vec<String>,
}

pub fn listed_stories(doc: &Html, what: &str) -> Vec<Listed> {
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
pub fn slug_of(href: &str) -> String {
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

// ---------------------------------------------------------------------------------------------
// The repository's content, read independently of the generator
// ---------------------------------------------------------------------------------------------

/// One article of `content/articles`, as its front matter says.
#[derive(Debug, Clone)]
pub struct SourceArticle {
    pub slug: String,
    pub title: String,
    pub date: String,
    pub lang: String,
    pub countries: Vec<String>,
    pub topics: Vec<String>,
    pub story: String,
}

/// Reads every `content/articles/**/*.md` of the repository with a plain TOML parser.
pub fn repo_articles() -> Vec<SourceArticle> {
    let dir = repo_root().join("content/articles");
    let mut articles = Vec::new();
    for (rel, bytes) in snapshot(&dir) {
        if !rel.ends_with(".md") {
            continue;
        }
        let text = String::from_utf8(bytes).expect("UTF-8 article");
        let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
        let rest = text.strip_prefix("+++\n").expect("front matter opens");
        let end = rest.find("\n+++").expect("front matter closes");
        let fm: toml::Table = rest[..end].parse().expect("front matter is TOML");
        let stem = rel
            .rsplit('/')
            .next()
            .unwrap()
            .trim_end_matches(".md")
            .to_string();
        let slug = fm
            .get("slug")
            .and_then(|v| v.as_str())
            .map(str::to_string)
            .unwrap_or(stem);
        let list = |key: &str| -> Vec<String> {
            fm.get(key)
                .and_then(|v| v.as_array())
                .map(|a| {
                    a.iter()
                        .map(|v| v.as_str().expect("string id").to_string())
                        .collect()
                })
                .unwrap_or_default()
        };
        articles.push(SourceArticle {
            story: fm
                .get("story")
                .and_then(|v| v.as_str())
                .map(str::to_string)
                .unwrap_or_else(|| slug.clone()),
            title: fm["title"].as_str().expect("title").to_string(),
            date: fm["date"].to_string().trim_matches('"').to_string(),
            lang: fm["lang"].as_str().expect("lang").to_string(),
            countries: list("countries"),
            topics: list("topics"),
            slug,
        });
    }
    assert!(articles.len() >= 5, "the repository has its five articles");
    articles
}

/// Country and topic ids of the repository's `content/taxonomy.toml`, in order.
pub fn repo_taxonomy() -> (Vec<String>, Vec<String>) {
    let text = std::fs::read_to_string(repo_root().join("content/taxonomy.toml")).unwrap();
    let table: toml::Table = text.parse().expect("taxonomy is TOML");
    let ids = |key: &str| -> Vec<String> {
        table[key]
            .as_array()
            .expect("array of tables")
            .iter()
            .map(|t| t["id"].as_str().expect("id").to_string())
            .collect()
    };
    (ids("countries"), ids("topics"))
}

// ---------------------------------------------------------------------------------------------
// Links
// ---------------------------------------------------------------------------------------------

/// `http://host:port/REPO/` → `/REPO/`.
pub fn base_path(base_url: &str) -> String {
    let rest = base_url.split_once("://").expect("absolute base URL").1;
    match rest.find('/') {
        Some(i) => rest[i..].to_string(),
        None => "/".to_string(),
    }
}

/// `http://host:port/REPO/` → `http://host:port`.
pub fn origin(base_url: &str) -> String {
    let path = base_path(base_url);
    base_url[..base_url.len() - path.len()].to_string()
}

/// The URL path a file of the output is served at (`kk/index.html` → `/REPO/kk/`).
pub fn url_path_of_file(base_path: &str, rel: &str) -> String {
    let rel = rel.strip_suffix("index.html").unwrap_or(rel);
    format!("{base_path}{rel}")
}

/// The output file a root-relative URL path (query and fragment already removed) is served
/// from, or why it is not one.
pub fn file_for_path(base_path: &str, path: &str) -> Result<String, String> {
    let Some(rel) = path.strip_prefix(base_path) else {
        return Err(format!("is outside the base path {base_path}"));
    };
    let rel = percent_decode(rel);
    if rel.split('/').any(|s| s == ".." || s == ".") {
        return Err("has dot segments".into());
    }
    Ok(if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel
    })
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && bytes[i + 1].is_ascii_hexdigit()
            && bytes[i + 2].is_ascii_hexdigit()
        {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).expect("ASCII");
            out.push(u8::from_str_radix(hex, 16).expect("hex digits"));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Resolves `href` as found on the page served at `page_path` to a root-relative path with
/// its query and fragment, or `None` for links that leave the site's host (external links).
pub fn resolve(origin: &str, page_path: &str, href: &str) -> Option<String> {
    let href = href.trim();
    if let Some(rest) = href.strip_prefix(origin)
        && (rest.is_empty() || rest.starts_with('/'))
    {
        return Some(if rest.is_empty() {
            "/".into()
        } else {
            rest.into()
        });
    }
    if href.starts_with("//") {
        return None;
    }
    let scheme_end = href.find([':', '/', '?', '#']);
    if let Some(i) = scheme_end
        && href.as_bytes()[i] == b':'
    {
        return None; // another host, or mailto: and the like
    }
    if href.starts_with('/') {
        return Some(href.to_string());
    }
    if href.starts_with('#') || href.starts_with('?') || href.is_empty() {
        let page = page_path.split(['#', '?']).next().unwrap_or_default();
        return Some(format!("{page}{href}"));
    }
    // A relative path: join with the page's folder and remove dot segments.
    let folder = &page_path[..=page_path.rfind('/').expect("page paths start with /")];
    let (path_part, tail) = match href.find(['?', '#']) {
        Some(i) => (&href[..i], &href[i..]),
        None => (href, ""),
    };
    let mut segments: Vec<&str> = folder.split('/').filter(|s| !s.is_empty()).collect();
    let parts: Vec<&str> = path_part.split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        match *part {
            "." => {}
            ".." => {
                segments.pop();
            }
            "" if i + 1 < parts.len() => {}
            other => segments.push(other),
        }
    }
    let trailing = path_part.ends_with('/') || path_part.ends_with("/.") || path_part == "..";
    let mut joined = format!("/{}", segments.join("/"));
    if trailing && !joined.ends_with('/') {
        joined.push('/');
    }
    Some(format!("{joined}{tail}"))
}

/// The `id`s (and `a[name]`s) of an HTML or SVG file, cached by path.
pub struct Ids {
    out: PathBuf,
    cache: HashMap<String, BTreeSet<String>>,
}

impl Ids {
    pub fn new(out: &Path) -> Ids {
        Ids {
            out: out.to_path_buf(),
            cache: HashMap::new(),
        }
    }

    pub fn of(&mut self, rel: &str) -> &BTreeSet<String> {
        let out = &self.out;
        self.cache.entry(rel.to_string()).or_insert_with(|| {
            let text = std::fs::read_to_string(out.join(rel)).unwrap_or_default();
            Html::parse_document(&text)
                .select(&sel("[id], a[name]"))
                .filter_map(|e| e.value().attr("id").or_else(|| e.value().attr("name")))
                .map(str::to_string)
                .collect()
        })
    }
}

/// What [`check_site_links`] looked at and what it found wrong.
#[derive(Debug, Default)]
pub struct LinkCheck {
    /// Internal links and assets checked.
    pub internal: usize,
    /// Fragments checked against the target's ids.
    pub fragments: usize,
    /// Absolute URLs (canonical, hreflang, og) checked.
    pub absolute: usize,
    pub problems: Vec<String>,
}

/// Checks every `href`/`src` of every HTML page of `out` (built for `base_url`): internal links
/// start with the base path and resolve to files, fragments exist in their target, absolute URLs
/// of the site start with the base URL.
pub fn check_site_links(out: &Path, base_url: &str) -> LinkCheck {
    check_links(out, base_url, false)
}

/// Like [`check_site_links`], but relative links (which an article's Markdown may hold) pass
/// when they resolve.
pub fn check_site_links_allowing_relative(out: &Path, base_url: &str) -> LinkCheck {
    check_links(out, base_url, true)
}

fn check_links(out: &Path, base_url: &str, allow_relative: bool) -> LinkCheck {
    let base = base_path(base_url);
    let origin = origin(base_url);
    let mut ids = Ids::new(out);
    let mut check = LinkCheck::default();
    let files: BTreeSet<String> = snapshot(out).into_keys().collect();
    let linking = sel("[href], [src], [srcset], meta[property][content], form[action]");
    for rel in files.iter().filter(|f| f.ends_with(".html")) {
        let page_path = url_path_of_file(&base, rel);
        let doc = page(out, rel);
        for element in doc.select(&linking) {
            let value = element.value();
            let mut urls: Vec<(&str, String)> = Vec::new();
            for name in ["href", "src", "action"] {
                if let Some(v) = value.attr(name) {
                    urls.push((name, v.to_string()));
                }
            }
            if let Some(srcset) = value.attr("srcset") {
                for candidate in srcset.split(',') {
                    if let Some(url) = candidate.split_whitespace().next() {
                        urls.push(("srcset", url.to_string()));
                    }
                }
            }
            if let (Some(property), Some(content)) = (value.attr("property"), value.attr("content"))
                && (property == "og:url" || property == "og:image")
            {
                urls.push(("content", content.to_string()));
            }
            for (name, url) in urls {
                let here = format!("{rel}: <{} {name}=\"{url}\">", value.name());
                let is_absolute = url.contains("://");
                if is_absolute {
                    if !url.starts_with(&origin) {
                        continue; // external
                    }
                    check.absolute += 1;
                    if !url.starts_with(base_url) {
                        check
                            .problems
                            .push(format!("{here}: does not start with {base_url}"));
                        continue;
                    }
                }
                let Some(target) = resolve(&origin, &page_path, &url) else {
                    continue;
                };
                if url.is_empty() || url == "#" {
                    check.problems.push(format!("{here}: empty link"));
                    continue;
                }
                let relative = !url.starts_with(['#', '/']) && !is_absolute;
                let allowed = url.starts_with('#')
                    || is_absolute
                    || url.starts_with(&base)
                    || (allow_relative && relative);
                if !allowed {
                    check.problems.push(format!(
                        "{here}: internal link does not start with the base path {base}"
                    ));
                }
                check.internal += 1;
                let (without_fragment, fragment) = match target.split_once('#') {
                    Some((p, f)) => (p, Some(f)),
                    None => (target.as_str(), None),
                };
                let path = without_fragment.split('?').next().unwrap_or_default();
                let file = match file_for_path(&base, path) {
                    Ok(file) => file,
                    Err(why) => {
                        check.problems.push(format!("{here}: {why}"));
                        continue;
                    }
                };
                if !files.contains(&file) {
                    check
                        .problems
                        .push(format!("{here}: no file {file} in the output"));
                    continue;
                }
                if let Some(fragment) = fragment.filter(|f| !f.is_empty()) {
                    check.fragments += 1;
                    let fragment = percent_decode(fragment);
                    if !ids.of(&file).contains(&fragment) {
                        check
                            .problems
                            .push(format!("{here}: no id \"{fragment}\" in {file}"));
                    }
                }
            }
        }
    }
    check
}

/// Checks that an absolute URL (from a feed, the sitemap, robots.txt) starts with the base URL
/// and names a file of the output.
pub fn check_absolute(out: &Path, base_url: &str, url: &str) -> Result<String, String> {
    let Some(rest) = url.strip_prefix(base_url) else {
        return Err(format!("{url} does not start with {base_url}"));
    };
    let path = rest.split(['#', '?']).next().unwrap_or_default();
    let file = file_for_path("/", &format!("/{path}"))?;
    if out.join(&file).is_file() {
        Ok(file)
    } else {
        Err(format!("{url}: no file {file} in the output"))
    }
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/// Every diagnostic of a failed build, as `file:line: message` lines.
pub fn messages(result: Result<dostyk::BuildReport, dostyk::Error>) -> Vec<String> {
    match result {
        Ok(_) => panic!("the build succeeded but should have failed"),
        Err(e) => e.diagnostics().iter().map(ToString::to_string).collect(),
    }
}

// ---------------------------------------------------------------------------------------------
// Stories of the repository's content, as the design says they are grouped and shown
// ---------------------------------------------------------------------------------------------

/// The UI languages of the repository's `site.toml`, default first.
pub const UI: [&str; 2] = ["kk", "tg"];

/// One story: the versions of one event, in UI-language order (kk, tg, then other codes).
#[derive(Debug, Clone)]
pub struct SourceStory {
    pub id: String,
    pub versions: Vec<SourceArticle>,
}

impl SourceStory {
    /// The earliest version's date.
    pub fn date(&self) -> String {
        self.versions.iter().map(|v| v.date.clone()).min().unwrap()
    }

    /// The version a reader of the `ui` tree sees in lists.
    pub fn shown(&self, ui: &str) -> &SourceArticle {
        self.versions
            .iter()
            .find(|v| v.lang == ui)
            .unwrap_or(&self.versions[0])
    }

    pub fn slugs(&self) -> BTreeSet<String> {
        self.versions.iter().map(|v| v.slug.clone()).collect()
    }

    pub fn has(&self, kind: &str, id: &str) -> bool {
        self.versions.iter().any(|v| {
            let ids = if kind == "countries" {
                &v.countries
            } else {
                &v.topics
            };
            ids.iter().any(|i| i == id)
        })
    }
}

/// The repository's stories, newest first (ties by story id).
pub fn repo_stories() -> Vec<SourceStory> {
    let mut by_id: BTreeMap<String, Vec<SourceArticle>> = BTreeMap::new();
    for article in repo_articles() {
        by_id
            .entry(article.story.clone())
            .or_default()
            .push(article);
    }
    let rank = |lang: &str| UI.iter().position(|u| *u == lang).unwrap_or(usize::MAX);
    let mut stories: Vec<SourceStory> = by_id
        .into_iter()
        .map(|(id, mut versions)| {
            versions.sort_by(|a, b| {
                (rank(&a.lang), &a.lang, &a.slug).cmp(&(rank(&b.lang), &b.lang, &b.slug))
            });
            SourceStory { id, versions }
        })
        .collect();
    stories.sort_by(|a, b| b.date().cmp(&a.date()).then_with(|| a.id.cmp(&b.id)));
    stories
}

/// Checks that a list page of the `ui` tree shows exactly `expected`, each once, with the
/// version a reader of `ui` should see and "also in" links to the others.
pub fn assert_lists_stories(doc: &Html, ui: &str, expected: &[&SourceStory], what: &str) {
    let listed = listed_stories(doc, what);
    let shown: Vec<String> = listed.iter().map(|l| l.slug.clone()).collect();
    let mut want: Vec<String> = expected.iter().map(|s| s.shown(ui).slug.clone()).collect();
    let mut got = shown.clone();
    want.sort();
    got.sort();
    assert_eq!(got, want, "{what}: the stories listed");
    for story in expected {
        let shown = story.shown(ui);
        let entry = listed
            .iter()
            .find(|l| l.slug == shown.slug)
            .expect("checked above");
        assert!(
            entry.href.contains(&format!("/{ui}/articles/")),
            "{what}: {} links out of the {ui} tree",
            entry.href
        );
        assert_eq!(
            entry.lang.as_deref(),
            Some(shown.lang.as_str()),
            "{what}: the title of {} is marked with its language",
            shown.slug
        );
        let others: BTreeSet<String> = story
            .versions
            .iter()
            .filter(|v| v.slug != shown.slug)
            .map(|v| v.slug.clone())
            .collect();
        let also: BTreeSet<String> = entry.also_in.iter().cloned().collect();
        assert_eq!(also, others, "{what}: \"also in\" of {}", shown.slug);
    }
}

/// The front matter of an article file, parsed as plain TOML.
pub fn front_matter(path: &Path) -> toml::Table {
    let text = std::fs::read_to_string(path).unwrap();
    let inner = text
        .strip_prefix("+++\n")
        .unwrap()
        .split("\n+++\n")
        .next()
        .unwrap();
    toml::from_str(inner).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

// ---------------------------------------------------------------------------------------------
// The preview tests' project
// ---------------------------------------------------------------------------------------------

/// The project the preview tests edit: served under a sub-path, with small pages so that a
/// date change moves stories across pages; two versions of one story, other languages, a link
/// between articles and a code block.
const PREVIEW_SITE: &str = r#"base_url = "http://127.0.0.1:8000/REPO/"
ui_languages = ["kk", "tg"]
page_size = 2
feed_length = 3
landing_stories = 2

[languages.kk]
title = "Сынақ"
description = "Сынақ сайты"

[languages.tg]
title = "Санҷиш"
description = "Сомонаи санҷишӣ"
"#;

pub fn preview_project() -> Fixture {
    let fixture = Fixture::with_config(PREVIEW_SITE);
    let articles = [
        (
            "2025/alpha.md",
            ArticleSpec::new("Альфа", "2025-08-27", "kk").story("talks"),
        ),
        (
            "2025/alfa-tg.md",
            ArticleSpec::new("Алфа", "2025-08-27", "tg").story("talks"),
        ),
        (
            "2025/beta.md",
            ArticleSpec::new("Бета", "2025-07-01", "kk").topics(&["water"]),
        ),
        (
            "2024/gamma.md",
            ArticleSpec::new("Гамма", "2024-03-05", "tg").countries(&["uzbekistan"]),
        ),
        (
            "2024/delta.md",
            ArticleSpec::new("Дельта", "2024-01-15", "uz"),
        ),
        (
            "2023/epsilon.md",
            ArticleSpec::new("Эпсилон", "2023-11-30", "kk")
                .body("See [Alpha](../2025/alpha.md).\n\n```toml\na = 1\n```\n"),
        ),
    ];
    for (rel, spec) in articles {
        fixture.article(rel, spec.text());
    }
    fixture
}

/// Whether the browser tests can run: Debian's Chromium (or `DOSTYK_CHROMIUM`), Node.js and
/// `tests/browser/node_modules`. When something is missing, says so on stderr (shown on every
/// run) and returns `None`, unless `DOSTYK_REQUIRE_BROWSER=1` (as in CI): then it fails.
/// Returns the Chromium to use.
pub fn browser_tools(what: &str) -> Option<String> {
    use std::io::Write as _;
    let chromium =
        std::env::var("DOSTYK_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_string());
    let modules = repo_root().join("tests/browser/node_modules");
    let mut missing = Vec::new();
    if !Path::new(&chromium).is_file() {
        missing.push(format!(
            "Chromium at {chromium} (`apt-get install -y chromium`, or set DOSTYK_CHROMIUM)"
        ));
    }
    if std::process::Command::new("node")
        .arg("--version")
        .output()
        .is_err()
    {
        missing.push("`node` (Node.js 18 or newer) on the PATH".to_string());
    }
    if !modules.join("playwright-core").is_dir() || !modules.join("@axe-core/playwright").is_dir() {
        missing
            .push("tests/browser/node_modules (run `npm ci --prefix tests/browser`)".to_string());
    }
    if missing.is_empty() {
        return Some(chromium);
    }
    let message = format!(
        "SKIPPED: {what} not run; missing:\n  - {}",
        missing.join("\n  - ")
    );
    if std::env::var("DOSTYK_REQUIRE_BROWSER").as_deref() == Ok("1") {
        panic!("{message}\n(DOSTYK_REQUIRE_BROWSER=1: the browser tests are required)");
    }
    // Straight to stderr, not through the test harness's capture: shown on every run.
    let _ = writeln!(std::io::stderr(), "{message}");
    None
}

/// A command for `program` that runs as `nobody` when the tests run as root (root reads and
/// writes files whatever their mode), with the fixture's folder opened to `nobody`: lock what
/// the test needs locked after calling this.
pub fn as_unprivileged(fixture: &Fixture, program: &str) -> Command {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    if !root {
        return Command::new(program);
    }
    let opened = Command::new("chmod")
        .arg("-R")
        .arg("a+rwX")
        .arg(fixture.dir.path())
        .status()
        .expect("chmod runs");
    assert!(opened.success());
    let mut command = Command::new("setpriv");
    command.args(["--reuid=65534", "--regid=65534", "--clear-groups", program]);
    command
}

// ---------------------------------------------------------------------------------------------
// Searching a built site with Pagefind's own code, in Node
// ---------------------------------------------------------------------------------------------

/// Whether Node.js 18 or newer is there to run Pagefind's `pagefind.js`.
pub fn node() -> Result<(), String> {
    let output = Command::new("node")
        .arg("--version")
        .output()
        .map_err(|e| format!("`node` is not available ({e})"))?;
    let version = String::from_utf8_lossy(&output.stdout);
    let major: u32 = version
        .trim()
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|m| m.parse().ok())
        .unwrap_or(0);
    if major >= 18 {
        Ok(())
    } else {
        Err(format!("`node` is {}, older than 18", version.trim()))
    }
}

/// One search: a UI tree, a query, filters.
pub struct Query {
    pub lang: &'static str,
    pub q: &'static str,
    pub filters: serde_json::Value,
}

pub fn query(lang: &'static str, q: &'static str) -> Query {
    Query {
        lang,
        q,
        filters: serde_json::json!({}),
    }
}

/// Runs the queries with `tests/search/query.mjs` against the site built in `out` for
/// `base_path`; `None` (and says so) when Node is missing.
pub fn run_queries(
    out: &Path,
    base_path: &str,
    queries: &[Query],
) -> Option<Vec<serde_json::Value>> {
    if let Err(why) = node() {
        eprintln!("SKIPPED: real search queries need Node.js 18 or newer: {why}");
        return None;
    }
    let spec: Vec<serde_json::Value> = queries
        .iter()
        .map(|q| serde_json::json!({"lang": q.lang, "q": q.q, "filters": q.filters}))
        .collect();
    let output = Command::new("node")
        .arg(repo_root().join("tests/search/query.mjs"))
        .arg(out)
        .arg(base_path)
        .arg(serde_json::to_string(&spec).unwrap())
        .output()
        .expect("node runs");
    assert!(
        output.status.success(),
        "query.mjs failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let answers: Vec<serde_json::Value> =
        serde_json::from_slice(&output.stdout).expect("query.mjs prints JSON");
    assert_eq!(answers.len(), queries.len());
    Some(answers)
}
