//! What a shared link and a search engine see: `OpenGraph` and Twitter card tags, schema.org
//! JSON-LD, and the feeds of each country and topic.

mod common;

use common::*;
use roxmltree::Document;

const ATOM: &str = "http://www.w3.org/2005/Atom";

fn meta<'a>(doc: &'a scraper::Html, property: &str, rel: &str) -> &'a str {
    attr(
        doc,
        &format!("meta[property=\"{property}\"], meta[name=\"{property}\"]"),
        "content",
        rel,
    )
}

/// The JSON-LD documents of a page, parsed.
fn json_ld(doc: &scraper::Html) -> Vec<serde_json::Value> {
    doc.select(&sel("script[type=\"application/ld+json\"]"))
        .map(|s| serde_json::from_str(&s.text().collect::<String>()).expect("JSON-LD parses"))
        .collect()
}

fn of_type<'a>(docs: &'a [serde_json::Value], kind: &str) -> &'a serde_json::Value {
    docs.iter()
        .find(|d| d["@type"] == kind)
        .unwrap_or_else(|| panic!("no {kind} in {docs:#?}"))
}

#[test]
fn article_pages_preview_as_news_articles() {
    let site = build_news(SUB_BASE);
    for article in news_articles() {
        for ui in UI {
            let rel = format!("{ui}/articles/{}/index.html", article.slug);
            let doc = site.html(&rel);
            assert_eq!(meta(&doc, "og:type", &rel), "article");
            assert_eq!(meta(&doc, "og:title", &rel), article.title);
            let canonical = attr(&doc, "link[rel=canonical]", "href", &rel);
            assert_eq!(meta(&doc, "og:url", &rel), canonical);
            let image = meta(&doc, "og:image", &rel);
            assert!(image.starts_with(SUB_BASE), "{rel}: {image}");
            let file = image
                .strip_prefix(SUB_BASE)
                .unwrap()
                .split('?')
                .next()
                .unwrap();
            assert!(site.exists(file), "{rel}: the preview image {file} exists");
            assert_eq!(meta(&doc, "twitter:card", &rel), "summary_large_image");
            assert_eq!(
                meta(&doc, "og:locale", &rel),
                if ui == "kk" { "kk_KZ" } else { "tg_TJ" }
            );
            assert_eq!(meta(&doc, "article:published_time", &rel), article.date);

            let docs = json_ld(&doc);
            let news = of_type(&docs, "NewsArticle");
            assert_eq!(news["headline"], article.title.as_str(), "{rel}");
            assert_eq!(news["datePublished"], article.date.as_str(), "{rel}");
            assert_eq!(news["inLanguage"], article.lang.as_str(), "{rel}");
            assert_eq!(news["url"], canonical, "{rel}");
            assert!(
                news["publisher"]["name"]
                    .as_str()
                    .is_some_and(|n| !n.is_empty()),
                "{rel}"
            );
            let about: Vec<&str> = news["about"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["url"].as_str().unwrap())
                .collect();
            assert_eq!(
                about.len(),
                article.countries.len(),
                "{rel}: about = the countries"
            );
            for (url, id) in about.iter().zip(&article.countries) {
                assert_eq!(*url, format!("{SUB_BASE}{ui}/countries/{id}/"), "{rel}");
            }
            let crumbs = of_type(&docs, "BreadcrumbList")["itemListElement"]
                .as_array()
                .unwrap()
                .clone();
            assert_eq!(
                crumbs.first().unwrap()["item"],
                format!("{SUB_BASE}{ui}/"),
                "{rel}"
            );
            assert_eq!(
                crumbs.last().unwrap()["name"],
                article.title.as_str(),
                "{rel}"
            );
            for (i, crumb) in crumbs.iter().enumerate() {
                assert_eq!(crumb["position"], i + 1, "{rel}");
            }
        }
    }
}

#[test]
fn every_page_has_preview_tags() {
    let site = build_news(ROOT_BASE);
    for rel in site.html_files() {
        let doc = site.html(&rel);
        for property in [
            "og:title",
            "og:description",
            "og:url",
            "og:image",
            "og:site_name",
            "twitter:card",
        ] {
            assert!(
                !meta(&doc, property, &rel).trim().is_empty(),
                "{rel}: {property}"
            );
        }
    }
    let home = site.html("kk/index.html");
    let documents = json_ld(&home);
    let website = of_type(&documents, "WebSite");
    assert_eq!(website["inLanguage"], "kk");
    // The search action fills the query into the tree's search page, under the base path.
    let action = &website["potentialAction"];
    assert_eq!(action["@type"], "SearchAction");
    let target = action["target"].as_str().unwrap();
    assert_eq!(
        target,
        format!("{ROOT_BASE}kk/search/?q={{search_term_string}}")
    );
    assert_eq!(action["query-input"], "required name=search_term_string");
    check_absolute(&site.out, ROOT_BASE, target.split('?').next().unwrap()).unwrap();
}

#[test]
fn each_country_and_topic_has_its_own_feed() {
    let site = build_news(SUB_BASE);
    let stories = news_stories();
    let (countries, topics) = news_taxonomy();
    // The taxonomy has a topic no story is filed under.
    assert!(topics.iter().any(|t| t == "energy"));
    assert!(!stories.iter().any(|s| s.has("topics", "energy")));
    for (kind, ids) in [("countries", countries), ("topics", topics)] {
        for id in ids {
            let expected = stories.iter().filter(|s| s.has(kind, &id)).count();
            for ui in UI {
                let rel = format!("{ui}/{kind}/{id}/feed.xml");
                if expected == 0 {
                    assert!(
                        !site.exists(&rel),
                        "{rel} exists for a term without stories"
                    );
                    continue;
                }
                let text = site.text(&rel);
                let doc = Document::parse(&text).unwrap_or_else(|e| panic!("{rel}: {e}"));
                let feed = doc.root_element();
                assert_eq!(feed.tag_name().namespace(), Some(ATOM), "{rel}");
                let entries: Vec<_> = feed
                    .children()
                    .filter(|n| n.has_tag_name((ATOM, "entry")))
                    .collect();
                assert_eq!(entries.len(), expected.min(20), "{rel}");
                let self_link = feed
                    .children()
                    .find(|n| n.has_tag_name((ATOM, "link")) && n.attribute("rel") == Some("self"))
                    .and_then(|n| n.attribute("href"))
                    .unwrap();
                assert_eq!(self_link, format!("{SUB_BASE}{rel}"));
                // The term's page announces it.
                let page = site.html(&format!("{ui}/{kind}/{id}/index.html"));
                let announced: Vec<&str> = page
                    .select(&sel("link[rel=alternate][type=\"application/atom+xml\"]"))
                    .filter_map(|l| l.value().attr("href"))
                    .collect();
                assert!(
                    announced.contains(&format!("/REPO/{rel}").as_str()),
                    "{rel} not linked from its page: {announced:?}"
                );
            }
        }
    }
}
