//! One text into the archive: read, imported, its file written (or not), and what happened,
//! for the reports. `dostyk import` runs it over its files with one set of options,
//! `dostyk inbox` over the inbox's texts, each with the options its first lines give.

use anyhow::{Context, bail};
use dostyk::Project;
use dostyk::authoring::photo::Attachment;
use dostyk::authoring::{Archive, Existing, atomic, plain_text};
use dostyk::import::pipeline::{Options, Outcome, import};
use dostyk::import::story::Known;
use dostyk::load::LeadPhoto;
use dostyk::load::taxonomy::Kind;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// What became of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(in crate::cmd) enum Status {
    /// Its article was written.
    Imported,
    /// A dry run: its article would have been written.
    #[serde(rename = "would import")]
    WouldImport,
    /// The archive has the same text already.
    Skipped,
    /// A problem stopped it; the report says what the editor can do.
    Failed,
}

impl Status {
    /// As the human report and the JSON report write it.
    pub(in crate::cmd) fn as_str(self) -> &'static str {
        match self {
            Status::Imported => "imported",
            Status::WouldImport => "would import",
            Status::Skipped => "skipped",
            Status::Failed => "failed",
        }
    }
}

/// What happened to one file.
#[derive(Serialize)]
pub(in crate::cmd) struct FileResult {
    pub(in crate::cmd) file: PathBuf,
    pub(in crate::cmd) status: Status,
    /// The article's file: written, to be written, or the one the text duplicates.
    pub(in crate::cmd) path: Option<PathBuf>,
    #[serde(flatten)]
    pub(in crate::cmd) outcome: Option<Outcome>,
    pub(in crate::cmd) error: Option<String>,
}

impl FileResult {
    /// A file that failed before the importer saw its text.
    pub(in crate::cmd) fn failed(file: &Path, error: String) -> FileResult {
        FileResult {
            file: file.to_path_buf(),
            status: Status::Failed,
            path: None,
            outcome: None,
            error: Some(error),
        }
    }

    /// What stops the import, each with what the editor can do: the importer's problems, or
    /// the error of a file that could not be read or written.
    pub(in crate::cmd) fn problems(&self) -> Vec<String> {
        let mut problems = self
            .outcome
            .as_ref()
            .map(|o| o.problems.clone())
            .unwrap_or_default();
        if problems.is_empty()
            && let Some(error) = &self.error
        {
            problems.push(error.clone());
        }
        problems
    }
}

/// How the articles are written.
#[derive(Clone, Copy)]
pub(in crate::cmd) struct Writing {
    /// Replace an existing file, and import again a text already in the archive.
    pub(in crate::cmd) force: bool,
    /// Write nothing.
    pub(in crate::cmd) dry_run: bool,
}

/// A photo to attach, with the content folder it is copied into.
pub(in crate::cmd) type Photo<'a> = Option<(&'a Attachment, &'a Path)>;

/// The archive of `project`, for importing into: its articles, taxonomy and configuration.
pub(in crate::cmd) fn open_archive(project: &Project) -> anyhow::Result<Archive> {
    let archive = Archive::load(project)
        .map_err(|problems| anyhow::Error::from(dostyk::Error::Invalid(problems)))
        .context("cannot read the project")?;
    if !archive.unreadable.is_empty() {
        eprintln!(
            "warning: {} existing article file(s) could not be read; story links and duplicate checks leave them out (run `dostyk build` to see why)",
            archive.unreadable.len()
        );
    }
    for id in &archive.config.subject_countries {
        if archive.taxonomy.position(Kind::Country, id).is_none() {
            bail!("site.toml: subject country \"{id}\" is not a country of content/taxonomy.toml");
        }
    }
    Ok(archive)
}

/// A file that is not a text the importer can read.
pub(in crate::cmd) struct Unreadable {
    /// Why, with what to do.
    pub(in crate::cmd) message: String,
    /// The line where it goes wrong, when there is one.
    pub(in crate::cmd) line: Option<usize>,
}

/// The text of `file`, which must be UTF-8.
pub(in crate::cmd) fn read_text(file: &Path) -> Result<String, Unreadable> {
    let bytes = std::fs::read(file).map_err(|e| Unreadable {
        message: format!("cannot read: {e}"),
        line: None,
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        Unreadable {
            message: format!("not UTF-8 (at byte {at}, line {line}): save the text as UTF-8"),
            line: Some(line),
        }
    })
}

/// Imports the text of `file`.
pub(in crate::cmd) fn import_file(
    file: &Path,
    options: &Options,
    archive: &mut Archive,
    writing: Writing,
    photo: Photo<'_>,
) -> FileResult {
    match read_text(file) {
        Ok(raw) => import_text(file, &raw, options, archive, writing, photo),
        Err(unreadable) => FileResult::failed(file, unreadable.message),
    }
}

/// Imports `raw`, the text of `file`, and writes its article unless a problem stops it.
/// The archive learns of the article, so that later texts can join its story.
pub(in crate::cmd) fn import_text(
    file: &Path,
    raw: &str,
    options: &Options,
    archive: &mut Archive,
    writing: Writing,
    photo: Photo<'_>,
) -> FileResult {
    let known = known(archive);
    let mut outcome = import(raw, options, &archive.taxonomy, &known);
    let Some(draft) = outcome.draft.as_mut() else {
        return FileResult {
            file: file.to_path_buf(),
            status: Status::Failed,
            path: None,
            error: Some(outcome.problems.join("; ")),
            outcome: Some(outcome),
        };
    };
    let duplicate = outcome.report.duplicate_of.clone();
    if let Some(slug) = &duplicate {
        if !writing.force {
            return FileResult {
                file: file.to_path_buf(),
                status: Status::Skipped,
                path: archive.with_slug(slug).map(|e| e.path.clone()),
                outcome: Some(outcome),
                error: None,
            };
        }
        // Importing again with --force replaces the earlier import of the same text.
        draft.slug.clone_from(slug);
    } else {
        draft.slug = archive.free_slug(&draft.slug);
    }
    let path = archive.path(draft.date.year, &draft.slug);
    // Only --force replaces: the earlier import of the same text, or a file in the way.
    let replace = duplicate.is_some() || (writing.force && path.exists());
    if let Some((attachment, content)) = photo {
        // The text's photo credit is the attached photo's (the editor took it from the text).
        let credit = draft.photo_credit.take();
        let name = attachment.name(content, &draft.slug);
        let lead = if writing.dry_run {
            Ok(LeadPhoto {
                file: name,
                ..attachment.photo.clone()
            })
        } else {
            attachment.copy(content, &name)
        };
        match lead {
            Ok(lead) => {
                draft.lead_photo = Some(LeadPhoto { credit, ..lead });
            }
            Err(e) => {
                return FileResult {
                    file: file.to_path_buf(),
                    status: Status::Failed,
                    path: Some(path.clone()),
                    outcome: Some(outcome),
                    error: Some(e.to_string()),
                };
            }
        }
    }
    if !writing.dry_run {
        let write = if replace {
            // The date may have changed the year folder: the earlier file goes.
            let earlier = archive
                .with_slug(&draft.slug)
                .map(|e| e.path.clone())
                .filter(|e| *e != path);
            atomic::replace(&path, &draft.to_file())
                .and_then(|()| earlier.map_or(Ok(()), std::fs::remove_file))
        } else {
            atomic::write_new(&path, &draft.to_file())
        };
        if let Err(e) = write {
            return FileResult {
                file: file.to_path_buf(),
                status: Status::Failed,
                path: Some(path.clone()),
                outcome: Some(outcome),
                error: Some(format!("{}: {e}", path.display())),
            };
        }
    }
    // Later files of the same run can join this one's story, or be its duplicate.
    archive
        .entries
        .retain(|e| Some(&e.slug) != duplicate.as_ref());
    archive.entries.push(Existing {
        slug: draft.slug.clone(),
        story: draft.story.clone(),
        lang: draft.lang.clone(),
        date: draft.date,
        title: draft.title.clone(),
        text: plain_text(&draft.title, &draft.body),
        path: path.clone(),
    });
    FileResult {
        file: file.to_path_buf(),
        status: if writing.dry_run {
            Status::WouldImport
        } else {
            Status::Imported
        },
        path: Some(path),
        outcome: Some(outcome),
        error: None,
    }
}

/// What the importer compares a new text against.
fn known(archive: &Archive) -> Vec<Known<'_>> {
    archive
        .entries
        .iter()
        .map(|e| Known {
            slug: &e.slug,
            story: &e.story,
            lang: &e.lang,
            date: e.date,
            title: &e.title,
            text: &e.text,
        })
        .collect()
}
