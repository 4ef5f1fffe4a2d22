//! The date an imported article gets: what the text says of it, where it says it, and how
//! sure that is. The importer never invents a date: what it cannot read it asks for.

use super::dates::{self, PartialDate};
use super::head;
use super::page_url::{PageUrl, UrlDate};
use super::pipeline::{Options, Sureness};
use crate::date::Date;

/// Where a date written without its year gets one: the editor (`--year`), or a full date the
/// page gives elsewhere (its `date` line, its date line, its lead), the year putting the date
/// nearest that one; or the year of the page's address.
struct YearSource {
    /// The editor's year.
    given: Option<u16>,
    /// A full date the page gives, and where it is.
    page: Option<(Date, String)>,
    /// The year (and month) of the page's address.
    url: Option<UrlDate>,
}

impl YearSource {
    /// The date `written` (day and month) falls on, how that was found, and the front matter note.
    fn complete(
        &self,
        written: PartialDate,
    ) -> Result<(Date, String, Sureness, Option<String>), String> {
        if let Some(year) = self.given {
            return written
                .with_year(year)
                .map(|date| {
                    (
                        date,
                        "with the year from --year".to_string(),
                        Sureness::Given,
                        None,
                    )
                })
                .ok_or_else(|| format!("with --year {year} it is not a calendar date"));
        }
        if let Some((page, how)) = &self.page {
            // The year that puts the date nearest the page's own, within two months of it.
            let nearest = [page.year - 1, page.year, page.year + 1]
                .into_iter()
                .filter_map(|year| written.with_year(year))
                .min_by_key(|date| (page.days() - date.days()).abs())
                .filter(|date| (page.days() - date.days()).abs() <= 60);
            if let Some(date) = nearest {
                return Ok((
                    date,
                    format!("with the year of {how}"),
                    Sureness::Certain,
                    None,
                ));
            }
        }
        if let Some(url) = self.url {
            let fits = url
                .month
                .is_none_or(|m| m == written.month || m == written.month % 12 + 1);
            let year = if url.month == Some(1) && written.month == 12 {
                url.year - 1
            } else {
                url.year
            };
            if fits && let Some(date) = written.with_year(year) {
                let note = format!(
                    "The text gives the day and month; the year {year} is from the page's address."
                );
                return Ok((
                    date,
                    "with the year from the page's address".to_string(),
                    Sureness::Likely,
                    Some(note),
                ));
            }
        }
        Err("gives the day and month but no year: give the year with --year YYYY (or the whole date with --date YYYY-MM-DD)".to_string())
    }
}

/// The publication date, with the front matter note (when the text alone does not give it),
/// how it was found and how sure that is. In order: the editor's date; the dateline's (the
/// agency's own date for the report, completed with a year from the page when it has none);
/// the `date` line before the headline; the page's date line; the lead's first date; the date
/// in the page's address.
pub(super) fn date(
    options: &Options,
    prefix: Option<Date>,
    dateline: Option<&dates::Dateline>,
    page_dates: &[head::PageDate],
    lead: &str,
    problems: &mut Vec<String>,
) -> (Option<Date>, (Option<String>, String, Sureness)) {
    if let Some(date) = options.date {
        let note = "The text gives no publication date; the editor gave it.".to_string();
        return (
            Some(date),
            (Some(note), "given with --date".into(), Sureness::Given),
        );
    }
    let url_date = options.url.as_ref().and_then(PageUrl::date);
    let page_line = page_dates.iter().find_map(|d| {
        d.date.complete().map(|date| {
            (
                date,
                format!("the page's date line {}: \"{}\"", d.line, d.text),
                d.with_time,
            )
        })
    });
    // A full date the lead gives (`26 августа 2025 года в Астане …`) dates a dateline's day and
    // month as well as the page's own date does.
    let lead_date = dates::find_dates(lead).into_iter().find_map(|f| {
        f.date
            .complete()
            .map(|d| (d, format!("the date in the lead, \"{}\"", f.text)))
    });
    let years = YearSource {
        given: options.year,
        page: prefix
            .map(|d| (d, "the `date` line before the headline".to_string()))
            .or_else(|| page_line.as_ref().map(|(d, how, _)| (*d, how.clone())))
            .or(lead_date),
        url: url_date,
    };
    let written = |written: PartialDate,
                   how: String,
                   sure: Sureness,
                   problems: &mut Vec<String>| {
        if written.year.is_some() {
            if let Some(date) = written.complete() {
                return (Some(date), (None, how, sure));
            }
            problems.push(format!(
                "{how} is not a calendar date: give the date with --date YYYY-MM-DD"
            ));
            return (None, (None, String::new(), Sureness::Check));
        }
        match years.complete(written) {
            Ok((date, with, year_sure, note)) => {
                let note = note.or_else(|| {
                    (year_sure == Sureness::Given).then(|| {
                        format!(
                            "The text gives the day and month ({how}) but no year; the editor gave the year {}.",
                            date.year
                        )
                    })
                });
                let sure = if year_sure == Sureness::Given {
                    Sureness::Given
                } else {
                    sure.max(year_sure)
                };
                (Some(date), (note, format!("{how}, {with}"), sure))
            }
            Err(why) => {
                problems.push(format!("{how} {why}"));
                (None, (None, String::new(), Sureness::Check))
            }
        }
    };

    if let Some(d) = dateline
        && let Some(date) = d.date
    {
        let how = format!("the dateline \"{}\"", d.text.trim());
        return written(date, how, Sureness::Certain, problems);
    }
    if let Some(date) = prefix {
        return (
            Some(date),
            (
                None,
                "the `date` line before the headline".into(),
                Sureness::Certain,
            ),
        );
    }
    if let Some((date, how, with_time)) = page_line {
        let sure = if with_time {
            Sureness::Certain
        } else {
            Sureness::Likely
        };
        return (Some(date), (None, how, sure));
    }
    // A lead that opens with a date (`30-юми апрели соли 2024 дар Қасри миллат …`) dates its
    // report; a date further in is often an earlier event's (a law signed weeks before), so it is
    // only offered to the editor.
    let lead_dates = dates::find_dates(lead);
    if let Some(found) = lead_dates.first().filter(|f| opens(lead, f.start)) {
        let how = format!(
            "the date the lead opens with, \"{}\" (the text has no dateline)",
            found.text
        );
        return written(found.date, how, Sureness::Likely, problems);
    }
    if let Some(url) = url_date
        && let (Some(month), Some(day)) = (url.month, url.day)
        && let Some(date) = Date::new(url.year, month, day)
    {
        let note = "The text gives no date; it is the one in the page's address.".to_string();
        return (
            Some(date),
            (
                Some(note),
                "the page's address (the text gives no date)".to_string(),
                Sureness::Likely,
            ),
        );
    }
    problems.push(match lead_dates.first() {
        Some(found) => format!(
            "the text gives no date of its own (its lead mentions \"{}\", which may be an earlier event's): give the publication date with --date YYYY-MM-DD",
            found.text
        ),
        None => {
            "the text gives no date: give the publication date with --date YYYY-MM-DD".to_string()
        }
    });
    (None, (None, String::new(), Sureness::Check))
}

/// Whether the text at `at` comes within the first three words of `lead`.
fn opens(lead: &str, at: usize) -> bool {
    lead.get(..at)
        .is_some_and(|before| before.split_whitespace().count() <= 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The date found for a lead under an optional dateline, with the marker date and the page
    /// address given, or the problem the editor is told of.
    fn dated(
        paragraph: &str,
        prefix: Option<&str>,
        url: Option<&str>,
    ) -> Result<(String, Sureness), String> {
        let options = Options {
            url: url.and_then(PageUrl::parse),
            ..Options::default()
        };
        let dateline = dates::dateline(paragraph);
        let lead = dateline.as_ref().map_or(paragraph, |d| d.rest.as_str());
        let mut problems = Vec::new();
        let (date, (_, _, sure)) = date(
            &options,
            prefix.and_then(Date::parse),
            dateline.as_ref(),
            &[],
            lead,
            &mut problems,
        );
        date.map(|d| (d.to_string(), sure))
            .ok_or_else(|| problems.join("; "))
    }

    #[test]
    fn the_dateline_dates_the_report_with_the_year_of_the_page() {
        // The page's `date` marker says the 9th; the agency dated its report the 8th.
        assert_eq!(
            dated(
                "Астана. 8 августа. KAZAKHSTAN TODAY - 8 августа в Астане состоялось заседание.",
                Some("2025-08-09"),
                None
            ),
            Ok(("2025-08-08".into(), Sureness::Certain))
        );
        // A December dateline on a page of January takes the year before.
        assert_eq!(
            dated("Душанбе, 30 декабря – АП. Текст.", Some("2026-01-02"), None),
            Ok(("2025-12-30".into(), Sureness::Certain))
        );
    }

    #[test]
    fn the_address_gives_the_year_or_the_date() {
        assert_eq!(
            dated(
                "ДУШАНБЕ, 22 авг – Sputnik. Форум анҷом ёфт.",
                None,
                Some("https://tj.sputniknews.ru/20240822/forum.html")
            ),
            Ok(("2024-08-22".into(), Sureness::Likely))
        );
        assert_eq!(
            dated(
                "Тараптар ынтымақтастықты талқылады.",
                None,
                Some("https://kun.uz/news/2024/06/03/x")
            ),
            Ok(("2024-06-03".into(), Sureness::Likely))
        );
        // An address of another month gives no year to a day and month.
        assert!(
            dated(
                "ДУШАНБЕ, 22 авг – Sputnik. Форум анҷом ёфт.",
                None,
                Some("https://khovar.tj/rus/2024/03/x")
            )
            .unwrap_err()
            .contains("--year")
        );
    }

    #[test]
    fn only_a_date_the_lead_opens_with_dates_it() {
        assert_eq!(
            dated(
                "30-юми апрели соли 2024 дар Қасри миллат Президент меҳмонро ба ҳузур пазируфт.",
                None,
                None
            ),
            Ok(("2024-04-30".into(), Sureness::Likely))
        );
        let refused = dated(
            "Қирғизистон Президенти Садир Жапаров 2022 йил 3 ноябрда имзоланган битимни ратификация қилиш ҳақидаги қонунни имзолади.",
            None,
            None,
        )
        .unwrap_err();
        assert!(
            refused.contains("2022 йил 3 ноябрда") && refused.contains("--date"),
            "{refused}"
        );
    }
}
