//! What can stop the search index: Pagefind's browser code not to be had, or a file of the
//! bundle not written.

use super::BUNDLE_DIR;
use crate::error::{Diagnostic, Error};
use std::path::Path;

/// Why the search index could not be written.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// Pagefind's browser code could not be prepared (or is of another format's version).
    #[error("search index: {0}")]
    Runtime(String),
    /// A file of the bundle could not be written.
    #[error(transparent)]
    Write(#[from] Error),
}

/// The search stage's results.
pub type Result<T, E = SearchError> = std::result::Result<T, E>;

/// At the edge of the stage: a build reports the problem like any other.
impl From<SearchError> for Error {
    fn from(e: SearchError) -> Error {
        match e {
            SearchError::Runtime(message) => Error::Invalid(vec![Diagnostic::in_file(
                Path::new(BUNDLE_DIR),
                format!("search index: {message}"),
            )]),
            SearchError::Write(e) => e,
        }
    }
}
