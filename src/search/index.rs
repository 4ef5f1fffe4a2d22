//! Search indexes in Pagefind 1.6's format (`pagefind/src/index/`, MIT licence), which the
//! Pagefind search code in the browser reads: per UI tree a metadata file listing the pages,
//! the word chunks and the filters, and one file per filter; word chunks (CBOR, words sorted,
//! each with its pages and positions) and one fragment per page (JSON: address, text for
//! excerpts, metadata, filters). Files are named after a hash of their contents, so a browser
//! may cache them for ever.
//!
//! The UI trees list the same articles with the same words, so their metadata files point to
//! one set of chunks and fragments, those Pagefind writes for the first tree ([`shared`]);
//! each tree has its own filters, in its labels ([`tree`]). Half the work and half the bytes
//! of an index per tree.
//!
//! Pagefind's own indexer reads the built HTML again and spends most of its time on
//! per-word allocations and compressing at the highest level, one file after another. Here
//! pages hold word numbers, the occurrences of all pages are sorted once, and files are
//! compressed in parallel.

use super::cbor::Cbor;
use super::text::{Anchor, Text};
use super::vocabulary::Vocabulary;
use libdeflater::{CompressionLvl, Compressor};
use rayon::prelude::*;
use sha1::{Digest, Sha1};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// The Pagefind version whose format this is and whose browser code the bundle ships.
pub const VERSION: &str = "1.6.0";

/// Words per index chunk, roughly (Pagefind's default): a query fetches the chunks its words
/// fall in.
const CHUNK_SIZE: usize = 20_000;

/// One page to index, as the first tree of its corpus holds it: the trees of a corpus share
/// the words and the fragments, and differ only in their filters' labels and their
/// addresses (which the search page puts in its own tree).
pub struct Page {
    /// Root-relative address in the corpus's first tree, without the site's base path
    /// (Pagefind's code adds it).
    pub url: String,
    pub text: Text,
    /// Shown with results (title, date…); its words are searched too. The same in every tree.
    pub meta: BTreeMap<String, String>,
}

/// Facets a search can be narrowed by, each with a page's values, in one tree's labels.
pub type Filters = BTreeMap<String, Vec<String>>;

/// The part of an index its trees share: word chunks and fragments, named with the first
/// tree's language as Pagefind names that tree's.
pub struct Shared {
    /// The pages indexed (Pagefind leaves out those with no words), by their number.
    kept: Vec<usize>,
    /// Per page number: its fragment's name and its word count.
    pages: Vec<(String, u32)>,
    /// Per chunk: its first and last words, and its name.
    chunks: Vec<(String, String, String)>,
    meta_fields: Vec<String>,
    /// Path in the bundle and contents as served.
    pub files: Vec<(String, Vec<u8>)>,
}

/// A UI tree's own files (its filters and the metadata file that lists what it searches)
/// and what the bundle's entry file says of it.
pub struct Index {
    pub language: String,
    pub meta_hash: String,
    pub page_count: usize,
    pub files: Vec<(String, Vec<u8>)>,
}

/// A page's occurrences of one word in one written form, from its text and its metadata.
#[derive(Clone, Copy)]
struct Posting {
    /// Sort key: the word's rank, then the form's (0 for the indexed form itself), then the
    /// page number.
    key: (u32, u32, u32),
    /// The positions in the page's text ([`Text::locs`]) and metadata ([`PageParts::meta`]).
    locs: (u32, u32),
    meta: (u32, u32),
}

/// What is worked out per page, in parallel.
struct PageParts {
    fragment: Vec<u8>,
    hash: String,
    postings: Vec<Posting>,
    /// Packed metadata positions, which postings point into.
    meta: Vec<i32>,
}

/// Builds the words and fragments of `pages` (numbered in this order), read with
/// `vocabulary`, for trees whose first is in `language` and labels its filters `filters`
/// (per page).
pub fn shared(
    language: &str,
    pages: &[Page],
    filters: &[Filters],
    vocabulary: &Vocabulary,
) -> Shared {
    // Pagefind leaves out pages with no words in their text.
    let kept: Vec<usize> = (0..pages.len())
        .filter(|&i| !pages[i].text.words.is_empty())
        .collect();
    let pages: Vec<&Page> = kept.iter().map(|&i| &pages[i]).collect();
    let meta_fields: Vec<&str> = pages
        .iter()
        .flat_map(|p| p.meta.keys().map(String::as_str))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();

    // Word numbers, then ranks in Pagefind's order of words (by their bytes).
    let parts: Vec<PageParts> = pages
        .par_iter()
        .zip(&kept)
        .enumerate()
        .map(|(number, (page, &index))| {
            let fragment = fragment_json(page, &filters[index]);
            let hash = format!("{language}_{}", full_hash(&fragment));
            let (postings, meta) = postings(number as u32, page, &meta_fields, vocabulary);
            PageParts {
                fragment: compress(&fragment),
                hash,
                postings,
                meta,
            }
        })
        .collect();
    let words = vocabulary.words();
    let mut by_text: Vec<u32> = (0..words.len() as u32).collect();
    by_text.par_sort_unstable_by(|&a, &b| words[a as usize].cmp(&words[b as usize]));
    let mut rank = vec![0u32; words.len()];
    for (r, &word) in by_text.iter().enumerate() {
        rank[word as usize] = r as u32;
    }

    let mut files = Vec::with_capacity(pages.len() + 64);
    let mut postings: Vec<Posting> =
        Vec::with_capacity(parts.iter().map(|p| p.postings.len()).sum());
    let mut metas: Vec<Vec<i32>> = Vec::with_capacity(pages.len());
    let mut fragment_names: HashSet<String> = HashSet::new();
    let mut meta_pages: Vec<(String, u32)> = Vec::with_capacity(pages.len());
    for (part, page) in parts.into_iter().zip(&pages) {
        let name = short_name(&part.hash, language.len() + 8, |n| {
            fragment_names.contains(n)
        });
        fragment_names.insert(name.clone());
        meta_pages.push((name.clone(), page.text.word_count as u32));
        files.push((format!("fragment/{name}.pf_fragment"), part.fragment));
        postings.extend(part.postings.into_iter().map(|mut p| {
            p.key.0 = rank[p.key.0 as usize];
            p.key.1 = if p.key.1 == 0 {
                0
            } else {
                rank[p.key.1 as usize - 1] + 1
            };
            p
        }));
        metas.push(part.meta);
    }
    postings.par_sort_unstable_by_key(|p| p.key);

    let positions = Positions {
        locs: pages.iter().map(|p| p.text.locs.as_slice()).collect(),
        metas: &metas,
    };
    let chunks = chunks(&postings, &positions, &by_text, &words);
    let mut chunk_names = HashSet::new();
    let mut meta_chunks = Vec::with_capacity(chunks.len());
    let compressed: Vec<Vec<u8>> = chunks.par_iter().map(|c| compress(&c.bytes)).collect();
    for (chunk, bytes) in chunks.into_iter().zip(compressed) {
        let hash = format!("{language}_{}", full_hash(&chunk.bytes));
        let name = short_name(&hash, language.len() + 8, |n| chunk_names.contains(n));
        chunk_names.insert(name.clone());
        files.push((format!("index/{name}.pf_index"), bytes));
        meta_chunks.push((chunk.from, chunk.to, name));
    }
    Shared {
        kept,
        pages: meta_pages,
        chunks: meta_chunks,
        meta_fields: meta_fields.into_iter().map(str::to_string).collect(),
        files,
    }
}

/// The files of the tree in `language` that searches `shared` with `filters` (per page, in
/// its labels).
pub fn tree(shared: &Shared, language: &str, filters: &[Filters]) -> Index {
    let mut by_value: BTreeMap<&str, BTreeMap<&str, Vec<usize>>> = BTreeMap::new();
    for (number, &index) in shared.kept.iter().enumerate() {
        for (filter, values) in &filters[index] {
            for value in values {
                by_value
                    .entry(filter)
                    .or_default()
                    .entry(value)
                    .or_default()
                    .push(number);
            }
        }
    }
    let mut files = Vec::with_capacity(by_value.len() + 1);
    let mut meta_filters = Vec::new();
    let mut filter_names = HashSet::new();
    for (filter, values) in &by_value {
        let mut cbor = Cbor::default();
        cbor.array(2).text(filter).array(values.len());
        for (value, numbers) in values {
            cbor.array(2).text(value).array(numbers.len());
            for &n in numbers {
                cbor.uint(n as u64);
            }
        }
        let bytes = cbor.into_bytes();
        let hash = format!("{language}_{}", full_hash(&bytes));
        let name = short_name(&hash, language.len() + 8, |n| filter_names.contains(n));
        filter_names.insert(name.clone());
        meta_filters.push((filter.to_string(), name.clone()));
        files.push((format!("filter/{name}.pf_filter"), compress(&bytes)));
    }

    let mut meta = Cbor::default();
    meta.array(6).text(VERSION).array(shared.pages.len());
    for (hash, word_count) in &shared.pages {
        meta.array(3)
            .text(hash)
            .uint(u64::from(*word_count))
            .text("");
    }
    meta.array(shared.chunks.len());
    for (from, to, hash) in &shared.chunks {
        meta.array(3).text(from).text(to).text(hash);
    }
    meta.array(meta_filters.len());
    for (filter, hash) in &meta_filters {
        meta.array(2).text(filter).text(hash);
    }
    meta.array(0).array(shared.meta_fields.len());
    for field in &shared.meta_fields {
        meta.text(field);
    }
    let meta = meta.into_bytes();
    let meta_hash = format!("{language}_{}", &full_hash(&meta)[..language.len() + 8]);
    files.push((format!("pagefind.{meta_hash}.pf_meta"), compress(&meta)));
    Index {
        language: language.to_string(),
        meta_hash,
        page_count: shared.pages.len(),
        files,
    }
}

/// The page's fragment: what a search result shows of it.
fn fragment_json(page: &Page, filters: &Filters) -> Vec<u8> {
    #[derive(serde::Serialize)]
    struct Fragment<'a> {
        url: &'a str,
        content: &'a str,
        word_count: usize,
        filters: &'a Filters,
        meta: &'a BTreeMap<String, String>,
        anchors: &'a [Anchor],
    }
    serde_json::to_vec(&Fragment {
        url: &page.url,
        content: &page.text.content,
        word_count: page.text.word_count,
        filters,
        meta: &page.meta,
        anchors: &page.text.anchors,
    })
    .expect("strings and numbers serialize")
}

/// A page's postings: its text's words, and the words of its metadata fields (numbered by
/// field, in the order of all pages' fields), merged where both have a word in one form;
/// and the packed metadata positions they point into. Keys hold word numbers here; forms are
/// numbered from 1.
fn postings(
    number: u32,
    page: &Page,
    meta_fields: &[&str],
    vocabulary: &Vocabulary,
) -> (Vec<Posting>, Vec<i32>) {
    let mut meta: BTreeMap<(u32, u32), Vec<(u16, u32)>> = BTreeMap::new();
    for (key, value) in &page.meta {
        let field = meta_fields.iter().position(|f| f == key).unwrap_or(0) as u16;
        for (position, word) in value.split_whitespace().enumerate() {
            vocabulary.indexed(word, true, |indexed| {
                for indexed in indexed {
                    let form = indexed.form.map_or(0, |f| f + 1);
                    meta.entry((indexed.word, form))
                        .or_default()
                        .push((field, position as u32));
                }
            });
        }
    }
    let mut meta_locs = Vec::new();
    let mut pack_meta = |positions: Vec<(u16, u32)>| {
        let start = meta_locs.len() as u32;
        packed_meta(positions, &mut meta_locs);
        (start, meta_locs.len() as u32 - start)
    };
    let mut postings: Vec<Posting> = page
        .text
        .words
        .iter()
        .map(|occurrences| {
            let key = (occurrences.word, occurrences.form.map_or(0, |f| f + 1));
            Posting {
                key: (key.0, key.1, number),
                locs: (occurrences.start, occurrences.len),
                meta: meta.remove(&key).map_or((0, 0), &mut pack_meta),
            }
        })
        .collect();
    postings.extend(meta.into_iter().map(|((word, form), positions)| Posting {
        key: (word, form, number),
        locs: (0, 0),
        meta: pack_meta(positions),
    }));
    (postings, meta_locs)
}

/// Metadata positions by field, delta encoded within a field; `-(field + 1)` starts a field.
fn packed_meta(mut positions: Vec<(u16, u32)>, locs: &mut Vec<i32>) {
    positions.sort_unstable();
    let mut current = None;
    let mut last = 0;
    for (field, position) in positions {
        if current != Some(field) {
            locs.push(-i32::from(field) - 1);
            current = Some(field);
            last = 0;
        }
        locs.push((position - last) as i32);
        last = position;
    }
}

/// Where postings' positions are.
struct Positions<'a> {
    /// Per page number, its text's packed positions and its metadata's: a posting's page is
    /// one load away, not three (page, text, vector), which the encoding of chunks, going
    /// from page to page, waits for.
    locs: Vec<&'a [i32]>,
    metas: &'a [Vec<i32>],
}

impl Positions<'_> {
    fn locs(&self, posting: &Posting) -> &[i32] {
        let (start, len) = posting.locs;
        &self.locs[posting.key.2 as usize][start as usize..(start + len) as usize]
    }

    fn meta(&self, posting: &Posting) -> &[i32] {
        let (start, len) = posting.meta;
        if len == 0 {
            return &[];
        }
        &self.metas[posting.key.2 as usize][start as usize..(start + len) as usize]
    }

    /// What a posting adds to its chunk's size.
    fn size(&self, posting: &Posting) -> usize {
        (posting.locs.1 + posting.meta.1) as usize + 1
    }
}

/// One file of words.
struct Chunk {
    from: String,
    to: String,
    bytes: Vec<u8>,
}

/// The sorted postings as chunks of about [`CHUNK_SIZE`] positions, each a CBOR list of
/// words with their pages (page numbers delta encoded) and their other written forms; the
/// first and last words of neighbouring chunks shortened to the prefixes that tell them apart.
/// Where chunks end is worked out first, from the postings' sizes; then they are encoded in
/// parallel.
fn chunks(
    postings: &[Posting],
    positions: &Positions,
    by_text: &[u32],
    words: &[String],
) -> Vec<Chunk> {
    let word_text = |posting: &Posting| words[by_text[posting.key.0 as usize] as usize].as_str();
    let form_text =
        |posting: &Posting| words[by_text[posting.key.1 as usize - 1] as usize].as_str();
    let mut bounds = Vec::new();
    let (mut start, mut size, mut count) = (0, 0, 0);
    let mut at = 0;
    for word in postings.chunk_by(|a, b| a.key.0 == b.key.0) {
        at += word.len();
        count += 1;
        let forms = word
            .chunk_by(|a, b| a.key.1 == b.key.1)
            .filter(|f| f[0].key.1 != 0);
        size += word.iter().map(|p| positions.size(p)).sum::<usize>() + forms.count();
        if size >= CHUNK_SIZE || at == postings.len() {
            bounds.push((start, at, count));
            (start, size, count) = (at, 0, 0);
        }
    }
    let mut chunks: Vec<Chunk> = bounds
        .into_par_iter()
        .map(|(start, end, count)| {
            let postings = &postings[start..end];
            let mut cbor = Cbor::default();
            cbor.array(1).array(count);
            for word in postings.chunk_by(|a, b| a.key.0 == b.key.0) {
                let plain = word.iter().take_while(|p| p.key.1 == 0).count();
                let (plain, variants) = word.split_at(plain);
                cbor.array(3).text(word_text(&word[0]));
                encode_pages(&mut cbor, plain, positions);
                // Other forms in the order Pagefind meets them: by first page, then form.
                let mut forms: Vec<&[Posting]> =
                    variants.chunk_by(|a, b| a.key.1 == b.key.1).collect();
                forms.sort_by_key(|form| (form[0].key.2, form[0].key.1));
                cbor.array(forms.len());
                for form in forms {
                    cbor.array(2).text(form_text(&form[0]));
                    encode_pages(&mut cbor, form, positions);
                }
            }
            Chunk {
                from: word_text(&postings[0]).to_string(),
                to: word_text(&postings[postings.len() - 1]).to_string(),
                bytes: cbor.into_bytes(),
            }
        })
        .collect();
    for i in 1..chunks.len() {
        let (to, from) = prefixes(&chunks[i - 1].to, &chunks[i].from);
        if to >= chunks[i - 1].from {
            chunks[i - 1].to = to;
        }
        chunks[i].from = from;
    }
    chunks
}

/// One word's pages in one form: page numbers delta encoded, positions, metadata positions.
fn encode_pages(cbor: &mut Cbor, pages: &[Posting], positions: &Positions) {
    cbor.array(pages.len());
    let mut last = 0;
    for page in pages {
        cbor.array(3).uint(u64::from(page.key.2 - last));
        last = page.key.2;
        for locs in [positions.locs(page), positions.meta(page)] {
            cbor.array(locs.len());
            for &loc in locs {
                cbor.int(loc);
            }
        }
    }
}

/// The shortest prefixes of `a` and `b` that differ: one character past their common part.
fn prefixes(a: &str, b: &str) -> (String, String) {
    let common = b.chars().zip(a.chars()).take_while(|(x, y)| x == y).count();
    (
        a.chars().take(common + 1).collect(),
        b.chars().take(common + 1).collect(),
    )
}

/// A file as Pagefind's browser code reads it: a signature, then the contents, gzipped
/// with libdeflate at its quickest level. Measured on the index of 10,000 articles: chunks
/// 2% and fragments 9% larger than at level 4 in 60% of its time (the index grows by 7%, the
/// whole site by 0.5%), and level 4 takes a third of zlib-rs's time for the same size.
fn compress(contents: &[u8]) -> Vec<u8> {
    thread_local! {
        static COMPRESSOR: RefCell<(Compressor, Vec<u8>)> = RefCell::new((
            Compressor::new(CompressionLvl::new(1).expect("a valid level")),
            Vec::new(),
        ));
    }
    COMPRESSOR.with_borrow_mut(|(compressor, signed)| {
        signed.clear();
        signed.extend_from_slice(b"pagefind_dcd");
        signed.extend_from_slice(contents);
        let mut out = vec![0; compressor.gzip_compress_bound(signed.len())];
        let written = compressor
            .gzip_compress(signed, &mut out)
            .expect("the bound fits");
        out.truncate(written);
        out
    })
}

/// SHA-1 in hexadecimal as Pagefind writes it: bytes below 16 as one digit.
fn full_hash(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut hex = String::with_capacity(40);
    for byte in Sha1::digest(bytes) {
        let _ = write!(hex, "{byte:x}");
    }
    hex
}

/// The shortest prefix of `hash` (at least `length` characters) that `taken` says is free.
fn short_name(hash: &str, length: usize, taken: impl Fn(&str) -> bool) -> String {
    let mut end = length.min(hash.len());
    while end < hash.len() && taken(&hash[..end]) {
        end += 1;
    }
    hash[..end].to_string()
}
