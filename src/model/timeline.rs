//! Stories by year and month, and the monthly counts the timeline chart draws.

use super::site::{Story, StoryId};

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    /// The year, e.g. 2025.
    pub year: u16,
    /// 1 for January to 12 for December.
    pub month: u8,
}

impl YearMonth {
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
}

impl Timeline {
    /// `stories` must be sorted newest first, as [`super::Site`] keeps them.
    pub fn new(stories: &[Story]) -> Timeline {
        let mut years: Vec<(u16, Vec<StoryId>)> = Vec::new();
        for (id, story) in stories.iter().enumerate() {
            match years.last_mut() {
                Some((year, ids)) if *year == story.date.year => ids.push(id),
                _ => years.push((story.date.year, vec![id])),
            }
        }
        Timeline {
            all: (0..stories.len()).collect(),
            years,
        }
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
