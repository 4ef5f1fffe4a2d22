//! What the search index holds of every article: its address, its text and metadata
//! (title, date, language), and each UI tree's labels for its language, countries and topics
//! (the filters a search is narrowed by).

use super::links::SiteLinks;
use super::views::{Assets, ViewBuilder};
use crate::error::Diagnostic;
use crate::load::config::UiLanguage;
use crate::load::taxonomy::Kind;
use crate::model::{Route, Site};
use crate::render::markdown::Body;
use crate::search::{self, Corpus, Filters, Indexing, Meta, Page, Pages, ReadPage, Reader};
use crate::write::Output;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

/// Every article of `site`, for each UI tree's index. The trees whose language is stemmed
/// alike (in practice all: kk and tg are not) search one corpus, whose text of an article is
/// read once and whose addresses are its first tree's (`index_tree`).
pub fn search_corpora<'a>(site: &'a Site, assets: &'a Assets) -> Vec<Corpus<'a>> {
    let (images, corpora) = corpora(site, assets);
    corpora
        .into_iter()
        .map(|(trees, articles)| Corpus {
            trees,
            pages: Box::new(articles),
            images,
        })
        .collect()
}

/// Whether an article may have an image, and per group of trees ([`groups`]) their codes
/// and the articles as its index reads them, all in one order.
fn corpora<'a>(site: &'a Site, assets: &'a Assets) -> (bool, Vec<(Vec<String>, Articles<'a>)>) {
    let order = Arc::new(address_order(site));
    let corpora = groups(site)
        .into_iter()
        .map(|languages| {
            let trees = languages.iter().map(|ui| ui.code.clone()).collect();
            (
                trees,
                Articles::new(site, assets, &languages, order.clone()),
            )
        })
        .collect();
    (may_have_images(site), corpora)
}

/// The search indexes of a build, read while the page stage renders the articles, from the
/// bodies it renders (`read_articles`), then finished (`finish`).
pub struct SearchIndexes<'a> {
    /// Per corpus, its articles (all in one order) and its index.
    articles: Vec<Articles<'a>>,
    indexings: Vec<Indexing>,
}

impl<'a> SearchIndexes<'a> {
    /// Empty indexes for every corpus of `site` (as [`search_corpora`] groups the trees),
    /// ready to read the articles.
    pub fn new(site: &'a Site, assets: &'a Assets) -> SearchIndexes<'a> {
        let (images, corpora) = corpora(site, assets);
        let (indexings, articles) = corpora
            .into_iter()
            .map(|(trees, articles)| (Indexing::new(&trees, images, site.articles.len()), articles))
            .unzip();
        SearchIndexes {
            articles,
            indexings,
        }
    }

    /// Calls `render` for every article (by index, from several threads), in the order the
    /// indexes number them, and reads the body it returns into every index; returns the
    /// problems `render` returned and those of writing the index.
    pub(super) fn read_articles(
        &mut self,
        render: impl Fn(usize) -> (Option<Arc<Body>>, Vec<Diagnostic>) + Sync,
        out: &dyn Output,
    ) -> Vec<Diagnostic> {
        let problems = Mutex::new(Vec::new());
        let articles = &self.articles;
        // Every corpus numbers the articles alike.
        let Some(order) = articles.first().map(|a| a.order.clone()) else {
            return Vec::new();
        };
        let streamed = search::stream(
            &mut self.indexings,
            order.len(),
            |n, readers: &[&Reader]| -> Vec<ReadPage> {
                let index = order[n];
                let (body, found) = render(index);
                if !found.is_empty() {
                    problems
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .extend(found);
                }
                // A page that failed fails the build: the index can do without it.
                let Some(body) = body else {
                    return Vec::new();
                };
                articles
                    .iter()
                    .zip(readers)
                    .map(|(corpus, reader)| {
                        reader.read(&corpus.page_of(index, &body), corpus.filters_of(index))
                    })
                    .collect()
            },
            out,
        );
        let mut problems = problems
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Err(e) = streamed {
            problems.extend(crate::error::Error::from(e).diagnostics());
        }
        problems
    }

    /// Writes the rest of every index and the bundle's entry.
    pub(super) fn finish(self, out: &dyn Output) -> Vec<Diagnostic> {
        let written: search::Result<Vec<search::Written>> =
            self.indexings
                .into_iter()
                .try_fold(Vec::new(), |mut all, indexing| {
                    all.extend(indexing.finish(out)?);
                    Ok(all)
                });
        match written.and_then(|written| search::write_entry(&written, out)) {
            Ok(()) => Vec::new(),
            Err(e) => crate::error::Error::from(e).diagnostics(),
        }
    }
}

/// Whether any article may have an image, whose address and alternative text are searched
/// then.
fn may_have_images(site: &Site) -> bool {
    site.articles.iter().any(|a| a.may_have_image)
}

/// Article indices in the order of their addresses. The same in every tree: addresses
/// differ only in the language before the common `/articles/`, and the slug after it is
/// compared with its closing slash, as the whole address is.
fn address_order(site: &Site) -> Vec<usize> {
    let mut order: Vec<usize> = (0..site.articles.len()).collect();
    order.sort_by_cached_key(|&i| format!("{}/", site.articles[i].slug));
    order
}

/// A corpus's articles, made for the index one at a time.
struct Articles<'a> {
    links: SiteLinks<'a>,
    /// Per tree of the corpus, the first tree first.
    views: Vec<ViewBuilder<'a>>,
    /// Article indices by page number.
    order: Arc<Vec<usize>>,
}

impl<'a> Articles<'a> {
    fn new(
        site: &'a Site,
        assets: &'a Assets,
        languages: &[&'a UiLanguage],
        order: Arc<Vec<usize>>,
    ) -> Articles<'a> {
        Articles {
            links: SiteLinks::new(site, &assets.photos),
            views: languages
                .iter()
                .map(|&ui| ViewBuilder {
                    site,
                    ui,
                    assets,
                    frame: None,
                })
                .collect(),
            order,
        }
    }

    /// Article `index` for the index, with its rendered `body`.
    fn page_of(&self, index: usize, body: &Body) -> Page {
        let first = &self.views[0];
        let article = &first.site.articles[index];
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

    /// Article `index`'s filters, per tree.
    fn filters_of(&self, index: usize) -> Vec<Filters> {
        self.views
            .iter()
            .map(|views| filters(views, index))
            .collect()
    }
}

impl Pages for Articles<'_> {
    fn count(&self) -> usize {
        self.order.len()
    }

    fn page(&self, number: usize) -> Page {
        let index = self.order[number];
        let site = self.views[0].site;
        // Rendered again, in a preview, rather than kept from the page stage: holding every
        // body (about 10 KB an article) would cost far more memory than rendering. A file
        // that changed meanwhile is indexed by its title until the rebuild its change starts.
        let article = &site.articles[index];
        let text = article.body.read(&article.path).unwrap_or_default();
        let (body, _) = self.links.render(article, &text, &site.config.base_path);
        self.page_of(index, &body)
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
pub(super) fn index_tree<'a>(site: &'a Site, ui: &UiLanguage) -> &'a UiLanguage {
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
