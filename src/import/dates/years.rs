//! Years: a four-digit year, the word for "year" beside it, and dates that open with the year.

use super::PartialDate;
use super::YEARS;
use super::fold::fold;
use super::months::{DATE_WORDS, Month, Names};
use super::scanner::{Hit, Scanner};
use super::tokens::Token;

impl Scanner<'_> {
    pub(super) fn year(&self, i: usize) -> Option<u16> {
        let (year, digits) = self.number(i)?;
        (digits == 4 && YEARS.contains(&year)).then_some(year)
    }

    /// A year word at `i` (`жылғы`, `г.`); the last token it takes.
    fn year_word(&self, i: usize) -> Option<usize> {
        let t = self.word(i)?;
        if !DATE_WORDS.year_words.contains(&fold(t.text)) {
            return None;
        }
        let abbreviated = t.text.chars().count() == 1;
        Some(
            if abbreviated && self.glued(i + 1).is_some_and(|t| t.is('.')) {
                i + 1
            } else {
                i
            },
        )
    }

    /// After a year number at `i`: the last token of the year (with `жылы`, `-yil`, `г.`), or
    /// `None` when the number runs on into something that is not a year.
    pub(super) fn year_end(&self, i: usize) -> Option<usize> {
        let hyphenated =
            self.glued(i + 1).is_some_and(Token::is_hyphen) && self.glued(i + 2).is_some();
        let word = if hyphenated {
            self.year_word(i + 2)
        } else {
            self.year_word(i + 1)
        };
        word.or_else(|| self.ends_cleanly(i).then_some(i))
    }

    /// `2025 жылғы 27 тамызда`, `2025 жылы 27 тамызда`, `2025 йил 27 август`, `2025-yil
    /// 27-avgust`, `2025 жылғы тамыздың 27-сі`. A year and its word with no day after are no date.
    pub(super) fn year_first(&self, i: usize) -> Option<Hit> {
        let year = self.year(i)?;
        if !self.starts_cleanly(i) {
            return None;
        }
        let hyphenated = self.glued(i + 1).is_some_and(Token::is_hyphen);
        let word_at = if hyphenated { i + 2 } else { i + 1 };
        if hyphenated && self.glued(word_at).is_none() {
            return None;
        }
        let mut j = self.year_word(word_at)? + 1;
        if self.on_line(j).is_some_and(|t| t.is(',')) {
            j += 1;
        }
        self.on_line(j)?;
        let inner = self
            .day_month(j, false)
            .or_else(|| self.kazakh_month_day(j))?;
        let date = PartialDate::new(Some(year), inner.date.month, inner.date.day)?;
        Some(Hit {
            date,
            first: i,
            last: inner.last,
        })
    }

    /// The year after a day and month, at token `j`: `2025`, `2025 ж.`, `2025 года`, `2025-yil`,
    /// Tajik `соли 2024`, English `, 2025`.
    pub(super) fn year_after(&self, j: usize, month: Month) -> Option<(u16, usize)> {
        let mut k = j;
        let english = matches!(month.names, Names::English | Names::EnglishShort);
        if english && self.on_line(k).is_some_and(|t| t.is(',')) {
            k += 1;
        }
        if self
            .word(k)
            .is_some_and(|t| DATE_WORDS.year_words_before.contains(&fold(t.text)))
        {
            k += 1;
        }
        self.on_line(k)?;
        let year = self.year(k)?;
        Some((year, self.year_end(k)?))
    }
}
