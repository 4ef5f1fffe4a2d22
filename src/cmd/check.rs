//! `dostyk check`: every validation of `build`, nothing written; exit status 1 on any problem.

use anyhow::bail;
use std::path::Path;

#[derive(clap::Args)]
pub(super) struct Args {
    /// Site address to check for, replacing `base_url` of site.toml.
    #[arg(long)]
    base_url: Option<String>,
    #[command(flatten)]
    content: super::ContentArg,
}

pub(super) fn run(root: &Path, args: &Args) -> anyhow::Result<()> {
    let project = args.content.project(root);
    match dostyk::check::check(&project, args.base_url.as_deref()) {
        Ok(report) => {
            for warning in &report.warnings {
                eprintln!("warning: {warning}");
            }
            println!(
                "checked {} articles ({} stories) and {} sample pages in {:.2}s: no problems",
                report.articles,
                report.stories,
                report.pages,
                report.elapsed.as_secs_f64()
            );
            Ok(())
        }
        Err(e) => {
            let problems = e.diagnostics();
            for problem in &problems {
                eprintln!("error: {problem}");
            }
            bail!("{} problem(s) found", problems.len())
        }
    }
}
