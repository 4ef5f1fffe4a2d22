//! The search index, written from the model in the format Pagefind's browser code reads
//! (`docs/search-format.md`), with that code shipped from the `pagefind` crate.
//!
//! Every UI tree gets an index of its own (the browser picks the one matching the search
//! page's `<html lang>`) with its own labels for the filters; the trees whose words are read
//! alike share its words and fragments, which hold the first tree's addresses (the search
//! page of another tree puts its own in the results it shows).
//!
//! Pages stream through: a batch is read in parallel ([`page`]) while the one before joins
//! the lists ([`postings`]) and has its fragments written, so that what is kept is the
//! index itself, encoded, not every page's text; the lists are then cut into chunks
//! ([`chunks`]) and every tree's metadata written ([`bundle`]).

mod bundle;
mod cbor;
mod chunks;
mod page;
mod postings;
mod reader;
mod runtime;
mod terms;
mod vocabulary;

use crate::error::Result;
use crate::output::Output;
use bundle::{FilterPages, Listing, Names};
use page::Indexed;
use postings::Lists;
use rayon::prelude::*;
use std::collections::BTreeMap;
use terms::Splitter;
use vocabulary::Vocabulary;

/// The folder of the search bundle, under the output folder.
pub const BUNDLE_DIR: &str = "pagefind";

/// The list of the bundle's languages, which the browser code reads first.
const ENTRY: &str = "pagefind-entry.json";

/// Pages read in parallel at a time: enough to keep every core busy, few enough that a
/// batch's fragments and entries stay small beside the index.
const BATCH: usize = 512;

/// Facets a search can be narrowed by, each with a page's values, in one tree's labels.
pub type Filters = BTreeMap<String, Vec<String>>;

/// One page to index.
#[derive(Clone)]
pub struct Page {
    /// Root-relative address in the corpus's first tree, without the site's base path
    /// (the browser code adds it).
    pub url: String,
    /// Plain text: the page's heading.
    pub title: String,
    /// The rendered body.
    pub body_html: String,
    pub meta: Meta,
}

/// What a result shows of a page besides its excerpt; its words are searched too. Values
/// as [`tidy`] makes them.
#[derive(Clone)]
pub struct Meta {
    pub title: String,
    pub lang: String,
    pub language: String,
    pub date: String,
}

impl Meta {
    fn fields(&self) -> BTreeMap<&'static str, String> {
        BTreeMap::from([
            ("date", self.date.clone()),
            ("lang", self.lang.clone()),
            ("language", self.language.clone()),
            ("title", self.title.clone()),
        ])
    }
}

/// The pages of a corpus, made one at a time as the index reads them.
pub trait Pages: Sync {
    /// How many, numbered from 0 in the order the index lists them.
    fn count(&self) -> usize;
    fn page(&self, number: usize) -> Page;
    /// Page `number`'s filters in the labels of the corpus's tree `tree`.
    fn filters(&self, tree: usize, number: usize) -> Filters;
}

/// Pages read with one vocabulary, and the UI trees (by language) that search them: all the
/// trees whose language is stemmed alike share one, since their words are the same.
pub struct Corpus<'a> {
    pub trees: Vec<String>,
    pub pages: Box<dyn Pages + 'a>,
    /// Whether a page may have an image: its address and alternative text are searched
    /// then.
    pub images: bool,
}

/// Which languages can share a [`Corpus`]: those with the same stemming.
pub fn stemming(language: &str) -> Option<&str> {
    terms::stemmer(language).map(|_| language.split('-').next().unwrap_or(language))
}

/// A value as the index keeps text read from a page: entities decoded, spaces tidied.
pub fn tidy(value: &str) -> String {
    reader::tidy(value)
}

/// What the entry file says of one tree's index.
struct Written {
    language: String,
    meta: String,
    pages: usize,
}

/// Writes the bundle for every tree of `corpora` to `pagefind/` in `out`.
pub fn write_index(corpora: &[Corpus], out: &dyn Output) -> Result<()> {
    let languages: Vec<&str> = corpora
        .iter()
        .flat_map(|c| &c.trees)
        .map(String::as_str)
        .collect();
    // The browser code is made while the pages are read.
    let (runtime, written) = rayon::join(
        || runtime::runtime(&languages),
        || -> Result<Vec<Written>> {
            let mut written = Vec::new();
            for corpus in corpora.iter().filter(|c| !c.trees.is_empty()) {
                written.extend(write_corpus(corpus, out)?);
            }
            Ok(written)
        },
    );
    let (runtime, written) = (runtime?, written?);
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
        version: bundle::VERSION,
        languages: written
            .iter()
            .map(|w| {
                let stems = runtime.wasm.get(&w.language).is_some_and(Option::is_some);
                (
                    w.language.as_str(),
                    Language {
                        hash: &w.meta,
                        wasm: stems.then_some(w.language.as_str()),
                        page_count: w.pages,
                    },
                )
            })
            .collect(),
        include_characters: &terms::KEPT_PUNCTUATION,
    };
    let entry = serde_json::to_vec(&entry).expect("strings and numbers serialize");
    out.write(&format!("{BUNDLE_DIR}/{ENTRY}"), &entry)
}

/// The index of one corpus, in each of its trees.
fn write_corpus(corpus: &Corpus, out: &dyn Output) -> Result<Vec<Written>> {
    let first = corpus.trees[0].as_str();
    let vocabulary = Vocabulary::new(Splitter::new(terms::stemmer(first)));
    let fields = page::meta_fields(corpus.images);
    let pages = &*corpus.pages;
    let read = |numbers: std::ops::Range<usize>| -> Vec<Option<Indexed>> {
        numbers
            .into_par_iter()
            .map(|n| {
                let filters = (0..corpus.trees.len())
                    .map(|tree| pages.filters(tree, n))
                    .collect();
                page::index(&pages.page(n), filters, first, &fields, &vocabulary)
            })
            .collect()
    };

    let mut joined = Joined {
        lists: Lists::default(),
        fragments: Names::new(first),
        listed: Vec::with_capacity(pages.count()),
        filters: vec![FilterPages::new(); corpus.trees.len()],
    };
    let count = pages.count();
    let mut waiting: Option<Vec<Option<Indexed>>> = None;
    let mut next = 0;
    while next < count || waiting.is_some() {
        let batch = next..(next + BATCH).min(count);
        next = batch.end;
        let (read_now, joining) = rayon::join(
            || (!batch.is_empty()).then(|| read(batch)),
            || waiting.take().map_or(Ok(()), |done| joined.join(done, out)),
        );
        joining?;
        waiting = read_now;
    }

    let words = vocabulary.into_words();
    let Joined {
        lists,
        listed,
        filters,
        ..
    } = joined;
    let chunks = chunks::write_chunks(&lists.into_words(&words), first, out)?;
    let chunk_list: Vec<(String, String, String)> =
        chunks.into_iter().map(|c| (c.from, c.to, c.name)).collect();

    let mut written = Vec::with_capacity(corpus.trees.len());
    for (language, filters) in corpus.trees.iter().zip(&filters) {
        let (files, filter_list) = bundle::filter_files(language, filters);
        write_files(&files, out)?;
        let (meta_name, meta) = bundle::meta_file(
            language,
            &Listing {
                pages: &listed,
                chunks: &chunk_list,
                filters: &filter_list,
                meta_fields: &fields,
            },
        );
        out.write(&format!("{BUNDLE_DIR}/pagefind.{meta_name}.pf_meta"), &meta)?;
        written.push(Written {
            language: language.clone(),
            meta: meta_name,
            pages: listed.len(),
        });
    }
    Ok(written)
}

/// The pages joined so far.
struct Joined {
    lists: Lists,
    fragments: Names,
    /// Per page number: its fragment's name and its word count.
    listed: Vec<(String, u32)>,
    /// Per tree, the pages of each filter value.
    filters: Vec<FilterPages>,
}

impl Joined {
    /// Numbers the pages of a batch read (in order), adds them to the lists and writes their
    /// fragments.
    fn join(&mut self, batch: Vec<Option<Indexed>>, out: &dyn Output) -> Result<()> {
        let mut fragments = Vec::with_capacity(batch.len());
        for indexed in batch.into_iter().flatten() {
            let number = self.listed.len() as u32;
            let name = self.fragments.name(&indexed.hash);
            self.lists.add(number, &indexed);
            for (tree, filters) in self.filters.iter_mut().zip(&indexed.filters) {
                for (filter, values) in filters {
                    let by_value = tree.entry(filter.clone()).or_default();
                    for value in values {
                        by_value.entry(value.clone()).or_default().push(number);
                    }
                }
            }
            self.listed.push((name.clone(), indexed.word_count));
            fragments.push((format!("fragment/{name}.pf_fragment"), indexed.fragment));
        }
        write_files(&fragments, out)
    }
}

/// Files of the bundle, by their path in it.
fn write_files(files: &[(String, Vec<u8>)], out: &dyn Output) -> Result<()> {
    files
        .par_iter()
        .try_for_each(|(name, contents)| out.write(&format!("{BUNDLE_DIR}/{name}"), contents))
}
