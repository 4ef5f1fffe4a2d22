//! The import, step by step: clean the text, drop page furniture, find the headline,
//! dateline, credits and body, then infer language, date, outlet, countries, topics and
//! story. Everything inferred is reported with how it was found and how sure it is.

mod language;
mod outlet;
mod report;
mod story;

#[cfg(test)]
mod tests;

pub use report::{Finding, LanguageFinding, Outcome, Report, StoryFinding, Sureness};

use super::dates;
use super::furniture::{self, Removed};
use super::page_url::PageUrl;
use super::story::Known;
use super::tagging::{self, Tag};
use super::{body, credits, head, headline, publication, subject, text};
use crate::date::Date;
use crate::load::ArticleFile;
use crate::load::taxonomy::{Kind, Taxonomy};

/// What the editor says on the command line; each overrides what the text says.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `--lang`: the language's code (`kk`, `tg`, `uz`, `ru`), taken instead of detecting it;
    /// a code no article can be in is a problem.
    pub lang: Option<String>,
    /// `--date`: the publication date, taken before any date the text gives.
    pub date: Option<Date>,
    /// `--year`: the year of a date the text writes with its day and month only.
    pub year: Option<u16>,
    /// `--outlet`: the outlet's name, taken before the address, the headline's suffix, the
    /// dateline or an attribution.
    pub outlet: Option<String>,
    /// The page the text was copied from: its host names the outlet, its path often the date.
    pub url: Option<PageUrl>,
    /// The countries the archive is about (taxonomy ids); a text not about them all is refused.
    pub subjects: Vec<String>,
    /// Import a text that is not about the subject countries anyway.
    pub off_topic: bool,
}

/// Imports one raw text. `known` are the archive's articles, for story links and duplicates.
pub fn import(raw: &str, options: &Options, taxonomy: &Taxonomy, known: &[Known]) -> Outcome {
    let cleaned = text::normalise(raw);
    let (kept, mut removed) = furniture::strip(&cleaned);
    let mut lines: Vec<(usize, String)> = kept;
    let mut notes = Vec::new();
    let mut problems = Vec::new();

    // A `date YYYY-MM-DD` marker before the headline.
    let mut prefix_date = None;
    if let Some(first) = lines.iter_mut().find(|(_, l)| !l.trim().is_empty())
        && let Some((date, rest)) = dates::date_prefix(&first.1)
    {
        prefix_date = Some(date);
        first.1 = rest;
    }

    // The top of the page: its chrome, its own date, the headline.
    let head = head::read(lines, options.url.as_ref());
    removed.extend(head.removed);
    let mut lines = head.lines;
    let page_dates = head.page_dates;
    let mut suffix_outlet = None;
    let title: Option<Finding> = head.headline.map(|h| {
        suffix_outlet = h.outlet;
        Finding::new(h.text, h.how, h.sure)
    });

    // Photo credits leave the text for the front matter.
    let mut photo = None;
    lines.retain(|(number, line)| match credits::photo_credit(line) {
        Some(credit) => {
            if photo.is_none() {
                photo = Some(Finding::new(
                    credit,
                    format!("the credit line {number}: \"{}\"", line.trim()),
                    Sureness::Certain,
                ));
            } else {
                notes.push(format!(
                    "another photo credit, line {number}, was dropped: \"{}\"",
                    line.trim()
                ));
            }
            false
        }
        None => true,
    });

    // A dateline opens the article's first paragraph: place, date, outlet, then the text. A
    // subtitle, a photo's caption or credit may stand above that paragraph, and a share button's
    // words may be glued before it; below the first paragraph of prose there is none.
    let mut dateline = None;
    for (number, line) in lines.iter_mut().filter(|(_, l)| !l.trim().is_empty()) {
        let (chrome, rest) = furniture::leading_chrome(line);
        if let Some(found) = dates::dateline(rest) {
            if !chrome.is_empty() {
                removed.push(Removed {
                    line: *number,
                    text: chrome.trim().to_string(),
                    reason: "share buttons",
                });
            }
            line.clone_from(&found.rest);
            dateline = Some(found);
            break;
        }
        if head::is_prose(line) {
            break;
        }
    }

    let place = dateline.as_ref().and_then(|d| {
        super::place::from_dateline(&d.place).map(|name| {
            Finding::new(
                name,
                format!("the dateline \"{}\"", d.text.trim()),
                Sureness::Certain,
            )
        })
    });

    let body_lines: Vec<String> = lines.into_iter().map(|(_, l)| l).collect();
    let paragraphs = body::paragraphs(&body_lines);
    let markdown = body::to_markdown(&body_lines);
    let Some(lead) = paragraphs.first().cloned() else {
        problems.push("the text has no article text: nothing to import".to_string());
        return failed(title, removed, notes, problems, empty_language());
    };
    let title = title.unwrap_or_else(|| {
        Finding::new(
            headline::from_lead(&undated(&lead)),
            "made from the first sentence: the text has no headline; write a better one",
            Sureness::Check,
        )
    });
    if title.value.trim().is_empty() {
        problems.push(
            "the text has no headline, and its first sentence makes none: add a headline as its first line"
                .to_string(),
        );
    }
    let plain = format!("{}\n{}", title.value, paragraphs.join("\n"));

    // Language: given, or detected.
    let language = language::find(options, &plain, &mut problems);

    // Date: given, or the marker, or the dateline, or (without a dateline) the lead's.
    let (date, date_note) = publication::date(
        options,
        prefix_date,
        dateline.as_ref(),
        &page_dates,
        &lead,
        &mut problems,
    );

    // Outlet: given, the page's host, the headline's suffix, the dateline, or an attribution.
    let outlet = outlet::find(
        options,
        language.lang.as_deref(),
        suffix_outlet.as_deref(),
        dateline.as_ref(),
        &paragraphs,
        &mut notes,
        &mut problems,
    );

    // Countries and topics.
    let lang = language.lang.clone();
    // The lines as written: the tagger weighs a bullet's heading like the lead.
    let body_text = body_lines.join("\n");
    let country_candidates = tagging::candidates(
        &title.value,
        &body_text,
        lang.as_deref(),
        taxonomy.terms(Kind::Country),
    );
    let places = subject::places(&title.value, &body_text, lang.as_deref(), taxonomy);
    let on_topic = subject::judge(&country_candidates, &places, &options.subjects);
    if !on_topic.value {
        if options.off_topic {
            notes.push(format!("imported with --off-topic: {}", on_topic.why));
        } else {
            problems.push(format!(
                "off topic: {}. The archive is about {}; import it anyway with --off-topic",
                on_topic.why,
                options.subjects.join(" and ")
            ));
        }
    }
    let mut countries: Vec<Tag> = country_candidates
        .into_iter()
        .filter(tagging::Candidate::tagged)
        .map(|c| c.tag)
        .collect();
    // A subject country named only by its place is the text's country too.
    for (id, place) in &on_topic.implied {
        countries.push(Tag {
            id: id.clone(),
            triggers: vec![place.clone()],
            hits: 1,
        });
    }
    countries.sort_by_key(|t| taxonomy.position(Kind::Country, &t.id));
    let topics: Vec<Tag> = tagging::topic_candidates(
        &title.value,
        &body_text,
        lang.as_deref(),
        taxonomy.terms(Kind::Topic),
    )
    .into_iter()
    .filter(tagging::Candidate::tagged)
    .map(|c| c.tag)
    .collect();

    // The same text already in the archive, and the story it belongs to.
    let duplicate_of = story::duplicate_of(&plain, known);
    let slug = {
        let slug = crate::slug::title_slug(&title.value, lang.as_deref());
        if slug.is_empty() {
            "article".to_string()
        } else {
            slug
        }
    };
    let story = story::find(date, lang.as_deref(), &title.value, &plain, known, taxonomy);

    removed.sort_by_key(|r| r.line);
    let report = Report {
        title: Some(title.clone()),
        language,
        date: date.map(|d| Finding::new(d.to_string(), date_note.1.clone(), date_note.2)),
        outlet: outlet.clone(),
        photo: photo.clone(),
        place: place.clone(),
        countries: countries.clone(),
        topics: topics.clone(),
        on_topic: Some(on_topic),
        story: story.clone(),
        duplicate_of,
        removed,
        notes,
    };
    let draft = match (problems.is_empty(), date, lang, outlet, story) {
        (true, Some(date), Some(lang), Some(outlet), Some(story)) => Some(ArticleFile {
            slug,
            title: title.value,
            date,
            date_note: date_note.0,
            lang,
            place: place.map(|p| p.value),
            countries: countries.into_iter().map(|t| t.id).collect(),
            topics: topics.into_iter().map(|t| t.id).collect(),
            story: story.id,
            outlet: outlet.value,
            url: options.url.as_ref().map(|u| u.url.clone()),
            photo_credit: photo.map(|p| p.value),
            lead_photo: None,
            body: markdown,
        }),
        _ => None,
    };
    Outcome {
        draft,
        report,
        problems,
    }
}

/// A lead without the date it opens with (`30-юми апрели соли 2024 дар …` → `Дар …`):
/// a title does not start with a date.
fn undated(lead: &str) -> String {
    match dates::find_dates(lead).first() {
        Some(found) if found.start == 0 => {
            let rest = lead[found.end..].trim_start_matches([',', ' ']);
            let mut chars = rest.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect()
            })
        }
        _ => lead.to_string(),
    }
}

fn empty_language() -> LanguageFinding {
    LanguageFinding {
        lang: None,
        confidence: 0.0,
        evidence: Vec::new(),
        scores: Vec::new(),
        given: false,
    }
}

fn failed(
    title: Option<Finding>,
    removed: Vec<Removed>,
    notes: Vec<String>,
    problems: Vec<String>,
    language: LanguageFinding,
) -> Outcome {
    Outcome {
        draft: None,
        report: Report {
            title,
            language,
            date: None,
            outlet: None,
            photo: None,
            place: None,
            countries: Vec::new(),
            topics: Vec::new(),
            on_topic: None,
            story: None,
            duplicate_of: None,
            removed,
            notes,
        },
        problems,
    }
}
