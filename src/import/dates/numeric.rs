//! Dates written in digits: `2025-08-27`, `27.08.2025`, `27/08/2025`, `27.08.25`.

use super::scanner::{Hit, Scanner};
use super::tokens::Kind;
use super::{PartialDate, YEARS};

impl Scanner<'_> {
    /// `2025-08-27`, `2025.08.27`, `2025/08/27`, `27.08.2025`, `27/08/2025`, `27-08-2025`, and
    /// `27.08.25` as 2025. Day first is the only order read: it is how every language here writes
    /// dates, and `08/27/2025` is rejected rather than guessed. Two-digit years only with periods
    /// and two-digit day and month (`05.03.25`), read as 20YY: with dashes or slashes such groups
    /// are as often phone numbers or codes, and 19YY would be outside anything the archive dates.
    pub(super) fn numeric(&self, i: usize) -> Option<Hit> {
        let (a, a_digits) = self.number(i)?;
        if !self.starts_cleanly(i) {
            return None;
        }
        let sep = self
            .glued(i + 1)
            .filter(|t| matches!(t.text, "-" | "." | "/"))?;
        let (b, b_digits) = self.glued(i + 2).and_then(|_| self.number(i + 2))?;
        self.glued(i + 3).filter(|t| t.text == sep.text)?;
        let (c, c_digits) = self.glued(i + 4).and_then(|_| self.number(i + 4))?;
        let (year, month, day) = if a_digits == 4 && b_digits <= 2 && c_digits <= 2 {
            (a, b, c)
        } else if a_digits <= 2 && b_digits <= 2 && c_digits == 4 {
            (c, b, a)
        } else if a_digits == 2 && b_digits == 2 && c_digits == 2 && sep.text == "." {
            (2000 + c, b, a)
        } else {
            return None;
        };
        if !YEARS.contains(&year) {
            return None;
        }
        // An ISO timestamp: `2025-08-27T10:00`.
        let timestamp = self
            .glued(i + 5)
            .is_some_and(|t| t.text == "T" || t.text == "t")
            && self.glued(i + 6).is_some_and(|t| t.kind == Kind::Number);
        let last = if timestamp {
            i + 4
        } else {
            self.year_end(i + 4)?
        };
        let date = PartialDate::new(
            Some(year),
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )?;
        Some(Hit {
            date,
            first: i,
            last,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{dates, one};

    #[test]
    fn numeric_dates() {
        assert_eq!(one("ISO 2025-08-27 ҳам"), "2025-08-27");
        assert_eq!(one("2025.08.27"), "2025-08-27");
        assert_eq!(one("2025/08/27"), "2025-08-27");
        assert_eq!(one("27.08.2025"), "2025-08-27");
        assert_eq!(one("27/08/2025"), "2025-08-27");
        assert_eq!(one("27-08-2025"), "2025-08-27");
        assert_eq!(one("1.9.2025"), "2025-09-01");
        assert_eq!(one("(27.08.2025)"), "2025-08-27");
        assert_eq!(one("27.08.25 ж."), "2025-08-27");
        assert_eq!(one("2025-08-27T10:00:00Z"), "2025-08-27");
        assert_eq!(
            dates("27.08.2025 г. в Астане"),
            [("2025-08-27".into(), "27.08.2025 г.".into())]
        );
        assert_eq!(
            dates("27.08.2025ж. Астанада"),
            [("2025-08-27".into(), "27.08.2025ж.".into())]
        );
        assert_eq!(
            dates("Сана: 27.08.2025."),
            [("2025-08-27".into(), "27.08.2025".into())]
        );
        assert_eq!(one("2024-02-29"), "2024-02-29");
    }
}
