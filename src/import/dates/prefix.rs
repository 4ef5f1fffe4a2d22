//! A scraper's `date YYYY-MM-DD` marker before the headline.

use super::tokens::is_space;
use crate::date::Date;

/// A leading `date YYYY-MM-DD` marker some scrapers put before the headline (seed 002:
/// ` date 2025-08-27 Қозоғистон ва …`). Returns the date and the rest of the line (trimmed).
/// Also takes `Date:` and a glued time (`2025-08-27T10:00:00Z`), which other scrapers write.
pub fn date_prefix(line: &str) -> Option<(Date, String)> {
    let line = line.trim_start_matches(is_space);
    let keyword = line.get(..4)?;
    if !keyword.eq_ignore_ascii_case("date") {
        return None;
    }
    let after = &line[4..];
    let (colon, after) = match after.strip_prefix(':') {
        Some(after) => (true, after),
        None => (false, after),
    };
    let iso = after.trim_start_matches(is_space);
    // `dated 2025-…` or `date2025-…` is some other word, not the marker.
    if !colon && iso.len() == after.len() {
        return None;
    }
    let date = Date::parse(iso.get(..10)?)?;
    let mut rest = &iso[10..];
    if rest.starts_with(['T', 't']) {
        rest = rest.trim_start_matches(|c: char| !is_space(c));
    }
    if !rest.is_empty() && !rest.starts_with(is_space) {
        return None; // `2025-08-271`: not this date
    }
    Some((date, rest.trim_matches(is_space).to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_prefixes() {
        let (date, rest) = date_prefix(" date 2025-08-27 Қозоғистон ва Тожикистон").unwrap();
        assert_eq!(
            (date.to_string().as_str(), rest.as_str()),
            ("2025-08-27", "Қозоғистон ва Тожикистон")
        );
        assert_eq!(
            date_prefix("Date: 2025-08-27").map(|(d, r)| (d.to_string(), r)),
            Some(("2025-08-27".into(), String::new()))
        );
        assert_eq!(
            date_prefix("date 2025-08-27T10:00:00Z  Title").map(|(_, r)| r),
            Some("Title".into())
        );
        assert_eq!(
            date_prefix("\u{feff}date\t2025-08-27\tTitle ").map(|(_, r)| r),
            Some("Title".into())
        );
        assert_eq!(date_prefix("date 2025-02-30 Title"), None);
        assert_eq!(date_prefix("date 2025-08-271"), None);
        assert_eq!(date_prefix("dated 2025-08-27"), None);
        assert_eq!(date_prefix("date2025-08-27"), None);
        assert_eq!(date_prefix("Қозоғистон 2025-08-27"), None);
        assert_eq!(date_prefix("date 27.08.2025"), None);
        assert_eq!(date_prefix("дата"), None);
        assert_eq!(date_prefix(""), None);
    }
}
