//! The bilingual landing page, the 404 page and the search page.

use super::Renderer;
use crate::model::Route;
use crate::render::search_page::search_view;
use crate::render::structured::{self};
use crate::render::views::{StoryCard, ViewBuilder};
use serde::Serialize;
use std::collections::BTreeMap;

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
    /// What languages the articles are in: those of the site's articles.
    texts: String,
    /// What languages the interface is in: the site's UI languages.
    interface: String,
    enter: String,
    latest: String,
    all_stories: String,
    home: String,
    feed: String,
    feed_label: String,
    /// This language's search page.
    search: String,
    stories: Vec<StoryCard<'a>>,
}

/// One UI language's part of the 404 page, which cannot know the reader's language.
#[derive(Serialize)]
struct HomeLink<'a> {
    lang: String,
    /// This language's UI strings, for the search box.
    t: &'a BTreeMap<String, String>,
    label: String,
    href: String,
    /// The site's name and description in this language, for the header and footer.
    site_title: String,
    site_description: String,
    search: String,
    title: String,
    text: String,
    go_home: String,
}

impl Renderer<'_> {
    /// The search page: Pagefind's UI, set up in the page's language.
    pub(super) fn search(
        views: &ViewBuilder,
        route: &Route,
        context: &mut tera::Context,
    ) -> &'static str {
        let page = views.page(
            route,
            views.t("search"),
            format!(
                "{} {}",
                views.languages_sentence("search_intro", views.site.text_languages.iter().copied()),
                views.t("search_tip")
            ),
            vec![views.home_crumb()],
        );
        context.insert("page", &page);
        context.insert("search", &search_view(views));
        "search.html"
    }

    pub(super) fn landing(
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
                description: v.description(),
                intro: v.t("landing_intro"),
                texts: v.languages_sentence("landing_texts", site.text_languages.iter().copied()),
                interface: v.languages_sentence(
                    "landing_interface",
                    site.config.languages.iter().map(|l| l.code.as_str()),
                ),
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
            views.description(),
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
        page.canonical.clone_from(&site.config.base_url);
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
            &views.description(),
            &views.url(&Route::Search, &views.ui.code),
        ));
        context.insert("page", &page);
        context.insert("columns", &columns);
        "landing.html"
    }

    pub(super) fn not_found(
        &self,
        views: &ViewBuilder,
        route: &Route,
        context: &mut tera::Context,
    ) -> &'static str {
        // Served for a missing URL in either tree, it says so in every UI language: in the
        // tab and in what a link preview shows too.
        let every = |key: &str, separator: &str| {
            self.every_language()
                .map(|v| v.t(key))
                .collect::<Vec<_>>()
                .join(separator)
        };
        let mut page = views.page(
            route,
            every("not_found_title", " · "),
            every("not_found_text", " "),
            Vec::new(),
        );
        page.title.clone_from(&page.heading);
        page.alternates.clear();
        page.hreflang.clear();
        let homes: Vec<HomeLink> = self
            .every_language()
            .map(|v| HomeLink {
                lang: v.ui.code.clone(),
                t: &v.ui.strings,
                label: v.ui.native_name.clone(),
                href: v.href(&Route::Home { page: 1 }),
                site_title: v.ui.title.clone(),
                site_description: v.description(),
                search: v.href(&Route::Search),
                title: v.t("not_found_title"),
                text: v.t("not_found_text"),
                go_home: v.t("go_home"),
            })
            .collect();
        context.insert("page", &page);
        context.insert("homes", &homes);
        context.insert("root", &self.site.config.base_path);
        "404.html"
    }
}
