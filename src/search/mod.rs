//! The search index: Pagefind's format and browser code, written from the model.
//!
//! Every UI tree gets its own index (Pagefind picks the one matching the search page's
//! `<html lang>`), with the tree's labels for filters; the trees whose words are read alike
//! share its words and fragments, which hold the first tree's addresses (the search page of
//! another tree puts its own in the results it shows). An article's words are worked out
//! once ([`text`]), the index files are made in Pagefind's format ([`index`]) and compressed
//! in parallel, and Pagefind's own scripts and WebAssembly are taken from the `pagefind`
//! crate ([`runtime`]).
//!
//! dostyk does not run Pagefind's indexer over the built pages: for 10,000 articles it took
//! 41 s of a 44 s build and 2.7 GB. `tests/search_parity.rs` checks that the files written
//! here are those Pagefind writes for the same pages.

mod cbor;
mod index;
mod runtime;
pub mod text;
mod vocabulary;
mod words;

pub use index::{Filters, Page};
pub use text::Text;

use crate::error::Result;
use crate::output::Output;
use rayon::prelude::*;
use std::collections::BTreeMap;
use vocabulary::Vocabulary;

/// The folder of the search bundle, under the output folder.
pub const BUNDLE_DIR: &str = "pagefind";

/// Pagefind's list of the bundle's languages, which `pagefind.js` reads first.
const ENTRY: &str = "pagefind-entry.json";

/// A UI tree searching a [`Corpus`]: its language and, per page of the corpus, the filters
/// in its labels.
pub struct Tree {
    pub language: String,
    pub filters: Vec<Filters>,
}

/// Texts read with one vocabulary, and the UI trees that search them: all the trees whose
/// language Pagefind does not stem share one, since their words are the same.
pub struct Corpus {
    vocabulary: Vocabulary,
    /// In the order they are numbered, with the first tree's addresses.
    pub pages: Vec<Page>,
    pub trees: Vec<Tree>,
}

impl Corpus {
    /// A corpus for trees in `language` (its stemming, if Pagefind has one, is the corpus's).
    pub fn new(language: &str) -> Corpus {
        Corpus {
            vocabulary: Vocabulary::new(words::stemmer(language)),
            pages: Vec::new(),
            trees: Vec::new(),
        }
    }

    /// An article's text, read with this corpus's vocabulary.
    pub fn text(&self, title: &str, body_html: &str) -> Text {
        text::article_text(title, body_html, &self.vocabulary)
    }
}

/// Which languages can share a [`Corpus`]: those with the same stemming.
pub fn stemming(language: &str) -> Option<&str> {
    words::stemmer(language).map(|_| language.split('-').next().unwrap_or(language))
}

/// Writes the bundle for every tree of `corpora` to `pagefind/` in `out`.
pub fn write_index(corpora: &[Corpus], out: &dyn Output) -> Result<()> {
    let languages: Vec<&str> = corpora
        .iter()
        .flat_map(|c| &c.trees)
        .map(|t| t.language.as_str())
        .collect();
    // Pagefind's scripts are made while the words are indexed.
    let (runtime, indexes) = rayon::join(
        || runtime::runtime(&languages),
        || {
            corpora
                .iter()
                .filter(|corpus| !corpus.trees.is_empty())
                .map(|corpus| {
                    let first = &corpus.trees[0];
                    let shared = index::shared(
                        &first.language,
                        &corpus.pages,
                        &first.filters,
                        &corpus.vocabulary,
                    );
                    write_files(&shared.files, out)?;
                    corpus
                        .trees
                        .iter()
                        .map(|tree| {
                            let index = index::tree(&shared, &tree.language, &tree.filters);
                            write_files(&index.files, out)?;
                            Ok((index.language, index.meta_hash, index.page_count))
                        })
                        .collect::<Result<Vec<_>>>()
                })
                .collect::<Result<Vec<_>>>()
        },
    );
    let (runtime, indexes) = (runtime?, indexes?);
    write_files(&runtime.files, out)?;

    #[derive(serde::Serialize)]
    struct Entry<'a> {
        version: &'a str,
        languages: BTreeMap<&'a str, Language<'a>>,
        include_characters: &'a [char],
    }
    #[derive(serde::Serialize)]
    struct Language<'a> {
        hash: &'a str,
        wasm: Option<&'a str>,
        page_count: usize,
    }
    let entry = Entry {
        version: index::VERSION,
        languages: indexes
            .iter()
            .flatten()
            .map(|(language, hash, page_count)| {
                let stems = runtime.wasm.get(language).is_some_and(Option::is_some);
                (
                    language.as_str(),
                    Language {
                        hash,
                        wasm: stems.then_some(language.as_str()),
                        page_count: *page_count,
                    },
                )
            })
            .collect(),
        include_characters: &words::INCLUDE_CHARACTERS,
    };
    let entry = serde_json::to_vec(&entry).expect("strings and numbers serialize");
    out.write(&format!("{BUNDLE_DIR}/{ENTRY}"), &entry)
}

/// Files of the bundle, by their path in it.
fn write_files(files: &[(String, Vec<u8>)], out: &dyn Output) -> Result<()> {
    files
        .par_iter()
        .try_for_each(|(name, contents)| out.write(&format!("{BUNDLE_DIR}/{name}"), contents))
}
