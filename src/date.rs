//! Calendar dates as the archive uses them: a day, no time zone, written per UI language.

use serde::Serialize;
use std::fmt;

/// A publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Date {
    /// The year, e.g. 2025.
    pub year: u16,
    /// 1 for January to 12 for December.
    pub month: u8,
    /// The day of the month, from 1.
    pub day: u8,
}

impl Date {
    /// A valid calendar date, or `None` (`2025-02-30` is `None`).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Today in the machine's local time zone.
    pub fn today() -> Date {
        let today = jiff::Zoned::now().date();
        u16::try_from(today.year())
            .ok()
            .zip(u8::try_from(today.month()).ok())
            .zip(u8::try_from(today.day()).ok())
            .and_then(|((year, month), day)| Date::new(year, month, day))
            .expect("today is a valid date")
    }

    /// `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.splitn(3, '-');
        let year = parts.next()?;
        let month = parts.next()?;
        let day = parts.next()?;
        if year.len() != 4 || month.len() != 2 || day.len() != 2 {
            return None;
        }
        // `u16::from_str` takes a leading `+`: "+018" would be the year 18.
        if ![year, month, day]
            .iter()
            .all(|p| p.bytes().all(|b| b.is_ascii_digit()))
        {
            return None;
        }
        Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
    }

    /// Days since 1970-01-01 (negative before), for distances between dates.
    pub fn days(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let (y, m, d) = (
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        );
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// RFC 3339 timestamp at midnight UTC, as Atom and sitemaps want.
    pub fn rfc3339(&self) -> String {
        format!("{self}T00:00:00Z")
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// How one UI language writes dates: month names are the project's own, never the system locale's.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct DateStyle {
    /// Month names as headings use them ("Тамыз", "Август"), January first.
    pub months: [String; 12],
    /// Month names inside a full date ("қараша", "ноябри"), January first.
    pub months_in_date: [String; 12],
    /// A full date: `{day}`, `{month}` (from `months_in_date`) and `{year}` are replaced
    /// (`{year} жылғы {day} {month}`, `{day} {month} соли {year}`). The search page's script
    /// writes its results' dates from the same format.
    pub date_format: String,
    /// A month heading: `{month}` (from `months`) and `{year}`.
    pub month_format: String,
}

impl DateStyle {
    /// `date` written in full, as an article or a list shows it (`2025 жылғы 14 қараша`,
    /// `14 ноябри соли 2025`). The format is read once, left to right, as the search page's
    /// script reads it: what a placeholder is replaced by is never read again.
    pub fn date(&self, date: Date) -> String {
        let fields = [
            ("{day}", date.day.to_string()),
            (
                "{month}",
                self.months_in_date[usize::from(date.month) - 1].clone(),
            ),
            ("{year}", date.year.to_string()),
        ];
        let mut written = String::with_capacity(self.date_format.len() + 16);
        let mut rest = self.date_format.as_str();
        while let Some(open) = rest.find('{') {
            written.push_str(&rest[..open]);
            rest = &rest[open..];
            if let Some((placeholder, value)) = fields.iter().find(|(p, _)| rest.starts_with(p)) {
                written.push_str(value);
                rest = &rest[placeholder.len()..];
            } else {
                written.push('{');
                rest = &rest[1..];
            }
        }
        written.push_str(rest);
        written
    }

    /// The heading of a month of `year` (`Тамыз 2025`); `month` is 1 to 12.
    pub fn month(&self, year: u16, month: u8) -> String {
        self.month_format
            .replace("{month}", &self.months[usize::from(month) - 1])
            .replace("{year}", &year.to_string())
    }

    /// The name of `month` (1 to 12) as headings use it, without the year.
    pub fn month_name(&self, month: u8) -> &str {
        &self.months[usize::from(month) - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_impossible_days() {
        assert!(Date::parse("2025-02-30").is_none());
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2023-02-29").is_none());
        assert!(Date::parse("2025-13-01").is_none());
        assert!(Date::parse("2025-1-01").is_none());
        assert_eq!(Date::parse("2025-08-27").unwrap().to_string(), "2025-08-27");
    }

    #[test]
    fn counts_days_across_months_and_leap_years() {
        assert_eq!(Date::parse("1970-01-01").unwrap().days(), 0);
        assert_eq!(
            Date::parse("2024-03-01").unwrap().days() - Date::parse("2024-02-28").unwrap().days(),
            2
        );
        assert_eq!(
            Date::parse("2026-01-01").unwrap().days() - Date::parse("2025-12-31").unwrap().days(),
            1
        );
    }

    fn style(date_format: &str, months_in_date: [&str; 12]) -> DateStyle {
        DateStyle {
            months: months_in_date.map(str::to_string),
            months_in_date: months_in_date.map(str::to_string),
            date_format: date_format.to_string(),
            month_format: "{month} {year}".to_string(),
        }
    }

    #[test]
    fn a_full_date_follows_its_language_format() {
        let day = Date::parse("2025-11-14").unwrap();
        let months = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"];
        assert_eq!(
            style("{year} жылғы {day} {month}", months).date(day),
            "2025 жылғы 14 k"
        );
        assert_eq!(
            style("{day} {month} соли {year}", months).date(day),
            "14 k соли 2025"
        );
        assert_eq!(
            style("{day}.{month}.{year}", months).date(Date::parse("2024-01-05").unwrap()),
            "5.a.2024"
        );
    }

    #[test]
    fn a_full_date_reads_its_format_once() {
        // A month written with a brace, or text in braces, is left as it is: nothing a
        // placeholder became is read as a placeholder again, as in the search page's script.
        let mut months = ["x"; 12];
        months[10] = "{year}";
        assert_eq!(
            style("{day} {month} {other} {year}", months).date(Date::parse("2025-11-14").unwrap()),
            "14 {year} {other} 2025"
        );
        assert_eq!(
            style("{day", months).date(Date::parse("2025-11-14").unwrap()),
            "{day"
        );
    }

    #[test]
    fn dates_order_by_day() {
        assert!(Date::parse("2024-12-31").unwrap() < Date::parse("2025-01-01").unwrap());
    }
}
