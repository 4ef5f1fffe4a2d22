//! The files of the bundle as the browser's search code fetches them
//! (`docs/search-format.md`, "Files"): signed and gzipped, named after their contents, and
//! the two kinds of small file a UI tree has of its own: its filters and its metadata.

use super::cbor::Cbor;
use libdeflater::{CompressionLvl, Compressor};
use sha1::{Digest, Sha1};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashSet};

/// The format's version: the browser code shipped must be the one that reads it.
pub(super) const VERSION: &str = "1.6.0";

/// What every file starts with once unzipped, for the browser to tell a bundle file from an
/// error page.
const SIGNATURE: &[u8] = b"pagefind_dcd";

/// A file's contents as served: the signature and the contents, gzipped. libdeflate's
/// quickest level: measured on the index of 10,000 articles, chunks 2% and fragments 9%
/// larger than at level 4, in 60% of the time.
pub(super) fn pack(contents: &[u8]) -> Vec<u8> {
    thread_local! {
        static ZIP: RefCell<(Compressor, Vec<u8>)> = RefCell::new((
            Compressor::new(CompressionLvl::new(1).expect("a valid level")),
            Vec::new(),
        ));
    }
    ZIP.with_borrow_mut(|(compressor, signed)| {
        signed.clear();
        signed.extend_from_slice(SIGNATURE);
        signed.extend_from_slice(contents);
        let mut out = vec![0; compressor.gzip_compress_bound(signed.len())];
        let written = compressor
            .gzip_compress(signed, &mut out)
            .expect("the bound fits");
        out.truncate(written);
        out
    })
}

/// The SHA-1 of `bytes` in the format's hexadecimal, where a byte below 16 is one digit.
pub(super) fn content_hash(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut hex = String::with_capacity(40);
    for byte in Sha1::digest(bytes) {
        let _ = write!(hex, "{byte:x}");
    }
    hex
}

/// Names for one kind of file of one index: the shortest prefix of a file's hash, from a
/// length on, that no file named before has.
pub(super) struct Names {
    shortest: usize,
    taken: HashSet<String>,
}

impl Names {
    /// Names for an index in `language`: hashes are `{language}_{sha1}`, and names are at
    /// least eight characters longer than the language.
    pub(super) fn new(language: &str) -> Names {
        Names {
            shortest: language.len() + 8,
            taken: HashSet::new(),
        }
    }

    pub(super) fn name(&mut self, hash: &str) -> String {
        let mut end = self.shortest.min(hash.len());
        while end < hash.len() && self.taken.contains(&hash[..end]) {
            end += 1;
        }
        let name = hash[..end].to_string();
        self.taken.insert(name.clone());
        name
    }
}

/// A page's values of each filter, by filter name and value: the page numbers.
pub(super) type FilterPages = BTreeMap<String, BTreeMap<String, Vec<u32>>>;

/// Files by their path in the bundle, with their contents as served.
pub(super) type Files = Vec<(String, Vec<u8>)>;

/// One tree's filter files, and per filter its file's name.
pub(super) fn filter_files(
    language: &str,
    filters: &FilterPages,
) -> (Files, Vec<(String, String)>) {
    let mut names = Names::new(language);
    let mut files = Vec::with_capacity(filters.len());
    let mut listed = Vec::with_capacity(filters.len());
    for (filter, values) in filters {
        let mut cbor = Cbor::default();
        cbor.array(2).text(filter).array(values.len());
        for (value, pages) in values {
            cbor.array(2).text(value).array(pages.len());
            for &page in pages {
                cbor.uint(u64::from(page));
            }
        }
        let bytes = cbor.into_bytes();
        let name = names.name(&format!("{language}_{}", content_hash(&bytes)));
        files.push((format!("filter/{name}.pf_filter"), pack(&bytes)));
        listed.push((filter.clone(), name));
    }
    (files, listed)
}

/// What a tree's metadata file lists.
pub(super) struct Listing<'a> {
    /// Per page: its fragment's name and its word count.
    pub pages: &'a [(String, u32)],
    /// Per chunk: the first and last words it holds (as prefixes) and its name.
    pub chunks: &'a [(String, String, String)],
    /// Per filter: its name and its file's.
    pub filters: &'a [(String, String)],
    pub meta_fields: &'a [&'a str],
}

/// A tree's metadata file: its name (`{language}_{hash}`, which the entry file gives and the
/// file is named after) and its contents as served.
pub(super) fn meta_file(language: &str, listing: &Listing) -> (String, Vec<u8>) {
    let mut meta = Cbor::default();
    meta.array(6).text(VERSION).array(listing.pages.len());
    for (fragment, word_count) in listing.pages {
        meta.array(3)
            .text(fragment)
            .uint(u64::from(*word_count))
            .text("");
    }
    meta.array(listing.chunks.len());
    for (from, to, name) in listing.chunks {
        meta.array(3).text(from).text(to).text(name);
    }
    meta.array(listing.filters.len());
    for (filter, name) in listing.filters {
        meta.array(2).text(filter).text(name);
    }
    // No sort orders.
    meta.array(0).array(listing.meta_fields.len());
    for field in listing.meta_fields {
        meta.text(field);
    }
    let bytes = meta.into_bytes();
    let hash = content_hash(&bytes);
    let name = format!(
        "{language}_{}",
        &hash[..(language.len() + 8).min(hash.len())]
    );
    (name, pack(&bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_write_small_bytes_as_one_digit() {
        // SHA-1 of "" is da39a3ee 5e6b4b0d 3255bfef 95601890 afd80709.
        assert_eq!(content_hash(b""), "da39a3ee5e6b4bd3255bfef95601890afd879");
    }

    #[test]
    fn names_grow_only_on_a_clash() {
        let mut names = Names::new("kk");
        assert_eq!(names.name("kk_0123456789"), "kk_0123456");
        assert_eq!(names.name("kk_0123456abc"), "kk_0123456a");
    }
}
