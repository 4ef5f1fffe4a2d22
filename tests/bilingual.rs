//! The bilingual rules: `<html lang>` per tree, article text in its own language, a language
//! switch to the same page in the other tree, hreflang alternates, canonical URLs, dates
//! written the way each UI language writes them.

mod common;

use common::*;

/// The tree a page belongs to: `kk`, `tg`, or `None` for the landing page and 404.
fn tree_of(rel: &str) -> Option<&'static str> {
    UI.into_iter().find(|ui| rel.starts_with(&format!("{ui}/")))
}

/// The same page in the other tree: `kk/x/index.html` → `tg/x/`.
fn counterpart(rel: &str, to: &str) -> String {
    let (_, rest) = rel.split_once('/').unwrap();
    let rest = rest.strip_suffix("index.html").unwrap_or(rest);
    format!("{to}/{rest}")
}

#[test]
fn every_page_has_lang_title_description_and_viewport() {
    let site = build_news(SUB_BASE);
    let pages = site.html_files();
    // The news fixture: the landing page, 404 and 19 pages per tree.
    assert!(pages.len() >= 40, "{}", pages.len());
    for rel in &pages {
        let doc = site.html(rel);
        let lang = attr(&doc, "html", "lang", rel);
        assert_eq!(lang, tree_of(rel).unwrap_or("kk"), "{rel}: <html lang>");
        let title = text_of(one(&doc, "head title", rel));
        assert!(!title.is_empty(), "{rel}: empty <title>");
        let description = attr(&doc, "meta[name=description]", "content", rel);
        assert!(
            description.trim().chars().count() >= 10,
            "{rel}: description {description:?}"
        );
        let viewport = attr(&doc, "meta[name=viewport]", "content", rel);
        assert!(viewport.contains("width=device-width"), "{rel}: {viewport}");
        assert_eq!(doc.select(&sel("h1")).count(), 1, "{rel}: one h1 per page");
    }
}

#[test]
fn page_titles_are_in_the_ui_language() {
    let site = build_news(ROOT_BASE);
    let kk = text_of(one(&site.html("kk/countries/index.html"), "title", "kk"));
    let tg = text_of(one(&site.html("tg/countries/index.html"), "title", "tg"));
    assert!(kk.contains("Елдер") && kk.contains("Сынақ"), "{kk}");
    assert!(tg.contains("Кишварҳо") && tg.contains("Санҷиш"), "{tg}");
}

#[test]
fn article_text_is_marked_with_its_own_language() {
    let site = build_news(SUB_BASE);
    let articles = news_articles();
    let mut foreign = 0;
    for article in &articles {
        for ui in UI {
            let rel = format!("{ui}/articles/{}/index.html", article.slug);
            let doc = site.html(&rel);
            assert_eq!(attr(&doc, "html", "lang", &rel), ui);
            let body = one(&doc, ".article-body", &rel);
            assert_eq!(
                body.value().attr("lang"),
                Some(article.lang.as_str()),
                "{rel}: .article-body lang"
            );
            assert!(
                text_of(body).chars().count() > 200,
                "{rel}: the body is there"
            );
            let h1 = one(&doc, "h1", &rel);
            assert_eq!(
                effective_lang(h1).as_deref(),
                Some(article.lang.as_str()),
                "{rel}: h1 lang"
            );
            assert_eq!(text_of(h1), article.title, "{rel}: the h1 is the title");
            if article.lang != ui {
                foreign += 1;
            }
        }
    }
    // A Tajik article in the kk tree, a Kazakh one in the tg tree, the Uzbek one in both.
    assert!(foreign >= 6, "{foreign}");
}

#[test]
fn the_language_switch_lands_on_the_same_page_in_the_other_tree() {
    let site = build_news(SUB_BASE);
    let mut checked = 0;
    for rel in site.html_files() {
        let Some(ui) = tree_of(&rel) else {
            continue;
        };
        let other = if ui == "kk" { "tg" } else { "kk" };
        let doc = site.html(&rel);
        let links: Vec<_> = doc.select(&sel(".lang-switch a")).collect();
        assert_eq!(links.len(), 1, "{rel}: one link to the other tree");
        let href = links[0].value().attr("href").unwrap();
        let expected = format!("/REPO/{}", counterpart(&rel, other));
        assert_eq!(href, expected, "{rel}: language switch");
        assert_eq!(links[0].value().attr("hreflang"), Some(other), "{rel}");
        assert_eq!(links[0].value().attr("lang"), Some(other), "{rel}");
        assert!(
            file_for_path("/REPO/", href).is_ok_and(|f| site.exists(&f)),
            "{rel}: {href} exists"
        );
        checked += 1;
    }
    assert!(checked >= 38, "{checked}");
}

/// The `hreflang` annotations of a page, in order.
fn hreflang_of(site: &Built, rel: &str) -> Vec<(String, String)> {
    site.html(rel)
        .select(&sel("link[rel=alternate][hreflang]"))
        .map(|l| {
            (
                l.value().attr("hreflang").unwrap().to_string(),
                l.value().attr("href").unwrap().to_string(),
            )
        })
        .collect()
}

/// An article's canonical URL: its own language's tree, or kk for a language with no tree.
fn article_url(article: &SourceArticle) -> String {
    let tree = if UI.contains(&article.lang.as_str()) {
        article.lang.as_str()
    } else {
        "kk"
    };
    format!("{SUB_BASE}{tree}/articles/{}/", article.slug)
}

#[test]
fn hreflang_alternates_list_both_trees_and_x_default() {
    let site = build_news(SUB_BASE);
    let mut checked = 0;
    for rel in site.html_files() {
        if rel == "404.html" || rel.contains("/articles/") {
            continue; // 404 is served for any URL; articles have their own test
        }
        let alternates = hreflang_of(&site, &rel);
        let langs: Vec<&str> = alternates.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(langs, ["kk", "tg", "x-default"], "{rel}");
        let url_of = |lang: &str| {
            alternates
                .iter()
                .find(|(l, _)| l == lang)
                .map(|(_, u)| u.clone())
                .unwrap()
        };
        if tree_of(&rel).is_some() {
            assert_eq!(
                url_of("kk"),
                format!("{SUB_BASE}{}", counterpart(&rel, "kk"))
            );
            assert_eq!(
                url_of("tg"),
                format!("{SUB_BASE}{}", counterpart(&rel, "tg"))
            );
            assert_eq!(url_of("x-default"), url_of("kk"), "{rel}: x-default");
        } else {
            assert_eq!(rel, "index.html");
            assert_eq!(url_of("kk"), format!("{SUB_BASE}kk/"));
            assert_eq!(url_of("tg"), format!("{SUB_BASE}tg/"));
            assert_eq!(url_of("x-default"), SUB_BASE);
        }
        for (lang, url) in &alternates {
            check_absolute(&site.out, SUB_BASE, url)
                .unwrap_or_else(|e| panic!("{rel}: hreflang {lang}: {e}"));
        }
        checked += 1;
    }
    // The landing page and the 13 pages per tree that are not articles.
    assert!(checked >= 27, "{checked}");
}

#[test]
fn article_hreflang_names_the_story_versions_at_their_canonical_urls() {
    let site = build_news(SUB_BASE);
    let mut with_versions = 0;
    for story in news_stories() {
        let expected: Vec<(String, String)> = if story.versions.len() > 1 {
            story
                .versions
                .iter()
                .map(|v| (v.lang.clone(), article_url(v)))
                .collect()
        } else {
            Vec::new()
        };
        for article in &story.versions {
            for ui in UI {
                let rel = format!("{ui}/articles/{}/index.html", article.slug);
                assert_eq!(hreflang_of(&site, &rel), expected, "{rel}");
            }
        }
        with_versions += usize::from(!expected.is_empty());
    }
    // The fixture has a story told in Kazakh and Tajik, and one in Kazakh and Uzbek.
    assert_eq!(with_versions, 2, "{with_versions}");
}

/// Lighthouse's and Google's rule: a page listed among its own hreflang alternates must be its
/// own canonical, or both signals are dropped.
#[test]
fn no_page_is_an_hreflang_alternate_of_a_different_canonical() {
    let site = build_news(SUB_BASE);
    for rel in site.html_files() {
        let doc = site.html(&rel);
        let own = format!(
            "{SUB_BASE}{}",
            rel.strip_suffix("index.html").unwrap_or(&rel)
        );
        let canonical = attr(&doc, "link[rel=canonical]", "href", &rel);
        let listed = hreflang_of(&site, &rel).iter().any(|(_, url)| *url == own);
        assert!(!listed || canonical == own, "{rel}: canonical {canonical}");
    }
}

#[test]
fn canonical_urls_point_at_the_article_language_tree() {
    let site = build_news(SUB_BASE);
    for article in news_articles() {
        let tree = if UI.contains(&article.lang.as_str()) {
            article.lang.as_str()
        } else {
            "kk"
        };
        let expected = format!("{SUB_BASE}{tree}/articles/{}/", article.slug);
        for ui in UI {
            let rel = format!("{ui}/articles/{}/index.html", article.slug);
            let doc = site.html(&rel);
            assert_eq!(
                attr(&doc, "link[rel=canonical]", "href", &rel),
                expected,
                "{rel} ({})",
                article.lang
            );
        }
    }
    // Other pages are their own canonical.
    for rel in ["kk/topics/index.html", "tg/timeline/2025/index.html"] {
        let doc = site.html(rel);
        let path = rel.strip_suffix("index.html").unwrap();
        assert_eq!(
            attr(&doc, "link[rel=canonical]", "href", rel),
            format!("{SUB_BASE}{path}")
        );
    }
    let landing = site.html("index.html");
    assert_eq!(
        attr(&landing, "link[rel=canonical]", "href", "index.html"),
        SUB_BASE
    );
}

#[test]
fn dates_are_written_the_way_each_ui_language_writes_them() {
    let site = build_news(ROOT_BASE);
    let august: Vec<SourceArticle> = news_articles()
        .into_iter()
        .filter(|a| a.date == "2025-08-27")
        .collect();
    assert_eq!(august.len(), 2, "the two versions of 27 August 2025");
    // Kazakh: year, «жылғы», day, the month in the nominative; Tajik: day, the month with
    // the izofat, «соли», year.
    for (ui, written) in [
        ("kk", "2025 жылғы 27 тамыз"),
        ("tg", "27 августи соли 2025"),
    ] {
        for article in &august {
            let rel = format!("{ui}/articles/{}/index.html", article.slug);
            let doc = site.html(&rel);
            let time = one(&doc, "time[datetime]", &rel);
            assert_eq!(time.value().attr("datetime"), Some("2025-08-27"), "{rel}");
            assert_eq!(text_of(time), written, "{rel}");
        }
        for rel in [
            format!("{ui}/index.html"),
            format!("{ui}/timeline/index.html"),
            format!("{ui}/timeline/2025/index.html"),
            format!("{ui}/countries/tajikistan/index.html"),
        ] {
            let doc = site.html(&rel);
            let time = doc
                .select(&sel("time[datetime=\"2025-08-27\"]"))
                .next()
                .unwrap_or_else(|| panic!("{rel}: no time for 2025-08-27"));
            assert_eq!(text_of(time), written, "{rel}");
        }
    }
    // The landing page's columns each write dates in their own language.
    let landing = site.html("index.html");
    for (ui, written) in [
        ("kk", "2025 жылғы 27 тамыз"),
        ("tg", "27 августи соли 2025"),
    ] {
        let column = one(&landing, &format!("section[lang=\"{ui}\"]"), "index.html");
        let time = column
            .select(&sel("time[datetime=\"2025-08-27\"]"))
            .next()
            .unwrap_or_else(|| panic!("index.html: no {ui} time for 2025-08-27"));
        assert_eq!(text_of(time), written, "index.html, the {ui} column");
    }
    // Every <time> is machine-readable, and its text is the full date of its tree's language.
    for rel in site.html_files() {
        let doc = site.html(&rel);
        for time in doc.select(&sel("time")) {
            let datetime = time.value().attr("datetime").expect("datetime");
            assert_eq!(datetime.len(), 10, "{rel}: {datetime}");
            let (year, day) = (&datetime[..4], datetime[8..].trim_start_matches('0'));
            let text = text_of(time);
            let ui = effective_lang(time).expect("every page has a lang");
            let ok = match ui.as_str() {
                "kk" => text.starts_with(&format!("{year} жылғы {day} ")),
                "tg" => {
                    text.starts_with(&format!("{day} "))
                        && text.ends_with(&format!("и соли {year}"))
                }
                other => panic!("{rel}: a date in {other}"),
            };
            assert!(ok, "{rel}: {datetime} written {text:?} in {ui}");
        }
    }
    // Atom feeds carry machine dates only.
    let feed = site.text("tg/feed.xml");
    assert!(feed.contains("<published>2025-08-27T00:00:00Z</published>"));
    assert!(!feed.contains("соли"), "no human date in a feed");
}

#[test]
fn lists_mark_each_title_with_its_language() {
    let site = build_news(ROOT_BASE);
    let articles = news_articles();
    for ui in UI {
        let rel = format!("{ui}/index.html");
        for listed in listed_stories(&site.html(&rel), &rel) {
            let article = articles.iter().find(|a| a.slug == listed.slug).unwrap();
            assert_eq!(listed.lang.as_deref(), Some(article.lang.as_str()), "{rel}");
        }
    }
}

/// A dateline's place shows on the article page in the reader's language when the taxonomy
/// knows it, and as the article writes it otherwise.
#[test]
fn the_place_of_the_news_is_named_in_the_ui_language() {
    let fixture = Fixture::new();
    fixture.write(
        "content/taxonomy.toml",
        format!(
            "{TAXONOMY_TOML}\n[[places]]\nid = \"astana\"\nlabel = {{ kk = \"Астана\", tg = \"Остона\" }}\nwords = {{ uz = [\"astana\"], ru = [\"астана\"] }}\ncountry = \"kazakhstan\"\n"
        ),
    );
    let with_place = |place: &str| {
        ArticleSpec::new("Астанада кездесу өтті", "2025-08-27", "uz")
            .text()
            .replacen(
                "lang = \"uz\"\n",
                &format!("lang = \"uz\"\nplace = \"{place}\"\n"),
                1,
            )
    };
    fixture.article("2025/astanada-kezdesu.md", with_place("ASTANА"));
    fixture.article(
        "2025/baska-kezdesu.md",
        with_place("Ғарм").replace("Астанада кездесу өтті", "Ғармда кездесу өтті"),
    );
    fixture.build_ok();
    for (ui, astana) in [("kk", "Астана"), ("tg", "Остона")] {
        let doc = fixture.html(&format!("{ui}/articles/astanada-kezdesu/index.html"));
        let place = text_of(one(&doc, ".article-meta .place", ui));
        assert!(place.ends_with(astana), "{ui}: {place:?}");
        assert_eq!(
            one(&doc, ".article-meta .place", ui)
                .select(&sel("[lang]"))
                .count(),
            0
        );
        let doc = fixture.html(&format!("{ui}/articles/baska-kezdesu/index.html"));
        let place = text_of(one(&doc, ".article-meta .place", ui));
        assert!(place.ends_with("Ғарм"), "{ui}: {place:?}");
        // Shown as the article writes it, so in the article's language.
        assert_eq!(attr(&doc, ".article-meta .place [lang]", "lang", ui), "uz");
    }
}

/// Two reports of one story in one language (two outlets' versions) are told apart by outlet
/// where the page links the story's other versions.
#[test]
fn versions_in_one_language_are_named_by_their_outlets() {
    let fixture = Fixture::new();
    let version = |title: &str, lang: &str, outlet: &str| {
        let mut spec = ArticleSpec::new(title, "2025-08-27", lang).story("2025-08-27-one-event");
        spec.outlet = outlet.to_string();
        spec.text()
    };
    fixture.article(
        "2025/kk-version.md",
        version("Кездесу өтті", "kk", "BAQ.KZ"),
    );
    fixture.article(
        "2025/ru-one.md",
        version("Встреча состоялась", "ru", "Kazinform"),
    );
    fixture.article(
        "2025/ru-two.md",
        version("Прошла встреча", "ru", "Zakon.kz"),
    );
    fixture.build_ok();
    let doc = fixture.html("kk/articles/kk-version/index.html");
    let links: Vec<String> = doc.select(&sel(".also-in a")).map(text_of).collect();
    assert_eq!(links.len(), 2, "{links:?}");
    assert!(links.iter().any(|l| l.contains("(Kazinform)")), "{links:?}");
    assert!(links.iter().any(|l| l.contains("(Zakon.kz)")), "{links:?}");
}
