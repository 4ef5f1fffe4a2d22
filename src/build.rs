//! The pipeline: load → model → render → write, and what a build reports.

use crate::error::{Diagnostic, Error, Result};
use crate::load::config::SiteConfig;
use crate::load::taxonomy::Taxonomy;
use crate::load::{ArticleCache, Partial};
use crate::model::Site;
use crate::photos::{self, PhotoStats, Photos};
use crate::render::{self, Templates};
use crate::write::{Staging, WhenBusy, check_out, size_warning, write_static};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// The cache folder's name in the project.
pub const CACHE_DIR: &str = ".dostyk-cache";

/// Where a project's parts are.
#[derive(Debug, Clone)]
pub struct Project {
    /// The project folder: `site.toml`, `content/`, `templates/` and `static/` are in it.
    pub root: PathBuf,
    /// `content/`: `articles/` and `taxonomy.toml`.
    pub content: PathBuf,
    /// `.dostyk-cache/`: what builds keep for the next (the processed photos).
    pub cache: PathBuf,
}

impl Project {
    /// The project in folder `root`, its parts where they always are.
    pub fn new(root: impl Into<PathBuf>) -> Project {
        let root = root.into();
        Project {
            content: root.join("content"),
            cache: root.join(CACHE_DIR),
            root,
        }
    }

    /// `templates/`: the Tera templates of the pages.
    pub fn templates(&self) -> PathBuf {
        self.root.join("templates")
    }

    /// The cache of processed photos.
    pub fn photo_cache(&self) -> photos::Cache {
        photos::Cache::new(self.cache.join("photos"))
    }

    /// `static/`: files copied into the site under content-hashed names.
    pub fn static_dir(&self) -> PathBuf {
        self.root.join("static")
    }
}

/// What to build and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The project to build.
    pub project: Project,
    /// The output folder, replaced whole by the new site at the end of a build.
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
    /// Article files built (each one language version).
    pub articles: usize,
    /// Stories: articles grouped by `story`.
    pub stories: usize,
    /// Pages written, counting each UI language's copy.
    pub pages: usize,
    /// Files written: pages, static files, feeds, the search index and the rest.
    pub files: usize,
    /// The size of those files, in bytes.
    pub bytes: u64,
    /// The most bytes the host publishes (`size_limit_mb` of site.toml).
    pub size_limit: u64,
    /// The photos among them.
    pub photos: PhotoStats,
    /// Problems that did not stop the build, including an output that has grown large.
    pub warnings: Vec<Diagnostic>,
    /// The whole build's time.
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
    /// Finding the photos in the cache, or making them.
    pub photos: Duration,
    /// Static files, Markdown, templates, writing the pages, and the search index, which
    /// reads the articles as they are rendered.
    pub render: Duration,
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
    let processing = Instant::now();
    let photos = photos::prepare(
        &site.articles,
        &options.project.content,
        &options.project.photo_cache(),
    )
    .map_err(Error::Invalid)?;
    timings.photos = processing.elapsed();
    let mut warnings = warnings;
    warnings.extend(photos.warnings.iter().cloned());
    let photo_stats = photos.stats();
    check_out(&options.project, &options.out)?;
    let staging = Staging::new(&options.out, options.when_busy)?;
    match write_site(&site, &templates, options, &staging, &mut timings, photos) {
        Ok(pages) => {
            let finishing = Instant::now();
            let (bytes, files) = staging.size();
            staging.commit()?;
            timings.finish = finishing.elapsed();
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
                size_limit: site.config.size_limit,
                photos: photo_stats,
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

/// Writes every page and static file, then indexes the articles for search; returns the
/// number of pages.
fn write_site(
    site: &Site,
    templates: &Templates,
    options: &BuildOptions,
    staging: &Staging,
    timings: &mut Timings,
    photos: Photos,
) -> Result<usize> {
    let rendering = Instant::now();
    let mut assets = write_static(&options.project, site, staging)?;
    photos.write(staging)?;
    assets.photos = std::sync::Arc::new(photos);
    // The search index reads the articles as their pages are rendered.
    let search = options
        .search
        .then(|| render::SearchIndexes::new(site, &assets));
    let stats = render::render_site(
        site,
        templates,
        &assets,
        staging,
        render::Scope::All,
        search,
    )
    .map_err(Error::Invalid)?;
    timings.render = rendering.elapsed();
    Ok(stats.pages)
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
