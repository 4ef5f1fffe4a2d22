//! Walking `content/articles/` and loading every article, collecting every problem.

use super::article::{Article, Parsed};
use crate::error::Diagnostic;
use crate::taxonomy::Taxonomy;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

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
    let (files, mut problems) = article_files(articles_dir);
    let results: Vec<Result<Parsed, Vec<Diagnostic>>> = files
        .par_iter()
        .map(|path| load_one(path, taxonomy))
        .collect();
    let mut articles = Vec::with_capacity(results.len());
    let mut warnings = Vec::new();
    for result in results {
        match result {
            Ok(parsed) => {
                articles.push(parsed.article);
                warnings.extend(parsed.warnings);
            }
            Err(more) => problems.extend(more),
        }
    }
    problems.extend(duplicate_slugs(&articles));
    Partial {
        loaded: Loaded { articles, warnings },
        problems,
    }
}

fn load_one(path: &Path, taxonomy: &Taxonomy) -> Result<Parsed, Vec<Diagnostic>> {
    let bytes = std::fs::read(path)
        .map_err(|e| vec![Diagnostic::in_file(path, format!("cannot read: {e}"))])?;
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
