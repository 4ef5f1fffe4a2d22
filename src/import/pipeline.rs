//! The import, step by step: clean the text, drop page furniture, find the headline,
//! dateline, credits and body, then infer language, date, outlet, countries, topics and
//! story. Everything inferred is reported with how it was found and how sure it is.

use super::dates::{self, PartialDate};
use super::draft::Draft;
use super::furniture::{self, Removed};
use super::story::{self, Known};
use super::tagging::{self, Tag};
use super::{body, credits, headline, language, text};
use crate::date::Date;
use crate::language::Language;
use crate::taxonomy::{Kind, Taxonomy};
use serde::Serialize;

/// What the editor says on the command line; each overrides what the text says.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub lang: Option<String>,
    pub date: Option<Date>,
    pub year: Option<u16>,
    pub outlet: Option<String>,
}

/// How a value was arrived at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sureness {
    /// The editor gave it on the command line.
    Given,
    /// The text states it where such things are stated (a headline, a dateline).
    Certain,
    /// Inferred from good evidence; worth a glance.
    Likely,
    /// A best effort the editor should check.
    Check,
}

/// One inferred value and how it was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub value: String,
    pub how: String,
    pub sure: Sureness,
}

impl Finding {
    fn new(value: impl Into<String>, how: impl Into<String>, sure: Sureness) -> Finding {
        Finding {
            value: value.into(),
            how: how.into(),
            sure,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct LanguageFinding {
    pub lang: Option<String>,
    pub confidence: f32,
    pub evidence: Vec<String>,
    pub scores: Vec<(String, f32)>,
    pub given: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct StoryFinding {
    pub id: String,
    /// The article whose story this text joins, if it joins one.
    pub joins: Option<String>,
    pub reasons: Vec<String>,
}

/// Everything the importer inferred, and from what.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub title: Option<Finding>,
    pub language: LanguageFinding,
    pub date: Option<Finding>,
    pub outlet: Option<Finding>,
    pub photo: Option<Finding>,
    pub countries: Vec<Tag>,
    pub topics: Vec<Tag>,
    pub story: Option<StoryFinding>,
    /// An existing article with the same text: importing again would duplicate it.
    pub duplicate_of: Option<String>,
    /// Lines dropped from the text: page furniture, scraping debris, a repeated headline.
    pub removed: Vec<Removed>,
    /// Other things the editor should know.
    pub notes: Vec<String>,
}

/// The result of importing one text: the article when nothing essential is missing, and
/// the report either way.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    pub draft: Option<Draft>,
    pub report: Report,
    /// What stops the import, each with what the editor can do about it.
    pub problems: Vec<String>,
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

    // The headline, its outlet suffix, and a repeat of it.
    let mut title: Option<Finding> = None;
    let mut suffix_outlet = None;
    if let Some(i) = lines.iter().position(|(_, l)| !l.trim().is_empty()) {
        let line = lines[i].1.trim().to_string();
        if headline::is_headline(&line)
            && dates::dateline(&line).is_none()
            && credits::photo_credit(&line).is_none()
        {
            let (clean, outlet) = credits::split_outlet_suffix(&line);
            let how = if outlet.is_some() {
                "the first line, without the outlet after the dash"
            } else {
                "the first line"
            };
            title = Some(Finding::new(clean.clone(), how, Sureness::Certain));
            suffix_outlet = outlet;
            lines.remove(i);
            if let Some(j) = lines.iter().position(|(_, l)| !l.trim().is_empty())
                && (headline::repeats(&lines[j].1, &clean) || headline::repeats(&lines[j].1, &line))
            {
                let (number, text) = lines.remove(j);
                removed.push(Removed {
                    line: number,
                    text,
                    reason: "repeated headline",
                });
            }
        }
    }

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

    // A dateline opens the first paragraph: place, date, outlet, then the text.
    let mut dateline = None;
    if let Some(first) = lines.iter_mut().find(|(_, l)| !l.trim().is_empty())
        && let Some(found) = dates::dateline(&first.1)
    {
        first.1 = found.rest.clone();
        dateline = Some(found);
    }

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

    // Language.
    let language = match &options.lang {
        Some(code) => {
            if Language::from_code(code).is_none() {
                problems.push(format!(
                    "--lang {code}: unknown language code; known: {}",
                    Language::codes().collect::<Vec<_>>().join(", ")
                ));
            }
            LanguageFinding {
                lang: Some(code.clone()),
                confidence: 1.0,
                evidence: vec!["given with --lang".into()],
                scores: Vec::new(),
                given: true,
            }
        }
        None => {
            let detection = language::detect(&plain);
            let scores = detection
                .scores
                .iter()
                .map(|(l, s)| (l.to_string(), *s))
                .collect();
            // `detect` leaves `lang` empty below its confidence threshold.
            let sure = detection.lang;
            if sure.is_none() {
                let why = detection
                    .evidence
                    .first()
                    .cloned()
                    .unwrap_or_else(|| "no evidence".into());
                problems.push(format!(
                    "cannot tell the language of the text ({why}): give it with --lang kk|tg|uz|ru"
                ));
            }
            LanguageFinding {
                lang: sure.map(str::to_string),
                confidence: detection.confidence,
                evidence: detection.evidence,
                scores,
                given: false,
            }
        }
    };

    // Date: given, or the marker, or the dateline, or (without a dateline) the lead's.
    let (date, date_note) = publication_date(
        options,
        prefix_date,
        dateline.as_ref(),
        &lead,
        &mut problems,
    );

    // Outlet: given, or the headline suffix, or the dateline, or an attribution sentence.
    let attributed = paragraphs.iter().find_map(|p| credits::attribution(p));
    let outlet = if let Some(given) = &options.outlet {
        Some(Finding::new(
            given.clone(),
            "given with --outlet",
            Sureness::Given,
        ))
    } else if let Some(o) = suffix_outlet.clone() {
        Some(Finding::new(o, "the headline's suffix", Sureness::Certain))
    } else if let Some(o) = dateline.as_ref().and_then(|d| d.outlet.clone()) {
        Some(Finding::new(o, "the dateline", Sureness::Certain))
    } else {
        attributed
            .clone()
            .map(|o| Finding::new(o, "the sentence that attributes the news", Sureness::Likely))
    };
    for (what, other) in [
        (
            "the dateline names",
            dateline.as_ref().and_then(|d| d.outlet.clone()),
        ),
        ("the text attributes it to", attributed),
    ] {
        if let (Some(other), Some(outlet)) = (other, &outlet)
            && other != outlet.value
        {
            notes.push(format!(
                "{what} \"{other}\" (the outlet is \"{}\", from {})",
                outlet.value, outlet.how
            ));
        }
    }
    if outlet.is_none() {
        problems.push("the text names no outlet (no headline suffix, dateline or attribution): give it with --outlet NAME".to_string());
    }

    // Countries and topics.
    let lang = language.lang.clone();
    // The lines as written: the tagger weighs a bullet's heading like the lead.
    let body_text = body_lines.join("\n");
    let countries = tagging::tag_weighted(
        &title.value,
        &body_text,
        lang.as_deref(),
        taxonomy.terms(Kind::Country),
    );
    let topics = tagging::tag_weighted(
        &title.value,
        &body_text,
        lang.as_deref(),
        taxonomy.terms(Kind::Topic),
    );

    // The same text already in the archive, and the story it belongs to.
    let duplicate_of = known
        .iter()
        .map(|k| (story::same_text(&plain, k.text), k))
        .filter(|(similarity, _)| *similarity >= 0.9)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k.slug.to_string());
    let slug = {
        let slug = crate::slug::title_slug(&title.value);
        if slug.is_empty() {
            "article".to_string()
        } else {
            slug
        }
    };
    let story = match (date, &lang) {
        (Some(date), Some(lang)) => {
            let (link, reasons) = story::find(date, lang, &title.value, &plain, known);
            Some(match link {
                Some(link) => StoryFinding {
                    id: link.story.clone(),
                    joins: Some(link.slug.clone()),
                    reasons,
                },
                None => StoryFinding {
                    id: new_story_id(date, &title.value, &plain),
                    joins: None,
                    reasons,
                },
            })
        }
        _ => None,
    };

    removed.sort_by_key(|r| r.line);
    let report = Report {
        title: Some(title.clone()),
        language,
        date: date.map(|d| Finding::new(d.to_string(), date_note.1.clone(), date_note.2)),
        outlet: outlet.clone(),
        photo: photo.clone(),
        countries: countries.clone(),
        topics: topics.clone(),
        story: story.clone(),
        duplicate_of,
        removed,
        notes,
    };
    let draft = match (problems.is_empty(), date, lang, outlet, story) {
        (true, Some(date), Some(lang), Some(outlet), Some(story)) => Some(Draft {
            slug,
            title: title.value,
            date,
            date_note: date_note.0,
            lang,
            countries: countries.into_iter().map(|t| t.id).collect(),
            topics: topics.into_iter().map(|t| t.id).collect(),
            story: story.id,
            outlet: outlet.value,
            url: None,
            photo: photo.map(|p| p.value),
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

/// The publication date, with the front matter note (when the text alone does not give it),
/// how it was found and how sure that is.
fn publication_date(
    options: &Options,
    prefix: Option<Date>,
    dateline: Option<&dates::Dateline>,
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
    let lead_dates = dates::find_dates(lead);
    let (written, how, sure) =
        match dateline.and_then(|d| d.date.map(|date| (date, d.text.clone()))) {
            Some((date, text)) => (
                date,
                format!("the dateline \"{}\"", text.trim()),
                Sureness::Certain,
            ),
            None => match lead_dates.first() {
                Some(found) => (
                    found.date,
                    format!(
                        "the first date of the lead, \"{}\" (the text has no dateline)",
                        found.text
                    ),
                    Sureness::Likely,
                ),
                None => {
                    problems.push(
                        "the text gives no date: give the publication date with --date YYYY-MM-DD"
                            .to_string(),
                    );
                    return (None, (None, String::new(), Sureness::Check));
                }
            },
        };
    complete(written, &how, sure, options.year, problems)
}

fn complete(
    written: PartialDate,
    how: &str,
    sure: Sureness,
    year: Option<u16>,
    problems: &mut Vec<String>,
) -> (Option<Date>, (Option<String>, String, Sureness)) {
    match (written.year, year) {
        (Some(_), _) => match written.complete() {
            Some(date) => (Some(date), (None, how.to_string(), sure)),
            None => {
                problems.push(format!(
                    "{how} is not a calendar date: give the date with --date YYYY-MM-DD"
                ));
                (None, (None, String::new(), Sureness::Check))
            }
        },
        (None, Some(year)) => match written.with_year(year) {
            Some(date) => {
                let note = format!(
                    "The text gives the day and month ({how}) but no year; the editor gave the year {year}."
                );
                (
                    Some(date),
                    (
                        Some(note),
                        format!("{how}, with the year from --year"),
                        Sureness::Given,
                    ),
                )
            }
            None => {
                problems.push(format!("{how} with --year {year} is not a calendar date"));
                (None, (None, String::new(), Sureness::Check))
            }
        },
        (None, None) => {
            problems.push(format!(
                "{how} gives the day and month but no year: give the year with --year YYYY (or the whole date with --date YYYY-MM-DD)"
            ));
            (None, (None, String::new(), Sureness::Check))
        }
    }
}

/// A story id for a text that joins no story: its date and the names it is about (the same
/// in every language, as an editor would write it: `2025-08-27-koshanov-emomali-astana`), or
/// the first words of its title when it names no one.
fn new_story_id(date: Date, title: &str, text: &str) -> String {
    let names: Vec<String> = story::names(text)
        .into_iter()
        .take(3)
        .map(|n| crate::slug::slugify(&n.key, 1, 20))
        .filter(|k| !k.is_empty())
        .collect();
    let words = if names.len() >= 2 {
        names.join("-")
    } else {
        crate::slug::slugify(title, 4, 40)
    };
    if words.is_empty() {
        date.to_string()
    } else {
        format!("{date}-{words}")
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
            countries: Vec::new(),
            topics: Vec::new(),
            story: None,
            duplicate_of: None,
            removed,
            notes,
        },
        problems,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::plain_text;

    use crate::import::testing::Rng;

    const WORDS: &[&str] = &[
        "Қазақстан",
        "Тоҷикистон",
        "ҳамкорӣ",
        "және",
        "дар",
        "*жұлдыз*",
        "_асты_",
        "<b>",
        "[сілтеме](javascript:x)",
        "`код`",
        "&amp;",
        "Рустами",
        "Эмомалӣ",
        "2025",
        "24-орын",
        "90",
        "«дәйексөз»",
        "—",
        "#",
        "1.",
        "\\",
        "~~",
        "|",
        "ўзаро",
        "муносибатҳо",
        "сауда",
        "su",
        "oʻzaro",
        "!",
        "Telegram",
        "Фото",
        "http://x.kz/a_b",
    ];

    fn sentence(rng: &mut Rng) -> String {
        let n = 8 + (rng.next() % 12) as usize;
        let mut words: Vec<&str> = (0..n).map(|_| rng.pick(WORDS)).collect();
        words[0] = rng.pick(&["Тараптар", "Министр", "Делегация", "Президент"]);
        format!("{}.", words.join(" "))
    }

    fn options() -> Options {
        Options {
            lang: Some("kk".into()),
            date: Date::new(2025, 8, 27),
            year: None,
            outlet: Some("Test".into()),
        }
    }

    #[test]
    fn never_panics_and_never_loses_a_sentence() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let prefixes = [
            "",
            "• ",
            "- ",
            "— ",
            "  ",
            "> ",
            "# ",
            "1. ",
            "Сурет: x\n",
            "\u{feff}",
            "\r",
        ];
        for round in 0..400 {
            let mut lines = Vec::new();
            let mut sentences = Vec::new();
            if rng.next().is_multiple_of(2) {
                lines.push("Қазақстан мен Тәжікстан ынтымақтастықты талқылады".to_string());
            }
            for _ in 0..(1 + rng.next() % 8) {
                let s = sentence(&mut rng);
                let prefix = rng.pick(&prefixes);
                lines.push(format!("{prefix}{s}"));
                sentences.push(s);
                if rng.next().is_multiple_of(3) {
                    lines.push(String::new());
                }
            }
            let text = lines.join(if rng.next().is_multiple_of(2) {
                "\n"
            } else {
                "\r\n"
            });
            let outcome = import(&text, &options(), &Taxonomy::default(), &[]);
            let draft = outcome
                .draft
                .unwrap_or_else(|| panic!("round {round}: {:?}\n{text}", outcome.problems));
            let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            let seen = squash(&format!("{}\n{}", draft.title, plain_text(&draft.body)));
            for s in &sentences {
                assert!(
                    seen.contains(&squash(s)),
                    "round {round}: lost {s:?}\nfrom {text:?}\nbody {:?}",
                    draft.body
                );
            }
            let html = crate::markdown::render(&draft.body);
            assert!(
                !html.contains("<b>") && !html.contains("<a "),
                "round {round}: markup got through: {html}"
            );
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic() {
        let mut rng = Rng(42);
        for _ in 0..300 {
            let len = (rng.next() % 400) as usize;
            let bytes: Vec<u8> = (0..len).map(|_| (rng.next() % 256) as u8).collect();
            let text = String::from_utf8_lossy(&bytes);
            let _ = import(&text, &Options::default(), &Taxonomy::default(), &[]);
            let _ = import(&text, &options(), &Taxonomy::default(), &[]);
        }
    }
}
