//! Structured data for search engines and link previews: schema.org JSON-LD for news
//! articles, breadcrumbs and the site.

use super::views::Link;
use serde::Serialize;

/// JSON for inside a `<script type="application/ld+json">`: `<`, `>` and `&` are written as
/// `\u003c` etc., so no text (a hostile title) can close the script element.
pub(super) fn json_ld(value: &impl Serialize) -> String {
    let json = serde_json::to_string(value).expect("view structs serialise");
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[derive(Serialize)]
struct Thing<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

#[derive(Serialize)]
struct Image<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    url: &'a str,
    width: u32,
    height: u32,
}

/// What a `NewsArticle` says.
pub(super) struct NewsArticle<'a> {
    pub headline: &'a str,
    pub description: &'a str,
    pub url: &'a str,
    pub date: &'a str,
    pub lang: &'a str,
    pub outlet: &'a str,
    pub outlet_url: Option<&'a str>,
    pub countries: Vec<&'a Link>,
    pub topics: Vec<&'a Link>,
    /// Absolute URLs of the images, with their sizes.
    pub images: &'a [(String, u32, u32)],
    pub site_name: &'a str,
    pub site_url: &'a str,
    /// Absolute URLs of the other language versions.
    pub translations: Vec<String>,
}

pub(super) fn news_article(a: &NewsArticle, origin: &str) -> String {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Doc<'a> {
        #[serde(rename = "@context")]
        context: &'static str,
        #[serde(rename = "@type")]
        kind: &'static str,
        headline: &'a str,
        description: &'a str,
        url: &'a str,
        main_entity_of_page: &'a str,
        date_published: &'a str,
        in_language: &'a str,
        image: Vec<Image<'a>>,
        publisher: Thing<'a>,
        about: Vec<Thing<'a>>,
        keywords: Vec<&'a str>,
        is_part_of: Thing<'a>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        work_translation: Vec<&'a str>,
    }
    let doc = Doc {
        context: "https://schema.org",
        kind: "NewsArticle",
        headline: a.headline,
        description: a.description,
        url: a.url,
        main_entity_of_page: a.url,
        date_published: a.date,
        in_language: a.lang,
        image: a
            .images
            .iter()
            .map(|(url, width, height)| Image {
                kind: "ImageObject",
                url,
                width: *width,
                height: *height,
            })
            .collect(),
        publisher: Thing {
            kind: "NewsMediaOrganization",
            name: a.outlet,
            url: a.outlet_url.map(str::to_string),
        },
        about: a
            .countries
            .iter()
            .map(|c| Thing {
                kind: "Country",
                name: &c.label,
                url: Some(format!("{origin}{}", c.href)),
            })
            .collect(),
        keywords: a.topics.iter().map(|t| t.label.as_str()).collect(),
        is_part_of: Thing {
            kind: "WebSite",
            name: a.site_name,
            url: Some(a.site_url.to_string()),
        },
        work_translation: a.translations.iter().map(String::as_str).collect(),
    };
    json_ld(&doc)
}

/// A `BreadcrumbList` of `crumbs` (root-relative links) ending at the page itself.
pub(super) fn breadcrumbs(crumbs: &[Link], here: &str, here_url: &str, origin: &str) -> String {
    #[derive(Serialize)]
    struct Item<'a> {
        #[serde(rename = "@type")]
        kind: &'static str,
        position: usize,
        name: &'a str,
        item: String,
    }
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Doc<'a> {
        #[serde(rename = "@context")]
        context: &'static str,
        #[serde(rename = "@type")]
        kind: &'static str,
        item_list_element: Vec<Item<'a>>,
    }
    let mut items: Vec<Item> = crumbs
        .iter()
        .enumerate()
        .map(|(i, c)| Item {
            kind: "ListItem",
            position: i + 1,
            name: &c.label,
            item: format!("{origin}{}", c.href),
        })
        .collect();
    items.push(Item {
        kind: "ListItem",
        position: items.len() + 1,
        name: here,
        item: here_url.to_string(),
    });
    json_ld(&Doc {
        context: "https://schema.org",
        kind: "BreadcrumbList",
        item_list_element: items,
    })
}

/// The site itself, on its home pages and landing page, with its search page as the
/// action search engines may offer (`search` is the search page's absolute URL).
pub(super) fn website(
    name: &str,
    url: &str,
    lang: &str,
    description: &str,
    search: &str,
) -> String {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Doc<'a> {
        #[serde(rename = "@context")]
        context: &'static str,
        #[serde(rename = "@type")]
        kind: &'static str,
        name: &'a str,
        url: &'a str,
        in_language: &'a str,
        description: &'a str,
        potential_action: SearchAction,
    }
    #[derive(Serialize)]
    struct SearchAction {
        #[serde(rename = "@type")]
        kind: &'static str,
        target: String,
        #[serde(rename = "query-input")]
        query_input: &'static str,
    }
    json_ld(&Doc {
        context: "https://schema.org",
        kind: "WebSite",
        name,
        url,
        in_language: lang,
        description,
        potential_action: SearchAction {
            kind: "SearchAction",
            target: format!("{search}?q={{search_term_string}}"),
            query_input: "required name=search_term_string",
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_closes_the_script_element() {
        let json = json_ld(&"</script><script>alert(1)</script>&");
        assert!(
            !json.contains('<') && !json.contains('>') && !json.contains('&'),
            "{json}"
        );
        let back: String = serde_json::from_str(&json).unwrap();
        assert_eq!(back, "</script><script>alert(1)</script>&");
    }
}
