//! Rendering every page of the site in each UI language, in parallel: one method per kind
//! of page, each filling a Tera context with view structs.

use super::chart::{ChartView, chart};
use super::feed::feed;
use super::links::SiteLinks;
use super::memo::{Memo, combine};
use super::routes::list_routes;
use super::search_page::search_view;
use super::sitemap::{robots, sitemap_paths, sitemaps};
use super::structured::{self, NewsArticle};
use super::templates::Templates;
use super::views::{Assets, HrefLang, Link, StoryCard, ViewBuilder};
use crate::config::UiLanguage;
use crate::content::Fingerprint;
use crate::error::Diagnostic;
use crate::markdown::Body;
use crate::model::{MonthlyCounts, Route, Site, StoryId, YearMonth};
use crate::output::Output;
use crate::taxonomy::Kind;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// A list's chart, if it has one; shared by the list's pages.
type Chart = Option<Arc<ChartView>>;

/// What a render wrote.
#[derive(Debug, Default, Clone, Copy)]
pub struct RenderStats {
    /// Pages rendered and written.
    pub pages: usize,
    /// Pages a rebuild left as they were, their inputs unchanged.
    pub kept: usize,
}

/// Which pages a render renders.
#[derive(Clone, Copy)]
pub enum Scope<'a> {
    /// Every page: a build.
    All,
    /// The pages whose inputs changed since the build the memo remembers: a rebuild.
    Changed(&'a Memo<'a>),
    /// One page of each kind per UI language, for the template errors only rendering
    /// shows, and every article's links: `dostyk check`.
    Sample,
}

/// Renders the pages of `scope` into `out`. All template errors are collected, each
/// reported once.
pub fn render_site(
    site: &Site,
    templates: &Templates,
    assets: &Assets,
    out: &dyn Output,
    scope: Scope,
) -> Result<RenderStats, Vec<Diagnostic>> {
    let memo = match scope {
        Scope::Changed(memo) => Some(memo),
        Scope::All | Scope::Sample => None,
    };
    let renderer = &Renderer {
        site,
        templates,
        assets,
        out,
        links: SiteLinks::new(site),
        memo,
        written: AtomicUsize::new(0),
        kept: AtomicUsize::new(0),
        charts: Mutex::default(),
        stories: memo.map_or_else(Vec::new, |_| story_fingerprints(site)),
    };
    let routes = list_routes(site);
    let mut problems: Vec<Diagnostic> = Vec::new();

    // Article pages: the body is rendered once and reused by every UI tree.
    let sample = matches!(scope, Scope::Sample);
    let sampled = first_of_each(site.articles.iter().map(|a| a.lang.code));
    let article_problems: Vec<Diagnostic> = (0..site.articles.len())
        .into_par_iter()
        .flat_map_iter(|index| {
            if sample && !sampled.contains(&index) {
                renderer.links.check(&site.articles[index])
            } else {
                renderer.article_pages(index)
            }
        })
        .collect();
    problems.extend(article_problems);

    let default = site.config.default_language().code.as_str();
    let jobs: Vec<(&Route, &str)> = routes
        .iter()
        .map(|(route, _)| route)
        .flat_map(|route| {
            let langs: Vec<&str> = if route.is_per_language() {
                site.config
                    .languages
                    .iter()
                    .map(|l| l.code.as_str())
                    .collect()
            } else {
                vec![default]
            };
            langs.into_iter().map(move |lang| (route, lang))
        })
        .collect();
    let jobs: Vec<(&Route, &str)> = if sample {
        let kinds = first_of_each(jobs.iter().map(|(route, lang)| (route.kind(), *lang)));
        kinds.into_iter().map(|i| jobs[i]).collect()
    } else {
        jobs
    };
    let page_problems: Vec<Diagnostic> = jobs
        .par_iter()
        .filter_map(|(route, lang)| renderer.page(route, lang).err())
        .collect();
    problems.extend(page_problems);

    let mut extra = match memo {
        Some(memo) if renderer.sitemaps_unchanged(memo, &routes) => Vec::new(),
        _ => sitemaps(site, &routes),
    };
    extra.push(("robots.txt".into(), robots(&site.config)));
    extra.push((".nojekyll".into(), String::new()));
    for (path, text) in extra {
        if let Err(e) = out.write(&path, text.as_bytes()) {
            problems.extend(e.diagnostics());
        }
    }
    if !problems.is_empty() {
        // A broken template fails every page that uses it: say it once.
        let mut seen = BTreeSet::new();
        problems.retain(|d| seen.insert(d.to_string()));
        return Err(problems);
    }
    Ok(RenderStats {
        pages: renderer.written.load(Ordering::Relaxed),
        kept: renderer.kept.load(Ordering::Relaxed),
    })
}

struct Renderer<'a> {
    site: &'a Site,
    templates: &'a Templates,
    assets: &'a Assets,
    out: &'a dyn Output,
    links: SiteLinks<'a>,
    /// Set in a rebuild: pages whose inputs did not change are not rendered again.
    memo: Option<&'a Memo<'a>>,
    written: AtomicUsize,
    kept: AtomicUsize,
    /// Per story, in a rebuild: its versions' fingerprints in one (feeds carry their whole
    /// text, lists what cards show, charts count them by where they sit).
    stories: Vec<Fingerprint>,
    /// Charts by list and UI language: a list's pages share one.
    charts: Mutex<HashMap<(String, String), Chart>>,
}

#[derive(Serialize)]
struct TermEntry {
    label: String,
    href: String,
    count: usize,
    count_label: String,
}

#[derive(Serialize)]
struct MonthGroup {
    label: String,
    anchor: String,
    stories: Vec<StoryCard>,
}

#[derive(Serialize)]
struct YearLink {
    year: u16,
    href: String,
    count_label: String,
    current: bool,
}

/// One UI language's column of the bilingual landing page.
#[derive(Serialize)]
struct LandingColumn<'a> {
    lang: String,
    /// This column's UI strings.
    t: &'a BTreeMap<String, String>,
    name: String,
    title: String,
    description: String,
    intro: String,
    enter: String,
    latest: String,
    all_stories: String,
    home: String,
    feed: String,
    feed_label: String,
    /// This language's search page.
    search: String,
    stories: Vec<StoryCard>,
}

/// One UI language's part of the 404 page, which cannot know the reader's language.
#[derive(Serialize)]
struct HomeLink {
    lang: String,
    label: String,
    href: String,
    title: String,
    text: String,
    go_home: String,
}

impl<'a> Renderer<'a> {
    fn views(&self, lang: &str) -> ViewBuilder<'a> {
        let ui = self
            .site
            .config
            .language(lang)
            .expect("routes use configured UI languages");
        self.views_for(ui)
    }

    fn views_for(&self, ui: &'a UiLanguage) -> ViewBuilder<'a> {
        ViewBuilder {
            site: self.site,
            ui,
            assets: self.assets,
        }
    }

    /// Views in every UI language, for the pages that show all of them at once.
    fn every_language(&self) -> impl Iterator<Item = ViewBuilder<'a>> + '_ {
        self.site
            .config
            .languages
            .iter()
            .map(|ui| self.views_for(ui))
    }

    fn emit(
        &self,
        route: &Route,
        lang: &str,
        template: &str,
        context: &mut tera::Context,
    ) -> Result<(), Diagnostic> {
        let ui = self
            .site
            .config
            .language(lang)
            .expect("routes use configured UI languages");
        // Templates read UI strings as `t`; story lists start at `h2` unless a template says otherwise.
        context.insert("t", &ui.strings);
        context.insert("heading_level", &2);
        let html = self.templates.render(template, context)?;
        self.out
            .write(&route.file(lang), &html)
            .map_err(|e| e.diagnostics().remove(0))?;
        self.written.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    fn article(&self, index: usize, body: &str, ui: &'a UiLanguage) -> Result<(), Diagnostic> {
        let views = self.views_for(ui);
        let article = &self.site.articles[index];
        let route = Route::Article {
            slug: article.slug.clone(),
        };
        let crumbs = vec![
            views.home_crumb(),
            views.crumb(views.t("timeline"), &Route::Timeline { page: 1 }),
            views.crumb(
                views.ui.dates.month(article.date.year, article.date.month),
                &Route::Year {
                    year: article.date.year,
                    page: 1,
                },
            ),
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
                countries: &view.card.countries,
                topics: &view.card.topics,
                image: &page.preview.image,
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
    fn article_pages(&self, index: usize) -> Vec<Diagnostic> {
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
            return Vec::new();
        }
        let (body, problems) = self.body(index);
        if !problems.is_empty() {
            return problems;
        }
        trees
            .into_iter()
            .filter_map(|ui| self.article(index, &body.in_tree(&ui.code), ui).err())
            .collect()
    }

    /// What an article page shows: its own file, what lists show of the other versions of its
    /// story ("also in", hreflang), and, if it links to other articles, their files and slugs.
    fn article_signature(&self, memo: &Memo, index: usize) -> u64 {
        let article = &self.site.articles[index];
        let mut hasher = DefaultHasher::new();
        article.fingerprint.whole.hash(&mut hasher);
        for &v in &self.site.story_of(index).versions {
            self.site.articles[v].fingerprint.card.hash(&mut hasher);
        }
        if article.may_link_articles {
            memo.links.hash(&mut hasher);
        }
        hasher.finish()
    }

    /// The HTML of an article's body and the problems of its links; rendered once per
    /// build, or taken from the memo's cache in a rebuild.
    fn body(&self, index: usize) -> (Arc<Body>, Vec<Diagnostic>) {
        let article = &self.site.articles[index];
        let render = || {
            let (body, problems) = self.links.render(article, &self.site.config.base_path);
            (Arc::new(body), problems)
        };
        let Some(memo) = self.memo else {
            return render();
        };
        let mut key = vec![article.fingerprint.whole];
        if article.may_link_articles {
            key.push(memo.links);
        }
        let key = combine(&key);
        let cached = memo
            .bodies
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&key)
            .cloned();
        if let Some(body) = cached {
            return (body, Vec::new());
        }
        let (body, problems) = render();
        if problems.is_empty() {
            memo.bodies
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(key, body.clone());
        }
        (body, problems)
    }

    /// Every page but articles, which [`Self::article`] renders with their bodies. In a
    /// rebuild, only if what it shows changed.
    fn page(&self, route: &Route, lang: &str) -> Result<(), Diagnostic> {
        if let Some(memo) = self.memo {
            let signature = self.page_signature(route);
            if memo.unchanged(&route.file(lang), signature) {
                self.kept.fetch_add(1, Ordering::Relaxed);
                return Ok(());
            }
        }
        let mut context = tera::Context::new();
        let template = self.fill(route, lang, &mut context);
        self.emit(route, lang, template, &mut context)
    }

    /// What a page other than an article shows, as one hash: the stories it lists (their
    /// versions' files), how long its list is, and what it sums up. Everything else it shows
    /// comes from the templates, configuration and taxonomy, which the memo's global hash
    /// covers. [`Self::fill`] must show nothing this leaves out: `tests/session.rs` compares
    /// rebuilds with fresh builds to hold the two together.
    fn page_signature(&self, route: &Route) -> u64 {
        let site = self.site;
        let stamp = |s: StoryId| self.stories[s].card;
        let full = |s: StoryId| self.stories[s].whole;
        let size = site.config.page_size;
        let mut parts = vec![hash_str(&route.path("-"))];
        let list = |ids: &[StoryId], page: usize, parts: &mut Vec<u64>| {
            parts.push(ids.len() as u64);
            parts.extend(page_slice(ids, page, size).iter().map(|&s| stamp(s)));
        };
        // Page 1 of a timeline, year, country or topic sums the whole list up in a chart of
        // its stories by month and country: where they sit, not what they say.
        let chart = |ids: &[StoryId], page: usize, parts: &mut Vec<u64>| {
            if page == 1 {
                let mut hasher = DefaultHasher::new();
                for &s in ids {
                    self.stories[s].place.hash(&mut hasher);
                }
                parts.push(hasher.finish());
            }
        };
        let years = |parts: &mut Vec<u64>| {
            for (year, ids) in &site.timeline.years {
                parts.extend([u64::from(*year), ids.len() as u64]);
            }
        };
        match route {
            Route::Landing => {
                let shown = site.stories.len().min(site.config.landing_stories);
                parts.extend((0..shown).map(stamp));
            }
            Route::NotFound | Route::Search => {}
            Route::Home { page } => list(&site.timeline.all, *page, &mut parts),
            Route::Terms { kind } => {
                for listing in site.listings(*kind) {
                    parts.extend([listing.term as u64, listing.stories.len() as u64]);
                }
            }
            Route::Term { kind, id, page } => {
                let ids = self.term_stories(*kind, id);
                list(ids, *page, &mut parts);
                chart(ids, *page, &mut parts);
            }
            Route::Timeline { page } => {
                list(&site.timeline.all, *page, &mut parts);
                chart(&site.timeline.all, *page, &mut parts);
                years(&mut parts);
            }
            Route::Year { year, page } => {
                let ids = site.timeline.year(*year);
                list(ids, *page, &mut parts);
                chart(ids, *page, &mut parts);
                years(&mut parts);
            }
            Route::Feed => {
                let ids = &site.timeline.all;
                parts.extend(ids.iter().take(site.config.feed_length).map(|&s| full(s)));
            }
            Route::TermFeed { kind, id } => {
                let ids = self.term_stories(*kind, id);
                parts.extend(ids.iter().take(site.config.feed_length).map(|&s| full(s)));
            }
            Route::Article { .. } => unreachable!("article pages have their own signature"),
        }
        combine(&parts)
    }

    /// Whether the sitemaps would come out as the last build made them; each is signed like a
    /// page, so that they are kept. They list every page and article at its address: they change
    /// with where articles sit in the site (and with the configuration, in the global hash).
    fn sitemaps_unchanged(&self, memo: &Memo, routes: &[(Route, Option<String>)]) -> bool {
        let mut hasher = DefaultHasher::new();
        for article in &self.site.articles {
            article.fingerprint.place.hash(&mut hasher);
        }
        let signature = hasher.finish();
        // Every one is signed, even after one that changed, so that none is dropped as gone.
        let mut unchanged = true;
        for path in sitemap_paths(self.site, routes) {
            unchanged &= memo.unchanged(&path, signature);
        }
        unchanged
    }

    /// Fills `context` for a page; returns its template.
    fn fill(&self, route: &Route, lang: &str, context: &mut tera::Context) -> &'static str {
        let views = self.views(lang);
        match route {
            Route::Landing => self.landing(&views, route, context),
            Route::NotFound => self.not_found(&views, route, context),
            Route::Home { page } => self.home(&views, route, *page, context),
            Route::Terms { kind } => self.terms(&views, route, *kind, context),
            Route::Term { kind, id, page } => self.term(&views, route, *kind, id, *page, context),
            Route::Timeline { page } => self.timeline(&views, route, None, *page, context),
            Route::Year { year, page } => self.timeline(&views, route, Some(*year), *page, context),
            Route::Feed => {
                let page = views.page(
                    route,
                    views.ui.title.clone(),
                    views.ui.description.clone(),
                    Vec::new(),
                );
                context.insert("page", &page);
                let home = Route::Home { page: 1 };
                context.insert(
                    "feed",
                    &feed(
                        &|index| self.body(index).0,
                        &views,
                        &self.site.timeline.all,
                        views.ui.title.clone(),
                        route,
                        &home,
                    ),
                );
                "feed.xml"
            }
            Route::TermFeed { kind, id } => {
                let label = views.term_label(*kind, id);
                let title = format!("{label} — {}", views.ui.title);
                let page = views.page(
                    route,
                    title.clone(),
                    views.ui.description.clone(),
                    Vec::new(),
                );
                context.insert("page", &page);
                let term = Route::Term {
                    kind: *kind,
                    id: id.clone(),
                    page: 1,
                };
                context.insert(
                    "feed",
                    &feed(
                        &|index| self.body(index).0,
                        &views,
                        self.term_stories(*kind, id),
                        title,
                        route,
                        &term,
                    ),
                );
                "feed.xml"
            }
            Route::Search => self.search(&views, route, context),
            Route::Article { .. } => unreachable!("article pages are rendered with their bodies"),
        }
    }

    /// The search page: Pagefind's UI, set up in the page's language.
    fn search(
        &self,
        views: &ViewBuilder,
        route: &Route,
        context: &mut tera::Context,
    ) -> &'static str {
        let page = views.page(
            route,
            views.t("search"),
            views.t("search_intro"),
            vec![views.home_crumb()],
        );
        context.insert("page", &page);
        context.insert("search", &search_view(views));
        "search.html"
    }

    fn landing(
        &self,
        views: &ViewBuilder,
        route: &Route,
        context: &mut tera::Context,
    ) -> &'static str {
        let site = self.site;
        let columns: Vec<LandingColumn> = self
            .every_language()
            .map(|v| LandingColumn {
                lang: v.ui.code.clone(),
                t: &v.ui.strings,
                name: v.ui.native_name.clone(),
                title: v.ui.title.clone(),
                description: v.ui.description.clone(),
                intro: v.t("landing_intro"),
                enter: v.t("landing_enter"),
                latest: v.t("latest"),
                all_stories: v.t("all_stories"),
                home: v.href(&Route::Home { page: 1 }),
                feed: v.href(&Route::Feed),
                feed_label: v.t("feed"),
                search: v.href(&Route::Search),
                stories: site
                    .stories
                    .iter()
                    .take(site.config.landing_stories)
                    .map(|s| v.card(s))
                    .collect(),
            })
            .collect();
        let mut page = views.page(
            route,
            views.ui.title.clone(),
            views.ui.description.clone(),
            Vec::new(),
        );
        page.title = site
            .config
            .languages
            .iter()
            .map(|l| l.title.as_str())
            .collect::<Vec<_>>()
            .join(" · ");
        // The landing page belongs to no language tree: its alternates are the two homes.
        page.canonical = site.config.base_url.clone();
        for alternate in &mut page.alternates {
            alternate.href = format!("{}{}/", site.config.base_path, alternate.lang);
            alternate.current = false;
        }
        for hreflang in &mut page.hreflang {
            hreflang.url = if hreflang.lang == "x-default" {
                site.config.base_url.clone()
            } else {
                format!("{}{}/", site.config.base_url, hreflang.lang)
            };
        }
        page.json_ld.push(structured::website(
            &page.title,
            &site.config.base_url,
            &views.ui.code,
            &views.ui.description,
            &views.url(&Route::Search, &views.ui.code),
        ));
        context.insert("page", &page);
        context.insert("columns", &columns);
        "landing.html"
    }

    fn not_found(
        &self,
        views: &ViewBuilder,
        route: &Route,
        context: &mut tera::Context,
    ) -> &'static str {
        let mut page = views.page(
            route,
            views.t("not_found_title"),
            views.t("not_found_text"),
            Vec::new(),
        );
        page.alternates.clear();
        page.hreflang.clear();
        let homes: Vec<HomeLink> = self
            .every_language()
            .map(|v| HomeLink {
                lang: v.ui.code.clone(),
                label: v.ui.native_name.clone(),
                href: v.href(&Route::Home { page: 1 }),
                title: v.t("not_found_title"),
                text: v.t("not_found_text"),
                go_home: v.t("go_home"),
            })
            .collect();
        context.insert("page", &page);
        context.insert("homes", &homes);
        "404.html"
    }

    fn home(
        &self,
        views: &ViewBuilder,
        route: &Route,
        n: usize,
        context: &mut tera::Context,
    ) -> &'static str {
        let all = &self.site.timeline.all;
        let crumbs = if n == 1 {
            Vec::new()
        } else {
            vec![views.home_crumb()]
        };
        let mut page = views.page(
            route,
            views.paged_heading(views.t("latest"), n),
            views.ui.description.clone(),
            crumbs,
        );
        if n == 1 {
            let url = views.url(route, &views.ui.code);
            page.json_ld.push(structured::website(
                &views.ui.title,
                &url,
                &views.ui.code,
                &views.ui.description,
                &views.url(&Route::Search, &views.ui.code),
            ));
        }
        context.insert("page", &page);
        self.insert_list(views, route, all, n, context);
        "home.html"
    }

    fn terms(
        &self,
        views: &ViewBuilder,
        route: &Route,
        kind: Kind,
        context: &mut tera::Context,
    ) -> &'static str {
        let terms: Vec<TermEntry> = self
            .site
            .listings(kind)
            .iter()
            .map(|listing| {
                let id = &self.site.taxonomy.terms(kind)[listing.term].id;
                TermEntry {
                    label: views.term_label(kind, id),
                    href: views.href(&Route::Term {
                        kind,
                        id: id.clone(),
                        page: 1,
                    }),
                    count: listing.stories.len(),
                    count_label: views.count(listing.stories.len()),
                }
            })
            .collect();
        let heading = views.t(kind.key());
        let description = format!("{heading} — {}", views.ui.description);
        let page = views.page(route, heading, description, vec![views.home_crumb()]);
        context.insert("page", &page);
        context.insert("terms", &terms);
        context.insert("kind", kind.key());
        "terms.html"
    }

    fn term(
        &self,
        views: &ViewBuilder,
        route: &Route,
        kind: Kind,
        id: &str,
        n: usize,
        context: &mut tera::Context,
    ) -> &'static str {
        let stories = self.term_stories(kind, id);
        let label = views.term_label(kind, id);
        let count = views.count(stories.len());
        let crumbs = vec![
            views.home_crumb(),
            views.crumb(views.t(kind.key()), &Route::Terms { kind }),
        ];
        let mut page = views.page(
            route,
            views.paged_heading(label.clone(), n),
            format!("{label}: {count}"),
            crumbs,
        );
        page.term_feed = Some(Link {
            label: views.t("feed_of").replace("{name}", &label),
            href: views.href(&Route::TermFeed {
                kind,
                id: id.to_string(),
            }),
            current: false,
        });
        context.insert("page", &page);
        context.insert("term_label", &label);
        context.insert("count_label", &count);
        context.insert("kind", kind.key());
        // The chart sums up the whole list: its first page shows it.
        let chart = (n == 1).then(|| self.chart(views, &format!("{kind:?}/{id}"), stories, None));
        context.insert("chart", &chart.flatten().as_deref());
        self.insert_list(views, route, stories, n, context);
        "term.html"
    }

    /// The whole timeline (`year` is `None`) or one year of it.
    fn timeline(
        &self,
        views: &ViewBuilder,
        route: &Route,
        year: Option<u16>,
        n: usize,
        context: &mut tera::Context,
    ) -> &'static str {
        let timeline = &self.site.timeline;
        let (ids, heading, span) = match year {
            Some(y) => (
                timeline.year(y),
                views.t("year_n").replace("{year}", &y.to_string()),
                Some((
                    YearMonth { year: y, month: 1 },
                    YearMonth { year: y, month: 12 },
                )),
            ),
            None => (timeline.all.as_slice(), views.t("timeline"), None),
        };
        let mut crumbs = vec![views.home_crumb()];
        if year.is_some() {
            crumbs.push(views.crumb(views.t("timeline"), &Route::Timeline { page: 1 }));
        }
        let description = format!("{heading}: {}", views.count(ids.len()));
        let page = views.page(route, views.paged_heading(heading, n), description, crumbs);
        let years: Vec<YearLink> = timeline
            .years
            .iter()
            .map(|(y, ids)| YearLink {
                year: *y,
                href: views.href(&Route::Year { year: *y, page: 1 }),
                count_label: views.count(ids.len()),
                current: Some(*y) == year,
            })
            .collect();
        let size = self.site.config.page_size;
        context.insert("page", &page);
        context.insert("year", &year);
        context.insert("years", &years);
        context.insert(
            "groups",
            &self.month_groups(views, page_slice(ids, n, size)),
        );
        context.insert(
            "pagination",
            &views.pagination(route, n, ids.len().div_ceil(size).max(1)),
        );
        let key = year.map_or_else(|| "timeline".to_string(), |y| format!("year/{y}"));
        let chart = (n == 1).then(|| self.chart(views, &key, ids, span));
        context.insert("chart", &chart.flatten().as_deref());
        "timeline.html"
    }

    /// The stories filed under a country or topic, newest first.
    fn term_stories(&self, kind: Kind, id: &str) -> &'a [StoryId] {
        let site: &'a Site = self.site;
        site.listings(kind)
            .iter()
            .find(|l| site.taxonomy.terms(kind)[l.term].id == id)
            .map_or(&[], |l| l.stories.as_slice())
    }

    /// Page `n` of a story list, and its page links.
    fn insert_list(
        &self,
        views: &ViewBuilder,
        route: &Route,
        ids: &[StoryId],
        n: usize,
        context: &mut tera::Context,
    ) {
        let size = self.site.config.page_size;
        let cards: Vec<StoryCard> = page_slice(ids, n, size)
            .iter()
            .map(|&s| views.card(&self.site.stories[s]))
            .collect();
        context.insert("stories", &cards);
        context.insert(
            "pagination",
            &views.pagination(route, n, ids.len().div_ceil(size).max(1)),
        );
    }

    fn month_groups(&self, views: &ViewBuilder, ids: &[StoryId]) -> Vec<MonthGroup> {
        let mut groups: Vec<MonthGroup> = Vec::new();
        for &s in ids {
            let story = &self.site.stories[s];
            let (year, month) = (story.date.year, story.date.month);
            let anchor = format!("m{year}-{month:02}");
            if groups.last().is_none_or(|g| g.anchor != anchor) {
                groups.push(MonthGroup {
                    label: views.ui.dates.month(year, month),
                    anchor,
                    stories: Vec::new(),
                });
            }
            groups
                .last_mut()
                .expect("pushed above")
                .stories
                .push(views.card(story));
        }
        groups
    }

    /// The chart of the stories `ids` (of the list named `key`), made once per build and UI
    /// language.
    fn chart(
        &self,
        views: &ViewBuilder,
        key: &str,
        ids: &[StoryId],
        span: Option<(YearMonth, YearMonth)>,
    ) -> Chart {
        let key = (key.to_string(), views.ui.code.clone());
        if let Some(chart) = self
            .charts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&key)
        {
            return chart.clone();
        }
        let chart = self.make_chart(views, ids, span).map(Arc::new);
        self.charts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key, chart.clone());
        chart
    }

    fn make_chart(
        &self,
        views: &ViewBuilder,
        ids: &[StoryId],
        span: Option<(YearMonth, YearMonth)>,
    ) -> Option<ChartView> {
        let countries: Vec<String> = self
            .site
            .taxonomy
            .countries
            .iter()
            .map(|t| t.id.clone())
            .collect();
        let counts = MonthlyCounts::new(&self.site.stories, ids, &countries, span);
        chart(&counts, views.ui, |id| views.term_label(Kind::Country, id))
    }
}

fn page_slice(ids: &[StoryId], page: usize, size: usize) -> &[StoryId] {
    let start = (page - 1) * size;
    &ids[start.min(ids.len())..(start + size).min(ids.len())]
}

fn hash_str(text: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

/// Per story, its versions' fingerprints in one.
fn story_fingerprints(site: &Site) -> Vec<Fingerprint> {
    site.stories
        .iter()
        .map(|story| {
            Fingerprint::combine(
                story
                    .versions
                    .iter()
                    .map(|&v| &site.articles[v].fingerprint),
            )
        })
        .collect()
}

/// The index of the first item of each distinct value.
fn first_of_each<T: PartialEq>(items: impl Iterator<Item = T>) -> Vec<usize> {
    let mut seen: Vec<T> = Vec::new();
    let mut first = Vec::new();
    for (i, item) in items.enumerate() {
        if !seen.contains(&item) {
            seen.push(item);
            first.push(i);
        }
    }
    first
}
