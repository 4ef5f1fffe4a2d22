//! `dostyk serve`: builds the site into memory, serves it on 127.0.0.1 under its published
//! base path, and rebuilds and reloads open pages on every change to the project.

use anyhow::Context;
use dostyk::serve::{Preview, Report, ServeOptions};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::Path;

#[derive(clap::Args)]
pub(super) struct Args {
    /// Port to listen on (0: any free port).
    #[arg(long, default_value_t = 1111)]
    port: u16,
    /// Address to listen on. Anything but a loopback address shows the preview to the network.
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    bind: IpAddr,
    #[command(flatten)]
    content: super::ContentArg,
    /// Keep no search index (on a large archive, indexing takes far longer than a rebuild).
    #[arg(long)]
    no_search: bool,
}

pub(super) fn run(root: &Path, args: &Args) -> anyhow::Result<()> {
    let project = args.content.project(root);
    if !args.bind.is_loopback() {
        eprintln!(
            "warning: serving on {}: anyone who can reach this machine can see the preview",
            args.bind
        );
    }
    let options = ServeOptions {
        project,
        bind: SocketAddr::new(args.bind, args.port),
        search: !args.no_search,
    };
    let preview = Preview::start(options, print).context("cannot start the preview")?;
    println!("serving {} (Ctrl+C to stop)", preview.url());
    preview.wait();
    Ok(())
}

fn print(report: Report) {
    match report {
        Report::Rebuilt {
            rendered,
            kept,
            articles,
            elapsed,
            timings,
            warnings,
            changed,
        } => {
            for warning in &warnings {
                eprintln!("warning: {warning}");
            }
            let what = match changed.as_slice() {
                [] => String::new(),
                [one] => format!(" after {}", one.display()),
                [first, rest @ ..] => format!(" after {} and {} more", first.display(), rest.len()),
            };
            println!(
                "built {articles} articles in {} ms{what}: {rendered} pages rendered, {kept} unchanged",
                elapsed.as_millis()
            );
            if std::env::var_os("DOSTYK_TIMINGS").is_some() {
                let ms = |d: std::time::Duration| d.as_millis();
                println!(
                    "  load {} ms, model {} ms, render {} ms, finish {} ms",
                    ms(timings.load),
                    ms(timings.model),
                    ms(timings.render),
                    ms(timings.finish)
                );
            }
        }
        Report::Failed(problems) => {
            for problem in &problems {
                eprintln!("error: {problem}");
            }
            eprintln!(
                "the change did not build ({} problem(s)); still serving the last good site",
                problems.len()
            );
        }
        Report::Indexed { elapsed } => {
            println!("search index updated in {:.1} s", elapsed.as_secs_f64());
        }
        Report::IndexFailed(message) => eprintln!("error: search index: {message}"),
    }
}
