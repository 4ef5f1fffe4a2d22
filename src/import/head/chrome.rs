//! Shapes of page chrome above the article that need no vocabulary, or only a logo word: widgets'
//! numbers, tags, glued menus, logo lines; and photo credits, which are no chrome.

use super::word_count;
use crate::import::credits;
use crate::import::furniture::key;
use crate::lexicon::{ChromeKind, lexicon};

/// Shapes of page chrome no vocabulary is needed for: a widget's numbers (`27.9 C`, `$`,
/// `490.84`, `USD: 490.84`, `-15°`), a tag (`#Халық заңгері`), a glued menu
/// (`Басты жаңалықЖаңалықтар`), a logo line.
pub(super) fn is_chrome_shape(t: &str) -> bool {
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    let words = word_count(t);
    // Numbers with at most a unit or a currency code: weather and exchange-rate widgets.
    if letters <= 3 && t.chars().any(|c| c.is_ascii_digit() || "$€₽₸°".contains(c)) {
        return true;
    }
    if letters == 0 {
        return true;
    }
    if words <= 3
        && t.split_whitespace()
            .all(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).len() <= 3)
        && t.chars().any(|c| "$€₽₸°:".contains(c))
    {
        return true;
    }
    if t.starts_with('#') && t.chars().nth(1).is_some_and(char::is_alphabetic) && words <= 5 {
        return true;
    }
    (words <= 8 && has_logo_word(t)) || (words <= 4 && has_glued_words(t))
}

pub(super) fn has_clock(t: &str) -> bool {
    let chars: Vec<char> = t.chars().collect();
    chars.windows(4).enumerate().any(|(i, w)| {
        w[0].is_ascii_digit()
            && w[1] == ':'
            && w[2].is_ascii_digit()
            && w[3].is_ascii_digit()
            && chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
    })
}

pub(super) fn has_logo_word(t: &str) -> bool {
    let logos = lexicon().chrome(ChromeKind::Logos);
    key(t).split(' ').any(|w| logos.contains(w))
}

/// Two menu items copied without a space: a word whose lower-case run of four letters or more
/// is followed by a capital and four more letters (`жаңалықЖаңалықтар`). Names like
/// `ҚазАқпарат` have a shorter first part.
pub(super) fn has_glued_words(t: &str) -> bool {
    t.split_whitespace().any(|w| {
        let chars: Vec<char> = w.chars().collect();
        (1..chars.len()).any(|i| {
            chars[i].is_uppercase()
                && chars[i - 1].is_lowercase()
                && chars[..i]
                    .iter()
                    .rev()
                    .take_while(|c| c.is_lowercase())
                    .count()
                    >= 4
                && chars[i + 1..]
                    .iter()
                    .take_while(|c| c.is_lowercase())
                    .count()
                    >= 3
        })
    })
}

pub(super) fn is_credit(line: &str) -> bool {
    credits::photo_credit(line).is_some()
}
