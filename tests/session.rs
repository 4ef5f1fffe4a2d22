//! The preview's rebuilds never lie: after every kind of edit (an article's text, title and
//! date, a new and a deleted article, the taxonomy, a template, a static file, the
//! configuration, an interface string), what a rebuild produces equals what a fresh
//! `dostyk build` writes from the same files, and an edit of one article renders only the
//! pages that show it. Each test runs twice: with rebuilds that look at every file, and with
//! rebuilds told which paths changed (as the preview's file watcher tells them).

mod common;

use common::*;
use dostyk::serve::session::{Files, Rebuilt, Session};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The site as a fresh build writes it, without its search index.
fn fresh_build(fixture: &Fixture) -> BTreeMap<String, Vec<u8>> {
    let out = fixture.dir.path().join("fresh");
    let _ = std::fs::remove_dir_all(&out);
    dostyk::build(&dostyk::BuildOptions {
        project: dostyk::Project::new(&fixture.root),
        out: out.clone(),
        base_url: None,
        when_busy: dostyk::write::WhenBusy::Wait,
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
            .map(|(path, bytes)| (path.to_string(), bytes.to_vec()))
            .collect(),
    )
}

/// A session, and whether its rebuilds are told what changed.
struct Preview {
    session: Session,
    told: bool,
}

impl Preview {
    fn new(fixture: &Fixture, told: bool) -> Preview {
        Preview {
            session: Session::new(dostyk::Project::new(&fixture.root), None),
            told,
        }
    }

    /// Rebuilds after `changed` (files or folders, relative to the project) changed.
    fn rebuild(&mut self, fixture: &Fixture, changed: &[&str]) -> dostyk::error::Result<Rebuilt> {
        if self.told {
            let paths: Vec<PathBuf> = changed.iter().map(|rel| fixture.path(rel)).collect();
            self.session.rebuild_after(&paths)
        } else {
            self.session.rebuild()
        }
    }
}

/// Rebuilds after `changed` changed and checks the result against a fresh build; returns the
/// pages rendered again.
fn rebuild_matches(
    preview: &mut Preview,
    fixture: &Fixture,
    changed: &[&str],
    what: &str,
) -> usize {
    let rebuilt = preview
        .rebuild(fixture, changed)
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
    every_kind_of_edit(false);
}

#[test]
fn told_what_changed_every_kind_of_edit_rebuilds_to_what_a_fresh_build_writes() {
    every_kind_of_edit(true);
}

fn every_kind_of_edit(told: bool) {
    let fixture = preview_project();
    let mut preview = Preview::new(&fixture, told);
    let all = rebuild_matches(&mut preview, &fixture, &[], "first build");
    assert!(all > 40, "the first rebuild renders every page: {all}");
    assert_eq!(
        rebuild_matches(&mut preview, &fixture, &[], "nothing changed"),
        0
    );

    // The text of one article: its own two pages and the feeds that carry its text.
    let beta = "content/articles/2025/beta.md";
    edit(
        &fixture,
        beta,
        "A second paragraph.",
        "A corrected paragraph.",
    );
    let rendered = rebuild_matches(&mut preview, &fixture, &[beta], "body edit");
    assert!(
        (2..=12).contains(&rendered),
        "a body edit rendered {rendered} pages"
    );

    // The same length, in the same second: still seen.
    edit(&fixture, beta, "corrected", "correctes");
    assert!(rebuild_matches(&mut preview, &fixture, &[beta], "same-size edit") >= 2);

    edit(&fixture, beta, "title = \"Бета\"", "title = \"Бета жаңа\"");
    rebuild_matches(&mut preview, &fixture, &[beta], "title edit");

    // A date that moves the story to another year and to the top of every list.
    let gamma = "content/articles/2024/gamma.md";
    edit(&fixture, gamma, "date = 2024-03-05", "date = 2026-01-02");
    rebuild_matches(&mut preview, &fixture, &[gamma], "date edit");

    // A new version of a story, then a deleted article (linked from another one: the link
    // fails, so it is the fixed link that is rebuilt).
    fixture.article(
        "2025/alpha-uz.md",
        ArticleSpec::new("Алфа уз", "2025-08-28", "uz")
            .story("talks")
            .text(),
    );
    let alpha_uz = "content/articles/2025/alpha-uz.md";
    rebuild_matches(&mut preview, &fixture, &[alpha_uz], "new article");
    let delta = "content/articles/2024/delta.md";
    fixture.remove(delta);
    rebuild_matches(&mut preview, &fixture, &[delta], "deleted article");

    // A folder of articles moved, and one brought in from outside the project: the watcher
    // names the folders, not the files in them.
    std::fs::rename(
        fixture.path("content/articles/2024"),
        fixture.path("content/articles/old"),
    )
    .unwrap();
    let moved = ["content/articles/2024", "content/articles/old"];
    rebuild_matches(&mut preview, &fixture, &moved, "folder renamed");
    let outside = fixture.dir.path().join("outside");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(
        outside.join("eta.md"),
        ArticleSpec::new("Эта", "2022-05-06", "kk").text(),
    )
    .unwrap();
    std::fs::rename(&outside, fixture.path("content/articles/2022")).unwrap();
    let year = "content/articles/2022";
    rebuild_matches(&mut preview, &fixture, &[year], "folder moved in");

    // An old article's language: no list it is on changes but the landing page's, which
    // names the languages texts are in.
    let epsilon = "content/articles/2023/epsilon.md";
    edit(&fixture, epsilon, "lang = \"kk\"", "lang = \"ru\"");
    let rendered = rebuild_matches(&mut preview, &fixture, &[epsilon], "language edit");
    assert!(
        rendered >= 3,
        "the article's two pages and the landing page: {rendered}"
    );

    let taxonomy = "content/taxonomy.toml";
    edit(
        &fixture,
        taxonomy,
        "kk = \"Сауда\"",
        "kk = \"Сауда-саттық\"",
    );
    rebuild_matches(&mut preview, &fixture, &[taxonomy], "taxonomy label");

    let story = "templates/partials/story.html";
    fixture.write(
        story,
        std::fs::read_to_string(repo_root().join(story))
            .unwrap()
            .replacen('<', "<!-- project template -->\n<", 1),
    );
    rebuild_matches(&mut preview, &fixture, &["templates"], "template override");

    fixture.write("static/style.css", "body { color: #123; }\n");
    rebuild_matches(&mut preview, &fixture, &["static/style.css"], "static file");
    fixture.write(
        "static/extra/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    rebuild_matches(&mut preview, &fixture, &["static/extra"], "new static file");
    // A static file where the build writes a page: the page wins, as in a build.
    fixture.write("static/sitemap.xml", "<urlset/>");
    rebuild_matches(
        &mut preview,
        &fixture,
        &["static/sitemap.xml"],
        "static sitemap",
    );
    fixture.remove("static/sitemap.xml");
    rebuild_matches(
        &mut preview,
        &fixture,
        &["static/sitemap.xml"],
        "it removed",
    );

    edit(&fixture, "site.toml", "page_size = 2", "page_size = 3");
    rebuild_matches(&mut preview, &fixture, &["site.toml"], "configuration");

    fixture.write("i18n/kk.toml", "[strings]\nhome = \"Бас бет\"\n");
    rebuild_matches(&mut preview, &fixture, &["i18n"], "interface string");

    // Links between articles: renaming the target breaks the link (an error), fixing the
    // link builds again.
    let (alpha, alpha_talks) = (
        "content/articles/2025/alpha.md",
        "content/articles/2025/alpha-talks.md",
    );
    std::fs::rename(fixture.path(alpha), fixture.path(alpha_talks)).unwrap();
    let error = preview
        .rebuild(&fixture, &[alpha, alpha_talks])
        .err()
        .expect("a link to a renamed file fails");
    assert!(error.to_string().contains("epsilon.md"), "{error}");
    edit(&fixture, epsilon, "alpha.md", "alpha-talks.md");
    rebuild_matches(&mut preview, &fixture, &[epsilon], "fixed link");

    if told {
        // Told of no change, a rebuild looks at no file: the rebuilds above went by what they
        // were told.
        edit(&fixture, beta, "Бета жаңа", "Бета");
        assert_eq!(preview.rebuild(&fixture, &[]).unwrap().rendered, 0);
        rebuild_matches(&mut preview, &fixture, &[beta], "told at last");
    }
}

#[test]
fn a_broken_edit_fails_and_the_fix_builds_again() {
    a_broken_edit(false);
}

#[test]
fn told_what_changed_a_broken_edit_fails_and_the_fix_builds_again() {
    a_broken_edit(true);
}

fn a_broken_edit(told: bool) {
    let fixture = preview_project();
    let mut preview = Preview::new(&fixture, told);
    rebuild_matches(&mut preview, &fixture, &[], "first build");
    let beta = "content/articles/2025/beta.md";
    edit(
        &fixture,
        beta,
        "topics = [\"water\"]",
        "topics = [\"watr\"]",
    );
    let error = preview
        .rebuild(&fixture, &[beta])
        .err()
        .expect("an unknown topic fails");
    let text = error.to_string();
    assert!(
        text.contains("beta.md:6:") && text.contains("water"),
        "{text}"
    );
    edit(&fixture, beta, "\"watr\"", "\"water\"");
    rebuild_matches(&mut preview, &fixture, &[beta], "after the fix");

    let article = "templates/article.html";
    fixture.write(
        article,
        "{% extends \"base.html\" %}{% block main %}{{ nope }}{% endblock %}",
    );
    let error = preview
        .rebuild(&fixture, &[article])
        .err()
        .expect("an undefined variable fails");
    assert!(error.to_string().contains("article.html"), "{error}");
    // An article edited while the template is broken: the fix of the template shows it.
    edit(
        &fixture,
        beta,
        "A second paragraph.",
        "A paragraph edited meanwhile.",
    );
    assert!(preview.rebuild(&fixture, &[beta]).is_err());
    fixture.remove(article);
    rebuild_matches(&mut preview, &fixture, &[article], "template removed");
}

#[test]
fn photos_rebuild_to_what_a_fresh_build_writes() {
    photos_rebuild(false);
}

#[test]
fn told_what_changed_photos_rebuild_to_what_a_fresh_build_writes() {
    photos_rebuild(true);
}

/// A lead photo added, its file replaced by another photo under the same name, and a figure
/// added: each rebuild equals a fresh build, and the photo's new files replace the old.
fn photos_rebuild(told: bool) {
    let fixture = Fixture::new();
    let article = "content/articles/2025/with-photo.md";
    fixture.write(
        article,
        ArticleSpec::new("Суретті мақала", "2025-03-01", "kk").text(),
    );
    let mut preview = Preview::new(&fixture, told);
    rebuild_matches(&mut preview, &fixture, &[], "first build");

    fixture.write("content/photos/lead.jpg", jpeg(1300, 900, 1));
    edit(
        &fixture,
        article,
        "+++\n\n",
        "[photo]\nfile = \"lead.jpg\"\nalt = \"Сурет\"\n+++\n\n",
    );
    rebuild_matches(
        &mut preview,
        &fixture,
        &[article, "content/photos/lead.jpg"],
        "a lead photo added",
    );

    fixture.write("content/photos/lead.jpg", jpeg(1250, 800, 6));
    let rebuilt = rebuild_matches(
        &mut preview,
        &fixture,
        &["content/photos/lead.jpg"],
        "the photo's file replaced",
    );
    assert!(rebuilt > 0, "pages naming the photo are rendered again");

    fixture.write("content/articles/2025/figure.png", png(300, 200));
    edit(
        &fixture,
        article,
        "A second paragraph.",
        "![Өзен](figure.png)\n\nA second paragraph.",
    );
    rebuild_matches(
        &mut preview,
        &fixture,
        &[article, "content/articles/2025/figure.png"],
        "a figure added",
    );
}
