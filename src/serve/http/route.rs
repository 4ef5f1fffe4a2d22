//! From a request target to what answers it, with no I/O: the path safety rules live here,
//! where a table of hostile paths can test them.

use crate::serve::files::SiteFiles;
use std::fmt;
use std::sync::Arc;

/// Where the preview's own endpoints live, under the base path. The build writes no file
/// there (a leading `__` is no slug or asset name of ours).
pub(super) const INTERNAL_DIR: &str = "__dostyk/";

/// The base path the site is published under (`/dostyk/`, or `/` at a domain root).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Base {
    /// As it goes into URLs (the `Location` header, the injected script tag).
    raw: String,
    /// As decoded request paths are compared with it.
    decoded: String,
}

impl Base {
    /// `dostyk`, `/dostyk` and `/dostyk/` all mean `/dostyk/`.
    pub fn new(path: &str) -> Result<Base, BadBase> {
        let trimmed = path.trim_matches('/');
        let raw = if trimmed.is_empty() {
            "/".to_string()
        } else {
            format!("/{trimmed}/")
        };
        // Only characters that need no escaping in a header or an HTML attribute.
        if let Some(c) = raw.chars().find(|&c| {
            !c.is_ascii_graphic() || matches!(c, '"' | '\'' | '<' | '>' | '\\' | '?' | '#' | '`')
        }) {
            return Err(BadBase::Character(c));
        }
        let decoded = percent_decode(&raw).map_err(BadBase::Decode)?;
        if !path_is_safe(&decoded) {
            return Err(BadBase::Traversal);
        }
        Ok(Base { raw, decoded })
    }

    /// The base path as it goes into URLs, with a slash at each end (`/dostyk/`).
    pub fn as_str(&self) -> &str {
        &self.raw
    }
}

/// Why a base path cannot be served under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadBase {
    /// A character that would need escaping in a header or an HTML attribute (a space, a
    /// quote, `<`, `?` …).
    Character(char),
    /// A percent escape that does not decode.
    Decode(DecodeError),
    /// A `.` or `..` segment, once decoded.
    Traversal,
}

impl fmt::Display for BadBase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BadBase::Character(c) => write!(f, "base path may not contain {c:?}"),
            BadBase::Decode(e) => write!(f, "base path: {e}"),
            BadBase::Traversal => write!(f, "base path may not contain `.` or `..` segments"),
        }
    }
}

impl std::error::Error for BadBase {}

/// Why a percent-encoded path was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    /// `%` not followed by two hex digits.
    BadEscape,
    /// `%00`: no file name holds one, and C-style APIs would cut the name there.
    Nul,
    /// The bytes are not UTF-8 (overlong forms like `%C0%AE` included).
    NotUtf8,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DecodeError::BadEscape => "`%` not followed by two hex digits",
            DecodeError::Nul => "`%00` in a path",
            DecodeError::NotUtf8 => "percent-encoded bytes are not UTF-8",
        })
    }
}

/// Decodes `%XX` escapes once. Decoding twice would turn `%252e` into `.` after the safety
/// check; once, it stays the literal `%2e`, a name no site file has.
pub fn percent_decode(text: &str) -> Result<String, DecodeError> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let high = bytes.get(i + 1).and_then(|&b| hex(b));
            let low = bytes.get(i + 2).and_then(|&b| hex(b));
            let (Some(high), Some(low)) = (high, low) else {
                return Err(DecodeError::BadEscape);
            };
            let byte = high << 4 | low;
            if byte == 0 {
                return Err(DecodeError::Nul);
            }
            out.push(byte);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| DecodeError::NotUtf8)
}

fn hex(digit: u8) -> Option<u8> {
    (digit as char).to_digit(16).map(|d| d as u8)
}

/// No segment climbs (`..`), stands still (`.`), hides a Windows separator (`\`) or carries a
/// control character. Checked on the decoded path, so `%2e%2e%2f` is caught as `../`.
pub fn path_is_safe(decoded: &str) -> bool {
    decoded.split('/').all(|segment| {
        segment != ".."
            && segment != "."
            && !segment.contains('\\')
            && !segment.chars().any(char::is_control)
    })
}

/// What answers a GET or HEAD.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// A site file, by its key in [`SiteFiles`].
    File {
        /// The output-relative path (`kk/index.html` for `/dostyk/kk/`).
        key: String,
        /// The file's bytes, as built.
        body: Arc<[u8]>,
    },
    /// Nothing there: the site's 404 page (if it has one) with status 404.
    NotFound,
    /// Elsewhere: `/` to the base path, and the base path or a folder without its slash to
    /// the same with it.
    Redirect {
        /// 302 from `/`, which is no page of the site; 301 for a missing slash.
        status: u16,
        /// The `Location` header: the base path, or the path with its slash and the query.
        location: String,
    },
    /// A path that tries to leave the site or cannot be decoded.
    BadRequest,
    /// `__dostyk/live.js`: the live-reload script the HTML responses load.
    LiveScript,
    /// `__dostyk/events`: the event stream that tells open pages to reload.
    Events,
    /// `__dostyk/status`: the current build's generation and errors, as JSON.
    Status,
}

/// Routes a request target (`/dostyk/kk/?q=1`) to what answers it. Only keys of `files` are
/// ever returned, whatever the target says.
pub fn route(target: &str, base: &Base, files: &SiteFiles) -> Route {
    // The query never selects a file; a fragment never reaches a server but is cut all the same.
    let (raw_path, query) = match target.find(['?', '#']) {
        Some(at) => (&target[..at], &target[at..]),
        None => (target, ""),
    };
    // Origin form only: `http://host/x` or `*` is not a path in this site.
    if !raw_path.starts_with('/') {
        return Route::BadRequest;
    }
    let Ok(path) = percent_decode(raw_path) else {
        return Route::BadRequest;
    };
    if !path_is_safe(&path) {
        return Route::BadRequest;
    }
    let query = if query.starts_with('?') { query } else { "" };

    if path == "/" && base.decoded != "/" {
        return Route::Redirect {
            status: 302,
            location: base.raw.clone(),
        };
    }
    if format!("{path}/") == base.decoded {
        return Route::Redirect {
            status: 301,
            location: format!("{}{query}", base.raw),
        };
    }
    let Some(relative) = path.strip_prefix(&base.decoded) else {
        return Route::NotFound;
    };
    if let Some(internal) = relative.strip_prefix(INTERNAL_DIR) {
        return match internal {
            "live.js" => Route::LiveScript,
            "events" => Route::Events,
            "status" => Route::Status,
            _ => Route::NotFound,
        };
    }

    let key = if relative.is_empty() || relative.ends_with('/') {
        format!("{relative}index.html")
    } else {
        relative.to_string()
    };
    if let Some(body) = files.get(&key) {
        return Route::File {
            key,
            body: body.clone(),
        };
    }
    // A folder asked for without its slash: relative links in its page only work with it.
    if !relative.is_empty()
        && !relative.ends_with('/')
        && files.contains(&format!("{relative}/index.html"))
    {
        return Route::Redirect {
            status: 301,
            location: format!("{raw_path}/{query}"),
        };
    }
    Route::NotFound
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> SiteFiles {
        [
            "index.html",
            "404.html",
            "style.css",
            "kk/index.html",
            "kk/articles/su-kelisimi/index.html",
            "kk/feed.xml",
            "%2e%2e/secret.txt",
        ]
        .into_iter()
        .map(|p| (p.to_string(), Arc::from(p.as_bytes())))
        .collect()
    }

    fn base() -> Base {
        Base::new("/dostyk/").unwrap()
    }

    fn key(route: Route) -> Option<String> {
        match route {
            Route::File { key, .. } => Some(key),
            _ => None,
        }
    }

    #[test]
    fn decodes_once() {
        assert_eq!(percent_decode("/a%20b").unwrap(), "/a b");
        assert_eq!(percent_decode("%2e%2E%2f").unwrap(), "../");
        assert_eq!(percent_decode("%252e%252e").unwrap(), "%2e%2e");
        assert_eq!(percent_decode("+").unwrap(), "+");
        assert_eq!(percent_decode("%D2%9B").unwrap(), "қ");
        assert_eq!(percent_decode("%").unwrap_err(), DecodeError::BadEscape);
        assert_eq!(percent_decode("%2").unwrap_err(), DecodeError::BadEscape);
        assert_eq!(percent_decode("%zz").unwrap_err(), DecodeError::BadEscape);
        assert_eq!(percent_decode("%00").unwrap_err(), DecodeError::Nul);
        assert_eq!(percent_decode("a%ff").unwrap_err(), DecodeError::NotUtf8);
        // Overlong encodings of `.` and `/`.
        assert_eq!(percent_decode("%C0%AE").unwrap_err(), DecodeError::NotUtf8);
        assert_eq!(percent_decode("%C0%AF").unwrap_err(), DecodeError::NotUtf8);
        assert_eq!(
            percent_decode("%E0%80%AE").unwrap_err(),
            DecodeError::NotUtf8
        );
    }

    #[test]
    fn serves_file_map_under_the_base_path() {
        let files = site();
        let at = |target| key(route(target, &base(), &files));
        assert_eq!(at("/dostyk/"), Some("index.html".into()));
        assert_eq!(at("/dostyk/?utm=x"), Some("index.html".into()));
        assert_eq!(at("/dostyk/kk/"), Some("kk/index.html".into()));
        assert_eq!(at("/dostyk/style.css"), Some("style.css".into()));
        assert_eq!(
            at("/dostyk/kk/feed.xml?x=../../y"),
            Some("kk/feed.xml".into())
        );
        assert_eq!(
            at("/dostyk/kk/articles/su-kelisimi/"),
            Some("kk/articles/su-kelisimi/index.html".into())
        );
        assert_eq!(
            at("/dostyk/kk/articles/su%2Dkelisimi/"),
            Some("kk/articles/su-kelisimi/index.html".into())
        );
        // Outside the base path nothing is served, not even a file that exists.
        assert_eq!(route("/style.css", &base(), &files), Route::NotFound);
        assert_eq!(route("/dostyk/nope", &base(), &files), Route::NotFound);
        assert_eq!(route("/dostykkk/", &base(), &files), Route::NotFound);
    }

    #[test]
    fn redirects_to_the_base_path_and_to_folders() {
        let files = site();
        let redirect = |target| match route(target, &base(), &files) {
            Route::Redirect { status, location } => Some((status, location)),
            _ => None,
        };
        assert_eq!(redirect("/"), Some((302, "/dostyk/".into())));
        assert_eq!(redirect("/dostyk"), Some((301, "/dostyk/".into())));
        assert_eq!(redirect("/dostyk/kk"), Some((301, "/dostyk/kk/".into())));
        assert_eq!(
            redirect("/dostyk/kk?a=1"),
            Some((301, "/dostyk/kk/?a=1".into()))
        );
        assert_eq!(
            redirect("/dostyk/kk/articles/su-kelisimi"),
            Some((301, "/dostyk/kk/articles/su-kelisimi/".into()))
        );
        assert_eq!(redirect("/dostyk/kk/articles"), None);
    }

    #[test]
    fn a_root_base_serves_from_the_root() {
        let files = site();
        let root = Base::new("/").unwrap();
        assert_eq!(key(route("/", &root, &files)), Some("index.html".into()));
        assert_eq!(
            key(route("/kk/", &root, &files)),
            Some("kk/index.html".into())
        );
        assert_eq!(
            route("/kk", &root, &files),
            Route::Redirect {
                status: 301,
                location: "/kk/".into()
            }
        );
        assert_eq!(route("/__dostyk/events", &root, &files), Route::Events);
    }

    #[test]
    fn internal_endpoints() {
        let files = site();
        assert_eq!(
            route("/dostyk/__dostyk/live.js", &base(), &files),
            Route::LiveScript
        );
        assert_eq!(
            route("/dostyk/__dostyk/events", &base(), &files),
            Route::Events
        );
        assert_eq!(
            route("/dostyk/__dostyk/status?x", &base(), &files),
            Route::Status
        );
        assert_eq!(
            route("/dostyk/__dostyk/other", &base(), &files),
            Route::NotFound
        );
        assert_eq!(route("/__dostyk/live.js", &base(), &files), Route::NotFound);
    }

    #[test]
    fn hostile_paths_never_leave_the_site() {
        let files = site();
        let refused = [
            "/dostyk/../",
            "/dostyk/..",
            "/dostyk/./style.css",
            "/dostyk/%2e%2e/",
            "/dostyk/%2E%2E%2F",
            "/dostyk/%2e%2e%2fetc%2fpasswd",
            "/dostyk/..%2f",
            "/dostyk/..%2F..%2Fetc/passwd",
            "/dostyk/.%2e/",
            "/dostyk/kk/../../etc/passwd",
            "/dostyk/kk/..",
            "/dostyk/..%5c..%5cwindows",
            "/dostyk/%5c",
            "/dostyk/a\\b",
            "/dostyk/%00",
            "/dostyk/index.html%00.css",
            "/dostyk/%0a",
            "/dostyk/%1b[31m",
            "/dostyk/%7f",
            "/dostyk/%C0%AE%C0%AE/",
            "/dostyk/%C0%AF",
            "/dostyk/%ff",
            "/dostyk/%",
            "/dostyk/%g0",
            "../etc/passwd",
            "etc/passwd",
            "http://example.com/dostyk/",
            "*",
            "",
        ];
        for target in refused {
            assert_eq!(
                route(target, &base(), &files),
                Route::BadRequest,
                "{target:?}"
            );
        }
        let missing = [
            "//etc/passwd",
            "/dostyk//etc/passwd",
            "/dostyk/%252e%252e/%252e%252e/etc/passwd",
            "/dostyk/...",
            "/dostyk/.../style.css",
            "/etc/passwd",
            "/dostyk/%2Fetc%2Fpasswd",
        ];
        for target in missing {
            assert_eq!(
                route(target, &base(), &files),
                Route::NotFound,
                "{target:?}"
            );
        }
        // A literal `%2e%2e` folder is just a name once decoded once.
        assert_eq!(
            key(route("/dostyk/%252e%252e/secret.txt", &base(), &files)),
            Some("%2e%2e/secret.txt".into())
        );
    }

    #[test]
    fn every_answer_is_a_site_file_or_no_file() {
        let files = site();
        let targets = [
            "/dostyk/",
            "/dostyk/kk",
            "/x/../dostyk/",
            "/dostyk/%2e/",
            "//",
            "/dostyk//",
        ];
        for target in targets {
            if let Route::File { key, .. } = route(target, &base(), &files) {
                assert!(files.contains(&key), "{target:?} gave {key:?}");
            }
        }
    }

    #[test]
    fn base_paths_are_normalised_and_checked() {
        assert_eq!(Base::new("dostyk").unwrap().as_str(), "/dostyk/");
        assert_eq!(Base::new("/dostyk").unwrap().as_str(), "/dostyk/");
        assert_eq!(Base::new("").unwrap().as_str(), "/");
        assert_eq!(Base::new("/").unwrap().as_str(), "/");
        assert_eq!(Base::new("/a/b/").unwrap().as_str(), "/a/b/");
        assert!(matches!(Base::new("/a\"b/"), Err(BadBase::Character('"'))));
        assert!(matches!(Base::new("/a b/"), Err(BadBase::Character(' '))));
        assert!(matches!(Base::new("/a/../b/"), Err(BadBase::Traversal)));
        assert!(matches!(Base::new("/%2e%2e/"), Err(BadBase::Traversal)));
        assert!(matches!(Base::new("/%zz/"), Err(BadBase::Decode(_))));
    }
}
