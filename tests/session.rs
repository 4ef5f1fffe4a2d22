//! The preview's rebuilds never lie: after every kind of edit (an article's text, title and
//! date, a new and a deleted article, the taxonomy, a template, a static file, the
//! configuration, an interface string), what a rebuild produces equals what a fresh
//! `dostyk build` writes from the same files, and an edit of one article renders only the
//! pages that show it.

mod common;

use common::*;
use dostyk::session::{Files, Session};
use std::collections::BTreeMap;

/// The site as a fresh build writes it, without its search index.
fn fresh_build(fixture: &Fixture) -> BTreeMap<String, Vec<u8>> {
    let out = fixture.dir.path().join("fresh");
    let _ = std::fs::remove_dir_all(&out);
    dostyk::build(&dostyk::BuildOptions {
        project: dostyk::Project::new(&fixture.root),
        out: out.clone(),
        base_url: None,
        when_busy: dostyk::output::WhenBusy::Wait,
        search: true,
    })
    .unwrap_or_else(|e| panic!("fresh build:\n{e}"));
    without_search(snapshot(&out))
}

fn without_search(files: BTreeMap<String, Vec<u8>>) -> BTreeMap<String, Vec<u8>> {
    files
        .into_iter()
        .filter(|(path, _)| !path.starts_with("pagefind/"))
        .collect()
}

fn as_map(files: &Files) -> BTreeMap<String, Vec<u8>> {
    without_search(
        files
            .iter()
            .map(|(path, bytes)| (path.clone(), bytes.to_vec()))
            .collect(),
    )
}

/// Rebuilds and checks the result against a fresh build; returns the pages rendered again.
fn rebuild_matches(session: &mut Session, fixture: &Fixture, what: &str) -> usize {
    let rebuilt = session
        .rebuild()
        .unwrap_or_else(|e| panic!("{what}: rebuild failed:\n{e}"));
    let served = as_map(&rebuilt.files);
    let fresh = fresh_build(fixture);
    let differ: Vec<&String> = fresh
        .keys()
        .chain(served.keys())
        .filter(|path| fresh.get(*path) != served.get(*path))
        .collect();
    assert!(
        differ.is_empty(),
        "{what}: rebuild differs from a fresh build in {differ:#?}"
    );
    rebuilt.rendered
}

fn edit(fixture: &Fixture, rel: &str, from: &str, to: &str) {
    let path = fixture.path(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} has no {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn every_kind_of_edit_rebuilds_to_what_a_fresh_build_writes() {
    let fixture = preview_project();
    let mut session = Session::new(dostyk::Project::new(&fixture.root), None);
    let all = rebuild_matches(&mut session, &fixture, "first build");
    assert!(all > 40, "the first rebuild renders every page: {all}");
    assert_eq!(
        rebuild_matches(&mut session, &fixture, "nothing changed"),
        0
    );

    // The text of one article: its own two pages and the feeds that carry its text.
    edit(
        &fixture,
        "content/articles/2025/beta.md",
        "A second paragraph.",
        "A corrected paragraph.",
    );
    let rendered = rebuild_matches(&mut session, &fixture, "body edit");
    assert!(
        (2..=12).contains(&rendered),
        "a body edit rendered {rendered} pages"
    );

    // The same length, in the same second: still seen.
    edit(
        &fixture,
        "content/articles/2025/beta.md",
        "corrected",
        "correctes",
    );
    assert!(rebuild_matches(&mut session, &fixture, "same-size edit") >= 2);

    edit(
        &fixture,
        "content/articles/2025/beta.md",
        "title = \"Бета\"",
        "title = \"Бета жаңа\"",
    );
    rebuild_matches(&mut session, &fixture, "title edit");

    // A date that moves the story to another year and to the top of every list.
    edit(
        &fixture,
        "content/articles/2024/gamma.md",
        "date = 2024-03-05",
        "date = 2026-01-02",
    );
    rebuild_matches(&mut session, &fixture, "date edit");

    // A new version of a story, then a deleted article (linked from another one: the link
    // fails, so it is the fixed link that is rebuilt).
    fixture.article(
        "2025/alpha-uz.md",
        ArticleSpec::new("Алфа уз", "2025-08-28", "uz")
            .story("talks")
            .text(),
    );
    rebuild_matches(&mut session, &fixture, "new article");
    fixture.remove("content/articles/2024/delta.md");
    rebuild_matches(&mut session, &fixture, "deleted article");

    edit(
        &fixture,
        "content/taxonomy.toml",
        "kk = \"Сауда\"",
        "kk = \"Сауда-саттық\"",
    );
    rebuild_matches(&mut session, &fixture, "taxonomy label");

    fixture.write(
        "templates/partials/story.html",
        std::fs::read_to_string(repo_root().join("templates/partials/story.html"))
            .unwrap()
            .replacen("<", "<!-- project template -->\n<", 1),
    );
    rebuild_matches(&mut session, &fixture, "template override");

    fixture.write("static/style.css", "body { color: #123; }\n");
    rebuild_matches(&mut session, &fixture, "static file");
    fixture.write(
        "static/extra/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    rebuild_matches(&mut session, &fixture, "new static file");

    edit(&fixture, "site.toml", "page_size = 2", "page_size = 3");
    rebuild_matches(&mut session, &fixture, "configuration");

    fixture.write("i18n/kk.toml", "[strings]\nhome = \"Бас бет\"\n");
    rebuild_matches(&mut session, &fixture, "interface string");

    // Links between articles: renaming the target breaks the link (an error), fixing the
    // link builds again.
    std::fs::rename(
        fixture.path("content/articles/2025/alpha.md"),
        fixture.path("content/articles/2025/alpha-talks.md"),
    )
    .unwrap();
    let error = session
        .rebuild()
        .err()
        .expect("a link to a renamed file fails");
    assert!(error.to_string().contains("epsilon.md"), "{error}");
    edit(
        &fixture,
        "content/articles/2023/epsilon.md",
        "alpha.md",
        "alpha-talks.md",
    );
    rebuild_matches(&mut session, &fixture, "fixed link");
}

#[test]
fn a_broken_edit_fails_and_the_fix_builds_again() {
    let fixture = preview_project();
    let mut session = Session::new(dostyk::Project::new(&fixture.root), None);
    rebuild_matches(&mut session, &fixture, "first build");
    edit(
        &fixture,
        "content/articles/2025/beta.md",
        "topics = [\"water\"]",
        "topics = [\"watr\"]",
    );
    let error = session.rebuild().err().expect("an unknown topic fails");
    let text = error.to_string();
    assert!(
        text.contains("beta.md:6:") && text.contains("water"),
        "{text}"
    );
    edit(
        &fixture,
        "content/articles/2025/beta.md",
        "\"watr\"",
        "\"water\"",
    );
    rebuild_matches(&mut session, &fixture, "after the fix");

    fixture.write(
        "templates/article.html",
        "{% extends \"base.html\" %}{% block main %}{{ nope }}{% endblock %}",
    );
    let error = session
        .rebuild()
        .err()
        .expect("an undefined variable fails");
    assert!(error.to_string().contains("article.html"), "{error}");
    fixture.remove("templates/article.html");
    rebuild_matches(&mut session, &fixture, "template removed");
}
