//! Subcommands of the `dostyk` binary.

mod build;
mod check;
mod github;
mod import;
mod inbox;
mod new;
mod serve;

use clap::{Parser, Subcommand};
use dostyk::Project;
use std::path::{Path, PathBuf};

/// A static site generator for a bilingual (Kazakh + Tajik) news archive.
#[derive(Parser)]
#[command(name = "dostyk", version, about)]
pub(crate) struct Cli {
    /// The project folder (with site.toml, content/, templates/, static/).
    #[arg(long, global = true, default_value = ".")]
    root: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site from content/ into public/.
    Build(build::Args),
    /// Check the project as a build would, writing nothing; exit status 1 on any problem.
    Check(check::Args),
    /// Import raw agency texts as articles into content/articles/YYYY/.
    Import(import::Args),
    /// Import the texts waiting in inbox/, each with the options its first lines give; a text
    /// that needs the editor stays. For GitHub Actions: annotations on stdout, a Markdown summary.
    Inbox(inbox::Args),
    /// Start an article by hand: a new file in content/articles/YYYY/ with its front matter filled in.
    New(new::Args),
    /// Preview the site on 127.0.0.1, rebuilt and reloaded on every change.
    Serve(serve::Args),
}

pub(crate) fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Build(args) => build::run(&cli.root, args),
        Command::Check(args) => check::run(&cli.root, &args),
        Command::Import(args) => import::run(&cli.root, &args),
        Command::Inbox(args) => inbox::run(&cli.root, &args),
        Command::New(args) => new::run(&cli.root, args),
        Command::Serve(args) => serve::run(&cli.root, &args),
    }
}

/// The `--content` and `--cache` options every command takes.
#[derive(clap::Args)]
struct ContentArg {
    /// Content folder [default: ROOT/content].
    #[arg(long)]
    content: Option<PathBuf>,
    /// Where processed photos are kept between builds [default: ROOT/.dostyk-cache].
    #[arg(long)]
    cache: Option<PathBuf>,
}

impl ContentArg {
    /// The project at `root`, with its content folder where this option puts it.
    fn project(&self, root: &Path) -> Project {
        let mut project = Project::new(root);
        if let Some(content) = &self.content {
            project.content.clone_from(content);
        }
        if let Some(cache) = &self.cache {
            project.cache.clone_from(cache);
        }
        project
    }
}
