//! Every distinct word of an index by number, so that pages hold numbers, not strings, and
//! each written word is worked out (Unicode classes, diacritics, compound parts) once.

use super::words::{indexable_words, meta_indexable_words};
use hashbrown::HashMap;
use pagefind_stem::Stemmer;
use std::cell::RefCell;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// A word to index for a written word, by number.
#[derive(Clone, Copy, Debug)]
pub struct Indexed {
    pub word: u32,
    /// The written form when it has diacritics the indexed form lacks.
    pub form: Option<u32>,
    pub is_compound_part: bool,
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
}

/// Numbers words; shared by the threads working out the texts of one index.
pub struct Vocabulary {
    /// Tells this vocabulary's entries in the threads' caches from another's.
    id: u64,
    stemmer: Option<Stemmer>,
    words: Mutex<(HashMap<String, u32>, Vec<String>)>,
}

thread_local! {
    /// Per thread, the indexed words of each written word (text or metadata) seen, for one
    /// vocabulary at a time: articles share most of their words, and the shared table is
    /// then only locked for new ones.
    static SEEN: RefCell<Seen> = RefCell::new(Seen::default());
}

impl Vocabulary {
    pub fn new(stemmer: Option<Stemmer>) -> Vocabulary {
        static IDS: AtomicU64 = AtomicU64::new(1);
        Vocabulary {
            id: IDS.fetch_add(1, Ordering::Relaxed),
            stemmer,
            words: Mutex::new((HashMap::new(), Vec::new())),
        }
    }

    /// Calls `found` with the words to index for `written`, a word of the text (or of
    /// metadata: `meta`).
    pub fn indexed<R>(&self, written: &str, meta: bool, found: impl FnOnce(&[Indexed]) -> R) -> R {
        SEEN.with_borrow_mut(|seen| {
            if seen.vocabulary != self.id || seen.text.len() > 500_000 {
                *seen = Seen {
                    vocabulary: self.id,
                    ..Seen::default()
                };
            }
            let cache = if meta { &mut seen.meta } else { &mut seen.text };
            let (start, len) = match cache.get(written) {
                Some(&range) => range,
                None => {
                    let words = if meta {
                        meta_indexable_words(written, self.stemmer.as_ref())
                    } else {
                        indexable_words(written, self.stemmer.as_ref())
                    };
                    let start = seen.indexed.len() as u32;
                    seen.indexed.extend(words.into_iter().map(|w| Indexed {
                        word: self.number(w.stemmed),
                        form: w.original.map(|f| self.number(f)),
                        is_compound_part: w.is_compound_part,
                    }));
                    let range = (start, seen.indexed.len() as u32 - start);
                    cache.insert(written.to_string(), range);
                    range
                }
            };
            found(&seen.indexed[start as usize..(start + len) as usize])
        })
    }

    fn number(&self, word: String) -> u32 {
        let mut guard = self.words.lock().unwrap_or_else(|e| e.into_inner());
        let (numbers, words) = &mut *guard;
        if let Some(&n) = numbers.get(&word) {
            return n;
        }
        let n = words.len() as u32;
        words.push(word.clone());
        numbers.insert(word, n);
        n
    }

    /// The words numbered so far, by number.
    pub fn words(&self) -> Vec<String> {
        self.words
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .1
            .clone()
    }
}
