//! Links in article text to other articles, written as paths to their files
//! (`[the talks](../2025/tojikiston-va-qazoqiston.md)`, the way Markdown editors and GitHub
//! link files), checked and turned into links to the articles' pages.

use crate::error::{Diagnostic, closest, line_of};
use crate::load::Article;
use crate::model::Site;
use crate::photos::{ArticlePhotos, Photos};
use crate::render::markdown::{self, ArticleLinks, Body};
use crate::render::picture::{Priority, picture};
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::OnceLock;

/// Every article by its file, for resolving links.
pub(super) struct SiteLinks<'a> {
    site: &'a Site,
    photos: &'a Photos,
    /// Made at the first link resolved: a rebuild that renders no body with links needs none.
    by_path: OnceLock<HashMap<PathBuf, &'a Article>>,
}

impl<'a> SiteLinks<'a> {
    pub(super) fn new(site: &'a Site, photos: &'a Photos) -> SiteLinks<'a> {
        SiteLinks {
            site,
            photos,
            by_path: OnceLock::new(),
        }
    }

    fn by_path(&self) -> &HashMap<PathBuf, &'a Article> {
        self.by_path.get_or_init(|| {
            let site: &'a Site = self.site;
            site.articles
                .iter()
                .map(|a| (normalize(&a.path), &**a))
                .collect()
        })
    }

    /// The body of `article`, whose Markdown is `text`, as HTML, and a problem per link to a
    /// file that is no article.
    pub(super) fn render(
        &self,
        article: &Article,
        text: &str,
        base_path: &str,
    ) -> (Body, Vec<Diagnostic>) {
        let from = FromArticle {
            links: self,
            dir: article.path.parent().unwrap_or(Path::new("")),
            photos: self.photos.of(&article.path),
            base_path,
        };
        let body = markdown::render_body(text, &from, base_path);
        let problems = body
            .problems
            .iter()
            .map(|(offset, why)| {
                let line = article.body_line + line_of(text, *offset) - 1;
                Diagnostic::at(&article.path, line, why.clone())
            })
            .collect();
        (body, problems)
    }
}

impl SiteLinks<'_> {
    /// The problems of an article's links, without rendering it.
    pub(super) fn check(&self, article: &Article) -> Vec<Diagnostic> {
        let text = match article.body.read(&article.path) {
            Ok(text) => text,
            Err(problem) => return vec![problem],
        };
        let from = FromArticle {
            links: self,
            dir: article.path.parent().unwrap_or(Path::new("")),
            photos: None,
            base_path: "/",
        };
        markdown::link_problems(&text, &from)
            .into_iter()
            .map(|(offset, why)| {
                let line = article.body_line + line_of(&text, offset) - 1;
                Diagnostic::at(&article.path, line, why)
            })
            .collect()
    }
}

/// Links as one article's text sees them: relative to its folder.
struct FromArticle<'s, 'a> {
    links: &'s SiteLinks<'a>,
    dir: &'s Path,
    /// The article's photos, which its figures show.
    photos: Option<&'s ArticlePhotos>,
    base_path: &'s str,
}

impl ArticleLinks for FromArticle<'_, '_> {
    fn is_figure(&self, dest: &str) -> bool {
        self.photos.is_some_and(|p| p.figures.contains_key(dest))
    }

    fn figure(&self, dest: &str, alt: &str) -> String {
        self.photos
            .and_then(|p| p.figures.get(dest))
            .map(|photo| picture(photo, self.base_path, alt, None, Priority::Lazy))
            .unwrap_or_default()
    }

    fn resolve(&self, dest: &str) -> Option<Result<String, String>> {
        let (file, fragment) = match dest.split_once('#') {
            Some((file, fragment)) => (file, Some(fragment)),
            None => (dest, None),
        };
        // Only paths to Markdown files: not web addresses, which may end in `.md` too.
        // Article files are `.md`, in lower case, as the loader reads them.
        #[allow(clippy::case_sensitive_file_extension_comparisons)]
        let markdown = file.ends_with(".md");
        if !markdown || file.contains(':') || file.starts_with('/') {
            return None;
        }
        let target = normalize(&self.dir.join(file));
        let by_path = self.links.by_path();
        let Some(article) = by_path.get(&target) else {
            let name = Path::new(file)
                .file_name()
                .unwrap_or_default()
                .to_string_lossy();
            let names = by_path.keys().filter_map(|p| p.file_name()?.to_str());
            let hint = match closest(&name, names) {
                Some(close) => {
                    let found = by_path.keys().find(|p| p.ends_with(close));
                    format!(
                        " (did you mean {}?)",
                        found.map_or(close.into(), |p| p.display().to_string())
                    )
                }
                None => {
                    " (the path is relative to this file's folder, like ../2025/slug.md)".into()
                }
            };
            return Some(Err(format!(
                "the link to \"{file}\" leads to no article{hint}"
            )));
        };
        let mut path = format!("articles/{}/", article.slug);
        if let Some(fragment) = fragment {
            path.push('#');
            path.push_str(fragment);
        }
        Some(Ok(path))
    }
}

/// `a/b/../c` → `a/c`, without touching the disk (the linked file may not exist).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_normalize_without_the_disk() {
        assert_eq!(
            normalize(Path::new("content/articles/2025/../2024/./a.md")),
            PathBuf::from("content/articles/2024/a.md")
        );
        assert_eq!(normalize(Path::new("../a.md")), PathBuf::from("../a.md"));
    }
}
