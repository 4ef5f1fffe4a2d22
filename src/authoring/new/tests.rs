//! `dostyk new`'s plans and questions, on a small project of its own.

use super::*;
use crate::build::Project;
use crate::load::Article;
use std::io::Cursor;
use std::path::Path;

const TAXONOMY: &str = r#"
[[countries]]
id = "kazakhstan"
label = { kk = "Қазақстан", tg = "Қазоқистон" }

[[countries]]
id = "tajikistan"
label = { kk = "Тәжікстан", tg = "Тоҷикистон" }

[[topics]]
id = "water"
label = { kk = "Су ресурстары", tg = "Захираҳои об" }

[[topics]]
id = "trade"
label = { kk = "Сауда", tg = "Савдо" }
"#;

const EXISTING: &str = "+++\ntitle = \"Бор\"\ndate = 2025-08-27\nlang = \"kk\"\nstory = \"2025-08-27-bor\"\n[source]\noutlet = \"BAQ.KZ\"\n+++\n\nМәтін.\n";

/// A project with one article, `articles/2025/bor.md` in story `2025-08-27-bor`.
fn archive() -> (tempfile::TempDir, Archive) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("site.toml"),
        "base_url = \"https://x.org/\"\nui_languages = [\"kk\", \"tg\"]\n[languages.kk]\ntitle = \"a\"\ndescription = \"b\"\n[languages.tg]\ntitle = \"c\"\ndescription = \"d\"\n",
    )
    .unwrap();
    std::fs::create_dir_all(root.join("content/articles/2025")).unwrap();
    std::fs::write(root.join("content/taxonomy.toml"), TAXONOMY).unwrap();
    std::fs::write(root.join("content/articles/2025/bor.md"), EXISTING).unwrap();
    let archive = Archive::load(&Project::new(root)).unwrap();
    assert!(archive.unreadable.is_empty(), "{:?}", archive.unreadable);
    (dir, archive)
}

fn day(text: &str) -> Date {
    Date::parse(text).unwrap()
}

fn request() -> Request {
    Request {
        title: Some("Тоҷикистон ва Қазоқистон ҳамкорӣ".into()),
        lang: Some("tg".into()),
        countries: Some(vec!["tajikistan".into(), " kazakhstan".into()]),
        topics: Some(vec!["water".into(), "water".into()]),
        outlet: Some("Ховар".into()),
        ..Request::default()
    }
}

#[test]
fn plans_the_article_an_import_would_write() {
    let (_dir, archive) = archive();
    let plan = plan(&request(), &archive, day("2026-03-01")).unwrap();
    let draft = &plan.draft;
    assert_eq!(draft.slug, "tojikiston-va-qazoqiston-hamkori");
    assert_eq!(draft.date, day("2026-03-01"));
    assert_eq!(draft.countries, ["tajikistan", "kazakhstan"]);
    assert_eq!(draft.topics, ["water"]);
    assert_eq!(draft.story, "2026-03-01-tojikiston-va-qazoqiston-hamkori");
    assert_eq!(draft.body, "");
    assert_eq!(
        archive.shown(&plan.path),
        Path::new("content/articles/2026/tojikiston-va-qazoqiston-hamkori.md")
    );
    // The file reads back as the same article, with no warning.
    let parsed = Article::parse(&plan.path, &draft.to_file(), &archive.taxonomy).unwrap();
    assert!(parsed.warnings.is_empty());
    assert_eq!(parsed.article.title, "Тоҷикистон ва Қазоқистон ҳамкорӣ");
    assert_eq!(parsed.article.lang.code, "tg");
    assert_eq!(parsed.article.source.outlet, "Ховар");
    assert!(draft.to_file().ends_with("+++\n\n"));
}

#[test]
fn names_every_missing_flag() {
    let (_dir, archive) = archive();
    let request = Request {
        lang: Some("kk".into()),
        title: Some("  ".into()),
        ..Request::default()
    };
    let error = plan(&request, &archive, day("2026-03-01")).unwrap_err();
    assert!(matches!(&error, NewError::Missing(m) if m == &["--title", "--outlet"]));
    assert!(
        error
            .to_string()
            .starts_with("missing --title, --outlet: give them")
    );
}

#[test]
fn unknown_ids_and_languages_get_a_suggestion() {
    let (_dir, archive) = archive();
    let mut bad = request();
    bad.countries = Some(vec!["tajikstan".into()]);
    let error = plan(&bad, &archive, day("2026-03-01")).unwrap_err();
    assert_eq!(
        error.to_string(),
        "unknown country \"tajikstan\" (did you mean \"tajikistan\"?): define it in content/taxonomy.toml"
    );
    let mut bad = request();
    bad.topics = Some(vec!["watr".into()]);
    let error = plan(&bad, &archive, day("2026-03-01")).unwrap_err();
    assert!(
        error.to_string().contains("(did you mean \"water\"?)"),
        "{error}"
    );
    let mut bad = request();
    bad.lang = Some("tj".into());
    let error = plan(&bad, &archive, day("2026-03-01")).unwrap_err();
    assert!(
        error.to_string().starts_with("unknown language \"tj\""),
        "{error}"
    );
}

#[test]
fn a_slug_in_use_is_refused() {
    let (_dir, archive) = archive();
    let mut taken = request();
    taken.slug = Some("bor".into());
    // Another year's folder, but the same URL.
    let error = plan(&taken, &archive, day("2026-03-01")).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the slug \"bor\" is already used by content/articles/2025/bor.md: choose another with --slug"
    );
    taken.slug = Some("Бор".into());
    assert!(matches!(
        plan(&taken, &archive, day("2026-03-01")),
        Err(NewError::BadSlug(_))
    ));
    // A file that is not an article still takes its name.
    std::fs::create_dir_all(archive.articles_dir.join("2026")).unwrap();
    std::fs::write(
        archive.articles_dir.join("2026/broken.md"),
        "not an article",
    )
    .unwrap();
    taken.slug = Some("broken".into());
    assert!(matches!(
        plan(&taken, &archive, day("2026-03-01")),
        Err(NewError::FileExists(p)) if p == Path::new("content/articles/2026/broken.md")
    ));
    // A title with no Latin transliteration needs a slug.
    let mut chinese = request();
    chinese.title = Some("中文".into());
    assert!(matches!(
        plan(&chinese, &archive, day("2026-03-01")),
        Err(NewError::NoSlug)
    ));
}

#[test]
fn joins_only_an_existing_story() {
    let (_dir, archive) = archive();
    let mut joining = request();
    joining.story = Some("2025-08-27-bor".into());
    let plan = plan(&joining, &archive, day("2025-08-27")).unwrap();
    assert_eq!(plan.draft.story, "2025-08-27-bor");
    assert!(plan.notes.is_empty());
    joining.story = Some("2025-08-27-bro".into());
    let error = super::plan(&joining, &archive, day("2025-08-27")).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("(did you mean \"2025-08-27-bor\"?)"),
        "{error}"
    );
    // A kk version joining a story with a kk version is allowed, and noted.
    joining.story = Some("2025-08-27-bor".into());
    joining.lang = Some("kk".into());
    let plan = super::plan(&joining, &archive, day("2025-08-27")).unwrap();
    assert_eq!(plan.notes.len(), 1, "{:?}", plan.notes);
}

#[test]
fn writes_once_and_never_over_a_file() {
    let (_dir, archive) = archive();
    let plan = plan(&request(), &archive, day("2026-03-01")).unwrap();
    write(&plan).unwrap();
    let written = std::fs::read_to_string(&plan.path).unwrap();
    assert_eq!(written, plan.draft.to_file());
    assert!(matches!(write(&plan), Err(NewError::FileExists(_))));
    assert_eq!(std::fs::read_to_string(&plan.path).unwrap(), written);
    // No temporary file is left beside it.
    let names: Vec<_> = std::fs::read_dir(plan.path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn asks_for_what_is_missing_and_again_after_a_wrong_answer() {
    let (_dir, archive) = archive();
    let mut request = Request {
        date: Some(day("2026-03-01")),
        ..Request::default()
    };
    // An empty title, then a title; a wrong language, then one; a wrong country, then two;
    // no topics; an outlet.
    let input = "\nҚазақстан мен Тәжікстан\nkz\nkk\ntajikstan\nkazakhstan, tajikistan\n\nBAQ.KZ\n";
    let mut output = Vec::new();
    ask_missing(
        &mut request,
        &archive,
        day("2026-03-01"),
        Cursor::new(input),
        &mut output,
    )
    .unwrap();
    let shown = String::from_utf8(output).unwrap();
    assert_eq!(request.title.as_deref(), Some("Қазақстан мен Тәжікстан"));
    assert_eq!(request.lang.as_deref(), Some("kk"));
    assert_eq!(
        request.countries,
        Some(vec!["kazakhstan".to_string(), "tajikistan".to_string()])
    );
    assert_eq!(request.topics, Some(vec![]));
    assert_eq!(request.outlet.as_deref(), Some("BAQ.KZ"));
    assert_eq!(request.slug, None, "the title's slug is free");
    assert!(shown.contains("the title is empty; try again"), "{shown}");
    assert!(
        shown.contains("kk Қазақша, tg Тоҷикӣ, uz Ўзбекча"),
        "{shown}"
    );
    assert!(shown.contains("unknown language \"kz\""), "{shown}");
    assert!(
        shown.contains("kazakhstan  Қазақстан / Қазоқистон"),
        "{shown}"
    );
    assert!(
        shown.contains("water  Су ресурстары / Захираҳои об"),
        "{shown}"
    );
    assert!(shown.contains("(did you mean \"tajikistan\"?)"), "{shown}");
    let plan = plan(&request, &archive, day("2026-03-01")).unwrap();
    assert_eq!(plan.draft.slug, "qazaqstan-men-tazhikstan");
}

#[test]
fn asks_only_for_what_flags_did_not_give_and_for_a_free_slug() {
    let (_dir, archive) = archive();
    let mut request = Request {
        title: Some("Бор".into()),
        lang: Some("kk".into()),
        countries: Some(vec![]),
        topics: Some(vec!["trade".into()]),
        ..Request::default()
    };
    let mut output = Vec::new();
    ask_missing(
        &mut request,
        &archive,
        day("2026-03-01"),
        Cursor::new("Kazinform\nbor\nbor-2\n"),
        &mut output,
    )
    .unwrap();
    let shown = String::from_utf8(output).unwrap();
    assert_eq!(request.outlet.as_deref(), Some("Kazinform"));
    assert_eq!(request.slug.as_deref(), Some("bor-2"));
    assert!(!shown.contains("title:"), "{shown}");
    assert!(!shown.contains("countries:"), "{shown}");
    assert!(
        shown.contains("already used by content/articles/2025/bor.md"),
        "{shown}"
    );
    // Input that ends early cancels.
    let mut request = Request::default();
    let error = ask_missing(
        &mut request,
        &archive,
        day("2026-03-01"),
        Cursor::new("Бор\n"),
        Vec::new(),
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "the input ended before the language was given"
    );
}

#[test]
fn today_is_a_date() {
    let today = Date::today();
    assert!(today.year >= 2025, "{today}");
}
