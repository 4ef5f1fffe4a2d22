//! The timeline: stories newest first under month headings, one page per year, and the
//! chart of inline SVG bars with a table that says the same in text.

mod common;

use common::*;
use scraper::{ElementRef, Html};

/// The month sections of a timeline page: heading text and the datetimes of its stories.
fn months(doc: &Html, what: &str) -> Vec<(String, Vec<String>)> {
    let time = sel("time[datetime]");
    let story = sel(".story");
    doc.select(&sel("section.month"))
        .map(|section| {
            let heading = text_of(one_in(section, "h2", what));
            let dates = section
                .select(&story)
                .map(|s| {
                    s.select(&time)
                        .next()
                        .and_then(|t| t.value().attr("datetime"))
                        .unwrap_or_else(|| panic!("{what}: a story without a date"))
                        .to_string()
                })
                .collect();
            (heading, dates)
        })
        .collect()
}

fn one_in<'a>(element: ElementRef<'a>, css: &str, what: &str) -> ElementRef<'a> {
    element
        .select(&sel(css))
        .next()
        .unwrap_or_else(|| panic!("{what}: no {css}"))
}

/// The totals column of the chart's text table (its first number column), per month row.
fn chart_totals(doc: &Html, what: &str) -> Vec<u32> {
    let svg = one(doc, ".chart", what);
    assert_eq!(svg.value().attr("role"), Some("img"), "{what}: role=img");
    let named = svg.value().attr("aria-label").is_some()
        || svg
            .value()
            .attr("aria-labelledby")
            .is_some_and(|id| doc.select(&sel(&format!("[id=\"{id}\"]"))).next().is_some())
        || svg.select(&sel("title")).next().is_some();
    assert!(named, "{what}: the chart has an accessible name");
    assert!(
        svg.select(&sel("rect")).count() > 0,
        "{what}: the chart draws bars"
    );
    // The table is the chart's text alternative: find it next to the chart.
    let table = svg
        .ancestors()
        .filter_map(ElementRef::wrap)
        .find_map(|a| a.select(&sel("table")).next())
        .unwrap_or_else(|| panic!("{what}: no table beside the chart"));
    table
        .select(&sel("tbody tr"))
        .map(|row| {
            let first = one_in(row, "td", what);
            text_of(first)
                .parse::<u32>()
                .unwrap_or_else(|e| panic!("{what}: {e}"))
        })
        .collect()
}

#[test]
fn the_timeline_lists_stories_newest_first_under_descending_months() {
    let site = build_news(ROOT_BASE);
    let stories = news_stories();
    for (ui, august) in [("kk", "Тамыз 2025"), ("tg", "Август 2025")] {
        let rel = format!("{ui}/timeline/index.html");
        let doc = site.html(&rel);
        let months = months(&doc, &rel);
        assert!(months.len() >= 4, "{rel}: {months:?}");
        let all: Vec<String> = months.iter().flat_map(|(_, d)| d.clone()).collect();
        let mut sorted = all.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(all, sorted, "{rel}: newest first");
        assert_eq!(all.len(), stories.len(), "{rel}: every story once");
        let keys: Vec<String> = months
            .iter()
            .map(|(heading, dates)| {
                assert!(!dates.is_empty(), "{rel}: empty month {heading}");
                let key = &dates[0][..7];
                assert!(
                    dates.iter().all(|d| d.starts_with(key)),
                    "{rel}: {heading} mixes months: {dates:?}"
                );
                assert!(
                    heading.ends_with(&key[..4]),
                    "{rel}: heading {heading} for {key}"
                );
                key.to_string()
            })
            .collect();
        let mut descending = keys.clone();
        descending.sort_by(|a, b| b.cmp(a));
        descending.dedup();
        assert_eq!(keys, descending, "{rel}: months descending, each once");
        let aug = months
            .iter()
            .find(|(_, d)| d[0].starts_with("2025-08"))
            .expect("August 2025");
        assert_eq!(aug.0, august, "{rel}: the month heading in the UI language");
        // The story order is the model's: newest first, story by story.
        let listed: Vec<String> = listed_stories(&doc, &rel)
            .into_iter()
            .map(|l| l.slug)
            .collect();
        let expected: Vec<String> = stories.iter().map(|s| s.shown(ui).slug.clone()).collect();
        assert_eq!(listed, expected, "{rel}");
    }
}

#[test]
fn year_pages_hold_only_their_year() {
    let site = build_news(ROOT_BASE);
    let stories = news_stories();
    let years: std::collections::BTreeSet<String> =
        stories.iter().map(|s| s.date()[..4].to_string()).collect();
    for ui in UI {
        for year in &years {
            let rel = format!("{ui}/timeline/{year}/index.html");
            let doc = site.html(&rel);
            let expected: Vec<&SourceStory> = stories
                .iter()
                .filter(|s| s.date().starts_with(year.as_str()))
                .collect();
            assert_lists_stories(&doc, ui, &expected, &rel);
            for (heading, dates) in months(&doc, &rel) {
                assert!(
                    dates.iter().all(|d| d.starts_with(year.as_str())),
                    "{rel}: {heading}: {dates:?}"
                );
            }
            let h1 = text_of(one(&doc, "h1", &rel));
            assert!(h1.contains(year.as_str()), "{rel}: {h1}");
            let totals = chart_totals(&doc, &rel);
            assert_eq!(
                totals.iter().sum::<u32>() as usize,
                expected.len(),
                "{rel}: chart totals"
            );
        }
    }
}

#[test]
fn the_chart_is_inline_svg_with_a_table_that_adds_up() {
    let site = build_news(ROOT_BASE);
    let stories = news_stories();
    for ui in UI {
        let rel = format!("{ui}/timeline/index.html");
        let doc = site.html(&rel);
        let totals = chart_totals(&doc, &rel);
        let months: std::collections::BTreeSet<String> =
            stories.iter().map(|s| s.date()[..7].to_string()).collect();
        assert_eq!(
            totals.len(),
            months.len(),
            "{rel}: one row per month with stories"
        );
        assert_eq!(totals.iter().sum::<u32>() as usize, stories.len(), "{rel}");
        // No script draws it: the page runs no script at all (JSON-LD is data).
        assert_eq!(
            doc.select(&sel("script:not([type=\"application/ld+json\"])"))
                .count(),
            0,
            "{rel}"
        );
        // Country and topic pages show their slice.
        let rel = format!("{ui}/topics/water/index.html");
        let doc = site.html(&rel);
        let expected = stories.iter().filter(|s| s.has("topics", "water")).count();
        assert_eq!(
            chart_totals(&doc, &rel).iter().sum::<u32>() as usize,
            expected,
            "{rel}"
        );
    }
}

#[test]
fn a_story_is_filed_and_dated_by_the_day_it_broke() {
    let fixture = Fixture::new();
    fixture.article(
        "2025/new-year-kk.md",
        ArticleSpec::new("Жаңа жыл", "2025-01-01", "kk")
            .story("new-year")
            .text(),
    );
    fixture.article(
        "2024/new-year-uz.md",
        ArticleSpec::new("Янги йил", "2024-12-31", "uz")
            .story("new-year")
            .text(),
    );
    fixture.build_ok();
    let rel = "kk/timeline/index.html";
    let doc = fixture.html(rel);
    let months = months(&doc, rel);
    assert_eq!(months.len(), 1, "{months:?}");
    // A list files and dates a story by the day it broke: its earliest version.
    let (heading, dates) = &months[0];
    assert_eq!(dates, &["2024-12-31".to_string()]);
    assert_eq!(
        heading, "Желтоқсан 2024",
        "the heading matches the date shown"
    );
    let year_page = "kk/timeline/2024/index.html";
    assert_eq!(listed_stories(&fixture.html(year_page), year_page).len(), 1);
    assert!(!fixture.exists("kk/timeline/2025/index.html"));
    // The version's own page keeps its own date.
    let article = fixture.html("kk/articles/new-year-kk/index.html");
    let time = article
        .select(&sel(".article-header time"))
        .next()
        .expect("the article shows its date");
    assert_eq!(time.value().attr("datetime"), Some("2025-01-01"));
    assert_eq!(time.text().collect::<String>(), "2025 жылғы 1 қаңтар");
    // Its breadcrumb leads to where the timeline files it: December 2024, not the page of a
    // year 2025 that has no stories.
    let (label, href) = month_crumb(&article, "kk/articles/new-year-kk/index.html");
    assert_eq!(
        (label.as_str(), href.as_str()),
        ("Желтоқсан 2024", "/kk/timeline/#m2024-12")
    );
}

/// The last breadcrumb of an article page, the month: its label and link.
fn month_crumb(doc: &Html, what: &str) -> (String, String) {
    let crumb = doc
        .select(&sel("nav.breadcrumbs li:last-child a"))
        .next()
        .unwrap_or_else(|| panic!("{what}: no breadcrumbs"));
    let href = crumb
        .value()
        .attr("href")
        .expect("a crumb links")
        .to_string();
    (text_of(crumb), href)
}

#[test]
fn an_article_breadcrumb_links_its_month_where_the_timeline_shows_it() {
    // Two stories a page: August 2025 begins on page 1 and runs on to page 2, July 2025 is on
    // page 2, March 2024 on page 3.
    let fixture = Fixture::with_config(&SITE_TOML.replace("page_size = 20", "page_size = 2"));
    let articles = [
        ("2025/aug-30.md", "2025-08-30", "kk", "/timeline/#m2025-08"),
        ("2025/aug-20.md", "2025-08-20", "tg", "/timeline/#m2025-08"),
        ("2025/aug-01.md", "2025-08-01", "uz", "/timeline/#m2025-08"),
        (
            "2025/jul-15.md",
            "2025-07-15",
            "kk",
            "/timeline/page/2/#m2025-07",
        ),
        (
            "2024/mar-02.md",
            "2024-03-02",
            "tg",
            "/timeline/page/3/#m2024-03",
        ),
        (
            "2024/mar-01.md",
            "2024-03-01",
            "kk",
            "/timeline/page/3/#m2024-03",
        ),
    ];
    for (rel, date, lang, _) in articles {
        let title = format!("Хабар {date}");
        fixture.article(rel, ArticleSpec::new(&title, date, lang).text());
    }
    fixture
        .build_for(Some(SUB_BASE))
        .expect("the fixture builds");
    let labels = [
        ("kk", ["Тамыз 2025", "Шілде 2025", "Наурыз 2024"]),
        ("tg", ["Август 2025", "Июл 2025", "Март 2024"]),
    ];
    for (ui, months) in labels {
        for (rel, date, _, target) in articles {
            let slug = rel[5..].trim_end_matches(".md");
            let page = format!("{ui}/articles/{slug}/index.html");
            let (label, href) = month_crumb(&fixture.html(&page), &page);
            assert_eq!(href, format!("/REPO/{ui}{target}"), "{page}");
            let month = match &date[..7] {
                "2025-08" => months[0],
                "2025-07" => months[1],
                _ => months[2],
            };
            assert_eq!(label, month, "{page}");
            // The link lands on that month's heading, which says what the crumb says, over
            // stories of that month only.
            let (path, anchor) = href.split_once('#').expect("a fragment");
            let file = format!("{}index.html", path.trim_start_matches("/REPO/"));
            let doc = fixture.html(&file);
            let heading = one(&doc, &format!("[id=\"{anchor}\"]"), &file);
            assert_eq!(text_of(heading), label, "{file}#{anchor}");
            let section = heading
                .ancestors()
                .filter_map(ElementRef::wrap)
                .find(|e| e.value().name() == "section")
                .unwrap_or_else(|| panic!("{file}#{anchor}: no month section"));
            let dates: Vec<&str> = section
                .select(&sel(".story time[datetime]"))
                .filter_map(|t| t.value().attr("datetime"))
                .collect();
            assert!(
                !dates.is_empty() && dates.iter().all(|d| d[..7] == date[..7]),
                "{file}#{anchor}: {dates:?}"
            );
        }
    }
}
