//! `sitemap.xml` with hreflang alternates, and `robots.txt` pointing at it.

use crate::config::SiteConfig;
use crate::model::Route;
use std::fmt::Write;

/// One sitemap entry per HTML page and UI language, each listing all its language versions.
pub fn sitemap(config: &SiteConfig, routes: &[(Route, Option<String>)]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for (route, lastmod) in routes.iter().filter(|(route, _)| {
        !matches!(
            route,
            Route::NotFound | Route::Feed | Route::TermFeed { .. }
        )
    }) {
        let url = |lang: &str| format!("{}{}", config.base_url, route.path(lang));
        let langs: Vec<&str> = if route.is_per_language() {
            config.languages.iter().map(|l| l.code.as_str()).collect()
        } else {
            vec![""]
        };
        for lang in &langs {
            let _ = write!(xml, "<url><loc>{}</loc>", escape(&url(lang)));
            if let Some(lastmod) = lastmod {
                let _ = write!(xml, "<lastmod>{lastmod}</lastmod>");
            }
            if route.is_per_language() {
                for other in &langs {
                    let _ = write!(
                        xml,
                        "<xhtml:link rel=\"alternate\" hreflang=\"{other}\" href=\"{}\"/>",
                        escape(&url(other))
                    );
                }
                let default = &config.default_language().code;
                let _ = write!(
                    xml,
                    "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>",
                    escape(&url(default))
                );
            }
            xml.push_str("</url>\n");
        }
    }
    xml.push_str("</urlset>\n");
    xml
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
