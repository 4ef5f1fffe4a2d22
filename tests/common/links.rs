//! Links: resolving every `href`/`src` of a built site and checking it names a file of the
//! output (and an id of it, for fragments), under the base path.

use super::html::{has_extension, page, sel, snapshot};
use scraper::Html;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// `http://host:port/REPO/` → `/REPO/`.
pub(crate) fn base_path(base_url: &str) -> String {
    let rest = base_url.split_once("://").expect("absolute base URL").1;
    match rest.find('/') {
        Some(i) => rest[i..].to_string(),
        None => "/".to_string(),
    }
}

/// `http://host:port/REPO/` → `http://host:port`.
pub(crate) fn origin(base_url: &str) -> String {
    let path = base_path(base_url);
    base_url[..base_url.len() - path.len()].to_string()
}

/// The URL path a file of the output is served at (`kk/index.html` → `/REPO/kk/`).
pub(crate) fn url_path_of_file(base_path: &str, rel: &str) -> String {
    let rel = rel.strip_suffix("index.html").unwrap_or(rel);
    format!("{base_path}{rel}")
}

/// The output file a root-relative URL path (query and fragment already removed) is served
/// from, or why it is not one.
pub(crate) fn file_for_path(base_path: &str, path: &str) -> Result<String, String> {
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
pub(crate) fn resolve(origin: &str, page_path: &str, href: &str) -> Option<String> {
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
pub(crate) struct Ids {
    out: PathBuf,
    cache: HashMap<String, BTreeSet<String>>,
}

impl Ids {
    pub(crate) fn new(out: &Path) -> Ids {
        Ids {
            out: out.to_path_buf(),
            cache: HashMap::new(),
        }
    }

    pub(crate) fn of(&mut self, rel: &str) -> &BTreeSet<String> {
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
pub(crate) struct LinkCheck {
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
pub(crate) fn check_site_links(out: &Path, base_url: &str) -> LinkCheck {
    check_links(out, base_url, false)
}

/// Like [`check_site_links`], but relative links (which an article's Markdown may hold) pass
/// when they resolve.
pub(crate) fn check_site_links_allowing_relative(out: &Path, base_url: &str) -> LinkCheck {
    check_links(out, base_url, true)
}

fn check_links(out: &Path, base_url: &str, allow_relative: bool) -> LinkCheck {
    let base = base_path(base_url);
    let origin = origin(base_url);
    let mut ids = Ids::new(out);
    let mut check = LinkCheck::default();
    let files: BTreeSet<String> = snapshot(out).into_keys().collect();
    let linking = sel("[href], [src], [srcset], meta[property][content], form[action]");
    for rel in files.iter().filter(|f| has_extension(f, "html")) {
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
pub(crate) fn check_absolute(out: &Path, base_url: &str, url: &str) -> Result<String, String> {
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
