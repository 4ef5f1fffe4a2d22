//! The built site held in memory, as the preview serves it.
//!
//! The preview never reads the disk while answering a request: every lookup is a key of this
//! map, so nothing outside the built site can be served, whatever the request path says.

use crate::serve::file_map::Files;
use std::sync::Arc;

/// One built site, immutable: output-relative path (`kk/index.html`, `style.css`,
/// `pagefind/pagefind.js`) to the file's bytes, exactly as `dostyk build` writes them. The
/// search index is kept apart from the rest, since the two are made apart.
#[derive(Debug, Clone, Default)]
pub struct SiteFiles {
    pages: Files,
    index: Files,
}

impl SiteFiles {
    /// The site of `pages` (every file but the search index) and `index` (`pagefind/`).
    pub fn new(pages: Files, index: Files) -> SiteFiles {
        SiteFiles { pages, index }
    }

    /// Every file but the search index.
    pub fn pages(&self) -> &Files {
        &self.pages
    }

    /// The bytes served at `path`: the index's file where both have one, as on disk.
    pub fn get(&self, path: &str) -> Option<&Arc<[u8]>> {
        // A build writes the index last, over any static file of the same name.
        self.index.get(path).or_else(|| self.pages.get(path))
    }

    /// Whether a file is served at `path`.
    pub fn contains(&self, path: &str) -> bool {
        self.get(path).is_some()
    }

    /// How many files are served, a path both have counted once.
    pub fn len(&self) -> usize {
        self.iter().count()
    }

    /// Whether no file is served.
    pub fn is_empty(&self) -> bool {
        self.pages.is_empty() && self.index.is_empty()
    }

    /// Every file, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Arc<[u8]>)> {
        let pages = self
            .pages
            .iter()
            .filter(|(path, _)| !self.index.contains(path));
        self.index.iter().chain(pages)
    }

    /// Every output-relative path, in no particular order.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.iter().map(|(path, _)| path)
    }
}

impl FromIterator<(String, Arc<[u8]>)> for SiteFiles {
    /// A site without a search index.
    fn from_iter<I: IntoIterator<Item = (String, Arc<[u8]>)>>(iter: I) -> SiteFiles {
        SiteFiles::new(iter.into_iter().collect(), Files::default())
    }
}

/// The Content-Type of a site file, from its name. Text types say UTF-8: every text file the
/// build writes is UTF-8, and Kazakh and Tajik letters are not ASCII.
pub fn content_type(path: &str) -> &'static str {
    let name = path.rsplit('/').next().unwrap_or(path);
    match name {
        // Feeds are Atom; the sitemap is plain XML (crawlers want it so).
        "feed.xml" => return "application/atom+xml; charset=utf-8",
        "sitemap.xml" => return "application/xml; charset=utf-8",
        _ => {}
    }
    let extension = match name.rsplit_once('.') {
        Some((_, extension)) => extension.to_ascii_lowercase(),
        None => return "application/octet-stream",
    };
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "ico" => "image/x-icon",
        "wasm" => "application/wasm",
        "woff2" => "font/woff2",
        // Pagefind's index chunks are gzip data its own script inflates: announcing them as
        // gzip (or as text) would make the browser inflate them first and break the search.
        "pf_meta" | "pf_index" | "pf_fragment" | "pagefind" => "application/octet-stream",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(paths: &[&str]) -> SiteFiles {
        paths
            .iter()
            .map(|p| (p.to_string(), Arc::from(p.as_bytes())))
            .collect()
    }

    #[test]
    fn looks_files_up_by_output_path() {
        let files = site(&["kk/index.html", "style.css"]);
        assert_eq!(files.len(), 2);
        assert!(!files.is_empty());
        assert_eq!(&**files.get("style.css").unwrap(), b"style.css");
        assert!(files.get("/style.css").is_none());
        assert!(files.contains("kk/index.html"));
        let mut paths: Vec<&str> = files.paths().collect();
        paths.sort_unstable();
        assert_eq!(paths, ["kk/index.html", "style.css"]);
        assert_eq!(files.iter().count(), 2);
    }

    #[test]
    fn the_search_index_wins_over_a_page_of_the_same_name() {
        let pages = site(&["kk/index.html", "pagefind/x.js"]);
        let index: Files = [("pagefind/x.js".to_string(), Arc::from(&b"index"[..]))]
            .into_iter()
            .collect();
        let files = SiteFiles::new(pages.pages().clone(), index);
        assert_eq!(&**files.get("pagefind/x.js").unwrap(), b"index");
        assert_eq!(files.len(), 2);
        assert_eq!(files.pages().len(), 2);
        let mut paths: Vec<&str> = files.paths().collect();
        paths.sort_unstable();
        assert_eq!(paths, ["kk/index.html", "pagefind/x.js"]);
    }

    #[test]
    fn content_types_by_extension() {
        let cases = [
            ("kk/index.html", "text/html; charset=utf-8"),
            ("404.html", "text/html; charset=utf-8"),
            ("style.css", "text/css; charset=utf-8"),
            ("pagefind/pagefind.js", "text/javascript; charset=utf-8"),
            ("pagefind/pagefind-ui.mjs", "text/javascript; charset=utf-8"),
            ("pagefind/pagefind-entry.json", "application/json"),
            ("kk/feed.xml", "application/atom+xml; charset=utf-8"),
            (
                "kk/topics/water/feed.xml",
                "application/atom+xml; charset=utf-8",
            ),
            ("sitemap.xml", "application/xml; charset=utf-8"),
            ("other.xml", "application/xml; charset=utf-8"),
            ("icon.svg", "image/svg+xml"),
            ("a.png", "image/png"),
            ("a.jpg", "image/jpeg"),
            ("a.JPEG", "image/jpeg"),
            ("a.webp", "image/webp"),
            ("a.gif", "image/gif"),
            ("favicon.ico", "image/x-icon"),
            ("robots.txt", "text/plain; charset=utf-8"),
            ("pagefind/wasm.unknown.pagefind", "application/octet-stream"),
            (
                "pagefind/pagefind.kk_1a2b.pf_meta",
                "application/octet-stream",
            ),
            (
                "pagefind/index/kk_1a2b.pf_index",
                "application/octet-stream",
            ),
            (
                "pagefind/fragment/kk_1a2b.pf_fragment",
                "application/octet-stream",
            ),
            ("x.wasm", "application/wasm"),
            ("font.woff2", "font/woff2"),
            (".nojekyll", "application/octet-stream"),
            ("README", "application/octet-stream"),
            ("kk.dir/file", "application/octet-stream"),
        ];
        for (path, expected) in cases {
            assert_eq!(content_type(path), expected, "{path}");
        }
    }
}
