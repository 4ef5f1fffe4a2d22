//! The search index, written from the model in the format Pagefind's browser code reads
//! (`docs/search-format.md`), with that code shipped from the `pagefind` crate.
//!
//! Every UI tree gets an index of its own (the browser picks the one matching the search
//! page's `<html lang>`) with its own labels for the filters; the trees whose words are read
//! alike share its words and fragments, which hold the first tree's addresses (the search
//! page of another tree puts its own in the results it shows).
//!
//! Pages stream through: a batch is read in parallel (`page`) while the one before joins
//! the lists (`postings`) and has its fragments written, so that what is kept is the
//! index itself, encoded, not every page's text; the lists are then cut into chunks
//! (`chunks`) and every tree's metadata written (`bundle`).

mod bundle;
mod cbor;
mod chunks;
mod elements;
mod error;
mod page;
mod postings;
mod reader;
mod runtime;
mod terms;
mod vocabulary;

use crate::write::Output;
use bundle::{FilterPages, Listing, Names};
pub use error::{Result, SearchError};
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
    /// What a result shows of it besides the excerpt.
    pub meta: Meta,
}

/// What a result shows of a page besides its excerpt; its words are searched too. Values
/// as [`tidy`] makes them.
#[derive(Clone)]
pub struct Meta {
    /// The article's title.
    pub title: String,
    /// The code of the text's language (`kk`): the search page marks the result's title and
    /// excerpt with it.
    pub lang: String,
    /// The language's name in itself (`Қазақша`), shown under the result's title.
    pub language: String,
    /// `YYYY-MM-DD`: each tree's search page writes it in its own language.
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
    /// Page `number`, made when the index asks for it.
    fn page(&self, number: usize) -> Page;
    /// Page `number`'s filters in the labels of the corpus's tree `tree`.
    fn filters(&self, tree: usize, number: usize) -> Filters;
}

/// Pages read with one vocabulary, and the UI trees (by language) that search them: all the
/// trees whose language is stemmed alike share one, since their words are the same.
pub struct Corpus<'a> {
    /// The trees' language codes; the pages' addresses are the first one's.
    pub trees: Vec<String>,
    /// The pages, read once for all the trees.
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
pub struct Written {
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
                let pages = &*corpus.pages;
                let mut indexing = [Indexing::new(&corpus.trees, corpus.images, pages.count())];
                stream(
                    &mut indexing,
                    pages.count(),
                    |n, readers| {
                        let filters = (0..corpus.trees.len())
                            .map(|tree| pages.filters(tree, n))
                            .collect();
                        vec![readers[0].read(&pages.page(n), filters)]
                    },
                    out,
                )?;
                let [indexing] = indexing;
                written.extend(indexing.finish(out)?);
            }
            Ok(written)
        },
    );
    runtime?;
    write_entry(&written?, out)
}

/// Writes Pagefind's browser code and the entry file, which lists every tree's index
/// (`written`, from [`Indexing::finish`]).
pub fn write_entry(written: &[Written], out: &dyn Output) -> Result<()> {
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
    let languages: Vec<&str> = written.iter().map(|w| w.language.as_str()).collect();
    let runtime = runtime::runtime(&languages)?;
    write_files(&runtime.files, out)?;
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
    Ok(out.write(&format!("{BUNDLE_DIR}/{ENTRY}"), &entry)?)
}

/// Reads `count` pages into every index of `indexings` at once, in batches: `read` makes
/// page `n` and reads it with each index's reader (in parallel, from several threads), while
/// the batch before joins the indexes in page order.
pub fn stream(
    indexings: &mut [Indexing],
    count: usize,
    read: impl Fn(usize, &[&Reader]) -> Vec<ReadPage> + Sync,
    out: &dyn Output,
) -> Result<()> {
    let (readers, mut joiners): (Vec<&Reader>, Vec<&mut Joiner>) = indexings
        .iter_mut()
        .map(|i| (&i.reader, &mut i.joiner))
        .unzip();
    let mut waiting: Option<Vec<Vec<ReadPage>>> = None;
    let mut next = 0;
    while next < count || waiting.is_some() {
        let batch = next..(next + BATCH).min(count);
        next = batch.end;
        let (read_now, joining) = rayon::join(
            || {
                (!batch.is_empty()).then(|| {
                    batch
                        .into_par_iter()
                        .map(|n| read(n, &readers))
                        .collect::<Vec<_>>()
                })
            },
            || -> Result<()> {
                let Some(done) = waiting.take() else {
                    return Ok(());
                };
                // Per index, its reading of every page of the batch.
                let mut by_index: Vec<Vec<ReadPage>> = joiners
                    .iter()
                    .map(|_| Vec::with_capacity(done.len()))
                    .collect();
                for pages in done {
                    for (into, page) in by_index.iter_mut().zip(pages) {
                        into.push(page);
                    }
                }
                for (joiner, batch) in joiners.iter_mut().zip(by_index) {
                    joiner.join(batch, out)?;
                }
                Ok(())
            },
        );
        joining?;
        waiting = read_now;
    }
    Ok(())
}

/// One index being written (one [`Corpus`]'s): read page by page ([`stream`]), then
/// finished.
pub struct Indexing {
    trees: Vec<String>,
    reader: Reader,
    joiner: Joiner,
}

impl Indexing {
    /// An index searched from `trees` (by language; the first names its files) of about
    /// `pages` pages; `images`: whether a page may have an image.
    pub fn new(trees: &[String], images: bool, pages: usize) -> Indexing {
        let first = trees[0].clone();
        Indexing {
            reader: Reader {
                vocabulary: Vocabulary::new(Splitter::new(terms::stemmer(&first))),
                fields: page::meta_fields(images),
                first: first.clone(),
            },
            joiner: Joiner {
                lists: Lists::default(),
                fragments: Names::new(&first),
                listed: Vec::with_capacity(pages),
                filters: vec![FilterPages::new(); trees.len()],
            },
            trees: trees.to_vec(),
        }
    }

    /// Writes the chunks of the lists, and every tree's filters and metadata.
    pub fn finish(self, out: &dyn Output) -> Result<Vec<Written>> {
        let Indexing {
            trees,
            reader,
            joiner,
        } = self;
        let (words, terms) = reader.vocabulary.into_words();
        let Joiner {
            lists,
            listed,
            filters,
            ..
        } = joiner;
        let chunks = chunks::write_chunks(&lists.into_words(&words, &terms), &reader.first, out)?;
        let chunk_list: Vec<(String, String, String)> =
            chunks.into_iter().map(|c| (c.from, c.to, c.name)).collect();

        let mut written = Vec::with_capacity(trees.len());
        for (language, filters) in trees.iter().zip(&filters) {
            let (files, filter_list) = bundle::filter_files(language, filters);
            write_files(&files, out)?;
            let (meta_name, meta) = bundle::meta_file(
                language,
                &Listing {
                    pages: &listed,
                    chunks: &chunk_list,
                    filters: &filter_list,
                    meta_fields: &reader.fields,
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
}

/// What reads pages for one index; shared by the threads of a batch.
pub struct Reader {
    first: String,
    vocabulary: Vocabulary,
    fields: Vec<&'static str>,
}

impl Reader {
    /// Reads `page`, whose `filters` are given per tree of the index.
    pub fn read(&self, page: &Page, filters: Vec<Filters>) -> ReadPage {
        ReadPage(page::index(
            page,
            filters,
            &self.first,
            &self.fields,
            &self.vocabulary,
        ))
    }
}

/// A page read, waiting to join its index.
pub struct ReadPage(Option<Indexed>);

/// The pages joined so far.
struct Joiner {
    lists: Lists,
    fragments: Names,
    /// Per page number: its fragment's name and its word count.
    listed: Vec<(String, u32)>,
    /// Per tree, the pages of each filter value.
    filters: Vec<FilterPages>,
}

impl Joiner {
    /// Numbers the pages of a batch read (in order), adds them to the lists and writes their
    /// fragments.
    fn join(&mut self, batch: Vec<ReadPage>, out: &dyn Output) -> Result<()> {
        let mut fragments = Vec::with_capacity(batch.len());
        for ReadPage(indexed) in batch {
            let Some(indexed) = indexed else { continue };
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
        .try_for_each(|(name, contents)| out.write(&format!("{BUNDLE_DIR}/{name}"), contents))?;
    Ok(())
}
