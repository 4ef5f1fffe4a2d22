//! Errors the library reports: every problem names the file and, where it can, the line.

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem found in the project, pinned to a file and (when known) a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file (or folder) the problem is in.
    pub file: PathBuf,
    /// 1-based line number.
    pub line: Option<usize>,
    /// What is wrong and, where it can say, how to put it right; without the file or line.
    pub message: String,
}

impl Diagnostic {
    /// A problem in `file`, at `line` if known.
    pub fn new(file: impl Into<PathBuf>, line: Option<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.into(),
            line,
            message: message.into(),
        }
    }

    /// A problem at a 1-based `line` of `file`.
    pub fn at(file: &Path, line: usize, message: impl Into<String>) -> Self {
        Self::new(file, Some(line), message)
    }

    /// A problem with `file` as a whole, or at no line that can be named.
    pub fn in_file(file: &Path, message: impl Into<String>) -> Self {
        Self::new(file, None, message)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file.display(), line, self.message),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

/// Everything that can stop a build.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Problems in the project's files; all of them, not only the first.
    #[error("{}", lines(.0))]
    Invalid(Vec<Diagnostic>),
    /// Another build is writing the same output folder.
    #[error("{}: another build is writing this folder; try again when it is done", .0.display())]
    Busy(PathBuf),
    /// The output folder asked for would replace or overwrite something that is not a site.
    #[error("{}: {why}", .out.display())]
    UnsafeOut {
        /// The output folder asked for.
        out: PathBuf,
        /// Why it is refused, mostly with what to choose instead.
        why: String,
    },
    /// A file or folder could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// Why the system refused.
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    /// [`Error::Io`] for `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// The problems behind this error, one per line when printed.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        match self {
            Error::Invalid(list) => list.clone(),
            Error::Io { path, source } => vec![Diagnostic::in_file(path, source.to_string())],
            Error::UnsafeOut { out, why } => vec![Diagnostic::in_file(out, why.clone())],
            Error::Busy(path) => vec![Diagnostic::in_file(
                path,
                "another build is writing this folder; try again when it is done",
            )],
        }
    }
}

/// Problems one per line, as the command line shows them.
pub fn lines(diagnostics: &[Diagnostic]) -> String {
    let lines: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    lines.join("\n")
}

/// The library's results: a build's [`Error`] unless a stage says otherwise.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// 1-based line of a byte offset in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Turns a TOML error into a diagnostic whose line counts from `first_line` of the file.
pub fn toml_diagnostic(
    file: &Path,
    text: &str,
    first_line: usize,
    err: &toml::de::Error,
) -> Diagnostic {
    let line = err
        .span()
        .map(|span| line_of(text, span.start) + first_line - 1);
    let message = err.message().trim().to_string();
    Diagnostic::new(file, line.or(Some(first_line)), message)
}

/// The known name closest to `unknown`, if one is close enough to be a likely typo.
pub fn closest<'a>(unknown: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|k| (strsim::damerau_levenshtein(unknown, k), k))
        .filter(|(distance, k)| *distance <= 2.max(k.chars().count() / 3))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, k)| k)
}

/// " (did you mean `x`?)" or nothing.
pub fn did_you_mean<'a>(unknown: &str, known: impl IntoIterator<Item = &'a str>) -> String {
    closest(unknown, known)
        .map(|k| format!(" (did you mean \"{k}\"?)"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_count_from_one() {
        assert_eq!(line_of("a\nb\nc", 0), 1);
        assert_eq!(line_of("a\nb\nc", 2), 2);
        assert_eq!(line_of("a\nb\nc", 4), 3);
    }

    #[test]
    fn suggests_a_close_id_only() {
        assert_eq!(closest("watr", ["water", "trade"]), Some("water"));
        assert_eq!(
            closest("tajikstan", ["tajikistan", "china"]),
            Some("tajikistan")
        );
        assert_eq!(closest("zzzzzz", ["water", "trade"]), None);
    }
}
