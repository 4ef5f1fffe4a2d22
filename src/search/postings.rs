//! The index's lists: per term (a word in one written form), the pages it is on, each with
//! its positions. Pages join in the order they are numbered, so a list grows at its end and
//! is kept encoded, as the chunk files will hold it: memory is about the size of the index,
//! not of every occurrence of every word.

use super::cbor::Cbor;
use super::page::Indexed;
use super::vocabulary::TermWords;

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

/// Every list of an index being built, by term number.
#[derive(Default)]
pub(super) struct Lists {
    lists: Vec<List>,
}

/// A word of the index with its lists.
pub(super) struct Word<'a> {
    pub text: &'a str,
    /// Its list as it is indexed.
    pub plain: List,
    /// The lists of its written forms with marks it lacks, in the order of the first page
    /// each is on, then of their text.
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
            let at = entry.term as usize;
            if self.lists.len() <= at {
                self.lists.resize_with(at + 1, List::default);
            }
            let positions = &indexed.encoded[entry.start as usize..entry.end as usize];
            self.lists[at].add(page, positions, entry.size);
        }
    }

    /// The words on some page, in the order of their text's bytes; `words` are the
    /// vocabulary's words by number, `terms` its terms' words by term number.
    pub(super) fn into_words<'a>(self, words: &'a [String], terms: &[TermWords]) -> Vec<Word<'a>> {
        // Per word number: its own list, and its forms' lists.
        let mut by_word: Vec<(List, Vec<(&'a str, List)>)> = Vec::new();
        by_word.resize_with(words.len(), Default::default);
        for (list, &(word, form)) in self.lists.into_iter().zip(terms) {
            if list.pages == 0 {
                continue;
            }
            let (plain, forms) = &mut by_word[word as usize];
            match form {
                None => *plain = list,
                Some(form) => forms.push((words[form as usize].as_str(), list)),
            }
        }
        let mut numbers: Vec<usize> = (0..by_word.len())
            .filter(|&n| by_word[n].0.pages > 0 || !by_word[n].1.is_empty())
            .collect();
        numbers.sort_unstable_by(|&a, &b| words[a].cmp(&words[b]));
        numbers
            .into_iter()
            .map(|n| {
                let (plain, mut forms) = std::mem::take(&mut by_word[n]);
                forms.sort_unstable_by(|a, b| (a.1.first, a.0).cmp(&(b.1.first, b.0)));
                Word {
                    text: &words[n],
                    plain,
                    forms,
                }
            })
            .collect()
    }
}
