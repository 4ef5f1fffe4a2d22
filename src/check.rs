//! `dostyk check`: every validation a build makes, with nothing written. Loading checks the
//! configuration, taxonomy, template syntax and every article; rendering one page of each
//! kind in each UI language finds what only rendering can (a template using a variable no
//! page has); and every article's links to other articles are resolved.

use crate::build::{Parts, Project, load_parts, write_static};
use crate::content::ArticleCache;
use crate::error::{Diagnostic, Error, Result};
use crate::model::Site;
use crate::output::Discard;
use crate::render::{self, Scope};
use std::time::{Duration, Instant};

/// What a check found in a project with no errors.
#[derive(Debug)]
pub struct CheckReport {
    pub articles: usize,
    pub stories: usize,
    /// Pages rendered as samples of each kind.
    pub pages: usize,
    pub warnings: Vec<Diagnostic>,
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
    let assets = write_static(project, &site, &Discard)?;
    let pages = match render::render_site(&site, &templates, &assets, &Discard, Scope::Sample) {
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
        warnings: articles.loaded.warnings,
        elapsed: started.elapsed(),
    })
}
