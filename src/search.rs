//! The search index: Pagefind, run in process over the article pages a build has written, its
//! bundle (index chunks, `pagefind.js`, the default UI) written beside them into `pagefind/`.
//!
//! Pagefind splits the index by each page's `<html lang>`, so every UI tree gets its own index,
//! and chunks it, so a query fetches only the parts of the index its words need.

use crate::error::{Error, Result};
use crate::output::Output;
use pagefind::api::{PagefindIndex, SyntheticFile};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::Arc;

/// Where the pages to index are.
#[derive(Clone, Copy)]
pub enum Pages<'a> {
    /// A built site's folder.
    Folder(&'a Path),
    /// A site in memory, by output path (the preview server's).
    Memory(&'a HashMap<String, Arc<[u8]>>),
}

/// The folder of the search bundle, under the output folder.
pub const BUNDLE_DIR: &str = "pagefind";

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

/// Pagefind's list of the bundle's languages, which `pagefind.js` reads first.
const ENTRY: &str = "pagefind-entry.json";

/// Indexes the article pages of every UI tree in `languages` (`kk/articles/<slug>/index.html`
/// and so on) found in `pages`, and writes the bundle to `pagefind/` in `out`.
///
/// Only articles are read: their template marks the article with `data-pagefind-body`,
/// and list pages would only repeat titles and excerpts in search results.
///
/// Each tree is indexed by its own Pagefind instance, one after the other: Pagefind holds a
/// whole index in memory (about 180 KB per page), so one tree at a time halves the peak, and
/// it already spreads parsing and indexing over every core. The trees' files do not collide
/// (Pagefind names them after the language) except the shared scripts, identical in every
/// tree and written once, and the entry file, whose language lists are merged.
pub fn write_index(pages: Pages, languages: &[&str], out: &dyn Output) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| fail(format!("cannot start the indexer: {e}")))?;
    let mut entry: Option<serde_json::Value> = None;
    let mut written: HashSet<String> = HashSet::new();
    for lang in languages {
        // Pagefind unwraps some errors (an unreadable working directory, say): a panic there
        // fails the build like any other error, and the previous site stays.
        let files = panic::catch_unwind(AssertUnwindSafe(|| {
            runtime.block_on(index_tree(pages, lang))
        }))
        .map_err(|_| fail(format!("Pagefind stopped while indexing the {lang} tree")))??;
        let mut new: Vec<(String, &[u8])> = Vec::new();
        for file in &files {
            let name = file.filename.to_string_lossy().replace('\\', "/");
            if name == ENTRY {
                entry = Some(merge_entries(entry, &file.contents)?);
            } else if !UNUSED.contains(&name.as_str()) && written.insert(name.clone()) {
                new.push((name, &file.contents));
            }
        }
        new.par_iter().try_for_each(|(name, contents)| {
            out.write(&format!("{BUNDLE_DIR}/{name}"), contents)
        })?;
    }
    let entry = entry.ok_or_else(|| fail(format!("Pagefind wrote no {ENTRY}")))?;
    let entry = serde_json::to_vec(&entry).expect("JSON values serialize");
    out.write(&format!("{BUNDLE_DIR}/{ENTRY}"), &entry)
}

/// One UI tree's index: the bundle's files, relative to its folder, in memory (Pagefind's own
/// writer panics or retries forever on an I/O error, while [`Output::write`] reports it).
async fn index_tree(pages: Pages<'_>, lang: &str) -> Result<Vec<SyntheticFile>> {
    let mut index = PagefindIndex::new(None).map_err(|e| fail(e.to_string()))?;
    match pages {
        Pages::Folder(site) => {
            index
                .add_directory(
                    site.to_string_lossy().into_owned(),
                    Some(format!("{lang}/articles/*/index.html")),
                )
                .await
                .map_err(|e| fail(e.to_string()))?;
        }
        Pages::Memory(files) => {
            let prefix = format!("{lang}/articles/");
            let mut paths: Vec<&String> = files
                .keys()
                .filter(|p| p.starts_with(&prefix) && p.ends_with("/index.html"))
                .collect();
            // The order pages are added in shows in the index files: keep it stable.
            paths.sort();
            for path in paths {
                let html = String::from_utf8_lossy(&files[path]).into_owned();
                let url = format!("/{}", path.trim_end_matches("index.html"));
                index
                    .add_html_file(None, Some(url), html)
                    .await
                    .map_err(|e| fail(e.to_string()))?;
            }
        }
    }
    index.get_files().await.map_err(|e| fail(e.to_string()))
}

/// Adds the languages of one tree's entry file to those of the others.
fn merge_entries(merged: Option<serde_json::Value>, entry: &[u8]) -> Result<serde_json::Value> {
    let entry: serde_json::Value =
        serde_json::from_slice(entry).map_err(|e| fail(format!("unreadable {ENTRY}: {e}")))?;
    let Some(mut merged) = merged else {
        return Ok(entry);
    };
    if let (Some(all), Some(more)) = (
        merged.get_mut("languages").and_then(|l| l.as_object_mut()),
        entry.get("languages").and_then(|l| l.as_object()),
    ) {
        all.extend(more.clone());
    }
    Ok(merged)
}

fn fail(message: String) -> Error {
    Error::Search(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(lang: &str, body: &str) -> String {
        format!(
            "<!DOCTYPE html><html lang=\"{lang}\"><head><title>t</title></head><body>\
             <nav>Мәзір</nav><article data-pagefind-body>{body}</article></body></html>"
        )
    }

    #[test]
    fn indexes_each_tree_apart_and_only_articles() {
        let dir = tempfile::tempdir().unwrap();
        let staging = crate::output::Staging::new(
            &dir.path().join("public"),
            crate::output::WhenBusy::Refuse,
        )
        .unwrap();
        let article = page("kk", "<h1>Ынтымақтастық</h1><p>Қазақстан мен Тәжікстан</p>");
        staging
            .write("kk/articles/a/index.html", article.as_bytes())
            .unwrap();
        staging
            .write("kk/articles/b/index.html", article.as_bytes())
            .unwrap();
        staging
            .write(
                "tg/articles/a/index.html",
                page("tg", "<h1>Ҳамкорӣ</h1>").as_bytes(),
            )
            .unwrap();
        // Not an article: left out even though it carries a body.
        staging
            .write("kk/index.html", page("kk", "<h1>Басты бет</h1>").as_bytes())
            .unwrap();
        write_index(Pages::Folder(staging.dir()), &["kk", "tg"], &staging).unwrap();
        let entry =
            std::fs::read_to_string(staging.dir().join("pagefind/pagefind-entry.json")).unwrap();
        let entry: serde_json::Value = serde_json::from_str(&entry).unwrap();
        assert_eq!(entry["languages"]["kk"]["page_count"], 2, "{entry}");
        assert_eq!(entry["languages"]["tg"]["page_count"], 1, "{entry}");
        for file in ["pagefind.js", "pagefind-ui.js", "pagefind-ui.css"] {
            assert!(
                staging.dir().join("pagefind").join(file).is_file(),
                "{file}"
            );
        }
        // The same pages in memory give the same index.
        let memory = crate::output::Memory::default();
        let pages: HashMap<String, Arc<[u8]>> =
            ["kk/articles/a", "kk/articles/b", "tg/articles/a", "kk"]
                .iter()
                .map(|p| {
                    let path = format!("{p}/index.html");
                    let bytes = std::fs::read(staging.dir().join(&path)).unwrap();
                    (path, bytes.into())
                })
                .collect();
        write_index(Pages::Memory(&pages), &["kk", "tg"], &memory).unwrap();
        let files = memory.into_files();
        let from_memory: serde_json::Value =
            serde_json::from_slice(&files["pagefind/pagefind-entry.json"]).unwrap();
        for lang in ["kk", "tg"] {
            assert_eq!(
                from_memory["languages"][lang]["page_count"],
                entry["languages"][lang]["page_count"]
            );
        }
        assert!(files.contains_key("pagefind/pagefind-ui.js"));
        staging.abandon();
    }
}
