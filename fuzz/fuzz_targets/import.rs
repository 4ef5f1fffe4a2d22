//! The importer, end to end: whatever the raw text, it never panics, and an article it writes
//! loads back as the same article, with a body that shows the text and nothing else (no
//! markup the text's characters could make).

#![no_main]

use dostyk::date::Date;
use dostyk::import::page_url::PageUrl;
use dostyk::import::pipeline::{Options, import};
use dostyk::import::story::Known;
use dostyk::load::Article;
use dostyk_fuzz::{IMPORTED_TAGS, article_path, check_html, taxonomy, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte chooses what the editor gives on the command line; the rest is the text.
    let (flags, raw) = data.split_first().map_or((0, data), |(f, r)| (*f, r));
    let raw = text(raw);
    let options = Options {
        lang: (flags & 1 != 0).then(|| "tg".to_string()),
        date: if flags & 2 != 0 {
            Date::new(2025, 8, 27)
        } else {
            None
        },
        year: (flags & 4 != 0).then_some(2024),
        outlet: (flags & 8 != 0).then(|| "Fuzz News".to_string()),
        url: (flags & 16 != 0)
            .then(|| PageUrl::parse("https://tj.sputniknews.ru/20240822/fuzz.html"))
            .flatten(),
        subjects: vec!["kazakhstan".to_string(), "tajikistan".to_string()],
        off_topic: flags & 32 != 0,
    };
    // One article already in the archive, so that story links and duplicates are tried too.
    let known = [Known {
        slug: "tojikiston-va-qazoqiston",
        story: "2025-11-14-dushanbe-rustami-emomali",
        lang: "kk",
        date: Date::new(2025, 11, 14).expect("a date"),
        title: "Тоҷикистон ва Қазоқистон",
        text: "Тоҷикистон ва Қазоқистон\nДушанбе, 14 ноябр. Рустами Эмомалӣ ва Маулен Ашимбаев.",
    }];
    let outcome = import(&raw, &options, taxonomy(), &known);

    let language = &outcome.report.language;
    assert!((0.0..=1.0).contains(&language.confidence), "{language:?}");
    let Some(draft) = outcome.draft else {
        assert!(
            !outcome.problems.is_empty(),
            "no article and no reason: {raw:?}"
        );
        return;
    };
    assert!(outcome.problems.is_empty());
    assert!(dostyk::slug::is_valid(&draft.slug), "slug {:?}", draft.slug);
    assert!(
        dostyk::slug::is_valid(&draft.story),
        "story {:?}",
        draft.story
    );
    assert_eq!(
        draft.relative_path(),
        format!("articles/{}/{}.md", draft.date.year, draft.slug)
    );

    let file = draft.to_file();
    let path = article_path(draft.date.year, &draft.slug);
    let article = match Article::parse(&path, &file, taxonomy()) {
        Ok(parsed) => parsed.article,
        Err(problems) => {
            panic!("the imported file does not load: {problems:?}\n{file}\nfrom {raw:?}")
        }
    };
    assert_eq!(article.title, draft.title, "from {raw:?}");
    assert_eq!(article.date, draft.date);
    assert_eq!(article.lang.code, draft.lang);
    assert_eq!(article.countries, draft.countries);
    assert_eq!(article.topics, draft.topics);
    assert_eq!(article.story, draft.story);
    assert_eq!(article.source.outlet, draft.outlet, "from {raw:?}");
    assert_eq!(article.source.photo, draft.photo_credit, "from {raw:?}");

    let html = dostyk::render::markdown::render(&article.body);
    if let Err(why) = check_html(&html, IMPORTED_TAGS) {
        panic!(
            "{why}\nbody: {:?}\nhtml: {html}\nfrom {raw:?}",
            article.body
        );
    }
});
