//! The timeline chart: stories per month, in total and per country, drawn at build time as
//! inline SVG bars so it reads without JavaScript. Labels are HTML text, so they stay
//! legible at any width; a table carries the same numbers as text.

use crate::load::config::UiLanguage;
use crate::model::MonthlyCounts;
use serde::Serialize;
use std::fmt::Write;

/// The chart and its text alternative, ready for a template.
#[derive(Serialize)]
pub(super) struct ChartView {
    /// What the chart shows, as its accessible name.
    pub title: String,
    pub caption: String,
    /// One bar row per series: the total first, then each country with stories.
    pub series: Vec<ChartSeries>,
    /// Axis labels, positioned in percent of the bar area's width.
    pub ticks: Vec<ChartTick>,
    /// Column headings of the table: the total, then each country.
    pub columns: Vec<String>,
    /// One table row per month that has stories.
    pub rows: Vec<ChartRow>,
}

#[derive(Serialize)]
pub(super) struct ChartSeries {
    pub label: String,
    /// `total` or `country`, for styling.
    pub kind: &'static str,
    /// The bars: an SVG whose x axis is one unit per month, stretched to the row's width.
    pub svg: String,
}

#[derive(Serialize)]
pub(super) struct ChartTick {
    pub label: String,
    pub left: String,
    /// `start`, `middle` or `end`: edge labels align inwards so they never stick out.
    pub align: &'static str,
}

#[derive(Serialize)]
pub(super) struct ChartRow {
    pub month: String,
    pub counts: Vec<u32>,
}

/// Bar height units; rows are as tall as CSS makes them.
const HEIGHT: u32 = 40;
/// At most this many axis labels, so they never crowd on a phone.
const MAX_TICKS: usize = 8;

/// Draws `counts`; `country_label` names a country id in the UI language.
pub(super) fn chart(
    counts: &MonthlyCounts,
    ui: &UiLanguage,
    country_label: impl Fn(&str) -> String,
) -> Option<ChartView> {
    if counts.months.is_empty() {
        return None;
    }
    let text = |key: &str| ui.strings.get(key).cloned().unwrap_or_default();
    let month_label = |i: usize| {
        ui.dates
            .month(counts.months[i].year, counts.months[i].month)
    };
    let max = counts.total.iter().copied().max().unwrap_or(0).max(1);
    let mut series = vec![ChartSeries {
        label: text("chart_total"),
        kind: "total",
        svg: bars(&counts.total, max, &month_label),
    }];
    for (id, values) in &counts.by_country {
        series.push(ChartSeries {
            label: country_label(id),
            kind: "country",
            svg: bars(values, max, &month_label),
        });
    }
    let columns = series.iter().map(|s| s.label.clone()).collect();
    let mut all: Vec<&[u32]> = vec![&counts.total];
    all.extend(
        counts
            .by_country
            .iter()
            .map(|(_, values)| values.as_slice()),
    );
    let rows = (0..counts.months.len())
        .filter(|&i| counts.total[i] > 0)
        .map(|i| ChartRow {
            month: month_label(i),
            counts: all.iter().map(|values| values[i]).collect(),
        })
        .collect();
    Some(ChartView {
        title: text("chart_title"),
        caption: text("chart_caption"),
        series,
        ticks: ticks(counts, ui),
        columns,
        rows,
    })
}

/// One row of bars, one per month, scaled so `max` fills the row.
fn bars(values: &[u32], max: u32, month_label: &impl Fn(usize) -> String) -> String {
    let n = values.len();
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"bars\" viewBox=\"0 0 {n} {HEIGHT}\" preserveAspectRatio=\"none\" focusable=\"false\">"
    );
    let _ = write!(
        svg,
        "<line class=\"baseline\" x1=\"0\" x2=\"{n}\" y1=\"{HEIGHT}\" y2=\"{HEIGHT}\"/>"
    );
    for (i, &value) in values.iter().enumerate().filter(|(_, v)| **v > 0) {
        let h = (f64::from(value) / f64::from(max) * f64::from(HEIGHT)).max(2.0);
        let _ = write!(
            svg,
            "<rect x=\"{i}.15\" y=\"{:.2}\" width=\"0.7\" height=\"{h:.2}\"><title>{}: {value}</title></rect>",
            f64::from(HEIGHT) - h,
            escape(&month_label(i))
        );
    }
    svg.push_str("</svg>");
    svg
}

/// Month names when the span is short, years when it is long, thinned to [`MAX_TICKS`].
fn ticks(counts: &MonthlyCounts, ui: &UiLanguage) -> Vec<ChartTick> {
    let n = counts.months.len();
    let short = n <= 18;
    let candidates: Vec<usize> = (0..n)
        .filter(|&i| short || i == 0 || counts.months[i].month == 1)
        .collect();
    let step = candidates.len().div_ceil(MAX_TICKS).max(1);
    candidates
        .into_iter()
        .step_by(step)
        .map(|i| {
            let month = counts.months[i];
            let label = if short {
                let name: String = ui.dates.month_name(month.month).chars().take(3).collect();
                if i == 0 || month.month == 1 {
                    format!("{name} {}", month.year)
                } else {
                    name
                }
            } else {
                month.year.to_string()
            };
            let left = (i as f64 + 0.5) / n as f64 * 100.0;
            let align = if left < 12.0 {
                "start"
            } else if left > 88.0 {
                "end"
            } else {
                "middle"
            };
            ChartTick {
                label,
                left: format!("{left:.2}"),
                align,
            }
        })
        .collect()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
