//! Walking `content/articles/` and loading every article, collecting every problem.

use super::article::{Article, Parsed};
use crate::error::Diagnostic;
use crate::taxonomy::Taxonomy;
use rayon::prelude::*;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The articles of a project, sorted by path, and the warnings met on the way.
pub struct Loaded {
    pub articles: Vec<Article>,
    pub warnings: Vec<Diagnostic>,
}

/// Every article that loads, and the problems of those that do not: for tools beside the
/// build (the importer) that can work with what is readable.
pub struct Partial {
    pub loaded: Loaded,
    pub problems: Vec<Diagnostic>,
}

/// Loads every `*.md` under `articles_dir`. All problems are returned together.
pub fn load(articles_dir: &Path, taxonomy: &Taxonomy) -> Result<Loaded, Vec<Diagnostic>> {
    let Partial { loaded, problems } = load_partial(articles_dir, taxonomy);
    if problems.is_empty() {
        Ok(loaded)
    } else {
        Err(problems)
    }
}

/// Loads what can be loaded and lists the rest.
pub fn load_partial(articles_dir: &Path, taxonomy: &Taxonomy) -> Partial {
    ArticleCache::default().load(articles_dir, taxonomy, 0)
}

/// Articles parsed by earlier loads, for a process that loads the same folder again and
/// again (the preview server): a file whose size and modification time have not changed is
/// not read again. Each article also gets a hash of its file, which tells later stages what
/// changed.
#[derive(Default)]
pub struct ArticleCache {
    entries: HashMap<PathBuf, Entry>,
}

struct Entry {
    stamp: Stamp,
    /// When the file was read: a file modified just before may have changed again within
    /// the clock's resolution without its stamp showing it.
    read_at: SystemTime,
    /// The taxonomy the article was checked against.
    taxonomy: u64,
    hash: u64,
    result: Result<Parsed, Vec<Diagnostic>>,
}

/// What tells a changed file from an unchanged one without reading it.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

impl ArticleCache {
    /// Loads every `*.md` under `articles_dir`, reading only new and changed files;
    /// `taxonomy_hash` identifies the taxonomy (articles are checked against it again when
    /// it changes).
    pub fn load(
        &mut self,
        articles_dir: &Path,
        taxonomy: &Taxonomy,
        taxonomy_hash: u64,
    ) -> Partial {
        let (files, mut problems) = article_files(articles_dir);
        let stamps: Vec<Option<Stamp>> = files.par_iter().map(|path| stamp(path)).collect();
        let stale: Vec<(&PathBuf, Option<Stamp>)> = files
            .iter()
            .zip(stamps)
            .filter(|(path, stamp)| {
                !matches!(
                    (self.entries.get(*path), stamp),
                    (Some(entry), Some(stamp)) if entry.stamp == *stamp
                        && entry.taxonomy == taxonomy_hash
                        && settled(stamp, entry.read_at)
                )
            })
            .collect();
        let fresh: Vec<(PathBuf, Entry)> = stale
            .par_iter()
            .map(|(path, stamp)| {
                let read_at = SystemTime::now();
                let (hash, result) = load_one(path, taxonomy);
                let stamp = stamp.unwrap_or(Stamp {
                    len: 0,
                    modified: None,
                });
                let entry = Entry {
                    stamp,
                    read_at,
                    taxonomy: taxonomy_hash,
                    hash,
                    result,
                };
                ((*path).clone(), entry)
            })
            .collect();
        self.entries.extend(fresh);
        // Deleted files leave the cache.
        if self.entries.len() > files.len() {
            let present: std::collections::HashSet<&PathBuf> = files.iter().collect();
            self.entries.retain(|path, _| present.contains(path));
        }
        let mut articles = Vec::with_capacity(files.len());
        let mut warnings = Vec::new();
        for path in &files {
            match &self.entries[path].result {
                Ok(parsed) => {
                    articles.push(parsed.article.clone());
                    warnings.extend(parsed.warnings.iter().cloned());
                }
                Err(more) => problems.extend(more.iter().cloned()),
            }
        }
        problems.extend(duplicate_slugs(&articles));
        Partial {
            loaded: Loaded { articles, warnings },
            problems,
        }
    }

    /// The hash of an article's file as last loaded.
    pub fn hash(&self, path: &Path) -> Option<u64> {
        self.entries.get(path).map(|e| e.hash)
    }
}

/// Whether a file with `stamp`, read at `read_at`, was modified long enough before it was read
/// that a later change must show in its stamp (the way git treats "racily clean" files).
fn settled(stamp: &Stamp, read_at: SystemTime) -> bool {
    const CLOCK_SLACK: Duration = Duration::from_secs(2);
    stamp
        .modified
        .is_some_and(|modified| modified + CLOCK_SLACK < read_at)
}

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some(Stamp {
        len: meta.len(),
        modified: meta.modified().ok(),
    })
}

fn load_one(path: &Path, taxonomy: &Taxonomy) -> (u64, Result<Parsed, Vec<Diagnostic>>) {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            let problem = Diagnostic::in_file(path, format!("cannot read: {e}"));
            return (0, Err(vec![problem]));
        }
    };
    let mut hasher = DefaultHasher::new();
    bytes.hash(&mut hasher);
    (hasher.finish(), parse(path, bytes, taxonomy))
}

fn parse(path: &Path, bytes: Vec<u8>, taxonomy: &Taxonomy) -> Result<Parsed, Vec<Diagnostic>> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        vec![Diagnostic::at(
            path,
            line,
            "not valid UTF-8: save the file as UTF-8",
        )]
    })?;
    Article::parse(path, &text, taxonomy)
}

/// Markdown files under `dir`, sorted; hidden and editor backup files are skipped.
fn article_files(dir: &Path) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    if !dir.is_dir() {
        return (files, problems);
    }
    let walk = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            e.depth() == 0
                || !(name.starts_with('.') || name.starts_with('#') || name.ends_with('~'))
        });
    for entry in walk {
        match entry {
            Ok(entry)
                if entry.file_type().is_file()
                    && entry.path().extension().is_some_and(|x| x == "md") =>
            {
                files.push(entry.into_path());
            }
            Ok(_) => {}
            Err(e) => {
                let path = e.path().unwrap_or(dir).to_path_buf();
                problems.push(Diagnostic::in_file(&path, format!("cannot read: {e}")));
            }
        }
    }
    (files, problems)
}

fn duplicate_slugs(articles: &[Article]) -> Vec<Diagnostic> {
    let mut first: HashMap<&str, &Path> = HashMap::new();
    let mut problems = Vec::new();
    for article in articles {
        if let Some(other) = first.insert(&article.slug, &article.path) {
            problems.push(Diagnostic::in_file(
                &article.path,
                format!(
                    "slug \"{}\" is also used by {}: give one of them another file name or `slug`",
                    article.slug,
                    other.display()
                ),
            ));
            first.insert(&article.slug, other);
        }
    }
    problems
}
