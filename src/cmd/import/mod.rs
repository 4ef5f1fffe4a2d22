//! `dostyk import FILE...`: raw agency texts in, articles in `content/articles/YYYY/` out,
//! with a report of what was inferred and how sure it is.

mod labels;
pub(super) mod markdown;
pub(super) mod one;
pub(super) mod text;

use anyhow::bail;
use dostyk::authoring::photo::Attachment;
use dostyk::date::Date;
use dostyk::import::page_url::PageUrl;
use dostyk::import::pipeline::Options;
use one::{FileResult, Status, Writing};
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
    /// How to print the reports: for a terminal, as JSON for scripts, or as Markdown tables
    /// for a GitHub job summary.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Print the reports as JSON: `--format json`.
    #[arg(long, conflicts_with = "format")]
    json: bool,
    #[command(flatten)]
    content: super::ContentArg,
}

/// How `dostyk import` prints its reports.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// For a terminal.
    Text,
    /// JSON, for scripts.
    Json,
    /// Markdown tables, for a GitHub job summary.
    Markdown,
}

fn parse_url(text: &str) -> Result<PageUrl, String> {
    PageUrl::parse(text).ok_or_else(|| {
        format!("\"{text}\" is not a web address: give the page's address as https://host/path")
    })
}

fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse(text).ok_or_else(|| format!("\"{text}\" is not a date: write it as YYYY-MM-DD"))
}

pub(super) fn run(root: &Path, args: &Args) -> anyhow::Result<()> {
    let format = if args.json { Format::Json } else { args.format };
    let project = args.content.project(root);
    let mut archive = one::open_archive(&project)?;
    let options = Options {
        lang: args.lang.clone(),
        date: args.date,
        year: args.year,
        outlet: args.outlet.clone(),
        url: args.url.clone(),
        subjects: archive.config.subject_countries.clone(),
        off_topic: args.off_topic,
    };
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
    let writing = Writing {
        force: args.force,
        dry_run: args.dry_run,
    };
    let progress =
        args.files.len() > 5 && std::io::stderr().is_terminal() && format == Format::Text;
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
        let result = one::import_file(file, &options, &mut archive, writing, photo);
        match format {
            Format::Text => text::print_result(&result),
            Format::Markdown => print!("{}", markdown_section(&result)),
            Format::Json => {}
        }
        results.push(result);
    }
    if progress {
        eprintln!();
    }
    if format == Format::Json {
        println!("{}", serde_json::to_string_pretty(&results)?);
    }
    let count = |status: Status| results.iter().filter(|r| r.status == status).count();
    let (done, skipped, failed) = (
        count(Status::Imported) + count(Status::WouldImport),
        count(Status::Skipped),
        count(Status::Failed),
    );
    if format == Format::Text && args.files.len() > 1 {
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

/// One file's report as a section of a job summary: a heading, then the table.
fn markdown_section(result: &FileResult) -> String {
    let file = dostyk::github::code(&result.file.display().to_string());
    let target = result
        .path
        .as_ref()
        .map(|p| format!(" → {}", dostyk::github::code(&p.display().to_string())))
        .unwrap_or_default();
    format!(
        "### {file}{target}: {}\n\n{}",
        result.status.as_str(),
        markdown::report(result, &str::to_string)
    )
}
