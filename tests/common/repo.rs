//! The repository's own project: built into a temporary folder, and its `content/` read
//! independently of the generator (a plain TOML parser) to say what the pages must show.

use super::fixture::taxonomy_ids;
use super::html::{ReadBack, has_extension, listed_stories, snapshot};
use super::links::base_path;
use scraper::Html;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The base URLs every site is checked under: a domain root and a GitHub Pages project sub-path.
pub(crate) const ROOT_BASE: &str = "http://127.0.0.1:8000/";
pub(crate) const SUB_BASE: &str = "http://127.0.0.1:8000/REPO/";

/// The crate's own folder: its `content/` is the real archive.
pub(crate) fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A site built into a temporary folder; the folder goes away when this is dropped.
pub(crate) struct Built {
    _dir: tempfile::TempDir,
    pub out: PathBuf,
    pub base_url: String,
    pub report: dostyk::BuildReport,
}

impl ReadBack for Built {
    fn out(&self) -> &Path {
        &self.out
    }
}

impl Built {
    /// The path part of the base URL: `/` or `/REPO/`.
    pub(crate) fn base_path(&self) -> String {
        base_path(&self.base_url)
    }

    /// Every file of the output, relative, with `/` separators.
    pub(crate) fn files(&self) -> BTreeSet<String> {
        snapshot(&self.out).into_keys().collect()
    }

    pub(crate) fn html_files(&self) -> Vec<String> {
        self.files()
            .into_iter()
            .filter(|f| has_extension(f, "html"))
            .collect()
    }
}

impl Built {
    /// Wraps a fixture built for `base_url`; the fixture's folder lives as long as this.
    pub(crate) fn from_fixture(
        fixture: super::fixture::Fixture,
        base_url: &str,
        report: dostyk::BuildReport,
    ) -> Built {
        Built {
            _dir: fixture.dir,
            out: fixture.out,
            base_url: base_url.to_string(),
            report,
        }
    }
}

/// Builds the repository's own project (its `content/`, `site.toml`, templates) for `base_url`.
pub(crate) fn build_repo(base_url: &str) -> Built {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("public");
    let report = dostyk::build(&dostyk::BuildOptions {
        project: dostyk::Project::new(repo_root()),
        out: out.clone(),
        base_url: Some(base_url.to_string()),
        when_busy: dostyk::write::WhenBusy::Wait,
        search: true,
    })
    .unwrap_or_else(|e| panic!("the repository's content builds:\n{e}"));
    Built {
        _dir: dir,
        out,
        base_url: base_url.to_string(),
        report,
    }
}

/// One article of `content/articles`, as its front matter says.
#[derive(Debug, Clone)]
pub(crate) struct SourceArticle {
    pub slug: String,
    pub title: String,
    pub date: String,
    pub lang: String,
    pub countries: Vec<String>,
    pub topics: Vec<String>,
    pub story: String,
}

/// Reads every `content/articles/**/*.md` of the repository with a plain TOML parser.
pub(crate) fn repo_articles() -> Vec<SourceArticle> {
    let dir = repo_root().join("content/articles");
    let mut articles = Vec::new();
    for (rel, bytes) in snapshot(&dir) {
        if !has_extension(&rel, "md") {
            continue;
        }
        let text = String::from_utf8(bytes).expect("UTF-8 article");
        let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
        let rest = text.strip_prefix("+++\n").expect("front matter opens");
        let end = rest.find("\n+++").expect("front matter closes");
        let fm: toml::Table = rest[..end].parse().expect("front matter is TOML");
        let stem = rel
            .rsplit('/')
            .next()
            .unwrap()
            .trim_end_matches(".md")
            .to_string();
        let slug = fm
            .get("slug")
            .and_then(|v| v.as_str())
            .map_or(stem, str::to_string);
        let list = |key: &str| -> Vec<String> {
            fm.get(key)
                .and_then(|v| v.as_array())
                .map(|a| {
                    a.iter()
                        .map(|v| v.as_str().expect("string id").to_string())
                        .collect()
                })
                .unwrap_or_default()
        };
        articles.push(SourceArticle {
            story: fm
                .get("story")
                .and_then(|v| v.as_str())
                .map_or_else(|| slug.clone(), str::to_string),
            title: fm["title"].as_str().expect("title").to_string(),
            date: fm["date"].to_string().trim_matches('"').to_string(),
            lang: fm["lang"].as_str().expect("lang").to_string(),
            countries: list("countries"),
            topics: list("topics"),
            slug,
        });
    }
    assert!(articles.len() >= 5, "the repository has its five articles");
    articles
}

/// Country and topic ids of the repository's `content/taxonomy.toml`, in order.
pub(crate) fn repo_taxonomy() -> (Vec<String>, Vec<String>) {
    let text = std::fs::read_to_string(repo_root().join("content/taxonomy.toml")).unwrap();
    taxonomy_ids(&text)
}

/// The UI languages of the repository's `site.toml`, default first.
pub(crate) const UI: [&str; 2] = ["kk", "tg"];

/// One story: the versions of one event, in UI-language order (kk, tg, then other codes).
#[derive(Debug, Clone)]
pub(crate) struct SourceStory {
    pub id: String,
    pub versions: Vec<SourceArticle>,
}

impl SourceStory {
    /// The earliest version's date.
    pub(crate) fn date(&self) -> String {
        self.versions.iter().map(|v| v.date.clone()).min().unwrap()
    }

    /// The version a reader of the `ui` tree sees in lists.
    pub(crate) fn shown(&self, ui: &str) -> &SourceArticle {
        self.versions
            .iter()
            .find(|v| v.lang == ui)
            .unwrap_or(&self.versions[0])
    }

    pub(crate) fn slugs(&self) -> BTreeSet<String> {
        self.versions.iter().map(|v| v.slug.clone()).collect()
    }

    pub(crate) fn has(&self, kind: &str, id: &str) -> bool {
        self.versions.iter().any(|v| {
            let ids = if kind == "countries" {
                &v.countries
            } else {
                &v.topics
            };
            ids.iter().any(|i| i == id)
        })
    }
}

/// The repository's stories, newest first (ties by story id).
pub(crate) fn repo_stories() -> Vec<SourceStory> {
    stories_of(repo_articles())
}

/// Groups articles into stories, newest first (ties by story id).
pub(crate) fn stories_of(articles: Vec<SourceArticle>) -> Vec<SourceStory> {
    let mut by_id: BTreeMap<String, Vec<SourceArticle>> = BTreeMap::new();
    for article in articles {
        by_id
            .entry(article.story.clone())
            .or_default()
            .push(article);
    }
    let rank = |lang: &str| UI.iter().position(|u| *u == lang).unwrap_or(usize::MAX);
    let mut stories: Vec<SourceStory> = by_id
        .into_iter()
        .map(|(id, mut versions)| {
            versions.sort_by(|a, b| {
                (rank(&a.lang), &a.lang, &a.slug).cmp(&(rank(&b.lang), &b.lang, &b.slug))
            });
            SourceStory { id, versions }
        })
        .collect();
    stories.sort_by(|a, b| b.date().cmp(&a.date()).then_with(|| a.id.cmp(&b.id)));
    stories
}

/// Checks that a list page of the `ui` tree shows exactly `expected`, each once, with the
/// version a reader of `ui` should see and "also in" links to the others.
pub(crate) fn assert_lists_stories(doc: &Html, ui: &str, expected: &[&SourceStory], what: &str) {
    let listed = listed_stories(doc, what);
    let shown: Vec<String> = listed.iter().map(|l| l.slug.clone()).collect();
    let mut want: Vec<String> = expected.iter().map(|s| s.shown(ui).slug.clone()).collect();
    let mut got = shown.clone();
    want.sort();
    got.sort();
    assert_eq!(got, want, "{what}: the stories listed");
    for story in expected {
        let shown = story.shown(ui);
        let entry = listed
            .iter()
            .find(|l| l.slug == shown.slug)
            .expect("checked above");
        assert!(
            entry.href.contains(&format!("/{ui}/articles/")),
            "{what}: {} links out of the {ui} tree",
            entry.href
        );
        assert_eq!(
            entry.lang.as_deref(),
            Some(shown.lang.as_str()),
            "{what}: the title of {} is marked with its language",
            shown.slug
        );
        let others: BTreeSet<String> = story
            .versions
            .iter()
            .filter(|v| v.slug != shown.slug)
            .map(|v| v.slug.clone())
            .collect();
        let also: BTreeSet<String> = entry.also_in.iter().cloned().collect();
        assert_eq!(also, others, "{what}: \"also in\" of {}", shown.slug);
    }
}
