//! `dostyk new`: a new article file with its front matter filled in, ready for its text.
//!
//! The command gathers a [`Request`] from flags (and, in a terminal, from [`ask_missing`]),
//! [`plan`] checks it against the project's [`Archive`] and turns it into the file an import
//! would write ([`Draft`]), and [`write`] puts that file in place without ever replacing one.

use crate::build::Project;
use crate::config::SiteConfig;
use crate::content::{self, Article};
use crate::date::Date;
use crate::error::{Diagnostic, did_you_mean};
use crate::import::draft::Draft;
use crate::language::Language;
use crate::slug;
use crate::taxonomy::{Kind, Taxonomy};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What the editor asked for, unchecked: flags, then answers to prompts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Request {
    pub title: Option<String>,
    /// A language code (`kk`, `tg`, `uz` …).
    pub lang: Option<String>,
    /// Country ids; `None` when not given at all (which a terminal session asks about).
    pub countries: Option<Vec<String>>,
    pub topics: Option<Vec<String>>,
    /// The publication date; today when not given.
    pub date: Option<Date>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// An existing story to join.
    pub story: Option<String>,
    /// The file name and URL segment; the title's Latin slug when not given.
    pub slug: Option<String>,
}

impl Request {
    /// The flags of the required values that are missing or blank, in the order they are asked.
    pub fn missing(&self) -> Vec<&'static str> {
        let blank = |v: &Option<String>| v.as_deref().is_none_or(|s| s.trim().is_empty());
        let mut missing = Vec::new();
        if blank(&self.title) {
            missing.push("--title");
        }
        if blank(&self.lang) {
            missing.push("--lang");
        }
        if blank(&self.outlet) {
            missing.push("--outlet");
        }
        missing
    }
}

/// Why no article was created.
#[derive(Debug, thiserror::Error)]
pub enum NewError {
    /// The project's configuration or taxonomy cannot be read.
    #[error("{}", lines(.0))]
    Project(Vec<Diagnostic>),
    #[error(
        "missing {}: give {} as flags (standard input is not a terminal, so nothing can be asked)",
        .0.join(", "),
        if .0.len() == 1 { "it" } else { "them" }
    )]
    Missing(Vec<&'static str>),
    #[error("the {0} is empty")]
    Empty(&'static str),
    #[error("unknown language \"{code}\"{suggestion}; known: {}", Language::codes().collect::<Vec<_>>().join(", "))]
    UnknownLanguage { code: String, suggestion: String },
    #[error("unknown {kind} \"{id}\"{suggestion}: define it in content/taxonomy.toml")]
    UnknownTerm {
        kind: &'static str,
        id: String,
        suggestion: String,
    },
    #[error(
        "the slug \"{}\" may only hold lower-case Latin letters, digits and single hyphens",
        .0.escape_debug()
    )]
    BadSlug(String),
    #[error("the title gives no Latin slug: choose one with --slug")]
    NoSlug,
    #[error("{} already exists: choose another slug with --slug", .0.display())]
    FileExists(PathBuf),
    #[error("the slug \"{slug}\" is already used by {}: choose another with --slug", .existing.display())]
    SlugTaken { slug: String, existing: PathBuf },
    #[error(
        "the story \"{}\" may only hold lower-case Latin letters, digits and single hyphens",
        .0.escape_debug()
    )]
    BadStory(String),
    #[error(
        "no article is in story \"{story}\"{suggestion}: --story joins an existing story; leave it out to start a new one"
    )]
    UnknownStory { story: String, suggestion: String },
    #[error("the input ended before the {0} was given")]
    Cancelled(&'static str),
    #[error("cannot ask: {0}")]
    Prompt(#[from] std::io::Error),
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

fn lines(diagnostics: &[Diagnostic]) -> String {
    let lines: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    lines.join("\n")
}

/// What a new article is checked against: the taxonomy and the articles already there.
pub struct Archive {
    /// The project folder: paths in messages are shown relative to it.
    pub root: PathBuf,
    /// `content/articles`.
    pub articles_dir: PathBuf,
    pub taxonomy: Taxonomy,
    /// The UI language codes, default first: the order labels are shown in.
    pub ui_languages: Vec<String>,
    /// Every article that loads.
    pub articles: Vec<Arc<Article>>,
    /// Article files that do not load: their slugs and stories cannot be checked.
    pub unreadable: Vec<Diagnostic>,
}

impl Archive {
    /// Reads `site.toml`, the taxonomy (as the build does) and every readable article.
    pub fn load(project: &Project) -> Result<Archive, NewError> {
        let config = SiteConfig::load(&project.root, None).map_err(NewError::Project)?;
        let taxonomy = Taxonomy::load(&project.content.join("taxonomy.toml"), &config)
            .map_err(NewError::Project)?;
        let articles_dir = project.content.join("articles");
        let partial = content::load_partial(&articles_dir, &taxonomy);
        Ok(Archive {
            root: project.root.clone(),
            articles_dir,
            taxonomy,
            ui_languages: config.languages.iter().map(|l| l.code.clone()).collect(),
            articles: partial.loaded.articles,
            unreadable: partial.problems,
        })
    }

    /// `path` relative to the project folder, as messages show it.
    pub fn shown(&self, path: &Path) -> PathBuf {
        path.strip_prefix(&self.root).unwrap_or(path).to_path_buf()
    }

    /// Where the article with `slug` dated in `year` goes.
    fn path(&self, year: u16, slug: &str) -> PathBuf {
        self.articles_dir
            .join(year.to_string())
            .join(format!("{slug}.md"))
    }

    /// A slug that is well-formed and that neither a file nor an article uses yet.
    fn free_slug(&self, slug: &str, year: u16) -> Result<String, NewError> {
        if !slug::is_valid(slug) {
            return Err(NewError::BadSlug(slug.to_string()));
        }
        if let Some(existing) = self.articles.iter().find(|a| a.slug == slug) {
            return Err(NewError::SlugTaken {
                slug: slug.to_string(),
                existing: self.shown(&existing.path),
            });
        }
        let path = self.path(year, slug);
        if path.exists() {
            return Err(NewError::FileExists(self.shown(&path)));
        }
        Ok(slug.to_string())
    }

    fn has_story(&self, story: &str) -> bool {
        self.articles.iter().any(|a| a.story == story)
    }

    /// An existing story's id, checked.
    fn story(&self, story: &str) -> Result<String, NewError> {
        let story = story.trim();
        if !slug::is_valid(story) {
            return Err(NewError::BadStory(story.to_string()));
        }
        if self.has_story(story) {
            return Ok(story.to_string());
        }
        // An article's slug given for its story is the likeliest slip.
        let suggestion = match self.articles.iter().find(|a| a.slug == story) {
            Some(article) => format!(
                " (article {} is in story \"{}\")",
                self.shown(&article.path).display(),
                article.story
            ),
            None => {
                let mut stories: Vec<&str> =
                    self.articles.iter().map(|a| a.story.as_str()).collect();
                stories.sort_unstable();
                stories.dedup();
                did_you_mean(story, stories)
            }
        };
        Err(NewError::UnknownStory {
            story: story.to_string(),
            suggestion,
        })
    }

    /// A story id for an article that starts a story, as the importer makes one for a text that
    /// names no one: the date and the first words of the title, with `-2` … if that is taken.
    fn new_story(&self, date: Date, title: &str) -> String {
        let words = slug::slugify(title, 4, 40, None);
        let id = if words.is_empty() {
            date.to_string()
        } else {
            format!("{date}-{words}")
        };
        if !self.has_story(&id) {
            return id;
        }
        (2..)
            .map(|n| format!("{id}-{n}"))
            .find(|s| !self.has_story(s))
            .expect("some suffix is free")
    }

    fn term_lines(&self, kind: Kind) -> String {
        let terms = self.taxonomy.terms(kind);
        let width = terms.iter().map(|t| t.id.len()).max().unwrap_or(0);
        let mut out = String::new();
        for term in terms {
            let labels: Vec<&str> = self
                .ui_languages
                .iter()
                .filter_map(|code| term.labels.get(code).map(String::as_str))
                .collect();
            out.push_str(&format!("  {:<width$}  {}\n", term.id, labels.join(" / ")));
        }
        out
    }
}

/// A checked request: the article file and where it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub draft: Draft,
    /// The file to create, under `content/articles/YYYY/`.
    pub path: PathBuf,
    /// Things worth knowing that do not stop the article (e.g. a story that has the language).
    pub notes: Vec<String>,
}

/// Checks `request` and makes the article it asks for; `today` stands in for a missing date.
pub fn plan(request: &Request, archive: &Archive, today: Date) -> Result<Plan, NewError> {
    let missing = request.missing();
    if !missing.is_empty() {
        return Err(NewError::Missing(missing));
    }
    let given = |v: &Option<String>| v.as_deref().unwrap_or_default().to_string();
    let title = check_title(&given(&request.title))?;
    let lang = check_lang(&given(&request.lang))?;
    let taxonomy = &archive.taxonomy;
    let countries = check_terms(
        Kind::Country,
        request.countries.as_deref().unwrap_or_default(),
        taxonomy,
    )?;
    let topics = check_terms(
        Kind::Topic,
        request.topics.as_deref().unwrap_or_default(),
        taxonomy,
    )?;
    let outlet = check_outlet(&given(&request.outlet))?;
    let date = request.date.unwrap_or(today);
    let slug = match request.slug.as_deref().map(str::trim) {
        Some(slug) => archive.free_slug(slug, date.year)?,
        None => {
            let slug = slug::title_slug(&title, Some(lang));
            if slug.is_empty() {
                return Err(NewError::NoSlug);
            }
            archive.free_slug(&slug, date.year)?
        }
    };
    let mut notes = Vec::new();
    let story = match &request.story {
        Some(story) => {
            let story = archive.story(story)?;
            for other in archive
                .articles
                .iter()
                .filter(|a| a.story == story && a.lang.code == lang)
            {
                notes.push(format!(
                    "story \"{story}\" already has a version in \"{lang}\": {}",
                    archive.shown(&other.path).display()
                ));
            }
            story
        }
        None => archive.new_story(date, &title),
    };
    let url = request
        .url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .map(str::to_string);
    let path = archive.path(date.year, &slug);
    Ok(Plan {
        draft: Draft {
            slug,
            title,
            date,
            date_note: None,
            lang: lang.to_string(),
            place: None,
            countries,
            topics,
            story,
            outlet,
            url,
            photo: None,
            body: String::new(),
        },
        path,
        notes,
    })
}

/// Creates the planned file atomically, never over an existing one.
pub fn write(plan: &Plan) -> Result<(), NewError> {
    crate::atomic::write_new(&plan.path, &plan.draft.to_file()).map_err(|source| {
        if source.kind() == std::io::ErrorKind::AlreadyExists {
            NewError::FileExists(plan.path.clone())
        } else {
            NewError::Io {
                path: plan.path.clone(),
                source,
            }
        }
    })
}

fn check_title(title: &str) -> Result<String, NewError> {
    let title = title.trim();
    if title.is_empty() {
        return Err(NewError::Empty("title"));
    }
    Ok(title.to_string())
}

fn check_outlet(outlet: &str) -> Result<String, NewError> {
    let outlet = outlet.trim();
    if outlet.is_empty() {
        return Err(NewError::Empty("outlet"));
    }
    Ok(outlet.to_string())
}

fn check_lang(code: &str) -> Result<&'static str, NewError> {
    let code = code.trim().to_lowercase();
    Language::from_code(&code)
        .map(|l| l.code)
        .ok_or_else(|| NewError::UnknownLanguage {
            suggestion: did_you_mean(&code, Language::codes()),
            code,
        })
}

/// The ids, trimmed, empty ones dropped, each once, all defined in the taxonomy.
fn check_terms(kind: Kind, ids: &[String], taxonomy: &Taxonomy) -> Result<Vec<String>, NewError> {
    let known = taxonomy.terms(kind);
    let mut out: Vec<String> = Vec::new();
    for id in ids {
        let id = id.trim().to_lowercase();
        if id.is_empty() || out.contains(&id) {
            continue;
        }
        if known.iter().all(|t| t.id != id) {
            return Err(NewError::UnknownTerm {
                kind: kind.singular(),
                suggestion: did_you_mean(&id, known.iter().map(|t| t.id.as_str())),
                id,
            });
        }
        out.push(id);
    }
    Ok(out)
}

/// Ids as typed at a prompt: separated by commas or spaces.
fn split_ids(answer: &str) -> Vec<String> {
    answer
        .split([',', ' ', '\t'])
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Asks on `output` for what `request` lacks, line by line from `input`, showing the allowed
/// values and asking again after an answer that is not one: the title, language, countries and
/// topics (an empty answer is none), outlet, and a slug when the title's is unusable.
pub fn ask_missing(
    request: &mut Request,
    archive: &Archive,
    today: Date,
    input: impl BufRead,
    output: impl Write,
) -> Result<(), NewError> {
    let mut prompt = Prompt { input, output };
    let blank = |v: &Option<String>| v.as_deref().is_none_or(|s| s.trim().is_empty());
    if blank(&request.title) {
        request.title =
            Some(prompt.ask("title", "Title, in the article's language", check_title)?);
    }
    if blank(&request.lang) {
        let languages: Vec<String> = Language::codes()
            .filter_map(Language::from_code)
            .map(|l| format!("{} {}", l.code, l.native_name))
            .collect();
        let help = format!("Language of the text: {}", languages.join(", "));
        let lang = prompt.ask("language", &help, check_lang)?;
        request.lang = Some(lang.to_string());
    }
    for (kind, value) in [
        (Kind::Country, &mut request.countries),
        (Kind::Topic, &mut request.topics),
    ] {
        if value.is_none() {
            let help = format!(
                "{} (ids separated by commas; empty for none):\n{}",
                capitalized(kind.key()),
                archive.term_lines(kind).trim_end()
            );
            let ids = prompt.ask(kind.key(), &help, |answer| {
                check_terms(kind, &split_ids(answer), &archive.taxonomy)
            })?;
            *value = Some(ids);
        }
    }
    if blank(&request.outlet) {
        request.outlet = Some(prompt.ask("outlet", "Outlet the text comes from", check_outlet)?);
    }
    if request.slug.is_none() {
        let year = request.date.unwrap_or(today).year;
        let title = request.title.as_deref().unwrap_or_default();
        let default = slug::title_slug(title, request.lang.as_deref());
        let problem = if default.is_empty() {
            Some(NewError::NoSlug)
        } else {
            archive.free_slug(&default, year).err()
        };
        if let Some(problem) = problem {
            let help =
                format!("{problem}\nSlug (the file name and URL: Latin letters, digits, hyphens)");
            let chosen = prompt.ask("slug", &help, |answer| archive.free_slug(answer, year))?;
            request.slug = Some(chosen);
        }
    }
    Ok(())
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Questions on one stream, answers from another, line by line.
struct Prompt<R, W> {
    input: R,
    output: W,
}

impl<R: BufRead, W: Write> Prompt<R, W> {
    /// Shows `help`, then asks for `name` until `check` accepts the answer.
    fn ask<T>(
        &mut self,
        name: &'static str,
        help: &str,
        mut check: impl FnMut(&str) -> Result<T, NewError>,
    ) -> Result<T, NewError> {
        writeln!(self.output, "{help}")?;
        loop {
            write!(self.output, "{name}: ")?;
            self.output.flush()?;
            let mut line = String::new();
            if self.input.read_line(&mut line)? == 0 {
                writeln!(self.output)?;
                return Err(NewError::Cancelled(name));
            }
            match check(line.trim()) {
                Ok(value) => return Ok(value),
                Err(e) => writeln!(self.output, "  {e}; try again")?,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    const TAXONOMY: &str = r#"
[[countries]]
id = "kazakhstan"
label = { kk = "Қазақстан", tg = "Қазоқистон" }

[[countries]]
id = "tajikistan"
label = { kk = "Тәжікстан", tg = "Тоҷикистон" }

[[topics]]
id = "water"
label = { kk = "Су ресурстары", tg = "Захираҳои об" }

[[topics]]
id = "trade"
label = { kk = "Сауда", tg = "Савдо" }
"#;

    const EXISTING: &str = "+++\ntitle = \"Бор\"\ndate = 2025-08-27\nlang = \"kk\"\nstory = \"2025-08-27-bor\"\n[source]\noutlet = \"BAQ.KZ\"\n+++\n\nМәтін.\n";

    /// A project with one article, `articles/2025/bor.md` in story `2025-08-27-bor`.
    fn archive() -> (tempfile::TempDir, Archive) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(
            root.join("site.toml"),
            "base_url = \"https://x.org/\"\nui_languages = [\"kk\", \"tg\"]\n[languages.kk]\ntitle = \"a\"\ndescription = \"b\"\n[languages.tg]\ntitle = \"c\"\ndescription = \"d\"\n",
        )
        .unwrap();
        std::fs::create_dir_all(root.join("content/articles/2025")).unwrap();
        std::fs::write(root.join("content/taxonomy.toml"), TAXONOMY).unwrap();
        std::fs::write(root.join("content/articles/2025/bor.md"), EXISTING).unwrap();
        let archive = Archive::load(&Project::new(root)).unwrap();
        assert!(archive.unreadable.is_empty(), "{:?}", archive.unreadable);
        (dir, archive)
    }

    fn day(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn request() -> Request {
        Request {
            title: Some("Тоҷикистон ва Қазоқистон ҳамкорӣ".into()),
            lang: Some("tg".into()),
            countries: Some(vec!["tajikistan".into(), " kazakhstan".into()]),
            topics: Some(vec!["water".into(), "water".into()]),
            outlet: Some("Ховар".into()),
            ..Request::default()
        }
    }

    #[test]
    fn plans_the_article_an_import_would_write() {
        let (_dir, archive) = archive();
        let plan = plan(&request(), &archive, day("2026-03-01")).unwrap();
        let draft = &plan.draft;
        assert_eq!(draft.slug, "tojikiston-va-qazoqiston-hamkori");
        assert_eq!(draft.date, day("2026-03-01"));
        assert_eq!(draft.countries, ["tajikistan", "kazakhstan"]);
        assert_eq!(draft.topics, ["water"]);
        assert_eq!(draft.story, "2026-03-01-tojikiston-va-qazoqiston-hamkori");
        assert_eq!(draft.body, "");
        assert_eq!(
            archive.shown(&plan.path),
            Path::new("content/articles/2026/tojikiston-va-qazoqiston-hamkori.md")
        );
        // The file reads back as the same article, with no warning.
        let parsed = Article::parse(&plan.path, &draft.to_file(), &archive.taxonomy).unwrap();
        assert!(parsed.warnings.is_empty());
        assert_eq!(parsed.article.title, "Тоҷикистон ва Қазоқистон ҳамкорӣ");
        assert_eq!(parsed.article.lang.code, "tg");
        assert_eq!(parsed.article.source.outlet, "Ховар");
        assert!(draft.to_file().ends_with("+++\n\n"));
    }

    #[test]
    fn names_every_missing_flag() {
        let (_dir, archive) = archive();
        let request = Request {
            lang: Some("kk".into()),
            title: Some("  ".into()),
            ..Request::default()
        };
        let error = plan(&request, &archive, day("2026-03-01")).unwrap_err();
        assert!(matches!(&error, NewError::Missing(m) if m == &["--title", "--outlet"]));
        assert!(
            error
                .to_string()
                .starts_with("missing --title, --outlet: give them")
        );
    }

    #[test]
    fn unknown_ids_and_languages_get_a_suggestion() {
        let (_dir, archive) = archive();
        let mut bad = request();
        bad.countries = Some(vec!["tajikstan".into()]);
        let error = plan(&bad, &archive, day("2026-03-01")).unwrap_err();
        assert_eq!(
            error.to_string(),
            "unknown country \"tajikstan\" (did you mean \"tajikistan\"?): define it in content/taxonomy.toml"
        );
        let mut bad = request();
        bad.topics = Some(vec!["watr".into()]);
        let error = plan(&bad, &archive, day("2026-03-01")).unwrap_err();
        assert!(
            error.to_string().contains("(did you mean \"water\"?)"),
            "{error}"
        );
        let mut bad = request();
        bad.lang = Some("tj".into());
        let error = plan(&bad, &archive, day("2026-03-01")).unwrap_err();
        assert!(
            error.to_string().starts_with("unknown language \"tj\""),
            "{error}"
        );
    }

    #[test]
    fn a_slug_in_use_is_refused() {
        let (_dir, archive) = archive();
        let mut taken = request();
        taken.slug = Some("bor".into());
        // Another year's folder, but the same URL.
        let error = plan(&taken, &archive, day("2026-03-01")).unwrap_err();
        assert_eq!(
            error.to_string(),
            "the slug \"bor\" is already used by content/articles/2025/bor.md: choose another with --slug"
        );
        taken.slug = Some("Бор".into());
        assert!(matches!(
            plan(&taken, &archive, day("2026-03-01")),
            Err(NewError::BadSlug(_))
        ));
        // A file that is not an article still takes its name.
        std::fs::create_dir_all(archive.articles_dir.join("2026")).unwrap();
        std::fs::write(
            archive.articles_dir.join("2026/broken.md"),
            "not an article",
        )
        .unwrap();
        taken.slug = Some("broken".into());
        assert!(matches!(
            plan(&taken, &archive, day("2026-03-01")),
            Err(NewError::FileExists(p)) if p == Path::new("content/articles/2026/broken.md")
        ));
        // A title with no Latin transliteration needs a slug.
        let mut chinese = request();
        chinese.title = Some("中文".into());
        assert!(matches!(
            plan(&chinese, &archive, day("2026-03-01")),
            Err(NewError::NoSlug)
        ));
    }

    #[test]
    fn joins_only_an_existing_story() {
        let (_dir, archive) = archive();
        let mut joining = request();
        joining.story = Some("2025-08-27-bor".into());
        let plan = plan(&joining, &archive, day("2025-08-27")).unwrap();
        assert_eq!(plan.draft.story, "2025-08-27-bor");
        assert!(plan.notes.is_empty());
        joining.story = Some("2025-08-27-bro".into());
        let error = super::plan(&joining, &archive, day("2025-08-27")).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("(did you mean \"2025-08-27-bor\"?)"),
            "{error}"
        );
        // A kk version joining a story with a kk version is allowed, and noted.
        joining.story = Some("2025-08-27-bor".into());
        joining.lang = Some("kk".into());
        let plan = super::plan(&joining, &archive, day("2025-08-27")).unwrap();
        assert_eq!(plan.notes.len(), 1, "{:?}", plan.notes);
    }

    #[test]
    fn writes_once_and_never_over_a_file() {
        let (_dir, archive) = archive();
        let plan = plan(&request(), &archive, day("2026-03-01")).unwrap();
        write(&plan).unwrap();
        let written = std::fs::read_to_string(&plan.path).unwrap();
        assert_eq!(written, plan.draft.to_file());
        assert!(matches!(write(&plan), Err(NewError::FileExists(_))));
        assert_eq!(std::fs::read_to_string(&plan.path).unwrap(), written);
        // No temporary file is left beside it.
        let names: Vec<_> = std::fs::read_dir(plan.path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn asks_for_what_is_missing_and_again_after_a_wrong_answer() {
        let (_dir, archive) = archive();
        let mut request = Request {
            date: Some(day("2026-03-01")),
            ..Request::default()
        };
        // An empty title, then a title; a wrong language, then one; a wrong country, then two;
        // no topics; an outlet.
        let input =
            "\nҚазақстан мен Тәжікстан\nkz\nkk\ntajikstan\nkazakhstan, tajikistan\n\nBAQ.KZ\n";
        let mut output = Vec::new();
        ask_missing(
            &mut request,
            &archive,
            day("2026-03-01"),
            Cursor::new(input),
            &mut output,
        )
        .unwrap();
        let shown = String::from_utf8(output).unwrap();
        assert_eq!(request.title.as_deref(), Some("Қазақстан мен Тәжікстан"));
        assert_eq!(request.lang.as_deref(), Some("kk"));
        assert_eq!(
            request.countries,
            Some(vec!["kazakhstan".to_string(), "tajikistan".to_string()])
        );
        assert_eq!(request.topics, Some(vec![]));
        assert_eq!(request.outlet.as_deref(), Some("BAQ.KZ"));
        assert_eq!(request.slug, None, "the title's slug is free");
        assert!(shown.contains("the title is empty; try again"), "{shown}");
        assert!(
            shown.contains("kk Қазақша, tg Тоҷикӣ, uz Ўзбекча"),
            "{shown}"
        );
        assert!(shown.contains("unknown language \"kz\""), "{shown}");
        assert!(
            shown.contains("kazakhstan  Қазақстан / Қазоқистон"),
            "{shown}"
        );
        assert!(
            shown.contains("water  Су ресурстары / Захираҳои об"),
            "{shown}"
        );
        assert!(shown.contains("(did you mean \"tajikistan\"?)"), "{shown}");
        let plan = plan(&request, &archive, day("2026-03-01")).unwrap();
        assert_eq!(plan.draft.slug, "qazaqstan-men-tazhikstan");
    }

    #[test]
    fn asks_only_for_what_flags_did_not_give_and_for_a_free_slug() {
        let (_dir, archive) = archive();
        let mut request = Request {
            title: Some("Бор".into()),
            lang: Some("kk".into()),
            countries: Some(vec![]),
            topics: Some(vec!["trade".into()]),
            ..Request::default()
        };
        let mut output = Vec::new();
        ask_missing(
            &mut request,
            &archive,
            day("2026-03-01"),
            Cursor::new("Kazinform\nbor\nbor-2\n"),
            &mut output,
        )
        .unwrap();
        let shown = String::from_utf8(output).unwrap();
        assert_eq!(request.outlet.as_deref(), Some("Kazinform"));
        assert_eq!(request.slug.as_deref(), Some("bor-2"));
        assert!(!shown.contains("title:"), "{shown}");
        assert!(!shown.contains("countries:"), "{shown}");
        assert!(
            shown.contains("already used by content/articles/2025/bor.md"),
            "{shown}"
        );
        // Input that ends early cancels.
        let mut request = Request::default();
        let error = ask_missing(
            &mut request,
            &archive,
            day("2026-03-01"),
            Cursor::new("Бор\n"),
            Vec::new(),
        )
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            "the input ended before the language was given"
        );
    }

    #[test]
    fn today_is_a_date() {
        let today = Date::today();
        assert!(today.year >= 2025, "{today}");
    }
}
