//! Loading the Tera templates: dostyk's built-in set, overridden file by file by the
//! project's `templates/`. Errors name the template file and line.

use crate::error::Diagnostic;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The built-in templates, by name. A project's `templates/<name>` replaces one.
pub const BUILT_IN: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("landing.html", include_str!("../../templates/landing.html")),
    ("home.html", include_str!("../../templates/home.html")),
    ("article.html", include_str!("../../templates/article.html")),
    ("terms.html", include_str!("../../templates/terms.html")),
    ("term.html", include_str!("../../templates/term.html")),
    (
        "timeline.html",
        include_str!("../../templates/timeline.html"),
    ),
    ("404.html", include_str!("../../templates/404.html")),
    ("search.html", include_str!("../../templates/search.html")),
    ("feed.xml", include_str!("../../templates/feed.xml")),
    (
        "partials/story.html",
        include_str!("../../templates/partials/story.html"),
    ),
    (
        "partials/stories.html",
        include_str!("../../templates/partials/stories.html"),
    ),
    (
        "partials/pagination.html",
        include_str!("../../templates/partials/pagination.html"),
    ),
    (
        "partials/chart.html",
        include_str!("../../templates/partials/chart.html"),
    ),
];

/// The text of built-in template `name`.
pub fn built_in_text(name: &str) -> Option<&'static str> {
    BUILT_IN
        .iter()
        .find(|(own, _)| *own == name)
        .map(|(_, text)| *text)
}

/// Compiled templates and where each came from, for error messages.
pub struct Templates {
    tera: tera::Tera,
    origins: BTreeMap<String, PathBuf>,
    /// The names of the templates the project replaced with a text of its own.
    replaced: BTreeSet<String>,
}

impl Templates {
    /// Built-in templates, then every file of `dir` (if it exists) over them.
    pub fn load(dir: &Path) -> Result<Templates, Vec<Diagnostic>> {
        let mut sources: BTreeMap<String, (PathBuf, String)> = BUILT_IN
            .iter()
            .map(|(name, text)| {
                (
                    name.to_string(),
                    (
                        PathBuf::from(format!("(built-in) templates/{name}")),
                        text.to_string(),
                    ),
                )
            })
            .collect();
        let mut problems = Vec::new();
        let mut replaced = BTreeSet::new();
        if dir.is_dir() {
            for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
                let entry = match entry {
                    Ok(entry) => entry,
                    Err(e) => {
                        problems.push(Diagnostic::in_file(
                            e.path().unwrap_or(dir),
                            format!("cannot read: {e}"),
                        ));
                        continue;
                    }
                };
                if !entry.file_type().is_file()
                    || entry.file_name().to_string_lossy().starts_with('.')
                {
                    continue;
                }
                let path = entry.path();
                let name = path
                    .strip_prefix(dir)
                    .expect("walked from dir")
                    .to_string_lossy()
                    .replace('\\', "/");
                match std::fs::read(path).map(String::from_utf8) {
                    Ok(Ok(text)) => {
                        if built_in_text(&name) != Some(text.as_str()) {
                            replaced.insert(name.clone());
                        }
                        sources.insert(name, (path.to_path_buf(), text));
                    }
                    Ok(Err(_)) => problems.push(Diagnostic::in_file(path, "not valid UTF-8")),
                    Err(e) => problems.push(Diagnostic::in_file(path, format!("cannot read: {e}"))),
                }
            }
        }
        let origins: BTreeMap<String, PathBuf> = sources
            .iter()
            .map(|(name, (path, _))| (name.clone(), path.clone()))
            .collect();
        // Tera reports one error per attempt: drop each broken template and try again, so
        // every broken template is reported at once.
        let mut broken: Vec<String> = Vec::new();
        loop {
            let mut tera = tera::Tera::new();
            tera.autoescape_on([".html", ".xml"]);
            let batch = sources
                .iter()
                .filter(|(name, _)| !broken.contains(name))
                .map(|(name, (_, text))| (name.as_str(), text.as_str()));
            match tera.add_raw_templates(batch) {
                Ok(()) if problems.is_empty() && broken.is_empty() => {
                    return Ok(Templates {
                        tera,
                        origins,
                        replaced,
                    });
                }
                Ok(()) => return Err(problems),
                Err(e) => {
                    let diagnostic = diagnostic(&e, &origins);
                    let culprit = culprit(&e)
                        .filter(|name| sources.contains_key(name) && !broken.contains(name));
                    let parent_is_broken = matches!(e.kind(), tera::ErrorKind::MissingParent { parent, .. } if broken.contains(parent));
                    if !parent_is_broken {
                        problems.push(diagnostic);
                    }
                    match culprit {
                        Some(name) => broken.push(name),
                        None => return Err(problems),
                    }
                }
            }
        }
    }

    /// Whether `name` is dostyk's own template, or the project's copy of it.
    pub(crate) fn built_in(&self, name: &str) -> bool {
        !self.replaced.contains(name)
    }

    /// Renders `name`, mapping a failure to the template's file and line. Bytes, not a
    /// `String`: the page goes straight to a file, and checking a whole page's UTF-8 again
    /// cost a tenth of a build.
    pub fn render(&self, name: &str, context: &tera::Context) -> Result<Vec<u8>, Diagnostic> {
        self.render_sized(name, context, 32 * 1024)
    }

    /// [`Self::render`] into a buffer of `capacity` bytes at first: a page's part.
    pub fn render_sized(
        &self,
        name: &str,
        context: &tera::Context,
        capacity: usize,
    ) -> Result<Vec<u8>, Diagnostic> {
        let mut html = Vec::with_capacity(capacity);
        self.tera
            .render_to(name, context, &mut html)
            .map_err(|e| diagnostic(&e, &self.origins))?;
        Ok(html)
    }
}

/// The template an error is about, when Tera says.
fn culprit(e: &tera::Error) -> Option<String> {
    match e.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            Some(report.filename().to_string())
        }
        tera::ErrorKind::MissingParent { current, .. } => Some(current.clone()),
        tera::ErrorKind::CircularExtend { tpl, .. }
        | tera::ErrorKind::CircularInclude { tpl, .. } => Some(tpl.clone()),
        _ => None,
    }
}

fn diagnostic(e: &tera::Error, origins: &BTreeMap<String, PathBuf>) -> Diagnostic {
    let file = |name: &str| {
        origins
            .get(name)
            .cloned()
            .unwrap_or_else(|| PathBuf::from(format!("templates/{name}")))
    };
    match e.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            Diagnostic::at(
                &file(report.filename()),
                report.span().start_line,
                format!("template error: {}", report.message()),
            )
        }
        tera::ErrorKind::MissingParent { current, parent } => Diagnostic::in_file(
            &file(current),
            format!("template extends \"{parent}\", which does not exist"),
        ),
        other => {
            let name = culprit(e).unwrap_or_default();
            Diagnostic::in_file(&file(&name), format!("template error: {other}"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A card's fields as `partials/story.html` reads them.
    fn story() -> tera::Value {
        let card = serde_json::json!({
            "title": "Сарлавҳа", "href": "/tg/articles/a/", "lang": "tg", "lang_name": "Тоҷикӣ",
            "foreign": false, "date": "1 май", "datetime": "2025-05-01", "outlet": "Ховар",
            "summary": "Хулоса.", "countries": [], "topics": [], "also_in": [], "thumb": null,
        });
        tera::Value::from_serializable(&card)
    }

    fn list(story: tera::Value) -> String {
        let templates = Templates::load(Path::new("/nonexistent")).expect("built-ins compile");
        let mut context = tera::Context::new();
        context.insert_value("stories", vec![story].into());
        context.insert(
            "t",
            &serde_json::json!({"language_of_text": "Забон", "also_in": "", "empty": ""}),
        );
        context.insert("heading_level", &2);
        let html = templates
            .render("partials/stories.html", &context)
            .expect("renders");
        String::from_utf8(html).expect("UTF-8")
    }

    #[test]
    fn a_list_shows_a_kept_card_as_it_is_and_renders_one_without_html() {
        // Kept: the card's HTML, as the renderer made it once, and nothing else: a field the
        // list read would be undefined.
        let kept = list(tera::Value::from_serializable(
            &serde_json::json!({"html": "<article>made once</article>"}),
        ));
        assert!(
            kept.contains("<li><article>made once</article></li>"),
            "{kept}"
        );
        // Not kept (a large archive): the list includes the partial itself.
        let rendered = list(story());
        assert!(
            rendered.contains("<h2 class=\"story-title\">"),
            "{rendered}"
        );
        assert!(rendered.contains("Сарлавҳа"), "{rendered}");
    }

    #[test]
    fn a_project_copy_of_a_built_in_template_is_still_built_in() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let ours = |name: &str| built_in_text(name).expect("a built-in template");
        std::fs::create_dir(dir.path().join("partials")).expect("a folder");
        std::fs::write(dir.path().join("home.html"), ours("home.html")).expect("written");
        let edited = ours("partials/stories.html").replace("story-list", "list");
        std::fs::write(dir.path().join("partials/stories.html"), edited).expect("written");
        let templates = Templates::load(dir.path()).expect("they compile");
        assert!(templates.built_in("home.html"), "the same text as ours");
        assert!(templates.built_in("term.html"), "not in the project");
        assert!(
            !templates.built_in("partials/stories.html"),
            "a text of its own"
        );
    }
}
