//! `dostyk serve`'s live reload and build-error overlay in a real Chromium: starts a preview of
//! a small project on 127.0.0.1 and runs `node tests/browser/live.mjs PREVIEW_URL PROJECT_ROOT
//! ARTICLE`, which edits the article on disk and checks that the open page follows by itself
//! (see the script for the steps). Screenshots of the overlay (`serve-overlay-375.png`,
//! `serve-overlay-1280.png`) go to `target/screenshots/` (or `DOSTYK_SCREENSHOTS`).
//!
//! Needs what `tests/browser.rs` needs: `chromium` (`/usr/bin/chromium`, or `DOSTYK_CHROMIUM`),
//! `node`, and `npm ci --prefix tests/browser`, each found by `common::require_tool`: without them
//! the test says `skipped: ... not found` and runs no checks, unless `DOSTYK_REQUIRE_TOOLS=1` (CI),
//! where a missing tool is a failure.

mod common;

use common::{ArticleSpec, Fixture};
use dostyk::serve::{Preview, Report, ServeOptions};
use std::sync::{Arc, Mutex, PoisonError};

/// The article the script edits: Kazakh, its topics on line 6.
const ARTICLE: &str = "content/articles/2025/su-kelisimi.md";

#[test]
fn live_reload_and_the_error_overlay_in_chromium() {
    let Some(tools) = common::browser_tools() else {
        return;
    };

    // Served under a sub-path, as on GitHub Pages.
    let fixture = Fixture::with_config(
        &common::SITE_TOML.replace("http://127.0.0.1:8000/", "https://example.org/REPO/"),
    );
    fixture.write(
        ARTICLE,
        ArticleSpec::new("Су келісімі", "2025-08-27", "kk")
            .topics(&["water"])
            .text(),
    );
    fixture.article(
        "2025/savdo.md",
        ArticleSpec::new("Савдо", "2025-07-01", "tg").text(),
    );
    let reports = Arc::new(Mutex::new(Vec::new()));
    let preview = Preview::start(
        ServeOptions {
            project: dostyk::Project::new(&fixture.root),
            bind: "127.0.0.1:0".parse().unwrap(),
            search: false,
        },
        {
            let reports = reports.clone();
            move |report: Report| {
                reports
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push(format!("{report:?}"));
            }
        },
    )
    .unwrap_or_else(|e| panic!("the preview starts:\n{e}"));
    assert!(preview.live().status().is_ok());

    let shots = common::screenshot_dir();
    println!("preview of {} at {}", fixture.root.display(), preview.url());

    let output = tools
        .script("live.mjs")
        .arg(preview.url())
        .arg(&fixture.root)
        .arg(ARTICLE)
        .env("DOSTYK_SCREENSHOTS", &shots)
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&output.stdout);
    println!("{stdout}");
    eprintln!("{}", String::from_utf8_lossy(&output.stderr));
    let reports = reports.lock().unwrap_or_else(PoisonError::into_inner);
    assert!(
        output.status.success(),
        "the live-reload browser checks failed ({}); see the FAIL lines above. The preview \
         reported:\n{reports:#?}",
        output.status
    );
    assert!(
        stdout.lines().any(|l| l == "all passed"),
        "live.mjs ran its steps to the end:\n{stdout}"
    );
    // Each step moved the site on: the title, the error, the fix (which must reload, though
    // the pages it builds are those already served before the error).
    assert!(
        reports
            .iter()
            .any(|r| r.starts_with("Failed") && r.contains("su-kelisimi.md")),
        "{reports:#?}"
    );
    drop(reports);
    preview.stop();
}
