//! The pipeline: load → model → render → write, and what a build reports.

use crate::config::SiteConfig;
use crate::content::{ArticleCache, Partial};
use crate::error::{Diagnostic, Error, Result};
use crate::highlight;
use crate::model::Site;
use crate::output::{Output, Staging, WhenBusy};
use crate::render::{self, Assets, Templates};
use crate::search;
use crate::taxonomy::Taxonomy;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Static files dostyk ships; a project's `static/` adds to them and overrides them by name.
const BUILT_IN_STATIC: &[(&str, &[u8])] = &[
    ("style.css", include_bytes!("../static/style.css")),
    ("favicon.svg", include_bytes!("../static/favicon.svg")),
    // The default social image (1200×630), made from docs/social-card.html.
    ("social.png", include_bytes!("../static/social.png")),
    ("search.js", include_bytes!("../static/search.js")),
];

/// Where a project's parts are.
#[derive(Debug, Clone)]
pub struct Project {
    pub root: PathBuf,
    /// `content/`: `articles/` and `taxonomy.toml`.
    pub content: PathBuf,
}

impl Project {
    pub fn new(root: impl Into<PathBuf>) -> Project {
        let root = root.into();
        Project {
            content: root.join("content"),
            root,
        }
    }

    pub fn templates(&self) -> PathBuf {
        self.root.join("templates")
    }

    pub fn static_dir(&self) -> PathBuf {
        self.root.join("static")
    }
}

/// What to build and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub project: Project,
    pub out: PathBuf,
    /// Replaces `base_url` of `site.toml`.
    pub base_url: Option<String>,
    /// When another build is writing `out`: wait for it, or fail with [`Error::Busy`].
    pub when_busy: WhenBusy,
    /// Whether to build the search index (the search page then finds nothing without it).
    pub search: bool,
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    pub articles: usize,
    pub stories: usize,
    pub pages: usize,
    pub files: usize,
    pub bytes: u64,
    pub warnings: Vec<Diagnostic>,
    pub elapsed: Duration,
    /// Where `elapsed` went.
    pub timings: Timings,
}

/// The time each stage of a build took.
#[derive(Debug, Clone, Default)]
pub struct Timings {
    /// Reading and checking site.toml, the taxonomy, templates and articles.
    pub load: Duration,
    /// Stories, listings, timeline.
    pub model: Duration,
    /// Static files, Markdown, templates, and writing the pages.
    pub render: Duration,
    /// The Pagefind index.
    pub search: Duration,
    /// Measuring the output and swapping it in.
    pub finish: Duration,
}

/// Loads and checks everything a build needs, reporting every problem together.
pub fn load_site(
    project: &Project,
    base_url: Option<&str>,
) -> Result<(Site, Templates, Vec<Diagnostic>)> {
    load_site_cached(
        project,
        base_url,
        &mut Timings::default(),
        &mut ArticleCache::default(),
        None,
    )
}

/// [`load_site`], reading only the articles that changed since `cache` last saw them: those
/// under the paths `changed` names when given (see [`ArticleCache::load_changed`]).
pub(crate) fn load_site_cached(
    project: &Project,
    base_url: Option<&str>,
    timings: &mut Timings,
    cache: &mut ArticleCache,
    changed: Option<&[PathBuf]>,
) -> Result<(Site, Templates, Vec<Diagnostic>)> {
    let started = Instant::now();
    let parts = load_parts(project, base_url, cache, changed);
    match parts {
        Parts {
            templates: Some(templates),
            config: Some(config),
            taxonomy: Some(taxonomy),
            articles: Some(articles),
            problems,
        } if problems.is_empty() && articles.problems.is_empty() => {
            timings.load = started.elapsed();
            let started = Instant::now();
            let site = Site::new(config, taxonomy, articles.loaded.articles);
            timings.model = started.elapsed();
            Ok((site, templates, articles.loaded.warnings))
        }
        mut parts => {
            if let Some(articles) = parts.articles {
                parts.problems.extend(articles.problems);
            }
            Err(Error::Invalid(parts.problems))
        }
    }
}

/// Everything a build reads, each part loaded as far as it goes.
pub(crate) struct Parts {
    pub templates: Option<Templates>,
    pub config: Option<SiteConfig>,
    pub taxonomy: Option<Taxonomy>,
    /// The articles that load and the problems of the others (`None` without a taxonomy).
    pub articles: Option<Partial>,
    /// Problems of the templates, configuration and taxonomy.
    pub problems: Vec<Diagnostic>,
}

pub(crate) fn load_parts(
    project: &Project,
    base_url: Option<&str>,
    cache: &mut ArticleCache,
    changed: Option<&[PathBuf]>,
) -> Parts {
    let mut problems = Vec::new();
    let templates = Templates::load(&project.templates())
        .map_err(|p| problems.extend(p))
        .ok();
    let config = SiteConfig::load(&project.root, base_url)
        .map_err(|p| problems.extend(p))
        .ok();
    let taxonomy = config.as_ref().and_then(|config| {
        Taxonomy::load(&project.content.join("taxonomy.toml"), config)
            .map_err(|p| problems.extend(p))
            .ok()
    });
    let articles = taxonomy.as_ref().map(|taxonomy| {
        cache.load_changed(
            &project.content.join("articles"),
            taxonomy,
            hash_debug(taxonomy),
            changed,
        )
    });
    Parts {
        templates,
        config,
        taxonomy,
        articles,
        problems,
    }
}

/// Builds the site into `options.out`. On any error the previous output is left as it was.
pub fn build(options: &BuildOptions) -> Result<BuildReport> {
    let started = Instant::now();
    let mut timings = Timings::default();
    let (site, templates, warnings) = load_site_cached(
        &options.project,
        options.base_url.as_deref(),
        &mut timings,
        &mut ArticleCache::default(),
        None,
    )?;
    check_out(&options.project, &options.out)?;
    let staging = Staging::new(&options.out, options.when_busy)?;
    match write_site(&site, &templates, options, &staging, &mut timings) {
        Ok(pages) => {
            let finishing = Instant::now();
            let (bytes, files) = staging.size();
            staging.commit()?;
            timings.finish = finishing.elapsed();
            let mut warnings = warnings;
            warnings.extend(size_warning(
                &options.project,
                &site.config,
                bytes,
                site.articles.len(),
            ));
            Ok(BuildReport {
                articles: site.articles.len(),
                stories: site.stories.len(),
                pages,
                files,
                bytes,
                warnings,
                elapsed: started.elapsed(),
                timings,
            })
        }
        Err(e) => {
            staging.abandon();
            Err(e)
        }
    }
}

/// Refuses an output folder that a build would destroy something in: a build replaces its
/// output folder whole, so it may not be the project or hold it (`/`, the project root or a
/// folder above), be one of the project's inputs or inside one (content, templates, static
/// files, interface strings), or be a folder of other files (one without the `.nojekyll` every
/// build writes): a mistyped `--out ~/Documents` must not delete `~/Documents`.
fn check_out(project: &Project, out: &Path) -> Result<()> {
    let refuse = |why: String| {
        Err(Error::UnsafeOut {
            out: out.to_path_buf(),
            why,
        })
    };
    let resolved = resolve(out);
    let root = resolve(&project.root);
    if root.starts_with(&resolved) {
        return refuse(format!(
            "the output folder would hold the project ({}), which a build replaces: choose a \
             folder inside the project, such as public/",
            project.root.display()
        ));
    }
    let inputs = [
        project.content.clone(),
        project.templates(),
        project.static_dir(),
        project.root.join("i18n"),
    ];
    if let Some(input) = inputs
        .iter()
        .find(|input| resolved.starts_with(resolve(input)))
    {
        return refuse(format!(
            "the output folder is in the project's input {}: choose another, such as public/",
            input.display()
        ));
    }
    match std::fs::symlink_metadata(out) {
        Ok(meta) if !meta.is_dir() => refuse("is a file, not a folder".into()),
        Ok(_) => {
            let empty = std::fs::read_dir(out)
                .map_err(|e| Error::io(out, e))?
                .next()
                .is_none();
            if empty || out.join(".nojekyll").is_file() {
                Ok(())
            } else {
                refuse(
                    "holds files that no build wrote (a build's output has a .nojekyll file), \
                     and a build replaces the whole folder: empty it, or choose another"
                        .into(),
                )
            }
        }
        Err(_) => Ok(()),
    }
}

/// `path` made absolute, its `.` and `..` applied, and the links of its longest existing part
/// resolved.
fn resolve(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut lexical = PathBuf::new();
    for part in absolute.components() {
        match part {
            std::path::Component::ParentDir => {
                lexical.pop();
            }
            std::path::Component::CurDir => {}
            part => lexical.push(part),
        }
    }
    let mut existing = lexical.as_path();
    let mut rest = Vec::new();
    while std::fs::canonicalize(existing).is_err() {
        let (Some(parent), Some(name)) = (existing.parent(), existing.file_name()) else {
            return lexical;
        };
        rest.push(name);
        existing = parent;
    }
    let mut resolved = std::fs::canonicalize(existing).unwrap_or_else(|_| existing.to_path_buf());
    resolved.extend(rest.iter().rev());
    resolved
}

/// Writes every page and static file, then indexes the articles for search; returns the
/// number of pages.
fn write_site(
    site: &Site,
    templates: &Templates,
    options: &BuildOptions,
    staging: &Staging,
    timings: &mut Timings,
) -> Result<usize> {
    let rendering = Instant::now();
    let assets = write_static(&options.project, site, staging)?;
    let stats = render::render_site(site, templates, &assets, staging, render::Scope::All)
        .map_err(Error::Invalid)?;
    timings.render = rendering.elapsed();
    if !options.search {
        return Ok(stats.pages);
    }
    let indexing = Instant::now();
    search::write_index(&render::search_corpora(site, &assets), staging)?;
    timings.search = indexing.elapsed();
    Ok(stats.pages)
}

/// Copies the built-in and the project's static files and the generated highlighting
/// stylesheet; returns their versioned URLs.
pub(crate) fn write_static(project: &Project, site: &Site, out: &dyn Output) -> Result<Assets> {
    let files = static_files(project)?;
    for (name, bytes) in &files {
        out.write(name, bytes)?;
    }
    Ok(assets(&files, &site.config.base_path))
}

/// The static files by output path: the built-in ones, the generated highlighting stylesheet,
/// and the project's, which override them by name.
pub(crate) fn static_files(project: &Project) -> Result<Vec<(String, Vec<u8>)>> {
    let mut files: Vec<(String, Vec<u8>)> = BUILT_IN_STATIC
        .iter()
        .map(|(name, bytes)| (name.to_string(), bytes.to_vec()))
        .collect();
    files.push(("syntax.css".into(), highlight::stylesheet().into_bytes()));
    let dir = project.static_dir();
    if dir.is_dir() {
        for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
            let entry =
                entry.map_err(|e| Error::io(e.path().unwrap_or(&dir).to_path_buf(), e.into()))?;
            if !entry.file_type().is_file() {
                continue;
            }
            let name = entry
                .path()
                .strip_prefix(&dir)
                .expect("walked from dir")
                .to_string_lossy()
                .replace('\\', "/");
            let bytes = std::fs::read(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
            files.retain(|(n, _)| *n != name);
            files.push((name, bytes));
        }
    }
    Ok(files)
}

/// The versioned URLs of the static files pages link to.
pub(crate) fn assets(files: &[(String, impl AsRef<[u8]>)], base_path: &str) -> Assets {
    let versioned = |name: &str| {
        let hash = files
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, b)| fingerprint(b.as_ref()))
            .unwrap_or_default();
        format!("{base_path}{name}?v={hash}")
    };
    Assets {
        style: versioned("style.css"),
        syntax: versioned("syntax.css"),
        icon: versioned("favicon.svg"),
        social: versioned("social.png"),
        search: versioned("search.js"),
    }
}

/// A short content hash, so browsers fetch an asset again exactly when it changed.
fn fingerprint(bytes: &[u8]) -> String {
    // FNV-1a: tiny and stable across builds and platforms, which is all cache busting needs.
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{:08x}", hash as u32)
}

/// A warning when the site passes 80% of what its host publishes, with the number of articles
/// at which it will reach the limit, if the archive keeps its size per article.
fn size_warning(
    project: &Project,
    config: &SiteConfig,
    bytes: u64,
    articles: usize,
) -> Option<Diagnostic> {
    let limit = config.size_limit;
    if bytes * 5 < limit * 4 {
        return None;
    }
    let mb = |b: u64| b / 1_000_000;
    let per_article = bytes / articles.max(1) as u64;
    let room = limit.saturating_sub(bytes) / per_article.max(1);
    Some(Diagnostic::in_file(
        &project.root.join("site.toml"),
        format!(
            "the site is {} MB, {}% of the {} MB its host publishes (size_limit_mb); at {} KB per article it has room for about {room} more articles",
            mb(bytes),
            bytes * 100 / limit.max(1),
            mb(limit),
            per_article / 1000,
        ),
    ))
}

/// A hash of a value's debug form: for configuration-like values whose every field matters.
pub(crate) fn hash_debug(value: &impl std::fmt::Debug) -> u64 {
    use std::hash::{DefaultHasher, Hasher};
    use std::io::Write as _;
    struct Writer(DefaultHasher);
    impl std::io::Write for Writer {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.write(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut writer = Writer(DefaultHasher::new());
    let _ = write!(writer, "{value:?}");
    writer.0.finish()
}

/// The default output folder of a project.
pub fn default_out(root: &Path) -> PathBuf {
    root.join("public")
}
