//! One article file: one language version of a news story.

use super::excerpt::excerpt;
use super::front_matter;
use crate::date::Date;
use crate::error::{Diagnostic, did_you_mean, line_of, toml_diagnostic};
use crate::language::Language;
use crate::load::taxonomy::{Kind, Taxonomy};
use serde::Deserialize;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// A validated article.
#[derive(Debug, Clone)]
pub struct Article {
    /// The file, as given to the loader (for messages).
    pub path: PathBuf,
    /// URL segment: `[a-z0-9-]`, unique in the archive.
    pub slug: String,
    /// The article's title, as its front matter gives it (plain text, trimmed, never empty).
    pub title: String,
    /// The publication date.
    pub date: Date,
    /// How the date was known when the text does not give it (`date_note`), for editors.
    pub date_note: Option<String>,
    /// The language of the text (not of the UI).
    pub lang: Language,
    /// Where the news was reported from (a dateline's place), as the text or the editor writes it.
    pub place: Option<String>,
    /// Country ids, in front matter order, all defined in the taxonomy.
    pub countries: Vec<String>,
    /// Topic ids, likewise: in front matter order, each once, all defined in the taxonomy.
    pub topics: Vec<String>,
    /// Versions of one event in several languages share it; defaults to the slug.
    pub story: String,
    /// The `[source]` table: the outlet and, if given, its URL and the photo credit.
    pub source: Source,
    /// Markdown source of the body.
    pub body: String,
    /// 1-based line of the file on which `body` starts, for messages about the text.
    pub body_line: usize,
    /// Whether the body may link other articles' files (it mentions `.md`): only then does
    /// its HTML depend on other articles' slugs. Decided once, when the file is read.
    pub may_link_articles: bool,
    /// Plain-text summary for lists, feeds and descriptions.
    pub summary: String,
}

/// Where the text came from.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The outlet that published the text, as it names itself; required, trimmed.
    pub outlet: String,
    /// The address of the original text; `None` when not given or blank.
    pub url: Option<String>,
    /// The photo credit the article page shows; `None` when not given or blank.
    pub photo: Option<String>,
}

#[derive(Deserialize)]
struct RawFrontMatter {
    title: Spanned<String>,
    date: Spanned<RawDate>,
    date_note: Option<String>,
    lang: Spanned<String>,
    place: Option<String>,
    #[serde(default)]
    countries: Vec<Spanned<String>>,
    #[serde(default)]
    topics: Vec<Spanned<String>>,
    story: Option<Spanned<String>>,
    slug: Option<Spanned<String>>,
    source: Spanned<Source>,
}

/// TOML date (`2025-08-27`) or, forgivingly, the same as a string.
#[derive(Deserialize)]
#[serde(untagged)]
enum RawDate {
    Toml(toml::value::Datetime),
    Text(String),
}

const SUMMARY_CHARS: usize = 220;

/// A parsed article and what was odd about it without being wrong.
pub struct Parsed {
    pub article: Article,
    pub warnings: Vec<Diagnostic>,
    /// The line of `date`, for what later checks have to say of it.
    pub date_line: usize,
}

impl Article {
    /// Parses one article file's text. `path` is only used in messages and for the default slug.
    pub fn parse(path: &Path, text: &str, taxonomy: &Taxonomy) -> Result<Parsed, Vec<Diagnostic>> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let split =
            front_matter::split(text).map_err(|e| vec![Diagnostic::at(path, e.line, e.message)])?;
        let fm = split.front_matter;
        let first = split.front_matter_line;
        let at = |offset: usize| line_of(fm, offset) + first - 1;

        let mut warnings = Vec::new();
        let deserializer = toml::Deserializer::parse(fm)
            .map_err(|e| vec![toml_diagnostic(path, fm, first, &e)])?;
        let raw: RawFrontMatter = serde_ignored::deserialize(deserializer, |key| {
            let key = key.to_string();
            let line = fm.lines().position(|l| {
                l.trim_start()
                    .starts_with(key.rsplit('.').next().unwrap_or(&key))
            });
            warnings.push(Diagnostic::new(
                path,
                Some(line.map_or(first, |l| l + first)),
                format!("unknown front matter key `{key}` is ignored"),
            ));
        })
        .map_err(|e| vec![toml_diagnostic(path, fm, first, &e)])?;

        let mut problems = Vec::new();
        let title = raw.title.get_ref().trim().to_string();
        if title.is_empty() {
            problems.push(Diagnostic::at(
                path,
                at(raw.title.span().start),
                "`title` is empty",
            ));
        }
        let date_line = at(raw.date.span().start);
        let date = match raw.date.get_ref() {
            RawDate::Toml(dt) => dt.date.and_then(|d| Date::new(d.year, d.month, d.day)),
            RawDate::Text(s) => Date::parse(s.trim()),
        };
        if date.is_none() {
            problems.push(Diagnostic::at(
                path,
                date_line,
                "`date` is not a valid calendar date: write it as YYYY-MM-DD, e.g. 2025-08-27",
            ));
        }
        let lang = Language::from_code(raw.lang.get_ref());
        if lang.is_none() {
            let code = raw.lang.get_ref();
            problems.push(Diagnostic::at(
                path,
                at(raw.lang.span().start),
                format!(
                    "unknown language \"{code}\"{}; known: {}",
                    did_you_mean(code, Language::codes()),
                    Language::codes().collect::<Vec<_>>().join(", ")
                ),
            ));
        }
        let mut terms = |kind: Kind, ids: Vec<Spanned<String>>| -> Vec<String> {
            let known = taxonomy.terms(kind);
            let mut out: Vec<String> = Vec::new();
            for id in ids {
                let line = at(id.span().start);
                let id = id.into_inner();
                if known.iter().all(|t| t.id != id) {
                    problems.push(Diagnostic::at(
                        path,
                        line,
                        format!(
                            "unknown {} \"{id}\"{}: define it in content/taxonomy.toml",
                            kind.singular(),
                            did_you_mean(&id, known.iter().map(|t| t.id.as_str()))
                        ),
                    ));
                } else if out.contains(&id) {
                    warnings.push(Diagnostic::at(
                        path,
                        line,
                        format!("{} \"{id}\" is listed twice", kind.singular()),
                    ));
                } else {
                    out.push(id);
                }
            }
            out
        };
        let countries = terms(Kind::Country, raw.countries);
        let topics = terms(Kind::Topic, raw.topics);

        let slug = if let Some(slug) = &raw.slug {
            checked_id(
                path,
                at(slug.span().start),
                "slug",
                slug.get_ref(),
                &mut problems,
            )
        } else {
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            if crate::slug::is_valid(stem) {
                stem.to_string()
            } else {
                problems.push(Diagnostic::at(
                    path,
                    1,
                    format!(
                        "the file name \"{stem}\" cannot be a URL: rename the file to \"{}.md\" or set `slug`",
                        crate::slug::title_slug(&title, Some(raw.lang.get_ref()))
                    ),
                ));
                String::new()
            }
        };
        let story = match &raw.story {
            Some(story) => checked_id(
                path,
                at(story.span().start),
                "story",
                story.get_ref(),
                &mut problems,
            ),
            None => slug.clone(),
        };
        let source_line = at(raw.source.span().start);
        let source = raw.source.into_inner();
        if source.outlet.trim().is_empty() {
            problems.push(Diagnostic::at(
                path,
                source_line,
                "`[source] outlet` is empty: name the outlet the text came from",
            ));
        }
        let (Some(date), Some(lang), true) = (date, lang, problems.is_empty()) else {
            return Err(problems);
        };
        if let Some(folder) = path
            .parent()
            .and_then(|p| p.file_name())
            .and_then(|f| f.to_str())
            && folder.len() == 4
            && folder.bytes().all(|b| b.is_ascii_digit())
            && folder != date.year.to_string()
        {
            warnings.push(Diagnostic::at(
                path,
                date_line,
                format!(
                    "the file is in folder {folder} but its date is in {}",
                    date.year
                ),
            ));
        }
        let body = split.body.to_string();
        let article = Article {
            path: path.to_path_buf(),
            summary: excerpt(&body, SUMMARY_CHARS),
            slug,
            title,
            date,
            date_note: raw.date_note,
            lang,
            place: raw
                .place
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty()),
            countries,
            topics,
            story,
            source: Source {
                outlet: source.outlet.trim().to_string(),
                url: source.url.filter(|u| !u.trim().is_empty()),
                photo: source.photo.filter(|p| !p.trim().is_empty()),
            },
            may_link_articles: body.contains(".md"),
            body,
            body_line: split.body_line,
        };
        Ok(Parsed {
            article,
            warnings,
            date_line,
        })
    }
}

fn checked_id(
    path: &Path,
    line: usize,
    key: &str,
    value: &str,
    problems: &mut Vec<Diagnostic>,
) -> String {
    if crate::slug::is_valid(value) {
        value.to_string()
    } else {
        problems.push(Diagnostic::at(
            path,
            line,
            format!(
                "`{key}` \"{}\" may only hold lower-case Latin letters, digits and single hyphens",
                value.escape_debug()
            ),
        ));
        String::new()
    }
}
