//! A build kept in memory from one change to the next: the preview server's. Each rebuild
//! re-reads only the articles whose files changed, reuses rendered bodies, and renders only
//! the pages whose inputs changed; what it produces is what `dostyk build` would write from
//! the same files (the search index aside, which the server builds apart, see
//! [`crate::search`]).
//!
//! Told which files changed (by the preview's file watcher), a rebuild after an article edit
//! looks at no other file, and changes the site it keeps in place rather than copying it.

use crate::build::{Project, Timings, hash_debug, load_site_cached};
use crate::error::{Diagnostic, Error, Result};
use crate::load::Article;
use crate::load::ArticleCache;
use crate::load::config::SiteConfig;
use crate::load::taxonomy::Taxonomy;
use crate::model::Site;
use crate::photos::{self, Cache, Photos};
use crate::render::{self, Assets, Fingerprint, Templates, combine};
use crate::serve::memo::{BodyCache, Memo, Signatures};
use crate::write::Memory;
use crate::write::{assets, static_files};
use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

pub use crate::serve::file_map::Files;

/// The state one rebuild hands to the next.
pub struct Session {
    project: Project,
    base_url: Option<String>,
    /// `project.content` made absolute, the way a file watcher names the files in it (`None`
    /// if it cannot be: changed paths are then not trusted).
    content: Option<PathBuf>,
    articles: ArticleCache,
    bodies: BodyCache,
    /// Per article file, the article last read from it and its fingerprint.
    fingerprints: HashMap<PathBuf, (Arc<Article>, Fingerprint)>,
    /// What pages depend on besides the articles, as last loaded; dropped when one of their
    /// files may have changed.
    inputs: Option<Inputs>,
    /// What every page depended on in the last good build (templates, configuration,
    /// taxonomy, assets).
    global: u64,
    /// The signature of each page of the last good build.
    signatures: Signatures,
    /// Everything the last good build produced.
    files: Files,
    /// The files of the last good build that are no signed page: static files, robots.txt.
    loose: HashSet<String>,
    /// The processed photos, shared with builds.
    photo_cache: Cache,
}

/// Everything pages depend on besides the articles.
struct Inputs {
    templates: Templates,
    config: SiteConfig,
    taxonomy: Taxonomy,
    /// Identifies the taxonomy, which articles are checked against.
    taxonomy_hash: u64,
    /// The static files by output path, and the versioned URLs pages give them.
    statics: Vec<(String, Arc<[u8]>)>,
    assets: Assets,
    /// A hash of all of the above.
    global: u64,
}

/// What a rebuild must look at again.
struct Stale {
    /// The changed paths in `content/`, named as the article cache names files; `None`:
    /// anything there may have changed.
    content: Option<Vec<PathBuf>>,
    /// Whether a file other than an article may have changed.
    inputs: bool,
}

/// What a successful rebuild produced.
pub struct Rebuilt {
    /// The whole site but its search index.
    pub files: Files,
    /// The site the files were made from, and its static files' addresses: what the search
    /// index is made from, in the background.
    pub site: Arc<Site>,
    /// The static files' addresses, as the pages link them.
    pub assets: Assets,
    /// Articles in the site.
    pub articles: usize,
    /// Pages rendered again.
    pub rendered: usize,
    /// Pages kept from the last build, their inputs unchanged.
    pub kept: usize,
    /// Output files added, changed or removed since the last good build.
    pub changed: usize,
    /// What the articles have that is odd without being wrong.
    pub warnings: Vec<Diagnostic>,
    /// The rebuild's time, the search index not included.
    pub elapsed: Duration,
    /// Where `elapsed` went (`search` stays zero: the index is built apart).
    pub timings: Timings,
}

impl Session {
    /// A session that has built nothing yet: its first rebuild renders every page.
    pub fn new(project: Project, base_url: Option<String>) -> Session {
        Session {
            content: std::path::absolute(&project.content).ok(),
            photo_cache: project.photo_cache(),
            project,
            base_url,
            articles: ArticleCache::default(),
            bodies: BodyCache::default(),
            fingerprints: HashMap::new(),
            inputs: None,
            global: 0,
            signatures: Signatures::default(),
            files: Files::default(),
            loose: HashSet::new(),
        }
    }

    /// Builds the site again from the project's files as they are now, looking at every one
    /// of them. On error, the session is left as it was after the last good build.
    pub fn rebuild(&mut self) -> Result<Rebuilt> {
        self.rebuild_changed(None)
    }

    /// [`Self::rebuild`], trusting `changed` to name every file or folder (absolute, or
    /// relative to the working directory) that changed since the last rebuild, as a file
    /// watcher reports them: nothing else is looked at. A folder stands for everything in it.
    pub fn rebuild_after(&mut self, changed: &[PathBuf]) -> Result<Rebuilt> {
        self.rebuild_changed(Some(changed))
    }

    fn rebuild_changed(&mut self, changed: Option<&[PathBuf]>) -> Result<Rebuilt> {
        let started = Instant::now();
        let mut timings = Timings::default();
        let (site, mut warnings) = self.load(changed, &mut timings)?;
        let processing = Instant::now();
        let photos = photos::prepare(&site.articles, &self.project.content, &self.photo_cache)
            .map_err(Error::Invalid)?;
        timings.photos = processing.elapsed();
        warnings.extend(photos.warnings.iter().cloned());
        let inputs = self.inputs.as_ref().expect("loaded with the site");
        let rendering = Instant::now();
        // A photo made anew has new file names, which the pages showing it must name: any
        // change of the photos renders every page again (they change seldom in a preview).
        // So does a language of texts coming or going, which the site's description names.
        let global = combine(&[
            inputs.global,
            photos.names_hash(),
            hash_debug(&site.text_languages),
        ]);
        let mut assets = inputs.assets.clone();
        let photo_files = photo_files(&photos, &self.files)?;
        assets.photos = Arc::new(photos);
        if global != self.global {
            // The base path or the highlighting may have changed: bodies are rendered again.
            self.bodies
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .clear();
        }
        // Links resolve against the set of files and slugs, whatever the articles' order.
        let fingerprints = fingerprints(&mut self.fingerprints, &site.articles);
        let links = fingerprints.iter().fold(0, |links, f| links ^ f.address);
        let out = Memory::default();
        let memo = Memo::new(
            global,
            links,
            &fingerprints,
            &self.bodies,
            &mut self.signatures,
        );
        let stats = render::render_site(
            &site,
            &inputs.templates,
            &assets,
            &out,
            render::Scope::Changed(&memo),
            None,
        )
        .map_err(Error::Invalid)?;
        timings.render = rendering.elapsed();
        let finishing = Instant::now();
        let gone = memo.finish();
        self.global = global;
        let mut written = out.into_files();
        written.extend(photo_files);
        let changed = self.update_files(written, &gone);
        timings.finish = finishing.elapsed();
        Ok(Rebuilt {
            timings,
            files: self.files.clone(),
            articles: site.articles.len(),
            rendered: stats.pages,
            kept: stats.kept,
            changed,
            warnings,
            elapsed: started.elapsed(),
            site: Arc::new(site),
            assets,
        })
    }

    /// The site, from the last rebuild's inputs and articles where `changed` shows them
    /// unchanged; with the warnings of its articles.
    fn load(
        &mut self,
        changed: Option<&[PathBuf]>,
        timings: &mut Timings,
    ) -> Result<(Site, Vec<Diagnostic>)> {
        let started = Instant::now();
        let stale = self.stale(changed);
        if stale.inputs {
            self.inputs = None;
        }
        let changed = stale.content.as_deref();
        let Some(inputs) = &self.inputs else {
            let (site, templates, warnings) = load_site_cached(
                &self.project,
                self.base_url.as_deref(),
                timings,
                &mut self.articles,
                changed,
            )?;
            self.inputs = Some(Inputs::new(&self.project, templates, &site)?);
            return Ok((site, warnings));
        };
        let partial = self.articles.load_changed(
            &self.project.content.join("articles"),
            &inputs.taxonomy,
            inputs.taxonomy_hash,
            changed,
        );
        timings.load = started.elapsed();
        if !partial.problems.is_empty() {
            return Err(Error::Invalid(partial.problems));
        }
        let modelling = Instant::now();
        let site = Site::new(
            inputs.config.clone(),
            inputs.taxonomy.clone(),
            partial.loaded.articles,
        );
        timings.model = modelling.elapsed();
        Ok((site, partial.loaded.warnings))
    }

    /// What `changed` (`None`: not known) leaves to look at again.
    fn stale(&self, changed: Option<&[PathBuf]>) -> Stale {
        let everything = Stale {
            content: None,
            inputs: true,
        };
        let (Some(changed), Some(content)) = (changed, &self.content) else {
            return everything;
        };
        let articles = self.project.content.join("articles");
        let mut stale = Stale {
            content: Some(Vec::new()),
            inputs: false,
        };
        for path in changed {
            let Ok(path) = std::path::absolute(path) else {
                return everything;
            };
            // `content/` itself, or a folder it is in: moved, removed, created.
            if content.starts_with(&path) {
                return everything;
            }
            match path.strip_prefix(content) {
                Ok(inside) => {
                    let path = self.project.content.join(inside);
                    stale.inputs |= !path.starts_with(&articles);
                    stale.content.get_or_insert_default().push(path);
                }
                Err(_) => stale.inputs = true,
            }
        }
        stale
    }

    /// Brings the site kept in memory up to this build: the files it wrote, the pages it no
    /// longer has, the static files. Returns how many files were added, changed or removed.
    fn update_files(&mut self, written: HashMap<String, Arc<[u8]>>, gone: &[String]) -> usize {
        let statics = &self.inputs.as_ref().expect("loaded").statics;
        let pages = &self.signatures;
        let files = &mut self.files;
        let mut changed = gone
            .iter()
            .filter(|path| files.remove(path).is_some())
            .count();
        let mut loose = HashSet::new();
        // A page wins over a static file of the same name, as a build writes it over that.
        for (path, bytes) in statics {
            if !pages.contains(path) {
                if !written.contains_key(path) {
                    changed += usize::from(put(files, path.clone(), bytes.clone()));
                }
                loose.insert(path.clone());
            }
        }
        for (path, bytes) in written {
            if !pages.contains(&path) {
                loose.insert(path.clone());
            }
            changed += usize::from(put(files, path, bytes));
        }
        for path in self.loose.difference(&loose) {
            if !pages.contains(path) && files.remove(path).is_some() {
                changed += 1;
            }
        }
        self.loose = loose;
        changed
    }
}

impl Inputs {
    fn new(project: &Project, templates: Templates, site: &Site) -> Result<Inputs> {
        let statics = static_files(project)?;
        let assets = assets(&statics, &site.config.base_path);
        let taxonomy_hash = hash_debug(&site.taxonomy);
        Ok(Inputs {
            global: combine(&[
                hash_tree(&project.templates()),
                hash_debug(&site.config),
                taxonomy_hash,
                hash_debug(&assets),
            ]),
            templates,
            config: site.config.clone(),
            taxonomy: site.taxonomy.clone(),
            taxonomy_hash,
            statics: statics
                .into_iter()
                .map(|(path, bytes)| (path, bytes.into()))
                .collect(),
            assets,
        })
    }
}

/// Every photo file by its output path: the bytes `files` has already (a photo file's name
/// changes with its contents), else read from the cache.
fn photo_files(photos: &Photos, files: &Files) -> Result<Vec<(String, Arc<[u8]>)>> {
    photos
        .files()
        .map(|(path, cached)| match files.get(path) {
            Some(bytes) => Ok((path.to_string(), bytes.clone())),
            None => std::fs::read(cached)
                .map(|bytes| (path.to_string(), bytes.into()))
                .map_err(|e| Error::io(cached, e)),
        })
        .collect()
}

/// Puts a file in `files` unless it has these very bytes already (then the old copy stays,
/// and the copies of `files` keep sharing it); true if it changed.
fn put(files: &mut Files, path: String, bytes: Arc<[u8]>) -> bool {
    let same = files
        .get(&path)
        .is_some_and(|old| Arc::ptr_eq(old, &bytes) || *old == bytes);
    if !same {
        files.insert(path, bytes);
    }
    !same
}

/// A hash of the names and contents of the files under `dir` (none: 0).
fn hash_tree(dir: &Path) -> u64 {
    let mut hasher = DefaultHasher::new();
    for entry in walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(std::result::Result::ok)
        .filter(|e| e.file_type().is_file())
    {
        entry.path().hash(&mut hasher);
        std::fs::read(entry.path()).ok().hash(&mut hasher);
    }
    hasher.finish()
}

/// The fingerprint of every article of `articles`, in their order: taken again only for
/// those read anew since `kept` saw them (the cache hands out the same article until its file
/// changes), so that a rebuild after one edit hashes one article.
fn fingerprints(
    kept: &mut HashMap<PathBuf, (Arc<Article>, Fingerprint)>,
    articles: &[Arc<Article>],
) -> Vec<Fingerprint> {
    let fingerprints: Vec<Fingerprint> = articles
        .iter()
        .map(|article| match kept.get(&article.path) {
            Some((seen, fingerprint)) if Arc::ptr_eq(seen, article) => *fingerprint,
            _ => {
                let fingerprint = Fingerprint::of(article);
                kept.insert(article.path.clone(), (article.clone(), fingerprint));
                fingerprint
            }
        })
        .collect();
    if kept.len() > articles.len() {
        let present: HashSet<&Path> = articles.iter().map(|a| a.path.as_path()).collect();
        kept.retain(|path, _| present.contains(path.as_path()));
    }
    fingerprints
}
