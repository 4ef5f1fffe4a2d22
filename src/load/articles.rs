//! Walking `content/articles/` and loading every article, collecting every problem.

use super::article::{Article, Parsed};
use crate::date::Date;
use crate::error::Diagnostic;
use crate::load::taxonomy::Taxonomy;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ffi::OsStr;
use std::io::{ErrorKind, Read};
use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, SystemTime};

/// The articles of a project, sorted by path, and the warnings met on the way.
pub struct Loaded {
    /// Shared, so that a preview's next load reuses the files that did not change.
    pub articles: Vec<Arc<Article>>,
    /// What was odd without being wrong: unknown keys, a date in the future, a wrong year folder.
    pub warnings: Vec<Diagnostic>,
}

/// Every article that loads, and the problems of those that do not: for tools beside the
/// build (the importer) that can work with what is readable.
pub struct Partial {
    /// The articles that load.
    pub loaded: Loaded,
    /// Why the others do not, and slugs that two articles share.
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
    /// Whether texts read from now on are left in their files ([`HELD_TEXTS`]), as the last
    /// walk of the whole folder found it.
    leave_texts: bool,
}

/// Up to this many articles, their texts are kept from load to render: the build renders
/// the files as they were when it read them, whatever an editor (or `git pull`) does to
/// them meanwhile. A larger archive's texts are read again from their files when their
/// pages are rendered ([`ArticleText`](super::ArticleText)): held, they were most of its
/// memory (1.1 of 1.8 GB at 100,000 articles), and one that changes in between fails the
/// build, naming the file, rather than publish a page that disagrees with its lists.
const HELD_TEXTS: usize = 5_000;

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
        if root == articles_dir {
            self.leave_texts = files.len() > HELD_TEXTS;
        }
        // Files under `root` that are gone leave the cache: in path order, they follow it.
        if !self.entries.is_empty() {
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
        }
        // Reading files waits on the disk more than it works: more threads than cores keep it
        // busy when the files are not in the page cache (a first build after a reboot).
        match io_pool() {
            Some(pool) => pool.install(|| self.read_stale(files, taxonomy)),
            None => self.read_stale(files, taxonomy),
        }
        problems
    }

    /// Reads again the `files` whose stamps changed since they were read.
    fn read_stale(&mut self, files: Vec<PathBuf>, taxonomy: &Taxonomy) {
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
        let today = Date::today();
        let leave_text = self.leave_texts;
        let fresh: Vec<(PathBuf, Option<Entry>)> = stale
            .into_par_iter()
            .map(|(path, stamp)| {
                let read_at = SystemTime::now();
                let (article, warnings) = match load_one(&path, taxonomy, today, leave_text) {
                    Ok(None) => return (path, None),
                    Ok(Some(Parsed {
                        article, warnings, ..
                    })) => (Ok(Arc::new(article)), warnings),
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
                (path, Some(entry))
            })
            .collect();
        if self.entries.is_empty() {
            // A first load: the paths come in order, from which the map is built in one
            // pass rather than by 100,000 inserts, each comparing paths component by
            // component (half a second on one core while the others wait).
            self.entries = fresh
                .into_iter()
                .filter_map(|(path, entry)| Some((path, entry?)))
                .collect();
            return;
        }
        for (path, entry) in fresh {
            match entry {
                Some(entry) => self.entries.insert(path, entry),
                None => self.entries.remove(&path),
            };
        }
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

/// Threads that read and parse article files: four per core, so that while some wait for
/// the disk the others parse (100,000 articles with an empty page cache, on 2 cores: 20 s
/// with a thread per core, 10 s with four). None where the threads cannot be started: the
/// files are then read by the common pool.
fn io_pool() -> Option<&'static rayon::ThreadPool> {
    static POOL: OnceLock<Option<rayon::ThreadPool>> = OnceLock::new();
    POOL.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        rayon::ThreadPoolBuilder::new()
            .num_threads(cores * 4)
            .thread_name(|i| format!("dostyk-read-{i}"))
            .build()
            .ok()
    })
    .as_ref()
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

/// The largest article file read: far beyond any news text (a long one is 50 KB), so that a
/// file put in the wrong folder (a database dump, a video) is refused at once, not rendered
/// into two copies of a page of that size.
pub(super) const MAX_ARTICLE_BYTES: u64 = 8 * 1024 * 1024;

/// How far past today an article's date may be before it is worth a warning: a text from a
/// time zone ahead of the machine's is dated tomorrow.
const FUTURE_SLACK_DAYS: i64 = 1;

/// The article in the file at `path`, its text left in the file if `leave_text`; `None` if
/// the file was deleted since the folder was listed (as the walk does for one deleted while
/// it runs).
fn load_one(
    path: &Path,
    taxonomy: &Taxonomy,
    today: Date,
    leave_text: bool,
) -> Result<Option<Parsed>, Vec<Diagnostic>> {
    let problem = |message: String| vec![Diagnostic::in_file(path, message)];
    let cannot_read = |e: std::io::Error| problem(format!("cannot read: {e}"));
    // Followed if it is a link (one that `article_files` let through stays inside content/).
    let meta = match std::fs::metadata(path) {
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        meta => meta.map_err(cannot_read)?,
    };
    if !meta.is_file() {
        // Reading a named pipe would wait for a writer for ever.
        return Err(problem(
            "not a regular file (a pipe, socket or device): only Markdown files belong in \
             content/articles/"
                .into(),
        ));
    }
    if meta.len() > MAX_ARTICLE_BYTES {
        return Err(problem(too_large(meta.len())));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    let read = std::fs::File::open(path)
        // The file may have grown since: never read more than the limit and a byte.
        .and_then(|file| file.take(MAX_ARTICLE_BYTES + 1).read_to_end(&mut bytes));
    match read {
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        read => read.map_err(cannot_read)?,
    };
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(problem(too_large(bytes.len() as u64)));
    }
    let mut parsed = parse(path, bytes, taxonomy)?;
    if leave_text {
        parsed.article.body.leave_in_file();
    }
    let date = parsed.article.date;
    if date.days() - today.days() > FUTURE_SLACK_DAYS {
        parsed.warnings.push(Diagnostic::at(
            path,
            parsed.date_line,
            format!("the date {date} is in the future (today is {today}): is it a typo?"),
        ));
    }
    Ok(Some(parsed))
}

fn too_large(bytes: u64) -> String {
    format!(
        "{:.1} MB is too large for an article (the limit is {} MB): is this the right file?",
        bytes as f64 / 1_048_576.0,
        MAX_ARTICLE_BYTES / 1_048_576
    )
}

fn parse(path: &Path, bytes: Vec<u8>, taxonomy: &Taxonomy) -> Result<Parsed, Vec<Diagnostic>> {
    // The quick check says only yes or no; the standard one finds where, for the message.
    let text = simdutf8::basic::from_utf8(&bytes)
        .map(str::to_owned)
        .or_else(|_| String::from_utf8(bytes))
        .map_err(|e| {
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
            Ok(entry) if entry.path_is_symlink() => match linked_article(dir, entry.path()) {
                Ok(Some(path)) => files.push(path),
                Ok(None) => {}
                Err(message) => problems.push(Diagnostic::in_file(entry.path(), message)),
            },
            Ok(entry)
                if !entry.file_type().is_dir()
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

/// A symbolic link met in `dir`: the link itself if it leads to an article file inside the
/// project's content folder (`dir`'s parent), `None` if it is no article (not `*.md`), or why
/// it is refused. Links are not walked into: a link to a folder, a loop, a link that leads
/// nowhere or outside the content folder (which could publish any file of the machine) is an
/// error naming the link.
fn linked_article(dir: &Path, link: &Path) -> Result<Option<PathBuf>, String> {
    let target = std::fs::read_link(link)
        .map(|t| t.display().to_string())
        .unwrap_or_default();
    // A loop, or a link to nothing: "too many levels of symbolic links", "no such file".
    let resolved = std::fs::canonicalize(link)
        .map_err(|e| format!("a symbolic link to \"{target}\", which cannot be followed: {e}"))?;
    let content = dir.parent().unwrap_or(dir);
    let content = std::fs::canonicalize(content).unwrap_or_else(|_| content.to_path_buf());
    if !resolved.starts_with(&content) {
        return Err(format!(
            "a symbolic link to \"{target}\", outside {}: only files inside it are published",
            content.display()
        ));
    }
    if resolved.is_dir() {
        return Err(format!(
            "a symbolic link to the folder \"{target}\": move the folder here instead"
        ));
    }
    Ok((link.extension().is_some_and(|x| x == "md")).then(|| link.to_path_buf()))
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
