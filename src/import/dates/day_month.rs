//! A day, then the month's name: `27 тамыз`, `30-юми апрели`, `27-го августа`, `14th of November`.

use super::PartialDate;
use super::fold::fold;
use super::months::{DATE_WORDS, Names, month_word};
use super::scanner::{Hit, Scanner};
use super::tokens::{Kind, Token, is_cyrillic};

impl Scanner<'_> {
    /// A day then a month: `27 тамыз`, `27 тамызда`, `27-август`, `27-avgustda`, `30-юми апрели`,
    /// `27-го августа`, `14th of November`, `27 авг.`, then, when `with_year`, an optional year:
    /// `27 тамыз 2025 ж.`, `27 августа 2025 года`, `14 ноябри 2025`, `апрели соли 2024`,
    /// `27-avgust 2025-yil`, `November 14, 2025` is [`Self::month_day`].
    pub(super) fn day_month(&self, i: usize, with_year: bool) -> Option<Hit> {
        let day = self.day(i)?;
        if !self.starts_cleanly(i) {
            return None;
        }
        let mut j = i + 1;
        let hyphen = self.glued(j).is_some_and(Token::is_hyphen);
        if hyphen {
            j += 1;
        }
        let ordinal = self
            .glued(j)
            .is_some_and(|t| t.kind == Kind::Word && DATE_WORDS.ordinals.contains(&fold(t.text)));
        if ordinal {
            j += 1;
            if self.word(j).is_some_and(|t| {
                DATE_WORDS
                    .day_of
                    .iter()
                    .any(|w| t.text.eq_ignore_ascii_case(w))
            }) {
                j += 1;
            }
        }
        let word = self.word(j)?;
        if hyphen && !ordinal && word.spaced {
            return None; // `24- орын`
        }
        let month = month_word(word.text)?;
        let mut last = j;
        let dot = self.glued(j + 1).is_some_and(|t| t.is('.'));
        match month.names {
            Names::RussianShort if dot => last += 1,
            Names::RussianShort if !self.loose => return None,
            Names::EnglishShort if dot => last += 1,
            _ => {}
        }
        let mut year = None;
        if with_year && let Some((y, year_last)) = self.year_after(last + 1, month) {
            year = Some(y);
            last = year_last;
        }
        if year.is_none() && month.homograph && self.beside_non_russian(i, last) {
            // Uzbek `2 марта` is "twice": `марта` is March only on a Russian line or with a year.
            return None;
        }
        let date = PartialDate::new(year, month.month, day)?;
        Some(Hit {
            date,
            first: i,
            last,
        })
    }

    /// The line around tokens `first..=last` has Cyrillic letters Russian lacks (ў, қ, ғ, ҳ, ә …).
    fn beside_non_russian(&self, first: usize, last: usize) -> bool {
        let (start, end) = (self.tokens[first].start, self.tokens[last].end);
        let from = self.text[..start].rfind('\n').map_or(0, |at| at + 1);
        let to = self.text[end..]
            .find('\n')
            .map_or(self.text.len(), |at| end + at);
        self.text[from..to]
            .chars()
            .any(|c| is_cyrillic(c) && !matches!(c, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё'))
    }
}
