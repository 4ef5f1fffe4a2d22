//! What the search index holds of every article: its address, its text and metadata
//! (title, date, language), and each UI tree's labels for its language, countries and topics
//! (the filters a search is narrowed by).

use super::links::SiteLinks;
use super::views::{Assets, ViewBuilder};
use crate::config::UiLanguage;
use crate::model::{Route, Site};
use crate::search::{self, Corpus, Filters, Meta, Page, Pages};
use crate::taxonomy::Kind;
use std::collections::BTreeMap;

/// Every article of `site`, for each UI tree's index. The trees whose language is stemmed
/// alike (in practice all: kk and tg are not) search one corpus, whose text of an article is
/// read once and whose addresses are its first tree's ([`index_tree`]).
pub fn search_corpora<'a>(site: &'a Site, assets: &'a Assets) -> Vec<Corpus<'a>> {
    // An article's first image is searched by its address and text: the index is told
    // whether any may have one (an image in Markdown or HTML; a word that only looks like
    // one costs two empty fields).
    let images = site.articles.iter().any(|a| {
        a.body.contains("![")
            || a.body
                .as_bytes()
                .windows(4)
                .any(|w| w.eq_ignore_ascii_case(b"<img"))
    });
    groups(site)
        .into_iter()
        .map(|languages| {
            let views: Vec<ViewBuilder> = languages
                .iter()
                .map(|&ui| ViewBuilder { site, ui, assets })
                .collect();
            // Numbered by address: the same order in every tree.
            let mut order: Vec<usize> = (0..site.articles.len()).collect();
            order.sort_by_cached_key(|&i| url(&views[0], i));
            Corpus {
                trees: languages.iter().map(|ui| ui.code.clone()).collect(),
                pages: Box::new(Articles {
                    links: SiteLinks::new(site),
                    views,
                    order,
                }),
                images,
            }
        })
        .collect()
}

/// A corpus's articles, made for the index one at a time.
struct Articles<'a> {
    links: SiteLinks<'a>,
    /// Per tree of the corpus, the first tree first.
    views: Vec<ViewBuilder<'a>>,
    /// Article indices by page number.
    order: Vec<usize>,
}

impl Pages for Articles<'_> {
    fn count(&self) -> usize {
        self.order.len()
    }

    fn page(&self, number: usize) -> Page {
        let first = &self.views[0];
        let index = self.order[number];
        let article = &first.site.articles[index];
        // Rendered again rather than kept from the page stage: holding every body (about
        // 10 KB an article) would cost far more memory than the ~35 µs a rendering takes.
        let (body, _) = self.links.render(article, &first.site.config.base_path);
        Page {
            url: url(first, index),
            title: article.title.clone(),
            body_html: body.in_tree("").into_owned(),
            meta: Meta {
                title: tidy(&article.title),
                lang: tidy(article.lang.code),
                language: tidy(article.lang.native_name),
                // The date as the page's <time datetime>: each tree's search page writes it
                // in its own language.
                date: article.date.to_string(),
            },
        }
    }

    fn filters(&self, tree: usize, number: usize) -> Filters {
        filters(&self.views[tree], self.order[number])
    }
}

/// The UI languages of `site`, grouped by the stemming their search uses, in the order of
/// the configuration.
fn groups(site: &Site) -> Vec<Vec<&UiLanguage>> {
    let mut groups: Vec<(Option<&str>, Vec<&UiLanguage>)> = Vec::new();
    for ui in &site.config.languages {
        let stemming = search::stemming(&ui.code);
        match groups.iter_mut().find(|(s, _)| *s == stemming) {
            Some((_, languages)) => languages.push(ui),
            None => groups.push((stemming, vec![ui])),
        }
    }
    groups.into_iter().map(|(_, languages)| languages).collect()
}

/// The UI tree whose addresses the index searched from `ui`'s search page holds.
pub fn index_tree<'a>(site: &'a Site, ui: &UiLanguage) -> &'a UiLanguage {
    groups(site)
        .into_iter()
        .find(|languages| languages.iter().any(|l| l.code == ui.code))
        .map(|languages| languages[0])
        .expect("every UI language is in a group")
}

/// The address of an article in `views`' tree.
fn url(views: &ViewBuilder, index: usize) -> String {
    let route = Route::Article {
        slug: views.site.articles[index].slug.clone(),
    };
    format!("/{}", route.path(&views.ui.code))
}

/// An article's filters, in the labels of `views`' tree.
fn filters(views: &ViewBuilder, index: usize) -> Filters {
    let article = &views.site.articles[index];
    let mut filters = BTreeMap::new();
    filters.insert(
        tidy(&views.t("text_language")),
        vec![tidy(article.lang.native_name)],
    );
    filters.insert(tidy(&views.t("years")), vec![article.date.year.to_string()]);
    for (key, kind, ids) in [
        ("countries", Kind::Country, &article.countries),
        ("topics", Kind::Topic, &article.topics),
    ] {
        if !ids.is_empty() {
            let labels = ids
                .iter()
                .map(|id| tidy(&views.term_label(kind, id)))
                .collect();
            filters.insert(tidy(&views.t(key)), labels);
        }
    }
    filters
}

/// A value as the index reads it from a page: escaped, spaces tidied.
fn tidy(value: &str) -> String {
    search::tidy(&html_escape::encode_text(value))
}
