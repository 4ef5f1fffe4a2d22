//! `dostyk new`: a new article file with its front matter filled in, ready for its text.
//!
//! The command gathers a [`Request`] from flags (and, in a terminal, from [`ask_missing`]),
//! [`plan`] checks it against the project's [`Archive`] and turns it into the file an import
//! would write ([`ArticleFile`]), and [`fn@write`] puts that file in place without ever replacing one.

mod ask;

pub use ask::ask_missing;

use super::Archive;
use crate::date::Date;
use crate::error::did_you_mean;
use crate::language::Language;
use crate::load::ArticleFile;
use crate::load::taxonomy::{Kind, Taxonomy};
use crate::slug;
use std::path::PathBuf;

/// What the editor asked for, unchecked: flags, then answers to prompts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Request {
    /// The title, in the article's language.
    pub title: Option<String>,
    /// A language code (`kk`, `tg`, `uz` …).
    pub lang: Option<String>,
    /// Country ids; `None` when not given at all (which a terminal session asks about).
    pub countries: Option<Vec<String>>,
    /// Topic ids, likewise.
    pub topics: Option<Vec<String>>,
    /// The publication date; today when not given.
    pub date: Option<Date>,
    /// The outlet the text comes from.
    pub outlet: Option<String>,
    /// The address of the original text, if there is one.
    pub url: Option<String>,
    /// An existing story to join.
    pub story: Option<String>,
    /// The file name and URL segment; the title's Latin slug when not given.
    pub slug: Option<String>,
}

impl Request {
    /// The flags of the required values that are missing or blank, in the order they are asked.
    pub fn missing(&self) -> Vec<&'static str> {
        let blank = |v: &Option<String>| v.as_deref().is_none_or(|s| s.trim().is_empty());
        let mut missing = Vec::new();
        if blank(&self.title) {
            missing.push("--title");
        }
        if blank(&self.lang) {
            missing.push("--lang");
        }
        if blank(&self.outlet) {
            missing.push("--outlet");
        }
        missing
    }
}

/// Why no article was created.
#[derive(Debug, thiserror::Error)]
pub enum NewError {
    /// Required values not given, by their flags, with no terminal to ask for them.
    #[error(
        "missing {}: give {} as flags (standard input is not a terminal, so nothing can be asked)",
        .0.join(", "),
        if .0.len() == 1 { "it" } else { "them" }
    )]
    Missing(Vec<&'static str>),
    /// A value that is only spaces: the title or the outlet.
    #[error("the {0} is empty")]
    Empty(&'static str),
    /// A language code no article can be in.
    #[error("unknown language \"{code}\"{suggestion}; known: {}", Language::codes().collect::<Vec<_>>().join(", "))]
    UnknownLanguage {
        /// The code, as given (lower-cased).
        code: String,
        /// ` (did you mean "kk"?)` for a near miss, or empty.
        suggestion: String,
    },
    /// A country or topic id the taxonomy does not define.
    #[error("unknown {kind} \"{id}\"{suggestion}: define it in content/taxonomy.toml")]
    UnknownTerm {
        /// `country` or `topic`.
        kind: &'static str,
        /// The id, as given (lower-cased).
        id: String,
        /// ` (did you mean "…"?)` for a near miss, or empty.
        suggestion: String,
    },
    /// A slug, given or typed, that is not lower-case Latin letters, digits and single hyphens.
    #[error(
        "the slug \"{}\" may only hold lower-case Latin letters, digits and single hyphens",
        .0.escape_debug()
    )]
    BadSlug(String),
    /// The title has nothing a slug can be made of (no letters that transliterate).
    #[error("the title gives no Latin slug: choose one with --slug")]
    NoSlug,
    /// The file the article would go to is there already, article or not.
    #[error("{} already exists: choose another slug with --slug", .0.display())]
    FileExists(PathBuf),
    /// Another article has the slug, whatever its year folder: its URL would be the same.
    #[error("the slug \"{slug}\" is already used by {}: choose another with --slug", .existing.display())]
    SlugTaken {
        /// The slug asked for.
        slug: String,
        /// The other article's file, relative to the project.
        existing: PathBuf,
    },
    /// A `--story` that is not lower-case Latin letters, digits and single hyphens.
    #[error(
        "the story \"{}\" may only hold lower-case Latin letters, digits and single hyphens",
        .0.escape_debug()
    )]
    BadStory(String),
    /// A `--story` that no article is in: `--story` only joins a story.
    #[error(
        "no article is in story \"{story}\"{suggestion}: --story joins an existing story; leave it out to start a new one"
    )]
    UnknownStory {
        /// The story id asked for.
        story: String,
        /// The story of an article whose slug it is, a near miss, or empty.
        suggestion: String,
    },
    /// The input ended while a value was being asked for (named here).
    #[error("the input ended before the {0} was given")]
    Cancelled(&'static str),
    /// The terminal could not be read or written.
    #[error("cannot ask: {0}")]
    Prompt(#[from] std::io::Error),
    /// The article's file could not be written.
    #[error("{}: {source}", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// Why the system refused.
        #[source]
        source: std::io::Error,
    },
}

/// What a new article is checked against: the archive's slugs and stories.
impl Archive {
    /// A slug that is well-formed and that neither a file nor an article uses yet.
    fn checked_slug(&self, slug: &str, year: u16) -> Result<String, NewError> {
        if !slug::is_valid(slug) {
            return Err(NewError::BadSlug(slug.to_string()));
        }
        if let Some(existing) = self.with_slug(slug) {
            return Err(NewError::SlugTaken {
                slug: slug.to_string(),
                existing: self.shown(&existing.path),
            });
        }
        let path = self.path(year, slug);
        if path.exists() {
            return Err(NewError::FileExists(self.shown(&path)));
        }
        Ok(slug.to_string())
    }

    /// An existing story's id, checked.
    fn story(&self, story: &str) -> Result<String, NewError> {
        let story = story.trim();
        if !slug::is_valid(story) {
            return Err(NewError::BadStory(story.to_string()));
        }
        if self.has_story(story) {
            return Ok(story.to_string());
        }
        // An article's slug given for its story is the likeliest slip.
        let suggestion = if let Some(article) = self.with_slug(story) {
            format!(
                " (article {} is in story \"{}\")",
                self.shown(&article.path).display(),
                article.story
            )
        } else {
            let mut stories: Vec<&str> = self.entries.iter().map(|a| a.story.as_str()).collect();
            stories.sort_unstable();
            stories.dedup();
            did_you_mean(story, stories)
        };
        Err(NewError::UnknownStory {
            story: story.to_string(),
            suggestion,
        })
    }

    /// A story id for an article that starts a story, as the importer makes one for a text that
    /// names no one: the date and the first words of the title, with `-2` … if that is taken.
    fn new_story(&self, date: Date, title: &str) -> String {
        self.free_story(&slug::story_id(date, &slug::slugify(title, 4, 40, None)))
    }

    fn term_lines(&self, kind: Kind) -> String {
        let terms = self.taxonomy.terms(kind);
        let width = terms.iter().map(|t| t.id.len()).max().unwrap_or(0);
        terms
            .iter()
            .map(|term| {
                let labels: Vec<&str> = self
                    .config
                    .languages
                    .iter()
                    .filter_map(|ui| term.labels.get(&ui.code).map(String::as_str))
                    .collect();
                format!("  {:<width$}  {}\n", term.id, labels.join(" / "))
            })
            .collect::<Vec<_>>()
            .concat()
    }
}

/// A checked request: the article file and where it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The article's front matter, as an import would write it, and an empty body.
    pub draft: ArticleFile,
    /// The file to create, under `content/articles/YYYY/`.
    pub path: PathBuf,
    /// Things worth knowing that do not stop the article (e.g. a story that has the language).
    pub notes: Vec<String>,
}

/// Checks `request` and makes the article it asks for; `today` stands in for a missing date.
pub fn plan(request: &Request, archive: &Archive, today: Date) -> Result<Plan, NewError> {
    let missing = request.missing();
    if !missing.is_empty() {
        return Err(NewError::Missing(missing));
    }
    let given = |v: &Option<String>| v.as_deref().unwrap_or_default().to_string();
    let title = check_title(&given(&request.title))?;
    let lang = check_lang(&given(&request.lang))?;
    let taxonomy = &archive.taxonomy;
    let countries = check_terms(
        Kind::Country,
        request.countries.as_deref().unwrap_or_default(),
        taxonomy,
    )?;
    let topics = check_terms(
        Kind::Topic,
        request.topics.as_deref().unwrap_or_default(),
        taxonomy,
    )?;
    let outlet = check_outlet(&given(&request.outlet))?;
    let date = request.date.unwrap_or(today);
    let slug = if let Some(slug) = request.slug.as_deref().map(str::trim) {
        archive.checked_slug(slug, date.year)?
    } else {
        let slug = slug::title_slug(&title, Some(lang));
        if slug.is_empty() {
            return Err(NewError::NoSlug);
        }
        archive.checked_slug(&slug, date.year)?
    };
    let mut notes = Vec::new();
    let story = match &request.story {
        Some(story) => {
            let story = archive.story(story)?;
            for other in archive
                .entries
                .iter()
                .filter(|a| a.story == story && a.lang == lang)
            {
                notes.push(format!(
                    "story \"{story}\" already has a version in \"{lang}\": {}",
                    archive.shown(&other.path).display()
                ));
            }
            story
        }
        None => archive.new_story(date, &title),
    };
    let url = request
        .url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .map(str::to_string);
    let path = archive.path(date.year, &slug);
    Ok(Plan {
        draft: ArticleFile {
            slug,
            title,
            date,
            date_note: None,
            lang: lang.to_string(),
            place: None,
            countries,
            topics,
            story,
            outlet,
            url,
            photo_credit: None,
            lead_photo: None,
            body: String::new(),
        },
        path,
        notes,
    })
}

/// Creates the planned file atomically, never over an existing one.
pub fn write(plan: &Plan) -> Result<(), NewError> {
    crate::authoring::atomic::write_new(&plan.path, &plan.draft.to_file()).map_err(|source| {
        if source.kind() == std::io::ErrorKind::AlreadyExists {
            NewError::FileExists(plan.path.clone())
        } else {
            NewError::Io {
                path: plan.path.clone(),
                source,
            }
        }
    })
}

fn check_title(title: &str) -> Result<String, NewError> {
    let title = title.trim();
    if title.is_empty() {
        return Err(NewError::Empty("title"));
    }
    Ok(title.to_string())
}

fn check_outlet(outlet: &str) -> Result<String, NewError> {
    let outlet = outlet.trim();
    if outlet.is_empty() {
        return Err(NewError::Empty("outlet"));
    }
    Ok(outlet.to_string())
}

fn check_lang(code: &str) -> Result<&'static str, NewError> {
    let code = code.trim().to_lowercase();
    Language::from_code(&code)
        .map(|l| l.code)
        .ok_or_else(|| NewError::UnknownLanguage {
            suggestion: did_you_mean(&code, Language::codes()),
            code,
        })
}

/// The ids, trimmed, empty ones dropped, each once, all defined in the taxonomy.
fn check_terms(kind: Kind, ids: &[String], taxonomy: &Taxonomy) -> Result<Vec<String>, NewError> {
    let known = taxonomy.terms(kind);
    let mut out: Vec<String> = Vec::new();
    for id in ids {
        let id = id.trim().to_lowercase();
        if id.is_empty() || out.contains(&id) {
            continue;
        }
        if known.iter().all(|t| t.id != id) {
            return Err(NewError::UnknownTerm {
                kind: kind.singular(),
                suggestion: did_you_mean(&id, known.iter().map(|t| t.id.as_str())),
                id,
            });
        }
        out.push(id);
    }
    Ok(out)
}

/// Ids as typed at a prompt: separated by commas or spaces.
fn split_ids(answer: &str) -> Vec<String> {
    answer
        .split([',', ' ', '\t'])
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests;
