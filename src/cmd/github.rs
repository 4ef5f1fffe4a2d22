//! How `check` and `build` speak to a GitHub Actions job: with `--format github` their
//! problems are annotations on stdout (GitHub shows each on its file and line), and with
//! `--summary FILE` they append a Markdown report to the job summary.

use anyhow::Context;
use dostyk::Diagnostic;
use dostyk::github::{Annotation, Level, append_summary, cell, code, repo_path};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// How a command prints its problems.
#[derive(Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(super) enum Format {
    /// `error: FILE:LINE: message` on stderr, for a terminal.
    #[default]
    Text,
    /// Workflow commands on stdout (`::error file=FILE,line=LINE::message`), for GitHub Actions.
    Github,
}

/// The `--format` and `--summary` options of `check` and `build`.
#[derive(clap::Args)]
pub(super) struct Output {
    /// How to print problems: for a terminal, or as annotations for GitHub Actions.
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    /// Append a Markdown report to this file (in GitHub Actions: `$GITHUB_STEP_SUMMARY`).
    #[arg(long)]
    summary: Option<PathBuf>,
}

impl Output {
    /// Prints the problems: errors first, then warnings.
    pub(super) fn problems(&self, errors: &[Diagnostic], warnings: &[Diagnostic]) {
        for (level, list) in [(Level::Error, errors), (Level::Warning, warnings)] {
            for diagnostic in list {
                match self.format {
                    Format::Text => {
                        let word = if level == Level::Error {
                            "error"
                        } else {
                            "warning"
                        };
                        eprintln!("{word}: {diagnostic}");
                    }
                    Format::Github => {
                        println!("{}", Annotation::of(level, diagnostic, Path::new(".")));
                    }
                }
            }
        }
    }

    /// Prints the problems that stopped the command and appends them to the summary under
    /// `heading`, after `lead` (what their failing means); returns how many there are.
    pub(super) fn failed(
        &self,
        heading: &str,
        lead: &str,
        problems: &[Diagnostic],
    ) -> anyhow::Result<usize> {
        self.problems(problems, &[]);
        self.summarise(&format!(
            "## {heading}\n\n❌ {} problem(s): {lead}.\n{}",
            problems.len(),
            problems_table("Problems", problems)
        ))?;
        Ok(problems.len())
    }

    /// Appends `markdown` to the summary, when one is asked for.
    pub(super) fn summarise(&self, markdown: &str) -> anyhow::Result<()> {
        match &self.summary {
            Some(file) => append_summary(file, markdown)
                .with_context(|| format!("cannot write the summary to {}", file.display())),
            None => Ok(()),
        }
    }
}

/// A table of problems for the summary, each at its file and line; empty without any.
pub(super) fn problems_table(heading: &str, problems: &[Diagnostic]) -> String {
    if problems.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "\n**{heading}** ({}):\n\n| file | line | problem |\n|---|---|---|\n",
        problems.len()
    );
    for problem in problems {
        let line = problem.line.map(|l| l.to_string()).unwrap_or_default();
        let _ = writeln!(
            out,
            "| {} | {line} | {} |",
            code(&repo_path(&problem.file, Path::new("."))),
            cell(&problem.message)
        );
    }
    out
}
