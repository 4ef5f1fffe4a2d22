//! Imported text comes from outside: raw HTML and `javascript:` links in an article (and markup
//! in titles, outlets, credits and taxonomy labels) must come out as harmless text everywhere
//! in the output: pages, feeds, sitemap.

mod common;

use common::*;
use scraper::ElementRef;
use scraper::Html;

const HOSTILE_TITLE: &str = "<script>alert(1)</script>";

const HOSTILE_BODY: &str = r#"Opening <script>alert(2)</script> and <img src=x onerror=alert(3)> inline.

[x](javascript:alert(4)) [y](JAVASCRIPT:alert(5)) [z](  jAvAsCrIpT:alert(6)) [t](java&#x09;script:alert(12))
[e](&#106;avascript:alert(11)) [d](data:text/html;base64,PHNjcmlwdD4=) [v](vbscript:msgbox(1))

<javascript:alert(9)> and [r][ref] and ![i](javascript:alert(8))

[ref]: javascript:alert(10)

<script>
alert(13)
</script>

<div onclick="alert(14)"><a href="javascript:alert(15)">raw</a></div>

<svg onload=alert(16)><use href="javascript:alert(17)"/></svg>

<iframe src="javascript:alert(18)"></iframe>

![pixel](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMjUpPg==)

[fine](https://example.org/ok)
"#;

fn hostile_site() -> Fixture {
    let fixture = Fixture::new();
    fixture.write(
        "content/taxonomy.toml",
        TAXONOMY_TOML
            .replace(
                "label = { kk = \"Өзбекстан\"",
                "label = { kk = \"<script>alert(19)</script>Өзбекстан\"",
            )
            .replace(
                "label = { kk = \"Сауда\", tg = \"Савдо\" }",
                "label = { kk = \"Сауда\", tg = \"<b onmouseover=alert(24)>Савдо</b>\" }",
            ),
    );
    let mut spec = ArticleSpec::new(HOSTILE_TITLE, "2025-08-27", "kk")
        .countries(&["kazakhstan", "uzbekistan"])
        .body(HOSTILE_BODY);
    spec.outlet = "<img src=x onerror=alert(20)>".into();
    let text = spec
        .text()
        .replace(
            "[source]\n",
            "[source]\nurl = \"javascript:alert(21)\"\nphoto = \"<script>alert(22)</script>\"\n",
        )
        .replacen(
            "lang = \"kk\"\n",
            "lang = \"kk\"\nplace = \"<svg onload=alert(25)>\"\n",
            1,
        );
    fixture.article("2025/hostile.md", text);
    // A second, harmless story, so lists hold more than the hostile one.
    let mut quoted = ArticleSpec::new("Тоҷикистон \"<b>\" & Co", "2025-08-28", "tg");
    quoted.outlet = "A \"quoted\" <outlet>".into();
    let text = quoted.text().replace(
        "[source]\n",
        "[source]\nurl = \"https://example.org/\\\" onmouseover=\\\"alert(23)\"\n",
    );
    fixture.article("2025/quoted.md", text);
    fixture.build_ok();
    fixture
}

fn is_script_url(value: &str) -> bool {
    let cleaned: String = value
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| cleaned.starts_with(s))
}

/// Whether a script element is one the site itself puts there: structured data (JSON, not
/// run, and none of it able to close the element) or a script file of the site's own.
fn is_own_script(element: ElementRef) -> bool {
    let e = element.value();
    if e.attr("type") == Some("application/ld+json") {
        let json = element.text().collect::<String>();
        return !json.contains('<') && serde_json::from_str::<serde_json::Value>(&json).is_ok();
    }
    // A version query (`search.js?v=1a2b3c4d`) may follow the file name.
    e.attr("src")
        .map(|src| src.split('?').next().unwrap_or(src))
        .is_some_and(|src| {
            src.starts_with('/') && !src.starts_with("//") && has_extension(src, "js")
        })
        && element.text().all(|t| t.trim().is_empty())
}

/// What is executable in an HTML document: script elements (but the site's own),
/// event handler attributes, script URLs in any attribute, frames and plugins.
fn executable_parts(doc: &Html) -> Vec<String> {
    let mut found = Vec::new();
    for element in doc.select(&sel("*")) {
        let e = element.value();
        if e.name() == "script" && is_own_script(element) {
            continue;
        }
        if matches!(e.name(), "script" | "iframe" | "object" | "embed" | "frame") {
            found.push(format!("<{}> element", e.name()));
        }
        for (name, value) in e.attrs() {
            if name.to_ascii_lowercase().starts_with("on") {
                found.push(format!("<{} {name}=\"{value}\">", e.name()));
            }
            if is_script_url(value) {
                found.push(format!("<{} {name}=\"{value}\">", e.name()));
            }
        }
    }
    found
}

#[test]
fn no_page_carries_anything_executable() {
    let fixture = hostile_site();
    let files = snapshot(&fixture.out);
    let mut html_pages = 0;
    for (rel, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        if has_extension(rel, "html") {
            html_pages += 1;
            let found = executable_parts(&Html::parse_document(&text));
            assert!(found.is_empty(), "{rel}: {found:#?}");
        }
        if ["html", "xml", "txt"].iter().any(|e| has_extension(rel, e)) {
            // Only the site's own script elements open with `<script`.
            let own = if has_extension(rel, "html") {
                let doc = Html::parse_document(&text);
                doc.select(&sel("script"))
                    .filter(|s| is_own_script(*s))
                    .count()
            } else {
                0
            };
            assert_eq!(
                text.to_ascii_lowercase().matches("<script").count(),
                own,
                "{rel} has a literal <script"
            );
        }
    }
    assert!(html_pages >= 20, "{html_pages}");
}

#[test]
fn the_hostile_title_and_body_show_as_text() {
    let fixture = hostile_site();
    for ui in UI {
        let rel = format!("{ui}/articles/hostile/index.html");
        let doc = fixture.html(&rel);
        assert_eq!(text_of(one(&doc, "h1", &rel)), HOSTILE_TITLE, "{rel}");
        let title = text_of(one(&doc, "title", &rel));
        assert!(title.starts_with(HOSTILE_TITLE), "{rel}: {title}");
        let body = one(&doc, ".article-body", &rel);
        let text = text_of(body);
        for shown in [
            "<script>alert(2)</script>",
            "<img src=x onerror=alert(3)>",
            "<div onclick=\"alert(14)\">",
        ] {
            assert!(text.contains(shown), "{rel}: {shown} is not shown as text");
        }
        // The link texts stay, their targets go; a safe link survives.
        for label in ["x", "y", "z", "e", "raw"] {
            assert!(text.contains(label), "{rel}: {label}");
        }
        let hrefs: Vec<&str> = body
            .select(&sel("[href], [src]"))
            .filter_map(|a| a.value().attr("href").or_else(|| a.value().attr("src")))
            .collect();
        assert!(hrefs.iter().all(|h| !is_script_url(h)), "{rel}: {hrefs:?}");
        assert!(
            hrefs.contains(&"https://example.org/ok"),
            "{rel}: {hrefs:?}"
        );
        assert_eq!(body.select(&sel("img[onerror], svg, div")).count(), 0);
        // The outlet, the credit and the taxonomy label are text too.
        let page = text_of(one(&doc, "body", &rel));
        assert!(
            page.contains("<img src=x onerror=alert(20)>"),
            "{rel}: outlet"
        );
        assert!(
            page.contains("<script>alert(22)</script>"),
            "{rel}: photo credit"
        );
        assert!(page.contains("<svg onload=alert(25)>"), "{rel}: place");
        if ui == "kk" {
            assert!(
                page.contains("<script>alert(19)</script>Өзбекстан"),
                "{rel}: country label"
            );
        } else {
            assert!(
                page.contains("<b onmouseover=alert(24)>Савдо</b>"),
                "{rel}: topic label"
            );
        }
    }
    // A quote in a source URL cannot break out of its attribute.
    let doc = fixture.html("kk/articles/quoted/index.html");
    for element in doc.select(&sel("*")) {
        assert!(
            element.value().attr("onmouseover").is_none(),
            "an attribute escaped its quotes"
        );
    }
    assert_eq!(
        text_of(one(&doc, "h1", "quoted")),
        "Тоҷикистон \"<b>\" & Co"
    );
}

#[test]
fn lists_and_the_landing_page_escape_the_title_too() {
    let fixture = hostile_site();
    for rel in [
        "index.html",
        "kk/index.html",
        "tg/index.html",
        "kk/timeline/index.html",
        "tg/countries/uzbekistan/index.html",
    ] {
        let doc = fixture.html(rel);
        let titles: Vec<String> = doc
            .select(&sel(".story h2 a, .story h3 a, .story h4 a"))
            .map(text_of)
            .collect();
        assert!(
            titles.iter().any(|t| t == HOSTILE_TITLE),
            "{rel}: {titles:?}"
        );
    }
}

#[test]
fn feeds_carry_the_text_escaped() {
    let fixture = hostile_site();
    for ui in UI {
        let rel = format!("{ui}/feed.xml");
        let xml = fixture.text(&rel);
        let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{rel}: {e}"));
        let mut contents = 0;
        for node in doc.descendants().filter(roxmltree::Node::is_element) {
            let name = node.tag_name().name();
            assert!(
                !matches!(name, "script" | "img" | "iframe"),
                "{rel}: a <{name}> element in the feed"
            );
            for attribute in node.attributes() {
                assert!(
                    !attribute.name().to_ascii_lowercase().starts_with("on")
                        && !is_script_url(attribute.value()),
                    "{rel}: {}={}",
                    attribute.name(),
                    attribute.value()
                );
            }
            if name == "title"
                && node
                    .parent()
                    .is_some_and(|p| p.tag_name().name() == "entry")
            {
                let text = node.text().unwrap_or_default();
                if text.contains("alert(1)") {
                    assert_eq!(text, HOSTILE_TITLE, "{rel}: the title is text");
                }
            }
            // What a feed reader renders: the HTML inside content/summary must be harmless.
            if matches!(name, "content" | "summary") {
                let html = node.text().unwrap_or_default();
                let found = executable_parts(&Html::parse_fragment(html));
                assert!(found.is_empty(), "{rel}: <{name}>: {found:#?}");
                if html.contains("alert(2)") {
                    contents += 1;
                }
            }
        }
        assert!(contents >= 1, "{rel}: the hostile article is in the feed");
    }
    let sitemap = fixture.text("sitemap.xml");
    roxmltree::Document::parse(&sitemap).expect("sitemap parses");
    assert!(!sitemap.to_ascii_lowercase().contains("javascript"));
}

#[test]
fn a_slug_cannot_climb_out_of_the_output_folder() {
    let fixture = Fixture::new();
    let text = ArticleSpec::new("Escape", "2025-01-01", "kk")
        .text()
        .replace("lang = ", "slug = \"../../escaped\"\nlang = ");
    fixture.article("2025/escape.md", text);
    let messages = messages(fixture.build());
    assert_eq!(messages.len(), 1, "{messages:#?}");
    assert!(
        messages[0].contains("escape.md:4:") && messages[0].contains("slug"),
        "{messages:#?}"
    );
    assert!(!fixture.dir.path().join("escaped").exists());
    assert!(!fixture.out.exists(), "nothing was written");
    assert_eq!(
        fixture.siblings(),
        ["site".to_string()].into_iter().collect()
    );
}

#[test]
fn the_checker_finds_what_it_looks_for() {
    let doc = Html::parse_document(
        r#"<p><script>x</script><img src=x onerror=y><a href=" JaVaScRiPt:z">a</a><iframe></iframe></p>"#,
    );
    assert_eq!(
        executable_parts(&doc).len(),
        4,
        "{:?}",
        executable_parts(&doc)
    );
    assert!(is_script_url("java\tscript:alert(1)"));
    assert!(!is_script_url("https://example.org/javascript:"));
}

/// The structured data of every page (`<script type="application/ld+json">`) stays one JSON
/// document however the title ends: a `</script>` in it cannot close the element early.
#[test]
fn structured_data_cannot_be_broken_out_of() {
    let fixture = hostile_site();
    let mut headlines = Vec::new();
    let pages = snapshot(&fixture.out)
        .into_keys()
        .filter(|f| has_extension(f, "html"));
    for rel in pages {
        let doc = fixture.html(&rel);
        for script in doc.select(&sel("script[type=\"application/ld+json\"]")) {
            let json: String = script.text().collect();
            let value: serde_json::Value = serde_json::from_str(&json)
                .unwrap_or_else(|e| panic!("{rel}: structured data is not JSON ({e}): {json}"));
            if let Some(headline) = value["headline"].as_str() {
                headlines.push(headline.to_string());
            }
        }
        let source = fixture.text(&rel);
        assert!(
            !source.contains("</script><script>alert"),
            "{rel}: the title closed a script element"
        );
    }
    assert!(
        headlines.iter().any(|h| h == HOSTILE_TITLE),
        "the hostile article's headline is its title, as text: {headlines:?}"
    );
}

/// The search index holds the hostile text as text, and what the search page puts into the
/// page as HTML (the excerpt, with the query's words marked) has it escaped. Checked with
/// Pagefind's own `pagefind.js`, in Node.
#[test]
fn the_search_index_keeps_hostile_text_as_text() {
    let Some(node) = require_tool("node") else {
        return;
    };
    let fixture = hostile_site();
    let answers = run_queries(
        &node,
        &fixture.out,
        "/",
        &[query("kk", "alert"), query("kk", "opening")],
    );
    let mut found = 0;
    for answer in &answers {
        for result in answer["results"].as_array().expect("results") {
            if !result["url"]
                .as_str()
                .unwrap_or_default()
                .ends_with("/hostile/")
            {
                continue;
            }
            found += 1;
            assert_eq!(result["meta"]["title"], HOSTILE_TITLE, "the title is text");
            let excerpt = result["excerpt"].as_str().expect("an excerpt");
            let without_marks = excerpt.replace("<mark>", "").replace("</mark>", "");
            assert!(
                !without_marks.contains('<'),
                "the excerpt (HTML) has no markup of the article's: {excerpt}"
            );
            assert!(
                without_marks.contains("&lt;script&gt;"),
                "the article's markup shows as text: {excerpt}"
            );
        }
    }
    assert!(found >= 1, "the hostile article is found: {answers:#?}");
}
