//! `sitemap.xml` with hreflang alternates, and `robots.txt` pointing at it. A site with more
//! pages than one sitemap may list gets numbered sitemaps, which `sitemap.xml` indexes.

use crate::load::config::SiteConfig;
use crate::model::{Route, Site};
use rayon::prelude::*;
use std::fmt::Write;

/// The most URLs one sitemap file may list (the sitemaps.org protocol; 50 MB is the other
/// limit, which 50,000 of dostyk's entries stay far below).
const MAX_URLS: usize = 50_000;

/// The sitemap files, by output path: `sitemap.xml` alone, or as the index of `sitemap-1.xml`,
/// `sitemap-2.xml` … when the site has more than [`MAX_URLS`] pages.
pub(super) fn sitemaps(site: &Site, routes: &[(Route, Option<String>)]) -> Vec<(String, String)> {
    split(&entries(site, routes), &site.config.base_url, MAX_URLS)
}

/// The paths of the files [`sitemaps`] makes, without making them.
pub(super) fn sitemap_paths(site: &Site, routes: &[(Route, Option<String>)]) -> Vec<String> {
    let languages = site.config.languages.len();
    let count = routes
        .iter()
        .map(|(route, _)| match listed(route) {
            Listed::No => 0,
            Listed::Once => 1,
            Listed::PerLanguage => languages,
        })
        .sum::<usize>()
        + site.articles.len();
    names(count, MAX_URLS)
}

/// `sitemap.xml`, and the numbered sitemaps it indexes when one cannot list every entry.
fn names(entries: usize, max_urls: usize) -> Vec<String> {
    let mut names = vec!["sitemap.xml".to_string()];
    if entries > max_urls {
        names.extend((1..=entries.div_ceil(max_urls)).map(|i| format!("sitemap-{i}.xml")));
    }
    names
}

fn split(entries: &[String], base_url: &str, max_urls: usize) -> Vec<(String, String)> {
    let names = names(entries.len(), max_urls);
    let numbered = &names[1..];
    if numbered.is_empty() {
        return vec![("sitemap.xml".into(), urlset(entries))];
    }
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for name in numbered {
        let _ = writeln!(
            index,
            "<sitemap><loc>{}</loc></sitemap>",
            escape(&format!("{base_url}{name}"))
        );
    }
    index.push_str("</sitemapindex>\n");
    let mut files: Vec<(String, String)> = entries
        .par_chunks(max_urls)
        .zip(numbered)
        .map(|(chunk, name)| (name.clone(), urlset(chunk)))
        .collect();
    files.insert(0, ("sitemap.xml".into(), index));
    files
}

fn urlset(entries: &[String]) -> String {
    let mut xml = String::with_capacity(entries.iter().map(String::len).sum::<usize>() + 300);
    xml.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for entry in entries {
        xml.push_str(entry);
    }
    xml.push_str("</urlset>\n");
    xml
}

/// How many times a route is listed in the sitemap.
enum Listed {
    /// Not an HTML page of its own (feeds, 404), or an article, listed apart at its canonical
    /// URL: its copy in the other UI tree defers to that URL and does not belong in a sitemap.
    No,
    /// The landing page, in no language tree.
    Once,
    PerLanguage,
}

fn listed(route: &Route) -> Listed {
    match route {
        Route::NotFound | Route::Feed | Route::TermFeed { .. } | Route::Article { .. } => {
            Listed::No
        }
        Route::Landing => Listed::Once,
        _ => Listed::PerLanguage,
    }
}

/// One sitemap entry per HTML page and UI language, each listing all its language versions.
/// An article is listed once, at its canonical URL, with its story's other languages.
/// Made on every core: at 100,000 articles, a third of a million entries are the last work of
/// a build, which would otherwise be done on one while the others wait.
fn entries(site: &Site, routes: &[(Route, Option<String>)]) -> Vec<String> {
    let config = &site.config;
    let url = |route: &Route, lang: &str| format!("{}{}", config.base_url, route.path(lang));
    let pages = routes
        .par_iter()
        .flat_map_iter(|(route, lastmod)| match listed(route) {
            Listed::No => Vec::new(),
            Listed::Once => vec![entry(&url(route, ""), lastmod.as_deref(), &[])],
            Listed::PerLanguage => {
                let mut alternates: Vec<(&str, String)> = config
                    .languages
                    .iter()
                    .map(|l| (l.code.as_str(), url(route, &l.code)))
                    .collect();
                let default = url(route, &config.default_language().code);
                alternates.push(("x-default", default));
                config
                    .languages
                    .iter()
                    .map(|l| entry(&url(route, &l.code), lastmod.as_deref(), &alternates))
                    .collect()
            }
        });
    let article_url = |index: usize| {
        let article = &site.articles[index];
        let route = Route::Article {
            slug: article.slug.clone(),
        };
        url(&route, config.home_tree(article.lang.code))
    };
    let articles = (0..site.articles.len()).into_par_iter().map(|index| {
        let versions = site.language_versions(index);
        let alternates: Vec<(&str, String)> = if versions.len() > 1 {
            versions
                .iter()
                .map(|&v| (site.articles[v].lang.code, article_url(v)))
                .collect()
        } else {
            Vec::new()
        };
        let date = site.articles[index].date.to_string();
        entry(&article_url(index), Some(&date), &alternates)
    });
    pages.chain(articles).collect()
}

fn entry(loc: &str, lastmod: Option<&str>, alternates: &[(&str, String)]) -> String {
    let mut xml = String::new();
    let _ = write!(xml, "<url><loc>{}</loc>", escape(loc));
    if let Some(lastmod) = lastmod {
        let _ = write!(xml, "<lastmod>{lastmod}</lastmod>");
    }
    for (lang, href) in alternates {
        let _ = write!(
            xml,
            "<xhtml:link rel=\"alternate\" hreflang=\"{lang}\" href=\"{}\"/>",
            escape(href)
        );
    }
    xml.push_str("</url>\n");
    xml
}

pub(super) fn robots(config: &SiteConfig) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n",
        config.base_url
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_the_limit_sitemap_xml_indexes_numbered_sitemaps() {
        let entries: Vec<String> = (0..5)
            .map(|i| format!("<url><loc>u{i}</loc></url>\n"))
            .collect();
        let one = split(&entries, "https://x.org/r/", 5);
        assert_eq!(names(5, 5), ["sitemap.xml"]);
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].0, "sitemap.xml");
        assert_eq!(one[0].1.matches("<url>").count(), 5);

        let files = split(&entries, "https://x.org/r/", 2);
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            super::names(5, 2),
            names,
            "the paths are known without the files"
        );
        assert_eq!(
            names,
            [
                "sitemap.xml",
                "sitemap-1.xml",
                "sitemap-2.xml",
                "sitemap-3.xml"
            ]
        );
        let index = &files[0].1;
        assert!(index.contains("<sitemapindex"), "{index}");
        for name in &names[1..] {
            assert!(
                index.contains(&format!("<loc>https://x.org/r/{name}</loc>")),
                "{index}"
            );
        }
        let counts: Vec<usize> = files[1..]
            .iter()
            .map(|(_, xml)| xml.matches("<url>").count())
            .collect();
        assert_eq!(counts, [2, 2, 1], "every entry once, in order");
        assert!(files[3].1.contains("<loc>u4</loc>"));
    }
}
