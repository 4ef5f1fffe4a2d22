//! The word chunks: the index's words in order, cut into files of about
//! [`CHUNK_POSITIONS`] positions, so that a query fetches only the few its words fall in.
//! The metadata file says which words each holds by its first and last, cut to the
//! shortest prefixes that still tell neighbouring chunks apart.

use super::BUNDLE_DIR;
use super::bundle::{self, Names};
use super::cbor::Cbor;
use super::error::Result;
use super::postings::Word;
use crate::write::Output;
use rayon::prelude::*;

/// Positions a chunk holds, roughly: it ends with the word that reaches this.
const CHUNK_POSITIONS: u64 = 20_000;

/// A chunk as the metadata lists it.
pub(super) struct Chunk {
    /// The first and last words it holds.
    pub from: String,
    pub to: String,
    pub name: String,
}

/// Writes the chunks of `words` (in order), named for an index in `language`, to `out`.
pub(super) fn write_chunks(words: &[Word], language: &str, out: &dyn Output) -> Result<Vec<Chunk>> {
    let mut ends = Vec::new();
    let mut size = 0;
    for (i, word) in words.iter().enumerate() {
        size += word.size();
        if size >= CHUNK_POSITIONS || i + 1 == words.len() {
            ends.push(i + 1);
            size = 0;
        }
    }
    let starts = std::iter::once(0).chain(ends.iter().copied());
    let ranges: Vec<(usize, usize)> = starts.zip(ends.iter().copied()).collect();
    // Names first (a name is the shortest free prefix of the hash, so they are given in
    // order), then each chunk is encoded again, zipped and written: encoding is a copy, and
    // no chunk is kept zipped while the others are made (a sixth of the index's memory).
    let hashes: Vec<String> = ranges
        .par_iter()
        .map(|&(start, end)| {
            format!(
                "{language}_{}",
                bundle::content_hash(&encode(&words[start..end]))
            )
        })
        .collect();
    let mut names = Names::new(language);
    let names: Vec<String> = hashes.iter().map(|h| names.name(h)).collect();
    ranges
        .par_iter()
        .zip(&names)
        .try_for_each(|(&(start, end), name)| {
            let file = bundle::pack(&encode(&words[start..end]));
            out.write(&format!("{BUNDLE_DIR}/index/{name}.pf_index"), &file)
        })?;
    let mut chunks: Vec<Chunk> = ranges
        .iter()
        .zip(names)
        .map(|(&(start, end), name)| Chunk {
            from: words[start].text.to_string(),
            to: words[end - 1].text.to_string(),
            name,
        })
        .collect();
    for i in 1..chunks.len() {
        let (before, after) = chunks.split_at_mut(i);
        let (last, next) = (&mut before[i - 1], &mut after[0]);
        let (to, from) = telling_apart(&last.to, &next.from);
        // A prefix of the last word may sort before the chunk's own first: then it stays.
        if to >= last.from {
            last.to = to;
        }
        next.from = from;
    }
    Ok(chunks)
}

/// A chunk's contents: its words, each with its pages and its written forms' pages.
fn encode(words: &[Word]) -> Vec<u8> {
    let mut cbor = Cbor::default();
    cbor.array(1).array(words.len());
    for word in words {
        cbor.array(3)
            .text(word.text)
            .array(word.plain.pages as usize)
            .encoded(word.plain.encoded.bytes())
            .array(word.forms.len());
        for (form, list) in &word.forms {
            cbor.array(2)
                .text(form)
                .array(list.pages as usize)
                .encoded(list.encoded.bytes());
        }
    }
    cbor.into_bytes()
}

/// The shortest prefixes of `a` and `b` that differ: what they share and one character more.
fn telling_apart(a: &str, b: &str) -> (String, String) {
    let shared = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    (
        a.chars().take(shared + 1).collect(),
        b.chars().take(shared + 1).collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::telling_apart;

    #[test]
    fn prefixes_tell_neighbours_apart() {
        assert_eq!(
            telling_apart("қазақстан", "қазан"),
            ("қазақ".into(), "қазан".into())
        );
        assert_eq!(telling_apart("ab", "b"), ("a".into(), "b".into()));
    }
}
