//! The words Pagefind indexes for a word of text, exactly as Pagefind 1.6 makes them
//! (`pagefind/src/fossick/splitting.rs`, MIT licence), so that the queries Pagefind's search
//! code makes in the browser find them: lowercased letters and digits, diacritics stripped
//! (the original form kept as a variant), parts of compound words (`Қазақстан-Тәжікстан`),
//! dotted tails, emoji, and the stem where Pagefind ships a stemmer for the language.
//!
//! Segmentation of unspaced scripts (Chinese, Japanese, Thai) is left out, as in the Pagefind
//! build dostyk uses (without its `extended` feature).

use convert_case::{Case, Casing};
use pagefind_stem::{Algorithm, Stemmer};
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

const MAX_KATAKANA_SUFFIX_CHARS: usize = 16;
const MAX_DOTTED_TAIL_CHARS: usize = 64;

/// Characters kept in words besides letters and digits (Unicode's connector punctuation):
/// Pagefind's default, also listed in the bundle's entry file for the search side.
pub const INCLUDE_CHARACTERS: [char; 10] = ['_', '‿', '⁀', '⁔', '︳', '︴', '﹍', '﹎', '﹏', '＿'];

static EMOJI: LazyLock<Regex> = LazyLock::new(|| Regex::new("\\p{Emoji}").expect("valid"));

/// One word to index for a word of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexableWord {
    /// The form looked up: normalised, without diacritics, stemmed.
    pub stemmed: String,
    /// A part of a compound word: it shares the word's weight with the other parts.
    pub is_compound_part: bool,
    /// The form before diacritics were stripped, when it differs.
    pub original: Option<String>,
}

/// The stemmer Pagefind uses for pages in `lang`, if any.
pub fn stemmer(lang: &str) -> Option<Stemmer> {
    let algorithm = match lang.split('-').next().unwrap_or_default() {
        "ar" => Algorithm::Arabic,
        "hy" => Algorithm::Armenian,
        "eu" => Algorithm::Basque,
        "ca" => Algorithm::Catalan,
        "da" => Algorithm::Danish,
        "nl" => Algorithm::Dutch,
        "en" => Algorithm::English,
        "eo" => Algorithm::Esperanto,
        "et" => Algorithm::Estonian,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "hi" => Algorithm::Hindi,
        "hu" => Algorithm::Hungarian,
        "id" => Algorithm::Indonesian,
        "ga" => Algorithm::Irish,
        "it" => Algorithm::Italian,
        "lt" => Algorithm::Lithuanian,
        "nb" | "nn" | "no" => Algorithm::Norwegian,
        "ne" => Algorithm::Nepali,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "sr" => Algorithm::Serbian,
        "pl" => Algorithm::Polish,
        "es" => Algorithm::Spanish,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        "yi" => Algorithm::Yiddish,
        _ => return None,
    };
    Some(Stemmer::create(algorithm))
}

/// Every word to index for `raw_word` of a page's text (Pagefind's `get_indexable_words`
/// followed by `get_dotted_tails`).
pub fn indexable_words(raw_word: &str, stemmer: Option<&Stemmer>) -> Vec<IndexableWord> {
    let mut words = meta_indexable_words(raw_word, stemmer);
    let tails = dotted_tails(raw_word, stemmer, &words);
    words.extend(tails);
    words
}

/// The words to index for a word of a metadata field (no dotted tails there).
pub fn meta_indexable_words(raw_word: &str, stemmer: Option<&Stemmer>) -> Vec<IndexableWord> {
    let mut results = Vec::new();
    let normalized_word = normalize_word(raw_word);
    if !normalized_word.is_empty() {
        results.push(stem_word(&normalized_word, stemmer, false));
    }
    for suffix in katakana_suffixes(raw_word) {
        let stripped = normalize_diacritics(suffix);
        results.push(IndexableWord {
            stemmed: stripped.clone().unwrap_or_else(|| suffix.to_string()),
            original: stripped.map(|_| suffix.to_string()),
            is_compound_part: true,
        });
    }
    let possibly_compound = raw_word.chars().any(|c| !c.is_alphanumeric())
        || raw_word.chars().skip(1).any(|c| c.is_uppercase());
    if !possibly_compound {
        return results;
    }
    let (word_parts, extras) = discrete_words(raw_word);
    if !normalized_word.is_empty()
        && (word_parts.contains(char::is_whitespace) || !normalized_word.starts_with(&word_parts))
    {
        for part in word_parts.split_whitespace().filter(|w| w.len() > 1) {
            let stripped = normalize_diacritics(part);
            let stemmed = match stemmer {
                Some(stemmer) => stemmer
                    .stem(stripped.as_deref().unwrap_or(part))
                    .into_owned(),
                None => stripped.clone().unwrap_or_else(|| part.to_string()),
            };
            results.push(IndexableWord {
                stemmed,
                original: stripped.map(|_| part.to_string()),
                is_compound_part: true,
            });
        }
    }
    for extra in extras.into_iter().flatten() {
        results.push(IndexableWord {
            stemmed: extra,
            original: None,
            is_compound_part: false,
        });
    }
    results
}

/// The compound tails of a dotted word, so that `is_python_build` in
/// `sysconfig.is_python_build` is found without decomposing it entirely.
fn dotted_tails(
    raw_word: &str,
    stemmer: Option<&Stemmer>,
    existing: &[IndexableWord],
) -> Vec<IndexableWord> {
    let mut tails = Vec::new();
    if !raw_word.contains('.') {
        return tails;
    }
    let seen: HashSet<&str> = existing.iter().map(|w| w.stemmed.as_str()).collect();
    let mut seen_tails: HashSet<String> = HashSet::new();
    for (i, _) in raw_word.match_indices('.') {
        let rest = &raw_word[i + 1..];
        let tail = match rest.char_indices().nth(MAX_DOTTED_TAIL_CHARS) {
            Some((end, _)) => &rest[..end],
            None => rest,
        };
        let tail_is_compound = tail.chars().any(|c| !c.is_alphanumeric())
            || tail.chars().skip(1).any(|c| c.is_uppercase());
        if !tail_is_compound {
            continue;
        }
        let normalized = normalize_word(tail);
        if normalized.chars().count() < 2 {
            continue;
        }
        let word = stem_word(&normalized, stemmer, true);
        if !seen.contains(word.stemmed.as_str()) && seen_tails.insert(word.stemmed.clone()) {
            tails.push(word);
        }
    }
    tails
}

/// Letters, digits and the included characters of a word, lowercased.
fn normalize_word(raw_word: &str) -> String {
    let mut normalized = String::with_capacity(raw_word.len());
    for mut c in raw_word.chars() {
        if c.is_alphanumeric() || INCLUDE_CHARACTERS.contains(&c) {
            c.make_ascii_lowercase();
            if c.is_uppercase() {
                normalized.extend(c.to_lowercase());
            } else {
                normalized.push(c);
            }
        }
    }
    normalized
}

fn stem_word(normalized: &str, stemmer: Option<&Stemmer>, is_compound_part: bool) -> IndexableWord {
    let stripped = normalize_diacritics(normalized);
    let stemmed = match stemmer {
        Some(stemmer) => stemmer
            .stem(stripped.as_deref().unwrap_or(normalized))
            .into_owned(),
        None => stripped.clone().unwrap_or_else(|| normalized.to_string()),
    };
    IndexableWord {
        stemmed,
        original: stripped.map(|_| normalized.to_string()),
        is_compound_part,
    }
}

fn is_katakana(c: char) -> bool {
    matches!(c as u32, 0x30A1..=0x30FA | 0x30FC..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F)
}

/// Every suffix of a katakana word, which Pagefind indexes so that substrings are found.
fn katakana_suffixes(word: &str) -> Vec<&str> {
    if word.chars().count() < 3 || !word.chars().all(is_katakana) {
        return Vec::new();
    }
    let mut seen = HashSet::new();
    let mut suffixes = Vec::new();
    for (i, _) in word.char_indices().skip(1) {
        let rest = &word[i..];
        let suffix = match rest.char_indices().nth(MAX_KATAKANA_SUFFIX_CHARS) {
            Some((end, _)) => &rest[..end],
            None => rest,
        };
        if suffix.chars().count() >= 2 && seen.insert(suffix) {
            suffixes.push(suffix);
        }
    }
    suffixes
}

/// The word without its combining marks (`ӣ` → `и`, `ё` → `е`), when that differs.
fn normalize_diacritics(word: &str) -> Option<String> {
    if word.is_ascii() || !has_decomposition(word) {
        return None;
    }
    let stripped: String = word
        .nfd()
        .filter(|c| {
            !unicode_normalization::char::is_combining_mark(*c)
                || matches!(*c, '\u{3099}' | '\u{309A}')
        })
        .collect();
    let normalized = if stripped
        .chars()
        .any(|c| matches!(c, '\u{3099}' | '\u{309A}'))
    {
        stripped.nfc().collect::<String>()
    } else {
        stripped
    };
    (normalized != word).then_some(normalized)
}

fn has_decomposition(word: &str) -> bool {
    word.chars().any(|c| {
        unicode_normalization::char::is_combining_mark(c) || {
            let mut decomposes = false;
            unicode_normalization::char::decompose_canonical(c, |part| {
                decomposes = decomposes || part != c;
            });
            decomposes
        }
    })
}

/// The parts of a compound word, lowercased and space separated, and its emoji.
fn discrete_words(s: &str) -> (String, Option<Vec<String>>) {
    let words = s
        .replace(|c: char| c.is_ascii_punctuation(), " ")
        .to_case(Case::Lower)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let extras = EMOJI.is_match(s).then(|| {
        s.graphemes(true)
            .filter(|g| emojis::get(g).is_some())
            .map(str::to_string)
            .collect()
    });
    (words, extras)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(word: &str) -> Vec<String> {
        indexable_words(word, None)
            .into_iter()
            .map(|w| w.stemmed)
            .collect()
    }

    #[test]
    fn cyrillic_words_are_lowercased_and_stripped_of_punctuation() {
        assert_eq!(stems("Тәжікстан,"), ["тәжікстан"]);
        assert_eq!(
            stems("Қазақстан-Тәжікстан"),
            ["қазақстантәжікстан", "қазақстан", "тәжікстан"]
        );
    }

    #[test]
    fn diacritics_are_stripped_and_the_original_kept() {
        // Tajik ӣ is и with a macron: found by a query typed without it.
        let words = indexable_words("ҳамкорӣ", None);
        assert_eq!(words[0].stemmed, "ҳамкори");
        assert_eq!(words[0].original.as_deref(), Some("ҳамкорӣ"));
        // Kazakh ә, қ, ү have no decomposition: kept as they are.
        assert_eq!(indexable_words("әріптестік", None)[0].original, None);
    }

    #[test]
    fn stems_where_pagefind_has_a_stemmer() {
        assert!(stemmer("kk").is_none() && stemmer("tg").is_none());
        let stemmer = stemmer("en").unwrap();
        assert_eq!(
            indexable_words("Meetings", Some(&stemmer))[0].stemmed,
            "meet"
        );
    }
}
