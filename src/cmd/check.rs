//! `dostyk check`: every validation of `build`, nothing written; exit status 1 on any problem.

use anyhow::bail;
use dostyk::Project;
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub(super) struct Args {
    /// Site address to check for, replacing `base_url` of site.toml.
    #[arg(long)]
    base_url: Option<String>,
    /// Content folder [default: ROOT/content].
    #[arg(long)]
    content: Option<PathBuf>,
}

pub(super) fn run(root: &Path, args: Args) -> anyhow::Result<()> {
    let mut project = Project::new(root);
    if let Some(content) = args.content {
        project.content = content;
    }
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
