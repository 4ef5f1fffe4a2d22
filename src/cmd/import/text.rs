//! The report for a terminal: per file, a line per field with what was inferred, how sure
//! and from what.

use super::labels;
use super::one::{FileResult, Status};
use dostyk::import::pipeline::{Finding, Report};

pub(in crate::cmd) fn print_result(result: &FileResult) {
    let target = result
        .path
        .as_ref()
        .map(|p| format!(" → {}", p.display()))
        .unwrap_or_default();
    println!(
        "{}{target}  [{}]",
        result.file.display(),
        result.status.as_str()
    );
    if let Some(outcome) = &result.outcome {
        print_report(&outcome.report);
        for problem in &outcome.problems {
            println!("  error     {problem}");
        }
    } else if let Some(error) = &result.error {
        println!("  error     {error}");
    }
    if result.status == Status::Skipped {
        println!(
            "  skipped   the same text is already in the archive (--force imports it again, replacing it)"
        );
    }
    println!();
}

fn print_report(report: &Report) {
    let finding = |label: &str, f: &Option<Finding>| {
        if let Some(f) = f {
            println!(
                "  {label:<9} {}  [{}: {}]",
                f.value,
                labels::sureness(f.sure),
                f.how
            );
        }
    };
    finding(labels::TITLE, &report.title);
    let language = &report.language;
    let label = labels::LANGUAGE;
    match &language.lang {
        Some(lang) if language.given => println!("  {label:<9} {lang}  [given with --lang]"),
        Some(lang) => println!(
            "  {label:<9} {lang}  [{:.0}% sure: {}]",
            language.confidence * 100.0,
            language.evidence.join("; ")
        ),
        None => println!(
            "  {label:<9} {}  [{}]",
            labels::UNKNOWN,
            language.evidence.join("; ")
        ),
    }
    finding(labels::DATE, &report.date);
    finding(labels::PLACE, &report.place);
    finding(labels::OUTLET, &report.outlet);
    finding(labels::PHOTO, &report.photo);
    for (label, tags) in [
        (labels::COUNTRIES, &report.countries),
        (labels::TOPICS, &report.topics),
    ] {
        let shown: Vec<String> = tags
            .iter()
            .map(|t| format!("{} ({})", t.id, t.triggers.join(", ")))
            .collect();
        println!(
            "  {label:<9} {}",
            if shown.is_empty() {
                labels::NONE_FOUND.to_string()
            } else {
                shown.join("; ")
            }
        );
    }
    if let Some(on) = &report.on_topic {
        let verdict = if on.value {
            labels::ON_TOPIC
        } else {
            labels::OFF_TOPIC
        };
        println!("  {:<9} {verdict}  [{}]", labels::SUBJECT, on.why);
    }
    if let Some(story) = &report.story {
        let how = match &story.joins {
            Some(slug) => format!("joins {slug}"),
            None => "new".to_string(),
        };
        println!(
            "  {:<9} {}  [{how}: {}]",
            labels::STORY,
            story.id,
            story.reasons.join("; ")
        );
    }
    if let Some(slug) = &report.duplicate_of {
        println!(
            "  {} the archive already has this text as {slug}",
            labels::DUPLICATE
        );
    }
    for removed in &report.removed {
        println!(
            "  removed   line {}: \"{}\" ({})",
            removed.line, removed.text, removed.reason
        );
    }
    for note in &report.notes {
        println!("  note      {note}");
    }
}
