//! How one word of a page (a run of text between spaces) becomes the terms the index lists
//! for it. Pagefind's search code in the browser splits and folds a query by the same rules,
//! so a term made any other way is never found: `docs/search-format.md` ("Words") sets the
//! rules out with examples, and `tests/search_parity.rs` holds this module to them.

use convert_case::{Case, Casing};
use pagefind_stem::{Algorithm, Stemmer};
use regex::Regex;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};
use unicode_segmentation::UnicodeSegmentation;

/// Characters a term keeps besides letters and digits: Unicode's connector punctuation. The
/// bundle's entry file lists them, for the browser to keep the same ones in a query.
pub(super) const KEPT_PUNCTUATION: [char; 10] =
    ['_', '‿', '⁀', '⁔', '︳', '︴', '﹍', '﹎', '﹏', '＿'];

/// The longest katakana suffix and dotted tail indexed, in characters.
const LONGEST_SUFFIX: usize = 16;
const LONGEST_TAIL: usize = 64;

/// The two Japanese voicing marks, the only combining marks a term keeps.
const VOICING_MARKS: [char; 2] = ['\u{3099}', '\u{309A}'];

/// The stemming of the languages the browser stems a query in (those it ships a stemmer
/// for); their index holds stems. Kazakh, Tajik and Uzbek are not among them.
fn algorithm(primary: &str) -> Option<Algorithm> {
    Some(match primary {
        "ar" => Algorithm::Arabic,
        "ca" => Algorithm::Catalan,
        "da" => Algorithm::Danish,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "en" => Algorithm::English,
        "eo" => Algorithm::Esperanto,
        "es" => Algorithm::Spanish,
        "et" => Algorithm::Estonian,
        "eu" => Algorithm::Basque,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "ga" => Algorithm::Irish,
        "hi" => Algorithm::Hindi,
        "hu" => Algorithm::Hungarian,
        "hy" => Algorithm::Armenian,
        "id" => Algorithm::Indonesian,
        "it" => Algorithm::Italian,
        "lt" => Algorithm::Lithuanian,
        "nb" | "nn" | "no" => Algorithm::Norwegian,
        "ne" => Algorithm::Nepali,
        "nl" => Algorithm::Dutch,
        "pl" => Algorithm::Polish,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "sr" => Algorithm::Serbian,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        "yi" => Algorithm::Yiddish,
        _ => return None,
    })
}

static EMOJI_PROPERTY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\p{Emoji}").expect("a valid pattern"));

/// One term for a word of the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Term {
    /// What a query is matched against: folded, without combining marks, stemmed.
    pub text: String,
    /// The word as written, when it had marks `text` lacks: the browser ranks a query
    /// typed with them higher on the pages that wrote them.
    pub written: Option<String>,
    /// A part of a longer word (`тәжікстан` of `Қазақстан-Тәжікстан`): the parts share the
    /// word's weight.
    pub part: bool,
}

/// Where a word stands: the text has dotted tails indexed, metadata does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    Text,
    Meta,
}

/// The rules of one index: its language's stemmer, if the browser stems it.
pub(super) struct Splitter {
    stemmer: Option<Stemmer>,
}

impl Splitter {
    pub(super) fn new(stemmer: Option<Stemmer>) -> Splitter {
        Splitter { stemmer }
    }

    /// Appends the terms of `word` to `out`: the whole word; a katakana word's suffixes; the
    /// parts of a compound (hyphens, punctuation, camelCase) and its emoji; in the text, the
    /// tails after its dots (`is_python_build` of `sysconfig.is_python_build`).
    pub(super) fn split(&self, word: &str, place: Place, out: &mut Vec<Term>) {
        let first = out.len();
        let folded = fold(word);
        if !folded.is_empty() {
            out.push(self.term(&folded, false));
        }
        for suffix in katakana_suffixes(word) {
            // Suffixes are matched as written: no stemming.
            let bare = without_marks(suffix);
            out.push(Term {
                text: bare.clone().unwrap_or_else(|| suffix.to_string()),
                written: bare.map(|_| suffix.to_string()),
                part: true,
            });
        }
        if may_be_compound(word) {
            let parts = case_parts(word);
            let several = parts.contains(' ');
            if !folded.is_empty() && (several || !folded.starts_with(&parts)) {
                for part in parts.split(' ').filter(|p| p.len() > 1) {
                    out.push(self.term(part, true));
                }
            }
            if EMOJI_PROPERTY.is_match(word) {
                out.extend(
                    word.graphemes(true)
                        .filter(|g| emojis::get(g).is_some())
                        .map(|g| Term {
                            text: g.to_string(),
                            written: None,
                            part: false,
                        }),
                );
            }
        }
        if place == Place::Text && word.contains('.') {
            self.dotted_tails(word, first, out);
        }
    }

    /// The tails of `word` after each of its dots that are compounds themselves, unless
    /// already among the word's terms (from `first` in `out`).
    fn dotted_tails(&self, word: &str, first: usize, out: &mut Vec<Term>) {
        for (dot, _) in word.match_indices('.') {
            let rest = &word[dot + 1..];
            let tail = rest
                .char_indices()
                .nth(LONGEST_TAIL)
                .map_or(rest, |(end, _)| &rest[..end]);
            if !may_be_compound(tail) {
                continue;
            }
            let folded = fold(tail);
            if folded.chars().nth(1).is_none() {
                continue;
            }
            let term = self.term(&folded, true);
            if !out[first..].iter().any(|t| t.text == term.text) {
                out.push(term);
            }
        }
    }

    /// The term for a folded word or part: marks taken off, then stemmed.
    fn term(&self, folded: &str, part: bool) -> Term {
        let bare = without_marks(folded);
        let base = bare.as_deref().unwrap_or(folded);
        let text = match &self.stemmer {
            Some(stemmer) => stemmer.stem(base).into_owned(),
            None => base.to_string(),
        };
        Term {
            text,
            written: bare.map(|_| folded.to_string()),
            part,
        }
    }
}

/// The stemmer for an index in `lang` (a BCP 47 tag), if the browser stems that language.
pub(super) fn stemmer(lang: &str) -> Option<Stemmer> {
    let primary = lang.split('-').next().unwrap_or_default();
    algorithm(primary).map(Stemmer::create)
}

/// The letters, digits and kept punctuation of `word`, capitals made small.
fn fold(word: &str) -> String {
    let mut folded = String::with_capacity(word.len());
    for c in word
        .chars()
        .filter(|&c| c.is_alphanumeric() || KEPT_PUNCTUATION.contains(&c))
    {
        if c.is_uppercase() {
            folded.extend(c.to_lowercase());
        } else {
            folded.push(c);
        }
    }
    folded
}

/// Whether `word` may join several words: it has a character other than a letter or digit,
/// or a capital after its first letter.
fn may_be_compound(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(head) = chars.next() else {
        return false;
    };
    !head.is_alphanumeric() || chars.any(|c| !c.is_alphanumeric() || c.is_uppercase())
}

/// The words `word` joins, small and separated by one space: ASCII punctuation is a break,
/// and so are the changes of case and between letters and digits that `convert_case` finds.
fn case_parts(word: &str) -> String {
    let spaced: String = word
        .chars()
        .map(|c| if c.is_ascii_punctuation() { ' ' } else { c })
        .collect();
    let lower = spaced.to_case(Case::Lower);
    let mut parts = String::with_capacity(lower.len());
    for part in lower.split_whitespace() {
        if !parts.is_empty() {
            parts.push(' ');
        }
        parts.push_str(part);
    }
    parts
}

/// `word` with its combining marks taken off (`ҳамкорӣ` → `ҳамкори`, `ё` → `е`), when that
/// changes it. Kazakh letters (`ә`, `қ`, `ү`…) are letters of their own: nothing comes off.
fn without_marks(word: &str) -> Option<String> {
    if word.is_ascii() || !word.chars().any(has_marks) {
        return None;
    }
    let mut voiced = false;
    let bare: String = word
        .nfd()
        .filter(|&c| {
            let voicing = VOICING_MARKS.contains(&c);
            voiced |= voicing;
            voicing || !is_combining_mark(c)
        })
        .collect();
    let bare = if voiced { bare.nfc().collect() } else { bare };
    (bare != word).then_some(bare)
}

/// Whether `c` is a mark or decomposes into a letter and marks.
fn has_marks(c: char) -> bool {
    if is_combining_mark(c) {
        return true;
    }
    let mut differs = false;
    decompose_canonical(c, |d| differs |= d != c);
    differs
}

fn is_katakana(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FA}' | '\u{30FC}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{FF66}'..='\u{FF9F}')
}

/// The suffixes of a katakana word of three or more characters, from its second character
/// on, each at most [`LONGEST_SUFFIX`] characters and at least two: Japanese writes
/// compounds unspaced, and a query for a part must find the whole.
fn katakana_suffixes(word: &str) -> Vec<&str> {
    if word.chars().nth(2).is_none() || !word.chars().all(is_katakana) {
        return Vec::new();
    }
    let mut suffixes: Vec<&str> = Vec::new();
    for (start, _) in word.char_indices().skip(1) {
        let rest = &word[start..];
        let suffix = rest
            .char_indices()
            .nth(LONGEST_SUFFIX)
            .map_or(rest, |(end, _)| &rest[..end]);
        if suffix.chars().nth(1).is_some() && !suffixes.contains(&suffix) {
            suffixes.push(suffix);
        }
    }
    suffixes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(word: &str) -> Vec<String> {
        let mut out = Vec::new();
        Splitter::new(None).split(word, Place::Text, &mut out);
        out.into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn punctuation_goes_and_compounds_give_their_parts() {
        assert_eq!(texts("Тәжікстан,"), ["тәжікстан"]);
        assert_eq!(
            texts("Қазақстан-Тәжікстан"),
            ["қазақстантәжікстан", "қазақстан", "тәжікстан"]
        );
        assert_eq!(texts("camelCase"), ["camelcase", "camel", "case"]);
    }

    #[test]
    fn marks_come_off_and_the_written_form_is_kept() {
        let mut out = Vec::new();
        Splitter::new(None).split("ҳамкорӣ", Place::Text, &mut out);
        assert_eq!(out[0].text, "ҳамкори");
        assert_eq!(out[0].written.as_deref(), Some("ҳамкорӣ"));
        // Kazakh ә, қ, ү are letters without a decomposition.
        assert_eq!(without_marks("әріптестік"), None);
        assert_eq!(without_marks("ёрӣ").as_deref(), Some("ери"));
    }

    #[test]
    fn dotted_tails_only_in_the_text() {
        let mut text = Vec::new();
        let mut meta = Vec::new();
        let splitter = Splitter::new(None);
        splitter.split("sysconfig.is_python_build", Place::Text, &mut text);
        splitter.split("sysconfig.is_python_build", Place::Meta, &mut meta);
        assert!(text.iter().any(|t| t.text == "is_python_build" && t.part));
        assert!(!meta.iter().any(|t| t.text == "is_python_build"));
    }

    #[test]
    fn emoji_are_terms_and_katakana_has_suffixes() {
        assert!(texts("дос🤝").contains(&"🤝".to_string()));
        let terms = texts("カザフスタン");
        assert!(terms.contains(&"スタン".to_string()), "{terms:?}");
    }

    #[test]
    fn stems_only_where_the_browser_stems() {
        assert!(stemmer("kk").is_none() && stemmer("tg").is_none() && stemmer("uz").is_none());
        let mut out = Vec::new();
        Splitter::new(stemmer("en")).split("Meetings", Place::Text, &mut out);
        assert_eq!(out[0].text, "meet");
    }
}
