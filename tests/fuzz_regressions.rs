//! Inputs the fuzz targets (`fuzz/`, run by `bench/fuzz.sh`) found to break a promise, kept
//! as tests, minimised, so that the bugs stay fixed without running the fuzzer.

use dostyk::render::markdown::{self, NoArticleLinks};

/// pulldown-cmark keeps a NUL, which the body's HTML uses as the marker of the UI tree: the
/// text showed `kk` or `tg` in its place, and the page was invalid HTML. `CommonMark` replaces
/// it with U+FFFD.
#[test]
fn a_nul_in_the_text_is_no_tree_marker() {
    let body = markdown::render_body("Тараптар\0 келісті.\n", &NoArticleLinks, "/");
    assert_eq!(body.in_tree("kk"), "<p>Тараптар\u{fffd} келісті.</p>\n");
    assert!(!markdown::render("\0").contains('\0'));
}

/// `Date::parse` read each part with `str::parse`, which takes a leading `+`: an article
/// dated `"+018-07-12"` loaded as the year 18, `"2025-+8-+1"` as 1 August. Only the
/// canonical `YYYY-MM-DD` is a date.
#[test]
fn a_date_is_written_in_digits_only() {
    use dostyk::date::Date;
    assert_eq!(Date::parse("+018-07-12"), None);
    assert_eq!(Date::parse("2025-+8-+1"), None);
    assert_eq!(
        Date::parse("2018-07-12").map(|d| d.to_string()).as_deref(),
        Some("2018-07-12")
    );
}

/// A list item of an agency text that opens like a list itself (`• 1. …`, `- - …`) was
/// written as `- 1. …`, which Markdown reads as a list inside the item: numbered texts came
/// out as nested `<ol>`s and a second dash was lost. The item's first character is now
/// escaped as a paragraph's is.
#[test]
fn imported_list_items_that_look_like_lists_stay_text() {
    use dostyk::import::body::to_markdown;
    let lines = |text: &str| text.lines().map(str::to_string).collect::<Vec<_>>();
    let html = markdown::render(&to_markdown(&lines(
        "Мақсаттар:\n• 1. сауданы арттыру;\n• 2. көлікті дамыту.",
    )));
    assert!(!html.contains("<ol"), "{html}");
    assert!(html.contains("<li>1. сауданы арттыру;</li>"), "{html}");
    let html = markdown::render(&to_markdown(&lines("- - бір;\n- - екі.")));
    assert_eq!(html, "<ul>\n<li>- бір;</li>\n<li>- екі.</li>\n</ul>\n");
}

/// A text without a headline whose lead opens with a word longer than a title (90
/// characters: a pasted address, scraping debris) got an empty title, and the importer wrote
/// a file that does not load (`title` is empty).
#[test]
fn a_lead_opening_with_a_long_word_still_makes_a_title() {
    use dostyk::import::{headline, pipeline};
    let lead = format!(
        "{} Тоҷикистон ва Қазоқистон ҳамкориро дар соҳаи савдо густариш медиҳанд. Дигар ҷумла.",
        "ҳ".repeat(120)
    );
    let title = headline::from_lead(&lead);
    assert!(!title.trim().is_empty(), "{title:?}");

    let options = pipeline::Options {
        lang: Some("tg".into()),
        date: dostyk::date::Date::new(2025, 8, 27),
        year: None,
        outlet: Some("Test".into()),
        ..pipeline::Options::default()
    };
    let taxonomy = dostyk::load::taxonomy::Taxonomy::default();
    let outcome = pipeline::import(&lead, &options, &taxonomy, &[]);
    let draft = outcome.draft.expect("imported");
    let path = std::path::PathBuf::from(format!("content/articles/2025/{}.md", draft.slug));
    let loaded = dostyk::load::Article::parse(&path, &draft.to_file(), &taxonomy);
    assert!(loaded.is_ok(), "{:?}", loaded.err());
}
