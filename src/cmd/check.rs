//! `dostyk check`: every validation of `build`, nothing written; exit status 1 on any problem.

use super::github::{Output, problems_table};
use anyhow::bail;
use std::path::Path;

#[derive(clap::Args)]
pub(super) struct Args {
    /// Site address to check for, replacing `base_url` of site.toml.
    #[arg(long)]
    base_url: Option<String>,
    #[command(flatten)]
    content: super::ContentArg,
    #[command(flatten)]
    output: Output,
}

pub(super) fn run(root: &Path, args: &Args) -> anyhow::Result<()> {
    let project = args.content.project(root);
    match dostyk::check::check(&project, args.base_url.as_deref()) {
        Ok(report) => {
            args.output.problems(&[], &report.warnings);
            let done = format!(
                "checked {} articles ({} stories) and {} sample pages in {:.2}s: no problems",
                report.articles,
                report.stories,
                report.pages,
                report.elapsed.as_secs_f64()
            );
            println!("{done}");
            args.output.summarise(&format!(
                "## Content check\n\n✅ {done}.\n{}",
                problems_table("Warnings", &report.warnings)
            ))?;
            Ok(())
        }
        Err(e) => {
            let count = args.output.failed(
                "Content check",
                "the site is not built until they are fixed",
                &e.diagnostics(),
            )?;
            bail!("{count} problem(s) found")
        }
    }
}
