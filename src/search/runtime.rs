//! Pagefind's code for the browser (`pagefind.js`, its worker and WebAssembly, the default
//! UI), taken from the `pagefind` crate, which holds it but only hands it out with an index:
//! it indexes one line per language once per process, and the files other than the index are
//! kept.

use super::error::{Result, SearchError};
use pagefind::api::PagefindIndex;
use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Arc, Mutex};

/// Files of the bundle no page loads: the search page uses Pagefind's default UI
/// (`pagefind-ui.js`, which loads `pagefind.js` and its worker), not the modular or component
/// UIs, nor the script that highlights the query on the page a result opens. ~290 KiB.
const UNUSED: &[&str] = &[
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-highlight.js",
];

/// Pagefind's own files for a site in some languages.
pub(super) struct Runtime {
    /// Path in the bundle and contents.
    pub(super) files: Vec<(String, Vec<u8>)>,
    /// Per language, the name of its stemming WebAssembly, where Pagefind has one.
    pub(super) wasm: BTreeMap<String, Option<String>>,
}

/// The runtime for `languages`, made once per process and set of languages.
pub(super) fn runtime(languages: &[&str]) -> Result<Arc<Runtime>> {
    static MADE: Mutex<Vec<(Vec<String>, Arc<Runtime>)>> = Mutex::new(Vec::new());
    let key: Vec<String> = languages
        .iter()
        .map(std::string::ToString::to_string)
        .collect();
    let mut made = MADE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((_, runtime)) = made.iter().find(|(k, _)| *k == key) {
        return Ok(runtime.clone());
    }
    // Pagefind unwraps some errors: a panic there fails the build like any other error.
    let runtime = panic::catch_unwind(AssertUnwindSafe(|| make(languages)))
        .map_err(|_| fail("Pagefind stopped while preparing its scripts".into()))??;
    let runtime = Arc::new(runtime);
    made.push((key, runtime.clone()));
    Ok(runtime)
}

fn make(languages: &[&str]) -> Result<Runtime> {
    let tokio = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| fail(format!("cannot start Pagefind: {e}")))?;
    let files = tokio.block_on(async {
        let mut index = PagefindIndex::new(None).map_err(|e| fail(e.to_string()))?;
        for lang in languages {
            let page = format!("<!DOCTYPE html><html lang=\"{lang}\"><body><p>x</p></body></html>");
            index
                .add_html_file(None, Some(format!("/{lang}/")), page)
                .await
                .map_err(|e| fail(e.to_string()))?;
        }
        index.get_files().await.map_err(|e| fail(e.to_string()))
    })?;
    let mut runtime = Runtime {
        files: Vec::new(),
        wasm: BTreeMap::new(),
    };
    for file in files {
        let name = file.filename.to_string_lossy().replace('\\', "/");
        if name == "pagefind-entry.json" {
            let entry: serde_json::Value = serde_json::from_slice(&file.contents)
                .map_err(|e| fail(format!("unreadable pagefind-entry.json: {e}")))?;
            // The index is written in this version's format, which Pagefind may change.
            if entry["version"] != super::bundle::VERSION {
                return Err(fail(format!(
                    "Pagefind {} is not the version whose index format dostyk writes ({})",
                    entry["version"],
                    super::bundle::VERSION
                )));
            }
            for lang in languages {
                let wasm = entry["languages"][lang]["wasm"]
                    .as_str()
                    .map(str::to_string);
                runtime.wasm.insert(lang.to_string(), wasm);
            }
        } else if !(UNUSED.contains(&name.as_str())
            || name.contains('/')
            || name.ends_with(".pf_meta"))
        {
            runtime.files.push((name, file.contents));
        }
    }
    Ok(runtime)
}

fn fail(message: String) -> SearchError {
    SearchError::Runtime(message)
}
