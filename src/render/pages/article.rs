//! Article pages, one per UI tree, over a body rendered once.

use super::Renderer;
use crate::error::Diagnostic;
use crate::load::config::UiLanguage;
use crate::model::Route;
use crate::render::markdown::Body;
use crate::render::rebuild::combine;
use crate::render::structured::{self, NewsArticle};
use crate::render::views::HrefLang;
use std::sync::Arc;
use std::sync::atomic::Ordering;

impl<'a> Renderer<'a> {
    pub(super) fn article(
        &self,
        index: usize,
        body: &str,
        ui: &'a UiLanguage,
    ) -> Result<(), Diagnostic> {
        let views = self.views_for(ui);
        let article = &self.site.articles[index];
        let route = Route::Article {
            slug: article.slug.clone(),
        };
        let crumbs = vec![
            views.home_crumb(),
            views.crumb(views.t("timeline"), &Route::Timeline { page: 1 }),
            views.month_crumb(self.site.story_of(index)),
        ];
        // A text with no paragraph (only a heading, a list or nothing) has no summary; the
        // page still needs a description.
        let description = if article.summary.is_empty() {
            article.title.clone()
        } else {
            article.summary.clone()
        };
        let mut page = views.page(&route, article.title.clone(), description, crumbs);
        page.canonical = views.article_url(article);
        page.preview.kind = "article";
        // With a lead photo, link previews show its 16:9 crop and structured data all three
        // crops; without one, the site's image.
        let mut images = vec![(
            page.preview.image.clone(),
            page.preview.image_width,
            page.preview.image_height,
        )];
        if let (Some(photo), Some(lead)) = (views.lead_photo(article), &article.photo) {
            let share = photo.share();
            page.preview.image = views.file_url(&share.path);
            page.preview.image_width = share.width;
            page.preview.image_height = share.height;
            page.preview.image_alt.clone_from(&lead.alt);
            images = photo
                .of(crate::photos::Role::Crop)
                .map(|crop| (views.file_url(&crop.path), crop.width, crop.height))
                .collect();
        }
        // The copy in the other UI tree defers to the canonical one, so hreflang names the
        // story's versions in other languages, never that copy: a page may not declare itself
        // an alternate of its own canonical (search engines drop both signals).
        let versions = self.site.language_versions(index);
        page.hreflang = if versions.len() > 1 {
            versions
                .iter()
                .map(|&v| HrefLang {
                    lang: self.site.articles[v].lang.code.to_string(),
                    url: views.article_url(&self.site.articles[v]),
                })
                .collect()
        } else {
            Vec::new()
        };
        let view = views.article(index, body);
        let translations = self
            .site
            .story_of(index)
            .versions
            .iter()
            .filter(|&&v| v != index)
            .map(|&v| views.article_url(&self.site.articles[v]))
            .collect();
        page.json_ld.push(structured::news_article(
            &NewsArticle {
                headline: &article.title,
                description: &page.description,
                url: &page.canonical,
                date: &view.card.datetime,
                lang: article.lang.code,
                outlet: &article.source.outlet,
                outlet_url: view.source_url,
                countries: view.card.countries.iter().map(|t| &t.link).collect(),
                topics: view.card.topics.iter().map(|t| &t.link).collect(),
                images: &images,
                site_name: &views.ui.title,
                site_url: &views.url(&Route::Home { page: 1 }, &ui.code),
                translations,
            },
            views.origin(),
        ));
        let mut context = tera::Context::new();
        context.insert("page", &page);
        context.insert("article", &view);
        self.emit(&route, &ui.code, "article.html", &mut context)
    }

    /// An article's page in every UI tree; in a rebuild, only those whose inputs changed.
    /// Returns the body rendered (none if no page was) and the problems met.
    pub(super) fn article_pages(&self, index: usize) -> (Option<Arc<Body>>, Vec<Diagnostic>) {
        let site = self.site;
        let trees: Vec<&UiLanguage> = match self.memo {
            None => site.config.languages.iter().collect(),
            Some(memo) => {
                let signature = self.article_signature(memo, index);
                let route = Route::Article {
                    slug: site.articles[index].slug.clone(),
                };
                site.config
                    .languages
                    .iter()
                    .filter(|ui| {
                        let unchanged = memo.unchanged(&route.file(&ui.code), signature);
                        if unchanged {
                            self.kept.fetch_add(1, Ordering::Relaxed);
                        }
                        !unchanged
                    })
                    .collect()
            }
        };
        if trees.is_empty() {
            return (None, Vec::new());
        }
        let (body, problems) = match self.body(index) {
            Ok(body) => body,
            Err(problem) => return (None, vec![problem]),
        };
        if !problems.is_empty() {
            return (None, problems);
        }
        let problems: Vec<Diagnostic> = trees
            .into_iter()
            .filter_map(|ui| self.article(index, &body.in_tree(&ui.code), ui).err())
            .collect();
        (problems.is_empty().then_some(body), problems)
    }

    /// The HTML of an article's body and the problems of its links; rendered once per
    /// build, or taken from the memo's cache in a rebuild. An error if its text, left in its
    /// file, can no longer be read as it was loaded.
    pub(super) fn body(&self, index: usize) -> Result<(Arc<Body>, Vec<Diagnostic>), Diagnostic> {
        let article = &self.site.articles[index];
        let render = || -> Result<(Arc<Body>, Vec<Diagnostic>), Diagnostic> {
            let text = article.body.read(&article.path)?;
            let (body, problems) = self
                .links
                .render(article, &text, &self.site.config.base_path);
            Ok((Arc::new(body), problems))
        };
        let Some(memo) = self.memo else {
            return render();
        };
        let mut key = vec![memo.fingerprints()[index].whole];
        if article.may_link_articles {
            key.push(memo.links());
        }
        let key = combine(&key);
        if let Some(body) = memo.body(key) {
            return Ok((body, Vec::new()));
        }
        let (body, problems) = render()?;
        if problems.is_empty() {
            memo.keep_body(key, body.clone());
        }
        Ok((body, problems))
    }
}
