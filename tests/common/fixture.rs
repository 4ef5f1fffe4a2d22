//! Small fixture sites written from strings into temporary folders, as Zola's `test_site`
//! is: a `site.toml`, a taxonomy and the articles a test needs, built with the library.

use super::html::ReadBack;
use scraper::Html;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

pub(crate) const SITE_TOML: &str = r#"base_url = "http://127.0.0.1:8000/"
ui_languages = ["kk", "tg"]
page_size = 20
feed_length = 20
landing_stories = 6

[languages.kk]
title = "Сынақ"
description = "Сынақ сайты"

[languages.tg]
title = "Санҷиш"
description = "Сомонаи санҷишӣ"
"#;

/// The fixtures' three countries, as `taxonomy.toml` text: a macro, so that taxonomies with
/// other topics can start with it in `concat!`.
macro_rules! countries_toml {
    () => {
        r#"[[countries]]
id = "kazakhstan"
label = { kk = "Қазақстан", tg = "Қазоқистон" }

[[countries]]
id = "tajikistan"
label = { kk = "Тәжікстан", tg = "Тоҷикистон" }

[[countries]]
id = "uzbekistan"
label = { kk = "Өзбекстан", tg = "Ӯзбекистон" }

"#
    };
}
pub(crate) use countries_toml;

pub(crate) const TAXONOMY_TOML: &str = concat!(
    countries_toml!(),
    r#"[[topics]]
id = "trade"
label = { kk = "Сауда", tg = "Савдо" }

[[topics]]
id = "water"
label = { kk = "Су", tg = "Об" }

[[topics]]
id = "diplomacy"
label = { kk = "Дипломатия", tg = "Дипломатия" }
"#
);

/// A small project in a temporary folder: `site/` holds the project, `out/` the output.
pub(crate) struct Fixture {
    pub dir: tempfile::TempDir,
    pub root: PathBuf,
    pub out: PathBuf,
}

impl Default for Fixture {
    fn default() -> Self {
        Self::new()
    }
}

impl ReadBack for Fixture {
    fn out(&self) -> &Path {
        &self.out
    }
}

impl Fixture {
    /// A project with the default `site.toml` and taxonomy and no articles.
    pub(crate) fn new() -> Fixture {
        Self::with_config(SITE_TOML)
    }

    /// A project with its own `site.toml`.
    pub(crate) fn with_config(site_toml: &str) -> Fixture {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("site");
        let out = dir.path().join("out");
        let fixture = Fixture { dir, root, out };
        fixture.write("site.toml", site_toml);
        fixture.write("content/taxonomy.toml", TAXONOMY_TOML);
        fixture
    }

    /// Writes a file of the project, creating its folders.
    pub(crate) fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.root.join(rel);
        std::fs::create_dir_all(path.parent().expect("a file has a folder")).expect("mkdir");
        std::fs::write(&path, contents).expect("write fixture file");
        path
    }

    pub(crate) fn remove(&self, rel: &str) {
        std::fs::remove_file(self.root.join(rel)).expect("remove fixture file");
    }

    /// Writes `content/articles/<rel>` (e.g. `2025/some-slug.md`).
    pub(crate) fn article(&self, rel: &str, text: impl AsRef<[u8]>) -> PathBuf {
        self.write(&format!("content/articles/{rel}"), text)
    }

    /// The path of a project file as error messages name it.
    pub(crate) fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    pub(crate) fn build(&self) -> Result<dostyk::BuildReport, dostyk::Error> {
        self.build_for(None)
    }

    pub(crate) fn build_for(
        &self,
        base_url: Option<&str>,
    ) -> Result<dostyk::BuildReport, dostyk::Error> {
        dostyk::build(&dostyk::BuildOptions {
            project: dostyk::Project::new(&self.root),
            out: self.out.clone(),
            base_url: base_url.map(str::to_string),
            when_busy: dostyk::write::WhenBusy::Wait,
            search: true,
        })
    }

    /// Builds and panics with every diagnostic if the build fails.
    pub(crate) fn build_ok(&self) -> dostyk::BuildReport {
        self.build()
            .unwrap_or_else(|e| panic!("fixture site builds:\n{e}"))
    }

    /// Names in the temporary folder beside the project and the output: a failed or finished
    /// build must leave only `site` and `out` there.
    pub(crate) fn siblings(&self) -> BTreeSet<String> {
        std::fs::read_dir(self.dir.path())
            .expect("read temp dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect()
    }
}

/// One article file's text, front matter and body.
#[derive(Clone, Debug)]
pub(crate) struct ArticleSpec {
    pub title: String,
    pub date: String,
    pub lang: String,
    pub countries: Vec<String>,
    pub topics: Vec<String>,
    pub story: Option<String>,
    pub outlet: String,
    /// Front matter after `[source] outlet` (a `[photo]` table, say).
    pub after_source: String,
    pub body: String,
}

impl ArticleSpec {
    pub(crate) fn new(title: &str, date: &str, lang: &str) -> ArticleSpec {
        ArticleSpec {
            title: title.into(),
            date: date.into(),
            lang: lang.into(),
            countries: vec!["kazakhstan".into(), "tajikistan".into()],
            topics: vec!["trade".into()],
            story: None,
            outlet: "Test Agency".into(),
            after_source: String::new(),
            body: format!("{title}: the first paragraph of the text.\n\nA second paragraph.\n"),
        }
    }

    pub(crate) fn countries(mut self, ids: &[&str]) -> Self {
        self.countries = ids.iter().map(std::string::ToString::to_string).collect();
        self
    }

    pub(crate) fn topics(mut self, ids: &[&str]) -> Self {
        self.topics = ids.iter().map(std::string::ToString::to_string).collect();
        self
    }

    pub(crate) fn story(mut self, id: &str) -> Self {
        self.story = Some(id.into());
        self
    }

    /// Front matter lines after `[source] outlet`: without a story, they start on line 9.
    pub(crate) fn after_source(mut self, lines: &str) -> Self {
        self.after_source = lines.into();
        self
    }

    pub(crate) fn body(mut self, body: &str) -> Self {
        self.body = body.into();
        self
    }

    /// The file's text. Line 1 is `+++`, line 2 `title`, line 3 `date`, line 4 `lang`,
    /// line 5 `countries`, line 6 `topics`; tests that check line numbers rely on this.
    pub(crate) fn text(&self) -> String {
        let list = |items: &[String]| {
            items
                .iter()
                .map(|i| format!("{i:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut text = String::from("+++\n");
        let _ = writeln!(text, "title = {}", toml_string(&self.title));
        let _ = writeln!(text, "date = {}", self.date);
        let _ = writeln!(text, "lang = {:?}", self.lang);
        let _ = writeln!(text, "countries = [{}]", list(&self.countries));
        let _ = writeln!(text, "topics = [{}]", list(&self.topics));
        if let Some(story) = &self.story {
            let _ = writeln!(text, "story = {story:?}");
        }
        text.push_str("[source]\n");
        let _ = writeln!(text, "outlet = {}", toml_string(&self.outlet));
        text.push_str(&self.after_source);
        text.push_str("+++\n\n");
        text.push_str(&self.body);
        text
    }
}

/// A TOML basic string.
pub(crate) fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// Every diagnostic of a failed build, as `file:line: message` lines.
pub(crate) fn messages(result: Result<dostyk::BuildReport, dostyk::Error>) -> Vec<String> {
    match result {
        Ok(_) => panic!("the build succeeded but should have failed"),
        Err(e) => e.diagnostics().iter().map(ToString::to_string).collect(),
    }
}

/// The front matter of an article file, parsed as plain TOML.
pub(crate) fn front_matter(path: &Path) -> toml::Table {
    let text = std::fs::read_to_string(path).unwrap();
    let inner = text
        .strip_prefix("+++\n")
        .unwrap()
        .split("\n+++\n")
        .next()
        .unwrap();
    toml::from_str(inner).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

/// The `site.toml` of the project the preview tests edit: served under a sub-path, with small pages so that a
/// date change moves stories across pages; two versions of one story, other languages, a link
/// between articles and a code block.
fn preview_site() -> String {
    SITE_TOML
        .replace("http://127.0.0.1:8000/", "http://127.0.0.1:8000/REPO/")
        .replace("page_size = 20", "page_size = 2")
        .replace("feed_length = 20", "feed_length = 3")
        .replace("landing_stories = 6", "landing_stories = 2")
}

pub(crate) fn preview_project() -> Fixture {
    let fixture = Fixture::with_config(&preview_site());
    let articles = [
        (
            "2025/alpha.md",
            ArticleSpec::new("Альфа", "2025-08-27", "kk").story("talks"),
        ),
        (
            "2025/alfa-tg.md",
            ArticleSpec::new("Алфа", "2025-08-27", "tg").story("talks"),
        ),
        (
            "2025/beta.md",
            ArticleSpec::new("Бета", "2025-07-01", "kk").topics(&["water"]),
        ),
        (
            "2024/gamma.md",
            ArticleSpec::new("Гамма", "2024-03-05", "tg").countries(&["uzbekistan"]),
        ),
        (
            "2024/delta.md",
            ArticleSpec::new("Дельта", "2024-01-15", "uz"),
        ),
        (
            "2023/epsilon.md",
            ArticleSpec::new("Эпсилон", "2023-11-30", "kk")
                .body("See [Alpha](../2025/alpha.md).\n\n```toml\na = 1\n```\n"),
        ),
    ];
    for (rel, spec) in articles {
        fixture.article(rel, spec.text());
    }
    fixture
}

/// The small news archive most site-wide tests build instead of the demo `content/`: six
/// articles in Kazakh, Tajik and Uzbek, in four stories over four months of two years. The
/// story `talks` has a Kazakh and a Tajik version, `border` a Kazakh and an Uzbek one (so a
/// Tajik reader sees the default-language version); every country and topic has a story, and
/// one article links another; the taxonomy has a country and a topic without stories.
pub(crate) fn news_specs() -> Vec<(&'static str, ArticleSpec)> {
    let specs = vec![
        (
            "2025/kelissozder.md",
            ArticleSpec::new(
                "Қазақстан мен Тәжікстан келіссөздер жүргізді",
                "2025-08-27",
                "kk",
            )
            .story("talks")
            .topics(&["diplomacy", "trade"]),
        ),
        (
            "2025/muzokirot.md",
            ArticleSpec::new(
                "Қазоқистон ва Тоҷикистон музокира карданд",
                "2025-08-27",
                "tg",
            )
            .story("talks")
            .topics(&["diplomacy"]),
        ),
        (
            "2025/su-kelisimi.md",
            ArticleSpec::new("Су туралы келісімге қол қойылды", "2025-06-10", "kk")
                .countries(&["kazakhstan", "uzbekistan"])
                .topics(&["water"])
                .body(
                    "Су туралы келісім: мәтіннің бірінші абзацы.\n\n\
                     Бұрынғы хабар: [келіссөздер](kelissozder.md).\n",
                ),
        ),
        (
            "2024/savdo.md",
            ArticleSpec::new("Ҳаҷми савдо афзоиш ёфт", "2024-11-05", "tg")
                .countries(&["tajikistan"])
                .topics(&["trade"]),
        ),
        (
            "2024/shekara.md",
            ArticleSpec::new("Шекара мәселесі талқыланды", "2024-03-15", "kk")
                .story("border")
                .countries(&["tajikistan", "uzbekistan"])
                .topics(&["diplomacy", "water"]),
        ),
        (
            "2024/chegara.md",
            ArticleSpec::new("Чегара масаласи муҳокама қилинди", "2024-03-14", "uz")
                .story("border")
                .countries(&["tajikistan", "uzbekistan"])
                .topics(&["diplomacy", "water"]),
        ),
    ];
    // A body of a few paragraphs, as a real article has (the link of `su-kelisimi` kept).
    specs
        .into_iter()
        .map(|(rel, spec)| {
            let extra = (1..=3)
                .map(|i| format!("{}: {i}-абзац, хабардың мәтіні жалғасады.", spec.title))
                .collect::<Vec<_>>()
                .join("\n\n");
            let body = format!("{}\n{extra}\n", spec.body);
            (rel, spec.body(&body))
        })
        .collect()
}

/// The news archive of [`news_specs`] written into a fixture with the default configuration.
pub(crate) fn news_fixture() -> Fixture {
    news_fixture_with(SITE_TOML)
}

/// Terms the news archive's taxonomy defines but no article of [`news_specs`] is filed under.
pub(crate) const UNUSED_TERMS_TOML: &str = r#"
[[countries]]
id = "china"
label = { kk = "Қытай", tg = "Чин" }

[[topics]]
id = "energy"
label = { kk = "Энергетика", tg = "Энергетика" }
"#;

/// The news archive's `taxonomy.toml`: the fixtures' taxonomy and [`UNUSED_TERMS_TOML`].
pub(crate) fn news_taxonomy_toml() -> String {
    format!("{TAXONOMY_TOML}{UNUSED_TERMS_TOML}")
}

/// The news archive of [`news_specs`] with its own `site.toml`.
pub(crate) fn news_fixture_with(site_toml: &str) -> Fixture {
    let fixture = Fixture::with_config(site_toml);
    fixture.write("content/taxonomy.toml", news_taxonomy_toml());
    for (rel, spec) in news_specs() {
        fixture.article(rel, spec.text());
    }
    fixture
}

/// The news archive built for `base_url`; panics with every diagnostic if the build fails.
pub(crate) fn build_news(base_url: &str) -> super::repo::Built {
    build_fixture(news_fixture(), base_url)
}

/// Builds `fixture` for `base_url`; panics with every diagnostic if the build fails.
pub(crate) fn build_fixture(fixture: Fixture, base_url: &str) -> super::repo::Built {
    let report = fixture
        .build_for(Some(base_url))
        .unwrap_or_else(|e| panic!("the news fixture builds:\n{e}"));
    super::repo::Built::from_fixture(fixture, base_url, report)
}

/// The articles of [`news_specs`] as the pages must show them (slug: the file name; story: the
/// `story` key, or the slug).
pub(crate) fn news_articles() -> Vec<super::repo::SourceArticle> {
    news_specs()
        .into_iter()
        .map(|(rel, spec)| {
            let slug = rel
                .rsplit('/')
                .next()
                .unwrap()
                .trim_end_matches(".md")
                .to_string();
            super::repo::SourceArticle {
                story: spec.story.clone().unwrap_or_else(|| slug.clone()),
                title: spec.title,
                date: spec.date,
                lang: spec.lang,
                countries: spec.countries,
                topics: spec.topics,
                slug,
            }
        })
        .collect()
}

/// The stories of [`news_specs`], newest first.
pub(crate) fn news_stories() -> Vec<super::repo::SourceStory> {
    super::repo::stories_of(news_articles())
}

/// Country and topic ids of the news archive's taxonomy, in order.
pub(crate) fn news_taxonomy() -> (Vec<String>, Vec<String>) {
    taxonomy_ids(&news_taxonomy_toml())
}

/// Country and topic ids of a `taxonomy.toml`, in order.
pub(crate) fn taxonomy_ids(taxonomy_toml: &str) -> (Vec<String>, Vec<String>) {
    let table: toml::Table = taxonomy_toml.parse().expect("taxonomy is TOML");
    let ids = |key: &str| -> Vec<String> {
        table[key]
            .as_array()
            .expect("array of tables")
            .iter()
            .map(|t| t["id"].as_str().expect("id").to_string())
            .collect()
    };
    (ids("countries"), ids("topics"))
}
