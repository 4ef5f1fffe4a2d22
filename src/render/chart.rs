//! The timeline chart: stories per month, in total and per country, drawn as inline SVG at
//! build time so it reads without JavaScript; a table carries the same numbers as text.

use crate::config::UiLanguage;
use crate::model::MonthlyCounts;
use serde::Serialize;
use std::fmt::Write;

/// The chart and its text alternative, ready for a template.
#[derive(Serialize)]
pub struct ChartView {
    pub svg: String,
    pub caption: String,
    /// Column headings of the table: the total, then each country.
    pub columns: Vec<String>,
    /// One row per month that has stories.
    pub rows: Vec<ChartRow>,
}

#[derive(Serialize)]
pub struct ChartRow {
    pub month: String,
    pub counts: Vec<u32>,
}

const LABEL_WIDTH: f32 = 132.0;
const ROW_HEIGHT: f32 = 30.0;
const AXIS_HEIGHT: f32 = 22.0;
const PLOT_WIDTH: f32 = 640.0;

/// Draws `counts`; `country_label` names a country id in the UI language.
pub fn chart(
    counts: &MonthlyCounts,
    ui: &UiLanguage,
    country_label: impl Fn(&str) -> String,
) -> Option<ChartView> {
    if counts.months.is_empty() {
        return None;
    }
    let total_label = ui.strings.get("chart_total").cloned().unwrap_or_default();
    let title = ui.strings.get("chart_title").cloned().unwrap_or_default();
    let caption = ui.strings.get("chart_caption").cloned().unwrap_or_default();
    let mut series: Vec<(String, &[u32], &str)> =
        vec![(total_label.clone(), &counts.total, "total")];
    for (id, values) in &counts.by_country {
        series.push((country_label(id), values, "country"));
    }
    let n = counts.months.len();
    let max = counts.total.iter().copied().max().unwrap_or(0).max(1) as f32;
    let step = PLOT_WIDTH / n as f32;
    let bar = (step * 0.8).max(1.0);
    let height = series.len() as f32 * ROW_HEIGHT + AXIS_HEIGHT;
    let width = LABEL_WIDTH + PLOT_WIDTH;
    let month_label = |i: usize| {
        ui.dates
            .month(counts.months[i].year, counts.months[i].month)
    };

    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"chart-title\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"chart-title\">{}</title>",
        escape(&title)
    );
    for (row, (label, values, class)) in series.iter().enumerate() {
        let base = (row as f32 + 1.0) * ROW_HEIGHT;
        let _ = write!(
            svg,
            "<g class=\"row {class}\"><text class=\"label\" x=\"0\" y=\"{:.1}\">{}</text>",
            base - 8.0,
            escape(label)
        );
        let _ = write!(
            svg,
            "<line class=\"baseline\" x1=\"{LABEL_WIDTH}\" x2=\"{width}\" y1=\"{base}\" y2=\"{base}\"/>"
        );
        for (i, &value) in values.iter().enumerate() {
            if value == 0 {
                continue;
            }
            let h = (value as f32 / max * (ROW_HEIGHT - 6.0)).max(2.0);
            let x = LABEL_WIDTH + i as f32 * step + (step - bar) / 2.0;
            let _ = write!(
                svg,
                "<rect class=\"bar\" x=\"{x:.2}\" y=\"{:.2}\" width=\"{bar:.2}\" height=\"{h:.2}\"><title>{}, {}: {value}</title></rect>",
                base - h,
                escape(label),
                escape(&month_label(i))
            );
        }
        svg.push_str("</g>");
    }
    // Axis: every month when there are few, else each January (and the first month).
    let axis_y = series.len() as f32 * ROW_HEIGHT + 16.0;
    svg.push_str("<g class=\"axis\">");
    let few = n <= 18;
    let mut last_label_x = f32::MIN;
    for (i, month) in counts.months.iter().enumerate() {
        let x = LABEL_WIDTH + i as f32 * step + step / 2.0;
        let text = if few {
            short_month(ui.dates.month_name(month.month))
        } else if month.month == 1 || i == 0 {
            month.year.to_string()
        } else {
            continue;
        };
        if x - last_label_x < 34.0 {
            continue;
        }
        last_label_x = x;
        let _ = write!(
            svg,
            "<text x=\"{x:.1}\" y=\"{axis_y}\" text-anchor=\"middle\">{}</text>",
            escape(&text)
        );
    }
    svg.push_str("</g></svg>");

    let columns = series.iter().map(|(label, _, _)| label.clone()).collect();
    let rows = (0..n)
        .filter(|&i| counts.total[i] > 0)
        .map(|i| ChartRow {
            month: month_label(i),
            counts: series.iter().map(|(_, values, _)| values[i]).collect(),
        })
        .collect();
    Some(ChartView {
        svg,
        caption,
        columns,
        rows,
    })
}

fn short_month(name: &str) -> String {
    name.chars().take(3).collect()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
