//! Bad inputs: each is built over a previous good output. The build must fail, name the file
//! and the line, report every problem at once, and leave the previous site byte-for-byte as it
//! was, with no half-built folder beside it.

mod common;

use common::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Snapshot = BTreeMap<String, Vec<u8>>;

/// A good two-article site, built; and its output's every byte.
fn good_site() -> (Fixture, Snapshot) {
    let fixture = Fixture::new();
    fixture.article(
        "2025/good-one.md",
        ArticleSpec::new("Жақсы мақала", "2025-08-27", "kk").text(),
    );
    fixture.article(
        "2024/good-two.md",
        ArticleSpec::new("Мақолаи хуб", "2024-04-30", "tg")
            .topics(&["water"])
            .text(),
    );
    fixture.build_ok();
    let before = snapshot(&fixture.out);
    assert!(before.len() > 20, "the good site has its pages");
    (fixture, before)
}

/// Builds again, expects failure, checks the old output is untouched; returns the messages.
fn fails_cleanly(fixture: &Fixture, before: &Snapshot) -> Vec<String> {
    let messages = messages(fixture.build());
    assert!(!messages.is_empty(), "a failed build says why");
    assert_unchanged(fixture, before);
    messages
}

fn assert_unchanged(fixture: &Fixture, before: &Snapshot) {
    let after = snapshot(&fixture.out);
    let names_before: BTreeSet<&String> = before.keys().collect();
    let names_after: BTreeSet<&String> = after.keys().collect();
    assert_eq!(names_after, names_before, "the output's file set changed");
    let changed: Vec<&String> = before
        .iter()
        .filter(|(name, bytes)| after.get(*name) != Some(bytes))
        .map(|(name, _)| name)
        .collect();
    assert!(changed.is_empty(), "files changed: {changed:?}");
    // The lock file stays (deleting lock files lets two builds lock two different files).
    let expected: BTreeSet<String> = ["out", "site", ".out.lock"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(
        fixture.siblings(),
        expected,
        "no .out.building-*/.out.old-* left beside the output"
    );
}

/// Exactly one message, about `file` at `line`, containing every keyword.
fn assert_one(messages: &[String], file: &Path, line: usize, keywords: &[&str]) {
    assert_eq!(messages.len(), 1, "one problem: {messages:#?}");
    assert_message(&messages[0], file, Some(line), keywords);
}

fn assert_message(message: &str, file: &Path, line: Option<usize>, keywords: &[&str]) {
    let prefix = match line {
        Some(line) => format!("{}:{line}: ", file.display()),
        None => format!("{}: ", file.display()),
    };
    assert!(
        message.starts_with(&prefix),
        "{message:?} should start with {prefix:?}"
    );
    for keyword in keywords {
        assert!(
            message.to_lowercase().contains(&keyword.to_lowercase()),
            "{message:?} should mention {keyword:?}"
        );
    }
}

/// The text of the good Kazakh article with one thing changed.
fn good_one_with(from: &str, to: &str) -> String {
    let text = ArticleSpec::new("Жақсы мақала", "2025-08-27", "kk").text();
    assert!(text.contains(from), "{from:?} is in the article");
    text.replacen(from, to, 1)
}

#[test]
fn front_matter_that_never_closes() {
    let (fixture, before) = good_site();
    let path = fixture.article(
        "2025/good-one.md",
        "+++\ntitle = \"Ашық\"\ndate = 2025-08-27\nlang = \"kk\"\n\nМәтін.\n",
    );
    let messages = fails_cleanly(&fixture, &before);
    assert_eq!(
        messages,
        [format!(
            "{}:1: the front matter opened on this line never closes: add a `+++` line after it",
            path.display()
        )]
    );
}

#[test]
fn a_toml_syntax_error_names_its_line() {
    let (fixture, before) = good_site();
    let path = fixture.article(
        "2025/good-one.md",
        good_one_with("lang = \"kk\"", "lang = kk"),
    );
    let messages = fails_cleanly(&fixture, &before);
    assert_one(&messages, &path, 4, &["quoted"]);
}

#[test]
fn a_missing_title() {
    let (fixture, before) = good_site();
    let path = fixture.article(
        "2025/good-one.md",
        good_one_with("title = \"Жақсы мақала\"\n", ""),
    );
    let messages = fails_cleanly(&fixture, &before);
    assert_eq!(messages.len(), 1, "{messages:#?}");
    // No line holds the missing key: the message points into the front matter.
    let line = messages[0]
        .strip_prefix(&format!("{}:", path.display()))
        .and_then(|rest| rest.split(':').next())
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or_else(|| panic!("{messages:?} names no line"));
    assert!((1..=8).contains(&line), "{messages:?}");
    assert!(messages[0].contains("title"), "{messages:?}");
    assert!(messages[0].contains("missing"), "{messages:?}");
}

#[test]
fn a_field_of_the_wrong_type() {
    let (fixture, before) = good_site();
    let path = fixture.article(
        "2025/good-one.md",
        good_one_with(
            "countries = [\"kazakhstan\", \"tajikistan\"]",
            "countries = \"kazakhstan\"",
        ),
    );
    let messages = fails_cleanly(&fixture, &before);
    assert_one(&messages, &path, 5, &["invalid type", "kazakhstan"]);
}

#[test]
fn an_invalid_date() {
    let (fixture, before) = good_site();
    let path = fixture.article(
        "2025/good-one.md",
        good_one_with("date = 2025-08-27", "date = 2025-02-30"),
    );
    let messages = fails_cleanly(&fixture, &before);
    assert_one(&messages, &path, 3, &["date"]);
    // The same as a string goes through dostyk's own check.
    let path = fixture.article(
        "2025/good-one.md",
        good_one_with("date = 2025-08-27", "date = \"2025-02-30\""),
    );
    let messages = fails_cleanly(&fixture, &before);
    assert_one(&messages, &path, 3, &["`date`", "YYYY-MM-DD"]);
}

#[test]
fn an_unknown_country_suggests_the_closest() {
    let (fixture, before) = good_site();
    let path = fixture.article(
        "2025/good-one.md",
        good_one_with("\"tajikistan\"]", "\"tajikstan\"]"),
    );
    let messages = fails_cleanly(&fixture, &before);
    assert_eq!(
        messages,
        [format!(
            "{}:5: unknown country \"tajikstan\" (did you mean \"tajikistan\"?): define it in content/taxonomy.toml",
            path.display()
        )]
    );
}

#[test]
fn an_unknown_topic_on_a_later_line_of_a_multi_line_list() {
    let (fixture, before) = good_site();
    let path = fixture.article(
        "2025/good-one.md",
        good_one_with(
            "topics = [\"trade\"]",
            "topics = [\n  \"trade\",\n  \"watr\",\n]",
        ),
    );
    let messages = fails_cleanly(&fixture, &before);
    assert_one(
        &messages,
        &path,
        8,
        &["unknown topic", "\"watr\"", "\"water\""],
    );
}

#[test]
fn an_unknown_language() {
    let (fixture, before) = good_site();
    let path = fixture.article("2025/good-one.md", good_one_with("\"kk\"", "\"kz\""));
    let messages = fails_cleanly(&fixture, &before);
    assert_one(&messages, &path, 4, &["unknown language", "\"kz\""]);
}

#[test]
fn two_articles_with_the_same_slug_are_both_named() {
    let (fixture, before) = good_site();
    let first = fixture.article(
        "2024/same-name.md",
        ArticleSpec::new("Бірінші", "2024-01-01", "kk").text(),
    );
    let second = fixture.article(
        "2025/same-name.md",
        ArticleSpec::new("Екінші", "2025-01-01", "kk").text(),
    );
    let messages = fails_cleanly(&fixture, &before);
    assert_eq!(messages.len(), 1, "{messages:#?}");
    let m = &messages[0];
    assert!(
        m.contains(&first.display().to_string()) && m.contains(&second.display().to_string()),
        "{m}"
    );
    assert!(m.contains("\"same-name\""), "{m}");
}

#[test]
fn a_template_syntax_error_names_the_template_and_line() {
    let (fixture, before) = good_site();
    let path = fixture.write(
        "templates/home.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<h1>{{ page.heading }</h1>\n{% endblock content %}\n",
    );
    let messages = fails_cleanly(&fixture, &before);
    assert_one(&messages, &path, 3, &["template"]);
    assert!(messages[0].contains("templates/home.html:3:"));
}

#[test]
fn an_undefined_template_variable_names_the_template_and_line() {
    let (fixture, before) = good_site();
    let path = fixture.write(
        "templates/article.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<h1>{{ article.card.title }}</h1>\n<p>{{ nope }}</p>\n{% endblock content %}\n",
    );
    let messages = fails_cleanly(&fixture, &before);
    // Rendered for two articles in two trees: still one message.
    assert_one(&messages, &path, 4, &["nope"]);
    assert!(messages[0].contains("templates/article.html:4:"));
}

#[test]
fn a_broken_site_toml() {
    let (fixture, before) = good_site();
    let path = fixture.write(
        "site.toml",
        SITE_TOML.replace("page_size = 20", "page_size = 20 20"),
    );
    let messages = fails_cleanly(&fixture, &before);
    assert_one(&messages, &path, 3, &[]);
    let path = fixture.write(
        "site.toml",
        SITE_TOML.replace("page_size = 20", "page_size = \"two\""),
    );
    let messages = fails_cleanly(&fixture, &before);
    assert_one(&messages, &path, 3, &["invalid type", "two"]);
}

#[test]
fn a_broken_taxonomy() {
    let (fixture, before) = good_site();
    let path = fixture.write(
        "content/taxonomy.toml",
        TAXONOMY_TOML.replace("id = \"water\"", "id = water"),
    );
    let messages = fails_cleanly(&fixture, &before);
    assert_one(&messages, &path, 18, &[]);
    let path = fixture.write(
        "content/taxonomy.toml",
        TAXONOMY_TOML.replace(
            "label = { kk = \"Су\", tg = \"Об\" }",
            "label = { kk = \"Су\" }",
        ),
    );
    let messages = fails_cleanly(&fixture, &before);
    assert_one(&messages, &path, 18, &["water", "\"tg\""]);
}

#[test]
fn an_article_that_is_not_utf8() {
    let (fixture, before) = good_site();
    let mut bytes = ArticleSpec::new("Жақсы мақала", "2025-08-27", "kk")
        .body("First line, \u{0436}.\n\nSecond line \u{2014} fine.\n")
        .text()
        .into_bytes();
    // Line 14: Windows-1251 bytes where UTF-8 was expected.
    bytes.extend_from_slice(b"\xe6\xe0\xed\xe0\n");
    let path = fixture.article("2025/good-one.md", bytes);
    let messages = fails_cleanly(&fixture, &before);
    assert_one(&messages, &path, 14, &["UTF-8"]);
}

#[test]
fn an_empty_article_file() {
    let (fixture, before) = good_site();
    let path = fixture.article("2025/empty.md", "");
    let messages = fails_cleanly(&fixture, &before);
    assert_one(&messages, &path, 1, &["empty"]);
}

#[test]
fn every_problem_is_reported_in_one_build() {
    let (fixture, before) = good_site();
    let one = fixture.article(
        "2025/good-one.md",
        good_one_with("\"tajikistan\"]", "\"tajikstan\"]").replacen(
            "topics = [\"trade\"]",
            "topics = [\"trad\"]",
            1,
        ),
    );
    let two = fixture.article(
        "2024/good-two.md",
        ArticleSpec::new("Мақолаи хуб", "2024-02-30", "tg").text(),
    );
    let three = fixture.article("2025/unclosed.md", "+++\ntitle = \"x\"\n");
    let template = fixture.write(
        "templates/home.html",
        "{% extends \"base.html\" %}\n{% block content %}{% if %}{% endblock content %}\n",
    );
    let messages = fails_cleanly(&fixture, &before);
    assert_eq!(messages.len(), 5, "{messages:#?}");
    let find = |file: &Path| -> Vec<&String> {
        messages
            .iter()
            .filter(|m| m.starts_with(&format!("{}:", file.display())))
            .collect()
    };
    let in_one = find(&one);
    assert_eq!(in_one.len(), 2, "both problems of one file: {messages:#?}");
    assert_message(in_one[0], &one, Some(5), &["tajikstan"]);
    assert_message(in_one[1], &one, Some(6), &["trad", "\"trade\""]);
    assert_message(find(&two)[0], &two, Some(3), &["date"]);
    assert_message(find(&three)[0], &three, Some(1), &["never closes"]);
    assert_message(find(&template)[0], &template, Some(2), &["template"]);
}

#[test]
fn the_binary_exits_non_zero_and_prints_file_and_line() {
    let (fixture, before) = good_site();
    let path = fixture.article(
        "2025/good-one.md",
        good_one_with("\"tajikistan\"]", "\"tajikstan\"]"),
    );
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_dostyk"))
        .arg("--root")
        .arg(&fixture.root)
        .arg("build")
        .arg("--out")
        .arg(&fixture.out)
        .output()
        .expect("run dostyk");
    assert!(!output.status.success(), "exit status {:?}", output.status);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let expected = format!(
        "error: {}:5: unknown country \"tajikstan\" (did you mean \"tajikistan\"?)",
        path.display()
    );
    assert!(stderr.contains(&expected), "stderr:\n{stderr}");
    assert_unchanged(&fixture, &before);

    // Fixed, the same command builds and says so.
    fixture.article(
        "2025/good-one.md",
        ArticleSpec::new("Жақсы мақала", "2025-08-27", "kk").text(),
    );
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_dostyk"))
        .arg("--root")
        .arg(&fixture.root)
        .arg("build")
        .arg("--out")
        .arg(&fixture.out)
        .arg("--base-url")
        .arg(SUB_BASE)
        .output()
        .expect("run dostyk");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let home = fixture.text("kk/index.html");
    assert!(home.contains("href=\"/REPO/kk/"), "--base-url was applied");
}

#[test]
fn a_bom_and_crlf_article_builds() {
    let fixture = Fixture::new();
    let spec = ArticleSpec::new("Windows мақаласы", "2025-08-27", "kk")
        .body("Бірінші абзац.\n\nЕкінші абзац.\n");
    let text = format!("\u{feff}{}", spec.text().replace('\n', "\r\n"));
    fixture.article("2025/windows.md", text);
    let report = fixture.build_ok();
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    let doc = fixture.html("kk/articles/windows/index.html");
    assert_eq!(text_of(one(&doc, "h1", "windows")), "Windows мақаласы");
    let paragraphs: Vec<String> = doc.select(&sel(".article-body p")).map(text_of).collect();
    assert_eq!(paragraphs, ["Бірінші абзац.", "Екінші абзац."]);
    let description = attr(&doc, "meta[name=description]", "content", "windows");
    assert_eq!(description, "Бірінші абзац.");
    assert_eq!(attr(&doc, "time", "datetime", "windows"), "2025-08-27");
    assert!(fixture.exists("kk/countries/tajikistan/index.html"));
    assert!(
        !fixture
            .text("kk/articles/windows/index.html")
            .contains('\u{feff}')
    );
}

#[test]
fn odd_but_valid_inputs_build_with_warnings_and_never_panic() {
    let base = ArticleSpec::new("Мақала", "2025-01-01", "kk").text();
    let paragraph = "Мақала: the first paragraph of the text.\n\nA second paragraph.\n";
    let cases: Vec<(&str, String)> = vec![
        (
            "datetime",
            base.replace("2025-01-01", "2025-01-01T07:32:00Z"),
        ),
        (
            "no-countries",
            base.replace("[\"kazakhstan\", \"tajikistan\"]", "[]"),
        ),
        (
            "multi-line-title",
            base.replace("\"Мақала\"", "\"\"\"Мақ\nала\"\"\""),
        ),
        ("plus-lines-in-body", format!("{base}\n+++\nmore\n+++\n")),
        ("empty-body", base.replace(paragraph, "")),
        ("heading-only", base.replace(paragraph, "# Тек тақырып\n")),
        ("nul-byte", format!("{base}\0\n")),
        (
            "template-syntax",
            base.replace("\"Мақала\"", "\"{{ page.title }} {% raw %}\""),
        ),
        ("deep-quotes", format!("{base}\n{}x\n", ">".repeat(300))),
        (
            "cyclic-footnotes",
            format!("{base}\n[^a] [^b]\n\n[^a]: see [^b]\n[^b]: see [^a]\n"),
        ),
        (
            "unknown-key",
            base.replace("lang = ", "author = \"x\"\nlang = "),
        ),
        ("wrong-folder", base.replace("2025-01-01", "2024-01-01")),
    ];
    for (name, text) in cases {
        let fixture = Fixture::new();
        fixture.article(&format!("2025/{name}.md"), text);
        let report = fixture
            .build()
            .unwrap_or_else(|e| panic!("{name} should build:\n{e}"));
        let rel = format!("kk/articles/{name}/index.html");
        let doc = fixture.html(&rel);
        let description = attr(&doc, "meta[name=description]", "content", &rel);
        assert!(!description.trim().is_empty(), "{rel}: empty description");
        let check = check_site_links(&fixture.out, ROOT_BASE);
        assert!(check.problems.is_empty(), "{name}: {:#?}", check.problems);
        let warnings: Vec<String> = report.warnings.iter().map(ToString::to_string).collect();
        match name {
            "unknown-key" => {
                assert_eq!(warnings.len(), 1, "{warnings:?}");
                assert!(warnings[0].contains(":4:") && warnings[0].contains("author"));
            }
            "wrong-folder" => {
                assert_eq!(warnings.len(), 1, "{warnings:?}");
                assert!(warnings[0].contains(":3:") && warnings[0].contains("2024"));
            }
            "template-syntax" => {
                let h1 = text_of(one(&doc, "h1", &rel));
                assert_eq!(h1, "{{ page.title }} {% raw %}", "titles are not templates");
            }
            _ => assert!(warnings.is_empty(), "{name}: {warnings:?}"),
        }
    }
}

#[test]
fn odd_invalid_inputs_fail_with_a_message_and_never_panic() {
    let base = ArticleSpec::new("Мақала", "2025-01-01", "kk").text();
    let cases: Vec<(&str, String, usize)> = vec![
        ("plus-only", "+++".into(), 1),
        ("empty-front-matter", "+++\n+++\n".into(), 2),
        ("bom-only", "\u{feff}".into(), 1),
        ("no-plus", "title = \"x\"\n".into(), 1),
        ("cr-only", base.replace('\n', "\r"), 1),
        ("time-only", base.replace("2025-01-01", "07:32:00"), 3),
        (
            "long-year",
            base.replace("2025-01-01", "\"20250-01-01\""),
            3,
        ),
        ("int-countries", base.replace("\"kazakhstan\", ", "1, "), 5),
        ("nested-topics", base.replace("[\"trade\"]", "[[]]"), 6),
        ("blank-title", base.replace("\"Мақала\"", "\"  \""), 2),
        (
            "empty-story",
            base.replace("lang = ", "story = \"\"\nlang = "),
            4,
        ),
        (
            "cyrillic-slug",
            base.replace("lang = ", "slug = \"мақала\"\nlang = "),
            4,
        ),
        ("empty-outlet", base.replace("\"Test Agency\"", "\"\""), 7),
        (
            "no-source",
            base.replace("[source]\noutlet = \"Test Agency\"\n", ""),
            2,
        ),
    ];
    for (name, text, line) in cases {
        let fixture = Fixture::new();
        let path = fixture.article(&format!("2025/{name}.md"), text);
        let messages = messages(fixture.build());
        assert_eq!(messages.len(), 1, "{name}: {messages:#?}");
        assert_message(&messages[0], &path, Some(line), &[]);
        assert!(!fixture.out.exists(), "{name}: nothing written");
        assert_eq!(fixture.siblings().len(), 1, "{name}: no leftovers");
    }
    // A file name that cannot be a URL suggests one from the title.
    let fixture = Fixture::new();
    let path = fixture.article(
        "2025/Мақала 1.md",
        ArticleSpec::new("Жаңа мақала", "2025-01-01", "kk").text(),
    );
    let messages = messages(fixture.build());
    assert_one(&messages, &path, 1, &["maqala.md", "slug"]);
}
