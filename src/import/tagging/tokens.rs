//! The title and body as matching units: words split at hyphens and folded, each with its place.

use super::places::{Place, body_places};
use crate::lexicon::matching::{Word, fold, is_hyphen, words};
use crate::load::taxonomy::Term;
use std::collections::BTreeMap;

/// One hyphen-separated part of a word, folded, with the word it belongs to.
struct Token {
    folded: String,
    /// Index into `Tokens::words`.
    word: usize,
    /// May a stem of several words run from the previous token into this one? Yes within a
    /// hyphenated word and across plain spaces; not across punctuation or a paragraph break.
    joined: bool,
}

/// The title and body as matching units.
pub(super) struct Tokens<'a> {
    /// Every word with the text (title or body) it is a slice of, and its place.
    pub(super) words: Vec<(Word<'a>, &'a str, Place)>,
    tokens: Vec<Token>,
    pub(super) word_count: usize,
}

impl<'a> Tokens<'a> {
    pub(super) fn new(title: &'a str, body: &'a str) -> Tokens<'a> {
        let mut words_out = Vec::new();
        for w in words(title) {
            words_out.push((w, title, Place::Title));
        }
        let places = body_places(body);
        for w in words(body) {
            let place = places
                .iter()
                .find(|(range, _)| range.contains(&w.start))
                .map_or(Place::Body, |&(_, p)| p);
            words_out.push((w, body, place));
        }
        let mut tokens = Vec::new();
        for (i, (w, source, _)) in words_out.iter().enumerate() {
            let joined_to_previous = i > 0 && {
                let (prev, prev_source, _) = &words_out[i - 1];
                std::ptr::eq(*prev_source, *source) && plain_gap(&source[prev.end..w.start])
            };
            for (j, part) in w.text.split(is_hyphen).enumerate() {
                let folded = fold(part);
                if folded.is_empty() {
                    continue;
                }
                tokens.push(Token {
                    folded,
                    word: i,
                    joined: if j == 0 { joined_to_previous } else { true },
                });
            }
        }
        let word_count = words_out.len();
        Tokens {
            words: words_out,
            tokens,
            word_count,
        }
    }

    /// Every match of `term` in the text: (first word, last word, weight of the stem's language).
    pub(super) fn matches(&self, term: &Term, lang: Option<&str>) -> Vec<(usize, usize, f32)> {
        // Words inside an excepted phrase (of any language) are no mention.
        let excepted: Vec<(usize, usize)> = term
            .except
            .values()
            .flatten()
            .map(|phrase| stem_parts(phrase))
            .filter(|parts| !parts.is_empty())
            .flat_map(|parts| {
                (0..self.tokens.len()).filter_map(move |start| {
                    self.match_at(start, &parts)
                        .map(|end| (self.tokens[start].word, self.tokens[end].word))
                })
            })
            .collect();
        let mut stems: Vec<(Vec<String>, f32)> = Vec::new();
        for (stem_lang, list) in &term.words {
            let own = lang.is_none_or(|l| l == stem_lang);
            for stem in list {
                let parts = stem_parts(stem);
                if parts.is_empty() {
                    continue;
                }
                if own {
                    stems.push((parts, 1.0));
                } else if parts.iter().map(|p| p.chars().count()).sum::<usize>() >= 5 {
                    stems.push((parts, 0.5));
                }
            }
        }
        let mut found: BTreeMap<(usize, usize), f32> = BTreeMap::new();
        for start in 0..self.tokens.len() {
            for (parts, weight) in &stems {
                let Some(end) = self.match_at(start, parts) else {
                    continue;
                };
                let key = (self.tokens[start].word, self.tokens[end].word);
                if excepted.iter().any(|&(a, b)| key.0 <= b && a <= key.1) {
                    continue;
                }
                let best = found.entry(key).or_insert(0.0);
                *best = best.max(*weight);
            }
        }
        found.into_iter().map(|((a, b), w)| (a, b, w)).collect()
    }

    /// The last token of `parts` matched from token `start` on, if they all match.
    fn match_at(&self, start: usize, parts: &[String]) -> Option<usize> {
        for (k, part) in parts.iter().enumerate() {
            let token = self.tokens.get(start + k)?;
            if (k > 0 && !token.joined) || !token.folded.starts_with(part.as_str()) {
                return None;
            }
        }
        Some(start + parts.len() - 1)
    }

    /// The sentence of each word: a new one after `.`, `!`, `?` or a line break, and in
    /// another part of the text (title, body).
    pub(super) fn sentences(&self) -> Vec<usize> {
        let mut out = Vec::with_capacity(self.words.len());
        let mut current = 0;
        for i in 0..self.words.len() {
            if i > 0 {
                let (prev, source_prev, _) = &self.words[i - 1];
                let (word, source, _) = &self.words[i];
                let broken = !std::ptr::eq(*source_prev, *source)
                    || source
                        .get(prev.end..word.start)
                        .is_none_or(|gap| gap.contains(['.', '!', '?', '\n']));
                if broken {
                    current += 1;
                }
            }
            out.push(current);
        }
        out
    }

    /// Are words `a` and `b` (a ≤ b) in one phrase: same text, no sentence end or line break
    /// between them? Commas may be: `молиявию, бонкӣ` is still one mention.
    pub(super) fn same_phrase(&self, a: usize, b: usize) -> bool {
        let (wa, source_a, _) = &self.words[a];
        let (wb, source_b, _) = &self.words[b];
        if b <= a {
            return true;
        }
        std::ptr::eq(*source_a, *source_b)
            && source_a
                .get(wa.end..wb.start)
                .is_some_and(|gap| !gap.contains(['.', '!', '?', ';', '\n']))
    }

    pub(super) fn written(&self, first: usize, last: usize) -> String {
        let (a, source, _) = &self.words[first];
        let (b, _, _) = &self.words[last];
        let span = source.get(a.start..b.end.max(a.end)).unwrap_or(a.text);
        span.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// A stem's words, folded: `ауыл шаруашылығ`, `су-энергетика` are two each.
fn stem_parts(stem: &str) -> Vec<String> {
    stem.split(|c: char| c.is_whitespace() || is_hyphen(c))
        .filter(|p| !p.is_empty())
        .map(fold)
        .collect()
}

/// Only spaces (and at most one line break, for hard-wrapped texts) between two words.
fn plain_gap(gap: &str) -> bool {
    gap.chars().all(char::is_whitespace) && gap.matches('\n').count() <= 1
}
