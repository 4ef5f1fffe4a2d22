//! `sitemap.xml` with hreflang alternates, and `robots.txt` pointing at it.

use crate::config::SiteConfig;
use crate::model::{Route, Site};
use std::fmt::Write;

/// One sitemap entry per HTML page and UI language, each listing all its language versions.
/// An article is listed once, at its canonical URL, with its story's other languages: its copy
/// in the other UI tree defers to that URL and does not belong in a sitemap.
pub fn sitemap(site: &Site, routes: &[(Route, Option<String>)]) -> String {
    let config = &site.config;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let url = |route: &Route, lang: &str| format!("{}{}", config.base_url, route.path(lang));
    for (route, lastmod) in routes {
        match route {
            Route::NotFound | Route::Feed | Route::TermFeed { .. } | Route::Article { .. } => {}
            Route::Landing => entry(&mut xml, &url(route, ""), lastmod.as_deref(), &[]),
            _ => {
                let mut alternates: Vec<(&str, String)> = config
                    .languages
                    .iter()
                    .map(|l| (l.code.as_str(), url(route, &l.code)))
                    .collect();
                let default = url(route, &config.default_language().code);
                alternates.push(("x-default", default));
                for l in &config.languages {
                    entry(
                        &mut xml,
                        &url(route, &l.code),
                        lastmod.as_deref(),
                        &alternates,
                    );
                }
            }
        }
    }
    let article_url = |index: usize| {
        let article = &site.articles[index];
        let route = Route::Article {
            slug: article.slug.clone(),
        };
        url(&route, config.home_tree(article.lang.code))
    };
    for (index, article) in site.articles.iter().enumerate() {
        let versions = site.language_versions(index);
        let alternates: Vec<(&str, String)> = if versions.len() > 1 {
            versions
                .iter()
                .map(|&v| (site.articles[v].lang.code, article_url(v)))
                .collect()
        } else {
            Vec::new()
        };
        let date = article.date.to_string();
        entry(&mut xml, &article_url(index), Some(&date), &alternates);
    }
    xml.push_str("</urlset>\n");
    xml
}

fn entry(xml: &mut String, loc: &str, lastmod: Option<&str>, alternates: &[(&str, String)]) {
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
}

pub fn robots(config: &SiteConfig) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n",
        config.base_url
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;")
}
