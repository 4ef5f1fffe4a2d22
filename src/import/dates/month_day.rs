//! The month's name, then the day: English `Nov 14`, a page's `Август 20, 2024`, Kazakh
//! `тамыздың 27-сі`.

use super::PartialDate;
use super::fold::fold;
use super::months::{DATE_WORDS, Names, month_word};
use super::scanner::{Hit, Scanner};
use super::tokens::{Kind, Token};

impl Scanner<'_> {
    /// English month first: `Nov 14`, `Aug. 27`, `November 14, 2025`, `Nov 14th`; and a page's
    /// date in any language, `Август 20, 2024`. The month is capitalised, which keeps `may 5` out.
    pub(super) fn month_day(&self, i: usize) -> Option<Hit> {
        let word = self
            .tokens
            .get(i)
            .filter(|t| t.kind == Kind::Word && t.starts_upper())?;
        let mut j = i + 1;
        if self.glued(j).is_some_and(|t| t.is('.')) {
            j += 1;
        }
        // A cheap test of the shape before folding the word.
        self.on_line(j)
            .filter(|t| t.spaced && t.kind == Kind::Number)?;
        let month = month_word(word.text)?;
        let english = matches!(month.names, Names::English | Names::EnglishShort);
        let day = self.day(j)?;
        // Other languages put the month first only in a page's own date, the way blog software
        // writes it: `Август 20, 2024 09:23`, `Апрел 22, 2024`, the year always there.
        if !english {
            self.glued(j + 1).filter(|t| t.is(','))?;
            let (year, last) = self.year_after(j + 2, month)?;
            return Some(Hit {
                date: PartialDate::new(Some(year), month.month, day)?,
                first: i,
                last,
            });
        }
        let mut last = j;
        if self.glued(j + 1).is_some_and(|t| {
            t.kind == Kind::Word && DATE_WORDS.ordinals_after_month.contains(&fold(t.text))
        }) {
            last += 1;
        } else if !self.ends_cleanly(j) {
            return None;
        }
        let mut year = None;
        if let Some((y, year_last)) = self.year_after(last + 1, month) {
            year = Some(y);
            last = year_last;
        }
        let date = PartialDate::new(year, month.month, day)?;
        Some(Hit {
            date,
            first: i,
            last,
        })
    }

    /// Kazakh month first, in the genitive: `тамыздың 27-сі`, `тамыздың 27 күні`.
    pub(super) fn kazakh_month_day(&self, i: usize) -> Option<Hit> {
        let word = self.tokens.get(i).filter(|t| t.kind == Kind::Word)?;
        self.on_line(i + 1)
            .filter(|t| t.spaced && t.kind == Kind::Number)?;
        let month = month_word(word.text).filter(|m| m.genitive)?;
        let day = self.day(i + 1)?;
        let ending = |k: usize| {
            self.glued(k).is_some_and(|t| {
                t.kind == Kind::Word && DATE_WORDS.day_endings.contains(&fold(t.text))
            })
        };
        let last = if self.glued(i + 2).is_some_and(Token::is_hyphen) && ending(i + 3) {
            i + 3
        } else if ending(i + 2) {
            i + 2
        } else if self
            .word(i + 2)
            .is_some_and(|t| t.spaced && DATE_WORDS.day_words.contains(&fold(t.text)))
        {
            i + 1
        } else {
            return None;
        };
        let date = PartialDate::new(None, month.month, day)?;
        Some(Hit {
            date,
            first: i,
            last,
        })
    }
}
