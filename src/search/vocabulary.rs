//! Every distinct word of an index by number, and every term (a word in one written form)
//! too, so that pages hold numbers, not strings, and each written word is worked out
//! (Unicode classes, diacritics, compound parts) once.

use super::terms::{Place, Splitter, Term};
use hashbrown::HashMap;
use std::cell::RefCell;
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
    text: HashMap<String, (u32, u32)>,
    meta: HashMap<String, (u32, u32)>,
    indexed: Vec<Indexed>,
    /// Room for the terms of one word, reused.
    terms: Vec<Term>,
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
            if seen.vocabulary != self.id || seen.text.len() > 500_000 {
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
        let (start, len) = if let Some(&range) = cache.get(written) {
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
            cache.insert(written.to_string(), range);
            range
        };
        found(&self.seen.indexed[start as usize..(start + len) as usize])
    }
}
