//! Renders a GitHub job summary (Markdown, as `dostyk inbox --summary` writes it) into an
//! HTML page laid out like the summary on a workflow run's page, for the README's
//! screenshots (`scripts/summary-screenshots`):
//!
//! ```sh
//! cargo run --example summary_page -- SUMMARY.md "Import the inbox" > page.html
//! ```

use pulldown_cmark::{Options, Parser, html};
use std::process::ExitCode;

/// The look of a run's summary: a card with the job's name over the rendered Markdown.
const STYLE: &str = r"
body { margin: 0; padding: 24px; background: #f6f8fa; color: #1f2328;
  font: 14px/1.5 -apple-system, 'Segoe UI', 'Noto Sans', Helvetica, Arial, sans-serif; }
.card { max-width: 1012px; margin: 0 auto; background: #fff; border: 1px solid #d1d9e0;
  border-radius: 6px; }
.card > header { padding: 12px 16px; border-bottom: 1px solid #d1d9e0; font-weight: 600; }
.card > header span { color: #59636e; font-weight: 400; }
.markdown { padding: 16px 24px 8px; }
h2 { font-size: 1.5em; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0; margin: 0 0 16px; }
h3 { font-size: 1.25em; margin: 24px 0 16px; }
table { border-collapse: collapse; margin: 0 0 16px; display: block; overflow: auto; }
th, td { border: 1px solid #d1d9e0; padding: 6px 13px; vertical-align: top; }
tr:nth-child(2n) td { background: #f6f8fa; }
code { font: 85% ui-monospace, 'Noto Sans Mono', monospace; background: #818b981f;
  padding: .2em .4em; border-radius: 6px; }
ul { padding-left: 2em; }
details summary { cursor: pointer; color: #59636e; }
";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(file), job) = (args.next(), args.next()) else {
        eprintln!("usage: summary_page SUMMARY.md [JOB NAME] > page.html");
        return ExitCode::FAILURE;
    };
    let markdown = match std::fs::read_to_string(&file) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{file}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut body = String::new();
    html::push_html(
        &mut body,
        Parser::new_ext(&markdown, Options::ENABLE_TABLES),
    );
    let job = html_escape::encode_text(job.as_deref().unwrap_or("summary")).into_owned();
    println!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{job}</title>\
         <style>{STYLE}</style></head>\n<body><div class=\"card\"><header>{job} \
         <span>summary</span></header><div class=\"markdown\">{body}</div></div></body></html>"
    );
    ExitCode::SUCCESS
}
