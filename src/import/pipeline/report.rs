//! What an import finds, and how sure it is of each value: the report the editor reads.

use super::super::furniture::Removed;
use super::super::subject;
use super::super::tagging::Tag;
use crate::load::ArticleFile;
use serde::Serialize;

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
    /// The value as the front matter takes it: a title, `2025-11-14`, an outlet's name.
    pub value: String,
    /// Where it was found, for the report (`the dateline "…"`, `given with --outlet`).
    pub how: String,
    /// How sure the importer is of it.
    pub sure: Sureness,
}

impl Finding {
    pub(super) fn new(value: impl Into<String>, how: impl Into<String>, sure: Sureness) -> Finding {
        Finding {
            value: value.into(),
            how: how.into(),
            sure,
        }
    }
}

/// The text's language, given or detected, with what the detector saw.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageFinding {
    /// The language's code; `None` when the detector is unsure, and then a problem asks for
    /// `--lang`.
    pub lang: Option<String>,
    /// 0.0 to 1.0, the detector's; 1.0 when given.
    pub confidence: f32,
    /// The detector's evidence, what costs confidence first; `given with --lang` when given.
    pub evidence: Vec<String>,
    /// Every candidate language's score, best first; empty when given.
    pub scores: Vec<(String, f32)>,
    /// Whether the editor gave it with `--lang`.
    pub given: bool,
}

/// The story the text belongs to: one it joins, or a new one.
#[derive(Debug, Clone, Serialize)]
pub struct StoryFinding {
    /// The story's id: the joined story's, or a new one made of the date and the names the
    /// text is about (`2025-08-27-koshanov-emomali-astana`).
    pub id: String,
    /// The article whose story this text joins, if it joins one.
    pub joins: Option<String>,
    /// Why: what it shares with the story it joins, or which story it nearly joined and why not.
    pub reasons: Vec<String>,
}

/// Everything the importer inferred, and from what.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The headline, or a title made from the first sentence; `None` only when the text has
    /// neither a headline nor article text.
    pub title: Option<Finding>,
    /// The language, with the detector's evidence.
    pub language: LanguageFinding,
    /// The publication date (`YYYY-MM-DD`); `None` when no whole date could be read (a problem
    /// then says why).
    pub date: Option<Finding>,
    /// The outlet: given, or from the page's host, the headline's suffix, the dateline or an
    /// attribution sentence.
    pub outlet: Option<Finding>,
    /// The photo credit (`Сурет:`, `АКС:`, `Фото:`), which goes to `[source] photo`.
    pub photo: Option<Finding>,
    /// The place the dateline names.
    pub place: Option<Finding>,
    /// The countries tagged, in the taxonomy's order, with the words that named each.
    pub countries: Vec<Tag>,
    /// The topics tagged, in the taxonomy's order, with the words that named each.
    pub topics: Vec<Tag>,
    /// Whether the text is about the archive's subject countries, and why.
    pub on_topic: Option<subject::OnTopic>,
    /// The story the text joins or starts; `None` without a date or a language.
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
    /// The article to write; `None` when a problem stops the import.
    pub draft: Option<ArticleFile>,
    /// What was inferred, and from what.
    pub report: Report,
    /// What stops the import, each with what the editor can do about it.
    pub problems: Vec<String>,
}
