//! Every distinct word of an index by number, so that pages hold numbers, not strings, and
//! each written word is worked out (Unicode classes, diacritics, compound parts) once.

use super::terms::{Place, Splitter, Term};
use hashbrown::HashMap;
use std::cell::RefCell;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// A word to index for a written word, by number.
#[derive(Clone, Copy, Debug)]
pub(super) struct Indexed {
    pub(super) word: u32,
    /// The written form when it has diacritics the indexed form lacks.
    pub(super) form: Option<u32>,
    pub(super) is_compound_part: bool,
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
    words: Mutex<(HashMap<String, u32>, Vec<String>)>,
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
            words: Mutex::new((HashMap::new(), Vec::new())),
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

    fn number(&self, word: String) -> u32 {
        let mut guard = self
            .words
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let (numbers, words) = &mut *guard;
        if let Some(&n) = numbers.get(&word) {
            return n;
        }
        let n = words.len() as u32;
        words.push(word.clone());
        numbers.insert(word, n);
        n
    }

    /// The words numbered, by number.
    pub(super) fn into_words(self) -> Vec<String> {
        self.words
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .1
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
            seen.indexed.extend(terms.drain(..).map(|t| Indexed {
                word: vocabulary.number(t.text),
                form: t.written.map(|f| vocabulary.number(f)),
                is_compound_part: t.part,
            }));
            seen.terms = terms;
            let range = (start, seen.indexed.len() as u32 - start);
            let cache = if meta { &mut seen.meta } else { &mut seen.text };
            cache.insert(written.to_string(), range);
            range
        };
        found(&self.seen.indexed[start as usize..(start + len) as usize])
    }
}
