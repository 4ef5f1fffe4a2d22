//! Reading patterns over tokens: the scanner's cursor, numbers, and the patterns tried at each
//! token ([`Scanner::date_at`]).

use super::tokens::{Kind, Token, tokenize};
use super::{FoundDate, PartialDate};

/// A date found at token `first`..=`last`.
pub(super) struct Hit {
    pub(super) date: PartialDate,
    pub(super) first: usize,
    pub(super) last: usize,
}

pub(super) struct Scanner<'a> {
    pub(super) text: &'a str,
    pub(super) tokens: Vec<Token<'a>>,
    /// in a dateline: Russian short month names without their period (`27 авг`)
    pub(super) loose: bool,
}

impl<'a> Scanner<'a> {
    pub(super) fn new(text: &'a str, loose: bool) -> Self {
        Scanner {
            text,
            tokens: tokenize(text),
            loose,
        }
    }

    pub(super) fn found(&self, hit: &Hit) -> FoundDate {
        let (start, end) = (self.tokens[hit.first].start, self.tokens[hit.last].end);
        FoundDate {
            date: hit.date,
            text: self.text[start..end].to_string(),
            start,
            end,
        }
    }

    /// Token `i` when it is on the same line as the one before.
    pub(super) fn on_line(&self, i: usize) -> Option<&Token<'a>> {
        self.tokens.get(i).filter(|t| !t.new_line)
    }

    /// Token `i` when nothing separates it from the one before.
    pub(super) fn glued(&self, i: usize) -> Option<&Token<'a>> {
        self.tokens.get(i).filter(|t| !t.spaced)
    }

    /// A number of at most four digits, with its digit count; longer runs are never date parts.
    pub(super) fn number(&self, i: usize) -> Option<(u16, usize)> {
        let t = self
            .tokens
            .get(i)
            .filter(|t| t.kind == Kind::Number && t.text.len() <= 4)?;
        Some((t.text.parse().ok()?, t.text.len()))
    }

    pub(super) fn day(&self, i: usize) -> Option<u8> {
        let (day, digits) = self.number(i)?;
        let day = u8::try_from(day).ok().filter(|d| (1..=31).contains(d))?;
        (digits <= 2).then_some(day)
    }

    pub(super) fn word(&self, i: usize) -> Option<&Token<'a>> {
        self.on_line(i).filter(|t| t.kind == Kind::Word)
    }

    /// A number at `i` is not the tail of something else: `1,27`, `A27`, `3.27.08.2025`.
    pub(super) fn starts_cleanly(&self, i: usize) -> bool {
        let Some(t) = self.tokens.get(i) else {
            return false;
        };
        if i == 0 || t.spaced {
            return true;
        }
        let before = &self.tokens[i - 1];
        match before.kind {
            Kind::Word | Kind::Number => false,
            // A dash is fine: `13–14 ноября` ends on a date.
            Kind::Mark => {
                !(matches!(before.text, "." | "," | ":" | "/" | "+")
                    && i >= 2
                    && !before.spaced
                    && self.tokens[i - 2].kind == Kind::Number)
            }
        }
    }

    /// A number at `i` is not the head of something else: `2025abc`, `2025.5`, `2026-2028`.
    pub(super) fn ends_cleanly(&self, i: usize) -> bool {
        match self.glued(i + 1) {
            None => true,
            Some(next) => match next.kind {
                Kind::Word | Kind::Number => false,
                Kind::Mark => {
                    !(matches!(next.text, "." | "," | "-" | "/" | ":" | "–")
                        && self.glued(i + 2).is_some_and(|t| t.kind == Kind::Number))
                }
            },
        }
    }

    pub(super) fn date_at(&self, i: usize) -> Option<Hit> {
        match self.tokens.get(i)?.kind {
            Kind::Number => self
                .numeric(i)
                .or_else(|| self.year_first(i))
                .or_else(|| self.day_month(i, true)),
            Kind::Word => self.month_day(i).or_else(|| self.kazakh_month_day(i)),
            Kind::Mark => None,
        }
    }
}
