//! The page's own date line: a date with its year, or a time, perhaps with a weekday, a time
//! zone and a section word.

use super::classify::{DateLine, Kind};
use super::word_count;
use crate::import::dates;
use crate::import::furniture::key;
use crate::lexicon::{ChromeKind, lexicon};

/// A line that only gives the page's date or time: a date with its year (or a time, or "today"),
/// perhaps a weekday, a time zone, a counter and up to three other words (a section name).
pub(super) fn date_line(t: &str) -> Option<Kind> {
    if word_count(t) > 12 {
        return None;
    }
    // `жаңалықтары21 тамыз 2024`: a word glued to the day.
    let spaced = unglue_digits(t);
    let found = dates::find_dates(&spaced);
    let full = found.iter().find(|f| f.date.year.is_some());
    let mut rest = spaced.clone();
    for f in found.iter().rev() {
        rest.replace_range(f.start..f.end, " ");
    }
    let lexicon = lexicon();
    let weekdays = lexicon.chrome(ChromeKind::Weekdays);
    let relative = lexicon.chrome(ChromeKind::RelativeDays);
    let mut time = false;
    let mut today = false;
    let mut others = 0;
    for token in rest.split_whitespace() {
        let bare = token.trim_matches(|c: char| {
            matches!(
                c,
                ',' | '.' | '|' | '•' | '(' | ')' | '/' | '-' | '–' | '—' | '·'
            )
        });
        if bare.is_empty() {
            continue;
        }
        let word = key(bare);
        if is_time(bare) {
            time = true;
        } else if relative.contains(&word) {
            today = true;
        } else if weekdays.contains(&word)
            || bare.bytes().all(|b| b.is_ascii_digit())
            || is_zone(bare)
            || is_year_word(&word)
        {
        } else {
            others += 1;
        }
    }
    if others > 3 {
        return None;
    }
    match full {
        Some(f) => Some(Kind::Date(DateLine {
            date: f.date,
            with_time: time,
        })),
        None if found.is_empty() && (time || today) && (others <= 2) => Some(Kind::Time),
        None => None,
    }
}

/// A word for "year" beside a year (`2025 г.`, `2025 жылғы`, `соли 2025`).
fn is_year_word(word: &str) -> bool {
    let dates = lexicon().dates();
    dates
        .year_words
        .iter()
        .chain(&dates.year_words_before)
        .any(|w| w == word)
}

fn unglue_digits(t: &str) -> String {
    let mut out = String::with_capacity(t.len() + 4);
    let mut prev: Option<char> = None;
    for c in t.chars() {
        if let Some(p) = prev
            && p.is_alphabetic()
            && c.is_ascii_digit()
        {
            out.push(' ');
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// `16:54`, `09:23:10`.
fn is_time(w: &str) -> bool {
    let parts: Vec<&str> = w.split(':').collect();
    (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
}

/// `Asia/Dushanbe`, `GMT+5`, `UTC`.
fn is_zone(w: &str) -> bool {
    let upper = w.to_ascii_uppercase();
    upper.starts_with("GMT")
        || upper.starts_with("UTC")
        || (w.contains('/')
            && w.split('/')
                .all(|p| p.chars().all(|c| c.is_ascii_alphabetic() || c == '_')))
}
