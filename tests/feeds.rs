//! The Atom feed of each UI tree and the sitemap: well-formed XML, absolute URLs of the site,
//! entries in their own language, hreflang alternates.

mod common;

use common::*;
use roxmltree::{Document, Node};
use std::collections::{BTreeMap, BTreeSet};

const ATOM: &str = "http://www.w3.org/2005/Atom";
const SITEMAP: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
const XHTML: &str = "http://www.w3.org/1999/xhtml";

fn xml_lang<'a>(node: Node<'a, '_>) -> Option<&'a str> {
    node.attribute((roxmltree::NS_XML_URI, "lang"))
}

fn child<'a, 'i>(node: Node<'a, 'i>, ns: &str, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| {
        c.is_element() && c.tag_name().name() == name && c.tag_name().namespace() == Some(ns)
    })
}

fn children<'a, 'i>(node: Node<'a, 'i>, ns: &'a str, name: &'a str) -> Vec<Node<'a, 'i>> {
    node.children()
        .filter(|c| {
            c.is_element() && c.tag_name().name() == name && c.tag_name().namespace() == Some(ns)
        })
        .collect()
}

#[test]
fn each_tree_has_an_atom_feed_of_its_stories() {
    let site = build_news(SUB_BASE);
    let stories = news_stories();
    for ui in UI {
        let rel = format!("{ui}/feed.xml");
        let text = site.text(&rel);
        let doc = Document::parse(&text).unwrap_or_else(|e| panic!("{rel}: {e}"));
        let feed = doc.root_element();
        assert_eq!(feed.tag_name().name(), "feed", "{rel}");
        assert_eq!(feed.tag_name().namespace(), Some(ATOM), "{rel}");
        assert_eq!(xml_lang(feed), Some(ui), "{rel}: the feed's language");
        for required in ["title", "id", "updated"] {
            let node = child(feed, ATOM, required).unwrap_or_else(|| panic!("{rel}: {required}"));
            assert!(
                !node.text().unwrap_or_default().trim().is_empty(),
                "{rel}: {required}"
            );
        }
        let self_link = children(feed, ATOM, "link")
            .into_iter()
            .find(|l| l.attribute("rel") == Some("self"))
            .expect("rel=self");
        assert_eq!(
            self_link.attribute("href"),
            Some(format!("{SUB_BASE}{ui}/feed.xml").as_str())
        );

        let entries = children(feed, ATOM, "entry");
        assert_eq!(
            entries.len(),
            stories.len().min(20),
            "{rel}: one entry per story"
        );
        let mut previous = String::from("9999");
        for (entry, story) in entries.iter().zip(&stories) {
            let shown = story.shown(ui);
            assert_eq!(
                xml_lang(*entry),
                Some(shown.lang.as_str()),
                "{rel}: entry {} in its own language",
                shown.slug
            );
            let title = child(*entry, ATOM, "title")
                .and_then(|t| t.text())
                .unwrap_or_default();
            assert_eq!(title, shown.title, "{rel}");
            let link = children(*entry, ATOM, "link")
                .into_iter()
                .find(|l| l.attribute("rel").unwrap_or("alternate") == "alternate")
                .expect("an alternate link");
            let href = link.attribute("href").unwrap();
            assert_eq!(
                href,
                format!("{SUB_BASE}{ui}/articles/{}/", shown.slug),
                "{rel}"
            );
            check_absolute(&site.out, SUB_BASE, href).unwrap();
            let id = child(*entry, ATOM, "id").and_then(|t| t.text()).unwrap();
            assert!(id.starts_with(SUB_BASE), "{rel}: id {id}");
            let published = child(*entry, ATOM, "published")
                .and_then(|t| t.text())
                .unwrap();
            assert!(published.starts_with(&shown.date), "{rel}: {published}");
            assert!(*published <= *previous, "{rel}: newest first");
            previous = published.to_string();
            let updated = child(*entry, ATOM, "updated")
                .and_then(|t| t.text())
                .unwrap();
            assert!(
                updated.ends_with('Z') && updated.len() == 20,
                "{rel}: {updated}"
            );
            // The content is HTML as text: a reader renders it, paragraphs and all.
            let content = child(*entry, ATOM, "content").expect("content");
            assert_eq!(content.attribute("type"), Some("html"));
            let html = scraper::Html::parse_fragment(content.text().unwrap_or_default());
            assert!(html.select(&sel("p")).count() >= 2, "{rel}: {}", shown.slug);
        }
        // Every URL of the feed is the site's.
        for node in doc.descendants().filter(roxmltree::Node::is_element) {
            if let Some(href) = node.attribute("href") {
                check_absolute(&site.out, SUB_BASE, href).unwrap_or_else(|e| panic!("{rel}: {e}"));
            }
        }
    }
}

#[test]
fn every_page_links_its_tree_feed() {
    let site = build_news(SUB_BASE);
    for ui in UI {
        let doc = site.html(&format!("{ui}/index.html"));
        let feed = doc
            .select(&sel("link[rel=alternate][type='application/atom+xml']"))
            .next()
            .expect("an Atom link in the head");
        assert_eq!(
            feed.value().attr("href"),
            Some(format!("/REPO/{ui}/feed.xml").as_str())
        );
    }
}

#[test]
fn the_feed_keeps_to_its_length() {
    let fixture = Fixture::with_config(&SITE_TOML.replace("feed_length = 20", "feed_length = 2"));
    for (i, date) in ["2025-01-01", "2025-03-01", "2025-02-01"]
        .iter()
        .enumerate()
    {
        fixture.article(
            &format!("2025/s{i}.md"),
            ArticleSpec::new(&format!("Жаңалық {i}"), date, "kk").text(),
        );
    }
    fixture.build_ok();
    let text = fixture.text("tg/feed.xml");
    let doc = Document::parse(&text).unwrap();
    let ids: Vec<String> = children(doc.root_element(), ATOM, "entry")
        .into_iter()
        .map(|e| child(e, ATOM, "id").unwrap().text().unwrap().to_string())
        .collect();
    assert_eq!(
        ids,
        [
            format!("{ROOT_BASE}tg/articles/s1/"),
            format!("{ROOT_BASE}tg/articles/s2/")
        ]
    );
    let updated = child(doc.root_element(), ATOM, "updated")
        .unwrap()
        .text()
        .unwrap();
    assert!(
        updated.starts_with("2025-03-01"),
        "the feed is as new as its newest entry"
    );
}

#[test]
fn the_sitemap_lists_every_page_with_hreflang_alternates() {
    let site = build_news(SUB_BASE);
    let text = site.text("sitemap.xml");
    let doc = Document::parse(&text).expect("sitemap.xml is XML");
    let urlset = doc.root_element();
    assert_eq!(urlset.tag_name().name(), "urlset");
    assert_eq!(urlset.tag_name().namespace(), Some(SITEMAP));
    let mut listed = BTreeSet::new();
    let mut alternates_of = BTreeMap::new();
    for url in children(urlset, SITEMAP, "url") {
        let loc = child(url, SITEMAP, "loc")
            .and_then(|l| l.text())
            .expect("loc");
        let file = check_absolute(&site.out, SUB_BASE, loc).unwrap_or_else(|e| panic!("{e}"));
        assert!(listed.insert(file.clone()), "{loc} listed twice");
        if let Some(lastmod) = child(url, SITEMAP, "lastmod").and_then(|l| l.text()) {
            assert!(
                lastmod.len() == 10 && lastmod.as_bytes()[4] == b'-',
                "{loc}: lastmod {lastmod}"
            );
        }
        let alternates: Vec<(String, String)> = children(url, XHTML, "link")
            .into_iter()
            .map(|l| {
                assert_eq!(l.attribute("rel"), Some("alternate"));
                let href = l.attribute("href").unwrap().to_string();
                check_absolute(&site.out, SUB_BASE, &href).unwrap_or_else(|e| panic!("{e}"));
                (l.attribute("hreflang").unwrap().to_string(), href)
            })
            .collect();
        alternates_of.insert(file, (loc.to_string(), alternates));
    }

    // An article once, at its canonical URL, with its story's other languages.
    let mut articles = BTreeSet::new();
    for story in news_stories() {
        let url = |a: &SourceArticle| {
            let tree = if UI.contains(&a.lang.as_str()) {
                a.lang.as_str()
            } else {
                "kk"
            };
            format!("{tree}/articles/{}/index.html", a.slug)
        };
        let expected: Vec<(String, String)> = if story.versions.len() > 1 {
            story
                .versions
                .iter()
                .map(|a| {
                    (
                        a.lang.clone(),
                        format!("{SUB_BASE}{}", url(a).trim_end_matches("index.html")),
                    )
                })
                .collect()
        } else {
            Vec::new()
        };
        for article in &story.versions {
            let (loc, alternates) = alternates_of
                .get(&url(article))
                .unwrap_or_else(|| panic!("{} not in the sitemap", url(article)));
            assert_eq!(*alternates, expected, "{loc}");
            for ui in UI {
                articles.insert(format!("{ui}/articles/{}/index.html", article.slug));
            }
        }
    }

    // Every other page of a tree with both trees and x-default.
    let mut with_alternates = 0;
    for (file, (loc, alternates)) in &alternates_of {
        let Some(tree) = UI
            .into_iter()
            .find(|ui| file.starts_with(&format!("{ui}/")))
        else {
            continue;
        };
        if articles.contains(file) {
            continue;
        }
        with_alternates += 1;
        let langs: Vec<&str> = alternates.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(langs, ["kk", "tg", "x-default"], "{loc}");
        let rest = &loc[SUB_BASE.len() + tree.len()..];
        for (lang, href) in alternates {
            let expected_tree = if lang == "x-default" {
                "kk"
            } else {
                lang.as_str()
            };
            assert_eq!(
                *href,
                format!("{SUB_BASE}{expected_tree}{rest}"),
                "{loc}: {lang}"
            );
        }
    }

    // Every page is in the sitemap, but 404 (for errors, not for search engines) and the article
    // copies whose canonical URL is in the other tree.
    let pages: BTreeSet<String> = site
        .html_files()
        .into_iter()
        .filter(|f| f != "404.html")
        .collect();
    let missing: Vec<&String> = pages
        .iter()
        .filter(|p| !listed.contains(*p) && !articles.contains(*p))
        .collect();
    assert!(missing.is_empty(), "not in the sitemap: {missing:#?}");
    let copies = articles.iter().filter(|a| !listed.contains(*a)).count();
    assert_eq!(
        copies,
        news_articles().len(),
        "one copy of each article left out"
    );
    assert_eq!(
        with_alternates,
        pages.len() - articles.len() - 1,
        "every page but the landing and articles has both trees"
    );
}

#[test]
fn robots_txt_allows_crawling_and_names_the_sitemap() {
    let site = build_news(SUB_BASE);
    let robots = site.text("robots.txt");
    assert!(robots.contains("User-agent: *"), "{robots}");
    assert!(!robots.contains("Disallow: /\n"), "{robots}");
    assert!(
        robots.contains(&format!("Sitemap: {SUB_BASE}sitemap.xml")),
        "{robots}"
    );
}

#[test]
fn feed_entries_resolve_relative_links_against_their_article() {
    let site = build_news(ROOT_BASE);
    let xml = site.text("kk/feed.xml");
    let doc = roxmltree::Document::parse(&xml).expect("the feed is XML");
    let entries: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("entry"))
        .collect();
    assert!(!entries.is_empty());
    for entry in entries {
        let link = entry
            .children()
            .find(|n| n.has_tag_name("link"))
            .and_then(|n| n.attribute("href"))
            .expect("an entry links its article");
        let base = entry
            .attribute(("http://www.w3.org/XML/1998/namespace", "base"))
            .expect("xml:base on every entry");
        assert_eq!(base, link);
    }
}
