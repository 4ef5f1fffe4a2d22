//! A build kept in memory from one change to the next: the preview server's. Each rebuild
//! re-reads only the articles whose files changed, reuses rendered bodies, and renders only
//! the pages whose inputs changed; what it produces is what `dostyk build` would write from
//! the same files (the search index aside, which the server builds apart, see
//! [`crate::search`]).

use crate::build::{Project, Timings, hash_debug, load_site_cached, write_static};
use crate::content::{Article, ArticleCache};
use crate::error::{Diagnostic, Error, Result};
use crate::model::Site;
use crate::output::Memory;
use crate::render::memo::combine;
use crate::render::{self, BodyCache, Memo};
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The built site in memory, by output path.
pub type Files = HashMap<String, Arc<[u8]>>;

/// The state one rebuild hands to the next.
pub struct Session {
    project: Project,
    base_url: Option<String>,
    articles: ArticleCache,
    bodies: BodyCache,
    /// What every page depended on in the last good build (templates, configuration,
    /// taxonomy, assets).
    global: u64,
    /// The signature of each page of the last good build.
    signatures: HashMap<String, u64>,
    /// The pages of the last good build.
    pages: Files,
    /// Everything the last good build produced.
    files: Files,
}

/// What a successful rebuild produced.
pub struct Rebuilt {
    /// The whole site but its search index.
    pub files: Files,
    /// The UI languages, each a tree of the site.
    pub languages: Vec<String>,
    pub articles: usize,
    /// Pages rendered again.
    pub rendered: usize,
    /// Pages kept from the last build, their inputs unchanged.
    pub kept: usize,
    /// Output files added, changed or removed since the last good build.
    pub changed: usize,
    pub warnings: Vec<Diagnostic>,
    pub elapsed: Duration,
    /// Where `elapsed` went (`search` stays zero: the index is built apart).
    pub timings: Timings,
}

impl Session {
    /// A session that has built nothing yet: its first rebuild renders every page.
    pub fn new(project: Project, base_url: Option<String>) -> Session {
        Session {
            project,
            base_url,
            articles: ArticleCache::default(),
            bodies: BodyCache::default(),
            global: 0,
            signatures: HashMap::new(),
            pages: Files::new(),
            files: Files::new(),
        }
    }

    /// Builds the site again from the project's files as they are now. On error, the
    /// session is left as it was after the last good build.
    pub fn rebuild(&mut self) -> Result<Rebuilt> {
        let started = Instant::now();
        let mut timings = Timings::default();
        let (site, templates, warnings) = load_site_cached(
            &self.project,
            self.base_url.as_deref(),
            &mut timings,
            &mut self.articles,
        )?;
        let rendering = Instant::now();
        let out = Memory::default();
        let assets = write_static(&self.project, &site, &out)?;
        let global = combine(&[
            hash_tree(&self.project.templates()),
            hash_debug(&site.config),
            hash_debug(&site.taxonomy),
            hash_debug(&assets),
        ]);
        if global != self.global {
            // The base path or the highlighting may have changed: bodies are rendered again.
            self.bodies
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .clear();
        }
        // An article is its file, and its slug, which a renamed file changes without
        // changing its text.
        let stamps = site
            .articles
            .iter()
            .map(|a| {
                let mut hasher = DefaultHasher::new();
                a.slug.hash(&mut hasher);
                combine(&[
                    self.articles.hash(&a.path).unwrap_or_default(),
                    hasher.finish(),
                ])
            })
            .collect();
        let cards = site.articles.iter().map(card).collect();
        let memo = Memo::new(
            global,
            &self.signatures,
            stamps,
            cards,
            links_print(&site),
            &self.bodies,
        );
        let stats = render::render_site(
            &site,
            &templates,
            &assets,
            &out,
            render::Scope::Changed(&memo),
        )
        .map_err(Error::Invalid)?;
        timings.render = rendering.elapsed();
        let finishing = Instant::now();
        let signatures = memo.into_signatures();
        let mut written = out.into_files();
        let mut pages = Files::with_capacity(signatures.len());
        for path in signatures.keys() {
            let page = match written.remove(path) {
                Some(page) => page,
                None => self.pages.get(path).cloned().ok_or_else(|| {
                    // A page counted as unchanged must come from the last build.
                    Error::io(path, std::io::Error::other("lost between rebuilds"))
                })?,
            };
            pages.insert(path.clone(), page);
        }
        // What is left was written whatever changed: static files, sitemap, robots.txt.
        let mut files = pages.clone();
        files.extend(written);
        let changed = files
            .iter()
            .filter(|(path, bytes)| {
                // Kept files are the very same allocation: no need to compare their bytes.
                !self
                    .files
                    .get(*path)
                    .is_some_and(|old| Arc::ptr_eq(old, bytes) || old == *bytes)
            })
            .count()
            + self
                .files
                .keys()
                .filter(|p| !files.contains_key(*p))
                .count();
        self.global = global;
        self.signatures = signatures;
        self.pages = pages;
        self.files = files.clone();
        timings.finish = finishing.elapsed();
        Ok(Rebuilt {
            timings,
            files,
            languages: site
                .config
                .languages
                .iter()
                .map(|l| l.code.clone())
                .collect(),
            articles: site.articles.len(),
            rendered: stats.pages,
            kept: stats.kept,
            changed,
            warnings,
            elapsed: started.elapsed(),
        })
    }
}

/// What lists show of an article: everything but its text after the summary.
fn card(article: &Article) -> u64 {
    let mut hasher = DefaultHasher::new();
    let Article {
        path: _,
        slug,
        title,
        date,
        date_note,
        lang,
        countries,
        topics,
        story,
        source,
        body: _,
        body_line: _,
        may_link_articles: _,
        summary,
    } = article;
    (
        slug, title, date_note, lang.code, countries, topics, story, summary,
    )
        .hash(&mut hasher);
    (date.year, date.month, date.day).hash(&mut hasher);
    (&source.outlet, &source.url, &source.photo).hash(&mut hasher);
    hasher.finish()
}

/// Every article's file and slug, in the site's order: what links between articles
/// resolve against.
fn links_print(site: &Site) -> u64 {
    let mut hasher = DefaultHasher::new();
    for article in &site.articles {
        article.path.hash(&mut hasher);
        article.slug.hash(&mut hasher);
    }
    hasher.finish()
}

/// A hash of the names and contents of the files under `dir` (none: 0).
fn hash_tree(dir: &Path) -> u64 {
    let mut hasher = DefaultHasher::new();
    for entry in walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
    {
        entry.path().hash(&mut hasher);
        std::fs::read(entry.path()).ok().hash(&mut hasher);
    }
    hasher.finish()
}
