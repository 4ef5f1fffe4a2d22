//! Dates in raw agency texts: every date the text writes ([`find_dates`]), a scraper's leading
//! `date YYYY-MM-DD` marker ([`date_prefix`]) and the agency dateline that opens a paragraph
//! ([`dateline()`]), in Kazakh, Tajik, Uzbek (Cyrillic and Latin), Russian and English.
//!
//! The text is cut into tokens first (runs of letters, runs of ASCII digits, single other marks),
//! each carrying its byte range and whether whitespace or a line break precedes it. Patterns are
//! read over tokens, never over bytes, so a multi-byte letter is never split and every range
//! handed back lies on char boundaries by construction. No regex: month names take case endings
//! in Kazakh, Uzbek and Tajik (`тамыздың`, `қыркүйегінде`, `августда`, `апрели`), which tables of
//! stems and endings state more plainly, and check more strictly, than one large expression.
//!
//! Words are compared after `fold`: lower case, Latin/Cyrillic look-alikes mapped into the
//! word's majority script (`ASTANА` with a Cyrillic `А`), and the letters proper to Kazakh, Tajik
//! and Uzbek reduced to their plain Russian or ASCII base (`қ` → `к`, `ӣ` → `и`, `ý` → `u`), so a
//! text typed on a Russian keyboard layout (`кыркуйек`) still matches `қыркүйек`.
//!
//! The importer never invents a date, so this module is built to miss rather than to guess: a
//! number is a day only next to a month word, a year only in a date or next to a year word, and a
//! year alone (`2019 жылы`, `соли 2024`) is not a date at all.

mod dateline;
mod day_month;
mod fold;
mod month_day;
mod months;
mod numeric;
mod outlet;
mod prefix;
mod scanner;
mod tokens;
mod years;

#[cfg(test)]
mod tests;

pub use dateline::{Dateline, dateline};
pub use prefix::date_prefix;

use crate::date::Date;
use scanner::Scanner;
use serde::Serialize;
use std::fmt;
use std::ops::RangeInclusive;

/// Years a four-digit number may be read as. Narrow on purpose: in `27 тамыз 1500 адам` the number
/// is a count, and the archive has nothing to date before 1900 or after 2100.
const YEARS: RangeInclusive<u16> = 1900..=2100;

/// A leap year, to check a day against its month when the text gives no year: 29 February passes.
const ANY_LEAP_YEAR: u16 = 2024;

/// A date written in the text, possibly without a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PartialDate {
    /// the year, when the text wrote one (found dates keep to 1900–2100)
    pub year: Option<u16>,
    /// the month, 1 for January to 12
    pub month: u8,
    /// the day of the month, one the month has when made with [`PartialDate::new`]
    pub day: u8,
}

impl PartialDate {
    /// A date that exists: in its year when the year is known, else in some year (`30 февраля`
    /// never, `29 февраля` without a year yes, `29 февраля 2025 года` no).
    pub fn new(year: Option<u16>, month: u8, day: u8) -> Option<PartialDate> {
        Date::new(year.unwrap_or(ANY_LEAP_YEAR), month, day)?;
        Some(PartialDate { year, month, day })
    }

    /// The day and month in `year` (which replaces a year written in the text, if any): how
    /// `--year` completes a date the text wrote without one. `None` for 29 February in a common year.
    pub fn with_year(self, year: u16) -> Option<Date> {
        Date::new(year, self.month, self.day)
    }

    /// The full date, when the text gave the year.
    pub fn complete(self) -> Option<Date> {
        self.year.and_then(|year| self.with_year(year))
    }
}

impl fmt::Display for PartialDate {
    /// `2025-08-27`, or ISO 8601's `--11-14` when the year is unknown.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.year {
            Some(year) => write!(f, "{year:04}-{:02}-{:02}", self.month, self.day),
            None => write!(f, "--{:02}-{:02}", self.month, self.day),
        }
    }
}

/// One date found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FoundDate {
    /// the date the words give
    pub date: PartialDate,
    /// the words as written, for the report
    pub text: String,
    /// byte range in the searched string: where the first token starts
    pub start: usize,
    /// where the last token ends (exclusive); `text` is `searched[start..end]`
    pub end: usize,
}

/// Every date written in `text`, in order, in any of kk, tg, uz (Cyrillic and Latin), ru, en, and
/// numeric forms. Ranges never overlap; a year alone is not returned.
pub fn find_dates(text: &str) -> Vec<FoundDate> {
    let scanner = Scanner::new(text, false);
    let mut found = Vec::new();
    let mut i = 0;
    while i < scanner.tokens.len() {
        match scanner.date_at(i) {
            Some(hit) => {
                found.push(scanner.found(&hit));
                i = hit.last + 1;
            }
            None => i += 1,
        }
    }
    found
}
