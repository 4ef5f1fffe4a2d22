//! The same text imported twice: word shingles, so that an edited copy still compares equal.

use crate::lexicon::matching::{fold, words};
use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};

/// Shingles of five words: a typo changes five of them, a new title a few more, a different
/// text about the same event nearly all.
pub(super) const SHINGLE: usize = 5;

/// A normalised fingerprint of a text: the set of its word 5-shingles (words folded), and the
/// same without its first line (the title, which editors change).
#[derive(Debug, Clone)]
pub struct Fingerprint {
    whole: HashSet<u64>,
    rest: HashSet<u64>,
}

impl Fingerprint {
    /// The fingerprint of `text`, whose first line is taken for its title.
    pub fn new(text: &str) -> Fingerprint {
        let rest = text
            .trim_start()
            .split_once('\n')
            .map_or("", |(_, rest)| rest);
        Fingerprint {
            whole: shingles(text),
            rest: shingles(rest),
        }
    }

    /// 0..=1; at least 0.9 means the same text. The best of comparing whole texts, texts
    /// without their first lines, and one against the other without its first line (a text
    /// imported with a title it lacked). Per pair, the share of the smaller set found in the
    /// larger, so debris one copy kept (a repeated headline, a credit line) does not count
    /// against it; but scaled down when one is less than half the other, so an excerpt is not
    /// taken for the whole.
    pub fn similarity(&self, other: &Fingerprint) -> f32 {
        [
            (&self.whole, &other.whole),
            (&self.rest, &other.rest),
            (&self.whole, &other.rest),
            (&self.rest, &other.whole),
        ]
        .into_iter()
        .map(|(a, b)| overlap(a, b))
        .fold(0.0, f32::max)
    }
}

fn shingles(text: &str) -> HashSet<u64> {
    let folded: Vec<String> = words(text).iter().map(|w| fold(w.text)).collect();
    let hash = |window: &[String]| {
        let mut h = DefaultHasher::new();
        window.hash(&mut h);
        h.finish()
    };
    if folded.len() < SHINGLE {
        return if folded.is_empty() {
            HashSet::new()
        } else {
            HashSet::from([hash(&folded)])
        };
    }
    folded.windows(SHINGLE).map(hash).collect()
}

fn overlap(a: &HashSet<u64>, b: &HashSet<u64>) -> f32 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if small.is_empty() {
        return 0.0;
    }
    let common = small.intersection(large).count() as f32;
    let contained = common / small.len() as f32;
    let proportion = (2.0 * small.len() as f32 / large.len() as f32).min(1.0);
    contained * proportion
}

/// How alike two texts are, 0..=1; at least 0.9 means the same text (see
/// [`Fingerprint::similarity`]). An empty text is like nothing: it must never be skipped as a
/// duplicate. To compare one text with many, build its [`Fingerprint`] once.
pub fn same_text(a: &str, b: &str) -> f32 {
    Fingerprint::new(a).similarity(&Fingerprint::new(b))
}
