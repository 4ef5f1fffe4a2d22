//! What each line above the article is: the page's date or time, a headline, chrome, or unknown.

use super::chrome::is_chrome_shape;
use super::page_date::date_line;
use super::title::reads_as_headline;
use super::word_count;
use crate::import::dates::PartialDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Script {
    Cyrillic,
    Latin,
}

/// The script most of the text's letters are in.
pub(super) fn text_script(lines: &[(usize, String)]) -> Script {
    let (mut cyrillic, mut latin) = (0usize, 0usize);
    for (_, l) in lines {
        for c in l.chars() {
            if is_cyrillic(c) {
                cyrillic += 1;
            } else if c.is_alphabetic() && c.is_ascii() {
                latin += 1;
            }
        }
    }
    if latin > cyrillic {
        Script::Latin
    } else {
        Script::Cyrillic
    }
}

pub(super) fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{052F}')
}

/// A date line found, for [`super::PageDate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct DateLine {
    pub(super) date: PartialDate,
    pub(super) with_time: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Kind {
    /// The page's date: a date with its year, perhaps a time, a weekday, a section word.
    Date(DateLine),
    /// A time or "today, 16:37" without a date.
    Time,
    /// Reads as a headline.
    Headline,
    /// A known shape of chrome: a widget's number, a menu word, a logo line, a tag.
    Chrome,
    /// None of these.
    Unknown,
}

pub(super) fn classify(line: &str, script: Script) -> Kind {
    let t = strip_bullet(line.trim());
    if t.is_empty() {
        return Kind::Unknown;
    }
    if let Some(kind) = date_line(t) {
        return kind;
    }
    if is_chrome_shape(t) {
        return Kind::Chrome;
    }
    if reads_as_headline(t, script) {
        return Kind::Headline;
    }
    // A line of one or two words with no sentence in it, above the article: a menu item, a city
    // of a weather widget, a section name.
    if word_count(t) <= 2 && !t.ends_with(['.', '!', '?']) {
        return Kind::Chrome;
    }
    Kind::Unknown
}

/// The line without a list bullet before it (`• Кумакҳои …` in a breadcrumb).
pub(super) fn strip_bullet(t: &str) -> &str {
    t.trim_start_matches(['•', '▪', '●', '◦', '‣', '·'])
        .trim_start()
}
