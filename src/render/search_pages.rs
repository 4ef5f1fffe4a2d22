//! What each UI tree's search index holds of every article: its address in the tree, its
//! text, and the tree's labels for its language, date, countries and topics (the metadata a
//! result shows and the filters a search is narrowed by).

use super::links::SiteLinks;
use super::views::{Assets, ViewBuilder};
use crate::config::UiLanguage;
use crate::model::{Route, Site};
use crate::search::text::normalize_content;
use crate::search::{self, Corpus, Page, Text, Tree};
use crate::taxonomy::Kind;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Every article of `site`, for each UI tree's index. The text of an article is read once
/// for all the trees whose language is stemmed alike (in practice, once: kk and tg are not).
pub fn search_corpora(site: &Site, assets: &Assets) -> Vec<Corpus> {
    let links = SiteLinks::new(site);
    let mut groups: Vec<(Option<&str>, Vec<&UiLanguage>)> = Vec::new();
    for ui in &site.config.languages {
        let stemming = search::stemming(&ui.code);
        match groups.iter_mut().find(|(s, _)| *s == stemming) {
            Some((_, languages)) => languages.push(ui),
            None => groups.push((stemming, vec![ui])),
        }
    }
    groups
        .into_iter()
        .map(|(_, languages)| {
            let mut corpus = Corpus::new(&languages[0].code);
            let texts: Vec<Arc<Text>> = site
                .articles
                .par_iter()
                .map(|article| {
                    // Rendered again rather than kept from the page stage: holding every body
                    // (about 10 KB an article) would cost far more memory than the ~35 µs a
                    // rendering takes.
                    let (body, _) = links.render(article, &site.config.base_path);
                    Arc::new(corpus.text(&article.title, &body.in_tree("")))
                })
                .collect();
            for ui in languages {
                let views = ViewBuilder { site, ui, assets };
                let mut pages: Vec<Page> = (0..site.articles.len())
                    .into_par_iter()
                    .map(|index| page(&views, index, texts[index].clone()))
                    .collect();
                pages.sort_by(|a, b| a.url.cmp(&b.url));
                corpus.trees.push(Tree {
                    language: ui.code.clone(),
                    pages,
                });
            }
            corpus
        })
        .collect()
}

/// One article as the index of `views`' tree holds it.
fn page(views: &ViewBuilder, index: usize, text: Arc<Text>) -> Page {
    let article = &views.site.articles[index];
    // Values as Pagefind reads them from a page: spaces tidied.
    let tidy = |value: &str| normalize_content(&html_escape::encode_text(value));
    let mut meta = BTreeMap::new();
    meta.insert("title".to_string(), tidy(&article.title));
    meta.insert("lang".to_string(), tidy(article.lang.code));
    meta.insert("language".to_string(), tidy(article.lang.native_name));
    meta.insert("date".to_string(), tidy(&views.ui.dates.date(article.date)));
    if let Some((image, alt)) = &text.image {
        meta.insert("image".to_string(), image.clone());
        meta.insert("image_alt".to_string(), alt.clone());
    }
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
    let route = Route::Article {
        slug: article.slug.clone(),
    };
    Page {
        url: format!("/{}", route.path(&views.ui.code)),
        text,
        meta,
        filters,
    }
}
