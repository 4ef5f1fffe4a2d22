//! Which pages exist, and rendering each of them in each UI language, in parallel.

use super::chart::{ChartView, chart};
use super::feed::feed;
use super::sitemap::{robots, sitemap};
use super::templates::Templates;
use super::views::{Assets, StoryCard, ViewBuilder};
use crate::error::Diagnostic;
use crate::markdown;
use crate::model::{MonthlyCounts, Route, Site, StoryId, YearMonth};
use crate::output::Staging;
use crate::taxonomy::Kind;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeSet;
use std::sync::atomic::{AtomicUsize, Ordering};

/// What a render wrote.
#[derive(Debug, Default, Clone, Copy)]
pub struct RenderStats {
    pub pages: usize,
}

/// Renders every page into `out`. All template errors are collected, each reported once.
pub fn render_site(
    site: &Site,
    templates: &Templates,
    assets: &Assets,
    out: &Staging,
) -> Result<RenderStats, Vec<Diagnostic>> {
    let renderer = &Renderer {
        site,
        templates,
        assets,
        out,
        written: AtomicUsize::new(0),
    };
    let routes = list_routes(site);
    let mut problems: Vec<Diagnostic> = Vec::new();

    // Article pages: the body is rendered once and reused by every UI tree.
    let article_problems: Vec<Diagnostic> = (0..site.articles.len())
        .into_par_iter()
        .flat_map_iter(|index| {
            let body = markdown::render(&site.articles[index].body);
            site.config
                .languages
                .iter()
                .filter_map(move |ui| renderer.article(index, &body, ui).err())
                .collect::<Vec<_>>()
        })
        .collect();
    problems.extend(article_problems);

    let jobs: Vec<(&Route, &str)> = routes
        .iter()
        .filter(|(route, _)| !matches!(route, Route::Article { .. }))
        .flat_map(|(route, _)| {
            let langs: Vec<&str> = if route.is_per_language() {
                site.config
                    .languages
                    .iter()
                    .map(|l| l.code.as_str())
                    .collect()
            } else {
                vec![site.config.default_language().code.as_str()]
            };
            langs.into_iter().map(move |lang| (route, lang))
        })
        .collect();
    let page_problems: Vec<Diagnostic> = jobs
        .par_iter()
        .filter_map(|(route, lang)| renderer.page(route, lang).err())
        .collect();
    problems.extend(page_problems);

    let extra = [
        ("sitemap.xml", sitemap(&site.config, &routes)),
        ("robots.txt", robots(&site.config)),
        (".nojekyll", String::new()),
    ];
    for (path, text) in extra {
        if let Err(e) = out.write(path, text.as_bytes()) {
            problems.extend(e.diagnostics());
        }
    }
    if !problems.is_empty() {
        let mut seen = BTreeSet::new();
        problems.retain(|d| seen.insert(d.to_string()));
        return Err(problems);
    }
    Ok(RenderStats {
        pages: renderer.written.load(Ordering::Relaxed),
    })
}

/// Every route of the site with its last-modified date (for the sitemap).
pub fn list_routes(site: &Site) -> Vec<(Route, Option<String>)> {
    let size = site.config.page_size;
    let pages = |n: usize| n.div_ceil(size).max(1);
    let newest = |ids: &[StoryId]| ids.first().map(|&s| site.stories[s].date.to_string());
    let all: Vec<StoryId> = (0..site.stories.len()).collect();
    let mut routes = vec![(Route::Landing, newest(&all)), (Route::NotFound, None)];
    for page in 1..=pages(site.stories.len()) {
        routes.push((
            Route::Home { page },
            if page == 1 { newest(&all) } else { None },
        ));
    }
    for article in &site.articles {
        routes.push((
            Route::Article {
                slug: article.slug.clone(),
            },
            Some(article.date.to_string()),
        ));
    }
    for kind in [Kind::Country, Kind::Topic] {
        routes.push((Route::Terms { kind }, None));
        for listing in site.listings(kind) {
            let id = &site.taxonomy.terms(kind)[listing.term].id;
            for page in 1..=pages(listing.stories.len()) {
                let lastmod = if page == 1 {
                    newest(&listing.stories)
                } else {
                    None
                };
                routes.push((
                    Route::Term {
                        kind,
                        id: id.clone(),
                        page,
                    },
                    lastmod,
                ));
            }
        }
    }
    for page in 1..=pages(site.stories.len()) {
        routes.push((Route::Timeline { page }, None));
    }
    for (year, ids) in &site.timeline.years {
        for page in 1..=pages(ids.len()) {
            routes.push((Route::Year { year: *year, page }, None));
        }
    }
    routes.push((Route::Feed, None));
    routes
}

struct Renderer<'a> {
    site: &'a Site,
    templates: &'a Templates,
    assets: &'a Assets,
    out: &'a Staging,
    written: AtomicUsize,
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

#[derive(Serialize)]
struct LandingColumn<'a> {
    lang: String,
    /// This column's UI strings.
    t: &'a std::collections::BTreeMap<String, String>,
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
    stories: Vec<StoryCard>,
}

impl<'a> Renderer<'a> {
    fn views(&self, lang: &str) -> ViewBuilder<'a> {
        let ui = self
            .site
            .config
            .language(lang)
            .expect("routes use configured UI languages");
        ViewBuilder {
            site: self.site,
            ui,
            assets: self.assets,
        }
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
            .write(&route.file(lang), html.as_bytes())
            .map_err(|e| e.diagnostics().remove(0))?;
        self.written.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    fn article(
        &self,
        index: usize,
        body: &str,
        ui: &crate::config::UiLanguage,
    ) -> Result<(), Diagnostic> {
        let views = self.views(&ui.code);
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
        page.canonical = views.url(&route, &views.canonical_tree(article));
        let mut context = tera::Context::new();
        context.insert("page", &page);
        context.insert("article", &views.article(index, body));
        self.emit(&route, &ui.code, "article.html", &mut context)
    }

    fn page(&self, route: &Route, lang: &str) -> Result<(), Diagnostic> {
        let views = self.views(lang);
        let site = self.site;
        let mut context = tera::Context::new();
        let size = site.config.page_size;
        let template = match route {
            Route::Landing => {
                let columns: Vec<LandingColumn> = site
                    .config
                    .languages
                    .iter()
                    .map(|ui| {
                        let v = ViewBuilder {
                            site,
                            ui,
                            assets: self.assets,
                        };
                        LandingColumn {
                            lang: ui.code.clone(),
                            t: &ui.strings,
                            name: ui.native_name.clone(),
                            title: ui.title.clone(),
                            description: ui.description.clone(),
                            intro: v.t("landing_intro"),
                            enter: v.t("landing_enter"),
                            latest: v.t("latest"),
                            all_stories: v.t("all_stories"),
                            home: v.href(&Route::Home { page: 1 }),
                            feed: v.href(&Route::Feed),
                            feed_label: v.t("feed"),
                            stories: site
                                .stories
                                .iter()
                                .take(site.config.landing_stories)
                                .map(|s| v.card(s))
                                .collect(),
                        }
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
                page.canonical = site.config.base_url.clone();
                page.x_default = site.config.base_url.clone();
                for alternate in &mut page.alternates {
                    alternate.href = format!("{}{}/", site.config.base_path, alternate.lang);
                    alternate.url = format!("{}{}/", site.config.base_url, alternate.lang);
                    alternate.current = false;
                }
                context.insert("page", &page);
                context.insert("columns", &columns);
                "landing.html"
            }
            Route::NotFound => {
                let mut page = views.page(
                    route,
                    views.t("not_found_title"),
                    views.t("not_found_text"),
                    Vec::new(),
                );
                page.alternates.clear();
                let homes: Vec<HomeLink> = site
                    .config
                    .languages
                    .iter()
                    .map(|ui| {
                        let v = ViewBuilder {
                            site,
                            ui,
                            assets: self.assets,
                        };
                        HomeLink {
                            lang: ui.code.clone(),
                            label: ui.native_name.clone(),
                            href: v.href(&Route::Home { page: 1 }),
                            title: v.t("not_found_title"),
                            text: v.t("not_found_text"),
                            go_home: v.t("go_home"),
                        }
                    })
                    .collect();
                context.insert("page", &page);
                context.insert("homes", &homes);
                "404.html"
            }
            Route::Home { page: n } => {
                let all: Vec<StoryId> = (0..site.stories.len()).collect();
                let total = all.len().div_ceil(size).max(1);
                let heading = if *n == 1 {
                    views.t("latest")
                } else {
                    format!(
                        "{} — {}",
                        views.t("latest"),
                        views.t("page_n").replace("{n}", &n.to_string())
                    )
                };
                let crumbs = if *n == 1 {
                    Vec::new()
                } else {
                    vec![views.home_crumb()]
                };
                let page = views.page(route, heading, views.ui.description.clone(), crumbs);
                context.insert("page", &page);
                context.insert("stories", &self.cards(&views, page_slice(&all, *n, size)));
                context.insert("pagination", &views.pagination(route, *n, total));
                "home.html"
            }
            Route::Terms { kind } => {
                let terms: Vec<TermEntry> = site
                    .listings(*kind)
                    .iter()
                    .map(|l| {
                        let id = &site.taxonomy.terms(*kind)[l.term].id;
                        TermEntry {
                            label: views.term_label(*kind, id),
                            href: views.href(&Route::Term {
                                kind: *kind,
                                id: id.clone(),
                                page: 1,
                            }),
                            count: l.stories.len(),
                            count_label: views.count(l.stories.len()),
                        }
                    })
                    .collect();
                let heading = views.t(kind.key());
                let page = views.page(
                    route,
                    heading.clone(),
                    format!("{heading} — {}", views.ui.description),
                    vec![views.home_crumb()],
                );
                context.insert("page", &page);
                context.insert("terms", &terms);
                context.insert("kind", kind.key());
                "terms.html"
            }
            Route::Term { kind, id, page: n } => {
                let listing = site
                    .listings(*kind)
                    .iter()
                    .find(|l| &site.taxonomy.terms(*kind)[l.term].id == id)
                    .expect("term routes come from listings");
                let label = views.term_label(*kind, id);
                let total = listing.stories.len().div_ceil(size).max(1);
                let heading = if *n == 1 {
                    label.clone()
                } else {
                    format!(
                        "{label} — {}",
                        views.t("page_n").replace("{n}", &n.to_string())
                    )
                };
                let crumbs = vec![
                    views.home_crumb(),
                    views.crumb(views.t(kind.key()), &Route::Terms { kind: *kind }),
                ];
                let page = views.page(
                    route,
                    heading,
                    format!("{label}: {}", views.count(listing.stories.len())),
                    crumbs,
                );
                context.insert("page", &page);
                context.insert("term_label", &label);
                context.insert("count_label", &views.count(listing.stories.len()));
                context.insert("kind", kind.key());
                context.insert(
                    "stories",
                    &self.cards(&views, page_slice(&listing.stories, *n, size)),
                );
                context.insert("pagination", &views.pagination(route, *n, total));
                context.insert("chart", &self.chart(&views, &listing.stories, None));
                "term.html"
            }
            Route::Timeline { page: n } | Route::Year { page: n, .. } => {
                let year = match route {
                    Route::Year { year, .. } => Some(*year),
                    _ => None,
                };
                let all: Vec<StoryId> = (0..site.stories.len()).collect();
                let ids: &[StoryId] = match year {
                    Some(y) => site
                        .timeline
                        .years
                        .iter()
                        .find(|(year, _)| *year == y)
                        .map(|(_, ids)| ids.as_slice())
                        .unwrap_or(&[]),
                    None => &all,
                };
                let total = ids.len().div_ceil(size).max(1);
                let base_heading = match year {
                    Some(y) => views.t("year_n").replace("{year}", &y.to_string()),
                    None => views.t("timeline"),
                };
                let heading = if *n == 1 {
                    base_heading.clone()
                } else {
                    format!(
                        "{base_heading} — {}",
                        views.t("page_n").replace("{n}", &n.to_string())
                    )
                };
                let mut crumbs = vec![views.home_crumb()];
                if year.is_some() {
                    crumbs.push(views.crumb(views.t("timeline"), &Route::Timeline { page: 1 }));
                }
                let page = views.page(
                    route,
                    heading,
                    format!("{base_heading}: {}", views.count(ids.len())),
                    crumbs,
                );
                let span = year.map(|y| {
                    (
                        YearMonth { year: y, month: 1 },
                        YearMonth { year: y, month: 12 },
                    )
                });
                let years: Vec<YearLink> = site
                    .timeline
                    .years
                    .iter()
                    .map(|(y, ids)| YearLink {
                        year: *y,
                        href: views.href(&Route::Year { year: *y, page: 1 }),
                        count_label: views.count(ids.len()),
                        current: Some(*y) == year,
                    })
                    .collect();
                context.insert("page", &page);
                context.insert("year", &year);
                context.insert("years", &years);
                context.insert(
                    "groups",
                    &self.month_groups(&views, page_slice(ids, *n, size)),
                );
                context.insert("pagination", &views.pagination(route, *n, total));
                context.insert("chart", &self.chart(&views, ids, span));
                "timeline.html"
            }
            Route::Feed => {
                let page = views.page(
                    route,
                    views.ui.title.clone(),
                    views.ui.description.clone(),
                    Vec::new(),
                );
                context.insert("page", &page);
                context.insert("feed", &feed(&views));
                "feed.xml"
            }
            Route::Article { .. } => unreachable!("article pages are rendered with their bodies"),
        };
        self.emit(route, lang, template, &mut context)
    }

    fn cards(&self, views: &ViewBuilder, ids: &[StoryId]) -> Vec<StoryCard> {
        ids.iter()
            .map(|&s| views.card(&self.site.stories[s]))
            .collect()
    }

    fn month_groups(&self, views: &ViewBuilder, ids: &[StoryId]) -> Vec<MonthGroup> {
        let mut groups: Vec<MonthGroup> = Vec::new();
        let mut current: Option<(u16, u8)> = None;
        for &s in ids {
            let story = &self.site.stories[s];
            let key = (story.date.year, story.date.month);
            if current != Some(key) {
                current = Some(key);
                groups.push(MonthGroup {
                    label: views.ui.dates.month(key.0, key.1),
                    anchor: format!("m{}-{:02}", key.0, key.1),
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

    fn chart(
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
