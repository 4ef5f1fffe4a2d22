//! Every distinct word of an index by number, and every term (a word in one written form)
//! too, so that pages hold numbers, not strings, and each written word is worked out
//! (Unicode classes, diacritics, compound parts) once.

use super::terms::{Place, Splitter, Term};
use hashbrown::{DefaultHashBuilder, HashMap, HashTable};
use std::cell::RefCell;
use std::hash::BuildHasher;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// A term to index for a written word, by number.
#[derive(Clone, Copy, Debug)]
pub(super) struct Indexed {
    pub(super) term: u32,
    pub(super) is_compound_part: bool,
}

/// A term: a word, and the written form when it has diacritics the word lacks (by number).
pub(super) type TermWords = (u32, Option<u32>);

/// The numbered words and terms.
#[derive(Default)]
struct Numbers {
    words: HashMap<String, u32>,
    by_number: Vec<String>,
    terms: HashMap<TermWords, u32>,
    term_words: Vec<TermWords>,
}

impl Numbers {
    fn word(&mut self, word: String) -> u32 {
        if let Some(&n) = self.words.get(&word) {
            return n;
        }
        let n = self.by_number.len() as u32;
        self.by_number.push(word.clone());
        self.words.insert(word, n);
        n
    }

    fn term(&mut self, term: Term) -> u32 {
        let words = (self.word(term.text), term.written.map(|f| self.word(f)));
        *self.terms.entry(words).or_insert_with(|| {
            self.term_words.push(words);
            self.term_words.len() as u32 - 1
        })
    }
}

/// A thread's cache: for each written word seen, where its indexed words are in `indexed`
/// (one vector for all, rather than one allocation per word, whose reference count every
/// lookup would touch).
#[derive(Default)]
struct Seen {
    vocabulary: u64,
    text: Written,
    meta: Written,
    indexed: Vec<Indexed>,
    /// Room for the terms of one word, reused.
    terms: Vec<Term>,
}

/// Written words, each with the range of `Seen::indexed` that holds its indexed words.
///
/// Looking a word up is most of the time spent on a page's words, and most of that is
/// waiting for memory: so a slot is 16 bytes, not a `String` and a range, and the words'
/// bytes sit one after another in the order first seen, where the frequent ones, met
/// early, share a few cache lines rather than an allocation each.
#[derive(Default)]
struct Written {
    slots: HashTable<Slot>,
    bytes: Vec<u8>,
    hasher: DefaultHashBuilder,
}

#[derive(Clone, Copy)]
struct Slot {
    start: u32,
    len: u32,
    indexed: (u32, u32),
}

impl Written {
    /// Whether the thread should start its cache afresh: past half a million words, or a
    /// quarter of a gigabyte of them (long words of a hostile text), well before a slot's
    /// 32-bit offsets could overflow.
    fn is_full(&self) -> bool {
        self.slots.len() > 500_000 || self.bytes.len() > 1 << 28
    }

    fn get(&self, word: &str) -> Option<(u32, u32)> {
        let hash = self.hasher.hash_one(word.as_bytes());
        self.slots
            .find(hash, |slot| word_at(&self.bytes, slot) == word.as_bytes())
            .map(|slot| slot.indexed)
    }

    /// Adds `word`, which [`Self::get`] did not find.
    fn insert(&mut self, word: &str, indexed: (u32, u32)) {
        // Hashed as bytes, as the table's growth rehashes them from `bytes`.
        let hash = self.hasher.hash_one(word.as_bytes());
        let slot = Slot {
            start: self.bytes.len() as u32,
            len: word.len() as u32,
            indexed,
        };
        self.bytes.extend_from_slice(word.as_bytes());
        let (bytes, hasher) = (&self.bytes, &self.hasher);
        self.slots
            .insert_unique(hash, slot, |slot| hasher.hash_one(word_at(bytes, slot)));
    }
}

fn word_at<'b>(bytes: &'b [u8], slot: &Slot) -> &'b [u8] {
    &bytes[slot.start as usize..(slot.start + slot.len) as usize]
}

/// Numbers words; shared by the threads working out the texts of one index.
pub(super) struct Vocabulary {
    /// Tells this vocabulary's entries in the threads' caches from another's.
    id: u64,
    splitter: Splitter,
    numbers: Mutex<Numbers>,
}

thread_local! {
    /// Per thread, the indexed words of each written word (text or metadata) seen, for one
    /// vocabulary at a time: articles share most of their words, and the shared table is
    /// then only locked for new ones.
    static SEEN: RefCell<Seen> = RefCell::new(Seen::default());
}

impl Vocabulary {
    pub(super) fn new(splitter: Splitter) -> Vocabulary {
        static IDS: AtomicU64 = AtomicU64::new(1);
        Vocabulary {
            id: IDS.fetch_add(1, Ordering::Relaxed),
            splitter,
            numbers: Mutex::new(Numbers::default()),
        }
    }

    /// Calls `work` with the calling thread's cache of this vocabulary's words, borrowed once
    /// for all the words of a page rather than once a word.
    pub(super) fn with_cache<R>(&self, work: impl FnOnce(&mut Cache<'_>) -> R) -> R {
        SEEN.with_borrow_mut(|seen| {
            if seen.vocabulary != self.id || seen.text.is_full() || seen.meta.is_full() {
                *seen = Seen {
                    vocabulary: self.id,
                    ..Seen::default()
                };
            }
            work(&mut Cache {
                vocabulary: self,
                seen,
            })
        })
    }

    /// The words numbered, by number, and each term's words, by term number.
    pub(super) fn into_words(self) -> (Vec<String>, Vec<TermWords>) {
        let numbers = self
            .numbers
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        (numbers.by_number, numbers.term_words)
    }
}

/// A vocabulary with one thread's cache of it (`Vocabulary::with_cache`).
pub(super) struct Cache<'a> {
    vocabulary: &'a Vocabulary,
    seen: &'a mut Seen,
}

impl Cache<'_> {
    /// Calls `found` with the words to index for `written`, a word of the text (or of
    /// metadata: `meta`).
    pub(super) fn indexed<R>(
        &mut self,
        written: &str,
        meta: bool,
        found: impl FnOnce(&[Indexed]) -> R,
    ) -> R {
        let seen = &mut *self.seen;
        let cache = if meta { &mut seen.meta } else { &mut seen.text };
        let (start, len) = if let Some(range) = cache.get(written) {
            range
        } else {
            let vocabulary = self.vocabulary;
            let place = if meta { Place::Meta } else { Place::Text };
            let mut terms = std::mem::take(&mut seen.terms);
            terms.clear();
            vocabulary.splitter.split(written, place, &mut terms);
            let start = seen.indexed.len() as u32;
            let mut numbers = vocabulary
                .numbers
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            seen.indexed.extend(terms.drain(..).map(|t| Indexed {
                is_compound_part: t.part,
                term: numbers.term(t),
            }));
            drop(numbers);
            seen.terms = terms;
            let range = (start, seen.indexed.len() as u32 - start);
            let cache = if meta { &mut seen.meta } else { &mut seen.text };
            cache.insert(written, range);
            range
        };
        found(&self.seen.indexed[start as usize..(start + len) as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_words_are_found_after_the_table_grows() {
        let mut written = Written::default();
        let words: Vec<String> = (0..5000).map(|n| format!("сөз{n}")).collect();
        for (n, word) in words.iter().enumerate() {
            assert_eq!(written.get(word), None);
            written.insert(word, (n as u32, 1));
        }
        assert_eq!(written.slots.len(), words.len());
        assert!(!written.is_full());
        for (n, word) in words.iter().enumerate() {
            assert_eq!(written.get(word), Some((n as u32, 1)), "{word}");
        }
        // A prefix or an extension of a word is another word.
        assert_eq!(written.get("сөз1"), Some((1, 1)));
        assert_eq!(written.get("сөз"), None);
        assert_eq!(written.get("сөз49999"), None);
    }
}
