//! The search index: Pagefind, run in process over the article pages a build has written, its
//! bundle (index chunks, `pagefind.js`, the default UI) written beside them into `pagefind/`.
//!
//! Pagefind splits the index by each page's `<html lang>`, so every UI tree gets its own index,
//! and chunks it, so a query fetches only the parts of the index its words need.

use crate::error::{Error, Result};
use crate::output::Staging;
use pagefind::api::PagefindIndex;
use rayon::prelude::*;
use std::path::Path;

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

/// Indexes the article pages of every UI tree in `languages` (`kk/articles/<slug>/index.html`
/// and so on) found in `staging`, and writes the bundle to `<staging>/pagefind/`.
///
/// Only articles are read: their template marks the article with `data-pagefind-body`,
/// and list pages would only repeat titles and excerpts in search results.
pub fn write_index(staging: &Staging, languages: &[&str]) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| fail(format!("cannot start the indexer: {e}")))?;
    let files = runtime.block_on(index(staging.dir(), languages))?;
    files
        .par_iter()
        .map(|file| (file.filename.to_string_lossy().replace('\\', "/"), file))
        .filter(|(name, _)| !UNUSED.contains(&name.as_str()))
        .try_for_each(|(name, file)| staging.write(&format!("{BUNDLE_DIR}/{name}"), &file.contents))
}

/// The bundle's files, relative to its folder, in memory: Pagefind's own writer panics or
/// retries forever on an I/O error, while [`Staging::write`] reports it.
async fn index(site: &Path, languages: &[&str]) -> Result<Vec<pagefind::api::SyntheticFile>> {
    let mut index = PagefindIndex::new(None).map_err(|e| fail(e.to_string()))?;
    index
        .add_directory(
            site.to_string_lossy().into_owned(),
            Some(article_glob(languages)),
        )
        .await
        .map_err(|e| fail(e.to_string()))?;
    index.get_files().await.map_err(|e| fail(e.to_string()))
}

/// `{kk,tg}/articles/*/index.html`: the article pages of every UI tree.
fn article_glob(languages: &[&str]) -> String {
    let trees = match languages {
        [one] => one.to_string(),
        many => format!("{{{}}}", many.join(",")),
    };
    format!("{trees}/articles/*/index.html")
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
    fn globs_the_article_pages_of_each_tree() {
        assert_eq!(article_glob(&["kk", "tg"]), "{kk,tg}/articles/*/index.html");
        assert_eq!(article_glob(&["kk"]), "kk/articles/*/index.html");
    }

    #[test]
    fn indexes_each_tree_apart_and_only_articles() {
        let dir = tempfile::tempdir().unwrap();
        let staging = Staging::new(&dir.path().join("public")).unwrap();
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
        write_index(&staging, &["kk", "tg"]).unwrap();
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
        staging.abandon();
    }
}
