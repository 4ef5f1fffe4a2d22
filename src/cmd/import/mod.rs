//! `dostyk import FILE...`: raw agency texts in, articles in `content/articles/YYYY/` out,
//! with a report of what was inferred and how sure it is.

use anyhow::{Context, bail};
use dostyk::authoring::photo::Attachment;
use dostyk::authoring::{Archive, Existing, atomic, plain_text};
use dostyk::date::Date;
use dostyk::import::page_url::PageUrl;
use dostyk::import::pipeline::{Finding, Options, Outcome, Report, Sureness, import};
use dostyk::import::story::Known;
use dostyk::load::LeadPhoto;
use dostyk::load::taxonomy::Kind;
use serde::Serialize;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub(super) struct Args {
    /// Raw text files to import.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// The language of the texts (kk, tg, uz, ru), when detection is unsure or wrong.
    #[arg(long)]
    lang: Option<String>,
    /// The publication date (YYYY-MM-DD), for texts that give none.
    #[arg(long, value_parser = parse_date)]
    date: Option<Date>,
    /// The year, for texts that give the day and month only.
    #[arg(long, value_parser = clap::value_parser!(u16).range(1900..=2200))]
    year: Option<u16>,
    /// The outlet, for texts that do not name it or name it wrongly.
    #[arg(long)]
    outlet: Option<String>,
    /// The address of the page the text was copied from: kept in the article, and its host names
    /// the outlet, its path often the date. One file at a time.
    #[arg(long, value_parser = parse_url)]
    url: Option<PageUrl>,
    /// A photo to show at the top of the article (JPEG, PNG or WebP), copied into
    /// content/photos/; the text's photo credit becomes its credit. One file at a time.
    #[arg(long, requires = "alt")]
    photo: Option<PathBuf>,
    /// What the photo shows, for readers who cannot see it, in the text's language.
    #[arg(long, requires = "photo")]
    alt: Option<String>,
    /// Import texts that are not about the archive's countries (site.toml `subject_countries`).
    #[arg(long)]
    off_topic: bool,
    /// Replace an existing article file (and import a text that is already in the archive).
    #[arg(long)]
    force: bool,
    /// Show what would be imported; write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Print the reports as JSON, for scripts.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    content: super::ContentArg,
}

fn parse_url(text: &str) -> Result<PageUrl, String> {
    PageUrl::parse(text).ok_or_else(|| {
        format!("\"{text}\" is not a web address: give the page's address as https://host/path")
    })
}

fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse(text).ok_or_else(|| format!("\"{text}\" is not a date: write it as YYYY-MM-DD"))
}

/// What happened to one file, for the JSON report.
#[derive(Serialize)]
struct FileResult {
    file: PathBuf,
    /// `imported`, `would import` (dry run), `skipped` (already in the archive) or `failed`.
    status: &'static str,
    path: Option<PathBuf>,
    #[serde(flatten)]
    outcome: Option<Outcome>,
    error: Option<String>,
}

pub(super) fn run(root: &Path, args: &Args) -> anyhow::Result<()> {
    let project = args.content.project(root);
    let mut archive = Archive::load(&project)
        .map_err(list)
        .context("cannot read the project")?;
    if !archive.unreadable.is_empty() {
        eprintln!(
            "warning: {} existing article file(s) could not be read; story links and duplicate checks leave them out (run `dostyk build` to see why)",
            archive.unreadable.len()
        );
    }
    let options = Options {
        lang: args.lang.clone(),
        date: args.date,
        year: args.year,
        outlet: args.outlet.clone(),
        url: args.url.clone(),
        subjects: archive.config.subject_countries.clone(),
        off_topic: args.off_topic,
    };
    for id in &options.subjects {
        if archive.taxonomy.position(Kind::Country, id).is_none() {
            bail!("site.toml: subject country \"{id}\" is not a country of content/taxonomy.toml");
        }
    }
    if args.url.is_some() && args.files.len() > 1 {
        bail!("--url is the address of one page: import its text alone (one file per run)");
    }
    if args.photo.is_some() && args.files.len() > 1 {
        bail!("--photo goes with one text: import it alone (one file per run)");
    }
    let attachment = match &args.photo {
        Some(photo) => Some(Attachment::read(
            photo,
            args.alt.as_deref().unwrap_or(""),
            None,
        )?),
        None => None,
    };
    let photo = attachment.as_ref().map(|a| (a, project.content.as_path()));
    let progress = args.files.len() > 5 && std::io::stderr().is_terminal() && !args.json;
    let mut results = Vec::new();
    for (n, file) in args.files.iter().enumerate() {
        if progress {
            eprint!(
                "\rimporting {}/{}: {}\x1b[K",
                n + 1,
                args.files.len(),
                file.display()
            );
        }
        let result = import_one(file, &options, &mut archive, args, photo);
        if !args.json {
            print_result(&result);
        }
        results.push(result);
    }
    if progress {
        eprintln!();
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&results)?);
    }
    let count = |status: &str| results.iter().filter(|r| r.status == status).count();
    let (done, skipped, failed) = (
        count("imported") + count("would import"),
        count("skipped"),
        count("failed"),
    );
    if !args.json && args.files.len() > 1 {
        println!(
            "{done} imported{}, {skipped} skipped, {failed} failed",
            if args.dry_run {
                " (dry run: nothing written)"
            } else {
                ""
            }
        );
    }
    if failed > 0 {
        bail!(
            "{failed} of {} file(s) could not be imported",
            args.files.len()
        );
    }
    Ok(())
}

fn import_one(
    file: &Path,
    options: &Options,
    archive: &mut Archive,
    args: &Args,
    photo: Option<(&Attachment, &Path)>,
) -> FileResult {
    let failed = |error: String| FileResult {
        file: file.to_path_buf(),
        status: "failed",
        path: None,
        outcome: None,
        error: Some(error),
    };
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(e) => return failed(format!("cannot read: {e}")),
    };
    let raw = match String::from_utf8(bytes) {
        Ok(raw) => raw,
        Err(e) => {
            return failed(format!(
                "not UTF-8 (at byte {}): save the text as UTF-8",
                e.utf8_error().valid_up_to()
            ));
        }
    };
    let known = known(archive);
    let mut outcome = import(&raw, options, &archive.taxonomy, &known);
    let Some(draft) = outcome.draft.as_mut() else {
        return FileResult {
            file: file.to_path_buf(),
            status: "failed",
            path: None,
            error: Some(outcome.problems.join("; ")),
            outcome: Some(outcome),
        };
    };
    let duplicate = outcome.report.duplicate_of.clone();
    if let Some(slug) = &duplicate {
        if !args.force {
            return FileResult {
                file: file.to_path_buf(),
                status: "skipped",
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
    let replace = duplicate.is_some() || (args.force && path.exists());
    if let Some((attachment, content)) = photo {
        // The text's photo credit is the attached photo's (the editor took it from the text).
        let credit = draft.photo_credit.take();
        let name = attachment.name(content, &draft.slug);
        let lead = if args.dry_run {
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
                    status: "failed",
                    path: Some(path.clone()),
                    outcome: Some(outcome),
                    error: Some(e.to_string()),
                };
            }
        }
    }
    if !args.dry_run {
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
                status: "failed",
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
    let status = if args.dry_run {
        "would import"
    } else {
        "imported"
    };
    FileResult {
        file: file.to_path_buf(),
        status,
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

fn list(problems: Vec<dostyk::Diagnostic>) -> anyhow::Error {
    dostyk::Error::Invalid(problems).into()
}

fn print_result(result: &FileResult) {
    let target = result
        .path
        .as_ref()
        .map(|p| format!(" → {}", p.display()))
        .unwrap_or_default();
    println!("{}{target}  [{}]", result.file.display(), result.status);
    if let Some(outcome) = &result.outcome {
        print_report(&outcome.report);
        for problem in &outcome.problems {
            println!("  error     {problem}");
        }
    } else if let Some(error) = &result.error {
        println!("  error     {error}");
    }
    if result.status == "skipped" {
        println!(
            "  skipped   the same text is already in the archive (--force imports it again, replacing it)"
        );
    }
    println!();
}

fn print_report(report: &Report) {
    let finding = |label: &str, f: &Option<Finding>| {
        if let Some(f) = f {
            println!(
                "  {label:<9} {}  [{}: {}]",
                f.value,
                sureness(f.sure),
                f.how
            );
        }
    };
    finding("title", &report.title);
    let language = &report.language;
    match &language.lang {
        Some(lang) if language.given => println!("  language  {lang}  [given with --lang]"),
        Some(lang) => println!(
            "  language  {lang}  [{:.0}% sure: {}]",
            language.confidence * 100.0,
            language.evidence.join("; ")
        ),
        None => println!("  language  unknown  [{}]", language.evidence.join("; ")),
    }
    finding("date", &report.date);
    finding("place", &report.place);
    finding("outlet", &report.outlet);
    finding("photo", &report.photo);
    for (label, tags) in [("countries", &report.countries), ("topics", &report.topics)] {
        let shown: Vec<String> = tags
            .iter()
            .map(|t| format!("{} ({})", t.id, t.triggers.join(", ")))
            .collect();
        println!(
            "  {label:<9} {}",
            if shown.is_empty() {
                "none found".to_string()
            } else {
                shown.join("; ")
            }
        );
    }
    if let Some(on) = &report.on_topic {
        let verdict = if on.value { "on topic" } else { "OFF TOPIC" };
        println!("  subject   {verdict}  [{}]", on.why);
    }
    if let Some(story) = &report.story {
        match &story.joins {
            Some(slug) => println!(
                "  story     {}  [joins {slug}: {}]",
                story.id,
                story.reasons.join("; ")
            ),
            None => println!(
                "  story     {}  [new: {}]",
                story.id,
                story.reasons.join("; ")
            ),
        }
    }
    if let Some(slug) = &report.duplicate_of {
        println!("  duplicate the archive already has this text as {slug}");
    }
    for removed in &report.removed {
        println!(
            "  removed   line {}: \"{}\" ({})",
            removed.line, removed.text, removed.reason
        );
    }
    for note in &report.notes {
        println!("  note      {note}");
    }
}

fn sureness(sure: Sureness) -> &'static str {
    match sure {
        Sureness::Given => "given",
        Sureness::Certain => "certain",
        Sureness::Likely => "likely",
        Sureness::Check => "check",
    }
}
