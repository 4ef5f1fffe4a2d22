//! Rendering every page of the site in each UI language, in parallel: one method per kind
//! of page, each filling a Tera context with view structs.

mod article;
mod landing;
mod lists;
mod signature;
mod timeline;

use signature::story_fingerprints;

use super::chart::ChartView;
use super::feed::feed;
use super::links::SiteLinks;
use super::rebuild::Rebuild;
use super::routes::list_routes;
use super::search_pages::SearchIndexes;
use super::sitemap::{robots, sitemaps};
use super::templates::Templates;
use super::views::{Assets, Frame, ViewBuilder};
use crate::error::Diagnostic;
use crate::load::config::UiLanguage;
use crate::model::{Route, Site, StoryId};
use crate::render::Fingerprint;
use crate::write::Output;
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

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
    Changed(&'a dyn Rebuild),
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
    search: Option<SearchIndexes>,
) -> Result<RenderStats, Vec<Diagnostic>> {
    let memo = match scope {
        Scope::Changed(memo) => Some(memo),
        Scope::All | Scope::Sample => None,
    };
    let frames: &[OnceLock<Frame>] = &site
        .config
        .languages
        .iter()
        .map(|_| OnceLock::new())
        .collect::<Vec<_>>();
    let mut rendering = Renderer {
        site,
        templates,
        assets,
        out,
        links: SiteLinks::new(site, &assets.photos),
        memo,
        written: AtomicUsize::new(0),
        kept: AtomicUsize::new(0),
        charts: Mutex::default(),
        frames,
        strings: site
            .config
            .languages
            .iter()
            .map(|ui| tera::Value::from_serializable(&ui.strings))
            .collect(),
        cards: kept_cards(site, templates),
        stories: memo.map_or_else(Vec::new, |memo| {
            story_fingerprints(site, memo.fingerprints())
        }),
    };
    let renderer = &rendering;
    let routes = list_routes(site);
    let mut problems: Vec<Diagnostic> = Vec::new();

    // Article pages: the body is rendered once and reused by every UI tree, and by the
    // search index, which reads it as the pages are written.
    let sample = matches!(scope, Scope::Sample);
    let sampled = first_of_each(site.articles.iter().map(|a| a.lang.code));
    let mut search = search;
    let article_problems: Vec<Diagnostic> = match &mut search {
        Some(indexes) => indexes.read_articles(|index| renderer.article_pages(index), out),
        None => (0..site.articles.len())
            .into_par_iter()
            .flat_map_iter(|index| {
                if sample && !sampled.contains(&index) {
                    renderer.links.check(&site.articles[index])
                } else {
                    renderer.article_pages(index).1
                }
            })
            .collect(),
    };
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
    // The index's chunks and metadata are written while the other pages render.
    let (page_problems, search_problems) = rayon::join(
        || -> Vec<Diagnostic> {
            jobs.par_iter()
                .filter_map(|(route, lang)| renderer.page(route, lang).err())
                .collect()
        },
        || search.map_or_else(Vec::new, |indexes| indexes.finish(out)),
    );
    problems.extend(page_problems);
    problems.extend(search_problems);

    // Made once the pages are: 100,000 articles' sitemaps are a hundred megabytes, which
    // would add to the peak of the pages' memory.
    let mut extra = match memo {
        Some(memo) if renderer.sitemaps_unchanged(memo, &routes) => Vec::new(),
        _ => sitemaps(site, &routes),
    };
    extra.push(("robots.txt".into(), robots(&site.config)));
    extra.push((".nojekyll".into(), String::new()));
    problems.extend(
        extra
            .par_iter()
            .filter_map(|(path, text)| out.write(path, text.as_bytes()).err())
            .flat_map_iter(|e| e.diagnostics())
            .collect::<Vec<_>>(),
    );
    let stats = RenderStats {
        pages: renderer.written.load(Ordering::Relaxed),
        kept: renderer.kept.load(Ordering::Relaxed),
    };
    // Freeing the kept cards (70 ms at 10,000 stories, on one core, at the end of the build)
    // is left to a thread of its own; where no thread can be started, the closure and the
    // cards with it are dropped here.
    let cards = std::mem::take(&mut rendering.cards);
    if !cards.is_empty() {
        let _ = std::thread::Builder::new()
            .name("free-cards".into())
            .spawn(move || drop(cards));
    }
    if !problems.is_empty() {
        // A broken template fails every page that uses it: say it once.
        let mut seen = BTreeSet::new();
        problems.retain(|d| seen.insert(d.to_string()));
        return Err(problems);
    }
    Ok(stats)
}

struct Renderer<'a> {
    site: &'a Site,
    templates: &'a Templates,
    assets: &'a Assets,
    out: &'a dyn Output,
    links: SiteLinks<'a>,
    /// Set in a rebuild: pages whose inputs did not change are not rendered again.
    memo: Option<&'a dyn Rebuild>,
    written: AtomicUsize,
    kept: AtomicUsize,
    /// Per story, in a rebuild: its versions' fingerprints in one (feeds carry their whole
    /// text, lists what cards show, charts count them by where they sit).
    stories: Vec<Fingerprint>,
    /// Charts by list and UI language: a list's pages share one.
    charts: Mutex<HashMap<(String, String), Chart>>,
    /// Per UI language (in the configuration's order), what its pages show alike, made for
    /// the first of them.
    frames: &'a [OnceLock<Frame>],
    /// Per UI language (in the configuration's order), its strings as a template value:
    /// made once, since every page reads them and a value's clone shares it.
    strings: Vec<tera::Value>,
    /// Per UI language, the cards made so far: a story is on five lists or more (home,
    /// timeline, year, its countries and topics), and making and rendering a card was most
    /// of the cost of a list's page. Empty where none are kept: see [`kept_cards`].
    cards: Vec<KeptCards>,
}

/// One UI language's story cards as template values, by story, each made the first time a
/// list shows it.
struct KeptCards {
    /// The card's fields; empty where the list templates are ours, which read only `html`.
    fields: Vec<OnceLock<tera::Value>>,
    /// Per [`Level`], the card's HTML (under `html`), with its fields where they are kept.
    shown: [Vec<OnceLock<tera::Value>>; 2],
}

/// Where a list shows its cards, which sets their headings' level.
#[derive(Clone, Copy)]
enum Level {
    /// In a list of stories: `h2`.
    List,
    /// Under the timeline's months: `h3`.
    Month,
}

impl Level {
    fn heading(self) -> u8 {
        match self {
            Level::List => 2,
            Level::Month => 3,
        }
    }
}

/// How many cards, stories times UI languages, a render keeps. Making and rendering the
/// cards again for each list was a tenth of a 100,000-article build without search: its
/// 153,916 cards are kept.
/// - With dostyk's list templates, only their HTML, about 2 KB a card at each of its two
///   levels: 800 MB at most.
/// - Where the project replaced one, with their fields too, which it may read: about 9 KB a
///   card (the 10,000-article benchmark's peak rose from 297 to 398 MiB when the HTML of its
///   15,332 was kept beside their fields), so fewer.
///
/// Past this, lists make their cards as they go, so that memory stops growing with the
/// archive; keeping only some would save little, since each card kept saves only its other
/// lists' copies.
const CARDS_KEPT: usize = 200_000;

/// How many cards are kept with their fields: see [`CARDS_KEPT`].
const WHOLE_CARDS_KEPT: usize = 24_000;

/// The templates rendered with kept cards in their context: the lists, and what they extend
/// and include. Ours read nothing from a card but its HTML. (`partials/story.html` is given
/// the fields, where lists include it, only for cards not kept.)
const CARD_READERS: &[&str] = &[
    "home.html",
    "term.html",
    "timeline.html",
    "base.html",
    "partials/stories.html",
    "partials/pagination.html",
    "partials/chart.html",
];

/// The cards a render keeps, per UI language: empty where it keeps none.
fn kept_cards(site: &Site, templates: &Templates) -> Vec<KeptCards> {
    let cards = site.stories.len() * site.config.languages.len();
    let ours = CARD_READERS.iter().all(|t| templates.built_in(t));
    let limit = if ours { CARDS_KEPT } else { WHOLE_CARDS_KEPT };
    if cards > limit {
        return Vec::new();
    }
    let slots = || site.stories.iter().map(|_| OnceLock::new()).collect();
    site.config
        .languages
        .iter()
        .map(|_| KeptCards {
            fields: if ours { Vec::new() } else { slots() },
            shown: [slots(), slots()],
        })
        .collect()
}

/// Room for a card's HTML: about 1.5 KB, twice that with a thumbnail.
const CARD_BYTES: usize = 4096;

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
        let mut views = ViewBuilder {
            site: self.site,
            ui,
            assets: self.assets,
            frame: None,
        };
        let frames: &'a [OnceLock<Frame>] = self.frames;
        views.frame = Some(frames[self.tree(&ui.code)].get_or_init(|| Frame::new(&views)));
        views
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
        // Templates read UI strings as `t`; story lists start at `h2` unless a template says otherwise.
        context.insert_value("t", self.strings[self.tree(lang)].clone());
        context.insert("heading_level", &2);
        let html = self.templates.render(template, context)?;
        self.out
            .write(&route.file(lang), &html)
            .map_err(|e| e.diagnostics().remove(0))?;
        self.written.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// The position of UI language `lang` in the configuration: what the per-language
    /// values (`strings`, `cards`) are indexed by.
    fn tree(&self, lang: &str) -> usize {
        self.site
            .config
            .languages
            .iter()
            .position(|ui| ui.code == lang)
            .expect("pages are rendered in configured UI languages")
    }

    /// Story `story`'s card in the UI language of `views`, as a template value. Where cards
    /// are kept, it is `html`, the card as `partials/story.html` renders it at `level`, so
    /// that lists show it without rendering it again for each; with the card's fields beside
    /// it where the project's lists may read them. Where cards are not kept, lists
    /// include the partial themselves: rendering it here and adding its HTML to the value
    /// cost more (7% of a 100,000-article build).
    fn card(
        &self,
        views: &ViewBuilder,
        story: StoryId,
        level: Level,
    ) -> Result<tera::Value, Diagnostic> {
        let make = || tera::Value::from_serializable(&views.card(&self.site.stories[story]));
        let tree = self.tree(&views.ui.code);
        let Some(kept) = self.cards.get(tree) else {
            return Ok(make());
        };
        let shown = &kept.shown[level as usize][story];
        if let Some(card) = shown.get() {
            return Ok(card.clone());
        }
        let fields = match kept.fields.get(story) {
            Some(slot) => slot.get_or_init(make).clone(),
            None => make(),
        };
        let mut context = tera::Context::new();
        context.insert_value("story", fields.clone());
        context.insert_value("t", self.strings[tree].clone());
        context.insert_value("heading_level", level.heading().into());
        let html = self
            .templates
            .render_sized("partials/story.html", &context, CARD_BYTES)?;
        let mut card = if kept.fields.is_empty() {
            tera::value::Map::default()
        } else {
            fields.into_map().unwrap_or_default()
        };
        card.insert(
            tera::value::Key::Str("html"),
            // Tera writes UTF-8: the quick check passes, where a lossy conversion would
            // walk the text a character at a time.
            tera::Value::safe_string(
                &simdutf8::basic::from_utf8(&html)
                    .map_or_else(|_| String::from_utf8_lossy(&html), Cow::Borrowed),
            ),
        );
        let card = tera::Value::from(card);
        // Another page may have made it meanwhile: the same value.
        let _ = shown.set(card.clone());
        Ok(card)
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
        let template = self.fill(route, lang, &mut context)?;
        self.emit(route, lang, template, &mut context)
    }

    /// Fills `context` for a page; returns its template.
    fn fill(
        &self,
        route: &Route,
        lang: &str,
        context: &mut tera::Context,
    ) -> Result<&'static str, Diagnostic> {
        let views = self.views(lang);
        Ok(match route {
            Route::Landing => self.landing(&views, route, context),
            Route::NotFound => self.not_found(&views, route, context),
            Route::Home { page } => self.home(&views, route, *page, context)?,
            Route::Terms { kind } => self.terms(&views, route, *kind, context),
            Route::Term { kind, id, page } => {
                self.term(&views, route, *kind, id, *page, context)?
            }
            Route::Timeline { page } => self.timeline(&views, route, None, *page, context)?,
            Route::Year { year, page } => {
                self.timeline(&views, route, Some(*year), *page, context)?
            }
            Route::Feed => {
                let page = views.page(
                    route,
                    views.ui.title.clone(),
                    views.description(),
                    Vec::new(),
                );
                context.insert("page", &page);
                let home = Route::Home { page: 1 };
                context.insert(
                    "feed",
                    &feed(
                        &|index| self.body(index).map(|(body, _)| body),
                        &views,
                        &self.site.timeline.all,
                        views.ui.title.clone(),
                        route,
                        &home,
                    )?,
                );
                "feed.xml"
            }
            Route::TermFeed { kind, id } => {
                let label = views.term_label(*kind, id);
                let title = format!("{label} — {}", views.ui.title);
                let page = views.page(route, title.clone(), views.description(), Vec::new());
                context.insert("page", &page);
                let term = Route::Term {
                    kind: *kind,
                    id: id.clone(),
                    page: 1,
                };
                context.insert(
                    "feed",
                    &feed(
                        &|index| self.body(index).map(|(body, _)| body),
                        &views,
                        self.term_stories(*kind, id),
                        title,
                        route,
                        &term,
                    )?,
                );
                "feed.xml"
            }
            Route::Search => Self::search(&views, route, context),
            Route::Article { .. } => unreachable!("article pages are rendered with their bodies"),
        })
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::templates::built_in_text;

    /// The templates a built-in template extends or includes, by name.
    fn used_by(name: &str) -> Vec<String> {
        let text = built_in_text(name).expect("a built-in template");
        ["{% extends \"", "{% include \""]
            .iter()
            .flat_map(|tag| text.split(tag).skip(1))
            .filter_map(|rest| rest.split('"').next())
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn the_card_readers_are_the_lists_and_all_they_use() {
        let mut found: BTreeSet<String> = BTreeSet::new();
        let mut next: Vec<String> = ["home.html", "term.html", "timeline.html"]
            .map(str::to_owned)
            .to_vec();
        while let Some(name) = next.pop() {
            // The card's partial is rendered with its own context where cards are kept.
            if name != "partials/story.html" && found.insert(name.clone()) {
                next.extend(used_by(&name));
            }
        }
        let readers: BTreeSet<String> = CARD_READERS.iter().map(|&t| t.to_owned()).collect();
        assert_eq!(found, readers);
    }
}
