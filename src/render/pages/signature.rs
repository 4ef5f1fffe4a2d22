//! What a rebuild compares to tell whether a page must be rendered again.

use super::Renderer;
use super::lists::page_slice;
use crate::model::{Route, Site, StoryId, YearMonth};
use crate::render::Fingerprint;
use crate::render::rebuild::{Rebuild, combine};
use crate::render::sitemap::sitemap_paths;
use std::hash::{DefaultHasher, Hash, Hasher};

impl Renderer<'_> {
    /// What an article page shows: its own file, what lists show of the other versions of its
    /// story ("also in", hreflang), the timeline page its month's breadcrumb links (which
    /// other stories move), and, if it links to other articles, their files and slugs.
    pub(super) fn article_signature(&self, memo: &dyn Rebuild, index: usize) -> u64 {
        let site = self.site;
        let article = &site.articles[index];
        let story = site.story_of(index);
        let mut hasher = DefaultHasher::new();
        memo.fingerprints()[index].whole.hash(&mut hasher);
        for &v in &story.versions {
            memo.fingerprints()[v].card.hash(&mut hasher);
        }
        let month = YearMonth::of(story.date);
        month.hash(&mut hasher);
        site.timeline
            .month_page(month, site.config.page_size)
            .hash(&mut hasher);
        if article.may_link_articles {
            memo.links().hash(&mut hasher);
        }
        hasher.finish()
    }

    /// What a page other than an article shows, as one hash: the stories it lists (their
    /// versions' files), how long its list is, and what it sums up. Everything else it shows
    /// comes from the templates, configuration and taxonomy, which the memo's global hash
    /// covers. [`Self::fill`] must show nothing this leaves out: `tests/session.rs` compares
    /// rebuilds with fresh builds to hold the two together.
    pub(super) fn page_signature(&self, route: &Route) -> u64 {
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
                // It says which languages the articles are in.
                parts.extend(site.text_languages.iter().map(|code| hash_str(code)));
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
    pub(super) fn sitemaps_unchanged(
        &self,
        memo: &dyn Rebuild,
        routes: &[(Route, Option<String>)],
    ) -> bool {
        let mut hasher = DefaultHasher::new();
        for fingerprint in memo.fingerprints() {
            fingerprint.place.hash(&mut hasher);
        }
        let signature = hasher.finish();
        // Every one is signed, even after one that changed, so that none is dropped as gone.
        let mut unchanged = true;
        for path in sitemap_paths(self.site, routes) {
            unchanged &= memo.unchanged(&path, signature);
        }
        unchanged
    }
}

pub(super) fn hash_str(text: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

/// Per story, its versions' fingerprints in one.
pub(super) fn story_fingerprints(site: &Site, articles: &[Fingerprint]) -> Vec<Fingerprint> {
    site.stories
        .iter()
        .map(|story| Fingerprint::combine(story.versions.iter().map(|&v| &articles[v])))
        .collect()
}
