//! The commit message of an inbox run: its first line names the texts that left the inbox,
//! the body says where each went and which texts stay.

use super::Handled;
use crate::cmd::import::one::Status;
use std::fmt::Write as _;
use std::path::Path;

/// How many texts the first line names before it says "and N more".
const NAMED: usize = 3;

/// The message, or `None` when no text left the inbox (then there is nothing to commit).
pub(super) fn commit_message(texts: &[Handled], shown: &dyn Fn(&Path) -> String) -> Option<String> {
    let left: Vec<&Handled> = texts.iter().filter(|t| t.leaves()).collect();
    if left.is_empty() {
        return None;
    }
    let names: Vec<&str> = left
        .iter()
        .map(|t| t.name.strip_prefix("inbox/").unwrap_or(&t.name))
        .collect();
    let mut subject = format!(
        "inbox: import {}",
        names[..names.len().min(NAMED)].join(", ")
    );
    if names.len() > NAMED {
        let _ = write!(subject, " and {} more", names.len() - NAMED);
    }
    let mut body = String::new();
    for text in &left {
        let path = text.result.path.as_deref().map(shown).unwrap_or_default();
        let title = text
            .result
            .outcome
            .as_ref()
            .and_then(|o| o.report.title.as_ref())
            .map(|t| format!(" \"{}\"", t.value))
            .unwrap_or_default();
        match text.result.status {
            Status::Skipped => {
                let _ = writeln!(body, "- {}: already in the archive as {path}", text.name);
            }
            _ => {
                let _ = writeln!(body, "- {} → {path}{title}", text.name);
            }
        }
    }
    let waiting: Vec<&str> = texts
        .iter()
        .filter(|t| !t.leaves())
        .map(|t| t.name.as_str())
        .collect();
    if !waiting.is_empty() {
        let _ = writeln!(
            body,
            "\nStaying in the inbox for the editor (see the run's summary): {}",
            waiting.join(", ")
        );
    }
    Some(format!("{subject}\n\n{body}"))
}
