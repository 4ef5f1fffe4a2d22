//! The articles already in a project, as the commands that add one see them: which slugs and
//! stories are taken, where a new file goes, and the texts an import compares against.

use crate::build::Project;
use crate::date::Date;
use crate::error::Diagnostic;
use crate::load::config::SiteConfig;
use crate::load::taxonomy::Taxonomy;
use crate::load::{self, Article};
use crate::render::markdown;
use std::path::{Path, PathBuf};

/// A project's configuration, taxonomy and readable articles.
pub struct Archive {
    /// The project folder: paths in messages are shown relative to it.
    pub root: PathBuf,
    /// `content/articles`.
    pub articles_dir: PathBuf,
    /// `site.toml`, read as the build reads it.
    pub config: SiteConfig,
    /// The countries and topics an article may name.
    pub taxonomy: Taxonomy,
    /// Every article that loads, and those added since.
    pub entries: Vec<Existing>,
    /// Article files that do not load: their slugs and stories cannot be checked.
    pub unreadable: Vec<Diagnostic>,
}

/// An article of the archive: what slugs, stories and the importer's comparisons need.
pub struct Existing {
    /// Its URL segment, unique in the archive.
    pub slug: String,
    /// The story it is a version of.
    pub story: String,
    /// The code of the text's language (`kk`, `tg` …).
    pub lang: String,
    /// Its publication date.
    pub date: Date,
    /// Its title, as the front matter gives it.
    pub title: String,
    /// The title and the body's plain text.
    pub text: String,
    /// Its file: where it was read from, or where an import of this run puts it.
    pub path: PathBuf,
}

impl Archive {
    /// Reads `site.toml`, the taxonomy (as the build does) and every readable article.
    pub fn load(project: &Project) -> Result<Archive, Vec<Diagnostic>> {
        let config = SiteConfig::load(&project.root, None)?;
        let taxonomy = Taxonomy::load(&project.content.join("taxonomy.toml"), &config)?;
        let articles_dir = project.content.join("articles");
        let partial = load::load_partial(&articles_dir, &taxonomy);
        let mut unreadable = partial.problems;
        let entries = partial
            .loaded
            .articles
            .iter()
            .filter_map(|a| Existing::of(a).map_err(|e| unreadable.push(e)).ok())
            .collect();
        Ok(Archive {
            root: project.root.clone(),
            articles_dir,
            config,
            taxonomy,
            entries,
            unreadable,
        })
    }

    /// `path` relative to the project folder, as messages show it.
    pub fn shown(&self, path: &Path) -> PathBuf {
        path.strip_prefix(&self.root).unwrap_or(path).to_path_buf()
    }

    /// Where the article with `slug` dated in `year` goes.
    pub fn path(&self, year: u16, slug: &str) -> PathBuf {
        self.articles_dir
            .join(year.to_string())
            .join(format!("{slug}.md"))
    }

    /// The article whose slug is `slug`.
    pub fn with_slug(&self, slug: &str) -> Option<&Existing> {
        self.entries.iter().find(|e| e.slug == slug)
    }

    /// Whether an article is in the story `story`.
    pub fn has_story(&self, story: &str) -> bool {
        self.entries.iter().any(|e| e.story == story)
    }

    /// `slug`, or `slug-2`, `slug-3` … : the first that no article uses.
    pub fn free_slug(&self, slug: &str) -> String {
        first_free(slug, |s| self.with_slug(s).is_some())
    }

    /// `story`, or `story-2` … : the first id no article's story has.
    pub fn free_story(&self, story: &str) -> String {
        first_free(story, |s| self.has_story(s))
    }
}

impl Existing {
    /// An article loaded from its file; an error if the file can no longer be read.
    pub fn of(article: &Article) -> Result<Existing, Diagnostic> {
        Ok(Existing {
            slug: article.slug.clone(),
            story: article.story.clone(),
            lang: article.lang.code.to_string(),
            date: article.date,
            title: article.title.clone(),
            text: plain_text(&article.title, &article.body.read(&article.path)?),
            path: article.path.clone(),
        })
    }
}

/// What the importer compares of an article: its title and its body's plain text.
pub fn plain_text(title: &str, body: &str) -> String {
    format!("{title}\n{}", markdown::plain_text(body))
}

/// `base` if `taken` says it is free, else the first of `base-2`, `base-3` … that is.
fn first_free(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    (2..=u32::MAX)
        .map(|n| format!("{base}-{n}"))
        .find(|s| !taken(s))
        .expect("some suffix is free")
}

#[cfg(test)]
mod tests {
    use super::first_free;

    #[test]
    fn a_taken_name_gets_the_first_free_suffix() {
        assert_eq!(first_free("a", |_| false), "a");
        assert_eq!(first_free("a", |s| s == "a" || s == "a-2"), "a-3");
    }
}
