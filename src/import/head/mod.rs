//! The top of a copied page: what stands above the article (the site's header and widgets, the
//! page's own date, the headline) and where the article begins.
//!
//! A copied page opens with whatever the site put above its article: a weather widget
//! (`27.9 C`, then `Dushanbe`), exchange rates, a language menu one word a line, a logo line, a
//! section word, the page's date and time (`16:54 22/08/2024`, `среда, 18 февраля 2026`). The
//! headline is the first line that reads as one: a few words of the text's script, mostly
//! letters, with no clock, temperature or menu shape. Everything above it is dropped and listed;
//! the page's date is kept as evidence of the publication date. A page without a headline opens
//! with its lead, and then nothing above the lead is taken for a title.

mod chrome;
mod classify;
mod page_date;
mod title;

#[cfg(test)]
mod tests;

use super::dates::{self, PartialDate};
use super::furniture::Removed;
use super::headline;
use super::page_url::PageUrl;
use super::pipeline::Sureness;
use chrome::is_credit;
use classify::{Kind, classify, strip_bullet, text_script};
use title::headline_text;

/// What the top of the page holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    /// The headline, taken out of the lines; `None` when the page opens with its lead.
    pub headline: Option<Headline>,
    /// The dates the page shows of itself, the one nearest the headline first.
    pub page_dates: Vec<PageDate>,
    /// Lines dropped as the page's chrome, with why.
    pub removed: Vec<Removed>,
    /// The lines left, in order: the article from its first line (the headline taken out).
    pub lines: Vec<(usize, String)>,
}

/// The headline found, and how sure that is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Headline {
    /// Without an outlet suffix or a badge.
    pub text: String,
    /// The outlet named after a dash (`… – ИА Караван Инфо`), if any.
    pub outlet: Option<String>,
    /// `Check` when the page's address names another title; else `Likely` when another line of
    /// the top might be the headline and the address does not confirm this one; else `Certain`.
    pub sure: Sureness,
    /// Why this line was taken, and any doubt about it, for the report.
    pub how: String,
}

/// A date line of the page (`Август 20, 2024 09:23`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageDate {
    /// The date the line gives, with or without a year.
    pub date: PartialDate,
    /// 1-based line number in the input.
    pub line: usize,
    /// The line as written.
    pub text: String,
    /// Whether the line also gives a time: a page's own date, not a date in a widget.
    pub with_time: bool,
}

const ABOVE: &str = "page chrome above the headline";
const BEFORE_LEAD: &str = "page chrome above the article";
const BESIDE: &str = "page chrome beside the headline";
const PAGE_DATE: &str = "the page's date";
const REPEAT: &str = "repeated headline";

/// Reads the top of the page from `lines` (the text's lines after furniture was stripped, as
/// (1-based line number, text)).
pub fn read(lines: Vec<(usize, String)>, url: Option<&PageUrl>) -> Head {
    let lead = lead_index(&lines);
    let script = text_script(&lines);
    let mut removed = Vec::new();
    let mut page_dates = Vec::new();
    let mut drop = vec![None; lines.len()];

    // What each line above the lead is.
    let mut kinds = Vec::with_capacity(lead);
    for (i, (number, line)) in lines.iter().enumerate().take(lead) {
        let kind = classify(line, script);
        if let Kind::Date(found) = &kind {
            page_dates.push(PageDate {
                date: found.date,
                line: *number,
                text: line.trim().to_string(),
                with_time: found.with_time,
            });
        }
        if matches!(kind, Kind::Date(_) | Kind::Time) {
            drop[i] = Some(PAGE_DATE);
        }
        kinds.push(kind);
    }

    // The headline: a line shaped like one that the page repeats (a title over the article and
    // again in it), or else the first.
    let candidates: Vec<usize> = (0..lead)
        .filter(|&i| matches!(kinds[i], Kind::Headline))
        .collect();
    let repeated = candidates.iter().copied().find(|&i| {
        let own = headline_text(&lines[i].1);
        (i + 1..lines.len().min(lead + 1)).any(|j| {
            let other = headline_text(&lines[j].1);
            headline::repeats(&other.0, &own.0)
        })
    });
    // A headline of a few words is weak: a menu's phrase ("Басты сайтқа өту") reads like one too.
    // It is the headline when the lead or another candidate (its subtitle) follows it.
    let next_line = |i: usize| (i + 1..lines.len()).find(|&j| !lines[j].1.trim().is_empty());
    let strong = candidates.iter().copied().find(|&i| {
        is_strong(&lines[i].1)
            || next_line(i).is_some_and(|j| j >= lead || matches!(kinds[j], Kind::Headline))
    });
    let chosen = repeated.or(strong).or_else(|| candidates.first().copied());
    // Another line above the chosen one read as a headline: it is not certain which is.
    // So is a short line over a longer one: a headline and its subtitle, or a menu's phrase over
    // the headline.
    let rivals = chosen.map_or(0, |at| {
        let above = candidates.iter().filter(|&&i| i < at).count();
        let over_longer = !is_strong(&lines[at].1)
            && next_line(at).is_some_and(|j| j < lead && matches!(kinds[j], Kind::Headline));
        above + usize::from(over_longer)
    });

    let headline = chosen.map(|at| {
        // Above the headline nothing is the article's.
        let mut unknown_above = 0;
        for i in 0..at {
            if drop[i].is_none() && !lines[i].1.trim().is_empty() && !is_credit(&lines[i].1) {
                if matches!(kinds[i], Kind::Unknown) {
                    unknown_above += 1;
                }
                drop[i] = Some(ABOVE);
            }
        }
        // Between the headline and the lead: the page's date (already), a repeat of the headline,
        // short chrome (a counter, a section word); a subtitle stays.
        let (text, outlet) = headline_text(&lines[at].1);
        for i in at + 1..lead.min(lines.len()) {
            if drop[i].is_some() || lines[i].1.trim().is_empty() {
                continue;
            }
            let (other, _) = headline_text(&lines[i].1);
            if headline::repeats(&other, &text) || headline::repeats(&lines[i].1, &text) {
                drop[i] = Some(REPEAT);
            } else if matches!(kinds[i], Kind::Chrome) && !is_credit(&lines[i].1) {
                drop[i] = Some(BESIDE);
            }
        }
        let (sure, how) = sureness(
            &text,
            outlet.is_some(),
            unknown_above + rivals,
            url,
            repeated.is_some(),
        );
        drop[at] = Some("headline");
        Headline {
            text,
            outlet,
            sure,
            how,
        }
    });
    if headline.is_none() {
        // No headline: short chrome above the lead goes; anything longer stays, for the editor.
        for i in 0..lead {
            if drop[i].is_none() && matches!(kinds[i], Kind::Chrome) && !is_credit(&lines[i].1) {
                drop[i] = Some(BEFORE_LEAD);
            }
        }
    }

    // The page's date nearest the headline first: after it, then before it.
    let headline_line = chosen.map(|i| lines[i].0);
    if let Some(h) = headline_line {
        page_dates.sort_by_key(|d| (d.line < h, d.line.abs_diff(h), !d.with_time));
    }

    let mut kept = Vec::with_capacity(lines.len());
    for ((number, line), reason) in lines.into_iter().zip(drop) {
        match reason {
            Some("headline") => {}
            Some(reason) => removed.push(Removed {
                line: number,
                text: line,
                reason,
            }),
            None => kept.push((number, line)),
        }
    }
    Head {
        headline,
        page_dates,
        removed,
        lines: kept,
    }
}

/// How sure the headline is, and why.
fn sureness(
    text: &str,
    suffix: bool,
    unknown_above: usize,
    url: Option<&PageUrl>,
    repeated: bool,
) -> (Sureness, String) {
    let mut how = if suffix {
        "the first line that reads as a headline, without the outlet after the dash".to_string()
    } else {
        "the first line that reads as a headline".to_string()
    };
    if repeated {
        how = "the line that reads as a headline and that the page repeats".to_string();
    }
    match url.and_then(|u| u.slug_agreement(text)) {
        Some(agreement) if agreement < 0.34 => {
            return (
                Sureness::Check,
                format!(
                    "{how}; but the page's address names another title ({}): is this line the headline or a subtitle?",
                    url.map_or("", |u| u.slug_words()).trim()
                ),
            );
        }
        Some(_) => {
            return (
                Sureness::Certain,
                format!("{how}, as the page's address has it"),
            );
        }
        None => {}
    }
    if unknown_above > 0 {
        (
            Sureness::Likely,
            format!(
                "{how}, under {unknown_above} line(s) of the page dropped as chrome: check that none of them is the headline"
            ),
        )
    } else {
        (Sureness::Certain, how)
    }
}

/// The index of the line where the article's text begins: the first paragraph of prose or a
/// dateline. Lines above it are the headline, its subtitle, and the page's chrome.
fn lead_index(lines: &[(usize, String)]) -> usize {
    lines
        .iter()
        .position(|(_, l)| is_prose(l) || dates::dateline(l).is_some())
        .unwrap_or(lines.len())
}

/// A headline of five words or more, or of 35 letters: what a menu phrase never is.
fn is_strong(line: &str) -> bool {
    let t = strip_bullet(line.trim());
    word_count(t) >= 5 || t.chars().filter(|c| c.is_alphabetic()).count() >= 35
}

/// A paragraph of the article: a sentence of eight words or more, or a long run of words (a
/// paragraph the page cut off).
pub(crate) fn is_prose(line: &str) -> bool {
    let t = line.trim();
    let words = word_count(t);
    let ends = t.ends_with(['.', '!', '?', '…', ':', '»', '"', '”']);
    (words >= 8 && ends) || words >= 30
}

fn word_count(t: &str) -> usize {
    t.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}
