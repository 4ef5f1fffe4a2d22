//! `dostyk inbox`: imports the texts editors uploaded to `inbox/` through GitHub's web
//! pages, each with the options its first lines give (`date: 2025-11-14`). An imported text
//! leaves the inbox (its file is deleted; the article is in `content/`); a text the importer
//! needs the editor for stays, and the editor reads why in the job summary and in
//! annotations on the file. Git is the caller's (`scripts/inbox-import`): this writes the
//! commit message naming what changed.

mod message;
mod summary;

use super::import::one::{self, FileResult, Status, Writing};
use anyhow::{Context, bail};
use dostyk::authoring::Archive;
use dostyk::authoring::photo::Attachment;
use dostyk::github::{Annotation, Level, append_summary, repo_path};
use dostyk::import::pipeline::Options;
use dostyk::inbox::{self, Header, LineProblem, TextOptions, as_option_lines, read_header};
use std::path::{Component, Path, PathBuf};

#[derive(clap::Args)]
pub(super) struct Args {
    /// The inbox folder [default: ROOT/inbox].
    #[arg(long)]
    dir: Option<PathBuf>,
    /// Append the report, as Markdown, to this file (in GitHub Actions: `$GITHUB_STEP_SUMMARY`).
    #[arg(long)]
    summary: Option<PathBuf>,
    /// Write a commit message naming the texts that left the inbox to this file; nothing is
    /// written when none did.
    #[arg(long)]
    message: Option<PathBuf>,
    #[command(flatten)]
    content: super::ContentArg,
}

/// What became of one text of the inbox.
pub(super) struct Handled {
    /// The text's path in the repository (`inbox/NAME`).
    name: String,
    /// The import's result: the article's file, the report.
    result: FileResult,
    /// What the editor must do, each at the line of the text it concerns.
    problems: Vec<LineProblem>,
    /// The photo that went with it, when it was in the inbox (and so leaves it too).
    photo: Option<PathBuf>,
}

impl Handled {
    /// Whether the text leaves the inbox: imported, or in the archive already.
    fn leaves(&self) -> bool {
        matches!(self.result.status, Status::Imported | Status::Skipped)
    }
}

pub(super) fn run(root: &Path, args: &Args) -> anyhow::Result<()> {
    let project = args.content.project(root);
    let dir = args.dir.clone().unwrap_or_else(|| root.join("inbox"));
    let texts = if dir.is_dir() {
        inbox::texts(&dir).with_context(|| format!("cannot read {}", dir.display()))?
    } else {
        Vec::new()
    };
    let mut archive = one::open_archive(&project)?;
    let mut handled = Vec::new();
    for path in &texts {
        let text = handle(root, &dir, &project.content, path, &mut archive);
        super::import::text::print_result(&text.result);
        annotate(&text, root);
        if text.leaves() {
            for file in std::iter::once(path).chain(&text.photo) {
                std::fs::remove_file(file)
                    .with_context(|| format!("cannot remove {}", file.display()))?;
            }
        }
        handled.push(text);
    }
    let root_of = |p: &Path| repo_path(p, root);
    if let Some(file) = &args.summary {
        append_summary(file, &summary::markdown(&handled, &root_of))
            .with_context(|| format!("cannot write the summary to {}", file.display()))?;
    }
    if let Some(file) = &args.message
        && let Some(message) = message::commit_message(&handled, &root_of)
    {
        std::fs::write(file, message)
            .with_context(|| format!("cannot write {}", file.display()))?;
    }
    let left = handled.iter().filter(|t| t.leaves()).count();
    let waiting: Vec<&str> = handled
        .iter()
        .filter(|t| !t.leaves())
        .map(|t| t.name.as_str())
        .collect();
    println!(
        "inbox: {} read, {left} left the inbox, {} waiting for the editor",
        summary::count_texts(handled.len()),
        waiting.len()
    );
    if !waiting.is_empty() {
        bail!(
            "waiting in the inbox for the editor: {}",
            waiting.join(", ")
        );
    }
    Ok(())
}

/// Reads one text and its options, and imports it unless its options are wrong; then the
/// import runs as a dry run, for its report.
fn handle(root: &Path, dir: &Path, content: &Path, path: &Path, archive: &mut Archive) -> Handled {
    let name = repo_path(path, root);
    let shown = PathBuf::from(&name);
    let raw = match one::read_text(path) {
        Ok(raw) => raw,
        Err(unreadable) => {
            let problem = LineProblem {
                line: unreadable.line.unwrap_or(1),
                message: unreadable.message.clone(),
            };
            return Handled {
                result: FileResult::failed(&shown, unreadable.message),
                name,
                problems: vec![problem],
                photo: None,
            };
        }
    };
    let Header {
        options,
        lines,
        mut problems,
        text,
    } = read_header(&raw);
    let first_line = lines.first().copied().unwrap_or(1);
    let (attachment, photo) = match attach(root, dir, &options) {
        Ok(found) => found,
        Err(message) => {
            let line = photo_line(&raw, &lines);
            problems.push(LineProblem { line, message });
            (None, None)
        }
    };
    let pipeline = Options {
        subjects: archive.config.subject_countries.clone(),
        ..options.import.clone()
    };
    let writing = Writing {
        force: false,
        dry_run: !problems.is_empty(),
    };
    let with_photo = attachment.as_ref().map(|a| (a, content));
    let mut result = one::import_text(&shown, &text, &pipeline, archive, writing, with_photo);
    if !problems.is_empty() {
        // The options are wrong: nothing was written, and the text stays; later texts must
        // not take it for an article of the archive.
        if result.status == Status::WouldImport {
            archive.entries.pop();
        }
        result.status = Status::Failed;
        result.path = None;
    }
    problems.extend(result.problems().into_iter().map(|message| LineProblem {
        line: first_line,
        message: as_option_lines(&message),
    }));
    Handled {
        name,
        result,
        problems,
        photo,
    }
}

/// The photo a `photo:` line names, read and checked, and its path when it is in the inbox
/// (it leaves with the text). The path is the repository's (`inbox/a.jpg`), or the inbox's
/// (`a.jpg`).
fn attach(
    root: &Path,
    dir: &Path,
    options: &TextOptions,
) -> Result<(Option<Attachment>, Option<PathBuf>), String> {
    let (Some(photo), Some(alt)) = (&options.photo, &options.alt) else {
        return Ok((None, None));
    };
    let relative = Path::new(photo);
    if relative.is_absolute()
        || relative
            .components()
            .any(|c| matches!(c, Component::ParentDir))
    {
        return Err(format!(
            "photo: {photo}: give the photo's path in the repository, as photo: inbox/NAME.jpg"
        ));
    }
    let path = [root.join(relative), dir.join(relative)]
        .into_iter()
        .find(|p| p.is_file())
        .ok_or_else(|| {
            format!("photo: {photo}: no such file in the repository; upload it to inbox/ beside the text")
        })?;
    let attachment = Attachment::read(&path, alt, None).map_err(|e| format!("photo: {e}"))?;
    let in_inbox = path.parent().is_some_and(|p| same_dir(p, dir));
    Ok((Some(attachment), in_inbox.then_some(path)))
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// The line of the `photo:` option, for a problem with the photo.
fn photo_line(raw: &str, lines: &[usize]) -> usize {
    let all: Vec<&str> = raw.split('\n').collect();
    lines
        .iter()
        .copied()
        .find(|&l| all.get(l - 1).is_some_and(|text| text.contains("photo:")))
        .unwrap_or(1)
}

/// Prints the text's annotations: an error at each problem's line for a text that stays,
/// a notice for one that left the inbox.
fn annotate(text: &Handled, root: &Path) {
    if text.leaves() {
        let what = match (&text.result.status, &text.result.path) {
            (Status::Skipped, Some(path)) => format!(
                "already in the archive as {}; removed from the inbox",
                repo_path(path, root)
            ),
            (_, Some(path)) => format!("imported as {}", repo_path(path, root)),
            _ => "imported".to_string(),
        };
        let notice = Annotation {
            level: Level::Notice,
            file: None,
            line: None,
            title: Some(text.name.clone()),
            message: what,
        };
        println!("{notice}");
        return;
    }
    for problem in &text.problems {
        let error = Annotation {
            level: Level::Error,
            file: Some(text.name.clone()),
            line: Some(problem.line),
            title: Some("Stays in the inbox".to_string()),
            message: problem.message.clone(),
        };
        println!("{error}");
    }
}
