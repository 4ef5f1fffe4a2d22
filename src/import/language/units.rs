//! The letter units of each script, and a sample of a text: its units and words, counted.

use std::collections::BTreeMap;

use super::tokens::{Token, is_apostrophe, script_of};
use super::{Script, lexicon};

/// The letter units of a script, over which the profiles' rates are given: facts of the scripts,
/// not of one language (`data/scripts.toml`).
pub(super) fn universe(script: Script) -> &'static [String] {
    lexicon().letter_units(script)
}

/// Key for letters outside every candidate's alphabet.
pub(super) const OTHER: &str = "other";

/// Letter units and function-word counts of the tokens of one script.
pub(super) struct Sample {
    pub(super) units: BTreeMap<&'static str, usize>,
    /// Every word of the script, by its normalised form.
    pub(super) word_counts: BTreeMap<String, usize>,
    pub(super) letters: usize,
    pub(super) words: usize,
}

impl Sample {
    pub(super) fn of(tokens: &[Token], script: Script) -> Self {
        let mut s = Sample {
            units: BTreeMap::new(),
            word_counts: BTreeMap::new(),
            letters: 0,
            words: 0,
        };
        for t in tokens.iter().filter(|t| t.script == script) {
            for u in units(&t.text, script) {
                *s.units.entry(u).or_default() += 1;
                s.letters += 1;
            }
            *s.word_counts.entry(t.text.clone()).or_default() += 1;
            s.words += 1;
        }
        s
    }
}

/// The letter units of a normalised word: letters, and for Latin the digraphs `oʻ gʻ sh ch th`,
/// which stand for single sounds in Uzbek and (th) in English.
fn units(word: &str, script: Script) -> Vec<&'static str> {
    let universe = universe(script);
    let find = |s: &str| universe.iter().map(String::as_str).find(|u| *u == s);
    let chars: Vec<char> = word.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if script == Script::Latin
            && let Some(&next) = chars.get(i + 1)
        {
            let pair: String = [c, next].iter().collect();
            if let Some(u) = find(&pair) {
                out.push(u);
                i += 2;
                continue;
            }
        }
        if c.is_alphabetic() && !is_apostrophe(c) && script_of(c) == Some(script) {
            let mut buf = [0u8; 4];
            out.push(find(c.encode_utf8(&mut buf)).unwrap_or(OTHER));
        }
        i += 1;
    }
    out
}
