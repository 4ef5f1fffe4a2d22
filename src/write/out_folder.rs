//! Which output folders a build may replace, and how big the site it wrote is.

use crate::build::Project;
use crate::error::{Diagnostic, Error, Result};
use crate::load::config::SiteConfig;
use std::path::{Path, PathBuf};

/// Refuses an output folder that a build would destroy something in: a build replaces its
/// output folder whole, so it may not be the project or hold it (`/`, the project root or a
/// folder above), be one of the project's inputs or inside one (content, templates, static
/// files, interface strings), or be a folder of other files (one without the `.nojekyll` every
/// build writes): a mistyped `--out ~/Documents` must not delete `~/Documents`.
pub(crate) fn check_out(project: &Project, out: &Path) -> Result<()> {
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

/// A warning when the site passes 80% of what its host publishes, with the number of articles
/// at which it will reach the limit, if the archive keeps its size per article.
pub(crate) fn size_warning(
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

/// The default output folder of a project.
pub fn default_out(root: &Path) -> PathBuf {
    root.join("public")
}
