//! The article file format, in one type: what a build reads ([`ArticleFile::read`], which
//! checks every key against the taxonomy and names the line of each problem) and what
//! `import` and `new` write ([`ArticleFile::to_file`]), so that what is written is exactly
//! what a build accepts.

use super::front_matter;
use crate::date::Date;
use crate::error::{Diagnostic, did_you_mean, line_of, toml_diagnostic};
use crate::language::Language;
use crate::load::taxonomy::{Kind, Taxonomy};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;
use toml::Spanned;

/// An article file's contents: what `content/articles/YYYY/<slug>.md` holds, as a build
/// reads it ([`ArticleFile::read`]) and as editors' commands write it ([`ArticleFile::to_file`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleFile {
    /// The file's name without `.md`: the article's address.
    pub slug: String,
    /// The headline, plain text.
    pub title: String,
    /// The publication date.
    pub date: Date,
    /// How the date was known, when not from the text itself.
    pub date_note: Option<String>,
    /// The language code of the text (`kk`, `tg`, `uz`, `ru` …).
    pub lang: String,
    /// The place of the dateline, if the text had one.
    pub place: Option<String>,
    /// Country ids of the taxonomy.
    pub countries: Vec<String>,
    /// Topic ids of the taxonomy.
    pub topics: Vec<String>,
    /// The story the article is a version of: shared by its versions in other languages.
    pub story: String,
    /// The outlet the text came from.
    pub outlet: String,
    /// The address of the source page, where known.
    pub url: Option<String>,
    /// `[source] photo`: the credit of the photo the original text had, when this article
    /// has no photo of its own to show with it.
    #[serde(rename = "photo")]
    pub photo_credit: Option<String>,
    /// `[photo]`: the article's lead photo.
    pub lead_photo: Option<LeadPhoto>,
    /// The text, in Markdown, without the blank line that follows the front matter.
    pub body: String,
}

/// The `[photo]` table: a photo shown at the top of the article.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct LeadPhoto {
    /// The image file: beside the article, or under `content/photos/`.
    pub file: String,
    /// What the photo shows, for readers who cannot see it (in the article's language).
    pub alt: String,
    /// Captions by language code (`caption = "…"` is in the article's language).
    pub caption: BTreeMap<String, String>,
    /// Who took or owns the photo.
    pub credit: Option<String>,
}

/// An article file read and checked, with what a build needs to say about it later.
pub struct ReadFile {
    /// The file's contents, trimmed as the format says (blank optional keys are absent).
    pub file: ArticleFile,
    /// The language `lang` names.
    pub lang: Language,
    /// 1-based line of the file on which the body starts.
    pub body_line: usize,
    /// 1-based line of `date`.
    pub date_line: usize,
    /// 1-based line of `[photo] file` (0 without a photo).
    pub photo_line: usize,
    /// What was odd about the file without being wrong.
    pub warnings: Vec<Diagnostic>,
}

impl ArticleFile {
    /// Reads one article file's text. `path` is used in messages and for the slug when the
    /// front matter sets none; its folder is checked against the date's year.
    pub fn read(path: &Path, text: &str, taxonomy: &Taxonomy) -> Result<ReadFile, Vec<Diagnostic>> {
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
        let (lead_photo, photo_line) = match raw.photo {
            Some(photo) => lead_photo(path, photo, &at, raw.lang.get_ref(), &mut problems),
            None => (None, 0),
        };
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
        // The blank line [`Self::to_file`] puts after the front matter is not the body's.
        let (body, body_line) = match split.body.strip_prefix('\n') {
            Some(body) => (body, split.body_line + 1),
            None => (split.body, split.body_line),
        };
        let file = ArticleFile {
            slug,
            title,
            date,
            date_note: raw.date_note,
            lang: lang.code.to_string(),
            place: raw
                .place
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty()),
            countries,
            topics,
            story,
            outlet: source.outlet.trim().to_string(),
            url: source.url.filter(|u| !u.trim().is_empty()),
            photo_credit: source.photo.filter(|p| !p.trim().is_empty()),
            lead_photo,
            body: body.to_string(),
        };
        Ok(ReadFile {
            file,
            lang,
            body_line,
            date_line,
            photo_line,
            warnings,
        })
    }

    /// Where the file goes, relative to `content/`.
    pub fn relative_path(&self) -> String {
        format!("articles/{}/{}.md", self.date.year, self.slug)
    }

    /// The file: TOML front matter in the order of the content format, then the body.
    pub fn to_file(&self) -> String {
        let mut out = String::from("+++\n");
        let _ = writeln!(out, "title = {}", toml_string(&self.title));
        let _ = writeln!(out, "date = {}", self.date);
        if let Some(note) = &self.date_note {
            let _ = writeln!(out, "date_note = {}", toml_string(note));
        }
        let _ = writeln!(out, "lang = {}", toml_string(&self.lang));
        if let Some(place) = &self.place {
            let _ = writeln!(out, "place = {}", toml_string(place));
        }
        let _ = writeln!(out, "countries = {}", toml_list(&self.countries));
        let _ = writeln!(out, "topics = {}", toml_list(&self.topics));
        let _ = writeln!(out, "story = {}", toml_string(&self.story));
        out.push_str("[source]\n");
        let _ = writeln!(out, "outlet = {}", toml_string(&self.outlet));
        if let Some(url) = &self.url {
            let _ = writeln!(out, "url = {}", toml_string(url));
        }
        if let Some(photo) = &self.photo_credit {
            let _ = writeln!(out, "photo = {}", toml_string(photo));
        }
        if let Some(photo) = &self.lead_photo {
            out.push_str("[photo]\n");
            let _ = writeln!(out, "file = {}", toml_string(&photo.file));
            let _ = writeln!(out, "alt = {}", toml_string(&photo.alt));
            if let Some(credit) = &photo.credit {
                let _ = writeln!(out, "credit = {}", toml_string(credit));
            }
            match photo.caption.iter().next() {
                Some((lang, text)) if photo.caption.len() == 1 && *lang == self.lang => {
                    let _ = writeln!(out, "caption = {}", toml_string(text));
                }
                Some(_) => {
                    out.push_str("[photo.caption]\n");
                    for (lang, text) in &photo.caption {
                        let _ = writeln!(out, "{lang} = {}", toml_string(text));
                    }
                }
                None => {}
            }
        }
        out.push_str("+++\n\n");
        out.push_str(&self.body);
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out
    }
}

/// A TOML basic string: quotes, backslashes and control characters escaped.
fn toml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn toml_list(items: &[String]) -> String {
    format!(
        "[{}]",
        items
            .iter()
            .map(|s| toml_string(s))
            .collect::<Vec<_>>()
            .join(", ")
    )
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
    source: Spanned<RawSource>,
    photo: Option<Spanned<RawPhoto>>,
}

/// TOML date (`2025-08-27`) or, forgivingly, the same as a string.
#[derive(Deserialize)]
#[serde(untagged)]
enum RawDate {
    Toml(toml::value::Datetime),
    Text(String),
}

/// The `[source]` table as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    outlet: String,
    url: Option<String>,
    photo: Option<String>,
}

/// The `[photo]` table as written.
#[derive(Deserialize)]
struct RawPhoto {
    file: Option<Spanned<String>>,
    alt: Option<Spanned<String>>,
    caption: Option<Spanned<RawCaption>>,
    credit: Option<String>,
}

/// One caption in the article's language, or captions by language.
#[derive(Deserialize)]
#[serde(untagged)]
enum RawCaption {
    One(String),
    ByLanguage(BTreeMap<String, String>),
}

/// The lead photo of a `[photo]` table and the line of its file, or its problems.
fn lead_photo(
    path: &Path,
    raw: Spanned<RawPhoto>,
    at: &dyn Fn(usize) -> usize,
    lang: &str,
    problems: &mut Vec<Diagnostic>,
) -> (Option<LeadPhoto>, usize) {
    let table_line = at(raw.span().start);
    let raw = raw.into_inner();
    let file = raw.file.filter(|f| !f.get_ref().trim().is_empty());
    let Some(file) = file else {
        problems.push(Diagnostic::at(
            path,
            table_line,
            "`[photo]` has no `file`: name the image, beside the article or under content/photos/",
        ));
        return (None, table_line);
    };
    let line = at(file.span().start);
    let alt = raw
        .alt
        .map(|a| a.into_inner().trim().to_string())
        .filter(|a| !a.is_empty());
    let Some(alt) = alt else {
        problems.push(Diagnostic::at(
            path,
            line,
            "`[photo]` has no `alt`: describe what the photo shows, for readers who cannot see it",
        ));
        return (None, line);
    };
    let mut caption = BTreeMap::new();
    if let Some(raw_caption) = raw.caption {
        let caption_line = at(raw_caption.span().start);
        match raw_caption.into_inner() {
            RawCaption::One(text) => {
                caption.insert(lang.to_string(), text);
            }
            RawCaption::ByLanguage(by) => {
                for (code, text) in by {
                    if Language::from_code(&code).is_none() {
                        problems.push(Diagnostic::at(
                            path,
                            caption_line,
                            format!(
                                "`[photo.caption]` names an unknown language \"{code}\"{}",
                                did_you_mean(&code, Language::codes())
                            ),
                        ));
                    }
                    caption.insert(code, text);
                }
            }
        }
        caption.retain(|_, text| {
            *text = text.trim().to_string();
            !text.is_empty()
        });
    }
    let photo = LeadPhoto {
        file: file.into_inner().trim().to_string(),
        alt,
        caption,
        credit: raw
            .credit
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty()),
    };
    (Some(photo), line)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_a_file_the_loader_reads_back() {
        let file = ArticleFile {
            slug: "qazaqstan-men".into(),
            title: "Қазақстан \"мен\" \\ Тәжікстан\u{7}".into(),
            date: Date::new(2025, 8, 27).unwrap(),
            date_note: Some("From the dateline".into()),
            lang: "kk".into(),
            place: Some("Астана".into()),
            countries: vec![],
            topics: vec![],
            story: "2025-08-27-qazaqstan".into(),
            outlet: "BAQ.KZ".into(),
            url: None,
            photo_credit: Some("gov.kz".into()),
            lead_photo: Some(LeadPhoto {
                file: "astana.jpg".into(),
                alt: "Екі президент \"Ақорда\" алдында".into(),
                caption: BTreeMap::from([("tg".into(), "Ду президент".into())]),
                credit: Some("Ақорда".into()),
            }),
            body: "Мәтін.\n".into(),
        };
        let text = file.to_file();
        let path = Path::new("articles/2025/qazaqstan-men.md");
        let read = ArticleFile::read(path, &text, &Taxonomy::default())
            .unwrap_or_else(|e| panic!("{e:?}\n{text}"));
        assert!(read.warnings.is_empty());
        assert_eq!(file.relative_path(), "articles/2025/qazaqstan-men.md");
        // Written and read again, every field comes back as it was.
        let again = read.file;
        assert_eq!(again, file);
        assert_eq!(again.to_file(), text);
    }
}
