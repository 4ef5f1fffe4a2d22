//! The Atom feed of one UI language: the newest stories, full text, each in its own language.

use super::views::{Link, ViewBuilder};
use crate::error::Diagnostic;
use crate::model::{Route, StoryId};
use crate::render::markdown::Body;
use serde::Serialize;
use std::sync::Arc;

#[derive(Serialize)]
pub(super) struct FeedView {
    pub title: String,
    pub subtitle: String,
    pub lang: String,
    /// Absolute URL of the feed itself.
    pub self_url: String,
    /// Absolute URL of the page the feed follows.
    pub home_url: String,
    pub updated: String,
    pub entries: Vec<FeedEntry>,
}

#[derive(Serialize)]
pub(super) struct FeedEntry {
    pub title: String,
    pub url: String,
    pub lang: String,
    pub published: String,
    pub author: String,
    pub summary: String,
    /// HTML, escaped by the template as Atom's `type="html"` wants.
    pub content: String,
    pub categories: Vec<Link>,
    /// The lead photo's 16:9 crop, as an enclosure: what feed readers show beside an entry.
    pub image: Option<FeedImage>,
}

#[derive(Serialize)]
pub(super) struct FeedImage {
    pub url: String,
    pub mime: &'static str,
    pub bytes: u64,
}

/// A feed of the newest of `stories` (newest first); `route` is the feed itself, `page`
/// the page it follows. An error if an entry's body cannot be had.
pub(super) fn feed(
    body: &dyn Fn(usize) -> Result<Arc<Body>, Diagnostic>,
    views: &ViewBuilder,
    stories: &[StoryId],
    title: String,
    route: &Route,
    page: &Route,
) -> Result<FeedView, Diagnostic> {
    let site = views.site;
    let lang = views.ui.code.as_str();
    let entries: Vec<FeedEntry> = stories
        .iter()
        .take(site.config.feed_length)
        .map(|&s| {
            let story = &site.stories[s];
            let index = site.shown_version(story, lang);
            let article = &site.articles[index];
            let card = views.card_for(story, index);
            let lead = views.lead_photo(article).zip(article.photo.as_ref());
            // Its links were checked with the article page; here they only need a tree.
            let mut content = body(index)?.in_tree(lang).into_owned();
            if let Some((photo, lead)) = lead {
                // Readers show the entry's HTML as it is: the photo opens it, as on the page.
                let fallback = photo.fallback();
                let mut figure = format!(
                    "<figure><img src=\"{}\" width=\"{}\" height=\"{}\" alt=\"",
                    views.file_url(&fallback.path),
                    fallback.width,
                    fallback.height
                );
                let _ = pulldown_cmark_escape::escape_html(&mut figure, &lead.alt);
                figure.push_str("\"></figure>");
                content.insert_str(0, &figure);
            }
            Ok(FeedEntry {
                title: article.title.clone(),
                url: views.url(
                    &Route::Article {
                        slug: article.slug.clone(),
                    },
                    lang,
                ),
                lang: article.lang.code.to_string(),
                published: article.date.rfc3339(),
                author: article.source.outlet.clone(),
                summary: article.summary.clone(),
                content,
                categories: card
                    .countries
                    .iter()
                    .chain(&card.topics)
                    .map(|t| t.link.clone())
                    .collect(),
                image: lead.map(|(photo, _)| {
                    let share = photo.share();
                    FeedImage {
                        url: views.file_url(&share.path),
                        mime: share.format.mime(),
                        bytes: share.bytes,
                    }
                }),
            })
        })
        .collect::<Result<_, Diagnostic>>()?;
    Ok(FeedView {
        title,
        subtitle: views.description(),
        lang: lang.to_string(),
        self_url: views.url(route, lang),
        home_url: views.url(page, lang),
        // Entries are newest first; an empty feed has nothing newer than the epoch.
        updated: entries
            .iter()
            .map(|e| e.published.clone())
            .max()
            .unwrap_or_else(|| "1970-01-01T00:00:00Z".into()),
        entries,
    })
}
