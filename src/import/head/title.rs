//! The headline's shape: a line of a few words of the text's script, not a sentence, no chrome;
//! and its text without an outlet suffix or a badge.

use super::chrome::{has_clock, has_glued_words, has_logo_word};
use super::classify::{Script, is_cyrillic, strip_bullet};
use super::word_count;
use crate::import::furniture::key;
use crate::import::{credits, headline};
use crate::lexicon::{ChromeKind, lexicon};

/// The headline's text, its outlet suffix and a badge taken off.
pub(super) fn headline_text(line: &str) -> (String, Option<String>) {
    let t = strip_bullet(line.trim());
    let (text, outlet) = credits::split_outlet_suffix(t);
    (without_badge(&text), outlet)
}

/// A headline without a badge the site glued to its end (`… Новость дня`): the badge starts
/// with a capital after a word that does not end a phrase with it.
fn without_badge(text: &str) -> String {
    let lexicon = lexicon();
    let badges = lexicon.chrome(ChromeKind::Badges);
    let words: Vec<&str> = text.split_whitespace().collect();
    for n in (1..=3).rev() {
        if words.len() <= n + 2 {
            continue;
        }
        let tail = words[words.len() - n..].join(" ");
        let before = words[words.len() - n - 1].to_lowercase();
        if badges.contains(&key(&tail))
            && tail.chars().next().is_some_and(char::is_uppercase)
            && !lexicon.is_function_word(before.trim_matches(|c: char| !c.is_alphanumeric()), None)
        {
            return words[..words.len() - n]
                .join(" ")
                .trim_end_matches([' ', '|', '-', '–', '—', ':'])
                .to_string();
        }
    }
    text.to_string()
}

/// A headline: a line of three words or more, mostly letters of the text's script, not ending
/// like a sentence, with no clock, temperature, logo word or glued menu.
pub(super) fn reads_as_headline(t: &str, script: Script) -> bool {
    if !headline::is_headline(t) || word_count(t) < 3 || t.starts_with('#') {
        return false;
    }
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    let visible = t.chars().filter(|c| !c.is_whitespace()).count();
    if letters.len() < 12 || letters.len() * 10 < visible * 6 {
        return false;
    }
    let own = letters
        .iter()
        .filter(|&&c| match script {
            Script::Cyrillic => is_cyrillic(c),
            Script::Latin => c.is_ascii(),
        })
        .count();
    own * 10 >= letters.len() * 7
        && !has_clock(t)
        && !has_logo_word(t)
        && !has_glued_words(t)
        && !has_two_sentences(t)
}

/// A line of two sentences (`Портал «News-Asia». Новости Центральной Азии: …`) is a site's
/// tagline or a lead, never a headline, which is one. An initial (`К.К. Токаев`, `Е.Көшербаев`)
/// ends no sentence.
fn has_two_sentences(t: &str) -> bool {
    let chars: Vec<char> = t.chars().collect();
    (1..chars.len().saturating_sub(2)).any(|i| {
        matches!(chars[i], '.' | '!' | '?')
            && chars[i + 1] == ' '
            && chars[i + 2].is_uppercase()
            && {
                // The word before the mark: an initial is one letter.
                let word = chars[..i]
                    .iter()
                    .rev()
                    .take_while(|c| c.is_alphanumeric())
                    .count();
                word > 1 || !chars[i - 1].is_alphabetic()
            }
    })
}
