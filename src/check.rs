//! `dostyk check`: every validation a build makes, with nothing written. Loading checks the
//! configuration, taxonomy, template syntax and every article; rendering one page of each
//! kind in each UI language finds what only rendering can (a template using a variable no
//! page has); and every article's links to other articles are resolved.

use crate::build::{Parts, Project, load_parts};
use crate::error::{Diagnostic, Error, Result};
use crate::load::ArticleCache;
use crate::model::Site;
use crate::photos;
use crate::render::{self, Scope};
use crate::write::Discard;
use crate::write::write_static;
use std::time::{Duration, Instant};

/// What a check found in a project with no errors.
#[derive(Debug)]
pub struct CheckReport {
    /// Article files checked (each one language version).
    pub articles: usize,
    /// Stories: articles grouped by `story`.
    pub stories: usize,
    /// Pages rendered as samples of each kind.
    pub pages: usize,
    /// What the articles have that is odd without being wrong.
    pub warnings: Vec<Diagnostic>,
    /// The whole check's time.
    pub elapsed: Duration,
}

/// Checks the project as a build with `base_url` would; every problem is in the error.
/// Articles that fail to load do not stop the check: the others are rendered and their
/// links resolved, so that one run lists every problem.
pub fn check(project: &Project, base_url: Option<&str>) -> Result<CheckReport> {
    let started = Instant::now();
    let Parts {
        templates,
        config,
        taxonomy,
        articles,
        mut problems,
    } = load_parts(project, base_url, &mut ArticleCache::default(), None);
    let (Some(templates), Some(config), Some(taxonomy), Some(articles)) =
        (templates, config, taxonomy, articles)
    else {
        return Err(Error::Invalid(problems));
    };
    problems.extend(articles.problems);
    let site = Site::new(config, taxonomy, articles.loaded.articles);
    let mut assets = write_static(project, &site, &Discard)?;
    let mut warnings = articles.loaded.warnings;
    // Photos are decoded to be checked; what is made of them goes to the cache, not the site.
    match photos::prepare(&site.articles, &project.content, &project.photo_cache()) {
        Ok(photos) => {
            warnings.extend(photos.warnings.iter().cloned());
            assets.photos = std::sync::Arc::new(photos);
        }
        Err(more) => problems.extend(more),
    }
    let pages = match render::render_site(&site, &templates, &assets, &Discard, Scope::Sample, None)
    {
        Ok(stats) => stats.pages,
        Err(more) => {
            problems.extend(more);
            0
        }
    };
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    Ok(CheckReport {
        articles: site.articles.len(),
        stories: site.stories.len(),
        pages,
        warnings,
        elapsed: started.elapsed(),
    })
}
