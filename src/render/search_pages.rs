//! What the search index holds of every article: its address, its text and metadata
//! (title, date, language), and each UI tree's labels for its language, countries and topics
//! (the filters a search is narrowed by).

use super::links::SiteLinks;
use super::views::{Assets, ViewBuilder};
use crate::config::UiLanguage;
use crate::model::{Route, Site};
use crate::search::text::normalize_content;
use crate::search::{self, Corpus, Filters, Page, Text, Tree};
use crate::taxonomy::Kind;
use rayon::prelude::*;
use std::collections::BTreeMap;

/// Every article of `site`, for each UI tree's index. The trees whose language is stemmed
/// alike (in practice all: kk and tg are not) search one corpus, whose text of an article is
/// read once and whose addresses are its first tree's ([`index_tree`]).
pub fn search_corpora(site: &Site, assets: &Assets) -> Vec<Corpus> {
    let links = SiteLinks::new(site);
    groups(site)
        .into_iter()
        .map(|languages| {
            let mut corpus = Corpus::new(&languages[0].code);
            let first = ViewBuilder {
                site,
                ui: languages[0],
                assets,
            };
            // Numbered by address, as Pagefind numbers them: the same order in every tree.
            let mut order: Vec<usize> = (0..site.articles.len()).collect();
            order.sort_by_cached_key(|&i| url(&first, i));
            corpus.pages = order
                .par_iter()
                .map(|&i| {
                    let article = &site.articles[i];
                    // Rendered again rather than kept from the page stage: holding every body
                    // (about 10 KB an article) would cost far more memory than the ~35 µs a
                    // rendering takes.
                    let (body, _) = links.render(article, &site.config.base_path);
                    let text = corpus.text(&article.title, &body.in_tree(""));
                    page(&first, i, text)
                })
                .collect();
            for ui in languages {
                let views = ViewBuilder { site, ui, assets };
                corpus.trees.push(Tree {
                    language: ui.code.clone(),
                    filters: order.par_iter().map(|&i| filters(&views, i)).collect(),
                });
            }
            corpus
        })
        .collect()
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

/// One article as the index holds it, with its address in `views`' tree.
fn page(views: &ViewBuilder, index: usize, text: Text) -> Page {
    let article = &views.site.articles[index];
    let mut meta = BTreeMap::new();
    meta.insert("title".to_string(), tidy(&article.title));
    meta.insert("lang".to_string(), tidy(article.lang.code));
    meta.insert("language".to_string(), tidy(article.lang.native_name));
    // The date as the page's <time datetime>: each tree's search page writes it in its own
    // language.
    meta.insert("date".to_string(), article.date.to_string());
    if let Some((image, alt)) = &text.image {
        meta.insert("image".to_string(), image.clone());
        meta.insert("image_alt".to_string(), alt.clone());
    }
    Page {
        url: url(views, index),
        text,
        meta,
    }
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

/// A value as Pagefind reads it from a page: escaped, spaces tidied.
fn tidy(value: &str) -> String {
    normalize_content(&html_escape::encode_text(value))
}
