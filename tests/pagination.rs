//! Long lists paginate: `page/2/`, `page/3/`, with rel=prev/next links that resolve.

mod common;

use common::*;

/// Five stories, a page size of 2: three pages of home, timeline and the Kazakhstan page.
fn paged_site(base_url: Option<&str>) -> Fixture {
    let fixture = Fixture::with_config(&SITE_TOML.replace("page_size = 20", "page_size = 2"));
    let dates = [
        "2025-01-10",
        "2025-02-11",
        "2025-03-12",
        "2024-04-13",
        "2023-05-14",
    ];
    for (i, date) in dates.iter().enumerate() {
        let lang = if i % 2 == 0 { "kk" } else { "tg" };
        let topics: &[&str] = if i < 3 { &["water"] } else { &["trade"] };
        fixture.article(
            &format!("{}/story-{i}.md", &date[..4]),
            ArticleSpec::new(&format!("Жаңалық {i}"), date, lang)
                .countries(&["kazakhstan"])
                .topics(topics)
                .text(),
        );
    }
    fixture
        .build_for(base_url)
        .unwrap_or_else(|e| panic!("the paginated fixture builds:\n{e}"));
    fixture
}

fn rel_link(doc: &scraper::Html, rel: &str) -> Option<String> {
    doc.select(&sel(&format!("a[rel~={rel}], link[rel~={rel}]")))
        .next()
        .and_then(|a| a.value().attr("href"))
        .map(str::to_string)
}

/// Checks the pages of one paginated list: `first` is its first page's path (`kk/`).
fn assert_paginated(fixture: &Fixture, base_path: &str, first: &str, per_page: &[usize]) {
    let page_path = |n: usize| {
        if n == 1 {
            format!("{base_path}{first}")
        } else {
            format!("{base_path}{first}page/{n}/")
        }
    };
    let mut seen: Vec<String> = Vec::new();
    let total = per_page.len();
    for (i, &count) in per_page.iter().enumerate() {
        let n = i + 1;
        let path = page_path(n);
        let rel = file_for_path(base_path, &path).unwrap();
        assert!(fixture.exists(&rel), "{rel} is missing");
        let doc = fixture.html(&rel);
        let listed = listed_stories(&doc, &rel);
        assert_eq!(listed.len(), count, "{rel}: stories on page {n}");
        seen.extend(listed.into_iter().map(|l| l.datetime.unwrap()));
        if total > 1 {
            let nav = one(&doc, ".pagination", &rel);
            let current = nav
                .select(&sel("[aria-current]"))
                .next()
                .map(text_of)
                .unwrap_or_default();
            assert_eq!(current, n.to_string(), "{rel}: the current page is marked");
        }
        let prev = rel_link(&doc, "prev");
        let next = rel_link(&doc, "next");
        assert_eq!(prev, (n > 1).then(|| page_path(n - 1)), "{rel}: rel=prev");
        assert_eq!(
            next,
            (n < total).then(|| page_path(n + 1)),
            "{rel}: rel=next"
        );
        for link in prev.iter().chain(next.iter()) {
            let target = file_for_path(base_path, link).unwrap();
            assert!(fixture.exists(&target), "{rel}: {link} does not resolve");
        }
    }
    let beyond = file_for_path(base_path, &page_path(total + 1)).unwrap();
    assert!(!fixture.exists(&beyond), "{beyond} should not exist");
    assert!(
        !fixture.exists(&file_for_path(base_path, &format!("{base_path}{first}page/1/")).unwrap()),
        "page 1 lives at the list's own URL"
    );
    let mut newest_first = seen.clone();
    newest_first.sort_by(|a, b| b.cmp(a));
    assert_eq!(seen, newest_first, "{first}: newest first across pages");
    newest_first.dedup();
    assert_eq!(newest_first.len(), seen.len(), "{first}: no story twice");
}

#[test]
fn home_timeline_and_term_pages_paginate() {
    let fixture = paged_site(None);
    for ui in UI {
        assert_paginated(&fixture, "/", &format!("{ui}/"), &[2, 2, 1]);
        assert_paginated(
            &fixture,
            "/",
            &format!("{ui}/countries/kazakhstan/"),
            &[2, 2, 1],
        );
        assert_paginated(&fixture, "/", &format!("{ui}/topics/water/"), &[2, 1]);
        assert_paginated(&fixture, "/", &format!("{ui}/topics/trade/"), &[2]);
    }
    assert!(fixture.exists("kk/timeline/page/2/index.html"));
    assert!(fixture.exists("tg/timeline/page/3/index.html"));
    assert!(!fixture.exists("kk/timeline/page/4/index.html"));
    // A single page has no pagination at all.
    let doc = fixture.html("kk/topics/trade/index.html");
    assert_eq!(doc.select(&sel(".pagination")).count(), 0);
}

#[test]
fn pagination_works_under_a_sub_path() {
    let fixture = paged_site(Some(SUB_BASE));
    assert_paginated(&fixture, "/REPO/", "kk/", &[2, 2, 1]);
    assert_paginated(&fixture, "/REPO/", "tg/countries/kazakhstan/", &[2, 2, 1]);
    let check = check_site_links(&fixture.out, SUB_BASE);
    assert!(check.problems.is_empty(), "{}", check.problems.join("\n"));
    assert!(check.internal > 500, "{}", check.internal);
}

#[test]
fn later_pages_switch_language_to_the_same_page_and_are_in_the_sitemap() {
    let fixture = paged_site(None);
    let doc = fixture.html("kk/page/2/index.html");
    assert_eq!(
        attr(&doc, ".lang-switch a", "href", "kk/page/2"),
        "/tg/page/2/"
    );
    let doc = fixture.html("tg/countries/kazakhstan/page/3/index.html");
    assert_eq!(
        attr(
            &doc,
            ".lang-switch a",
            "href",
            "tg/countries/kazakhstan/page/3"
        ),
        "/kk/countries/kazakhstan/page/3/"
    );
    assert_eq!(
        attr(&doc, "link[rel=canonical]", "href", "canonical"),
        format!("{ROOT_BASE}tg/countries/kazakhstan/page/3/")
    );
    let sitemap = fixture.text("sitemap.xml");
    for url in [
        "http://127.0.0.1:8000/kk/page/2/",
        "http://127.0.0.1:8000/tg/page/3/",
        "http://127.0.0.1:8000/kk/countries/kazakhstan/page/3/",
    ] {
        assert!(sitemap.contains(&format!("<loc>{url}</loc>")), "{url}");
    }
    let check = check_site_links(&fixture.out, ROOT_BASE);
    assert!(check.problems.is_empty(), "{}", check.problems.join("\n"));
}
