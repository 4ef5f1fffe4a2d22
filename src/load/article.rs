//! One article: one language version of a news story, as the site is built from it.

use super::article_file::{ArticleFile, LeadPhoto};
use super::article_text::ArticleText;
use super::excerpt::excerpt;
use super::figures::{Figure, figures};
use crate::date::Date;
use crate::error::Diagnostic;
use crate::language::Language;
use crate::load::taxonomy::Taxonomy;
use std::path::{Path, PathBuf};

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
    /// Markdown source of the body, read again from the file when it was loaded from one.
    pub body: ArticleText,
    /// 1-based line of the file on which `body` starts, for messages about the text.
    pub body_line: usize,
    /// Whether the body may link other articles' files (it mentions `.md`): only then does
    /// its HTML depend on other articles' slugs. Decided once, when the file is read.
    pub may_link_articles: bool,
    /// Whether the body may show an image (Markdown's `![` or HTML's `<img`): only then does
    /// the search index have fields for one. Decided once, when the file is read.
    pub may_have_image: bool,
    /// Plain-text summary for lists, feeds and descriptions.
    pub summary: String,
    /// The lead photo, of `[photo]`.
    pub photo: Option<LeadPhoto>,
    /// 1-based line of `[photo] file`, for messages about the photo.
    pub photo_line: usize,
    /// The photos the body shows (Markdown images of the project's files).
    pub figures: Vec<Figure>,
}

/// Where the text came from.
#[derive(Debug, Clone, Default)]
pub struct Source {
    /// The outlet that published the text, as it names itself; required, trimmed.
    pub outlet: String,
    /// The address of the original text; `None` when not given or blank.
    pub url: Option<String>,
    /// The credit of the photo the original text had (the article has none of its own to
    /// show with it); `None` when not given or blank.
    pub photo: Option<String>,
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
        let read = ArticleFile::read(path, text, taxonomy)?;
        let file = read.file;
        let figures = figures(path, &file.body, read.body_line)?;
        let article = Article {
            path: path.to_path_buf(),
            summary: excerpt(&file.body, SUMMARY_CHARS),
            slug: file.slug,
            title: file.title,
            date: file.date,
            date_note: file.date_note,
            lang: read.lang,
            place: file.place,
            countries: file.countries,
            topics: file.topics,
            story: file.story,
            source: Source {
                outlet: file.outlet,
                url: file.url,
                photo: file.photo_credit,
            },
            photo: file.lead_photo,
            photo_line: read.photo_line,
            figures,
            may_link_articles: file.body.contains(".md"),
            may_have_image: may_have_image(&file.body),
            body: ArticleText::held(file.body),
            body_line: read.body_line,
        };
        Ok(Parsed {
            article,
            warnings: read.warnings,
            date_line: read.date_line,
        })
    }
}

/// Whether `body` may show an image: it has Markdown's `![` or an `<img` tag (a word that
/// only looks like one costs the search index two empty fields).
fn may_have_image(body: &str) -> bool {
    let body = body.as_bytes();
    memchr::memmem::find(body, b"![").is_some()
        || memchr::memchr_iter(b'<', body).any(|at| {
            body.get(at + 1..at + 4)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"img"))
        })
}
