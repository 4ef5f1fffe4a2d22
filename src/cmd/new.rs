//! `dostyk new`: a new article file with its front matter filled in from flags, or from
//! answers in a terminal, in `content/articles/YYYY/<slug>.md`; never over an existing file.

use anyhow::Context;
use dostyk::authoring::Archive;
use dostyk::authoring::new::{Request, ask_missing, plan, write};
use dostyk::authoring::photo::Attachment;
use dostyk::date::Date;
use dostyk::load::LeadPhoto;
use std::io::IsTerminal;
use std::path::Path;

#[derive(clap::Args)]
pub(super) struct Args {
    /// The title, in the article's language.
    #[arg(long)]
    title: Option<String>,
    /// The language of the text: kk, tg, uz (or ru, en, ky, tk, fa, zh, tr).
    #[arg(long)]
    lang: Option<String>,
    /// A country id from content/taxonomy.toml; repeat the flag or separate ids with commas.
    #[arg(long = "country", value_name = "ID", value_delimiter = ',')]
    countries: Option<Vec<String>>,
    /// A topic id from content/taxonomy.toml; repeat the flag or separate ids with commas.
    #[arg(long = "topic", value_name = "ID", value_delimiter = ',')]
    topics: Option<Vec<String>>,
    /// The publication date (YYYY-MM-DD) [default: today].
    #[arg(long, value_parser = parse_date)]
    date: Option<Date>,
    /// The outlet the text comes from.
    #[arg(long)]
    outlet: Option<String>,
    /// The address of the original text.
    #[arg(long)]
    url: Option<String>,
    /// Join an existing story: the `story` of its other versions [default: a new story].
    #[arg(long)]
    story: Option<String>,
    /// The file name and URL segment [default: the title in Latin letters].
    #[arg(long)]
    slug: Option<String>,
    /// A photo to show at the top of the article (JPEG, PNG or WebP), copied into content/photos/.
    #[arg(long, requires = "alt")]
    photo: Option<std::path::PathBuf>,
    /// What the photo shows, for readers who cannot see it, in the article's language.
    #[arg(long, requires = "photo")]
    alt: Option<String>,
    /// Who took the photo.
    #[arg(long, requires = "photo")]
    credit: Option<String>,
    /// Print the file that would be written; write nothing.
    #[arg(long)]
    dry_run: bool,
    #[command(flatten)]
    content: super::ContentArg,
}

fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse(text).ok_or_else(|| format!("\"{text}\" is not a date: write it as YYYY-MM-DD"))
}

pub(super) fn run(root: &Path, args: Args) -> anyhow::Result<()> {
    let mut request = Request {
        title: args.title,
        lang: args.lang,
        countries: args.countries,
        topics: args.topics,
        date: args.date,
        outlet: args.outlet,
        url: args.url,
        story: args.story,
        slug: args.slug,
    };
    let stdin = std::io::stdin();
    let interactive = stdin.is_terminal();
    // Without a terminal nothing can be asked: say everything that is missing at once.
    if !interactive && !request.missing().is_empty() {
        return Err(dostyk::authoring::new::NewError::Missing(request.missing()).into());
    }
    let project = args.content.project(root);
    let archive = Archive::load(&project)
        .map_err(dostyk::Error::Invalid)
        .context("cannot read the project")?;
    if !archive.unreadable.is_empty() {
        eprintln!(
            "warning: {} existing article file(s) could not be read; their slugs and stories are not checked (run `dostyk build` to see why)",
            archive.unreadable.len()
        );
    }
    let today = Date::today();
    if interactive {
        ask_missing(
            &mut request,
            &archive,
            today,
            stdin.lock(),
            std::io::stderr(),
        )?;
    }
    // The photo is checked before anything is asked or written.
    let attachment = match &args.photo {
        Some(photo) => Some(Attachment::read(
            photo,
            args.alt.as_deref().unwrap_or(""),
            args.credit.clone(),
        )?),
        None => None,
    };
    let mut plan = plan(&request, &archive, today)?;
    if let Some(attachment) = &attachment {
        let name = attachment.name(&project.content, &plan.draft.slug);
        plan.draft.lead_photo = Some(if args.dry_run {
            LeadPhoto {
                file: name,
                ..attachment.photo.clone()
            }
        } else {
            attachment.copy(&project.content, &name)?
        });
    }
    for note in &plan.notes {
        eprintln!("note: {note}");
    }
    let shown = archive.shown(&plan.path);
    if args.dry_run {
        eprintln!(
            "would write {} (dry run: nothing written):",
            shown.display()
        );
        print!("{}", plan.draft.to_file());
        return Ok(());
    }
    write(&plan)?;
    println!("created {}", shown.display());
    println!("edit it, then `dostyk serve` to preview");
    Ok(())
}
