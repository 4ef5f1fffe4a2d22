//! The report as Markdown, for a GitHub job summary: per file, what stops it (if anything),
//! then a table of what was inferred (value, how sure, why), the notes, and the lines
//! removed, folded away. Everything from the text is escaped: it shows as written.

use super::labels;
use super::one::FileResult;
use dostyk::github::cell;
use dostyk::import::pipeline::{Finding, Report, Sureness};
use dostyk::import::tagging::Tag;
use std::fmt::Write as _;

/// The report of one file, without a heading; `say` rewrites the importer's words for where
/// the reader is (the inbox writes option lines, not flags).
pub(in crate::cmd) fn report(result: &FileResult, say: &dyn Fn(&str) -> String) -> String {
    let mut out = String::new();
    let problems = result.problems();
    if !problems.is_empty() {
        out.push_str("**What stops it:**\n\n");
        for problem in &problems {
            let _ = writeln!(out, "- {}", cell(&say(problem)));
        }
        out.push('\n');
    }
    out.push_str(&details(result, say));
    out
}

/// The report's table, notes and removed lines, without what stops the import.
pub(in crate::cmd) fn details(result: &FileResult, say: &dyn Fn(&str) -> String) -> String {
    let mut out = String::new();
    let Some(outcome) = &result.outcome else {
        return out;
    };
    let report = &outcome.report;
    out.push_str("| | value | how sure | why |\n|---|---|---|---|\n");
    for row in rows(report) {
        let _ = writeln!(
            out,
            "| **{}** | {} | {} | {} |",
            row.label,
            cell(&row.value),
            cell(&row.sure),
            cell(&say(&row.why))
        );
    }
    if !report.notes.is_empty() {
        out.push_str("\n**Notes:**\n\n");
        for note in &report.notes {
            let _ = writeln!(out, "- {}", cell(&say(note)));
        }
    }
    if !report.removed.is_empty() {
        let _ = write!(
            out,
            "\n<details><summary>{} line(s) removed from the text</summary>\n\n| line | text | why |\n|---|---|---|\n",
            report.removed.len()
        );
        for removed in &report.removed {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                removed.line,
                cell(&removed.text),
                cell(removed.reason)
            );
        }
        out.push_str("\n</details>\n");
    }
    out.push('\n');
    out
}

/// One line of the table.
struct Row {
    label: &'static str,
    value: String,
    sure: String,
    why: String,
}

impl Row {
    fn of(label: &'static str, finding: &Finding) -> Row {
        Row {
            label,
            value: finding.value.clone(),
            sure: labels::sureness(finding.sure).to_string(),
            why: finding.how.clone(),
        }
    }

    fn missing(label: &'static str) -> Row {
        Row {
            label,
            value: "—".into(),
            sure: "missing".into(),
            why: "see what stops it, above".into(),
        }
    }
}

/// The table's rows: the fields the front matter takes, in its order. The title, language,
/// date, outlet, countries, topics and story are always there (a missing one says so).
fn rows(report: &Report) -> Vec<Row> {
    let mut rows = Vec::new();
    let finding = |label, f: &Option<Finding>| f.as_ref().map(|f| Row::of(label, f));
    rows.push(finding(labels::TITLE, &report.title).unwrap_or_else(|| Row::missing(labels::TITLE)));
    let language = &report.language;
    rows.push(Row {
        label: labels::LANGUAGE,
        value: language
            .lang
            .clone()
            .unwrap_or_else(|| labels::UNKNOWN.into()),
        sure: if language.given {
            labels::sureness(Sureness::Given).to_string()
        } else {
            format!("{:.0}%", language.confidence * 100.0)
        },
        why: language.evidence.join("; "),
    });
    rows.push(finding(labels::DATE, &report.date).unwrap_or_else(|| Row::missing(labels::DATE)));
    rows.extend(finding(labels::PLACE, &report.place));
    rows.push(
        finding(labels::OUTLET, &report.outlet).unwrap_or_else(|| Row::missing(labels::OUTLET)),
    );
    rows.extend(finding(labels::PHOTO, &report.photo));
    rows.push(tags(labels::COUNTRIES, &report.countries));
    rows.push(tags(labels::TOPICS, &report.topics));
    if let Some(on) = &report.on_topic {
        rows.push(Row {
            label: labels::SUBJECT,
            value: if on.value {
                labels::ON_TOPIC
            } else {
                labels::OFF_TOPIC
            }
            .into(),
            sure: String::new(),
            why: on.why.clone(),
        });
    }
    rows.push(match &report.story {
        Some(story) => Row {
            label: labels::STORY,
            value: story.id.clone(),
            sure: match &story.joins {
                Some(slug) => format!("joins {slug}"),
                None => "new".into(),
            },
            why: story.reasons.join("; "),
        },
        None => Row::missing(labels::STORY),
    });
    if let Some(slug) = &report.duplicate_of {
        rows.push(Row {
            label: labels::DUPLICATE,
            value: slug.clone(),
            sure: labels::sureness(Sureness::Certain).into(),
            why: "the archive already has this text".into(),
        });
    }
    rows
}

/// Countries or topics: their ids, how often the text names each, and the words it uses.
fn tags(label: &'static str, tags: &[Tag]) -> Row {
    if tags.is_empty() {
        return Row {
            label,
            value: labels::NONE_FOUND.into(),
            sure: labels::sureness(Sureness::Check).into(),
            why: String::new(),
        };
    }
    let ids: Vec<&str> = tags.iter().map(|t| t.id.as_str()).collect();
    let hits: Vec<String> = tags
        .iter()
        .map(|t| format!("{}×{}", t.id, t.hits))
        .collect();
    let words: Vec<String> = tags
        .iter()
        .map(|t| format!("{}: {}", t.id, t.triggers.join(", ")))
        .collect();
    Row {
        label,
        value: ids.join(", "),
        sure: format!("named {}", hits.join(", ")),
        why: words.join("; "),
    }
}
