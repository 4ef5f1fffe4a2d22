//! The site model: articles grouped into stories, stories filed under countries and topics.

use super::timeline::Timeline;
use crate::date::Date;
use crate::language::Language;
use crate::load::Article;
use crate::load::config::SiteConfig;
use crate::load::taxonomy::{Kind, Taxonomy};
use std::collections::HashMap;
use std::sync::Arc;

/// Index of a story in [`Site::stories`].
pub type StoryId = usize;

/// One event, told in one or more language versions.
#[derive(Debug, Clone)]
pub struct Story {
    /// The `story` its versions' front matter share (the slug of a lone article by default).
    pub id: String,
    /// Indices into [`Site::articles`]: UI languages first in their order, then the rest by code.
    pub versions: Vec<usize>,
    /// The earliest version's date: where the story sits in lists and the timeline.
    pub date: Date,
    /// Union of the versions' country ids, in taxonomy order.
    pub countries: Vec<String>,
    /// Union of the versions' topic ids, in taxonomy order.
    pub topics: Vec<String>,
}

/// A country or topic that has stories.
#[derive(Debug, Clone)]
pub struct TermListing {
    /// Whether it is a country or a topic.
    pub kind: Kind,
    /// Index into the taxonomy's terms of this kind.
    pub term: usize,
    /// Newest first.
    pub stories: Vec<StoryId>,
}

/// Everything the renderer needs, built once, never changed.
#[derive(Debug)]
pub struct Site {
    /// `site.toml`, validated.
    pub config: SiteConfig,
    /// The countries, topics and places articles are filed under.
    pub taxonomy: Taxonomy,
    /// Shared with the loader's cache, which a rebuild reuses them from.
    pub articles: Vec<Arc<Article>>,
    /// Newest first; ties broken by story id so the order is stable.
    pub stories: Vec<Story>,
    /// The countries that have stories, in taxonomy order.
    pub countries: Vec<TermListing>,
    /// The topics that have stories, in taxonomy order.
    pub topics: Vec<TermListing>,
    /// The stories by year, for the timeline pages.
    pub timeline: Timeline,
    /// The codes of the languages the articles are written in, each once, in the order of
    /// [`Language::codes`] (Kazakh and Tajik first): what the landing page says texts are in.
    pub text_languages: Vec<&'static str>,
    /// The story of each article, by article index.
    article_story: Vec<StoryId>,
}

impl Site {
    /// Groups `articles` into stories and files them; the articles end up newest first, ties
    /// broken by slug, and every index into them refers to that order.
    pub fn new(config: SiteConfig, taxonomy: Taxonomy, mut articles: Vec<Arc<Article>>) -> Site {
        articles.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));
        let stories = group_stories(&config, &taxonomy, &articles);
        let countries = listings(Kind::Country, &taxonomy, &stories);
        let topics = listings(Kind::Topic, &taxonomy, &stories);
        let timeline = Timeline::new(&stories);
        let text_languages = Language::codes()
            .filter(|&code| articles.iter().any(|a| a.lang.code == code))
            .collect();
        let mut article_story = vec![0; articles.len()];
        for (s, story) in stories.iter().enumerate() {
            for &a in &story.versions {
                article_story[a] = s;
            }
        }
        Site {
            config,
            taxonomy,
            articles,
            stories,
            countries,
            topics,
            timeline,
            text_languages,
            article_story,
        }
    }

    /// [`Site::countries`] or [`Site::topics`].
    pub fn listings(&self, kind: Kind) -> &[TermListing] {
        match kind {
            Kind::Country => &self.countries,
            Kind::Topic => &self.topics,
        }
    }

    /// The version of `story` a reader of `ui_lang` sees first: the one in their language if
    /// there is one, else the first version.
    pub fn shown_version(&self, story: &Story, ui_lang: &str) -> usize {
        story
            .versions
            .iter()
            .copied()
            .find(|&a| self.articles[a].lang.code == ui_lang)
            .unwrap_or(story.versions[0])
    }

    /// The story an article belongs to.
    pub fn story_of(&self, article: usize) -> &Story {
        &self.stories[self.article_story[article]]
    }

    /// The language versions of an article: one article per language of its story, in the
    /// story's order. These, not the copies in the other UI tree, are what `hreflang` declares:
    /// the copies carry the same text under another interface and are not translations.
    pub fn language_versions(&self, article: usize) -> Vec<usize> {
        let own = self.articles[article].lang.code;
        let mut seen = vec![own];
        let mut versions = Vec::new();
        for &v in &self.story_of(article).versions {
            let lang = self.articles[v].lang.code;
            if v == article {
                versions.push(v);
            } else if !seen.contains(&lang) {
                seen.push(lang);
                versions.push(v);
            }
        }
        versions
    }
}

fn group_stories(
    config: &SiteConfig,
    taxonomy: &Taxonomy,
    articles: &[Arc<Article>],
) -> Vec<Story> {
    let mut by_id: HashMap<&str, Vec<usize>> = HashMap::with_capacity(articles.len());
    for (i, article) in articles.iter().enumerate() {
        by_id.entry(article.story.as_str()).or_default().push(i);
    }
    // UI languages first in their order, then the rest by code; then by slug.
    let rank = |a: usize| {
        let article = &articles[a];
        let code = article.lang.code;
        let ui = config.languages.iter().position(|l| l.code == code);
        (ui.unwrap_or(usize::MAX), code, article.slug.as_str())
    };
    let mut stories: Vec<Story> = by_id
        .into_iter()
        .map(|(id, mut versions)| {
            versions.sort_by(|&a, &b| rank(a).cmp(&rank(b)));
            let date = versions
                .iter()
                .map(|&a| articles[a].date)
                .min()
                .expect("a story has a version");
            // The versions' terms, each once, in the taxonomy's order. (Taxonomies are short,
            // and a story has few terms: comparing ids beats hashing them.)
            let union = |kind: Kind, of: fn(&Article) -> &Vec<String>| -> Vec<String> {
                taxonomy
                    .terms(kind)
                    .iter()
                    .filter(|t| versions.iter().any(|&a| of(&articles[a]).contains(&t.id)))
                    .map(|t| t.id.clone())
                    .collect()
            };
            Story {
                id: id.to_string(),
                countries: union(Kind::Country, |a| &a.countries),
                topics: union(Kind::Topic, |a| &a.topics),
                versions,
                date,
            }
        })
        .collect();
    stories.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
    stories
}

fn listings(kind: Kind, taxonomy: &Taxonomy, stories: &[Story]) -> Vec<TermListing> {
    let mut lists: Vec<TermListing> = (0..taxonomy.terms(kind).len())
        .map(|term| TermListing {
            kind,
            term,
            stories: Vec::new(),
        })
        .collect();
    for (s, story) in stories.iter().enumerate() {
        let ids = if kind == Kind::Country {
            &story.countries
        } else {
            &story.topics
        };
        for id in ids {
            if let Some(term) = taxonomy.position(kind, id) {
                lists[term].stories.push(s);
            }
        }
    }
    lists.retain(|l| !l.stories.is_empty());
    lists
}
