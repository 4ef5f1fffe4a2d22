//! The import, step by step: clean the text, drop page furniture, find the headline,
//! dateline, credits and body, then infer language, date, outlet, countries, topics and
//! story. Everything inferred is reported with how it was found and how sure it is.

use super::dates;
use super::draft::Draft;
use super::furniture::{self, Removed};
use super::page_url::PageUrl;
use super::story::{self, Known};
use super::tagging::{self, Tag};
use super::{body, credits, head, headline, language, publication, subject, text};
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
    /// The page the text was copied from: its host names the outlet, its path often the date.
    pub url: Option<PageUrl>,
    /// The countries the archive is about (taxonomy ids); a text not about them all is refused.
    pub subjects: Vec<String>,
    /// Import a text that is not about the subject countries anyway.
    pub off_topic: bool,
}

/// How a value was arrived at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
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
    /// The place the dateline names.
    pub place: Option<Finding>,
    pub countries: Vec<Tag>,
    pub topics: Vec<Tag>,
    /// Whether the text is about the archive's subject countries, and why.
    pub on_topic: Option<subject::OnTopic>,
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
            *line = found.rest.clone();
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
    let (date, date_note) = publication::date(
        options,
        prefix_date,
        dateline.as_ref(),
        &page_dates,
        &lead,
        &mut problems,
    );

    // Outlet: given, or the page's host when it is a known outlet's, or the headline suffix, or
    // the dateline, or the page's host anyway, or an attribution sentence.
    let attributed = paragraphs.iter().find_map(|p| credits::attribution(p));
    let lang_code = language.lang.as_deref();
    let outlet = if let Some(given) = &options.outlet {
        Some(Finding::new(
            given.clone(),
            "given with --outlet",
            Sureness::Given,
        ))
    } else if let Some((url, name)) = options
        .url
        .as_ref()
        .and_then(|u| u.outlet(lang_code).map(|name| (u, name)))
    {
        Some(Finding::new(
            name,
            format!("the page's address ({}), a known outlet's", url.host),
            Sureness::Certain,
        ))
    } else if let Some(o) = suffix_outlet.clone() {
        Some(Finding::new(o, "the headline's suffix", Sureness::Certain))
    } else if let Some(o) = dateline.as_ref().and_then(|d| d.outlet.clone()) {
        Some(Finding::new(o, "the dateline", Sureness::Certain))
    } else if let Some(url) = &options.url {
        Some(Finding::new(
            url.host.clone(),
            format!(
                "the page's address: {} is no outlet dostyk knows (data/outlets.toml); write its name",
                url.host
            ),
            Sureness::Check,
        ))
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
    let duplicate_of = known
        .iter()
        .map(|k| (story::same_text(&plain, k.text), k))
        .filter(|(similarity, _)| *similarity >= 0.9)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k.slug.to_string());
    let slug = {
        let slug = crate::slug::title_slug(&title.value, lang.as_deref());
        if slug.is_empty() {
            "article".to_string()
        } else {
            slug
        }
    };
    let story = match (date, &lang) {
        (Some(date), Some(_)) => {
            let (link, reasons) = story::find(date, &plain, known, taxonomy);
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
        (true, Some(date), Some(lang), Some(outlet), Some(story)) => Some(Draft {
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

/// A story id for a text that joins no story: its date and the names it is about (the same
/// in every language, as an editor would write it: `2025-08-27-koshanov-emomali-astana`), or
/// the first words of its title when it names no one.
fn new_story_id(date: Date, title: &str, text: &str) -> String {
    let names: Vec<String> = story::names(text)
        .into_iter()
        .take(3)
        .map(|n| crate::slug::slugify(&n.key, 1, 20, None))
        .filter(|k| !k.is_empty())
        .collect();
    let words = if names.len() >= 2 {
        names.join("-")
    } else {
        crate::slug::slugify(title, 4, 40, None)
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
            ..Options::default()
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
