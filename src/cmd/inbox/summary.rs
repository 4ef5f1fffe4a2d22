//! The job summary of an inbox run, in Markdown: an overview (each text and what became of
//! it, what to do about one that stays), then each text's report, those that stay first.

use super::Handled;
use crate::cmd::import::markdown;
use crate::cmd::import::one::Status;
use dostyk::github::{cell, code};
use dostyk::inbox::{OPTION_NAMES, as_option_lines};
use std::fmt::Write as _;
use std::path::Path;

/// The summary of `texts`; `shown` names a file as the repository does.
pub(super) fn markdown(texts: &[Handled], shown: &dyn Fn(&Path) -> String) -> String {
    let waiting: Vec<&Handled> = texts.iter().filter(|t| !t.leaves()).collect();
    let left = texts.len() - waiting.len();
    let mut out = format!(
        "## Inbox: {} imported, {} waiting for the editor\n\n",
        count_texts(left),
        waiting.len()
    );
    if texts.is_empty() {
        out.push_str("No text is waiting in `inbox/`.\n");
        return out;
    }
    out.push_str("| text | what happened |\n|---|---|\n");
    for text in waiting
        .iter()
        .copied()
        .chain(texts.iter().filter(|t| t.leaves()))
    {
        let _ = writeln!(out, "| {} | {} |", code(&text.name), outcome(text, shown));
    }
    if !waiting.is_empty() {
        let _ = write!(
            out,
            "\nA text that stays waits for you: open it on GitHub, edit it (the pencil), put what \
             the message asks for on its first lines, one option a line (`date: 2025-11-14`), \
             and commit. The import runs again. The options: {}. `inbox/README.md` explains \
             each.\n",
            OPTION_NAMES.map(|n| format!("`{n}:`")).join(", ")
        );
    }
    for text in waiting
        .iter()
        .copied()
        .chain(texts.iter().filter(|t| t.leaves()))
    {
        let _ = writeln!(out, "\n### {}", heading(text, shown));
        out.push('\n');
        if !text.leaves() && !text.problems.is_empty() {
            out.push_str("**What to do:**\n\n");
            for problem in &text.problems {
                let _ = writeln!(out, "- line {}: {}", problem.line, cell(&problem.message));
            }
            out.push('\n');
        }
        // What stops a text is listed above, each problem with its line.
        out.push_str(&markdown::details(&text.result, &as_option_lines));
    }
    out
}

/// What became of a text, in the overview.
fn outcome(text: &Handled, shown: &dyn Fn(&Path) -> String) -> String {
    let path = text.result.path.as_deref().map(|p| code(&shown(p)));
    match (text.result.status, path) {
        (Status::Imported, Some(path)) => format!("imported as {path}"),
        (Status::Skipped, Some(path)) => {
            format!("already in the archive as {path}: removed from the inbox")
        }
        _ => {
            let first = text
                .problems
                .first()
                .map(|p| format!(": {}", cell(&p.message)))
                .unwrap_or_default();
            format!("**stays in the inbox**{first}")
        }
    }
}

/// A text's heading: its name, and where it went or that it stays.
fn heading(text: &Handled, shown: &dyn Fn(&Path) -> String) -> String {
    let name = code(&text.name);
    match (text.result.status, text.result.path.as_deref()) {
        (Status::Imported, Some(path)) => format!("✅ {name} → {}", code(&shown(path))),
        (Status::Skipped, Some(path)) => {
            format!(
                "☑️ {name}: already in the archive as {}",
                code(&shown(path))
            )
        }
        _ => format!("❌ {name} stays in the inbox"),
    }
}

/// `1 text`, `2 texts`.
pub(super) fn count_texts(n: usize) -> String {
    if n == 1 {
        "1 text".to_string()
    } else {
        format!("{n} texts")
    }
}
