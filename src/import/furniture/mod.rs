//! Page furniture: the menus, share buttons, counters, related-link blocks, legal lines and scraping
//! debris that a text copied from a news page carries around the article.
//!
//! The rule of the module is to be conservative. A line is dropped only when it matches a known
//! shape of furniture, in Kazakh, Tajik, Uzbek (both scripts), Russian or English. Shapes that could
//! also be article text (a menu word, a share verb, a network name) count only when the line does not
//! read as prose; a line of eight or more words ending in a period is never dropped, except for the
//! few kinds of furniture that are written as whole sentences (`boilerplate`: copyright and reuse
//! notices, cookie notices, "subscribe to our channel" calls, comment-form labels and "Read also:"
//! lines). Headlines, bullets, photo credits and datelines are left to the importer.
//!
//! The words of each kind of furniture are data: `[chrome]` of `data/languages/<code>.toml`, merged
//! over all languages (a Kazakh page may carry Russian menus).

mod blocks;
mod boilerplate;
mod counters;
mod debris;
mod menus;
mod share;

#[cfg(test)]
mod tests;

use serde::Serialize;

use crate::lexicon::{ChromeKind as Chrome, CreditKind, lexicon};
use blocks::{Block, BlockKind, block_header};
use boilerplate::boilerplate;
use counters::counter;
use debris::{is_bare_url, is_debris, is_hashtags};
use menus::{absorb_menu_neighbours, separated_menu, vocabulary_line};
pub use share::leading_chrome;

/// One line dropped as furniture.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removed {
    /// 1-based line number in the input.
    pub line: usize,
    /// The line as it was (without the line break).
    pub text: String,
    /// What kind of furniture it is, e.g. "share buttons", "menu", "view counter".
    pub reason: &'static str,
}

const MENU: &str = "menu";
const BREADCRUMB: &str = "breadcrumb";
const SHARE: &str = "share buttons";
const VIEWS: &str = "view counter";
const COMMENTS: &str = "comments widget";
const WIDGET: &str = "widget";
const DEBRIS: &str = "scraping debris";
const COPYRIGHT: &str = "copyright line";
const RELATED: &str = "related links";
const TAGS: &str = "tag list";
const COOKIE: &str = "cookie notice";
const SUBSCRIBE: &str = "subscription call";
const APPS: &str = "app store buttons";
const URL: &str = "bare URL";
const SYMBOLS: &str = "symbols only";

/// Splits the text into lines and drops furniture lines. Returns the kept lines as (1-based line
/// number, text) and what was removed. Kept lines are returned unchanged (only a trailing `\r` is
/// dropped); lines of only whitespace are kept as empty strings so paragraph breaks survive.
pub fn strip(text: &str) -> (Vec<(usize, String)>, Vec<Removed>) {
    let lines: Vec<Line> = text.lines().map(Line::new).collect();
    let n = lines.len();
    let mut reason: Vec<Option<&'static str>> = vec![None; n];

    // Rubric words ("Политика", "Саясат") are only furniture above or below the article: inside it
    // the same word on its own line may be a subheading.
    let first_prose = lines.iter().position(|l| l.prose && l.words >= 5);
    let last_prose = lines.iter().rposition(|l| l.prose && l.words >= 5);

    let mut block: Option<Block> = None;
    for (i, l) in lines.iter().enumerate() {
        if l.t.is_empty() {
            // A blank line closes a block once it has items, so a "Read also" list cannot run on
            // into the article's next paragraph.
            if block.as_ref().is_some_and(|b| b.items > 0) {
                block = None;
            }
            continue;
        }
        if let Some(b) = block.as_mut() {
            if b.accepts(l) {
                reason[i] = Some(b.kind.reason());
                b.items += 1;
                if b.items >= b.kind.max_items() {
                    block = None;
                }
                continue;
            }
            block = None;
        }
        let in_margin = first_prose.is_none_or(|f| i < f) || last_prose.is_none_or(|p| i > p);
        if let Some((r, opens)) = classify(l, in_margin) {
            reason[i] = Some(r);
            block = opens.map(|kind| Block { kind, items: 0 });
        }
    }
    absorb_menu_neighbours(&lines, &mut reason);

    let mut kept = Vec::with_capacity(n);
    let mut removed = Vec::new();
    for (i, (l, r)) in lines.iter().zip(reason).enumerate() {
        match r {
            Some(reason) => removed.push(Removed {
                line: i + 1,
                text: l.raw.to_string(),
                reason,
            }),
            None if l.t.is_empty() => kept.push((i + 1, String::new())),
            None => kept.push((i + 1, l.raw.to_string())),
        }
    }
    (kept, removed)
}

/// A line with what the rules look at computed once.
struct Line<'a> {
    /// The line without its line break.
    raw: &'a str,
    /// Trimmed of whitespace and of the invisible characters pages leave (BOM, zero-width space).
    t: &'a str,
    /// Lowercased, apostrophes unified, `ё` as `е`, trimmed of punctuation: what vocabularies match.
    key: String,
    /// Whitespace-separated tokens that contain a letter or digit.
    words: usize,
    /// Reads as a sentence: enough words and a sentence-final mark.
    prose: bool,
    /// Eight or more words ending in a period: only [`boilerplate()`] may drop it.
    protected: bool,
}

impl<'a> Line<'a> {
    fn new(raw: &'a str) -> Self {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let t = raw.trim_matches(is_blank_char);
        let words = t
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        Line {
            raw,
            t,
            key: key(t),
            words,
            prose: reads_as_prose(t, words),
            protected: words >= 8 && t.ends_with('.'),
        }
    }
}

fn is_blank_char(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

fn reads_as_prose(t: &str, words: usize) -> bool {
    let Some(last) = t.chars().last() else {
        return false;
    };
    // "Loading...", "Читать далее..." end in dots but are buttons, not sentences.
    if (t.ends_with("...") || t.ends_with('…')) && words <= 3 {
        return false;
    }
    let closing_after_stop = last == ')' && {
        let mut rev = t.chars().rev();
        rev.next();
        matches!(rev.next(), Some('.' | '!' | '?'))
    };
    match last {
        '.' | '!' | '?' | '…' => words >= 2,
        '»' | '”' | '"' | '“' | ';' => words >= 3,
        // A colon ends a sentence that introduces what follows ("…баррасӣ шуданд:"), but also a
        // label ("Поделиться:"), so it needs more words.
        ':' => words >= 4,
        _ => closing_after_stop && words >= 2,
    }
}

/// Normalised form of a line or phrase for vocabulary look-ups.
pub(crate) fn key(t: &str) -> String {
    let lower: String = t
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '‘' | '’' | '`' | 'ʻ' | 'ʼ' | '´' | 'ʹ' => '\'',
            'ё' => 'е',
            _ => c,
        })
        .collect();
    lower
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-')))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Tokens of a key, for rules that look at every word of a line.
fn tokens(key: &str) -> impl Iterator<Item = &str> {
    key.split(' ').filter(|w| !w.is_empty())
}

fn classify(l: &Line, in_margin: bool) -> Option<(&'static str, Option<BlockKind>)> {
    if is_bullet(l.t) || is_photo_credit(l) {
        return None;
    }
    if let Some(r) = boilerplate(l.t) {
        let opens = (r == COOKIE).then_some(BlockKind::Cookie);
        return Some((r, opens));
    }
    if l.protected {
        return None;
    }
    if !l.t.chars().any(char::is_alphanumeric) {
        return Some((SYMBOLS, None));
    }
    if is_debris(l) {
        return Some((DEBRIS, None));
    }
    if is_bare_url(l.t) {
        return Some((URL, None));
    }
    if is_hashtags(l.t) {
        return Some((TAGS, None));
    }
    if let Some(r) = counter(l) {
        return Some((r, None));
    }
    if let Some(found) = block_header(l) {
        return Some(found);
    }
    if l.prose {
        return None;
    }
    // From here on the shapes could be article words, so only non-sentences qualify.
    if l.words <= 12
        && (phrases(Chrome::AppStores).any(|a| l.key.contains(a))
            || in_list(&l.key, Chrome::AppCalls))
    {
        return Some((APPS, None));
    }
    if let Some(r) = separated_menu(l) {
        return Some((r, None));
    }
    if let Some(r) = vocabulary_line(l, in_margin) {
        return Some((r, None));
    }
    None
}

fn is_bullet(t: &str) -> bool {
    let mut chars = t.chars();
    matches!(
        chars.next(),
        Some('•' | '▪' | '●' | '◦' | '‣' | '-' | '–' | '—' | '*')
    ) && chars.any(char::is_alphanumeric)
}

fn is_photo_credit(l: &Line) -> bool {
    let lower = l.t.to_lowercase();
    lexicon()
        .credits(CreditKind::MediaLabels)
        .iter()
        .any(|label| {
            let Some(rest) = lower.strip_prefix(label) else {
                return false;
            };
            let rest_trim = rest.trim_start();
            if let Some(after) = rest_trim
                .strip_prefix(':')
                .or_else(|| rest_trim.strip_prefix('/'))
            {
                // "Фото:" alone is still a credit label; the credit may be on the next line.
                return after.trim().is_empty() || after.chars().any(char::is_alphanumeric);
            }
            // "Фото пресс-службы Акорды" is a credit, "Фото Видео" is a menu.
            rest.starts_with(char::is_whitespace)
                && !tokens(&key(rest))
                    .all(|w| in_list(w, Chrome::Nav) || in_list(w, Chrome::Rubrics))
        })
}

fn in_list(k: &str, kind: Chrome) -> bool {
    lexicon().chrome(kind).contains(k)
}

fn phrases(kind: Chrome) -> impl Iterator<Item = &'static str> {
    lexicon().chrome(kind).iter()
}
