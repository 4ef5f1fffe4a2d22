//! The timeline, its years, and the chart a list shows.

use super::lists::page_slice;
use super::{Chart, Renderer};
use crate::error::Diagnostic;
use crate::load::taxonomy::Kind;
use crate::model::{MonthlyCounts, Route, StoryId, YearMonth};
use crate::render::chart::{ChartView, chart};
use crate::render::views::ViewBuilder;
use serde::Serialize;
use std::sync::Arc;

#[derive(Serialize)]
struct YearLink {
    year: u16,
    href: String,
    count_label: String,
    current: bool,
}

impl Renderer<'_> {
    /// The whole timeline (`year` is `None`) or one year of it.
    pub(super) fn timeline(
        &self,
        views: &ViewBuilder,
        route: &Route,
        year: Option<u16>,
        n: usize,
        context: &mut tera::Context,
    ) -> Result<&'static str, Diagnostic> {
        let timeline = &self.site.timeline;
        let (ids, heading, span) = match year {
            Some(y) => (
                timeline.year(y),
                views.t("year_n").replace("{year}", &y.to_string()),
                Some((
                    YearMonth { year: y, month: 1 },
                    YearMonth { year: y, month: 12 },
                )),
            ),
            None => (timeline.all.as_slice(), views.t("timeline"), None),
        };
        let mut crumbs = vec![views.home_crumb()];
        if year.is_some() {
            crumbs.push(views.crumb(views.t("timeline"), &Route::Timeline { page: 1 }));
        }
        let description = format!("{heading}: {}", views.count(ids.len()));
        let page = views.page(route, views.paged_heading(heading, n), description, crumbs);
        let years: Vec<YearLink> = timeline
            .years
            .iter()
            .map(|(y, ids)| YearLink {
                year: *y,
                href: views.href(&Route::Year { year: *y, page: 1 }),
                count_label: views.count(ids.len()),
                current: Some(*y) == year,
            })
            .collect();
        let size = self.site.config.page_size;
        context.insert("page", &page);
        context.insert("year", &year);
        context.insert("years", &years);
        context.insert_value(
            "groups",
            self.month_groups(views, page_slice(ids, n, size))?,
        );
        context.insert(
            "pagination",
            &views.pagination(route, n, ids.len().div_ceil(size).max(1)),
        );
        let key = year.map_or_else(|| "timeline".to_string(), |y| format!("year/{y}"));
        let chart = (n == 1).then(|| self.chart(views, &key, ids, span));
        context.insert("chart", &chart.flatten().as_deref());
        Ok("timeline.html")
    }

    /// The chart of the stories `ids` (of the list named `key`), made once per build and UI
    /// language.
    pub(super) fn chart(
        &self,
        views: &ViewBuilder,
        key: &str,
        ids: &[StoryId],
        span: Option<(YearMonth, YearMonth)>,
    ) -> Chart {
        let key = (key.to_string(), views.ui.code.clone());
        if let Some(chart) = self
            .charts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(&key)
        {
            return chart.clone();
        }
        let chart = self.make_chart(views, ids, span).map(Arc::new);
        self.charts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(key, chart.clone());
        chart
    }

    pub(super) fn make_chart(
        &self,
        views: &ViewBuilder,
        ids: &[StoryId],
        span: Option<(YearMonth, YearMonth)>,
    ) -> Option<ChartView> {
        let countries: Vec<String> = self
            .site
            .taxonomy
            .countries
            .iter()
            .map(|t| t.id.clone())
            .collect();
        let counts = MonthlyCounts::new(&self.site.stories, ids, &countries, span);
        chart(&counts, views.ui, |id| views.term_label(Kind::Country, id))
    }
}
