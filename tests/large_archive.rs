//! An archive past 5,000 articles: its texts are not held from load to render but read again
//! from their files when their pages are. Its pages, feeds and search index show every text
//! as smaller archives' do.

mod common;

use common::*;
use std::io::Read;

/// One more than the articles whose texts a build holds.
const ARTICLES: usize = 5_001;

#[test]
fn a_large_archive_shows_the_texts_it_read_again_from_their_files() {
    let fixture = Fixture::new();
    for n in 0..ARTICLES - 2 {
        let day = 1 + n % 28;
        let spec = ArticleSpec::new(&format!("Мақала {n}"), &format!("2023-05-{day:02}"), "kk");
        fixture.article(&format!("2023/a-{n}.md"), spec.text());
    }
    // The newest two, at the top of the home page and the feeds: one whose text links the
    // other, and that one, with a heading and a word to search for.
    fixture.article(
        "2024/linking.md",
        ArticleSpec::new("Сілтеме", "2024-02-02", "kk")
            .body("Мәтін [екінші мақалаға](linked.md) сілтейді.\n")
            .text(),
    );
    fixture.article(
        "2024/linked.md",
        ArticleSpec::new("Мақолаи дуюм", "2024-02-01", "tg")
            .body("Сарсухан.\n\n## Обанбор\n\nМатни Рогунгулбарг дар охир.\n")
            .text(),
    );
    fixture.build_ok();

    for ui in UI {
        let linked = fixture.text(&format!("{ui}/articles/linked/index.html"));
        assert!(
            linked.contains("<h2") && linked.contains("Обанбор"),
            "{ui}: the heading of the text"
        );
        assert!(
            linked.contains("Рогунгулбарг"),
            "{ui}: the text's last paragraph"
        );
        let linking = fixture.text(&format!("{ui}/articles/linking/index.html"));
        assert!(
            linking.contains(&format!("href=\"/{ui}/articles/linked/\"")),
            "{ui}: the link to the other article's file, resolved:\n{linking}"
        );
        let feed = fixture.text(&format!("{ui}/feed.xml"));
        assert!(
            feed.contains("Рогунгулбарг"),
            "{ui}: the feed carries the whole text"
        );
    }
    let any = fixture.text("kk/articles/a-4000/index.html");
    assert!(
        any.contains("Мақала 4000: the first paragraph of the text."),
        "an article of the many has its text"
    );

    // The search index has every article, and the text of the one searched for.
    let fragments: Vec<_> = std::fs::read_dir(fixture.out.join("pagefind/fragment"))
        .expect("the index has fragments")
        .map(|e| e.expect("an entry").path())
        .collect();
    assert_eq!(fragments.len(), ARTICLES, "a fragment per article");
    let found = fragments.iter().any(|path| {
        let mut text = String::new();
        flate2::read::GzDecoder::new(std::fs::File::open(path).expect("a fragment"))
            .read_to_string(&mut text)
            .expect("a gzipped fragment");
        text.contains("Рогунгулбарг")
    });
    assert!(found, "a fragment holds the text read again");

    // What tells it was read again: once loaded, an article whose file is gone has no text.
    let (site, _, _) = dostyk::build::load_site(&dostyk::Project::new(&fixture.root), None)
        .expect("the archive loads");
    fixture.remove("content/articles/2024/linked.md");
    let linked = site
        .articles
        .iter()
        .find(|a| a.slug == "linked")
        .expect("loaded");
    let e = linked
        .body
        .read(&linked.path)
        .expect_err("the file is gone");
    assert!(
        e.to_string().contains("linked.md") && e.to_string().contains("cannot read again"),
        "{e}"
    );
}

#[test]
fn a_smaller_archive_holds_its_texts_from_load_to_render() {
    let fixture = Fixture::new();
    fixture.article(
        "2024/held.md",
        ArticleSpec::new("Мақала", "2024-02-02", "kk").text(),
    );
    let (site, _, _) = dostyk::build::load_site(&dostyk::Project::new(&fixture.root), None)
        .expect("the archive loads");
    fixture.remove("content/articles/2024/held.md");
    let held = &site.articles[0];
    let text = held.body.read(&held.path).expect("held in memory");
    assert!(text.contains("the first paragraph of the text"), "{text}");
}
