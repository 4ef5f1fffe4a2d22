//! A small news archive (tests/common's news fixture), built into a temporary folder and read
//! back: the page set of both UI trees and what the list pages list.

mod common;

use common::*;
use std::collections::BTreeSet;

/// The files the design promises for the fixture's content, derived from its front matter.
fn expected_tree_files(stories: &[SourceStory]) -> BTreeSet<String> {
    let (countries, topics) = news_taxonomy();
    let years: BTreeSet<String> = stories.iter().map(|s| s.date()[..4].to_string()).collect();
    let mut files = BTreeSet::new();
    for ui in UI {
        for page in [
            "index.html",
            "countries/index.html",
            "topics/index.html",
            "timeline/index.html",
            "search/index.html",
            "feed.xml",
        ] {
            files.insert(format!("{ui}/{page}"));
        }
        for story in stories {
            for version in &story.versions {
                files.insert(format!("{ui}/articles/{}/index.html", version.slug));
            }
        }
        for (kind, ids) in [("countries", &countries), ("topics", &topics)] {
            for id in ids {
                if stories.iter().any(|s| s.has(kind, id)) {
                    files.insert(format!("{ui}/{kind}/{id}/index.html"));
                    files.insert(format!("{ui}/{kind}/{id}/feed.xml"));
                }
            }
        }
        for year in &years {
            files.insert(format!("{ui}/timeline/{year}/index.html"));
        }
    }
    files
}

#[test]
fn both_trees_have_exactly_the_expected_pages() {
    let site = build_news(SUB_BASE);
    let stories = news_stories();
    let expected = expected_tree_files(&stories);
    let actual: BTreeSet<String> = site
        .files()
        .into_iter()
        .filter(|f| f.starts_with("kk/") || f.starts_with("tg/"))
        .collect();
    let missing: Vec<_> = expected.difference(&actual).collect();
    let extra: Vec<_> = actual.difference(&expected).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing: {missing:#?}\nunexpected: {extra:#?}"
    );
    for root_file in [
        "index.html",
        "404.html",
        ".nojekyll",
        "robots.txt",
        "sitemap.xml",
        "style.css",
        "syntax.css",
    ] {
        assert!(site.exists(root_file), "{root_file} is missing");
    }
    assert_eq!(
        std::fs::read(site.out.join(".nojekyll")).unwrap().len(),
        0,
        ".nojekyll is empty"
    );
    // The fixture's articles: six, three in 2025 (two of them one story) and three in 2024
    // (two of them one story); every article counted, and the two versions of one event
    // counted as one story.
    let articles = news_articles().len();
    assert_eq!(site.report.articles, articles);
    assert_eq!(site.report.stories, stories.len());
    assert_eq!(stories.len(), articles - 2, "two stories have two versions");
    assert!(site.exists("kk/timeline/2024/index.html"));
    assert!(site.exists("tg/timeline/2025/index.html"));
    assert!(!site.exists("kk/timeline/2023/index.html"));
}

#[test]
fn terms_without_articles_get_no_page() {
    let site = build_news(ROOT_BASE);
    let stories = news_stories();
    let (countries, topics) = news_taxonomy();
    let mut absent = 0;
    for (kind, ids) in [("countries", &countries), ("topics", &topics)] {
        for id in ids {
            let used = stories.iter().any(|s| s.has(kind, id));
            for ui in UI {
                let rel = format!("{ui}/{kind}/{id}/index.html");
                assert_eq!(site.exists(&rel), used, "{rel}");
                if !used {
                    assert!(!site.out.join(format!("{ui}/{kind}/{id}")).exists());
                    absent += 1;
                }
            }
        }
    }
    // China and energy are defined but no article is about them.
    assert!(absent >= 4, "the taxonomy has unused terms: {absent}");
    assert!(!site.exists("kk/countries/china/index.html"));
}

#[test]
fn term_indexes_link_every_term_with_stories_and_no_other() {
    let site = build_news(SUB_BASE);
    let stories = news_stories();
    let (countries, topics) = news_taxonomy();
    for ui in UI {
        for (kind, ids) in [("countries", &countries), ("topics", &topics)] {
            let rel = format!("{ui}/{kind}/index.html");
            let doc = site.html(&rel);
            let prefix = format!("/REPO/{ui}/{kind}/");
            let linked: BTreeSet<String> = doc
                .select(&sel("main a[href]"))
                .filter_map(|a| a.value().attr("href"))
                .filter_map(|h| h.strip_prefix(&prefix))
                .filter(|rest| !rest.is_empty())
                .map(|rest| rest.trim_end_matches('/').to_string())
                .collect();
            let expected: BTreeSet<String> = ids
                .iter()
                .filter(|id| stories.iter().any(|s| s.has(kind, id)))
                .cloned()
                .collect();
            assert_eq!(linked, expected, "{rel}");
        }
    }
}

#[test]
fn term_pages_list_exactly_the_stories_filed_under_them() {
    let site = build_news(SUB_BASE);
    let stories = news_stories();
    let (countries, topics) = news_taxonomy();
    let mut checked = 0;
    for ui in UI {
        for (kind, ids) in [("countries", &countries), ("topics", &topics)] {
            for id in ids {
                let expected: Vec<&SourceStory> =
                    stories.iter().filter(|s| s.has(kind, id)).collect();
                if expected.is_empty() {
                    continue;
                }
                let rel = format!("{ui}/{kind}/{id}/index.html");
                assert_lists_stories(&site.html(&rel), ui, &expected, &rel);
                checked += 1;
            }
        }
    }
    assert!(checked >= 2 * 6, "{checked} term pages checked");
}

#[test]
fn a_topic_of_only_one_version_lists_the_whole_story() {
    // A story is filed under a term when any of its versions is; build a fixture where only
    // the Uzbek version names "water" and check both trees list the story there, once.
    let fixture = Fixture::new();
    fixture.article(
        "2025/kk-version.md",
        ArticleSpec::new("Қазақша нұсқа", "2025-08-27", "kk")
            .topics(&["trade"])
            .story("one-event")
            .text(),
    );
    fixture.article(
        "2025/uz-version.md",
        ArticleSpec::new("Ўзбекча вариант", "2025-08-27", "uz")
            .topics(&["trade", "water"])
            .countries(&["uzbekistan"])
            .story("one-event")
            .text(),
    );
    fixture.build_ok();
    for ui in UI {
        for rel in [
            format!("{ui}/topics/water/index.html"),
            format!("{ui}/countries/uzbekistan/index.html"),
            format!("{ui}/topics/trade/index.html"),
            format!("{ui}/index.html"),
        ] {
            let listed = listed_stories(&fixture.html(&rel), &rel);
            assert_eq!(listed.len(), 1, "{rel}: {listed:?}");
            assert_eq!(listed[0].slug, "kk-version", "{rel}");
            assert_eq!(listed[0].also_in, ["uz-version"], "{rel}");
        }
    }
    assert!(!fixture.exists("kk/topics/diplomacy/index.html"));
}

#[test]
fn every_tree_lists_every_story_once_on_its_home() {
    let site = build_news(SUB_BASE);
    let stories = news_stories();
    let all: Vec<&SourceStory> = stories.iter().collect();
    let articles = news_articles();
    for ui in UI {
        let rel = format!("{ui}/index.html");
        let doc = site.html(&rel);
        assert_lists_stories(&doc, ui, &all, &rel);
        // Every article is reachable from the home: as the shown version or an "also in" link.
        let listed = listed_stories(&doc, &rel);
        let reachable: BTreeSet<String> = listed
            .iter()
            .flat_map(|l| std::iter::once(l.slug.clone()).chain(l.also_in.iter().cloned()))
            .collect();
        let every: BTreeSet<String> = articles.iter().map(|a| a.slug.clone()).collect();
        assert_eq!(reachable, every, "{rel}");
        assert_eq!(listed.len(), stories.len(), "{rel}: one entry per story");
        assert!(
            listed.len() < articles.len(),
            "{rel}: fewer stories than articles"
        );
    }
}

#[test]
fn the_two_version_story_shows_the_kazakh_version_in_both_trees() {
    let site = build_news(SUB_BASE);
    let stories = news_stories();
    let shared = stories
        .iter()
        .find(|s| s.versions.len() > 1 && s.versions.iter().any(|v| v.lang == "uz"))
        .expect("a Kazakh and an Uzbek text share a story");
    let langs: Vec<&str> = shared.versions.iter().map(|v| v.lang.as_str()).collect();
    assert_eq!(langs, ["kk", "uz"]);
    let kk = &shared.versions[0];
    let uz = &shared.versions[1];
    let year = &shared.date()[..4];
    for ui in UI {
        for rel in [
            format!("{ui}/index.html"),
            format!("{ui}/countries/uzbekistan/index.html"),
            format!("{ui}/topics/water/index.html"),
            format!("{ui}/timeline/index.html"),
            format!("{ui}/timeline/{year}/index.html"),
        ] {
            let listed = listed_stories(&site.html(&rel), &rel);
            let entries: Vec<_> = listed
                .iter()
                .filter(|l| l.slug == kk.slug || l.slug == uz.slug)
                .collect();
            assert_eq!(entries.len(), 1, "{rel}: the story is listed once");
            assert_eq!(entries[0].slug, kk.slug, "{rel}: the Kazakh version");
            assert_eq!(entries[0].lang.as_deref(), Some("kk"), "{rel}");
            assert_eq!(entries[0].also_in, vec![uz.slug.clone()], "{rel}");
            // Dated by the day the story broke (the Uzbek text is a day earlier).
            assert_eq!(
                entries[0].datetime.as_deref(),
                Some(shared.date().as_str()),
                "{rel}"
            );
        }
        // Both article pages link each other as "also in".
        for (this, other) in [(kk, uz), (uz, kk)] {
            let rel = format!("{ui}/articles/{}/index.html", this.slug);
            let doc = site.html(&rel);
            let also: Vec<String> = doc
                .select(&sel(".also-in a"))
                .map(|a| slug_of(a.value().attr("href").unwrap()))
                .collect();
            assert_eq!(also, vec![other.slug.clone()], "{rel}");
            let link = one(&doc, ".also-in a", &rel);
            assert_eq!(link.value().attr("hreflang"), Some(other.lang.as_str()));
            assert_eq!(
                link.value().attr("href").unwrap(),
                format!("/REPO/{ui}/articles/{}/", other.slug)
            );
        }
    }
}

#[test]
fn the_landing_page_offers_both_trees_and_the_latest_stories() {
    let site = build_news(SUB_BASE);
    let doc = site.html("index.html");
    let hrefs: BTreeSet<&str> = doc
        .select(&sel("main a[href]"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert!(hrefs.contains("/REPO/kk/"), "{hrefs:?}");
    assert!(hrefs.contains("/REPO/tg/"), "{hrefs:?}");
    let listed = listed_stories(&doc, "index.html");
    // `landing_stories = 6` per language: the newest, in each of the two columns.
    let stories = news_stories();
    let per_column = stories.len().min(6);
    assert_eq!(listed.len(), 2 * per_column, "{listed:?}");
    for (i, ui) in UI.iter().enumerate() {
        let column: Vec<String> = listed[i * per_column..(i + 1) * per_column]
            .iter()
            .map(|l| l.slug.clone())
            .collect();
        let newest_first: Vec<String> = stories
            .iter()
            .take(per_column)
            .map(|s| s.shown(ui).slug.clone())
            .collect();
        assert_eq!(column, newest_first, "the {ui} column");
        assert!(
            listed[i * per_column..(i + 1) * per_column]
                .iter()
                .all(|l| l.href.starts_with(&format!("/REPO/{ui}/articles/"))),
            "the {ui} column links into the {ui} tree"
        );
    }
}

/// The lead paragraph of each language's column of the landing page.
fn landing_leads(out: &impl ReadBack) -> Vec<(String, String)> {
    let doc = out.html("index.html");
    UI.iter()
        .map(|ui| {
            let column = one(&doc, &format!("section.landing-column[lang=\"{ui}\"]"), ui);
            let lead = column.select(&sel(".lead")).next().expect("a lead");
            ((*ui).to_string(), text_of(lead))
        })
        .collect()
}

#[test]
fn the_landing_page_names_the_languages_of_the_texts_and_of_the_interface() {
    // The news archive's articles are in Kazakh, Tajik and Uzbek; the interface in two.
    let site = build_news(SUB_BASE);
    let leads = landing_leads(&site);
    assert_eq!(
        leads,
        vec![
            (
                "kk".to_string(),
                "Қазақстан мен Тәжікстан қарым-қатынасы туралы жаңалықтар мұрағаты. \
                 Мақалалар қазақ, тәжік және өзбек тілдерінде жазылған. \
                 Сайт қазақ және тәжік тілдерінде жұмыс істейді."
                    .to_string()
            ),
            (
                "tg".to_string(),
                "Бойгонии хабарҳо дар бораи муносибатҳои Тоҷикистону Қазоқистон. \
                 Мақолаҳо бо забонҳои қазоқӣ, тоҷикӣ ва ӯзбекӣ навишта шудаанд. \
                 Сомона бо забонҳои қазоқӣ ва тоҷикӣ кор мекунад."
                    .to_string()
            ),
        ]
    );
}

/// A Kazakh text and a Russian one, imported beside it: `2025/kk.md` and `2025/ru.md`.
fn kazakh_and_russian(fixture: &Fixture) {
    fixture.article(
        "2025/kk.md",
        ArticleSpec::new("Келіссөздер", "2025-08-27", "kk").text(),
    );
    fixture.article(
        "2025/ru.md",
        ArticleSpec::new("Переговоры", "2025-08-26", "ru").text(),
    );
}

#[test]
fn the_landing_page_lists_the_text_languages_the_articles_have() {
    // A Russian text imported beside a Kazakh one: Russian is named, Tajik and Uzbek are not.
    let fixture = Fixture::new();
    kazakh_and_russian(&fixture);
    fixture.build_ok();
    let leads = landing_leads(&fixture);
    assert!(
        leads[0]
            .1
            .contains("Мақалалар қазақ және орыс тілдерінде жазылған."),
        "{leads:?}"
    );
    assert!(
        leads[1]
            .1
            .contains("Мақолаҳо бо забонҳои қазоқӣ ва русӣ навишта шудаанд."),
        "{leads:?}"
    );
    // One language is named in the singular.
    fixture.remove("content/articles/2025/ru.md");
    fixture.build_ok();
    let leads = landing_leads(&fixture);
    assert!(
        leads[0].1.contains("Мақалалар қазақ тілінде жазылған."),
        "{leads:?}"
    );
    assert!(
        leads[1]
            .1
            .contains("Мақолаҳо бо забони қазоқӣ навишта шудаанд."),
        "{leads:?}"
    );
    // An archive with no articles yet says nothing of their languages.
    fixture.remove("content/articles/2025/kk.md");
    fixture.build_ok();
    let leads = landing_leads(&fixture);
    assert!(!leads[0].1.contains("Мақалалар"), "{leads:?}");
    assert!(
        leads[0]
            .1
            .ends_with("Сайт қазақ және тәжік тілдерінде жұмыс істейді.")
    );
}

#[test]
fn the_site_description_and_the_search_intro_name_the_languages_of_the_texts() {
    let config = SITE_TOML
        .replace("\"Сынақ сайты\"", "\"Сынақ сайты: {text_languages}.\"")
        .replace(
            "\"Сомонаи санҷишӣ\"",
            "\"Сомонаи санҷишӣ: {text_languages}.\"",
        );
    let fixture = Fixture::with_config(&config);
    kazakh_and_russian(&fixture);
    let descriptions = |fixture: &Fixture| -> Vec<String> {
        [
            "kk/index.html",
            "tg/index.html",
            "kk/search/index.html",
            "tg/search/index.html",
        ]
        .iter()
        .map(|page| {
            let doc = fixture.html(page);
            attr(&doc, "meta[name=description]", "content", page).to_string()
        })
        .collect()
    };
    fixture.build_ok();
    assert_eq!(
        descriptions(&fixture),
        [
            "Сынақ сайты: қазақ және орыс тілдеріндегі мақалалар.",
            "Сомонаи санҷишӣ: мақолаҳо бо забонҳои қазоқӣ ва русӣ.",
            "Қазақ және орыс тілдеріндегі мақалалардан іздеу. \
             Сөздің басы да жеткілікті: «ынтымақ» сөзі «ынтымақтастық» сөзін де табады.",
            "Ҷустуҷӯ дар мақолаҳо бо забонҳои қазоқӣ ва русӣ. \
             Аввали калима ҳам кифоя аст: «ҳамкор» калимаи «ҳамкорӣ»-ро низ меёбад.",
        ]
    );
    // The footer of every page carries the description too.
    let footer = text_of(one(&fixture.html("kk/index.html"), ".site-footer", "kk"));
    assert!(footer.contains("қазақ және орыс тілдеріндегі"), "{footer}");
    // One language left: the singular forms.
    fixture.remove("content/articles/2025/ru.md");
    fixture.build_ok();
    let now = descriptions(&fixture);
    assert_eq!(now[0], "Сынақ сайты: қазақ тіліндегі мақалалар.");
    assert_eq!(now[1], "Сомонаи санҷишӣ: мақолаҳо бо забони қазоқӣ.");
    assert!(
        now[2].starts_with("Қазақ тіліндегі мақалалардан іздеу. "),
        "{}",
        now[2]
    );
    assert!(
        now[3].starts_with("Ҷустуҷӯ дар мақолаҳо бо забони қазоқӣ. "),
        "{}",
        now[3]
    );
}

#[test]
fn the_404_page_links_both_homes_with_absolute_paths() {
    let site = build_news(SUB_BASE);
    let doc = site.html("404.html");
    let hrefs: Vec<&str> = doc
        .select(&sel("a[href]"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert!(hrefs.contains(&"/REPO/kk/") && hrefs.contains(&"/REPO/tg/"));
    // Served for any missing path, so no link may be relative to where it is served.
    for href in hrefs {
        assert!(
            href.starts_with("/REPO/") || href.starts_with('#') || href.contains("://"),
            "404.html: {href} depends on where the page is served"
        );
    }
}

#[test]
fn the_404_page_speaks_both_ui_languages() {
    // It is served for any missing path, so it cannot know which language the reader reads.
    let site = build_news(ROOT_BASE);
    let doc = site.html("404.html");
    let h1 = text_of(one(&doc, "h1", "404.html"));
    assert!(
        h1.contains("Бет табылмады") && h1.contains("Саҳифа ёфт нашуд"),
        "{h1}"
    );
    for (lang, home) in [("kk", "/kk/"), ("tg", "/tg/")] {
        let part = one(&doc, &format!("section[lang=\"{lang}\"]"), "404.html");
        let link = part.select(&sel("a")).next().expect("a link home");
        assert_eq!(link.value().attr("href"), Some(home));
        // Each part searches its own tree.
        let search = part
            .select(&sel("form[role=search]"))
            .next()
            .expect("a search box");
        assert_eq!(
            search.value().attr("action"),
            Some(&*format!("{home}search/"))
        );
    }
    // The header names the site in both languages and leads to the landing page; no menu of
    // one language stands above the other's text.
    let brand = one(&doc, "header .brand", "404.html");
    assert_eq!(brand.value().attr("href"), Some("/"));
    let names: Vec<(String, Option<String>)> = brand
        .select(&sel("span[lang]"))
        .map(|s| (text_of(s), s.value().attr("lang").map(String::from)))
        .collect();
    assert_eq!(
        names,
        [
            ("Сынақ".to_string(), Some("kk".to_string())),
            ("Санҷиш".to_string(), Some("tg".to_string()))
        ]
    );
    assert_eq!(
        doc.select(&sel("nav.main-nav")).count(),
        0,
        "a one-language menu"
    );
    let footer: Vec<String> = doc
        .select(&sel(".site-footer [lang]"))
        .map(|part| part.value().attr("lang").unwrap_or_default().to_string())
        .collect();
    assert_eq!(footer, ["kk", "tg"]);
    // The tab, the description and what a link preview shows say it in both languages too.
    let title = text_of(one(&doc, "title", "404.html"));
    assert_eq!(title, "Бет табылмады · Саҳифа ёфт нашуд");
    let both = "Сұралған бет жоқ немесе басқа мекенжайға көшірілген. \
                Саҳифаи дархостшуда вуҷуд надорад ё ба суроғаи дигар кӯчонида шудааст.";
    for css in [
        "meta[name=description]",
        "meta[property=\"og:description\"]",
    ] {
        assert_eq!(attr(&doc, css, "content", "404.html"), both, "{css}");
    }
    assert_eq!(
        attr(&doc, "meta[property=\"og:title\"]", "content", "404.html"),
        title
    );
}

#[test]
fn every_part_of_the_404_page_is_marked_with_its_language() {
    let site = build_news(ROOT_BASE);
    let doc = site.html("404.html");
    // The page is the default language's; each text of the other is marked as such.
    assert_eq!(attr(&doc, "html", "lang", "404.html"), "kk");
    let h1 = one(&doc, "h1", "404.html");
    let parts: Vec<(String, Option<String>)> = h1
        .select(&sel("span[lang]"))
        .map(|s| (text_of(s), effective_lang(s)))
        .collect();
    assert_eq!(
        parts,
        vec![
            ("Бет табылмады".to_string(), Some("kk".to_string())),
            ("Саҳифа ёфт нашуд".to_string(), Some("tg".to_string())),
        ]
    );
    // Every text in Tajik letters (ҳ ҷ ӣ ӯ қ ғ of Tajik, which Kazakh does not write) is inside an
    // element marked `tg`, and every text in Kazakh letters (ә і ң ө ұ ү) inside one marked `kk`.
    let root = doc.root_element();
    for node in root.descendants() {
        let Some(text) = node.value().as_text() else {
            continue;
        };
        let parent = node
            .parent()
            .and_then(scraper::ElementRef::wrap)
            .expect("a parent");
        if matches!(parent.value().name(), "script" | "style" | "title") {
            continue;
        }
        let lang = effective_lang(parent);
        if text.chars().any(|c| "ҳҷӣӯ".contains(c)) {
            assert_eq!(lang.as_deref(), Some("tg"), "404.html: {:?}", &**text);
        }
        if text.chars().any(|c| "әіңөұүһ".contains(c)) {
            assert_eq!(lang.as_deref(), Some("kk"), "404.html: {:?}", &**text);
        }
    }
    for element in root.descendants().filter_map(scraper::ElementRef::wrap) {
        for name in ["aria-label", "placeholder", "title", "alt"] {
            if let Some(value) = element.value().attr(name) {
                let lang = effective_lang(element);
                if value.chars().any(|c| "ҳҷӣӯ".contains(c)) {
                    assert_eq!(lang.as_deref(), Some("tg"), "404.html: {name}={value:?}");
                }
                if value.chars().any(|c| "әіңөұүһ".contains(c)) {
                    assert_eq!(lang.as_deref(), Some("kk"), "404.html: {name}={value:?}");
                }
            }
        }
    }
}

#[test]
fn the_report_counts_what_was_written() {
    let site = build_news(SUB_BASE);
    let files = snapshot(&site.out);
    assert_eq!(site.report.files, files.len());
    let bytes: u64 = files.values().map(|b| b.len() as u64).sum();
    assert_eq!(site.report.bytes, bytes);
    let html = files.keys().filter(|f| has_extension(f, "html")).count();
    let feeds = files.keys().filter(|f| f.ends_with("feed.xml")).count();
    assert_eq!(
        site.report.pages,
        html + feeds,
        "pages are the HTML pages and the feeds"
    );
}

#[test]
fn a_site_near_its_hosts_size_limit_gets_a_warning() {
    let site_toml = |limit: u64| {
        SITE_TOML.replace(
            "page_size = 20",
            &format!("page_size = 20\nsize_limit_mb = {limit}"),
        )
    };
    // One long article makes a site of several megabytes (its pages and every feed carry it).
    let body = "Ұзын мәтін, сөз артынан сөз. ".repeat(8_000);
    let build = |limit: Option<u64>| {
        let fixture = match limit {
            Some(limit) => Fixture::with_config(&site_toml(limit)),
            None => Fixture::new(),
        };
        fixture.article(
            "2025/a.md",
            ArticleSpec::new("Альфа", "2025-08-27", "kk")
                .body(&body)
                .text(),
        );
        fixture.build_ok()
    };
    let report = build(None);
    assert!(
        report.warnings.is_empty(),
        "1 GB is far: {:?}",
        report.warnings
    );
    let bytes = report.bytes;
    assert!(bytes > 3_000_000, "{bytes}");
    let warning = |limit_mb: u64| {
        build(Some(limit_mb))
            .warnings
            .iter()
            .map(ToString::to_string)
            .find(|w| w.contains("size_limit_mb"))
    };
    // Past 80% of the limit: a warning naming site.toml and the room left.
    let near = warning(bytes * 11 / 10 / 1_000_000).expect("a warning at 91%");
    assert!(
        near.contains("site.toml") && near.contains("more articles"),
        "{near}"
    );
    // Below 80%: none.
    assert_eq!(warning(bytes * 3 / 2 / 1_000_000), None);
}

/// dostyk's list templates read only the HTML of the cards a build keeps; a project's own may
/// read their fields, and its lists show them.
#[test]
fn a_project_list_template_reads_the_fields_of_its_cards() {
    let fixture = news_fixture();
    let ours = |name: &str| {
        dostyk::render::templates::built_in_text(name)
            .expect("a built-in template")
            .to_owned()
    };
    let field = |list: &str| {
        format!("{{% for story in {list} %}}<li data-date=\"{{{{ story.datetime }}}}\">")
    };
    let card = |list: &str| format!("{{% for story in {list} %}}<li>");
    let stories = ours("partials/stories.html").replacen(&card("stories"), &field("stories"), 1);
    let timeline =
        ours("timeline.html").replacen(&card("group.stories"), &field("group.stories"), 1);
    assert!(stories.contains("data-date") && timeline.contains("data-date"));
    fixture.write("templates/partials/stories.html", stories);
    fixture.write("templates/timeline.html", timeline);
    let site = build_fixture(fixture, SUB_BASE);
    let dates: BTreeSet<String> = news_articles()
        .iter()
        .map(|a| format!("data-date=\"{}\"", a.date))
        .collect();
    for page in ["kk/index.html", "tg/timeline/index.html"] {
        let html = site.text(page);
        let shown: BTreeSet<String> = dates
            .iter()
            .filter(|d| html.contains(*d))
            .cloned()
            .collect();
        assert!(
            !shown.is_empty(),
            "{page} shows its stories' dates:\n{html}"
        );
        assert_eq!(
            html.matches("data-date=\"").count(),
            html.matches("class=\"story-title\"").count(),
            "{page}: every card has its date"
        );
    }
}
