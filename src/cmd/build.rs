//! `dostyk build`.

use super::github::{Output, problems_table};
use anyhow::bail;
use dostyk::write::WhenBusy;
use dostyk::{BuildOptions, BuildReport};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub(super) struct Args {
    /// Output folder [default: ROOT/public].
    #[arg(long)]
    out: Option<PathBuf>,
    /// Site address to build for, replacing `base_url` of site.toml (e.g. <https://user.github.io/repo>/).
    #[arg(long)]
    base_url: Option<String>,
    #[command(flatten)]
    content: super::ContentArg,
    /// Print the time each stage took.
    #[arg(long)]
    timings: bool,
    /// Build no search index (the search pages then find nothing).
    #[arg(long)]
    no_search: bool,
    #[command(flatten)]
    output: Output,
}

pub(super) fn run(root: &Path, args: Args) -> anyhow::Result<()> {
    let project = args.content.project(root);
    let out = args.out.unwrap_or_else(|| dostyk::write::default_out(root));
    let mut options = BuildOptions {
        project,
        out: out.clone(),
        base_url: args.base_url,
        when_busy: WhenBusy::Refuse,
        search: !args.no_search,
    };
    let mut result = dostyk::build(&options);
    if matches!(result, Err(dostyk::Error::Busy(_))) {
        // Two builds of one folder run one after the other, never interleaved.
        eprintln!(
            "another build is writing {}; waiting for it to finish…",
            out.display()
        );
        options.when_busy = WhenBusy::Wait;
        result = dostyk::build(&options);
    }
    match result {
        Ok(report) => {
            args.output.problems(&[], &report.warnings);
            println!(
                "built {} pages from {} articles ({} stories) into {} in {:.2}s: {} files, {}",
                report.pages,
                report.articles,
                report.stories,
                out.display(),
                report.elapsed.as_secs_f64(),
                report.files,
                human_size(report.bytes)
            );
            let photos = &report.photos;
            if photos.photos > 0 {
                println!(
                    "  of which {} photo files, {}: {} photos, {} made now, {} from the cache",
                    photos.files,
                    human_size(photos.bytes),
                    photos.photos,
                    photos.encoded,
                    photos.photos - photos.encoded
                );
            }
            if args.timings {
                let t = &report.timings;
                for (stage, time) in [
                    ("load", t.load),
                    ("model", t.model),
                    ("photos", t.photos),
                    ("render", t.render),
                    ("finish", t.finish),
                ] {
                    println!("  {stage:<7} {:>8.3}s", time.as_secs_f64());
                }
            }
            args.output.summarise(&size_report(&report))?;
            Ok(())
        }
        Err(e) => {
            let count = args.output.failed(
                "Site build",
                "the build failed, and the published site stays as it was",
                &e.diagnostics(),
            )?;
            bail!(
                "build failed with {count} problem(s); {} was left as it was",
                out.display()
            )
        }
    }
}

/// The build's size report, for the job summary: what was built, and how much of what the
/// host publishes it takes.
fn size_report(report: &BuildReport) -> String {
    let share = report.bytes as f64 * 100.0 / report.size_limit.max(1) as f64;
    let mut out = format!(
        "## Site build\n\n✅ Built in {:.2} s.\n\n| | |\n|---|---|\n\
         | pages | {} (from {} articles, {} stories) |\n\
         | files | {} |\n\
         | size | {}: {share:.1}% of the {} MB the host publishes (`size_limit_mb`) |\n",
        report.elapsed.as_secs_f64(),
        report.pages,
        report.articles,
        report.stories,
        report.files,
        human_size(report.bytes),
        report.size_limit / 1_000_000,
    );
    let photos = &report.photos;
    if photos.photos > 0 {
        let _ = writeln!(
            out,
            "| photos | {} photos in {} files, {}: {} made now, {} from the cache |",
            photos.photos,
            photos.files,
            human_size(photos.bytes),
            photos.encoded,
            photos.photos - photos.encoded
        );
    }
    out.push_str(&problems_table("Warnings", &report.warnings));
    out
}

fn human_size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 30 => format!("{:.2} GiB", b as f64 / f64::from(1u32 << 30)),
        b if b >= 1 << 20 => format!("{:.1} MiB", b as f64 / f64::from(1u32 << 20)),
        b => format!("{:.1} KiB", b as f64 / 1024.0),
    }
}
