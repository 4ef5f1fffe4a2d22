//! Workflow commands that annotate a file: `::error file=F,line=L,title=T::message`, with
//! the escaping GitHub's runner undoes (`%`, `\r` and `\n` everywhere; `:` and `,` in the
//! properties too), so that no text from an article or an agency can end the command early
//! or start another.

use crate::error::Diagnostic;
use std::fmt;
use std::path::{Component, Path, PathBuf};

/// How GitHub shows an annotation: red, yellow or blue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// A problem that stops something (a build, an import).
    Error,
    /// Something odd that stopped nothing.
    Warning,
    /// For the editor's information.
    Notice,
}

impl Level {
    fn command(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Notice => "notice",
        }
    }
}

/// One annotation: a message pinned to a file of the repository and, when known, a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    /// Error, warning or notice.
    pub level: Level,
    /// The file, relative to the repository's root, with `/` separators (see [`repo_path`]).
    pub file: Option<String>,
    /// 1-based line.
    pub line: Option<usize>,
    /// A short heading GitHub shows above the message.
    pub title: Option<String>,
    /// What is wrong; may span lines.
    pub message: String,
}

impl Annotation {
    /// An annotation of `diagnostic`, its file made relative to the repository at `root`.
    pub fn of(level: Level, diagnostic: &Diagnostic, root: &Path) -> Annotation {
        Annotation {
            level,
            file: Some(repo_path(&diagnostic.file, root)),
            line: diagnostic.line,
            title: None,
            message: diagnostic.message.clone(),
        }
    }
}

impl fmt::Display for Annotation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "::{}", self.level.command())?;
        let line = self.line.map(|l| l.to_string());
        let properties = [
            ("file", self.file.as_deref()),
            ("line", line.as_deref()),
            ("title", self.title.as_deref()),
        ];
        let mut first = true;
        for (name, value) in properties {
            if let Some(value) = value {
                let separator = if first { " " } else { "," };
                write!(f, "{separator}{name}={}", escape(value, true))?;
                first = false;
            }
        }
        write!(f, "::{}", escape(&self.message, false))
    }
}

/// The text as a workflow command carries it: `%`, `\r`, `\n` encoded, and in a property
/// also `:` and `,`, which would end it.
fn escape(text: &str, property: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' if property => out.push_str("%3A"),
            ',' if property => out.push_str("%2C"),
            c => out.push(c),
        }
    }
    out
}

/// `path` as GitHub names a file of the repository at `root`: relative to it, without `./`,
/// with `/` between folders. A path outside the repository stays as it is.
pub fn repo_path(path: &Path, root: &Path) -> String {
    let relative = match path.strip_prefix(root) {
        Ok(rest) => rest.to_path_buf(),
        Err(_) => canonical_relative(path, root).unwrap_or_else(|| path.to_path_buf()),
    };
    if relative.is_absolute() {
        return relative.display().to_string();
    }
    let parts: Vec<String> = relative
        .components()
        .filter(|c| !matches!(c, Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// `path` relative to `root` once both are resolved (a relative root, a symbolic link).
fn canonical_relative(path: &Path, root: &Path) -> Option<PathBuf> {
    let root = std::fs::canonicalize(root).ok()?;
    let path = std::fs::canonicalize(path).ok()?;
    path.strip_prefix(&root).ok().map(Path::to_path_buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(file: &str, line: Option<usize>, message: &str) -> String {
        Annotation {
            level: Level::Error,
            file: Some(file.to_string()),
            line,
            title: None,
            message: message.to_string(),
        }
        .to_string()
    }

    #[test]
    fn names_file_and_line() {
        assert_eq!(
            error(
                "content/articles/2025/a.md",
                Some(6),
                "unknown topic \"watr\""
            ),
            "::error file=content/articles/2025/a.md,line=6::unknown topic \"watr\""
        );
        assert_eq!(
            error("inbox/a.txt", None, "empty"),
            "::error file=inbox/a.txt::empty"
        );
    }

    #[test]
    fn escapes_what_would_end_the_command() {
        assert_eq!(
            error("inbox/a,b:c%.txt", Some(1), "50% done\r\nnext:: ::error::x"),
            "::error file=inbox/a%2Cb%3Ac%25.txt,line=1::50%25 done%0D%0Anext:: ::error::x"
        );
        let warning = Annotation {
            level: Level::Warning,
            file: None,
            line: None,
            title: Some("a, b: c".into()),
            message: "m".into(),
        };
        assert_eq!(warning.to_string(), "::warning title=a%2C b%3A c::m");
    }

    #[test]
    fn paths_are_relative_to_the_repository() {
        let root = Path::new("/repo");
        assert_eq!(
            repo_path(Path::new("/repo/inbox/a.txt"), root),
            "inbox/a.txt"
        );
        assert_eq!(
            repo_path(Path::new("./content/x.md"), Path::new(".")),
            "content/x.md"
        );
        assert_eq!(
            repo_path(Path::new("content/x.md"), Path::new(".")),
            "content/x.md"
        );
        assert_eq!(
            repo_path(Path::new("/elsewhere/x.md"), root),
            "/elsewhere/x.md"
        );
    }
}
