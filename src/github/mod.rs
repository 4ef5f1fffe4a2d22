//! What a GitHub Actions job reads from the commands it runs: annotations, workflow commands
//! printed on stdout that GitHub shows on the file and line they name, and the job summary,
//! Markdown appended to the file `$GITHUB_STEP_SUMMARY` names.

mod annotation;
mod markdown;

pub use annotation::{Annotation, Level, repo_path};
pub use markdown::{append_summary, cell, code};
