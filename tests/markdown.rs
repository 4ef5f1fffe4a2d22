//! Markdown features of article bodies: tables, footnotes, strikethrough, highlighted code,
//! and the generated highlighting stylesheet (light and dark).

mod common;

use common::*;

const BODY: &str = r#"The first paragraph, with a note.[^source] And ~~a retracted claim~~ a correction.

| Country | Trade, $m |
|---------|----------:|
| Kazakhstan | 1200 |
| Tajikistan | 800 |

```json
{"outlet": "Kazinform", "year": 2025, "countries": ["kazakhstan"]}
```

```toml
[source]
outlet = "Kazinform" # a comment
year = 2025
```

Inline `code` and a [relative link](../other-story/) and an ![image](https://example.org/a.png).

[^source]: The figures are from the customs committee.
"#;

fn markdown_site() -> Fixture {
    let fixture = Fixture::new();
    fixture.article(
        "2025/features.md",
        ArticleSpec::new("Markdown", "2025-08-27", "kk")
            .body(BODY)
            .text(),
    );
    fixture.article(
        "2025/other-story.md",
        ArticleSpec::new("Басқа", "2025-08-26", "tg").text(),
    );
    fixture.build_ok();
    fixture
}

#[test]
fn tables_footnotes_and_strikethrough_render() {
    let fixture = markdown_site();
    for ui in UI {
        let rel = format!("{ui}/articles/features/index.html");
        let doc = fixture.html(&rel);
        let body = one(&doc, ".article-body", &rel);
        let headers: Vec<String> = body.select(&sel("table th")).map(text_of).collect();
        assert_eq!(headers, ["Country", "Trade, $m"], "{rel}");
        let cells: Vec<String> = body.select(&sel("table td")).map(text_of).collect();
        assert_eq!(cells, ["Kazakhstan", "1200", "Tajikistan", "800"], "{rel}");
        assert_eq!(
            text_of(one(&doc, ".article-body del", &rel)),
            "a retracted claim"
        );
        // The footnote reference links to its definition on the same page.
        let reference = body
            .select(&sel("sup a[href^='#'], a[href^='#']"))
            .next()
            .unwrap_or_else(|| panic!("{rel}: no footnote reference"));
        let target = reference.value().attr("href").unwrap()[1..].to_string();
        let definition = doc
            .select(&sel(&format!("[id=\"{target}\"]")))
            .next()
            .unwrap_or_else(|| panic!("{rel}: no element with id {target}"));
        assert!(
            text_of(definition).contains("customs committee"),
            "{rel}: {}",
            text_of(definition)
        );
        // Body headings never compete with the title.
        assert_eq!(doc.select(&sel("h1")).count(), 1);
        let code = one(&doc, ".article-body code", &rel);
        assert!(code.html().contains("code"));
    }
}

/// The classes of the highlighted spans of the code block fenced as `lang`.
fn highlighted(doc: &scraper::Html, lang: &str) -> (String, Vec<String>) {
    let pre = doc
        .select(&sel("pre.hl-code"))
        .find(|p| p.value().attr("data-lang") == Some(lang) || text_of(*p).contains(lang))
        .unwrap_or_else(|| panic!("no pre.hl-code for {lang}"));
    assert!(
        pre.select(&sel("[style]")).next().is_none(),
        "inline styles in code: the stylesheet does the colouring"
    );
    let classes = pre
        .select(&sel("span[class]"))
        .map(|s| s.value().attr("class").unwrap().to_string())
        .collect();
    (text_of(pre), classes)
}

#[test]
fn fenced_code_is_highlighted_into_classes() {
    let fixture = markdown_site();
    let rel = "kk/articles/features/index.html";
    let doc = fixture.html(rel);
    let (text, classed) = highlighted(&doc, "json");
    assert!(text.contains("\"outlet\": \"Kazinform\""), "{text}");
    assert!(classed.len() >= 3, "{classed:?}");
    assert!(
        classed
            .iter()
            .all(|c| c.split_whitespace().all(|c| c.starts_with("hl-"))),
        "{classed:?}"
    );
}

#[test]
fn toml_code_is_highlighted_too() {
    let fixture = markdown_site();
    let rel = "kk/articles/features/index.html";
    let doc = fixture.html(rel);
    let (text, classed) = highlighted(&doc, "toml");
    assert!(text.contains("outlet = \"Kazinform\""), "{text}");
    assert!(classed.len() >= 3, "{classed:?}");
}

#[test]
fn the_highlighting_stylesheet_has_a_dark_scheme() {
    let fixture = markdown_site();
    let css = fixture.text("syntax.css");
    let dark = css
        .find("@media (prefers-color-scheme: dark)")
        .expect("a dark section");
    let (light, dark) = css.split_at(dark);
    assert!(light.contains(".hl-"), "light rules");
    assert!(dark.contains(".hl-"), "dark rules");
    assert_ne!(
        light.matches(".hl-").count(),
        0,
        "the light theme styles the same classes"
    );
}

#[test]
fn a_page_with_code_links_the_highlighting_stylesheet() {
    let fixture = markdown_site();
    let linked = |rel: &str| {
        fixture
            .html(rel)
            .select(&sel("link[rel=stylesheet]"))
            .filter_map(|l| l.value().attr("href"))
            .any(|h| h.starts_with("/syntax.css"))
    };
    assert!(
        linked("kk/articles/features/index.html"),
        "the highlighted code has no styles"
    );
    assert!(linked("tg/articles/features/index.html"));
    assert!(
        !linked("kk/articles/other-story/index.html"),
        "pages without code skip the extra request"
    );
}

#[test]
fn links_in_the_body_resolve_and_images_keep_their_source() {
    let fixture = markdown_site();
    // An editor's relative link is kept as written and works from both trees.
    let check = check_site_links_allowing_relative(&fixture.out, ROOT_BASE);
    assert!(check.problems.is_empty(), "{}", check.problems.join("\n"));
    let doc = fixture.html("kk/articles/features/index.html");
    assert_eq!(
        attr(&doc, ".article-body a[href^='..']", "href", "features"),
        "../other-story/"
    );
    assert_eq!(
        attr(&doc, ".article-body img", "src", "features"),
        "https://example.org/a.png"
    );
    assert_eq!(attr(&doc, ".article-body img", "alt", "features"), "image");
}

#[test]
fn an_image_with_a_script_source_becomes_its_alt_text() {
    let fixture = Fixture::new();
    fixture.article(
        "2025/image.md",
        ArticleSpec::new("Image", "2025-08-27", "kk")
            .body("Look: ![the map](javascript:alert(1)) here.\n")
            .text(),
    );
    fixture.build_ok();
    let doc = fixture.html("kk/articles/image/index.html");
    let body = one(&doc, ".article-body", "image");
    assert_eq!(body.select(&sel("img")).count(), 0, "{}", body.html());
    assert_eq!(text_of(body), "Look: the map here.");
}

/// Links to other articles are written as paths to their files, relative to the linking file.
#[test]
fn links_to_article_files_lead_to_the_article_in_the_same_tree() {
    let fixture = Fixture::new();
    fixture.article(
        "2025/first.md",
        ArticleSpec::new("Бірінші", "2025-08-27", "kk")
            .body("See [the Tajik report](../2024/second.md \"The report\") and [its end](../2024/./second.md#end).\n")
            .text(),
    );
    fixture.article(
        "2024/second.md",
        ArticleSpec::new("Дуюм", "2024-08-26", "tg")
            .body("Back to [the first](../2025/first.md).\n")
            .text(),
    );
    fixture.build_for(Some(SUB_BASE)).unwrap();
    for ui in UI {
        let doc = fixture.html(&format!("{ui}/articles/first/index.html"));
        let hrefs: Vec<&str> = doc
            .select(&sel(".article-body a"))
            .map(|a| a.value().attr("href").unwrap())
            .collect();
        assert_eq!(
            hrefs,
            [
                format!("/REPO/{ui}/articles/second/"),
                format!("/REPO/{ui}/articles/second/#end"),
            ],
            "{ui}"
        );
        let title = attr(&doc, ".article-body a", "title", ui);
        assert_eq!(title, "The report");
        let back = fixture.html(&format!("{ui}/articles/second/index.html"));
        assert_eq!(
            attr(&back, ".article-body a", "href", ui),
            format!("/REPO/{ui}/articles/first/")
        );
        // The feed has the same links, resolved against the entry.
        let feed = fixture.text(&format!("{ui}/feed.xml"));
        assert!(
            feed.contains(&format!("href=&quot;/REPO/{ui}/articles/second/&quot;")),
            "{feed}"
        );
    }
}

#[test]
fn a_link_to_a_missing_article_file_fails_the_build_at_its_line() {
    let fixture = Fixture::new();
    let path = fixture.article(
        "2025/first.md",
        ArticleSpec::new("Бірінші", "2025-08-27", "kk")
            .body("First paragraph.\n\nSee [the report](../2024/secnd.md).\n")
            .text(),
    );
    fixture.article(
        "2024/second.md",
        ArticleSpec::new("Дуюм", "2024-08-26", "tg").text(),
    );
    let messages = messages(fixture.build());
    assert_eq!(messages.len(), 1, "{messages:#?}");
    let text = std::fs::read_to_string(&path).unwrap();
    let line = text.lines().position(|l| l.contains("secnd")).unwrap() + 1;
    assert!(
        messages[0].starts_with(&format!("{}:{line}: ", path.display())),
        "{}",
        messages[0]
    );
    assert!(messages[0].contains("../2024/secnd.md"), "{}", messages[0]);
    assert!(
        messages[0].contains("did you mean") && messages[0].contains("2024/second.md"),
        "{}",
        messages[0]
    );
    assert!(!fixture.exists("kk/index.html"), "nothing was published");
}
