//! The index's lists: per term (a word in one written form), the pages it is on, each with
//! its positions. Pages join in the order they are numbered, so a list grows at its end and
//! is kept encoded, as the chunk files will hold it: memory is about the size of the index,
//! not of every occurrence of every word.

use super::cbor::Cbor;
use super::page::Indexed;
use hashbrown::HashMap;

/// The pages of one term, encoded: per page, the step from the page before, then its
/// positions in the text and in the metadata.
#[derive(Default)]
pub(super) struct List {
    pub encoded: Cbor,
    pub pages: u32,
    /// The first page it is on.
    pub first: u32,
    last: u32,
    /// Positions held, plus one a page: what a chunk's size counts.
    pub size: u64,
}

impl List {
    fn add(&mut self, page: u32, positions: &[u8], size: u32) {
        if self.pages == 0 {
            self.first = page;
        }
        self.encoded
            .array(3)
            .uint(u64::from(page - self.last))
            .encoded(positions);
        self.last = page;
        self.pages += 1;
        self.size += u64::from(size);
    }
}

/// Every list of an index being built.
#[derive(Default)]
pub(super) struct Lists {
    /// By word number: the word's own list (written as it is indexed).
    plain: Vec<List>,
    /// By word and written form: the lists of words written with marks the word lacks.
    forms: HashMap<(u32, u32), List>,
}

/// A word of the index with its lists.
pub(super) struct Word<'a> {
    pub text: &'a str,
    pub plain: List,
    /// Its written forms, in the order of the first page each is on, then of their text.
    pub forms: Vec<(&'a str, List)>,
}

impl Word<'_> {
    /// What the word adds to its chunk's size.
    pub(super) fn size(&self) -> u64 {
        self.plain.size
            + self.forms.iter().map(|(_, l)| l.size).sum::<u64>()
            + self.forms.len() as u64
    }
}

impl Lists {
    /// Adds page number `page` (the next in order) to the lists of its terms.
    pub(super) fn add(&mut self, page: u32, indexed: &Indexed) {
        for entry in &indexed.entries {
            let list = if entry.form == 0 {
                let at = entry.word as usize;
                if self.plain.len() <= at {
                    self.plain.resize_with(at + 1, List::default);
                }
                &mut self.plain[at]
            } else {
                self.forms.entry((entry.word, entry.form - 1)).or_default()
            };
            let positions = &indexed.encoded[entry.start as usize..entry.end as usize];
            list.add(page, positions, entry.size);
        }
    }

    /// The words on some page, in the order of their text's bytes; `words` are the
    /// vocabulary's words by number.
    pub(super) fn into_words(self, words: &[String]) -> Vec<Word<'_>> {
        let mut by_word: HashMap<u32, Vec<(u32, List)>> = HashMap::new();
        for ((word, form), list) in self.forms {
            by_word.entry(word).or_default().push((form, list));
        }
        let mut plain = self.plain;
        let mut numbers: Vec<u32> = (0..plain.len() as u32)
            .filter(|&n| plain[n as usize].pages > 0)
            .chain(
                by_word
                    .keys()
                    .copied()
                    .filter(|&n| plain.get(n as usize).is_none_or(|l| l.pages == 0)),
            )
            .collect();
        numbers.sort_unstable_by(|&a, &b| words[a as usize].cmp(&words[b as usize]));
        numbers
            .into_iter()
            .map(|n| {
                let mut forms: Vec<(&str, List)> = by_word
                    .remove(&n)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(form, list)| (words[form as usize].as_str(), list))
                    .collect();
                forms.sort_unstable_by(|a, b| (a.1.first, a.0).cmp(&(b.1.first, b.0)));
                Word {
                    text: &words[n as usize],
                    plain: plain
                        .get_mut(n as usize)
                        .map(std::mem::take)
                        .unwrap_or_default(),
                    forms,
                }
            })
            .collect()
    }
}
