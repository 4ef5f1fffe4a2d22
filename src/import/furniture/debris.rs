//! What a scraper leaves of a page: markup, placeholders, script errors, bare links and hashtags.

use super::{Chrome, Line, in_list};

/// The start of a script error printed into the page: ASCII only, so never a line of a Cyrillic
/// article. These are the messages of browsers and servers, the same whatever the page's
/// language, and some are matched with their colon or space, so they stay here rather than in a
/// language file.
const ERRORS: &[&str] = &[
    "error:",
    "error ",
    "typeerror",
    "referenceerror",
    "syntaxerror",
    "uncaught",
    "warning:",
    "notice:",
    "fatal error",
    "exception:",
    "failed to load",
    "cannot read propert",
    "stack trace",
];

pub(super) fn is_debris(l: &Line) -> bool {
    if in_list(&l.key, Chrome::Debris) {
        return true;
    }
    let t = l.t;
    if !t.is_ascii() {
        return false;
    }
    let lower = t.to_ascii_lowercase();
    // Markup and template fragments left by a scraper.
    if (lower.starts_with('<') && lower.ends_with('>'))
        || lower.starts_with("{{")
        || lower.starts_with("{%")
        || lower.starts_with("javascript:")
    {
        return true;
    }
    // A theme's placeholder or a template variable ("spot_img"): one ASCII token with an underscore.
    if !lower.contains(char::is_whitespace) && lower.contains('_') && !lower.contains('/') {
        return true;
    }
    // A script error printed into the page (`ERRORS`).
    l.words <= 20 && ERRORS.iter().any(|e| lower.starts_with(e))
}

fn is_url_token(w: &str) -> bool {
    let w = w.trim_matches(|c: char| {
        matches!(
            c,
            '<' | '>' | '(' | ')' | '[' | ']' | '"' | '«' | '»' | ',' | ';'
        )
    });
    if w.is_empty() || !w.is_ascii() {
        return false;
    }
    let lower = w.to_ascii_lowercase();
    if lower.contains("://") || lower.starts_with("www.") {
        return true;
    }
    // "t.me/kazinform" is a link; a bare "gov.kz" may be a source attribution, so it stays.
    let Some((host, _path)) = lower.split_once('/') else {
        return false;
    };
    let Some((_, tld)) = host.rsplit_once('.') else {
        return false;
    };
    (2..=6).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_alphabetic())
}

pub(super) fn is_bare_url(t: &str) -> bool {
    let mut any = false;
    for w in t.split_whitespace() {
        if !is_url_token(w) {
            return false;
        }
        any = true;
    }
    any
}

pub(super) fn is_hashtags(t: &str) -> bool {
    let mut any = false;
    for w in t.split_whitespace() {
        if !(w.starts_with('#') && w.chars().any(char::is_alphabetic)) {
            return false;
        }
        any = true;
    }
    any
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::super::*;

    #[test]
    fn debris_urls_and_symbols() {
        for d in [
            "error:",
            "error",
            "undefined",
            "null",
            "Loading...",
            "Загрузка...",
            "[object Object]",
            "NaN",
        ] {
            assert_dropped(d, DEBRIS);
        }
        assert_dropped(
            "TypeError: Cannot read properties of undefined (reading 'map')",
            DEBRIS,
        );
        assert_dropped("<div class=\"share\"></div>", DEBRIS);
        assert_dropped("spot_imgspot_img", DEBRIS);
        assert_dropped("https://kazinform.kz/news/12345", URL);
        assert_dropped("www.khovar.tj", URL);
        assert_dropped("t.me/kazinform_news", URL);
        assert_dropped("***", SYMBOLS);
        assert_dropped("• • •", SYMBOLS);
        assert_dropped("—", SYMBOLS);
        // A bare domain can be the source the importer names as outlet.
        assert_kept("BAQ.KZ");
        assert_kept("Kazinform");
    }
}
