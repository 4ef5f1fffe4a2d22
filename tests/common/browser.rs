//! What the browser tests (`tests/browser.rs`, `tests/serve_browser.rs`) drive Chromium with:
//! Node.js running a playwright-core script of `tests/browser/`.

use super::repo::repo_root;
use super::tools::require_tool;
use std::path::PathBuf;
use std::process::Command;

/// The tools a browser test needs, each found by [`require_tool`].
pub(crate) struct BrowserTools {
    pub chromium: PathBuf,
    pub node: PathBuf,
}

/// Chromium, Node.js and `tests/browser/node_modules`: all of them, or `None` (each missing one
/// said, or under `DOSTYK_REQUIRE_TOOLS=1` a failure).
pub(crate) fn browser_tools() -> Option<BrowserTools> {
    // Each looked for, so that every missing one is named.
    let chromium = require_tool("chromium");
    let node = require_tool("node");
    let modules = require_tool("browser-modules");
    modules?;
    Some(BrowserTools {
        chromium: chromium?,
        node: node?,
    })
}

impl BrowserTools {
    /// `node tests/browser/SCRIPT` with this Chromium (`DOSTYK_CHROMIUM`), run from the
    /// repository's folder; the caller adds the script's arguments.
    pub(crate) fn script(&self, script: &str) -> Command {
        let root = repo_root();
        let mut command = Command::new(&self.node);
        command
            .arg(root.join("tests/browser").join(script))
            .env("DOSTYK_CHROMIUM", &self.chromium)
            .current_dir(&root);
        command
    }
}

/// Where screenshots go: `DOSTYK_SCREENSHOTS`, or `target/screenshots/`; the folder is made.
pub(crate) fn screenshot_dir() -> PathBuf {
    let shots = std::env::var_os("DOSTYK_SCREENSHOTS")
        .map_or_else(|| repo_root().join("target/screenshots"), PathBuf::from);
    std::fs::create_dir_all(&shots).expect("screenshot folder");
    shots
}
