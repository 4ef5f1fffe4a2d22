//! Front matter and article parsing: an article file either loads into an article that keeps
//! every promise the rest of the pipeline relies on (well-formed slug and story, known
//! language and terms, a title and an outlet), or is refused with a message at a line of the
//! file. Never a panic.

#![no_main]

use dostyk::date::Date;
use dostyk::load::{Article, front_matter};
use dostyk_fuzz::{article_path, taxonomy, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = text(data);
    check_split(&text);

    // A date as front matter may write it, as a string (`date = "2025-08-27"`): only the
    // canonical form is a date.
    for line in text.lines() {
        let value = line
            .strip_prefix("date = \"")
            .and_then(|v| v.split('"').next())
            .unwrap_or(line);
        if let Some(date) = Date::parse(value) {
            assert_eq!(date.to_string(), value, "Date::parse accepts {value:?}");
        }
    }

    let path = article_path(2025, "fuzz-article");
    let lines = text.lines().count().max(1);
    match Article::parse(&path, &text, taxonomy()) {
        Ok(parsed) => {
            let article = parsed.article;
            assert!(dostyk::slug::is_valid(&article.slug), "{:?}", article.slug);
            assert!(
                dostyk::slug::is_valid(&article.story),
                "{:?}",
                article.story
            );
            assert!(!article.title.is_empty() && article.title == article.title.trim());
            assert!(!article.source.outlet.is_empty());
            assert!(dostyk::language::Language::from_code(article.lang.code).is_some());
            let tax = taxonomy();
            for (ids, terms) in [
                (&article.countries, &tax.countries),
                (&article.topics, &tax.topics),
            ] {
                for (i, id) in ids.iter().enumerate() {
                    assert!(terms.iter().any(|t| &t.id == id), "unknown term {id}");
                    assert!(!ids[..i].contains(id), "{id} twice");
                }
            }
            assert!(
                text.ends_with(&article.body),
                "the body is the end of the file"
            );
            for diagnostic in &parsed.warnings {
                check_line(diagnostic.line, lines, &text);
            }
        }
        Err(problems) => {
            assert!(!problems.is_empty(), "refused without a reason: {text:?}");
            for diagnostic in &problems {
                check_line(diagnostic.line, lines, &text);
            }
        }
    }
});

/// The split keeps every byte: the opening line, the front matter, the closing line and the
/// body, at the lines it says.
fn check_split(text: &str) {
    let Ok(split) = front_matter::split(text) else {
        return;
    };
    let body_start = text.len() - split.body.len();
    assert_eq!(&text[body_start..], split.body);
    // An empty body after a last `+++` without a line end starts on the next line, as it
    // would with one: only a body with text is checked.
    if !split.body.is_empty() {
        assert_eq!(
            text[..body_start].matches('\n').count() + 1,
            split.body_line,
            "body_line of {text:?}"
        );
    }
    let fm_start = text.find('\n').map_or(text.len(), |i| i + 1);
    assert_eq!(split.front_matter_line, 2);
    assert!(text[fm_start..].starts_with(split.front_matter));
    let closing = &text[fm_start + split.front_matter.len()..body_start];
    assert_eq!(closing.trim_end(), "+++", "the closing line of {text:?}");
}

/// A message points at a line of the file (or at none).
fn check_line(line: Option<usize>, lines: usize, text: &str) {
    if let Some(line) = line {
        assert!(
            (1..=lines + 1).contains(&line),
            "line {line} of a {lines}-line file: {text:?}"
        );
    }
}
