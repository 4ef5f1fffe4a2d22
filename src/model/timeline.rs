//! Stories by year and month, and the monthly counts the timeline chart draws.

use super::site::{Story, StoryId};
use crate::date::Date;

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    /// The year, e.g. 2025.
    pub year: u16,
    /// 1 for January to 12 for December.
    pub month: u8,
}

impl YearMonth {
    /// The month `date` is in.
    pub fn of(date: Date) -> YearMonth {
        YearMonth {
            year: date.year,
            month: date.month,
        }
    }

    /// The `id` of the month's heading on a timeline page, the fragment links to it end
    /// with: `m2025-08`.
    pub fn anchor(self) -> String {
        format!("m{}-{:02}", self.year, self.month)
    }

    fn next(self) -> YearMonth {
        if self.month == 12 {
            YearMonth {
                year: self.year + 1,
                month: 1,
            }
        } else {
            YearMonth {
                year: self.year,
                month: self.month + 1,
            }
        }
    }
}

/// All stories newest first, and the years that have stories, each with its stories.
#[derive(Debug, Default)]
pub struct Timeline {
    /// Every story, newest first: the home and timeline pages.
    pub all: Vec<StoryId>,
    /// Each year that has stories, newest first, with its stories newest first: the year pages.
    pub years: Vec<(u16, Vec<StoryId>)>,
    /// Each month that has stories, newest first, with the position in `all` of its newest
    /// story: where its group begins on the timeline.
    pub months: Vec<(YearMonth, usize)>,
}

impl Timeline {
    /// `stories` must be sorted newest first, as [`super::Site`] keeps them.
    pub fn new(stories: &[Story]) -> Timeline {
        let mut years: Vec<(u16, Vec<StoryId>)> = Vec::new();
        let mut months: Vec<(YearMonth, usize)> = Vec::new();
        for (id, story) in stories.iter().enumerate() {
            match years.last_mut() {
                Some((year, ids)) if *year == story.date.year => ids.push(id),
                _ => years.push((story.date.year, vec![id])),
            }
            let month = YearMonth::of(story.date);
            if months.last().is_none_or(|(m, _)| *m != month) {
                months.push((month, id));
            }
        }
        Timeline {
            all: (0..stories.len()).collect(),
            years,
            months,
        }
    }

    /// The page of the timeline (1-based, `page_size` stories a page) on which the group of
    /// `month` begins, if the month has stories. A month that runs over two pages has its
    /// heading on both; its first page is where it starts, with its newest stories.
    pub fn month_page(&self, month: YearMonth, page_size: usize) -> Option<usize> {
        self.months
            .iter()
            .find(|(m, _)| *m == month)
            .map(|&(_, first)| first / page_size + 1)
    }

    /// The stories of `year`, newest first (none if it has none).
    pub fn year(&self, year: u16) -> &[StoryId] {
        self.years
            .iter()
            .find(|(y, _)| *y == year)
            .map_or(&[], |(_, ids)| ids.as_slice())
    }
}

/// Stories per month over a span of months, in total and per country: what the chart shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthlyCounts {
    /// Every month from the first to the last, oldest first, empty months included.
    pub months: Vec<YearMonth>,
    /// Stories per month, one count per entry of `months`.
    pub total: Vec<u32>,
    /// Per country id (in the order given), a count per month.
    pub by_country: Vec<(String, Vec<u32>)>,
}

impl MonthlyCounts {
    /// Counts `ids` among `stories`. `span` fixes the months shown (a year page shows all twelve);
    /// otherwise the months run from the oldest to the newest story.
    pub fn new(
        stories: &[Story],
        ids: &[StoryId],
        countries: &[String],
        span: Option<(YearMonth, YearMonth)>,
    ) -> MonthlyCounts {
        let month_of = |id: &StoryId| YearMonth {
            year: stories[*id].date.year,
            month: stories[*id].date.month,
        };
        let (first, last) = match span {
            Some(span) => span,
            None => match (
                ids.iter().map(month_of).min(),
                ids.iter().map(month_of).max(),
            ) {
                (Some(first), Some(last)) => (first, last),
                _ => {
                    return MonthlyCounts {
                        months: Vec::new(),
                        total: Vec::new(),
                        by_country: Vec::new(),
                    };
                }
            },
        };
        let mut months = vec![first];
        while *months.last().expect("not empty") < last {
            months.push(months.last().expect("not empty").next());
        }
        let index = |m: YearMonth| months.binary_search(&m).ok();
        let mut total = vec![0; months.len()];
        let mut by_country: Vec<(String, Vec<u32>)> = countries
            .iter()
            .map(|c| (c.clone(), vec![0; months.len()]))
            .collect();
        for id in ids {
            let Some(i) = index(month_of(id)) else {
                continue;
            };
            total[i] += 1;
            for (country, counts) in &mut by_country {
                if stories[*id].countries.contains(country) {
                    counts[i] += 1;
                }
            }
        }
        by_country.retain(|(_, counts)| counts.iter().any(|&c| c > 0));
        MonthlyCounts {
            months,
            total,
            by_country,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(date: &str) -> Story {
        Story {
            id: date.to_string(),
            versions: vec![0],
            date: Date::parse(date).unwrap(),
            countries: Vec::new(),
            topics: Vec::new(),
        }
    }

    fn month(year: u16, month: u8) -> YearMonth {
        YearMonth { year, month }
    }

    #[test]
    fn a_month_is_found_on_the_page_where_its_group_begins() {
        // Newest first, as the site keeps them: August has three stories, July one, and
        // March 2024 two.
        let stories: Vec<Story> = [
            "2025-08-30",
            "2025-08-20",
            "2025-08-01",
            "2025-07-15",
            "2024-03-02",
            "2024-03-01",
        ]
        .iter()
        .map(|d| story(d))
        .collect();
        let timeline = Timeline::new(&stories);
        assert_eq!(
            timeline.months,
            vec![
                (month(2025, 8), 0),
                (month(2025, 7), 3),
                (month(2024, 3), 4)
            ]
        );
        // Two stories a page: August begins on page 1 and runs on to page 2; July is on
        // page 2, March 2024 on page 3.
        assert_eq!(timeline.month_page(month(2025, 8), 2), Some(1));
        assert_eq!(timeline.month_page(month(2025, 7), 2), Some(2));
        assert_eq!(timeline.month_page(month(2024, 3), 2), Some(3));
        assert_eq!(timeline.month_page(month(2024, 3), 20), Some(1));
        assert_eq!(timeline.month_page(month(2025, 6), 2), None);
    }

    #[test]
    fn a_month_anchor_is_its_year_and_two_digit_month() {
        assert_eq!(month(2025, 8).anchor(), "m2025-08");
        assert_eq!(month(2024, 12).anchor(), "m2024-12");
        assert_eq!(
            YearMonth::of(Date::parse("2025-11-14").unwrap()),
            month(2025, 11)
        );
    }
}
