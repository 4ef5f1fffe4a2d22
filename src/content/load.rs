//! Walking `content/articles/` and loading every article, collecting every problem.

use super::article::{Article, Parsed};
use crate::error::Diagnostic;
use crate::taxonomy::Taxonomy;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ffi::OsStr;
use std::io::ErrorKind;
use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

/// The articles of a project, sorted by path, and the warnings met on the way.
pub struct Loaded {
    pub articles: Vec<Arc<Article>>,
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
/// again (the preview server). A full load reads only the files whose size or modification
/// time changed; a load told which paths changed (by a file watcher) looks at nothing else.
#[derive(Default)]
pub struct ArticleCache {
    /// By path: in the order of a walk of the folder, since paths compare by component.
    entries: BTreeMap<PathBuf, Entry>,
    /// The taxonomy the entries were checked against, once loaded.
    taxonomy: Option<u64>,
}

struct Entry {
    stamp: Stamp,
    /// When the file was read: a file modified just before may have changed again within
    /// the clock's resolution without its stamp showing it.
    read_at: SystemTime,
    article: Result<Arc<Article>, Vec<Diagnostic>>,
    warnings: Vec<Diagnostic>,
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
        self.load_changed(articles_dir, taxonomy, taxonomy_hash, None)
    }

    /// [`Self::load`], trusting `changed` (paths in the form `articles_dir` has) to name every
    /// file or folder that changed since the last load: a path stands for everything under it,
    /// and nothing else is looked at. `None`, or a change to the folder itself or to the
    /// taxonomy, loads the whole folder.
    pub fn load_changed(
        &mut self,
        articles_dir: &Path,
        taxonomy: &Taxonomy,
        taxonomy_hash: u64,
        changed: Option<&[PathBuf]>,
    ) -> Partial {
        let mut problems = Vec::new();
        let changed = changed.filter(|_| self.taxonomy == Some(taxonomy_hash));
        match changed {
            Some(paths) if !paths.iter().any(|p| articles_dir.starts_with(p)) => {
                let mut roots: Vec<&PathBuf> = paths
                    .iter()
                    .filter(|p| p.starts_with(articles_dir))
                    .collect();
                roots.sort();
                // A path under another one is rescanned with it.
                roots.dedup_by(|inner, outer| inner.starts_with(&**outer));
                for root in roots {
                    // The watcher saw it change: read it again, whatever its stamp says.
                    self.entries.remove(root);
                    problems.extend(self.rescan(articles_dir, root, taxonomy));
                }
            }
            _ => {
                if self.taxonomy != Some(taxonomy_hash) {
                    // Every article is checked against the new taxonomy.
                    self.entries.clear();
                }
                problems.extend(self.rescan(articles_dir, articles_dir, taxonomy));
            }
        }
        self.taxonomy = Some(taxonomy_hash);
        self.collect(problems)
    }

    /// Brings the entries under `root` (a file or folder in `articles_dir`, or a path that no
    /// longer exists) up to date with the disk; returns the problems of walking it.
    fn rescan(&mut self, articles_dir: &Path, root: &Path, taxonomy: &Taxonomy) -> Vec<Diagnostic> {
        let (files, problems) = article_files(articles_dir, root);
        // Files under `root` that are gone leave the cache: in path order, they follow it.
        let present: HashSet<&Path> = files.iter().map(PathBuf::as_path).collect();
        let gone: Vec<PathBuf> = self
            .entries
            .range::<Path, _>((Bound::Included(root), Bound::Unbounded))
            .map(|(path, _)| path)
            .take_while(|path| path.starts_with(root))
            .filter(|path| !present.contains(path.as_path()))
            .cloned()
            .collect();
        for path in gone {
            self.entries.remove(&path);
        }
        let stamps: Vec<Option<Stamp>> = files.par_iter().map(|path| stamp(path)).collect();
        let stale: Vec<(PathBuf, Option<Stamp>)> = files
            .into_iter()
            .zip(stamps)
            .filter(|(path, stamp)| {
                !matches!(
                    (self.entries.get(path), stamp),
                    (Some(entry), Some(stamp)) if entry.stamp == *stamp
                        && settled(stamp, entry.read_at)
                )
            })
            .collect();
        let fresh: Vec<(PathBuf, Entry)> = stale
            .into_par_iter()
            .map(|(path, stamp)| {
                let read_at = SystemTime::now();
                let (article, warnings) = match load_one(&path, taxonomy) {
                    Ok(Parsed { article, warnings }) => (Ok(Arc::new(article)), warnings),
                    Err(problems) => (Err(problems), Vec::new()),
                };
                let stamp = stamp.unwrap_or(Stamp {
                    len: 0,
                    modified: None,
                });
                let entry = Entry {
                    stamp,
                    read_at,
                    article,
                    warnings,
                };
                (path, entry)
            })
            .collect();
        self.entries.extend(fresh);
        problems
    }

    /// Every cached article, in path order, and every problem.
    fn collect(&self, mut problems: Vec<Diagnostic>) -> Partial {
        let mut articles = Vec::with_capacity(self.entries.len());
        let mut warnings = Vec::new();
        for entry in self.entries.values() {
            match &entry.article {
                Ok(article) => articles.push(article.clone()),
                Err(more) => problems.extend(more.iter().cloned()),
            }
            warnings.extend(entry.warnings.iter().cloned());
        }
        problems.extend(duplicate_slugs(&articles));
        Partial {
            loaded: Loaded { articles, warnings },
            problems,
        }
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

fn load_one(path: &Path, taxonomy: &Taxonomy) -> Result<Parsed, Vec<Diagnostic>> {
    let bytes = std::fs::read(path)
        .map_err(|e| vec![Diagnostic::in_file(path, format!("cannot read: {e}"))])?;
    parse(path, bytes, taxonomy)
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

/// The article files at or under `root`, a path in `dir` (which may not exist), in path
/// order. Hidden and editor backup files and folders are skipped.
fn article_files(dir: &Path, root: &Path) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let inside = root.strip_prefix(dir).unwrap_or(Path::new(""));
    if !dir.is_dir() || inside.iter().any(skipped) {
        return (files, problems);
    }
    let walk = walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !skipped(e.file_name()));
    for entry in walk {
        match entry {
            Ok(entry)
                if entry.file_type().is_file()
                    && entry.path().extension().is_some_and(|x| x == "md") =>
            {
                files.push(entry.into_path());
            }
            Ok(_) => {}
            // Removed while walked (or before): no article.
            Err(e)
                if e.io_error()
                    .is_some_and(|e| e.kind() == ErrorKind::NotFound) => {}
            Err(e) => {
                let path = e.path().unwrap_or(root).to_path_buf();
                problems.push(Diagnostic::in_file(&path, format!("cannot read: {e}")));
            }
        }
    }
    (files, problems)
}

/// Whether a file or folder of this name is left out: hidden, or an editor's backup.
fn skipped(name: &OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.') || name.starts_with('#') || name.ends_with('~')
}

fn duplicate_slugs(articles: &[Arc<Article>]) -> Vec<Diagnostic> {
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
