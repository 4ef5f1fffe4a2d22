//! Every internal link and asset of every page resolves to a file of the output, at a domain
//! root and under a GitHub Pages project sub-path; so do the absolute URLs of the head, the
//! feeds, the sitemap and robots.txt.

mod common;

use common::*;

fn assert_links_resolve(base_url: &str) {
    let site = build_news(base_url);
    let check = check_site_links(&site.out, base_url);
    assert!(
        check.problems.is_empty(),
        "broken links with base URL {base_url}:\n{}",
        check.problems.join("\n")
    );
    // The check must have looked at something: every page has a stylesheet, an icon, a skip
    // link to #main, navigation, canonical and hreflang links.
    // The news fixture: a landing page, a 404 page and, per UI tree, a home, six articles, the
    // countries and topics (three each, with their indexes), the timeline of two years and search.
    let pages = site.html_files().len();
    assert!(pages >= 40, "{pages} pages");
    assert!(
        check.internal >= pages * 10,
        "only {} internal links",
        check.internal
    );
    assert!(
        check.fragments >= pages,
        "only {} fragments",
        check.fragments
    );
    assert!(
        check.absolute >= pages * 3,
        "only {} absolute URLs",
        check.absolute
    );
}

#[test]
fn every_link_resolves_at_a_domain_root() {
    assert_links_resolve(ROOT_BASE);
}

#[test]
fn every_link_resolves_under_a_sub_path() {
    assert_links_resolve(SUB_BASE);
}

#[test]
fn assets_carry_the_sub_path() {
    let site = build_news(SUB_BASE);
    for rel in [
        "index.html",
        "404.html",
        "kk/index.html",
        "tg/timeline/index.html",
    ] {
        let doc = site.html(rel);
        let style = attr(&doc, "link[rel=stylesheet]", "href", rel);
        assert!(style.starts_with("/REPO/style.css"), "{rel}: {style}");
        let icon = attr(&doc, "link[rel=icon]", "href", rel);
        assert!(icon.starts_with("/REPO/favicon.svg"), "{rel}: {icon}");
        let canonical = attr(&doc, "link[rel=canonical]", "href", rel);
        assert!(canonical.starts_with(SUB_BASE), "{rel}: {canonical}");
    }
}

#[test]
fn the_base_url_option_replaces_the_configured_one_everywhere() {
    let configured = SITE_TOML.replace(ROOT_BASE, "https://configured.example/archive/");
    assert_ne!(configured, SITE_TOML);
    let site = build_fixture(news_fixture_with(&configured), SUB_BASE);
    for (rel, bytes) in snapshot(&site.out) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("configured.example"),
            "{rel} still carries the base URL of site.toml"
        );
    }
}

#[test]
fn feeds_sitemap_and_robots_point_into_the_site() {
    for base in [ROOT_BASE, SUB_BASE] {
        let site = build_news(base);
        let mut urls: Vec<(String, String)> = Vec::new();
        for rel in ["kk/feed.xml", "tg/feed.xml", "sitemap.xml"] {
            let text = site.text(rel);
            let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{rel}: {e}"));
            for node in doc.descendants().filter(roxmltree::Node::is_element) {
                let name = node.tag_name().name();
                if let Some(href) = node.attribute("href") {
                    urls.push((rel.to_string(), href.to_string()));
                }
                if matches!(name, "loc" | "id")
                    && let Some(text) = node.text()
                {
                    urls.push((rel.to_string(), text.trim().to_string()));
                }
            }
        }
        let robots = site.text("robots.txt");
        let sitemap_line = robots
            .lines()
            .find_map(|l| l.strip_prefix("Sitemap:"))
            .expect("robots.txt names the sitemap");
        urls.push(("robots.txt".into(), sitemap_line.trim().to_string()));
        assert!(urls.len() > 100, "only {} URLs", urls.len());
        let problems: Vec<String> = urls
            .iter()
            .filter_map(|(rel, url)| {
                check_absolute(&site.out, base, url)
                    .err()
                    .map(|e| format!("{rel}: {e}"))
            })
            .collect();
        assert!(problems.is_empty(), "{base}:\n{}", problems.join("\n"));
        assert_eq!(
            check_absolute(&site.out, base, sitemap_line.trim()).unwrap(),
            "sitemap.xml"
        );
    }
}

#[test]
fn the_link_checker_catches_broken_links() {
    // The checker itself must fail on what it is meant to catch.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path();
    std::fs::create_dir_all(out.join("kk")).unwrap();
    std::fs::write(
        out.join("kk/index.html"),
        r##"<!DOCTYPE html><html lang="kk"><head><title>t</title>
<link rel="stylesheet" href="/REPO/style.css?v=1"></head><body id="top">
<a href="/REPO/kk/">ok</a> <a href="#top">ok</a> <a href="/REPO/kk/#top">ok</a>
<a href="https://example.org/">external</a>
<a href="/kk/">no base path</a> <a href="/REPO/kk/missing/">missing</a>
<a href="#nowhere">no such id</a> <a href="http://127.0.0.1:8000/kk/">outside</a>
<a href="../other/">relative</a></body></html>"##,
    )
    .unwrap();
    let check = check_site_links(out, SUB_BASE);
    let joined = check.problems.join("\n");
    assert!(joined.contains("style.css"), "{joined}");
    assert!(joined.contains("href=\"/kk/\""), "{joined}");
    assert!(joined.contains("missing"), "{joined}");
    assert!(joined.contains("nowhere"), "{joined}");
    assert!(joined.contains("http://127.0.0.1:8000/kk/"), "{joined}");
    assert!(joined.contains("../other/"), "{joined}");
    assert!(!joined.contains("example.org"), "{joined}");
    assert!(!joined.contains("#top\""), "{joined}");
    assert_eq!(check.problems.len(), 8, "{joined}");
}

#[test]
fn links_resolve_like_a_browser() {
    let o = "http://h:1";
    assert_eq!(resolve(o, "/R/kk/a/", "../b/").as_deref(), Some("/R/kk/b/"));
    assert_eq!(resolve(o, "/R/kk/a/", "#x").as_deref(), Some("/R/kk/a/#x"));
    assert_eq!(
        resolve(o, "/R/kk/", "/R/s.css?v=1").as_deref(),
        Some("/R/s.css?v=1")
    );
    assert_eq!(
        resolve(o, "/R/", "http://h:1/R/kk/").as_deref(),
        Some("/R/kk/")
    );
    assert_eq!(resolve(o, "/R/", "https://example.org/"), None);
    assert_eq!(resolve(o, "/R/", "mailto:a@b"), None);
    assert_eq!(file_for_path("/R/", "/R/kk/").unwrap(), "kk/index.html");
    assert_eq!(file_for_path("/R/", "/R/").unwrap(), "index.html");
    assert_eq!(
        file_for_path("/R/", "/R/kk/feed.xml").unwrap(),
        "kk/feed.xml"
    );
    assert!(file_for_path("/R/", "/kk/").is_err());
}
